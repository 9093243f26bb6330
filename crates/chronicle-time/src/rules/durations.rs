//! Durations: lengths of time, not positions in it ("two years", "the past
//! two months", "the first nine months", "a decade", "several weeks", "for
//! years", "recent months", "a two-year contract", "24 hours").
//!
//! Invariants: a value is `P` + amount + unit letters, with `T` before
//! clock units (`P2M` two months, `PT2M` two minutes); an amount the text
//! leaves vague is `X` (`PXY`). "the past two years" is a duration, "the
//! past year" and "last year" dates (the relative rules, listed first, win
//! the tie; TimeBank marks all of them so, HeidelTime reads them so); a
//! duration directly followed by "ago", "earlier" or "later" is left to the
//! relative rules, which match more and win. A range ("two to three weeks",
//! "the next 12 to 18 months") spans both numbers and takes the first, as
//! HeidelTime does (`anaphora::amount`).
//! Sources: TimeML TIMEX3 guidelines 1.2.1 §2.2.1.3 (duration values), ISO
//! 8601 durations, HeidelTime's English duration patterns.

use super::{the, Rule};
use crate::lexicon::{Lex, Unit};
use crate::rules::anaphora::amount;
use crate::{Ctx, Hit};
use chronicle_core::TimexType;

pub const RULES: &[Rule] = &[
    counted,
    vague,
    the_past_unit,
    bare_plural,
    the_plural,
    adjective,
];

/// The TimeML value of `n` (or `X` when `None`) units.
///
/// Quarters, decades and centuries are written in months and years, as
/// TimeBank does (`the next three quarters` → `P9M`, `two decades` → `P20Y`).
pub fn duration(n: Option<u32>, u: Unit) -> String {
    let (n, u) = match u {
        Unit::Quarter => (n.map(|n| n.saturating_mul(3)), Unit::Month),
        Unit::Decade => (n.map(|n| n.saturating_mul(10)), Unit::Year),
        Unit::Century => (n.map(|n| n.saturating_mul(100)), Unit::Year),
        _ => (n, u),
    };
    let amount = n.map_or_else(|| "X".to_owned(), |n| n.to_string());
    if u.is_clock() {
        format!("PT{amount}{}", u.letters())
    } else if u == Unit::Weekend {
        format!("P{amount}WE")
    } else {
        format!("P{amount}{}", u.letters())
    }
}

