//! `chronicle eval timex DIR`: TempEval-3 task A scores of the timex
//! annotator on a folder of TimeML `.tml` files, with the misses.

use crate::Outcome;
use anyhow::{bail, Context, Result};
use chronicle_time::eval::{parse_tml, MissKind, Scorer};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct EvalTimexArgs {
    /// Folder of TimeML `.tml` files (e.g. TempEval-3 TBAQ-cleaned).
    dir: PathBuf,
    /// Misses to print of each kind (false negatives, false positives,
    /// wrong values, wrong extents).
    #[arg(long, default_value_t = 20)]
    misses: usize,
}

pub fn run(args: EvalTimexArgs) -> Result<Outcome> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&args.dir)
        .with_context(|| format!("reading {}", args.dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        bail!("no .tml files in {}", args.dir.display());
    }
    let mut scorer = Scorer::default();
    let mut failed = 0;
    for path in &paths {
        let id = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let src = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                failed += 1;
                continue;
            }
        };
        match parse_tml(&id, &src) {
            Ok(doc) => {
                let found = chronicle_time::annotate_text(&doc.text, doc.dct);
                scorer.add(&doc, &found);
            }
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                failed += 1;
            }
        }
    }
    println!("{}", scorer.counts);
    println!("{}", scorer.type_table());
    for (kind, title) in [
        (MissKind::FalseNegative, "false negatives (gold, not found)"),
        (MissKind::FalsePositive, "false positives (found, not gold)"),
        (MissKind::WrongValue, "wrong values (gold → system)"),
        (
            MissKind::WrongExtent,
            "right value, other extent (gold | system)",
        ),
    ] {
        let all: Vec<_> = scorer.misses.iter().filter(|m| m.kind == kind).collect();
        if args.misses == 0 {
            continue;
        }
        println!("\n{title}: {}", all.len());
        for m in all.iter().take(args.misses) {
            match kind {
                MissKind::FalseNegative => println!(
                    "  {} {}  {:?} {}  | {}",
                    m.doc, m.dct, m.gold_text, m.gold_value, m.context
                ),
                MissKind::FalsePositive => println!(
                    "  {} {}  {:?} {}  | {}",
                    m.doc, m.dct, m.system_text, m.system_value, m.context
                ),
                MissKind::WrongValue => println!(
                    "  {} {}  {:?} {} → {:?} {}  | {}",
                    m.doc,
                    m.dct,
                    m.gold_text,
                    m.gold_value,
                    m.system_text,
                    m.system_value,
                    m.context
                ),
                MissKind::WrongExtent => println!(
                    "  {} {:?} | {:?}  | {}",
                    m.doc, m.gold_text, m.system_text, m.context
                ),
            }
        }
    }
    Ok(if failed > 0 {
        Outcome::Failures(failed)
    } else {
        Outcome::Clean
    })
}
