//! Why gold arguments were missed, by role: the breakdown that says which
//! part of the argument patterns to work on. Each missed gold argument of a
//! conflict-news type gets the first cause that applies:
//!
//! - `trigger`: its event's trigger (with its type) was not predicted;
//! - `role`: an argument with the gold head was predicted, in another role;
//! - `head`: a predicted argument overlaps the gold one but its head differs
//!   (the span is too long, too short or cut);
//! - `other phrase`: the role was filled, with a phrase elsewhere;
//! - `no candidate`: nothing was predicted for the role near it — the
//!   phrase is outside what the patterns look at.
//!
//! Only the count per (role, cause) is kept; the miss list of the scorer
//! gives the examples.

use super::score::{compared, is_conflict, PredArg, Tuples};
use super::{head, Dataset, GoldDoc};
use std::collections::BTreeMap;

/// The causes, in the order they are tried.
pub const CAUSES: [&str; 5] = ["trigger", "role", "head", "other phrase", "no candidate"];

/// Missed gold arguments per role (lower case), one count per cause in the
/// order of [`CAUSES`], plus the gold count last.
pub type Breakdown = BTreeMap<String, [usize; 6]>;

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Adds the conflict-type misses of one document to `out`.
pub(crate) fn add(
    out: &mut Breakdown,
    doc: &GoldDoc,
    dataset: Dataset,
    pred: &Tuples,
    args: &[PredArg],
) {
    for e in &doc.events {
        let kind = compared(dataset, &e.kind);
        if !is_conflict(&kind) {
            continue;
        }
        for a in &e.args {
            let role = a.role.to_lowercase();
            let h = head(doc, a.range);
            let row = out.entry(role.clone()).or_default();
            row[5] += 1;
            if pred
                .ac
                .contains(&(e.trigger, kind.clone(), h, role.clone()))
            {
                continue;
            }
            let same_event = |p: &&PredArg| p.trigger == e.trigger && p.kind == kind;
            let cause = if !pred.tc.contains(&(e.trigger, kind.clone())) {
                0
            } else if pred.ai.contains(&(e.trigger, kind.clone(), h)) {
                1
            } else if args
                .iter()
                .filter(same_event)
                .any(|p| p.range.is_some_and(|r| overlaps(r, a.range)))
            {
                2
            } else if args.iter().filter(same_event).any(|p| p.role == role) {
                3
            } else {
                4
            };
            row[cause] += 1;
        }
    }
}
