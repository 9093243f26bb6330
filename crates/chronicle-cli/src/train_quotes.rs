//! `chronicle train quotes --train DIR --out FILE [--seed N]`: trains the
//! cue model (`chronicle_quotes::train`) on a PolNeAR split folder and
//! writes it; the shipped model is `crates/chronicle-quotes/data/cue_model.bin`.
//! Deterministic: the same split, options and seed give the same bytes.

use crate::eval_quotes::read_split;
use crate::Outcome;
use anyhow::{Context, Result};
use chronicle_quotes::train::{train, TrainOptions};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct TrainQuotesArgs {
    /// A PolNeAR split folder holding `text/` and `attributions/` (train
    /// only: dev and test stay for evaluation).
    #[arg(long)]
    train: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Seed of the example orders (the only randomness).
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    seed: u64,
    /// Passes over the examples.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// log2 of the number of rows of the weight table.
    #[arg(long, default_value_t = TrainOptions::default().bits)]
    bits: u32,
    /// Gold cues a word must head to become an extra cue candidate.
    #[arg(long, default_value_t = TrainOptions::default().min_heads)]
    min_heads: usize,
    /// Share of its occurrences outside quotes a word must head cues in.
    #[arg(long, default_value_t = TrainOptions::default().min_share)]
    min_share: f64,
}

pub fn run(args: TrainQuotesArgs) -> Result<Outcome> {
    let opts = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        bits: args.bits.clamp(4, 24),
        min_heads: args.min_heads,
        min_share: args.min_share,
    };
    let (articles, failures) = read_split(&args.train)?;
    let docs: Vec<_> = articles.into_iter().map(|a| (a.doc, a.gold)).collect();
    let (model, report) = train(&docs, &opts);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "cue model: {} documents, {} candidates ({} attributions), {} extra cue words, \
         training accuracy {:.3}; {} bytes written to {}",
        report.documents,
        report.examples,
        report.positives,
        report.extra_words,
        report.accuracy,
        bytes.len(),
        args.out.display()
    );
    Ok(if failures == 0 {
        Outcome::Clean
    } else {
        Outcome::Failures(failures)
    })
}
