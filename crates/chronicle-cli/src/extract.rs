//! `chronicle extract`: read articles, run the standard pipeline, print each
//! annotated article as JSON, JSON Lines or a readable summary, in input
//! order. Errors are one line each on stderr; the batch goes on.

use crate::Outcome;
use anyhow::{Context, Result};
use chronicle_core::{parse_date, Date, Document};
use chronicle_output::{write_json, write_text, OutputOptions};
use chronicle_pipeline::{Failure, Pipeline};
use chronicle_read::{read_inputs, Dedup, DedupStats, Input, InputFormat, ReadOptions};
use clap::{Args, ValueEnum};
use std::io::{self, BufWriter, Write};

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders to read (`-` for standard input; standard input when none).
    /// Dated text, plain text with --date, JSON Lines, HTML, WARC, RSS/Atom; `.gz` is decompressed.
    paths: Vec<String>,
    /// Publication date (YYYY-MM-DD) for inputs that carry none.
    #[arg(long, value_parser = parse_date_arg)]
    date: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// How to read the inputs (default: by extension and content).
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    input_format: InputKind,
    /// Include the tokens layer in JSON output.
    #[arg(long)]
    tokens: bool,
    /// Largest article (or JSON line) accepted, in bytes (at most 1 GiB).
    #[arg(long, default_value_t = ReadOptions::default().max_bytes, value_parser = parse_max_bytes)]
    max_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Do not look for duplicates (by default, exact and near copies of an
    /// earlier article are printed with `duplicate_of` set to its id).
    #[arg(long)]
    no_dedup: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One pretty-printed object for one article, an array for several.
    Json,
    /// One compact object per line.
    Jsonl,
    /// A readable summary per article.
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    Auto,
    /// `date YYYY-MM-DD` then the body.
    Dated,
    /// The whole input is the body; needs --date.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// An HTML page: its main text, dated by the page (or --date).
    Html,
    /// A WARC archive (CC-NEWS): each HTML response read as a page.
    Warc,
    /// An RSS or Atom feed: one article per item.
    Feed,
}

pub fn parse_date_arg(s: &str) -> Result<Date, String> {
    parse_date(s).map_err(|e| e.to_string())
}

pub fn run(args: ExtractArgs) -> Result<Outcome> {
    let inputs: Vec<Input> = if args.paths.is_empty() {
        vec![Input::Stdin]
    } else {
        args.paths.iter().map(Input::from_arg).collect()
    };
    let options = ReadOptions {
        format: match args.input_format {
            InputKind::Auto => InputFormat::Auto,
            InputKind::Dated => InputFormat::DatedText,
            InputKind::Text => InputFormat::Text,
            InputKind::Jsonl => InputFormat::Jsonl,
            InputKind::Html => InputFormat::Html,
            InputKind::Warc => InputFormat::Warc,
            InputKind::Feed => InputFormat::Feed,
        },
        default_date: args.date,
        max_bytes: args.max_bytes,
    };
    let pipeline = Pipeline::standard();
    let pool = rayon_pool(args.threads)?;
    let stdout = io::stdout();
    let mut printer = Printer {
        out: BufWriter::new(stdout.lock()),
        format: args.format,
        options: OutputOptions {
            tokens: args.tokens,
        },
        pending: None,
        in_array: false,
    };
    let mut failures = 0usize;
    let mut other_language = 0usize;
    let mut write_error: Option<io::Error> = None;
    let mut articles = dedup_stream(read_inputs(inputs, options), !args.no_dedup);
    pipeline.run_on(&pool, articles.by_ref(), |result| {
        if write_error.is_some() {
            return;
        }
        match result {
            Ok(doc) => {
                other_language += usize::from(!pipeline.skipped(&doc).is_empty());
                if let Err(e) = printer.article(doc) {
                    write_error = Some(e);
                }
            }
            Err(Failure::Read(e)) => {
                failures += 1;
                eprintln!("error: {e}");
            }
            Err(Failure::Annotate { id, origin, error }) => {
                failures += 1;
                eprintln!("error: {origin}: article {id}: {error}");
            }
        }
    });
    if let Some(e) = write_error {
        return Err(e).context("writing output");
    }
    printer.finish().context("writing output")?;
    if let Some(line) = stream_summary(articles.stats(), other_language) {
        eprintln!("chronicle: {line}");
    }
    Ok(if failures == 0 {
        Outcome::Clean
    } else {
        Outcome::Failures(failures)
    })
}

