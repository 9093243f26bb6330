//! The Annotator trait: one pipeline stage that adds layers to a document.
//!
//! An annotator is shared across threads (`Send + Sync`, `&self`): models are
//! loaded once when it is built and read concurrently afterwards. It
//! declares the layers it needs and the layers it adds; the pipeline checks
//! the order up front and, after each call, that the declared layers are
//! there. It also declares the languages its rules and models are made for:
//! the pipeline does not run it on a document in another language.

use crate::{Document, LayerKind};
use thiserror::Error;

/// One stage of the pipeline.
pub trait Annotator: Send + Sync {
    /// A short stable name, recorded as the producer of the layers it adds.
    fn name(&self) -> &'static str;
    /// Layers that must be present before this annotator runs.
    fn needs(&self) -> &'static [LayerKind];
    /// Layers this annotator adds.
    fn adds(&self) -> &'static [LayerKind];
    /// The languages (ISO 639-1 codes) this annotator is made for; empty,
    /// the default, means any language.
    fn languages(&self) -> &'static [&'static str] {
        &[]
    }
    /// Adds this annotator's layers to `doc`.
    fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError>;
}

/// An annotator could not process a document. The document is reported and
/// skipped; the rest of the batch goes on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("annotator {annotator}: {reason}")]
pub struct AnnotateError {
    pub annotator: &'static str,
    pub reason: String,
}

impl AnnotateError {
    pub fn new(annotator: &'static str, reason: impl Into<String>) -> AnnotateError {
        AnnotateError {
            annotator,
            reason: reason.into(),
        }
    }
}
