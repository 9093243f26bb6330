//! The tagger: resources plus one or two passes of weights. The first pass
//! tags a document from local and document-statistics features; the second
//! (when the model has one) sees the first pass's labels for the whole
//! document and tags again.

use crate::features::{Extractor, SentFeatures};
use crate::labels::{decode, TokenSpan, N_LABELS};
use crate::model::{read_model, Lattice, ModelError, Weights};
use crate::resources::Resources;

/// A loaded model, shareable across threads.
pub struct Tagger {
    pub resources: Resources,
    /// `variants[0]`: passes for cased text; `variants[1]`, when present:
    /// passes for text without capitals (see `is_uncased`).
    pub variants: Vec<Vec<Weights>>,
    lattice: Lattice,
}

/// Whether a document is written without capitals (fewer than one word in
/// fifty has an upper-case letter), so that a model trained on lower-cased
/// text should tag it.
pub fn is_uncased<S: AsRef<str>>(sentences: &[Vec<S>]) -> bool {
    let (mut words, mut upper) = (0usize, 0usize);
    for w in sentences.iter().flatten() {
        let w = w.as_ref();
        if w.chars().next().is_some_and(char::is_alphabetic) {
            words += 1;
            if w.chars().any(char::is_uppercase) {
                upper += 1;
            }
        }
    }
    words > 0 && upper * 50 < words
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("variants", &self.variants.len())
            .field("passes", &self.variants.first().map_or(0, Vec::len))
            .field("bits", &self.bits())
            .finish()
    }
}

impl Tagger {
    pub fn new(resources: Resources, variants: Vec<Vec<Weights>>) -> Tagger {
        Tagger {
            resources,
            variants,
            lattice: Lattice::new(),
        }
    }

    /// Loads a model file made for these resources.
    pub fn from_bytes(bytes: &[u8], resources: Resources) -> Result<Tagger, ModelError> {
        let variants = read_model(bytes, resources.fingerprint)?;
        Ok(Tagger::new(resources, variants))
    }

    pub fn bits(&self) -> u8 {
        self.variants
            .first()
            .and_then(|v| v.first())
            .map_or(0, |p| p.bits)
    }

    pub(crate) fn extractor(&self) -> Extractor<'_> {
        Extractor {
            resources: &self.resources,
            bits: self.bits(),
        }
    }

    /// BILOU labels for every token of a document (sentences of words).
    pub fn label_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<u8>> {
        let variant = if self.variants.len() > 1 && is_uncased(sentences) {
            &self.variants[1]
        } else {
            &self.variants[0]
        };
        label_with(&self.extractor(), variant, &self.lattice, sentences)
    }

    /// Entity spans (token indices) for each sentence of a document.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<TokenSpan>> {
        self.label_document(sentences)
            .iter()
            .map(|l| decode(l))
            .collect()
    }
}

/// Runs the passes in order over a document. Token information and local
/// features are computed once; each later pass adds the non-local features
/// of the labels the pass before it gave.
pub(crate) fn label_with<S: AsRef<str>>(
    x: &Extractor<'_>,
    passes: &[Weights],
    lattice: &Lattice,
    sentences: &[Vec<S>],
) -> Vec<Vec<u8>> {
    if passes.is_empty() {
        return sentences.iter().map(|s| vec![0; s.len()]).collect();
    }
    let mut prepared = x.prepare(sentences);
    let mut labels: Option<Vec<Vec<u8>>> = None;
    for w in passes {
        let extra = labels.as_ref().map(|l| x.nonlocal(&mut prepared, l));
        labels = Some(label_sentences(
            w,
            lattice,
            &prepared.local,
            extra.as_deref(),
        ));
    }
    labels.unwrap_or_default()
}

/// Labels of each sentence under one pass's weights: `feats` per sentence,
/// plus `extra` features per sentence when given.
pub(crate) fn label_sentences(
    w: &Weights,
    lattice: &Lattice,
    feats: &[SentFeatures],
    extra: Option<&[SentFeatures]>,
) -> Vec<Vec<u8>> {
    let mut em: Vec<[i32; N_LABELS]> = Vec::new();
    feats
        .iter()
        .enumerate()
        .map(|(s, sf)| {
            w.emissions(sf, extra.and_then(|e| e.get(s)), &mut em);
            let mut out = Vec::new();
            lattice.viterbi(sf.len(), |t, y| em[t][y] as f32, &w.trans, &mut out);
            out
        })
        .collect()
}
