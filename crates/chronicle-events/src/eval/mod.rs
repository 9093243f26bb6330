//! Evaluation against WikiEvents (KAIROS, whole documents, every event
//! annotated) and RAMS (AIDA, a five-sentence window around one annotated
//! event). Both are read into [`GoldDoc`]s: a [`Document`] whose body is
//! rebuilt from the gold tokens, the gold tokens' byte spans, and the gold
//! events over token ranges; `chronicle eval events` annotates the
//! documents and [`score`] compares.
//!
//! End to end, strictly: a trigger is identified when it starts and ends on
//! gold token boundaries and the gold tokens it covers are exactly the gold
//! trigger's (a span cutting a gold token is counted and never credited),
//! classified when its type mapped
//! through the event table equals the gold type (WikiEvents: the full
//! KAIROS type; RAMS: AIDA `family.subtype`, as our table does not choose
//! between RAMS's fine sub-subtypes). An argument is identified when its
//! event's trigger and type are right and its head word is the gold
//! argument's head word, classified when its role is right as well.
//! The head word of a span is its last token before the first of a closed
//! list of stops (`of`, comma, relative pronouns, locative prepositions,
//! possessive, quote marks): without a parser, an approximation of the
//! dependency head the published scorers take (gen-arg's scorer via
//! spaCy), applied alike to gold and predicted spans.
//! RAMS annotates one event per window, so only predictions at the gold
//! trigger are scored there.

pub mod causes;
mod rams;
mod score;
mod wikievents;

pub use rams::role_of as rams_role;
pub use score::{head, is_conflict, score, Counts, Report, Scores};

use chronicle_core::{Date, Document, Span};
use std::path::Path;

/// Which gold layout (and ontology) a file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dataset {
    WikiEvents,
    Rams,
}

/// A gold argument: role and token range (end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldArg {
    pub role: String,
    pub range: (usize, usize),
}

/// A gold event: trigger token range, type and arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    pub trigger: (usize, usize),
    pub kind: String,
    pub args: Vec<GoldArg>,
}

/// One gold document with the text rebuilt for annotation.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub doc: Document,
    /// Byte spans of the gold tokens in `doc`'s body.
    pub tokens: Vec<Span>,
    pub events: Vec<GoldEvent>,
}

/// The gold documents of a file, and one error line per bad record.
#[derive(Debug, Default)]
pub struct GoldFile {
    pub dataset: Option<Dataset>,
    pub docs: Vec<GoldDoc>,
    pub errors: Vec<String>,
}

/// The date given to gold documents, which carry none (neither corpus
/// annotates time).
fn placeholder_date() -> Date {
    Date::from_ymd_opt(2000, 1, 1).expect("a valid date")
}

/// Reads a WikiEvents `.jsonl` or RAMS `.jsonlines` file, recognised by its
/// first record's fields.
pub fn read(path: &Path) -> Result<GoldFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(parse(&path.display().to_string(), &text))
}

/// Parses the text of a gold file (named `name` in errors).
pub fn parse(name: &str, text: &str) -> GoldFile {
    let mut file = GoldFile::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let dataset = *file.dataset.get_or_insert_with(|| {
            if line.contains("\"evt_triggers\"") {
                Dataset::Rams
            } else {
                Dataset::WikiEvents
            }
        });
        let doc = match dataset {
            Dataset::WikiEvents => wikievents::parse_line(line),
            Dataset::Rams => rams::parse_line(line),
        };
        match doc {
            Ok(doc) => file.docs.push(doc),
            Err(e) => file.errors.push(format!("{name}:{}: {e}", n + 1)),
        }
    }
    file
}

/// Checks that a token range lies within `len` tokens and is not empty.
fn check_range(what: &str, range: (usize, usize), len: usize) -> Result<(), String> {
    if range.0 >= range.1 || range.1 > len {
        return Err(format!("{what} token range {range:?} outside 0..{len}"));
    }
    Ok(())
}
