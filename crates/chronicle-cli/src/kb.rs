//! The knowledge-base commands: `ingest` (read → annotate → store, in
//! parallel, batch by batch, each batch one transaction: an interrupted
//! ingest loses nothing committed and a rerun completes the rest), and the
//! queries `search` and `quotes`, printed as a table or `--json`.

use crate::extract::{dedup_stream, parse_date_arg, rayon_pool, stream_summary};
use crate::Outcome;
use anyhow::{Context, Result};
use chronicle_core::{Date, Document};
use chronicle_pipeline::{Failure, Pipeline};
use chronicle_read::{read_inputs, Input, ReadOptions};
use chronicle_store::{IngestStats, QuoteQuery, SearchQuery, Store, TimelineQuery};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Articles written per transaction.
const BATCH: usize = 128;

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or folders to read (`-` for standard input), as for `extract`.
    #[arg(required = true)]
    paths: Vec<String>,
    /// The database file (created if missing).
    #[arg(long)]
    db: PathBuf,
    /// Publication date for inputs that carry none.
    #[arg(long, value_parser = parse_date_arg)]
    date: Option<Date>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Store exact and near copies of earlier articles too (by default they
    /// are counted and left out).
    #[arg(long)]
    no_dedup: bool,
}

pub fn ingest(args: IngestArgs) -> Result<Outcome> {
    let mut store =
        Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let pipeline = Pipeline::standard();
    let pool = rayon_pool(args.threads)?;
    let inputs = args.paths.iter().map(Input::from_arg).collect();
    let options = ReadOptions {
        default_date: args.date,
        ..ReadOptions::default()
    };
    let progress = Progress::new();
    let mut pending: Vec<Document> = Vec::with_capacity(BATCH);
    let mut totals = IngestStats::default();
    let mut failures = 0usize;
    let mut store_error = None;
    let mut flush = |pending: &mut Vec<Document>, totals: &mut IngestStats| -> Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let stats = store.ingest(pending).context("writing to the database")?;
        totals.add(stats);
        pending.clear();
        Ok(())
    };
    let mut other_language = 0usize;
    let mut articles = dedup_stream(read_inputs(inputs, options), !args.no_dedup);
    let originals = articles
        .by_ref()
        .filter(|r| r.as_ref().map_or(true, |d| d.duplicate_of.is_none()));
    pipeline.run_on(&pool, originals, |result| {
        if store_error.is_some() {
            return;
        }
        match result {
            Ok(doc) => {
                other_language += usize::from(!pipeline.skipped(&doc).is_empty());
                progress.article(doc.body().len());
                pending.push(doc);
                if pending.len() >= BATCH {
                    if let Err(e) = flush(&mut pending, &mut totals) {
                        store_error = Some(e);
                    }
                }
            }
            Err(Failure::Read(e)) => {
                failures += 1;
                progress.error(&format!("error: {e}"));
            }
            Err(Failure::Annotate { id, origin, error }) => {
                failures += 1;
                progress.error(&format!("error: {origin}: article {id}: {error}"));
            }
        }
    });
    if let Some(e) = store_error {
        return Err(e);
    }
    flush(&mut pending, &mut totals)?;
    progress.finish();
    if let Some(line) = stream_summary(articles.stats(), other_language) {
        eprintln!("{line}");
    }
    eprintln!(
        "ingested into {}: {} added, {} new versions, {} unchanged, {} failed; {} articles in the database",
        args.db.display(),
        totals.added,
        totals.new_versions,
        totals.unchanged,
        failures,
        store.article_count()?
    );
    Ok(if failures == 0 {
        Outcome::Clean
    } else {
        Outcome::Failures(failures)
    })
}

/// A progress bar on a terminal, a log line every 1,000 articles otherwise.
struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    count: std::cell::Cell<u64>,
    bytes: std::cell::Cell<u64>,
}

