//! `chronicle serve --demo`: the bundled corpus — 796 English Wikinews
//! articles, 2019–2024, CC BY 2.5 (see `examples/README.md`) — compiled into
//! the binary and ingested into a database before serving.
//!
//! Invariant: ingest is idempotent (identity by content hash), so preparing
//! an existing demo database again stores nothing twice.

use crate::ingest::{annotate_and_store, IngestReport};
use chronicle_pipeline::Pipeline;
use chronicle_read::{read_bytes, InputFormat, ReadOptions};
use chronicle_store::{Store, StoreError};
use std::path::Path;

/// The bundled corpus, JSON Lines.
pub const CORPUS: &[u8] = include_bytes!("../../../examples/wikinews_en_2019_2024.jsonl");
/// Its name in error messages and default ids.
pub const CORPUS_NAME: &str = "wikinews_en_2019_2024.jsonl";

/// Ingests the bundled corpus into the database at `db`.
pub fn prepare(db: &Path) -> Result<IngestReport, StoreError> {
    let mut store = Store::open(db)?;
    let opts = ReadOptions {
        format: InputFormat::Jsonl,
        ..ReadOptions::default()
    };
    let docs = read_bytes(CORPUS_NAME, CORPUS, &opts);
    annotate_and_store(&Pipeline::standard(), &mut store, docs.into_iter())
}