/// `n` and a half units, in the next smaller unit: `P2Y6M`, `PT5H30M`.
fn half_duration(n: u32, u: Unit) -> Option<String> {
    Some(match u {
        Unit::Year => format!("P{n}Y6M"),
        Unit::Month => format!("P{n}M15D"),
        Unit::Week => format!("P{n}W3DT12H"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Minute => format!("PT{n}M30S"),
        Unit::Decade => format!("P{}Y", n.checked_mul(10)?.checked_add(5)?),
        Unit::Century => format!("P{}Y", n.checked_mul(100)?.checked_add(50)?),
        _ => return None,
    })
}

/// Words between `the` and an amount: `the first nine months`, `the past
/// two years`, `the next 12 months`.
fn span_word(w: &str) -> bool {
    matches!(
        w,
        "past"
            | "last"
            | "next"
            | "first"
            | "coming"
            | "previous"
            | "following"
            | "latest"
            | "final"
            | "recent"
            | "same"
            | "entire"
            | "whole"
            | "full"
    )
}

/// `two years`, `the nine months`, `the past two months`, `past 20 years`,
/// `twenty four hours`, `a decade`.
fn counted(cx: &Ctx, i: usize) -> Option<Hit> {
    let mut j = the(cx, i);
    let with_the = j > i;
    if span_word(cx.low(j)) && (with_the || cx.low(j) == "past") {
        j += 1;
    }
    // "the past year and a half": one unit and a half.
    let unit_and_a_half = j > i + 1
        && matches!(cx.lex(j), Lex::Unit(_, false))
        && (cx.low(j + 1), cx.low(j + 2), cx.low(j + 3)) == ("and", "a", "half");
    let (n, k) = if unit_and_a_half {
        (1, j)
    } else {
        amount(cx, j)?
    };
    if cx.low(j) == "a" && with_the {
        return None;
    }
    // "2 1/2 years", "two and a half years"
    let (half, k) = match (cx.low(k), cx.low(k + 1), cx.low(k + 2)) {
        ("1/2" | "½", ..) => (true, k + 1),
        ("and", "a", "half") => (true, k + 3),
        _ => (false, k),
    };
    // "two more weeks", "an additional year"
    let k = if matches!(cx.low(k), "more" | "additional" | "extra" | "further") {
        k + 1
    } else {
        k
    };
    let Lex::Unit(u, _) = cx.lex(k) else {
        return None;
    };
    // "a minute and a half"
    let (half, end) =
        if !half && cx.low(k + 1) == "and" && cx.low(k + 2) == "a" && cx.low(k + 3) == "half" {
            (true, k + 4)
        } else {
            (half, k + 1)
        };
    if half {
        let value = half_duration(n, u)?;
        return Some(Hit::new(end, TimexType::Duration, value));
    }
    // "a quarter of the votes" is a fraction; "37 years old" an age.
    if (u == Unit::Quarter && cx.low(k + 1) == "of") || cx.low(k + 1) == "old" {
        return None;
    }
    // "a second round", "one second group": the ordinal before a noun.
    if cx.low(k) == "second" && ordinal_before_noun(cx, k + 1) {
        return None;
    }
    // "1,000 years" fine; "1998 years" never happens, a year is a date.
    if matches!(cx.lex(j), Lex::Year(_)) {
        return None;
    }
    Some(Hit::new(k + 1, TimexType::Duration, duration(Some(n), u)))
}

/// Whether the token at `i` is a word "second" can qualify as an ordinal:
/// a lower-case word that does not continue a length of time.
fn ordinal_before_noun(cx: &Ctx, i: usize) -> bool {
    cx.tok(i).is_some_and(|t| {
        t.text.starts_with(|c: char| c.is_ascii_lowercase())
            && !matches!(
                t.low,
                "later"
                    | "earlier"
                    | "ago"
                    | "before"
                    | "after"
                    | "or"
                    | "and"
                    | "of"
                    | "to"
                    | "in"
                    | "for"
                    | "at"
                    | "on"
                    | "more"
                    | "longer"
                    | "too"
            )
    })
}

/// `several years`, `a few days`, `the past few weeks`, `recent months`,
/// `the coming weeks`, `many years`.
fn vague(cx: &Ctx, i: usize) -> Option<Hit> {
    let mut j = the(cx, i);
    let with_the = j > i;
    if span_word(cx.low(j)) && (with_the || matches!(cx.low(j), "past" | "recent" | "coming")) {
        if matches!(cx.low(j), "recent" | "coming") {
            if let Lex::Unit(u, true) = cx.lex(j + 1) {
                return Some(Hit::new(j + 2, TimexType::Duration, duration(None, u)));
            }
        }
        j += 1;
    }
    let k = match (cx.low(j), cx.low(j + 1)) {
        ("a", "few") => j + 2,
        ("several" | "few" | "some" | "many", _) => j + 1,
        _ => return None,
    };
    let k = if cx.low(k) == "of" { k + 1 } else { k };
    let Lex::Unit(u, true) = cx.lex(k) else {
        return None;
    };
    Some(Hit::new(k + 1, TimexType::Duration, duration(None, u)))
}

/// `the past day`, `the last hour`, `the past decade`: one unit back (`the
/// past year` is the relative rules' date).
fn the_past_unit(cx: &Ctx, i: usize) -> Option<Hit> {
    if cx.low(i) != "the" || !matches!(cx.low(i + 1), "past" | "last" | "coming" | "next") {
        return None;
    }
    let Lex::Unit(u, false) = cx.lex(i + 2) else {
        return None;
    };
    Some(Hit::new(i + 3, TimexType::Duration, duration(Some(1), u)))
}

/// `for years`, `in months`, `over decades`: a bare plural after a
/// preposition of extent.
fn bare_plural(cx: &Ctx, i: usize) -> Option<Hit> {
    let Lex::Unit(u, true) = cx.lex(i) else {
        return None;
    };
    if !matches!(
        cx.prev_low(i),
        "for" | "in" | "over" | "within" | "after" | "took" | "lasted" | "follows" | "followed"
    ) {
        return None;
    }
    if u.is_clock() && cx.prev_low(i) == "in" {
        return None;
    }
    Some(Hit::new(i + 1, TimexType::Duration, duration(None, u)))
}

/// `the years`, `over the months`: a stretch of the plural unit.
fn the_plural(cx: &Ctx, i: usize) -> Option<Hit> {
    if cx.low(i) != "the" || !matches!(cx.prev_low(i), "over" | "in" | "during" | "through") {
        return None;
    }
    let Lex::Unit(u, true) = cx.lex(i + 1) else {
        return None;
    };
    if u.is_clock() || matches!(cx.low(i + 2), "of" | "ago" | "before" | "after") {
        return None;
    }
    Some(Hit::new(i + 2, TimexType::Duration, duration(None, u)))
}

/// `two-year`, `16-hour`, `8-month-long`, `decades-long`, `several-year`:
/// duration adjectives.
fn adjective(cx: &Ctx, i: usize) -> Option<Hit> {
    if let Lex::VagueDurAdj(u) = cx.lex(i) {
        return Some(Hit::new(i + 1, TimexType::Duration, duration(None, u)));
    }
    let Lex::DurAdj(n, u) = cx.lex(i) else {
        return None;
    };
    Some(Hit::new(i + 1, TimexType::Duration, duration(Some(n), u)))
}

#[cfg(test)]
mod tests {
    use crate::testing::check;
    const D: &str = "2022-03-16";

    #[test]
    fn counted_durations() {
        check(
            "Over the past two months, troops arrived.",
            D,
            &[("the past two months", "P2M")],
        );
        check(
            "They waited 2 1/2 years, then a minute and a half.",
            D,
            &[("2 1/2 years", "P2Y6M"), ("a minute and a half", "PT1M30S")],
        );
        check(
            "The strike lasted 14 days and twenty four hours.",
            D,
            &[("14 days", "P14D"), ("twenty four hours", "PT24H")],
        );
        check(
            "Sales in the first nine months rose.",
            D,
            &[("the first nine months", "P9M")],
        );
        check(
            "It took a decade and three quarters.",
            D,
            &[("a decade", "P10Y"), ("three quarters", "P9M")],
        );
        check("Howes, 37 years old, won a quarter of the vote.", D, &[]);
        check(
            "A second round follows; it took a second or two.",
            D,
            &[("a second", "PT1S")],
        );
    }

    #[test]
    fn ranges_take_the_first_number() {
        check(
            "Repairs take two to three weeks, and talks may last the next 12 to 18 months.",
            D,
            &[
                ("two to three weeks", "P2W"),
                ("the next 12 to 18 months", "P12M"),
            ],
        );
        check(
            "Each patient waits two or three days; 5 to 10 people came.",
            D,
            &[("two or three days", "P2D")],
        );
    }

    #[test]
    fn vague_and_adjectival_durations() {
        check(
            "The US has been demanding it for years.",
            D,
            &[("years", "PXY")],
        );
        check(
            "After a decades-long feud and a day-long meeting, they stay two more weeks.",
            D,
            &[
                ("decades-long", "PXY"),
                ("day-long", "P1D"),
                ("two more weeks", "P2W"),
            ],
        );
        check(
            "Over the years, costs rose for a couple of years.",
            D,
            &[("the years", "PXY"), ("a couple of years", "P2Y")],
        );
        check(
            "Talks will last the next couple of years.",
            D,
            &[("the next couple of years", "P2Y")],
        );
        check(
            "Talks stalled in recent weeks and may take several months.",
            D,
            &[("recent weeks", "PXW"), ("several months", "PXM")],
        );
        check("He signed a two-year contract.", D, &[("two-year", "P2Y")]);
        check(
            "Prices doubled over the past year and the last decade.",
            D,
            &[("the past year", "2021"), ("the last decade", "P10Y")],
        );
        check(
            "Sales rose in the past year and a half.",
            D,
            &[("the past year and a half", "P1Y6M")],
        );
        check(
            "Nobody slept in the past day.",
            D,
            &[("the past day", "P1D")],
        );
    }
}
