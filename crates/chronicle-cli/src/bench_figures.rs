//! `chronicle bench figures [PATHS]`: the figures annotator alone, one
//! thread. Tokens, sentences and timexes are made once beforehand and not
//! timed; each run asserts the same number of figures, so the bench can
//! never silently measure nothing.

use crate::bench::{median_secs, peak_rss_mb, BenchArgs};
use crate::Outcome;
use anyhow::{bail, Result};
use chronicle_core::Annotator;
use chronicle_figures::FigureAnnotator;
use chronicle_read::{read_inputs, Input, ReadOptions};
use chronicle_text::{SentenceSplitter, Tokenizer};

pub fn run(args: BenchArgs) -> Result<Outcome> {
    let inputs = args.paths.iter().map(Input::from_arg).collect();
    let timex = chronicle_time::TimexAnnotator::new();
    let mut docs = Vec::new();
    for doc in read_inputs(inputs, ReadOptions::default()) {
        match doc {
            Ok(mut doc) => {
                Tokenizer.annotate(&mut doc)?;
                SentenceSplitter.annotate(&mut doc)?;
                timex.annotate(&mut doc)?;
                docs.push(doc);
            }
            Err(e) => eprintln!("error: {e}"),
        }
    }
    if docs.is_empty() {
        bail!("no articles read from {}", args.paths.join(", "));
    }
    let bytes: usize = docs.iter().map(|d| d.body().len()).sum();
    let run = |docs: &mut Vec<chronicle_core::Document>| -> Result<usize> {
        let mut n = 0;
        for d in docs.iter_mut() {
            FigureAnnotator.annotate(d)?;
            n += d.layers.figures().len();
        }
        Ok(n)
    };
    let found = run(&mut docs)?;
    assert!(found > 0, "the bench found no figures");
    let repeat = args.repeat.max(1);
    let single = median_secs(repeat, || {
        assert_eq!(run(&mut docs).unwrap_or(0), found);
    });
    let mb = bytes as f64 / 1e6;
    println!("figures annotator alone, 1 thread, median of {repeat} runs");
    println!(
        "corpus     {} articles, {:.2} MB, {} figures",
        docs.len(),
        mb,
        found
    );
    println!(
        "1 thread   {:>8.1} MB/s  ({:.1} ms per pass)",
        mb / single,
        single * 1e3
    );
    if let Some(peak) = peak_rss_mb() {
        println!("peak RSS   {peak:.1} MB (the corpus held in memory included)");
    }
    Ok(Outcome::Clean)
}
