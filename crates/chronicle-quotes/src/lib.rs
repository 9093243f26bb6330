//! This crate provides chronicle's `quotes` and `people` layers: who said
//! what. Direct quotes (straight and curly marks, split by their
//! attribution, running over paragraphs), partial quotes inside a sentence,
//! and reported speech, each with its cue and speaker; and one entry per
//! person with the roles the article gives them and every mention.
//!
//! The rules read tokens, sentences and — when the pipeline has run the
//! tagger — person, organisation and place names. A speaker that cannot be
//! determined is `None`, never a guess.
//!
//! Modules: `marks` pairs quotation marks; `attribution` finds cues and
//! speaker phrases of quotes, `reported` the clauses of reported speech and
//! labelled lines, with `clauses` bounding the content around them;
//! `phrases` bounds speaker phrases; `people` groups names into people with
//! roles; `resolve` turns phrases (names, pronouns,
//! descriptions) into speakers; `cue_model` (trained by `train` over
//! `cue_features`) decides which reported-speech candidates are
//! attributions.

mod attribution;
mod clauses;
mod context;
mod cue_features;
pub mod cue_model;
pub mod eval;
mod lexicon;
mod marks;
mod people;
mod phrases;
mod reported;
mod resolve;
pub mod train;

pub use cue_model::CueModel;

use chronicle_core::{AnnotateError, Annotator, Document, Layer, LayerKind, Person, Quote};

/// Adds the quotes and people layers; needs tokens and sentences, and uses
/// entities when they are there.
#[derive(Debug, Clone, Copy, Default)]
pub struct QuoteAnnotator;

impl Annotator for QuoteAnnotator {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn languages(&self) -> &'static [&'static str] {
        &["en"]
    }
    fn needs(&self) -> &'static [LayerKind] {
        &[LayerKind::Tokens, LayerKind::Sentences]
    }
    fn adds(&self) -> &'static [LayerKind] {
        &[LayerKind::Quotes, LayerKind::People]
    }
    fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError> {
        let (quotes, people) = extract(doc);
        doc.layers.quotes = Some(Layer::new(self.name(), quotes));
        doc.layers.people = Some(Layer::new(self.name(), people));
        Ok(())
    }
}

/// The quotes (sorted by span) and people of a document with tokens and
/// sentences.
pub fn extract(doc: &Document) -> (Vec<Quote>, Vec<Person>) {
    extract_with(doc, Some(cue_model::shipped()))
}

/// [`extract`] with another cue model, or none (the rules alone).
pub fn extract_with(doc: &Document, model: Option<&CueModel>) -> (Vec<Quote>, Vec<Person>) {
    let cx = context::Context::new(doc);
    let mut people = people::build(&cx);
    let candidates = attribution::candidates(&cx, model);
    let speakers = resolve::resolve(&cx, &mut people, &candidates);
    let mut quotes: Vec<Quote> = candidates
        .iter()
        .zip(speakers)
        .map(|(c, speaker)| Quote {
            span: c.content,
            kind: c.kind,
            cue: c.cue.map(|i| cx.tokens[i].span),
            speaker,
        })
        .collect();
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    quotes.dedup_by(|a, b| a.span == b.span);
    let persons = people
        .persons
        .into_iter()
        .map(|p| Person {
            name: p.name,
            roles: p.roles,
            mentions: p.mentions,
        })
        .collect();
    (quotes, persons)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_clauses;
