//! `chronicle ingest`: read → annotate → prepare → store. Articles are
//! annotated and their rows prepared in parallel (everything but the SQLite
//! work: `PreparedArticle`) while a writer thread stores the previous batch,
//! each batch in one transaction: an interrupted ingest loses nothing
//! committed and a rerun completes the rest. The queries live in `queries`.

use crate::extract::{dedup_stream, parse_date_arg, rayon_pool, stream_summary};
use crate::Outcome;
use anyhow::{Context, Result};
use chronicle_core::{Date, Document};
use chronicle_pipeline::{Failure, Pipeline};
use chronicle_read::{read_inputs, Input, ReadOptions};
use chronicle_store::{IngestStats, PreparedArticle, Store};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

/// Articles handed to the writer at a time, per worker thread: small, so the
/// writer starts early and has little left to write once annotation ends.
const CHUNK_PER_THREAD: usize = 16;
/// The fewest articles the writer stores in one transaction (fewer when the
/// input ends): each commit costs a full-text segment to write and merge and
/// WAL frames of the same upper B-tree pages (corpus, one thread, perf
/// samples: the writer's CPU 0.60–0.62 of extraction's with 16-article
/// transactions, 0.51–0.53 with at least 64).
const MIN_BATCH: usize = 64;
/// The most articles the writer stores in one transaction: when it falls
/// behind, it takes every chunk waiting, up to this many.
const BATCH: usize = 128;
/// Chunks waiting for the writer at most.
const QUEUE: usize = 8;

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
    // Into an empty database, the query-only indexes are built once at the end.
    store.begin_bulk_load().context("preparing the database")?;
    let pipeline = Pipeline::standard();
    let pool = rayon_pool(args.threads)?;
    let inputs = args.paths.iter().map(Input::from_arg).collect();
    let options = ReadOptions {
        default_date: args.date,
        ..ReadOptions::default()
    };
    let progress = Progress::new();
    let (batches, writer) = spawn_writer(store);
    let chunk = CHUNK_PER_THREAD * pool.current_num_threads();
    let mut pending: Vec<Document> = Vec::with_capacity(chunk);
    let mut failures = 0usize;
    let mut writer_gone = false;
    let mut other_language = 0usize;
    let mut articles = dedup_stream(read_inputs(inputs, options), !args.no_dedup);
    let originals = articles
        .by_ref()
        .filter(|r| r.as_ref().map_or(true, |d| d.duplicate_of.is_none()));
    pipeline.run_on_in_batches(&pool, originals, chunk, |result| {
        if writer_gone {
            return;
        }
        match result {
            Ok(doc) => {
                other_language += usize::from(!pipeline.skipped(&doc).is_empty());
                progress.article(doc.body().len());
                pending.push(doc);
                if pending.len() >= chunk {
                    let batch = std::mem::replace(&mut pending, Vec::with_capacity(chunk));
                    let batch = prepare(batch, &progress, &mut failures);
                    writer_gone = batches.send(batch).is_err();
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
    if !pending.is_empty() {
        let batch = prepare(pending, &progress, &mut failures);
        // A failed send means the writer stopped; its error is reported below.
        let _ = batches.send(batch);
    }
    drop(batches);
    let (store, totals) = match writer.join() {
        Ok(result) => result?,
        Err(panic) => std::panic::resume_unwind(panic),
    };
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

/// The rows of annotated articles, built on the calling thread — which
/// the pipeline runs beside the pool's annotation of the next batch — so
/// that the writer is left only the SQLite work and the pool only
/// annotation. An article that cannot be prepared is reported and
/// counted, and the others go on.
fn prepare(docs: Vec<Document>, progress: &Progress, failures: &mut usize) -> Vec<PreparedArticle> {
    docs.iter()
        .map(PreparedArticle::new)
        .filter_map(|p| {
            p.map_err(|e| {
                *failures += 1;
                progress.error(&format!("error: {e}"));
            })
            .ok()
        })
        .collect()
}

type Writer = std::thread::JoinHandle<Result<(Store, IngestStats)>>;

/// A thread storing chunks as they come, so the database writes overlap
/// the annotation of the next articles. Each transaction holds at least
/// [`MIN_BATCH`] articles (but the last) and the chunks waiting when it
/// starts, up to [`BATCH`] articles.
fn spawn_writer(mut store: Store) -> (mpsc::SyncSender<Vec<PreparedArticle>>, Writer) {
    let (send, receive) = mpsc::sync_channel::<Vec<PreparedArticle>>(QUEUE);
    let writer = std::thread::spawn(move || {
        let mut totals = IngestStats::default();
        while let Ok(mut batch) = receive.recv() {
            while batch.len() < MIN_BATCH {
                match receive.recv() {
                    Ok(more) => batch.extend(more),
                    Err(_) => break,
                }
            }
            while batch.len() < BATCH {
                match receive.try_recv() {
                    Ok(more) => batch.extend(more),
                    Err(_) => break,
                }
            }
            totals.add(
                store
                    .ingest_prepared(&batch)
                    .context("writing to the database")?,
            );
        }
        store
            .finish_bulk_load()
            .context("building the database's indexes")?;
        Ok((store, totals))
    });
    (send, writer)
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
