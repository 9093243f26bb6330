//! The entities annotator: runs the shipped tagger over each document's
//! sentences (chronicle's own tokens) and adds the entities layer.
//!
//! One convention differs from CoNLL-2003 here: seats of government used for
//! the government itself ("the Kremlin warned", "the White House said") are
//! organizations, as in OntoNotes, where CoNLL tags them as locations
//! (`Kremlin` is I-LOC 11 times out of 12 in its training set). The model
//! keeps CoNLL's convention, so `chronicle eval ner` measures it unchanged;
//! [`GOVERNMENT_SEATS`] is applied to the entities layer only.

use crate::labels::TokenSpan;
use crate::{shipped, Tagger};
use chronicle_core::{
    AnnotateError, Annotator, Document, Entity, EntityType, Layer, LayerKind, Span,
};

/// Adds the entities layer; needs tokens and sentences.
#[derive(Debug, Clone, Copy, Default)]
pub struct EntityTagger;

impl Annotator for EntityTagger {
    fn name(&self) -> &'static str {
        "ner"
    }
    fn languages(&self) -> &'static [&'static str] {
        &["en"]
    }
    fn needs(&self) -> &'static [LayerKind] {
        &[LayerKind::Tokens, LayerKind::Sentences]
    }
    fn adds(&self) -> &'static [LayerKind] {
        &[LayerKind::Entities]
    }
    fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError> {
        let tagger = shipped().map_err(|e| AnnotateError::new(self.name(), e.to_string()))?;
        let entities = entities(tagger, doc);
        doc.layers.entities = Some(Layer::new(self.name(), entities));
        Ok(())
    }
}

/// Entities of a document that has tokens and sentences, sorted and disjoint.
pub fn entities(tagger: &Tagger, doc: &Document) -> Vec<Entity> {
    let body = doc.body();
    let tokens = doc.layers.tokens();
    let ranges: Vec<std::ops::Range<usize>> = doc
        .layers
        .sentences()
        .iter()
        .map(|s| s.token_range())
        .filter(|r| r.start < r.end && r.end <= tokens.len())
        .collect();
    let words: Vec<Vec<&str>> = ranges
        .iter()
        .map(|r| {
            tokens[r.clone()]
                .iter()
                .map(|t| t.span.text(body))
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for (r, spans) in ranges.iter().zip(tagger.tag_document(&words)) {
        for TokenSpan { start, end, kind } in spans {
            let (a, b) = (r.start + start, r.start + end);
            if a < b && b <= r.end {
                out.push(Entity {
                    span: Span::new(tokens[a].span.start(), tokens[b - 1].span.end()),
                    kind,
                });
            }
        }
    }
    for e in &mut out {
        if e.kind == EntityType::Location && is_government_seat(e.span.text(body)) {
            e.kind = EntityType::Organization;
        }
    }
    out.sort_by_key(|e| (e.span.start, e.span.end));
    out
}

/// Buildings and streets that stand for a government in news text.
pub const GOVERNMENT_SEATS: &[&str] = &[
    "Kremlin",
    "White House",
    "Pentagon",
    "Elysee",
    "Élysée",
    "Elysee Palace",
    "Élysée Palace",
    "Downing Street",
    "Quai d'Orsay",
    "Zhongnanhai",
    "Blue House",
];

fn is_government_seat(text: &str) -> bool {
    let norm = crate::features::normalize(text);
    GOVERNMENT_SEATS.contains(&norm.as_ref())
}
