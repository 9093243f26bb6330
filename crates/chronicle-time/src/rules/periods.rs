//! Calendar periods longer than a day: quarters ("the third quarter",
//! "third-quarter", "Q3 2021", "the 1988 second quarter", "next year's
//! first quarter"), halves ("the first half of 1998"), seasons ("the summer
//! of 1997", "the summer"), fiscal years ("fiscal 1989"), decades ("the
//! 1990s", "the mid-1990s"), centuries ("the 20th century", "the
//! nineteenth century"), and the year the text is about ("the year",
//! "the full year", "year-end").
//!
//! Invariants: quarters are 1..=4 and halves 1..=2; a period written
//! without a year takes the publication year, except a quarter two or more
//! ahead of the report's own (then last year's: "the fourth quarter" in
//! January) and a bare season still to come this year under a past tense
//! (then last year's). Sources: TimeML TIMEX3 guidelines 1.2.1 §2.2
//! (`YYYY-Qn`, `YYYY-Hn`, `YYYY-SU`, decades `199`), TimeBank's reading of
//! fiscal years as the calendar year named.

use super::{the, Rule};
use crate::lexicon::{Lex, Unit};
use crate::point::Point;
use crate::{tense, Ctx, Hit};
use chronicle_core::{TimexAnchor, TimexType};
use chrono::Datelike;

pub const RULES: &[Rule] = &[
    the_year,
    year_period,
    year_end,
    decade,
    century,
    season_year,
    the_season,
    fiscal_year,
    quarter,
    half,
];

/// `the 1990s`, `1990s`, `the mid-1990s`; `the nineties` — a decade in
/// words, with "the" ("in their twenties" is an age), is the latest one
/// that began by the report's year.
fn decade(cx: &Ctx, i: usize) -> Option<Hit> {
    let j = the(cx, i);
    // "the early nineties": the modifier rule asks at "nineties".
    if j > i || matches!(cx.prev_low(i), "early" | "late" | "mid") {
        if let Lex::DecadeWord(tens) = cx.lex(j) {
            let y = cx.dct.year();
            let mut start = y - y.rem_euclid(100) + tens * 10;
            if start > y {
                start -= 100;
            }
            return Some(Hit::date(j + 1, Point::Decade(start.div_euclid(10)), None));
        }
    }
    let (Lex::Decade(d) | Lex::MidDecade(d)) = cx.lex(j) else {
        return None;
    };
    Some(Hit::date(j + 1, Point::Decade(d), None))
}

/// `the 20th century` → `19`, `the eleventh century` → `10`: TimeML writes
/// a century as the first two digits of its years. "Century" must be lower
/// case, so names ("20th Century Fox", "21st Century Insurance") stay out.
fn century(cx: &Ctx, i: usize) -> Option<Hit> {
    let j = the(cx, i);
    let n = match cx.lex(j) {
        Lex::Ordinal(n) => n,
        _ => match cx.low(j) {
            "thirteenth" => 13,
            "fourteenth" => 14,
            "fifteenth" => 15,
            "sixteenth" => 16,
            "seventeenth" => 17,
            "eighteenth" => 18,
            "nineteenth" => 19,
            "twentieth" => 20,
            "twenty-first" => 21,
            _ => return None,
        },
    };
    if !(1..=22).contains(&n) || cx.tok(j + 1)?.text != "century" {
        return None;
    }
    Some(Hit::date(j + 2, Point::Century(n as i32 - 1), None))
}

