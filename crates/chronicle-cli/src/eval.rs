//! `chronicle eval …`: scores against public gold corpora, printed as
//! precision / recall / F1 with the misses. Each layer's evaluation lives in
//! its own module; this enum only dispatches.

use crate::Outcome;
use anyhow::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum EvalCommand {}

pub fn run(cmd: EvalCommand) -> Result<Outcome> {
    match cmd {}
}
