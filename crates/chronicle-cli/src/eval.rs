//! `chronicle eval …`: scores against public gold corpora, printed as
//! precision / recall / F1 with the misses. Each layer's evaluation lives in
//! its own module; this enum only dispatches.

use crate::Outcome;
use anyhow::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Named entities against a CoNLL-2003 column file (conlleval scoring).
    Ner(crate::ner::EvalArgs),
    /// Temporal expressions against TimeML `.tml` files (TempEval-3 task A).
    Timex(crate::eval_timex::EvalTimexArgs),
    /// Quotes and attributions against PolNeAR's brat files (direct-quote and all-attribution P/R/F1, speaker accuracy).
    Quotes(crate::eval_quotes::EvalQuotesArgs),
    /// Figures against the hand-annotated gold set (extent P/R/F1, value and category accuracy).
    Figures(crate::eval_figures::EvalFiguresArgs),
    /// HTML main text against ScrapingHub's benchmark (shingle P/R/F1) and trafilatura's set (segment P/R/F1, title, date).
    Html(crate::eval_html::EvalHtmlArgs),
    /// Places against GeoWebNews (brat folder or GWN.xml) or LGL XML (toponym P/R/F1, accuracy within 161 km, mean error).
    Places(crate::eval_places::EvalPlacesArgs),
    /// Events against WikiEvents (.jsonl) or RAMS (.jsonlines), end to end: trigger and argument P/R/F1, overall and conflict types.
    Events(crate::eval_events::EvalEventsArgs),
}

pub fn run(cmd: EvalCommand) -> Result<Outcome> {
    match cmd {
        EvalCommand::Ner(args) => crate::ner::run_eval(args),
        EvalCommand::Timex(args) => crate::eval_timex::run(args),
        EvalCommand::Quotes(args) => crate::eval_quotes::run(args),
        EvalCommand::Figures(args) => crate::eval_figures::run(args),
        EvalCommand::Html(args) => crate::eval_html::run(args),
        EvalCommand::Places(args) => crate::eval_places::run(args),
        EvalCommand::Events(args) => crate::eval_events::run(args),
    }
}