/// `the summer of 1997`, `spring 2022`.
fn season_year(cx: &Ctx, i: usize) -> Option<Hit> {
    let j = the(cx, i);
    let Lex::Season(s) = cx.lex(j) else {
        return None;
    };
    let k = if cx.low(j + 1) == "of" { j + 2 } else { j + 1 };
    // "the spring of last year": the season of a year named relatively.
    if k == j + 2 && cx.low(k + 1) == "year" {
        let shift = match cx.low(k) {
            "last" | "previous" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        let p = Point::Season(cx.dct.year() + shift, s);
        return Some(Hit::date(k + 2, p, cx.dct_anchor()));
    }
    let (y, end) = match cx.lex(k) {
        Lex::Year(y) => (y, k + 1),
        _ => super::holidays::spoken_year_at(cx, k)?,
    };
    Some(Hit::date(end, Point::Season(y, s), None))
}

/// `the 1989 period`, `the 1988 quarter`: the period the text reports on
/// (its quarter or half) in the year named, else the year.
fn year_period(cx: &Ctx, i: usize) -> Option<Hit> {
    if cx.low(i) != "the" {
        return None;
    }
    let Lex::Year(y) = cx.lex(i + 1) else {
        return None;
    };
    if !matches!(cx.low(i + 2), "period" | "quarter") {
        return None;
    }
    // Taken from the text's period, it is anchored there and does not
    // become the period itself (so "a year ago" after "the 1989 period"
    // still counts from the quarter).
    let (p, anchor) = match cx.year_period() {
        Some((Point::Quarter(_, q), span)) => {
            (Point::Quarter(y, q), Some(TimexAnchor::Timex(span)))
        }
        Some((Point::Half(_, h), span)) => (Point::Half(y, h), Some(TimexAnchor::Timex(span))),
        // No quarter named yet: the last full one before the report.
        _ if cx.low(i + 2) == "quarter" => {
            match Point::at(cx.dct, Unit::Quarter).shift(Unit::Quarter, -1)? {
                Point::Quarter(_, q) => (Point::Quarter(y, q), None),
                _ => return None,
            }
        }
        _ => (Point::Year(y), None),
    };
    Some(Hit::date(i + 3, p, anchor))
}

/// `fiscal 1989`, `fiscal year 2023`: TimeBank writes the year.
fn fiscal_year(cx: &Ctx, i: usize) -> Option<Hit> {
    let j = the(cx, i);
    if cx.low(j) != "fiscal" {
        return None;
    }
    let k = if cx.low(j + 1) == "year" {
        j + 2
    } else {
        j + 1
    };
    let Lex::Year(y) = cx.lex(k) else {
        return None;
    };
    Some(Hit::date(k + 1, Point::Year(y), None))
}

/// `the year`, `the full year`, `the current fiscal year`: the publication
/// year; `the year ended March 31` is a duration of a year.
fn the_year(cx: &Ctx, i: usize) -> Option<Hit> {
    if cx.low(i) != "the" {
        return None;
    }
    let mut j = i + 1;
    if matches!(cx.low(j), "full" | "current" | "whole" | "entire") {
        j += 1;
    }
    if cx.low(j) == "fiscal" {
        j += 1;
    }
    if cx.low(j) != "year"
        || matches!(
            cx.low(j + 1),
            "'s" | "’s" | "before" | "after" | "earlier" | "later" | "ago" | "of"
        )
    {
        return None;
    }
    // "the year ended March 31": a twelve-month period, not a calendar year.
    if matches!(cx.low(j + 1), "ended" | "ending" | "through" | "to") {
        return Some(Hit::new(j + 1, TimexType::Duration, "P1Y"));
    }
    Some(Hit::date(
        j + 1,
        Point::Year(cx.dct.year()),
        Some(TimexAnchor::PublicationDate),
    ))
}

/// The ordinal a token names, `second` included (it is also a unit).
pub fn ordinal(cx: &Ctx, i: usize) -> Option<u32> {
    match cx.lex(i) {
        Lex::Ordinal(n) => Some(n),
        _ if cx.low(i) == "second" => Some(2),
        _ => None,
    }
}

/// The year a quarter or half named at `i..end` belongs to: an explicit
/// `of 1998` / `1998` after it, `of the year` / `of last year` counted
/// from the report, else the publication year.
fn period_year(cx: &Ctx, end: usize) -> (i32, usize) {
    if cx.low(end) == "of" {
        if let Lex::Year(y) = cx.lex(end + 1) {
            return (y, end + 2);
        }
        if cx.low(end + 2) == "year" {
            let shift = match cx.low(end + 1) {
                "the" | "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if let Some(shift) = shift {
                return (cx.dct.year() + shift, end + 3);
            }
        }
    }
    if let Lex::Year(y) = cx.lex(end) {
        return (y, end + 1);
    }
    (cx.dct.year(), end)
}

/// `the third quarter`, `third-quarter`, `the fiscal first quarter of 1998`, `Q3`.
fn quarter(cx: &Ctx, i: usize) -> Option<Hit> {
    let mut j = the(cx, i);
    // "the 1988 second quarter", "the year-ago third quarter", "next year's
    // first quarter"
    let mut year = None;
    match (cx.lex(j), cx.low(j)) {
        (Lex::Year(y), _) => {
            year = Some(y);
            j += 1;
        }
        (Lex::YearAgo, _) => {
            year = Some(cx.dct.year() - 1);
            j += 1;
        }
        (_, "this" | "last" | "next") if cx.low(j + 1) == "year" && cx.low(j + 2) == "'s" => {
            let shift = match cx.low(j) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            year = Some(cx.dct.year() + shift);
            j += 3;
        }
        _ => {}
    }
    if cx.low(j) == "fiscal" {
        j += 1;
    }
    let (q, end) = if let Lex::QuarterAdj(q) = cx.lex(j) {
        // "the third-quarter results": the article belongs to the noun.
        if cx.low(i) == "the" && j == i + 1 {
            return None;
        }
        (q, j + 1)
    } else if let Some(q) = ordinal(cx, j) {
        if cx.lex(j + 1) != Lex::Unit(crate::lexicon::Unit::Quarter, false) || !(1..=4).contains(&q)
        {
            return None;
        }
        (q, j + 2)
    } else {
        let q = match cx.low(j) {
            "q1" => 1,
            "q2" => 2,
            "q3" => 3,
            "q4" => 4,
            _ => return None,
        };
        (q, j + 1)
    };
    let (y, end) = match year {
        Some(y) => (y, end),
        None => {
            let (y, year_end) = period_year(cx, end);
            // A quarter two or more ahead of the report's is last year's:
            // "the fourth quarter" in January.
            let current = (cx.dct.month() - 1) / 3 + 1;
            if year_end == end && q > current + 1 {
                (y - 1, end)
            } else {
                (y, year_end)
            }
        }
    };
    Some(Hit::date(end, Point::Quarter(y, q), None))
}

/// `the first half`, `the second half of 1998`, `the last half of 1989`.
fn half(cx: &Ctx, i: usize) -> Option<Hit> {
    let j = the(cx, i);
    // "the last half of 1989", "the latter half of the year"
    let h = match cx.low(j) {
        "last" | "latter" if j > i && cx.low(j + 2) == "of" => 2,
        _ => ordinal(cx, j).filter(|h| (1..=2).contains(h))?,
    };
    if cx.low(j + 1) != "half" {
        return None;
    }
    let (y, end) = period_year(cx, j + 2);
    if end == j + 2 && !matches!(cx.low(j), "first" | "second") {
        return None;
    }
    Some(Hit::date(end, Point::Half(y, h), None))
}

/// `year-end`, `year end`, `year's end`: the end of the publication year.
fn year_end(cx: &Ctx, i: usize) -> Option<Hit> {
    let end = match (cx.lex(i), cx.low(i), cx.low(i + 1), cx.low(i + 2)) {
        (Lex::YearEnd, ..) => i + 1,
        (_, "year", "end", _) => i + 2,
        (_, "year", "'s" | "’s", "end") => i + 3,
        _ => return None,
    };
    Some(Hit::date(
        end,
        Point::Year(cx.dct.year()),
        Some(TimexAnchor::PublicationDate),
    ))
}

/// `the summer`; `early summer`, `the late spring` (the modifier rule asks
/// at the season): the season of the publication year, or last year's when
/// it is still to come and the sentence looks back.
fn the_season(cx: &Ctx, i: usize) -> Option<Hit> {
    let i = if cx.low(i) == "the" {
        i
    } else if matches!(cx.prev_low(i), "early" | "late" | "mid") {
        i - 1
    } else {
        return None;
    };
    let Lex::Season(s) = cx.lex(i + 1) else {
        return None;
    };
    if cx.low(i + 2) == "of" {
        return None;
    }
    let start_month = match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    let y = cx.dct.year();
    let y = if start_month > cx.dct.month() && tense::cue_side(cx, i, i + 2) < 0 {
        y - 1
    } else {
        y
    };
    Some(Hit::date(
        i + 2,
        Point::Season(y, s),
        Some(TimexAnchor::PublicationDate),
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::check;
    const D: &str = "2022-03-16";

    #[test]
    fn centuries() {
        check(
            "She is a 20th century democrat.",
            D,
            &[("20th century", "19")],
        );
        check(
            "The temple dates from the eleventh century.",
            D,
            &[("the eleventh century", "10")],
        );
        check("He sold 21st Century Fox shares.", D, &[]);
    }

    #[test]
    fn decades_in_words() {
        check(
            "Prices rose in the nineties.",
            "1998-03-03",
            &[("the nineties", "199")],
        );
        check(
            "Growth slowed in the seventies.",
            D,
            &[("the seventies", "197")],
        );
        check("Both were in their twenties.", D, &[]);
        check(
            "It grew in the early eighties.",
            D,
            &[("the early eighties", "198")],
        );
    }

    #[test]
    fn quarters_halves_and_seasons() {
        check(
            "Earnings fell in the third quarter.",
            "2022-10-27",
            &[("the third quarter", "2022-Q3")],
        );
        check(
            "Third-quarter profit rose.",
            "2022-10-27",
            &[("Third-quarter", "2022-Q3")],
        );
        check("Revenue grew in Q1 2021.", D, &[("Q1 2021", "2021-Q1")]);
        check(
            "Sales beat the 2020 second quarter.",
            D,
            &[("the 2020 second quarter", "2020-Q2")],
        );
        check(
            "Profit beat the year-ago third quarter.",
            D,
            &[("the year-ago third quarter", "2021-Q3")],
        );
        check(
            "Profit fell in the fourth quarter.",
            "2022-01-20",
            &[("the fourth quarter", "2021-Q4")],
        );
        check(
            "Sales rose for the full year.",
            D,
            &[("the full year", "2022")],
        );
        check(
            "Sales for the year ended March 31 fell.",
            D,
            &[("the year", "P1Y"), ("March 31", "2021-03-31")],
        );
        check(
            "Polls open Saturday, April 25.",
            "2020-04-20",
            &[("Saturday, April 25", "2020-04-25")],
        );
        check(
            "Growth slowed in the first half of 2021.",
            D,
            &[("the first half of 2021", "2021-H1")],
        );
        check(
            "Sales fell in the first half of the year and in the fourth quarter of last year.",
            D,
            &[
                ("the first half of the year", "2022-H1"),
                ("the fourth quarter of last year", "2021-Q4"),
            ],
        );
        check(
            "It rained in the summer of 1997.",
            D,
            &[("the summer of 1997", "1997-SU")],
        );
    }

    #[test]
    fn periods_of_a_results_story() {
        check(
            "Profit rose in the third quarter. In the 1988 period, it fell.",
            "1989-10-27",
            &[
                ("the third quarter", "1989-Q3"),
                ("the 1988 period", "1988-Q3"),
            ],
        );
        check(
            "Sales in the 1990 quarter will rise.",
            "1991-02-10",
            &[("the 1990 quarter", "1990-Q4")],
        );
        check(
            "Output fell in the last half of 2021.",
            D,
            &[("the last half of 2021", "2021-H2")],
        );
    }

    #[test]
    fn years_seasons_and_decades() {
        check(
            "Sales rose for the full year.",
            D,
            &[("the full year", "2022")],
        );
        check(
            "The deal should close by year-end.",
            D,
            &[("year-end", "2022")],
        );
        check(
            "Costs rose over the summer.",
            "1989-10-27",
            &[("the summer", "1989-SU")],
        );
        check("Demand grew after the 1990s.", D, &[("the 1990s", "199")]);
        check(
            "A goal for the mid-1990s.",
            "1989-10-27",
            &[("the mid-1990s", "199")],
        );
        check("Profit rose in fiscal 2023.", D, &[("fiscal 2023", "2023")]);
        check(
            "He was hired in fiscal year 2013.",
            D,
            &[("fiscal year 2013", "2013")],
        );
    }
}
