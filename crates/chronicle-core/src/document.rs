//! The Document: one article, its identity, its publication date and its
//! body text with annotation layers.
//!
//! Invariant: the body is never changed after construction — no trimming, no
//! normalisation of quotes or white space — so every span indexes the text as
//! it was read (and, for plain inputs, the source file too). Only layers are
//! added.

use crate::{Date, Layers};
use serde_json::{Map, Value};

/// Where a document was read from, for error messages and provenance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The input's name: a path, or `-` for standard input.
    pub input: String,
    /// The 1-based line (JSON Lines) or record where the document starts.
    pub line: Option<u64>,
}

/// A news article with its annotation layers.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub language: Option<String>,
    /// Publication date: the anchor of every relative date in the body.
    pub date: Date,
    /// The id of an earlier document of the same run whose text this one
    /// repeats, exactly or nearly (a syndicated copy).
    pub duplicate_of: Option<String>,
    /// Fields of the input record that chronicle does not interpret.
    pub metadata: Map<String, Value>,
    pub origin: Origin,
    pub layers: Layers,
    body: String,
}

impl Document {
    pub fn new(id: impl Into<String>, date: Date, body: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            url: None,
            title: None,
            source: None,
            language: None,
            date,
            duplicate_of: None,
            metadata: Map::new(),
            origin: Origin::default(),
            layers: Layers::default(),
            body: body.into(),
        }
    }

    /// The body text exactly as read.
    #[inline]
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The text of a span of the body.
    #[inline]
    pub fn text(&self, span: crate::Span) -> &str {
        span.text(&self.body)
    }
}
