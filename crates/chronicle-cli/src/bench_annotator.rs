//! `chronicle bench annotator NAME [PATHS]`: one annotator of the standard
//! pipeline alone, single-threaded, on a corpus whose earlier layers are
//! computed once beforehand. Reports the median MB/s of body text.

use crate::bench::{median_secs, peak_rss_mb};
use crate::Outcome;
use anyhow::{bail, Result};
use chronicle_core::Document;
use chronicle_pipeline::Pipeline;
use chronicle_read::{read_inputs, Input, ReadOptions};
use clap::Args;

#[derive(Debug, Args)]
pub struct BenchAnnotatorArgs {
    /// The annotator's name (`chronicle bench annotator --help` lists them on error).
    name: String,
    /// Corpus files or folders (any input `extract` reads).
    #[arg(default_value = "examples/wikinews-sample.jsonl")]
    paths: Vec<String>,
    /// Timed runs; the median is reported.
    #[arg(long, default_value_t = 5)]
    repeat: usize,
}

pub fn run(args: BenchAnnotatorArgs) -> Result<Outcome> {
    run_named(&args.name, &args.paths, args.repeat)
}

/// Benchmarks the standard pipeline's annotator `name` on `paths`.
pub fn run_named(name: &str, paths: &[String], repeat: usize) -> Result<Outcome> {
    let args = BenchAnnotatorArgs {
        name: name.to_owned(),
        paths: paths.to_vec(),
        repeat,
    };
    let pipeline = Pipeline::standard();
    let annotators = pipeline.annotators();
    let Some(at) = annotators.iter().position(|a| a.name() == args.name) else {
        bail!(
            "no annotator {:?}; the standard pipeline has {}",
            args.name,
            pipeline.names().join(", ")
        );
    };
    let inputs = args.paths.iter().map(Input::from_arg).collect();
    let mut docs: Vec<Document> = Vec::new();
    for doc in read_inputs(inputs, ReadOptions::default()) {
        match doc {
            Ok(mut doc) => {
                let prepared = annotators[..at]
                    .iter()
                    .try_for_each(|a| a.annotate(&mut doc));
                match prepared {
                    Ok(()) => docs.push(doc),
                    Err(e) => eprintln!("error: {}: {e}", doc.id),
                }
            }
            Err(e) => eprintln!("error: {e}"),
        }
    }
    if docs.is_empty() {
        bail!("no articles read from {}", args.paths.join(", "));
    }
    let target = &annotators[at];
    let bytes: usize = docs.iter().map(|d| d.body().len()).sum();
    // The first call loads whatever the annotator loads on first use (the
    // gazetteer, a model): timed apart, on a copy, so the passes below stay
    // comparable.
    let mut first = docs[0].clone();
    let started = std::time::Instant::now();
    let _ = target.annotate(&mut first);
    let first_call = started.elapsed().as_secs_f64();
    let mut failures = 0;
    let secs = median_secs(args.repeat.max(1), || {
        failures = docs
            .iter_mut()
            .map(|d| target.annotate(d))
            .filter(|r| r.is_err())
            .count();
    });
    for doc in &docs {
        assert!(
            target.adds().iter().all(|&k| doc.layers.has(k)),
            "the bench ran the annotator"
        );
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "annotator {} alone, 1 thread, median of {} runs",
        target.name(),
        args.repeat.max(1)
    );
    println!("corpus     {} articles, {mb:.2} MB", docs.len());
    println!(
        "speed      {:.1} MB/s ({:.1} ms per pass)",
        mb / secs,
        secs * 1e3
    );
    println!(
        "first call {:.1} ms (one article, with what is loaded on first use)",
        first_call * 1e3
    );
    if let Some(peak) = peak_rss_mb() {
        println!("peak RSS   {peak:.1} MB (the corpus and its layers held in memory included)");
    }
    Ok(if failures == 0 {
        Outcome::Clean
    } else {
        Outcome::Failures(failures)
    })
}
