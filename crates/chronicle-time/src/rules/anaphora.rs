//! Anaphoric and shifted dates: expressions that count from a date — the
//! publication date ("two years ago", "a year ago") or the date the text
//! last mentioned ("a day earlier", "the next day", "two weeks later", "the
//! year-earlier quarter", "that year", "the same day", "the quarter").
//!
//! Invariants: a shift counted from the publication date carries the
//! `PublicationDate` anchor; one counted from the text carries a
//! `Timex(span)` anchor naming the expression it counts from, and falls back
//! to the publication date when the text has named none. Days and weeks
//! count from the last day named ("A day earlier" after "On Sunday"); other
//! units from the last date the text itself wrote (not one computed from
//! another shift, so two "a year earlier" in a row name the same year). A
//! shift by years keeps a quarter's granularity ("a year earlier" after
//! "the third quarter" is the third quarter a year before — TimeBank's
//! reading). Vague amounts ("several years ago") are `PAST_REF`.
//! Sources: TimeML TIMEX3 guidelines 1.2.1 §2.2.3 (anchorTimeID and
//! temporal functions), HeidelTime's relative-date normalization.

use super::{the, Rule};
use crate::lexicon::{Lex, Unit};
use crate::point::Point;
use crate::{Ctx, Hit};
use chronicle_core::{TimexAnchor, TimexType};
use chrono::Datelike;

pub const RULES: &[Rule] = &[
    units_ago,
    units_from_now,
    vague_ago,
    units_earlier,
    the_day_before,
    year_ago_adj,
    the_quarter,
    that_unit,
];

/// The amount before a unit: `two`, `a`, `twenty four`; `(n, next index)`.
/// A range before a unit ("two to three weeks", "7 or 8 years ago") spans
/// both numbers and counts as the first, as HeidelTime reads it.
pub fn amount(cx: &Ctx, i: usize) -> Option<(u32, usize)> {
    let (n, k) = single_amount(cx, i)?;
    match (cx.low(k), cx.lex(k + 1)) {
        ("to" | "or", Lex::Num(m)) if m > n && matches!(cx.lex(k + 2), Lex::Unit(..)) => {
            Some((n, k + 2))
        }
        _ => Some((n, k)),
    }
}

fn single_amount(cx: &Ctx, i: usize) -> Option<(u32, usize)> {
    match (cx.low(i), cx.lex(i)) {
        // "a couple of years" is two (TimeBank's reading)
        ("a", _) if cx.low(i + 1) == "couple" && cx.low(i + 2) == "of" => Some((2, i + 3)),
        // "the next couple of years"
        ("couple", _) if cx.low(i + 1) == "of" => Some((2, i + 2)),
        // "a hundred years", "a thousand years"
        ("a", _) if cx.low(i + 1) == "hundred" => Some((100, i + 2)),
        ("a", _) if cx.low(i + 1) == "thousand" => Some((1000, i + 2)),
        ("a" | "an" | "one", _) => Some((1, i + 1)),
        (_, Lex::Num(t)) => {
            // "twenty four"
            if (20..100).contains(&t) && t % 10 == 0 {
                if let Lex::Num(u) = cx.lex(i + 1) {
                    if u < 10 {
                        return Some((t + u, i + 2));
                    }
                }
            }
            Some((t, i + 1))
        }
        _ => None,
    }
}

/// The point a shift of `unit` starts from when anchored on the text: the
/// last day for days and weeks, the last point otherwise.
fn anchor_point(cx: &Ctx, unit: Unit) -> (Point, Option<TimexAnchor>) {
    match unit {
        Unit::Day | Unit::Week | Unit::Weekend | Unit::Hour => match cx.last_day {
            Some((d, span)) => (Point::Day(d), Some(TimexAnchor::Timex(span))),
            None => (Point::Day(cx.dct), cx.dct_anchor()),
        },
        _ => {
            let from = match unit {
                Unit::Year => cx.year_period().or(cx.last),
                _ => cx.last,
            };
            match from {
                Some((p, span)) => (p, Some(TimexAnchor::Timex(span))),
                None => (Point::Day(cx.dct), cx.dct_anchor()),
            }
        }
    }
}

