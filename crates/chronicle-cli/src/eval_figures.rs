//! `chronicle eval figures [PATH]`: the figures annotator against the
//! hand-annotated gold set (by default the one built into
//! chronicle-figures), reported for the tuning part (`dev`), the held-out
//! part (`test`) and all, with the misses.

use crate::Outcome;
use anyhow::{Context, Result};
use chronicle_core::{parse_date, Annotator, Document};
use chronicle_figures::eval::{read_gold, score, Counts, Miss, MissKind};
use chronicle_figures::FigureAnnotator;
use chronicle_text::{SentenceSplitter, Tokenizer};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct EvalFiguresArgs {
    /// Gold file (JSON Lines, see crates/chronicle-figures/gold/README.md);
    /// default: the set built into chronicle-figures.
    path: Option<PathBuf>,
    /// Misses to print of each kind.
    #[arg(long, default_value_t = 30)]
    misses: usize,
    /// Run without the timexes layer (dates and years left out by the
    /// annotator's own rules).
    #[arg(long)]
    no_timexes: bool,
}

pub fn run(args: EvalFiguresArgs) -> Result<Outcome> {
    let src = match &args.path {
        Some(p) => {
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?
        }
        None => chronicle_figures::GOLD.to_owned(),
    };
    let gold = read_gold(&src).map_err(anyhow::Error::msg)?;
    let timex = chronicle_time::TimexAnnotator::new();
    let mut parts: Vec<(String, Counts)> = Vec::new();
    let mut misses: Vec<Miss> = Vec::new();
    let mut all = Counts::default();
    for article in &gold {
        let date = parse_date(&article.date).with_context(|| format!("article {}", article.id))?;
        let mut doc = Document::new(article.id.clone(), date, article.text.clone());
        let annotate = |doc: &mut Document| -> Result<()> {
            Tokenizer.annotate(doc)?;
            SentenceSplitter.annotate(doc)?;
            if !args.no_timexes {
                timex.annotate(doc)?;
            }
            FigureAnnotator.annotate(doc)?;
            Ok(())
        };
        annotate(&mut doc)?;
        let idx = match parts.iter().position(|(s, _)| *s == article.split) {
            Some(i) => i,
            None => {
                parts.push((article.split.clone(), Counts::default()));
                parts.len() - 1
            }
        };
        score(
            article,
            doc.layers.figures(),
            &mut parts[idx].1,
            &mut misses,
        );
        score(article, doc.layers.figures(), &mut all, &mut Vec::new());
    }
    println!(
        "figures: {} articles, {} gold figures{}",
        gold.len(),
        all.gold,
        if args.no_timexes {
            " (no timexes layer)"
        } else {
            ""
        }
    );
    println!(
        "{:<6} {:>5} {:>5} {:>7} {:>7} {:>7} {:>8} {:>7} {:>7} {:>7} {:>7} {:>8}",
        "part",
        "gold",
        "sys",
        "P",
        "R",
        "F1",
        "overlap",
        "value",
        "categ",
        "approx",
        "unit",
        "counted"
    );
    parts.push(("all".into(), all));
    for (name, c) in &parts {
        println!(
            "{:<6} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3} {:>8.3} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>8.3}",
            name,
            c.gold,
            c.system,
            c.precision(),
            c.recall(),
            c.f1(),
            c.overlap_f1(),
            c.value_accuracy(),
            c.category_accuracy(),
            c.approx_accuracy(),
            c.unit_accuracy(),
            c.counted_accuracy()
        );
    }
    println!("(P/R/F1: exact extents; overlap: F1 with overlapping extents; value, categ, approx, unit, counted: accuracy on exact matches)");
    for (kind, title) in [
        (
            MissKind::FalseNegative,
            "false negatives (gold, no system figure of that extent)",
        ),
        (
            MissKind::FalsePositive,
            "false positives (system, not gold)",
        ),
        (MissKind::WrongValue, "wrong values (gold → system)"),
        (MissKind::WrongCategory, "wrong categories (gold → system)"),
    ] {
        let list: Vec<&Miss> = misses.iter().filter(|m| m.kind == kind).collect();
        if args.misses == 0 {
            continue;
        }
        println!("\n{title}: {}", list.len());
        for m in list.iter().take(args.misses) {
            let doc: String = m.doc.chars().take(40).collect();
            println!("  {doc}  {:?} {}  | {}", m.text, m.detail, m.context);
        }
    }
    Ok(Outcome::Clean)
}
