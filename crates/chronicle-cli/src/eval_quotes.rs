//! `chronicle eval quotes DIR`: direct quotes and all attributions against
//! PolNeAR's brat layout (`DIR/text/*.txt`, `DIR/attributions/*.ann`), with
//! the misses printed for study. See `chronicle_quotes::eval` for the
//! measures.

use crate::Outcome;
use anyhow::{bail, Context, Result};
use chronicle_core::{parse_date, Date, Document, Layer};
use chronicle_pipeline::Pipeline;
use chronicle_quotes::eval::{parse_ann, score, Counts, GoldAttribution, Miss};
use chronicle_quotes::CueModel;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct EvalQuotesArgs {
    /// A PolNeAR split folder holding `text/` and `attributions/`.
    dir: PathBuf,
    /// How many misses of each kind to print.
    #[arg(long, default_value_t = 25)]
    misses: usize,
    /// A cue model file (`chronicle train quotes`) to use instead of the
    /// shipped one.
    #[arg(long)]
    model: Option<PathBuf>,
}

/// The article date from a PolNeAR file name: `publisher_YYYY-MM-DD_slug`.
fn date_of(stem: &str) -> Option<Date> {
    stem.split('_').nth(1).and_then(|d| parse_date(d).ok())
}

/// One PolNeAR article, run through the standard pipeline, with its gold.
pub struct Article {
    pub stem: String,
    pub doc: Document,
    pub gold: Vec<GoldAttribution>,
}

/// Reads and annotates every article of a PolNeAR split folder; returns
/// them with the number of articles that failed (each reported on stderr).
pub fn read_split(dir: &Path) -> Result<(Vec<Article>, usize)> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .with_context(|| format!("reading {}", text_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("reading {}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    if texts.is_empty() {
        bail!("no .txt files in {}", text_dir.display());
    }
    let pipeline = Pipeline::standard();
    let mut articles = Vec::new();
    let mut failures = 0;
    for path in &texts {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        // Several annotators for a few articles: the first by name, deterministically.
        let Some(ann_path) = anns.iter().find(|a| ann_matches(a, stem)) else {
            eprintln!("error: {}: no attributions file", path.display());
            failures += 1;
            continue;
        };
        let (text, ann) = match (
            std::fs::read_to_string(path),
            std::fs::read_to_string(ann_path),
        ) {
            (Ok(t), Ok(a)) => (t, a),
            _ => {
                eprintln!("error: {}: unreadable text or attributions", path.display());
                failures += 1;
                continue;
            }
        };
        let date =
            date_of(stem).unwrap_or_else(|| Date::from_ymd_opt(2016, 1, 1).unwrap_or_default());
        let (gold, malformed) = parse_ann(&text, &ann);
        if malformed > 0 {
            eprintln!(
                "warning: {}: {malformed} malformed annotation lines skipped",
                ann_path.display()
            );
        }
        let mut doc = Document::new(stem, date, text);
        if let Err(e) = pipeline.annotate(&mut doc) {
            eprintln!("error: {}: {e}", path.display());
            failures += 1;
            continue;
        }
        articles.push(Article {
            stem: stem.to_owned(),
            doc,
            gold,
        });
    }
    Ok((articles, failures))
}

/// Replaces the quotes and people layers with those `model` gives.
pub fn reannotate(doc: &mut Document, model: &CueModel) {
    let (quotes, people) = chronicle_quotes::extract_with(doc, Some(model));
    doc.layers.quotes = Some(Layer::new("quotes", quotes));
    doc.layers.people = Some(Layer::new("quotes", people));
}

pub fn run(args: EvalQuotesArgs) -> Result<Outcome> {
    let model = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            Some(CueModel::from_bytes(&bytes).with_context(|| path.display().to_string())?)
        }
        None => None,
    };
    let (mut articles, failures) = read_split(&args.dir)?;
    let (mut direct, mut all) = (Counts::default(), Counts::default());
    let (mut direct_misses, mut all_misses) = (Vec::new(), Vec::new());
    for a in &mut articles {
        if let Some(m) = &model {
            reannotate(&mut a.doc, m);
        }
        let (d, dm) = score(&a.doc, &a.gold, true);
        let (al, am) = score(&a.doc, &a.gold, false);
        direct.add(&d);
        all.add(&al);
        direct_misses.extend(dm.into_iter().map(|m| (a.stem.clone(), m)));
        all_misses.extend(am.into_iter().map(|m| (a.stem.clone(), m)));
    }
    println!(
        "PolNeAR {} ({} articles)",
        args.dir.display(),
        articles.len() + failures
    );
    println!(
        "{:<22}{:>7}{:>7}{:>8}{:>8}{:>8}{:>8}   speaker accuracy",
        "", "system", "gold", "matched", "P", "R", "F1"
    );
    for (label, c) in [("direct quotes", &direct), ("all attributions", &all)] {
        println!(
            "{label:<22}{:>7}{:>7}{:>8}{:>8.3}{:>8.3}{:>8.3}   {:.3} ({}/{})",
            c.system,
            c.gold,
            c.matched,
            c.precision(),
            c.recall(),
            c.f1(),
            c.speaker_accuracy(),
            c.speaker_right,
            c.judged
        );
    }
    print_misses("direct quotes", &direct_misses, args.misses);
    print_misses("all attributions", &all_misses, args.misses);
    Ok(if failures == 0 {
        Outcome::Clean
    } else {
        Outcome::Failures(failures)
    })
}

fn ann_matches(ann: &Path, stem: &str) -> bool {
    ann.file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.strip_prefix(stem))
        .is_some_and(|rest| rest.starts_with('_'))
}

fn print_misses(label: &str, misses: &[(String, Miss)], n: usize) {
    for kind in ["missed", "spurious", "wrong speaker"] {
        let of_kind: Vec<&(String, Miss)> = misses
            .iter()
            .filter(|(_, m)| {
                matches!(
                    (kind, m),
                    ("missed", Miss::Missed { .. })
                        | ("spurious", Miss::Spurious { .. })
                        | ("wrong speaker", Miss::WrongSpeaker { .. })
                )
            })
            .collect();
        if of_kind.is_empty() || n == 0 {
            continue;
        }
        println!(
            "\n{label}: {kind} ({} in all, first {})",
            of_kind.len(),
            n.min(of_kind.len())
        );
        for (doc, m) in of_kind.into_iter().take(n) {
            match m {
                Miss::Missed {
                    content,
                    source,
                    cue,
                } => println!("  {doc}: [{source}] ({cue}) {content}"),
                Miss::Spurious { content, speaker } => println!("  {doc}: [{speaker}] {content}"),
                Miss::WrongSpeaker {
                    content,
                    gold,
                    system,
                } => println!("  {doc}: gold [{gold}] system [{system}] {content}"),
            }
        }
    }
}