/// `two years ago`, `a week ago`, `a year ago` (the quarter a year back
/// when the text is about quarters).
fn units_ago(cx: &Ctx, i: usize) -> Option<Hit> {
    let (n, j) = amount(cx, i)?;
    let Lex::Unit(u, _) = cx.lex(j) else {
        return None;
    };
    // "a week or so ago"
    let so = if cx.low(j + 1) == "or" && cx.low(j + 2) == "so" {
        2
    } else {
        0
    };
    let j = j + so;
    if cx.low(j + 1) != "ago" || u.is_clock() {
        return None;
    }
    let p = match cx.year_period() {
        Some((q @ Point::Quarter(..), _)) if u == Unit::Year => q.shift(u, -i64::from(n))?,
        // "a decade ago" names a year, not a decade.
        _ if matches!(u, Unit::Decade | Unit::Century) => {
            let d = crate::point::shift_date(cx.dct, u, -i64::from(n))?;
            Point::Year(d.year())
        }
        _ => Point::Day(cx.dct).shift(u, -i64::from(n))?,
    };
    Some(Hit::date(j + 2, p, cx.dct_anchor()))
}

/// `two weeks from now`, `a year from today`: the report's date moved ahead.
fn units_from_now(cx: &Ctx, i: usize) -> Option<Hit> {
    let (n, j) = amount(cx, i)?;
    let Lex::Unit(u, _) = cx.lex(j) else {
        return None;
    };
    if cx.low(j + 1) != "from" || !matches!(cx.low(j + 2), "now" | "today") || u.is_clock() {
        return None;
    }
    let p = Point::Day(cx.dct).shift(u, i64::from(n))?;
    Some(Hit::date(j + 3, p, cx.dct_anchor()))
}

/// `several years ago`, `a few months ago`, `years ago`: some time back.
fn vague_ago(cx: &Ctx, i: usize) -> Option<Hit> {
    let j = match (cx.low(i), cx.low(i + 1)) {
        ("a", "few" | "couple") => i + 2,
        ("several" | "few" | "some" | "many", _) => i + 1,
        _ => i,
    };
    let j = if cx.low(j) == "of" { j + 1 } else { j };
    let Lex::Unit(_, true) = cx.lex(j) else {
        return None;
    };
    if cx.low(j + 1) != "ago" {
        return None;
    }
    Some(Hit::new(j + 2, TimexType::Date, "PAST_REF"))
}

/// `a day earlier`, `two weeks later`, `a year before`: anchored on the
/// last date of the text.
fn units_earlier(cx: &Ctx, i: usize) -> Option<Hit> {
    let (n, j) = amount(cx, i)?;
    let Lex::Unit(u, _) = cx.lex(j) else {
        return None;
    };
    let sign = match cx.low(j + 1) {
        "earlier" => -1,
        "later" => 1,
        // "a week before." but not "ten days before the vote"
        "before"
            if !cx
                .tok(j + 2)
                .is_some_and(|t| t.low.starts_with(char::is_alphanumeric)) =>
        {
            -1
        }
        _ => return None,
    };
    if u.is_clock() {
        return None;
    }
    let (base, anchor) = anchor_point(cx, u);
    let p = base.shift(u, sign * i64::from(n))?;
    Some(Hit::date(j + 2, p, anchor))
}

