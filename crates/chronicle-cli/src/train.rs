//! `chronicle train …`: trains a model from a gold corpus and writes it.
//! Each model's training lives in its own module; this enum only dispatches.

use crate::Outcome;
use anyhow::{Context, Result};
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// The named-entity tagger, from CoNLL-2003 column files; prints dev F1
    /// after every epoch.
    Ner(crate::ner::TrainArgs),
    /// The quotes layer's cue model, from a PolNeAR split folder.
    Quotes(crate::train_quotes::TrainQuotesArgs),
    /// The places layer's gazetteer: compiles the text form that
    /// `crates/chronicle-places/data/build_gazetteer.py` writes into the
    /// binary file chronicle embeds (`crates/chronicle-places/data/gazetteer.bin`).
    Gazetteer(GazetteerArgs),
}

#[derive(Debug, Args)]
pub struct GazetteerArgs {
    /// Text gazetteer (format version 1, gzip-compressed or not).
    #[arg(long)]
    input: String,
    /// Binary gazetteer to write (format version 2).
    #[arg(long)]
    output: String,
}

pub fn run(cmd: TrainCommand) -> Result<Outcome> {
    match cmd {
        TrainCommand::Ner(args) => crate::ner::run_train(args),
        TrainCommand::Quotes(args) => crate::train_quotes::run(args),
        TrainCommand::Gazetteer(args) => {
            let text = std::fs::read(&args.input).with_context(|| args.input.clone())?;
            let bytes =
                chronicle_places::gazetteer::compile(&text).with_context(|| args.input.clone())?;
            let g = chronicle_places::Gazetteer::from_bytes(bytes.clone().into())?;
            std::fs::write(&args.output, &bytes).with_context(|| args.output.clone())?;
            eprintln!(
                "{}: {} entries, {} bytes",
                args.output,
                g.len(),
                bytes.len()
            );
            Ok(Outcome::Clean)
        }
    }
}
