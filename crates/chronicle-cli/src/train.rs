//! `chronicle train …`: trains a model from a gold corpus and writes it.
//! Each model's training lives in its own module; this enum only dispatches.

use crate::Outcome;
use anyhow::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// The named-entity tagger, from CoNLL-2003 column files; prints dev F1
    /// after every epoch.
    Ner(crate::ner::TrainArgs),
    /// The quotes layer's cue model, from a PolNeAR split folder.
    Quotes(crate::train_quotes::TrainQuotesArgs),
}

pub fn run(cmd: TrainCommand) -> Result<Outcome> {
    match cmd {
        TrainCommand::Ner(args) => crate::ner::run_train(args),
        TrainCommand::Quotes(args) => crate::train_quotes::run(args),
    }
}