/// `the day before`, `the next day`, `the following week`, `the previous year`.
fn the_day_before(cx: &Ctx, i: usize) -> Option<Hit> {
    if cx.low(i) != "the" {
        return None;
    }
    // "the previous Friday", "the following Monday": the weekday before or
    // after the last day the text named.
    if let Lex::Weekday(wd) = cx.lex(i + 2) {
        let dir = match cx.low(i + 1) {
            "previous" | "preceding" => -1,
            "next" | "following" => 1,
            _ => return None,
        };
        let (base, anchor) = anchor_point(cx, Unit::Day);
        let Point::Day(d) = base else { return None };
        let from = crate::point::shift_date(d, Unit::Day, i64::from(dir))?;
        let day = crate::point::weekday_near(from, wd, dir)?;
        return Some(Hit::date(i + 3, Point::Day(day), anchor));
    }
    let (sign, u, end) = match (cx.low(i + 1), cx.lex(i + 1), cx.lex(i + 2)) {
        // "the next day"; "Bayes withdrew in March. The next month, …": in a
        // story told in the past that has named a date, "the next month"
        // follows that date (otherwise it is the report's next month).
        ("next", _, Lex::Unit(Unit::Day, false)) => (1, Unit::Day, i + 3),
        ("next", _, Lex::Unit(u, false)) if next_follows_text(cx, i) => (1, u, i + 3),
        ("following", _, Lex::Unit(u, false)) => (1, u, i + 3),
        ("previous" | "preceding", _, Lex::Unit(u, false)) => (-1, u, i + 3),
        // "the day before." — not "the day before authorities acted",
        // where "before" opens a clause that dates the day instead.
        (_, Lex::Unit(u, false), _)
            if !cx
                .tok(i + 3)
                .is_some_and(|t| t.low.starts_with(char::is_alphanumeric)) =>
        {
            match cx.low(i + 2) {
                "before" => (-1, u, i + 3),
                "after" => (1, u, i + 3),
                _ => return None,
            }
        }
        _ => return None,
    };
    if u.is_clock() {
        return None;
    }
    let (base, anchor) = anchor_point(cx, u);
    // "the next year" after "the third quarter" is a year, not a quarter.
    let base = if cx.low(i + 1) == "next" {
        Point::at(base.start()?, u)
    } else {
        base
    };
    Some(Hit::date(end, base.shift(u, sign)?, anchor))
}

/// Whether `the next <unit>` at `i` counts from the text's last date: the
/// text has named one and the sentence is told in the past ("will close
/// over the next year", "expects a vote in the next week" are the report's
/// next year and week).
pub fn next_follows_text(cx: &Ctx, i: usize) -> bool {
    cx.last.is_some() && crate::tense::cue_side(cx, i, i + 3) < 0
}

/// `year-earlier`, `the year-ago quarter`, `the year-earlier period`.
fn year_ago_adj(cx: &Ctx, i: usize) -> Option<Hit> {
    let j = the(cx, i);
    let end = match cx.lex(j) {
        Lex::YearAgo => match cx.low(j + 1) {
            "quarter" | "period" => j + 2,
            _ if j > i => return None,
            _ => j + 1,
        },
        Lex::YearEnd if j == i => {
            return Some(Hit::date(
                i + 1,
                Point::Year(cx.dct.year()),
                cx.dct_anchor(),
            ))
        }
        _ => return None,
    };
    let p = match cx.year_period() {
        Some((p @ (Point::Quarter(..) | Point::Month(..) | Point::Half(..)), _)) => {
            p.shift(Unit::Year, -1)?
        }
        // "the year-ago quarter" with no quarter named: the last full
        // quarter before the report, a year back.
        _ if cx.low(j + 1) == "quarter" => Point::at(cx.dct, Unit::Quarter)
            .shift(Unit::Quarter, -1)?
            .shift(Unit::Year, -1)?,
        _ => Point::Year(cx.dct.year() - 1),
    };
    Some(Hit::date(end, p, cx.dct_anchor()))
}

