//! Modified expressions: a point or duration with a word that narrows or
//! approximates it ("early next year", "late November", "mid-March", "the
//! end of 1990", "the beginning of the year", "earlier this month", "about
//! two years", "nearly 10 years ago", "more than a decade").
//!
//! Invariants: the modifier joins the extent (TimeML marks it with the
//! `mod` attribute, which this layer does not output) and leaves the value
//! of the modified expression unchanged — "early 2021" is `2021`,
//! "mid-March" the March of the report's year, "about two years" `P2Y`.
//! Only what the point rules recognise on their own can be modified, so a
//! modifier never creates an expression. Sources: TimeML TIMEX3 guidelines
//! 1.2.1 §2.2.1.4 (`mod`: START, MID, END, APPROX, LESS_THAN, MORE_THAN…).

use super::{any_at, point_at, Rule};
use crate::lexicon::Lex;
use crate::point::Point;
use crate::{Ctx, Hit};
use chronicle_core::TimexType;

pub const RULES: &[Rule] = &[position, mid_compound, approximate];

/// How many tokens of "position" modifier start at `i`: `early`, `late`,
/// `mid`, `earlier`, `later`, `the end of`, `the beginning of`, `the middle
/// of`, `the start of`, `the rest of`, `the first half of` is a half.
fn position_words(cx: &Ctx, i: usize) -> Option<usize> {
    match cx.low(i) {
        "early" | "late" | "mid" | "earlier" | "later" => Some(1),
        // "the early 1980s", "the late 1970s", "the early summer"
        "the" if matches!(cx.low(i + 1), "early" | "late" | "mid") => matches!(
            cx.lex(i + 2),
            Lex::Decade(_) | Lex::DecadeWord(_) | Lex::Season(_)
        )
        .then_some(2),
        "the" | "end" | "beginning" | "start" | "middle" => {
            let j = if cx.low(i) == "the" { i + 1 } else { i };
            let word = matches!(
                cx.low(j),
                "end" | "beginning" | "start" | "middle" | "rest" | "close"
            );
            (word && cx.low(j + 1) == "of").then_some(j + 2 - i)
        }
        _ => None,
    }
}

/// `early next year`, `late November`, `the end of 1990`, `earlier this month`.
fn position(cx: &Ctx, i: usize) -> Option<Hit> {
    let k = position_words(cx, i)?;
    let j = i + k;
    // "the end of the year": the year of the report.
    if cx.low(j) == "the" {
        if let Lex::Unit(u, false) = cx.lex(j + 1) {
            if !u.is_clock() && cx.low(j + 2) != "of" {
                return Some(Hit::date(j + 2, Point::at(cx.dct, u), cx.dct_anchor()));
            }
        }
    }
    // "earlier this month", "later that year", "earlier Sunday", "later
    // yesterday"; "late Monday" and "early Friday" keep the day alone, as
    // TimeBank marks them.
    let day = matches!(cx.lex(j), Lex::Weekday(_))
        || matches!(cx.low(j), "today" | "yesterday" | "tomorrow");
    match cx.low(i) {
        "earlier" | "later" if !day && !matches!(cx.low(j), "this" | "last" | "next" | "that") => {
            return None
        }
        "early" | "late" if day => return None,
        _ => {}
    }
    point_at(cx, j)
}

/// `mid-March`, `late-November`, `mid-1998`; the month's year as for the
/// month alone.
fn mid_compound(cx: &Ctx, i: usize) -> Option<Hit> {
    let p = match cx.lex(i) {
        Lex::MidMonth(m) => Point::Month(super::absolute::year_for(cx, m, 15, i, i + 1), m),
        Lex::MidYear(y) => Point::Year(y),
        _ => return None,
    };
    Some(Hit::date(i + 1, p, None))
}

/// `about two years`, `nearly 10 years ago`, `more than a decade`, `around 7:15 p.m.`.
fn approximate(cx: &Ctx, i: usize) -> Option<Hit> {
    let k = match (cx.low(i), cx.low(i + 1)) {
        ("more" | "less" | "fewer", "than") => 2,
        ("at", "least" | "most") => 2,
        ("up", "to") => 2,
        // "over a week", not "over the past two months"
        ("over", next)
            if next == "a" || next == "an" || next.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            1
        }
        ("about" | "around" | "nearly" | "almost" | "roughly" | "approximately" | "some", _) => 1,
        _ => return None,
    };
    let hit = any_at(cx, i + k)?;
    // Amounts of time and clock readings are approximated; "about recent
    // events" or "around Wednesday's ruling" are not approximations.
    let ago = cx.low(hit.end.saturating_sub(1)) == "ago";
    match hit.kind {
        TimexType::Duration | TimexType::Time => Some(hit),
        TimexType::Date if ago => Some(hit),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::check;
    const D: &str = "2022-03-16";

    #[test]
    fn positions() {
        check(
            "Elections are due early next year.",
            D,
            &[("early next year", "2023")],
        );
        check(
            "Growth stalled in early 2021 and in late November.",
            D,
            &[("early 2021", "2021"), ("late November", "2021-11")],
        );
        check(
            "Troops arrived in mid-March.",
            D,
            &[("mid-March", "2022-03")],
        );
        check(
            "He made the late-November trip.",
            D,
            &[("late-November", "2021-11")],
        );
        check(
            "The plant closes at the end of 1990.",
            D,
            &[("the end of 1990", "1990")],
        );
        check(
            "Earlier Sunday, sirens sounded; late Monday they stopped.",
            D,
            &[("Earlier Sunday", "2022-03-13"), ("Monday", "2022-03-14")],
        );
        check(
            "Orders rose from the lows of the early summer; late spring was calm.",
            "2022-10-26",
            &[("the early summer", "2022-SU"), ("late spring", "2022-SP")],
        );
        check(
            "Earlier this month prices fell.",
            D,
            &[("Earlier this month", "2022-03")],
        );
    }

    #[test]
    fn approximations() {
        check(
            "It lasted over a week, up to 180 days.",
            D,
            &[("over a week", "P1W"), ("up to 180 days", "P180D")],
        );
        check(
            "The war lasted about two years.",
            D,
            &[("about two years", "P2Y")],
        );
        check(
            "It began more than a decade ago.",
            D,
            &[("more than a decade ago", "2012")],
        );
    }
}
