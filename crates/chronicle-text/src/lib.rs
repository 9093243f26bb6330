//! This crate provides chronicle's text layer: a tokenizer and a sentence
//! splitter built for news, and the two annotators that add them to a
//! [`Document`].
//!
//! ```
//! use chronicle_core::{Date, Document};
//! use chronicle_text::{SentenceSplitter, Tokenizer};
//! use chronicle_core::Annotator;
//! let mut doc = Document::new("d", Date::from_ymd_opt(2022, 3, 16).unwrap(),
//!     "U.S. Defense Secretary Lloyd Austin spoke. NATO’s allies agreed.");
//! Tokenizer.annotate(&mut doc).unwrap();
//! SentenceSplitter.annotate(&mut doc).unwrap();
//! assert_eq!(doc.layers.sentences().len(), 2);
//! chronicle_core::validate(&doc).unwrap();
//! ```

mod abbrev;
mod sentences;
mod tokenize;

pub use sentences::split_sentences;
pub use tokenize::{is_quote_mark, tokenize};

use chronicle_core::{AnnotateError, Annotator, Document, Layer, LayerKind};

/// Adds the tokens layer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tokenizer;

impl Annotator for Tokenizer {
    fn name(&self) -> &'static str {
        "tokenizer"
    }
    fn needs(&self) -> &'static [LayerKind] {
        &[]
    }
    fn adds(&self) -> &'static [LayerKind] {
        &[LayerKind::Tokens]
    }
    fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError> {
        let tokens = tokenize(doc.body());
        doc.layers.tokens = Some(Layer::new(self.name(), tokens));
        Ok(())
    }
}

/// Adds the sentences layer; needs tokens.
#[derive(Debug, Clone, Copy, Default)]
pub struct SentenceSplitter;

impl Annotator for SentenceSplitter {
    fn name(&self) -> &'static str {
        "sentences"
    }
    fn needs(&self) -> &'static [LayerKind] {
        &[LayerKind::Tokens]
    }
    fn adds(&self) -> &'static [LayerKind] {
        &[LayerKind::Sentences]
    }
    fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError> {
        let sentences = split_sentences(doc.body(), doc.layers.tokens());
        doc.layers.sentences = Some(Layer::new(self.name(), sentences));
        Ok(())
    }
}