/// `the quarter`, `the latest quarter`, `the latest period`: the quarter the
/// text is about, else the last full quarter before the report. Compared
/// a year back — `the quarter a year ago`, `the corresponding period last
/// year`, `last year's quarter` — it is that quarter a year earlier. `the
/// quarter ended July 31` is the calendar quarter most of it falls in.
fn the_quarter(cx: &Ctx, i: usize) -> Option<Hit> {
    let (mut j, back) = match (cx.low(i), cx.low(i + 1), cx.low(i + 2)) {
        ("the", ..) => (i + 1, 0),
        ("last" | "this", "year", "'s" | "’s") => (i + 3, i32::from(cx.low(i) == "last")),
        _ => return None,
    };
    if back == 0
        && matches!(
            cx.low(j),
            "latest" | "most-recent" | "recent" | "same" | "corresponding" | "comparable"
        )
    {
        j += 1;
    }
    let modified = j > i + 1 && back == 0;
    let is_quarter = cx.low(j) == "quarter" || ((modified || j == i + 3) && cx.low(j) == "period");
    if !is_quarter {
        return None;
    }
    if !modified && j == i + 1 && matches!(cx.low(j + 1), "ended" | "ending") {
        if let Some(Point::Day(d)) = super::point_at(cx, j + 2).and_then(|h| h.point) {
            let mid = crate::point::shift_date(d, Unit::Day, -45)?;
            return Some(Hit::date(j + 1, Point::at(mid, Unit::Quarter), None));
        }
    }
    // The quarter the story reports on, else the one it last named; "the
    // latest quarter" is never one still to come.
    let latest = modified && matches!(cx.low(i + 1), "latest" | "most-recent" | "recent");
    let last_full = Point::at(cx.dct, Unit::Quarter).shift(Unit::Quarter, -1)?;
    let p = match (cx.last_quarter, cx.last) {
        (Some((p, _)), _) => p,
        (None, Some((p @ Point::Quarter(..), _))) if !latest || p.start()? <= cx.dct => p,
        _ => last_full,
    };
    // "the quarter a year ago", "the same period last year"
    let k = j + 1;
    let (back, end) = match (cx.low(k), cx.low(k + 1), cx.low(k + 2)) {
        ("a", "year", "ago" | "earlier" | "before") if back == 0 => (1, k + 3),
        ("last", "year", _) if back == 0 => (1, k + 2),
        _ => (back, k),
    };
    let p = if back > 0 {
        p.shift(Unit::Year, -i64::from(back))?
    } else {
        p
    };
    Some(Hit::date(end, p, cx.dct_anchor()))
}

/// `that year`, `that quarter`, `the same day`, `that same day`: the unit of
/// the date the text last named.
fn that_unit(cx: &Ctx, i: usize) -> Option<Hit> {
    let j = match (cx.low(i), cx.low(i + 1)) {
        ("that", "same") | ("the", "same") => i + 2,
        ("that", _) => i + 1,
        _ => return None,
    };
    let Lex::Unit(u, false) = cx.lex(j) else {
        return None;
    };
    if u.is_clock() || matches!(cx.low(j + 1), "of" | "'s" | "’s") {
        return None;
    }
    let (base, anchor) = match (u, cx.last_day, cx.last) {
        (Unit::Day | Unit::Week, Some((d, span)), _) => (Point::Day(d), span),
        (_, _, Some((p, span))) => (p, span),
        _ => return None,
    };
    let p = match (base, u) {
        (Point::Quarter(..), Unit::Quarter) => base,
        (p, u) => Point::at(p.start()?, u),
    };
    Some(Hit::date(j + 1, p, Some(TimexAnchor::Timex(anchor))))
}

#[cfg(test)]
mod tests {
    use crate::testing::check;
    const D: &str = "2022-03-16";

    #[test]
    fn shifts_from_the_report_and_from_the_text() {
        check(
            "The firm was founded two years ago.",
            D,
            &[("two years ago", "2020")],
        );
        check(
            "They met a week or so ago and will talk for the next year or so.",
            D,
            &[
                ("a week or so ago", "2022-W10"),
                ("the next year or so", "2023"),
            ],
        );
        check(
            "Russia struck on Sunday. A day earlier, Kyiv warned.",
            D,
            &[("Sunday", "2022-03-13"), ("A day earlier", "2022-03-12")],
        );
        check(
            "Shares fell on Friday, March 11, from the previous Friday.",
            D,
            &[
                ("Friday, March 11", "2022-03-11"),
                ("the previous Friday", "2022-03-04"),
            ],
        );
        check(
            "He was seen March 3, the day before police acted; they met the day before.",
            D,
            &[("March 3", "2022-03-03"), ("the day before", "2022-03-02")],
        );
        check(
            "Troops left on March 1. The next day they returned.",
            D,
            &[("March 1", "2022-03-01"), ("The next day", "2022-03-02")],
        );
        check(
            "Bayes withdrew in March 2019. The next month, the party nominated Gammon. \
             It will pick a running mate in the next month. A vote is expected in the next week.",
            D,
            &[
                ("March 2019", "2019-03"),
                ("The next month", "2019-04"),
                ("the next month", "2022-04"),
                ("the next week", "2022-W12"),
            ],
        );
        check(
            "Profit fell in the third quarter from the year-earlier quarter.",
            "1989-10-27",
            &[
                ("the third quarter", "1989-Q3"),
                ("the year-earlier quarter", "1988-Q3"),
            ],
        );
    }

