//! Test helpers: annotate a sentence with the layers places needs.

use chronicle_core::{Annotator, Date, Document};

/// Tokens, sentences, the real entity tagger, then places; validated.
pub fn annotate(text: &str) -> Document {
    let mut doc = Document::new("t", Date::from_ymd_opt(2022, 3, 16).unwrap(), text);
    chronicle_text::Tokenizer.annotate(&mut doc).unwrap();
    chronicle_text::SentenceSplitter.annotate(&mut doc).unwrap();
    chronicle_ner::EntityTagger.annotate(&mut doc).unwrap();
    crate::PlaceAnnotator.annotate(&mut doc).unwrap();
    chronicle_core::validate(&doc).unwrap();
    doc
}

/// The text of every place [`annotate`] finds in `text`, in order.
pub fn place_texts(text: &str) -> Vec<String> {
    let d = annotate(text);
    d.layers
        .places()
        .iter()
        .map(|p| d.text(p.span).to_owned())
        .collect()
}
