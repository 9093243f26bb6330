//! The rule families and how they compete.
//!
//! Each family (one file) exports `RULES`, a list of functions that try to
//! match at a token and return a [`Hit`]. Rules run only at a trigger token
//! ([`is_trigger`]: a classified word, a digit, or one of a few dozen
//! keywords), so most tokens cost one lookup; at a trigger all rules run,
//! each failing fast on its first token. The longest match wins, and between
//! equally long matches the family listed first. Families: sets, absolute
//! dates, periods, holidays, relative dates, anaphoric shifts, times of day,
//! durations, and modified expressions (which wrap the others: "early next
//! year", "the end of 1990", "about two years").

mod absolute;
mod anaphora;
mod durations;
mod holidays;
mod modifiers;
mod periods;
mod relative;
mod sets;
mod times;

use crate::lexicon::Lex;
use crate::{Ctx, Hit};

/// One rule: a match at token `i`, or nothing.
pub type Rule = fn(&Ctx, usize) -> Option<Hit>;

const FAMILIES: &[&[Rule]] = &[
    sets::RULES,
    absolute::RULES,
    periods::RULES,
    holidays::RULES,
    relative::RULES,
    anaphora::RULES,
    times::RULES,
    durations::RULES,
    modifiers::RULES,
];

/// The index after an optional `the` at `i`.
pub fn the(cx: &Ctx, i: usize) -> usize {
    if cx.low(i) == "the" {
        i + 1
    } else {
        i
    }
}

fn longest<'r>(cx: &Ctx, i: usize, rules: impl Iterator<Item = &'r Rule>) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for rule in rules {
        if let Some(hit) = rule(cx, i) {
            if hit.end > i && best.as_ref().is_none_or(|b| hit.end > b.end) {
                best = Some(hit);
            }
        }
    }
    best
}

/// The best match of any rule at token `i`; a trailing "or so" ("the next
/// year or so") joins the extent as the approximation it is.
pub fn best(cx: &Ctx, i: usize) -> Option<Hit> {
    let mut hit = longest(cx, i, FAMILIES.iter().flat_map(|f| f.iter()))?;
    if cx.low(hit.end) == "or" && cx.low(hit.end + 1) == "so" {
        hit.end += 2;
    }
    Some(hit)
}

/// The best match at `i` that denotes a calendar point (a date others can
/// be modified or anchored on): absolute and relative dates only.
pub fn point_at(cx: &Ctx, i: usize) -> Option<Hit> {
    longest(
        cx,
        i,
        absolute::RULES
            .iter()
            .chain(periods::RULES.iter())
            .chain(holidays::RULES.iter())
            .chain(relative::RULES.iter())
            .chain(anaphora::RULES.iter())
            .chain(times::RULES.iter()),
    )
    .filter(|h| h.point.is_some() || h.kind == chronicle_core::TimexType::Time)
}

/// The best match at `i` of anything an approximator can modify.
pub fn any_at(cx: &Ctx, i: usize) -> Option<Hit> {
    longest(
        cx,
        i,
        FAMILIES[..FAMILIES.len() - 1].iter().flat_map(|f| f.iter()),
    )
}

/// Whether a token can begin (or anchor) a temporal expression: the cheap
/// check that decides whether any rule runs at this position.
pub fn is_trigger(lex: Lex, low: &str) -> bool {
    lex != Lex::Other
        || low.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || matches!(
            low,
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "last"
                | "next"
                | "past"
                | "coming"
                | "previous"
                | "following"
                | "recent"
                | "recently"
                | "early"
                | "mid"
                | "late"
                | "end"
                | "beginning"
                | "fiscal"
                | "every"
                | "each"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "now"
                | "currently"
                | "current"
                | "future"
                | "previously"
                | "formerly"
                | "soon"
                | "daily"
                | "weekly"
                | "monthly"
                | "annually"
                | "yearly"
                | "quarterly"
                | "hourly"
                | "noon"
                | "midnight"
                | "midday"
                | "several"
                | "few"
                | "some"
                | "many"
                | "earlier"
                | "later"
                | "around"
                | "about"
                | "nearly"
                | "almost"
                | "more"
                | "less"
                | "at"
                | "all"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
                | "years"
                | "nowadays"
                | "once"
                | "twice"
                | "half"
                | "thanksgiving"
                | "christmas"
                | "easter"
                | "election"
                | "memorial"
                | "labor"
                | "veterans"
                | "halloween"
                | "valentine"
                | "new"
                | "near"
                | "short"
                | "right"
                | "up"
                | "over"
        )
}

/// Whether a token carries time on its own: a classified word, a number, or
/// a word that is an expression by itself or ends one ("now", "today",
/// "daily", "the past", "the future", "the near term").
fn temporal(lex: Lex, low: &str) -> bool {
    lex != Lex::Other
        || low.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || matches!(
            low,
            "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "now"
                | "currently"
                | "current"
                | "nowadays"
                | "recently"
                | "recent"
                | "past"
                | "future"
                | "present"
                | "term"
                | "period"
                | "daily"
                | "weekly"
                | "monthly"
                | "annually"
                | "yearly"
                | "hourly"
                | "noon"
                | "midnight"
                | "midday"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
                | "half"
                | "thanksgiving"
                | "christmas"
                | "easter"
                | "election"
                | "memorial"
                | "labor"
                | "veterans"
                | "halloween"
                | "valentine"
        )
}

/// The second, cheaper gate after [`is_trigger`]: a keyword that cannot
/// stand alone ("the", "a", "last", "about", "every"…) is worth the rules
/// only when a temporal token follows within the next four tokens of the
/// sentence. Every rule that starts on such a keyword reaches one that near.
pub fn worth_trying(cx: &Ctx, i: usize) -> bool {
    let Some(t) = cx.tok(i) else { return false };
    if temporal(t.lex, t.low) {
        return true;
    }
    (i + 1..i + 5).any(|k| cx.tok(k).is_some_and(|n| temporal(n.lex, n.low)))
}