    #[test]
    fn a_results_story_compares_its_own_quarter() {
        check(
            "Acme's third-quarter profit rose. For the quarter ended Sept. 30, \
             sales grew from $5 million a year ago.",
            "1989-10-27",
            &[
                ("third-quarter", "1989-Q3"),
                ("the quarter", "1989-Q3"),
                ("Sept. 30", "1989-09-30"),
                ("a year ago", "1988-Q3"),
            ],
        );
        check(
            "Acme's profit rose in the third quarter. After a flat second \
             quarter, costs were lower than a year earlier.",
            "1989-10-27",
            &[
                ("the third quarter", "1989-Q3"),
                ("second quarter", "1989-Q2"),
                ("a year earlier", "1988-Q3"),
            ],
        );
        check(
            "Acme's third-quarter profit rose. A plant opened in April; its profit doubled from a year earlier.",
            "1989-10-26",
            &[
                ("third-quarter", "1989-Q3"),
                ("April", "1989-04"),
                ("a year earlier", "1988-Q3"),
            ],
        );
        check(
            "Sales should recover in the fourth quarter of 1990. They fell in the latest quarter.",
            "1989-11-02",
            &[
                ("the fourth quarter of 1990", "1990-Q4"),
                ("the latest quarter", "1989-Q3"),
            ],
        );
        check(
            "Acme's fiscal first-quarter profit rose. Acme shipped more in the quarter.",
            "1989-10-26",
            &[
                ("fiscal first-quarter", "1989-Q1"),
                ("the quarter", "1989-Q1"),
            ],
        );
        check(
            "Acme's third-quarter profit rose. For the quarter a year ago, it lost money; \
             sales in the corresponding period last year and last year's quarter were lower.",
            "1989-10-26",
            &[
                ("third-quarter", "1989-Q3"),
                ("the quarter a year ago", "1988-Q3"),
                ("the corresponding period last year", "1988-Q3"),
                ("last year's quarter", "1988-Q3"),
            ],
        );
        check(
            "In the quarter ended July 31, Acme had 5.6 million shares.",
            "1989-10-30",
            &[("the quarter", "1989-Q2"), ("July 31", "1989-07-31")],
        );
        check(
            "Acme stopped paying in the third quarter of 1984. Profit doubled from a year ago.",
            "1989-10-27",
            &[
                ("the third quarter of 1984", "1984-Q3"),
                ("a year ago", "1988"),
            ],
        );
    }

    #[test]
    fn anaphora_and_vague_shifts() {
        check(
            "Sales rose in the latest quarter.",
            "1989-10-27",
            &[("the latest quarter", "1989-Q3")],
        );
        check(
            "He moved there in 1988. Sales doubled that year.",
            D,
            &[("1988", "1988"), ("that year", "1988")],
        );
        check(
            "The plant opened several years ago.",
            D,
            &[("several years ago", "PAST_REF")],
        );
        check(
            "Talks end two weeks from now; the plant opens a year from today.",
            D,
            &[
                ("two weeks from now", "2022-W13"),
                ("a year from today", "2023"),
            ],
        );
        check(
            "The plant opened 7 or 8 years ago.",
            D,
            &[("7 or 8 years ago", "2015")],
        );
        check(
            "Two weeks later, it closed.",
            D,
            &[("Two weeks later", "2022-W13")],
        );
    }
}