impl Progress {
    fn new() -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {pos} articles · {per_sec} · {elapsed} {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            count: 0.into(),
            bytes: 0.into(),
        }
    }

    fn article(&self, bytes: usize) {
        self.count.set(self.count.get() + 1);
        self.bytes.set(self.bytes.get() + bytes as u64);
        match &self.bar {
            Some(bar) => {
                bar.inc(1);
                let mb = self.bytes.get() as f64 / 1e6;
                bar.set_message(format!(
                    "{:.1} MB/s",
                    mb / self.start.elapsed().as_secs_f64().max(1e-9)
                ));
            }
            None if self.count.get().is_multiple_of(1000) => {
                let secs = self.start.elapsed().as_secs_f64().max(1e-9);
                eprintln!(
                    "{} articles, {:.0} articles/s",
                    self.count.get(),
                    self.count.get() as f64 / secs
                );
            }
            None => {}
        }
    }

    fn error(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words that must all appear in the sentence.
    text: String,
    #[arg(long)]
    db: PathBuf,
    /// Only articles published on or after this date.
    #[arg(long)]
    from: Option<String>,
    /// Only articles published on or before this date.
    #[arg(long)]
    to: Option<String>,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn search(args: SearchArgs) -> Result<Outcome> {
    let hits = open(&args.db)?.search(&SearchQuery {
        text: args.text,
        from: args.from,
        to: args.to,
        limit: args.limit,
    })?;
    print_hits(&hits, args.json, "sentence", |h| {
        println!(
            "{}  {}  {}",
            h.date,
            h.article,
            h.title.as_deref().unwrap_or("")
        );
        println!("    {}\n", squash(&h.highlighted));
    })
}

fn open(db: &Path) -> Result<Store> {
    Store::open(db).with_context(|| format!("opening {}", db.display()))
}

/// Prints query results as JSON or one row each, with a count on stderr.
fn print_hits<T: serde::Serialize>(
    hits: &[T],
    json: bool,
    noun: &str,
    row: impl Fn(&T),
) -> Result<Outcome> {
    if json {
        println!("{}", serde_json::to_string_pretty(hits)?);
    } else {
        hits.iter().for_each(row);
        eprintln!(
            "{} {noun}{}",
            hits.len(),
            if hits.len() == 1 { "" } else { "s" }
        );
    }
    Ok(Outcome::Clean)
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[arg(long)]
    db: PathBuf,
    /// Part of the speaker's name (case-insensitive).
    #[arg(long)]
    speaker: Option<String>,
    /// Words the quote must contain.
    #[arg(long)]
    about: Option<String>,
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    to: Option<String>,
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn quotes(args: QuotesArgs) -> Result<Outcome> {
    let hits = open(&args.db)?.quotes(&QuoteQuery {
        speaker: args.speaker,
        about: args.about,
        from: args.from,
        to: args.to,
        limit: args.limit,
    })?;
    print_hits(&hits, args.json, "quote", |h| {
        let who = h.speaker.as_deref().unwrap_or("(unknown)");
        println!(
            "{}  {:<24} {:<9} “{}”",
            h.date,
            who,
            h.kind,
            squash(&h.text)
        );
    })
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[arg(long)]
    db: PathBuf,
    /// Only sentences naming this entity (case-insensitive part of the name).
    #[arg(long)]
    entity: Option<String>,
    /// Only what happened on or after this day.
    #[arg(long)]
    from: Option<String>,
    /// Only what happened on or before this day.
    #[arg(long)]
    to: Option<String>,
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn timeline(args: TimelineArgs) -> Result<Outcome> {
    let hits = open(&args.db)?.timeline(&TimelineQuery {
        entity: args.entity,
        from: args.from,
        to: args.to,
        limit: args.limit,
    })?;
    print_hits(&hits, args.json, "dated sentence", |h| {
        println!(
            "{}  ({:?}, reported {} in {})",
            h.day, h.when, h.reported, h.article
        );
        println!("    {}\n", squash(&h.sentence));
    })
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
