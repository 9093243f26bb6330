//! `chronicle bench …`: throughput and memory of a layer on a real corpus.
//!
//! Figures are medians over repeated runs (the machines are shared and
//! noisy); each run asserts that it produced tokens, so a bench can never
//! silently measure nothing.

use crate::extract::rayon_pool;
use crate::Outcome;
use anyhow::{bail, Context, Result};
use chronicle_read::{read_inputs, Input, ReadOptions};
use chronicle_text::{split_sentences, tokenize};
use clap::{Args, Subcommand};
use rayon::prelude::*;
use std::time::Instant;

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// The text layer: tokenizer and sentence splitter.
    Text(BenchArgs),
    /// The named-entity tagger.
    Ner(crate::ner::BenchArgs),
    /// The timex annotator alone (tokens and sentences made beforehand).
    Timex(BenchArgs),
    /// Any annotator of the standard pipeline alone, by name (the layers it
    /// needs made beforehand): `chronicle bench annotator quotes`.
    Annotator(crate::bench_annotator::BenchAnnotatorArgs),
    /// The figures annotator alone (tokens, sentences and timexes made beforehand).
    Figures(BenchArgs),
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Corpus files or folders (any input `extract` reads).
    #[arg(default_value = "examples/wikinews-sample.jsonl")]
    pub(crate) paths: Vec<String>,
    /// Timed runs per configuration; the median is reported.
    #[arg(long, default_value_t = 7)]
    pub(crate) repeat: usize,
}

pub fn run(cmd: BenchCommand) -> Result<Outcome> {
    match cmd {
        BenchCommand::Text(args) => bench_text(args),
        BenchCommand::Ner(args) => crate::ner::run_bench(args),
        BenchCommand::Timex(args) => {
            crate::bench_annotator::run_named("timex", &args.paths, args.repeat)
        }
        BenchCommand::Annotator(args) => crate::bench_annotator::run(args),
        BenchCommand::Figures(args) => {
            crate::bench_annotator::run_named("figures", &args.paths, args.repeat)
        }
    }
}

fn bench_text(args: BenchArgs) -> Result<Outcome> {
    let inputs = args.paths.iter().map(Input::from_arg).collect();
    let mut bodies = Vec::new();
    for doc in read_inputs(inputs, ReadOptions::default()) {
        match doc {
            Ok(doc) => bodies.push(doc.body().to_owned()),
            Err(e) => eprintln!("error: {e}"),
        }
    }
    if bodies.is_empty() {
        bail!("no articles read from {}", args.paths.join(", "));
    }
    let bytes: usize = bodies.iter().map(String::len).sum();
    let annotate = |body: &String| -> (usize, usize) {
        let tokens = tokenize(body);
        let sentences = split_sentences(body, &tokens);
        (tokens.len(), sentences.len())
    };
    let (tokens, sentences) = bodies
        .iter()
        .map(annotate)
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    assert!(tokens > 0 && sentences > 0, "the bench produced no tokens");

    let repeat = args.repeat.max(1);
    let single = median_secs(repeat, || {
        let n: usize = bodies.iter().map(|b| annotate(b).0).sum();
        assert_eq!(n, tokens);
    });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon_pool(None)?;
    let parallel = median_secs(repeat, || {
        let n: usize = pool.install(|| bodies.par_iter().map(|b| annotate(b).0).sum());
        assert_eq!(n, tokens);
    });

    let mb = bytes as f64 / 1e6;
    println!("text layer (tokenizer + sentence splitter), median of {repeat} runs");
    println!(
        "corpus     {} articles, {:.2} MB, {} tokens, {} sentences",
        bodies.len(),
        mb,
        tokens,
        sentences
    );
    for (label, secs) in [
        ("1 thread  ", single),
        (&format!("{cores} threads") as &str, parallel),
    ] {
        println!(
            "{label} {:>8.1} MB/s  {:>12.0} tokens/s  ({:.1} ms per pass)",
            mb / secs,
            tokens as f64 / secs,
            secs * 1e3
        );
    }
    println!("speed-up   {:.2}x on {cores} cores", single / parallel);
    match peak_rss_mb() {
        Some(peak) => println!("peak RSS   {peak:.1} MB (the corpus held in memory included)"),
        None => println!("peak RSS   unknown (no /proc/self/status)"),
    }
    Ok(Outcome::Clean)
}

pub fn median_secs(repeat: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let mut times: Vec<f64> = (0..repeat)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Peak resident memory of this process (VmHWM), in MB.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status")
        .context("reading /proc/self/status")
        .ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1e3)
}
