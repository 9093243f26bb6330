//! A helper for the unit tests: annotate a sentence, validate, return the
//! figures.

use crate::FigureAnnotator;
use chronicle_core::{Annotator, Date, Document, Figure};
use chronicle_text::{SentenceSplitter, Tokenizer};

pub fn figs(text: &str) -> Vec<Figure> {
    let mut doc = Document::new("t", Date::from_ymd_opt(2022, 3, 16).unwrap(), text);
    Tokenizer.annotate(&mut doc).unwrap();
    SentenceSplitter.annotate(&mut doc).unwrap();
    FigureAnnotator.annotate(&mut doc).unwrap();
    chronicle_core::validate(&doc).unwrap();
    doc.layers.figures().to_vec()
}