/// The read stream of `extract` and `ingest`: duplicates marked unless off.
pub fn dedup_stream<I>(articles: I, on: bool) -> Dedup<I> {
    if on {
        Dedup::new(articles)
    } else {
        Dedup::off(articles)
    }
}

/// What a run did besides annotating: duplicates found and articles whose
/// language kept the English-only annotators away; `None` when neither.
pub fn stream_summary(dedup: DedupStats, other_language: usize) -> Option<String> {
    let mut parts = Vec::new();
    if dedup.duplicates() > 0 {
        parts.push(format!(
            "{} of {} articles were duplicates ({} exact, {} near) of an earlier one",
            dedup.duplicates(),
            dedup.seen,
            dedup.exact,
            dedup.near
        ));
    }
    if other_language > 0 {
        parts.push(format!(
            "{other_language} articles not in English kept their text, metadata, tokens and \
             sentences but skipped the English-only annotators"
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Spans are u32 byte offsets: articles stay far below 4 GiB.
fn parse_max_bytes(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if (1..=1 << 30).contains(&n) => Ok(n),
        _ => Err(format!("{s:?} is not a byte count from 1 to 1073741824")),
    }
}

/// The pool that annotates, of `threads` workers (default: all cores).
/// The global pool, where readers extract web pages ahead, gets the same
/// size, so `--threads` bounds both.
pub fn rayon_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let sized = |mut builder: rayon::ThreadPoolBuilder| {
        if let Some(n) = threads {
            builder = builder.num_threads(n.max(1));
        }
        builder
    };
    // Fails only if the global pool already runs (a second command in one
    // process, as in tests); it then keeps its size.
    let _ = sized(rayon::ThreadPoolBuilder::new()).build_global();
    sized(rayon::ThreadPoolBuilder::new())
        .build()
        .context("starting worker threads")
}

/// Writes articles in the chosen format. For `json`, one article prints as a
/// bare object and several as an array, so the first is held back until the
/// second arrives (or the input ends).
struct Printer<W: Write> {
    out: W,
    format: Format,
    options: OutputOptions,
    pending: Option<Document>,
    in_array: bool,
}

impl<W: Write> Printer<W> {
    fn article(&mut self, doc: Document) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                write_json(&mut self.out, &doc, self.options, false)?;
                self.out.write_all(b"\n")
            }
            Format::Text => write_text(&mut self.out, &doc),
            Format::Json if self.in_array => {
                self.out.write_all(b",\n")?;
                write_json(&mut self.out, &doc, self.options, true)
            }
            Format::Json => match self.pending.take() {
                Some(first) => {
                    self.out.write_all(b"[\n")?;
                    write_json(&mut self.out, &first, self.options, true)?;
                    self.out.write_all(b",\n")?;
                    self.in_array = true;
                    write_json(&mut self.out, &doc, self.options, true)
                }
                None => {
                    self.pending = Some(doc);
                    Ok(())
                }
            },
        }
    }

    fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json {
            if let Some(only) = self.pending.take() {
                write_json(&mut self.out, &only, self.options, true)?;
                self.out.write_all(b"\n")?;
            } else if self.in_array {
                self.out.write_all(b"\n]\n")?;
            } else {
                self.out.write_all(b"[]\n")?;
            }
        }
        self.out.flush()
    }
}
