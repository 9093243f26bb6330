//! The `chronicle` command line: a thin layer over the library crates.
//!
//! Exit codes (for every subcommand):
//! - 0: everything went through;
//! - 1: some inputs or articles failed (each reported on stderr in one line),
//!   the others were processed;
//! - 2: the command could not run at all (bad arguments, unreadable model,
//!   output not writable).

mod bench;
mod bench_annotator;
mod eval;
mod eval_events;
mod eval_figures;
mod eval_html;
mod eval_places;
mod eval_quotes;
mod eval_timex;
mod export;
#[cfg(feature = "parquet")]
mod export_parquet;
mod extract;
mod kb;
mod malloc;
mod ner;
mod queries;
mod serve;
mod train;
mod train_quotes;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// chronicle turns dated news reports into facts that point back to their
/// source characters.
#[derive(Debug, Parser)]
#[command(name = "chronicle", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read articles and print what chronicle extracts from each.
    Extract(extract::ExtractArgs),
    /// Read, annotate and store articles in a knowledge base (SQLite).
    Ingest(kb::IngestArgs),
    #[command(flatten)]
    Query(queries::Query),
    /// Any query in a machine format: `export quotes --speaker X --format csv`
    /// (JSON Lines unless --format says otherwise).
    #[command(subcommand)]
    Export(queries::Query),
    /// Serve the knowledge base: a JSON API and a web UI (--demo: the bundled corpus).
    Serve(serve::ServeArgs),
    /// Measure throughput and memory of a layer on a corpus.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Score an annotator against a gold corpus (precision / recall / F1).
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Train a model from a gold corpus.
    #[command(subcommand)]
    Train(train::TrainCommand),
    /// Tag a CoNLL column file with named entities (IOB2 tag appended).
    Ner(ner::TagArgs),
}

/// The outcome of a command that ran.
pub enum Outcome {
    /// Everything went through.
    Clean,
    /// This many inputs or articles failed; the rest went through.
    Failures(usize),
}

fn main() -> ExitCode {
    malloc::tune();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Ingest(args) => kb::ingest(args),
        Command::Query(query) => queries::run(query, false),
        Command::Export(query) => queries::run(query, true),
        Command::Serve(args) => serve::run(args),
        Command::Bench(cmd) => bench::run(cmd),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Train(cmd) => train::run(cmd),
        Command::Ner(args) => ner::run_tag(args),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Failures(n)) => {
            eprintln!(
                "chronicle: {n} input{} failed (see above)",
                if n == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
        Err(err) => {
            if is_broken_pipe(&err) {
                // `chronicle extract … | head` is normal use, not a failure.
                return ExitCode::SUCCESS;
            }
            eprintln!("chronicle: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
