//! Training the cue model (see `cue_model`) from PolNeAR-style gold
//! attributions over documents that have tokens, sentences and entities.
//!
//! 1. Extra cue words: words outside quotes that head gold cues at least
//!    `min_heads` times and in at least `min_share` of their occurrences,
//!    and are not already in the cue lexicon ("want", "believes").
//! 2. Examples: every reported-speech candidate the rules make (with the
//!    extra words), labelled positive when its content overlaps more than
//!    half of a gold content — the scorer's own test.
//! 3. An averaged perceptron over the candidates' hashed features, the
//!    order of examples shuffled per epoch by a seeded generator, so one
//!    seed always gives the same model.

use crate::attribution::candidates_gated;
use crate::context::Context;
use crate::cue_features::features;
use crate::cue_model::CueModel;
use crate::eval::{overlap, GoldAttribution};
use crate::lexicon::{is_cue_filler, is_cue_verb};
use chronicle_core::{Document, TokenKind};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    pub bits: u32,
    pub min_heads: usize,
    pub min_share: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 3,
            seed: 1,
            bits: 18,
            min_heads: 3,
            min_share: 0.2,
        }
    }
}

/// What training saw, for the command's report.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    pub documents: usize,
    pub examples: usize,
    pub positives: usize,
    pub extra_words: usize,
    /// Share of training examples the final model classifies right.
    pub accuracy: f64,
}

/// Words that never head a cue: auxiliaries, pronouns and small words
/// before the cue word inside a gold Cue span ("has also said").
fn skipped(lower: &str) -> bool {
    is_cue_filler(lower)
        || matches!(
            lower,
            "is" | "was"
                | "are"
                | "were"
                | "be"
                | "been"
                | "to"
                | "could"
                | "can"
                | "should"
                | "may"
                | "might"
                | "the"
                | "a"
                | "an"
                | "in"
                | "of"
                | "on"
                | "for"
                | "and"
                | "it"
                | "that"
                | "as"
                | "this"
                | "he"
                | "she"
                | "they"
                | "i"
                | "we"
                | "you"
                | "who"
                | "his"
                | "her"
                | "their"
                | "its"
                | "with"
                | "by"
                | "at"
        )
}

/// The token that heads each gold cue of `gold` in `cx`.
fn cue_heads(cx: &Context, gold: &[GoldAttribution]) -> Vec<usize> {
    let mut out = Vec::new();
    for g in gold {
        let Some(span) = g.cue.first() else { continue };
        let first = cx.tokens.partition_point(|t| t.span.end() <= span.start());
        let head = (first..cx.tokens.len())
            .take_while(|&i| cx.tokens[i].span.start() < span.end())
            .find(|&i| cx.tokens[i].kind == TokenKind::Word && !skipped(&cx.lower[i]));
        out.extend(head);
    }
    out
}

fn is_plain_word(w: &str) -> bool {
    w.len() > 2 && w.chars().all(|c| c.is_ascii_lowercase())
}

/// Trains a cue model on `docs` (each with its gold attributions).
pub fn train(
    docs: &[(Document, Vec<GoldAttribution>)],
    opts: &TrainOptions,
) -> (CueModel, TrainReport) {
    let mut heads: HashMap<String, usize> = HashMap::new();
    let mut occurrences: HashMap<String, usize> = HashMap::new();
    for (doc, gold) in docs {
        let cx = Context::new(doc);
        for (i, w) in cx.lower.iter().enumerate() {
            if !cx.in_quote[i] && is_plain_word(w) {
                *occurrences.entry(w.clone()).or_default() += 1;
            }
        }
        for h in cue_heads(&cx, gold) {
            *heads.entry(cx.lower[h].clone()).or_default() += 1;
        }
    }
    let words: HashSet<String> = heads
        .iter()
        .filter(|&(w, &n)| {
            let total = occurrences.get(w).copied().unwrap_or(0).max(n);
            is_plain_word(w)
                && !is_cue_verb(w)
                && n >= opts.min_heads
                && n as f64 >= opts.min_share * total as f64
        })
        .map(|(w, _)| w.clone())
        .collect();

    let mut examples: Vec<(Vec<u64>, bool)> = Vec::new();
    for (doc, gold) in docs {
        let cx = Context::new(doc);
        let text = doc.body();
        candidates_gated(&cx, Some(&words), &mut |c| {
            let mut f = Vec::new();
            features(&cx, c, &mut f);
            let positive = gold.iter().any(|g| {
                let len: usize = g.content.iter().map(|s| s.text(text).chars().count()).sum();
                2 * overlap(text, &g.content, c.content) > len
            });
            examples.push((f, positive));
            true
        });
    }

    let mut model = CueModel::new(opts.bits, words);
    let rows = 1usize << opts.bits;
    let mut weights = vec![0f32; rows];
    // Averaging: `sums` holds every update times the step it was made at.
    let mut sums = vec![0f64; rows];
    let mut step = 1f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix(opts.seed);
    for _ in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            let (f, positive) = &examples[e];
            let score: f32 = f.iter().map(|&h| weights[model.row(h)]).sum();
            if (score > 0.0) != *positive {
                let delta = if *positive { 1.0 } else { -1.0 };
                for &h in f {
                    let r = model.row(h);
                    weights[r] += delta;
                    sums[r] += step * f64::from(delta);
                }
            }
            step += 1.0;
        }
    }
    for (r, w) in model.weights_mut().iter_mut().enumerate() {
        *w = (f64::from(weights[r]) - sums[r] / step) as f32;
    }
    let right = examples
        .iter()
        .filter(|(f, positive)| model.accepts(f) == *positive)
        .count();
    let report = TrainReport {
        documents: docs.len(),
        examples: examples.len(),
        positives: examples.iter().filter(|e| e.1).count(),
        extra_words: model.words().len(),
        accuracy: right as f64 / examples.len().max(1) as f64,
    };
    (model, report)
}

/// SplitMix64: a tiny deterministic generator for the shuffles.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}
