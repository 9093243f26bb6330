//! This crate provides chronicle's named-entity tagger for the four
//! CoNLL-2003 types (PER, ORG, LOC, MISC):
//!
//! - [`Tagger`]: an averaged structured perceptron over hashed features
//!   ([`features`]), decoded with BILOU labels under transition constraints
//!   ([`labels`], [`model`]), in two passes — the second sees the first
//!   pass's labels across the whole document (Ratinov & Roth 2009);
//! - [`EntityTagger`]: the pipeline annotator that adds the entities layer;
//! - [`train()`](train::train): reproducible training from CoNLL files;
//! - [`conll`]: the column format and a conlleval-exact scorer.
//!
//! The shipped model (`model/ner.bin`) and its resources (`resources/`) are
//! compiled into the binary and loaded once, on first use, by [`shipped`].
//!
//! ```
//! let tagger = chronicle_ner::shipped().expect("the shipped model loads");
//! let doc = vec![vec!["Jens", "Stoltenberg", "visited", "Poland", "."]];
//! let spans = tagger.tag_document(&doc);
//! assert!(spans[0].iter().any(|s| s.kind == chronicle_core::EntityType::Location));
//! ```

mod annotator;
pub mod conll;
pub mod embeddings;
pub mod features;
mod hash;
pub mod labels;
pub mod model;
pub mod resources;
mod tagger;
pub mod train;

pub use annotator::{entities, EntityTagger};
pub use labels::TokenSpan;
pub use model::ModelError;
pub use resources::Resources;
pub use tagger::Tagger;

use std::sync::OnceLock;

/// The shipped model file.
pub static MODEL_BYTES: &[u8] = include_bytes!("../model/ner.bin");
/// The shipped gazetteers.
pub static GAZETTEERS: &str = include_str!("../resources/gazetteers.tsv");
/// The shipped word clusters.
pub static CLUSTERS: &str = include_str!("../resources/clusters.tsv");

/// The shipped word-vector classes (`resources/embeddings.tsv`), compiled
/// into a table by the build script ([`embeddings`]).
pub static EMBEDDINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embeddings.bin"));

/// The shipped resources (gazetteers, clusters, word-vector classes),
/// parsed.
pub fn shipped_resources() -> Resources {
    Resources::with_table(GAZETTEERS, CLUSTERS, std::borrow::Cow::Borrowed(EMBEDDINGS))
}

/// The shipped tagger, loaded on first use and shared by every thread.
pub fn shipped() -> Result<&'static Tagger, ModelError> {
    static TAGGER: OnceLock<Result<Tagger, ModelError>> = OnceLock::new();
    TAGGER
        .get_or_init(|| Tagger::from_bytes(MODEL_BYTES, shipped_resources()))
        .as_ref()
        .map_err(Clone::clone)
}
