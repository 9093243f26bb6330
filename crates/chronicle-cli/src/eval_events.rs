//! `chronicle eval events FILE`: the events layer end to end (no gold
//! triggers) against WikiEvents (`dev.jsonl`) or RAMS (`dev.jsonlines`):
//! trigger identification and classification, argument identification and
//! classification (head-word match), overall and on the conflict-news
//! types, for the even-indexed records (the half studied while writing
//! rules), the odd-indexed ones (held out, the honest figure) and all.
//! The strict definitions are in `chronicle_events::eval`.

use crate::Outcome;
use anyhow::{bail, Result};
use chronicle_events::eval::{self, Dataset, GoldDoc, Scores};
use chronicle_pipeline::Pipeline;
use clap::Args;
use rayon::prelude::*;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct EvalEventsArgs {
    /// WikiEvents `.jsonl` or RAMS `.jsonlines` file.
    path: PathBuf,
    /// Misses to print.
    #[arg(long, default_value_t = 40)]
    misses: usize,
    /// Print the misses of this half only: even, odd or all.
    #[arg(long, default_value = "even")]
    show: String,
}

/// "P R F1 (tp/pred/gold)" of one tally.
fn counts_cell(c: &eval::Counts) -> String {
    format!(
        "{:.3} {:.3} {:.3} ({}/{}/{})",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.pred,
        c.gold
    )
}

fn row(out: &mut String, label: &str, s: &Scores) {
    use std::fmt::Write;
    let _ = writeln!(
        out,
        "  {label:<10} trigger-id   {}",
        counts_cell(&s.trigger_id)
    );
    let _ = writeln!(
        out,
        "  {:<10} trigger-cls  {}",
        "",
        counts_cell(&s.trigger_class)
    );
    let _ = writeln!(out, "  {:<10} arg-id       {}", "", counts_cell(&s.arg_id));
    let _ = writeln!(
        out,
        "  {:<10} arg-cls      {}",
        "",
        counts_cell(&s.arg_class)
    );
}

pub fn run(args: EvalEventsArgs) -> Result<Outcome> {
    let file = eval::read(&args.path).map_err(anyhow::Error::msg)?;
    for e in &file.errors {
        eprintln!("error: {e}");
    }
    let Some(dataset) = file.dataset else {
        bail!("{}: no records", args.path.display());
    };
    let pipeline = Pipeline::standard();
    let mut docs: Vec<GoldDoc> = file.docs;
    let failures: usize = docs
        .par_iter_mut()
        .map(|g| match pipeline.annotate(&mut g.doc) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("error: {}: {e}", g.doc.id);
                1
            }
        })
        .sum();
    let name = match dataset {
        Dataset::WikiEvents => "WikiEvents (KAIROS types)",
        Dataset::Rams => "RAMS (AIDA family.subtype; scored at the gold trigger only)",
    };
    println!("{name}: {}", args.path.display());
    println!("  P R F1 (true positives / predicted / gold)");
    let mut out = String::new();
    for half in ["even", "odd", "all"] {
        let part: Vec<GoldDoc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| half == "all" || (i % 2 == 0) == (half == "even"))
            .map(|(_, d)| d.clone())
            .collect();
        let report = eval::score(&part, dataset);
        let events: usize = part.iter().map(|d| d.events.len()).sum();
        out.push_str(&format!(
            "{half} half: {} records, {events} gold events\n",
            part.len()
        ));
        row(&mut out, "all types", &report.all);
        row(&mut out, "conflict", &report.conflict);
        if half == args.show {
            out.push_str(&format!("argument classification by role ({half} half):\n"));
            for (role, c) in &report.roles {
                out.push_str(&format!("  {role:<18} {}\n", counts_cell(c)));
            }
            out.push_str(&format!(
                "missed conflict-type arguments by role and cause ({half} half; {}, of gold):\n",
                eval::causes::CAUSES.join(" / ")
            ));
            for (role, c) in &report.arg_misses {
                out.push_str(&format!("  {role:<18} {:?} of {}\n", &c[..5], c[5]));
            }
            out.push_str(&format!("misses ({half} half, first {}):\n", args.misses));
            for m in report.misses.iter().take(args.misses) {
                out.push_str(&format!("  {m}\n"));
            }
        }
    }
    print!("{out}");
    let failed = failures + file.errors.len();
    Ok(if failed == 0 {
        Outcome::Clean
    } else {
        Outcome::Failures(failed)
    })
}
