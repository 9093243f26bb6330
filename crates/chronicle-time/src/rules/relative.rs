//! Relative dates: expressions whose value depends on the publication date
//! or on a date mentioned earlier ("yesterday", "Sunday", "last week", "next
//! month", "this year", "two years ago", "a day earlier", "the previous
//! day", "the year-earlier quarter", "now", "recently", "the future").
//!
//! Invariants: deictic expressions ("yesterday", "last week", "two years
//! ago") resolve against the publication date and carry the
//! `PublicationDate` anchor; anaphoric ones ("a day earlier", "the next
//! day", "a year earlier") resolve against the last date the text mentioned
//! and carry a `Timex(span)` anchor naming it, falling back to the
//! publication date when the text has mentioned none. A shift by years keeps
//! the granularity the text set up, so "a year earlier" after "the third
//! quarter" is the same quarter a year before (TimeBank's reading).
//! Sources: TimeML TIMEX3 guidelines 1.2.1 §2.2.3 (temporal functions,
//! `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`), HeidelTime's relative patterns.

use super::{the, Rule};
use crate::lexicon::{Lex, Unit};
use crate::point::{shift_date, weekday_near, Point};
use crate::{tense, Ctx, Hit};
use chronicle_core::TimexType;
use chrono::Datelike;

pub const RULES: &[Rule] = &[
    deictic_day,
    reference,
    this_last_next,
    weekday,
    weekend,
    the_week,
];

/// `today`, `yesterday`, `tomorrow`, `the day before yesterday`, `the day
/// after tomorrow`.
fn deictic_day(cx: &Ctx, i: usize) -> Option<Hit> {
    let (n, end) = match (cx.low(i), cx.low(i + 1), cx.low(i + 2), cx.low(i + 3)) {
        ("today", ..) => (0, i + 1),
        ("yesterday", ..) => (-1, i + 1),
        ("tomorrow", ..) => (1, i + 1),
        ("the", "day", "before", "yesterday") => (-2, i + 4),
        ("the", "day", "after", "tomorrow") => (2, i + 4),
        _ => return None,
    };
    let d = shift_date(cx.dct, Unit::Day, n)?;
    Some(Hit::date(end, Point::Day(d), cx.dct_anchor()))
}

/// `now`, `currently`, `recently`, `the past`, `the future`.
fn reference(cx: &Ctx, i: usize) -> Option<Hit> {
    let j = the(cx, i);
    let with_the = j > i;
    let next = cx.lex(j + 1);
    // "the recent past"
    if cx.low(j) == "recent" && cx.low(j + 1) == "past" {
        return Some(Hit::new(j + 2, TimexType::Date, "PAST_REF"));
    }
    let value = match cx.low(j) {
        "right" if !with_the && cx.low(j + 1) == "now" => {
            return Some(Hit::new(j + 2, TimexType::Date, "PRESENT_REF"));
        }
        // "Now, the minister said, …": a sentence-opening "Now," is a
        // discourse marker, not a reference to the present.
        "now" if matches!(cx.prev_low(j), "" | "\"" | "``") && cx.low(j + 1) == "," => return None,
        "now" | "currently" | "nowadays" if !with_the => "PRESENT_REF",
        "current"
            if !with_the
                && !matches!(
                    cx.low(j + 1),
                    "account" | "accounts" | "fiscal" | "year" | "quarter"
                ) =>
        {
            "PRESENT_REF"
        }
        "present" if with_the => "PRESENT_REF",
        // "the near future", "the short term", "the near term"
        "near" | "short" if with_the && matches!(cx.low(j + 1), "future" | "term") => {
            return Some(Hit::new(j + 2, TimexType::Date, "FUTURE_REF"));
        }
        "recently" if !with_the => "PAST_REF",
        "recent"
            if !with_the
                && !matches!(next, Lex::Unit(..))
                && !matches!(
                    cx.prev_low(j),
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "this"
                        | "these"
                        | "those"
                        | "about"
                        | "most"
                        | "more"
                ) =>
        {
            "PAST_REF"
        }
        "past" if with_the && !matches!(next, Lex::Unit(..) | Lex::Num(_)) => {
            if matches!(cx.low(j + 1), "few" | "several") {
                return None;
            }
            "PAST_REF"
        }
        // "the future", "in future"; not "future plans"
        "future" if with_the || cx.prev_low(j) == "in" => "FUTURE_REF",
        _ => return None,
    };
    Some(Hit::new(j + 1, TimexType::Date, value))
}

/// The direction a modifier word gives: `this` 0, `last` -1, `next` +1.
fn direction(w: &str) -> Option<i64> {
    match w {
        "this" | "current" => Some(0),
        "last" | "past" => Some(-1),
        "next" | "coming" => Some(1),
        _ => None,
    }
}

/// `this week`, `last year`, `next month`, `last Friday`, `last November`,
/// `this summer`, `next spring`; `the past year`, `the last month`, `the
/// coming year` name the calendar unit before or after the report's, as
/// TimeBank marks them and HeidelTime reads them (`the past two years`,
/// `the past day` and `the past decade` stay durations).
fn this_last_next(cx: &Ctx, i: usize) -> Option<Hit> {
    let with_the =
        cx.low(i) == "the" && matches!(cx.low(i + 1), "past" | "last" | "next" | "coming");
    let mut i = if with_the { i + 1 } else { i };
    let mut dir = direction(cx.low(i))?;
    if !with_the && (cx.low(i) == "past" || cx.low(i) == "coming") {
        return None; // "past week" is a duration
    }
    // "this past spring", "this coming Friday"
    if cx.low(i) == "this" {
        match cx.low(i + 1) {
            "past" => {
                dir = -1;
                i += 1;
            }
            "coming" => {
                dir = 1;
                i += 1;
            }
            _ => {}
        }
    }
    let dct = cx.dct;
    let a = cx.dct_anchor();
    // "the last Friday of the month", "the last week of March"; "the past
    // decade" is the stretch of ten years before the report, not the
    // calendar decade (TimeBank marks both, HeidelTime the latter).
    if with_the
        && (!matches!(cx.lex(i + 1), Lex::Unit(u, false) if !matches!(u, Unit::Decade | Unit::Century))
            || cx.low(i + 2) == "of")
    {
        return None;
    }
    let p = match cx.lex(i + 1) {
        Lex::Unit(u, false) if !u.is_clock() => {
            // "the next month" in a story told in the past is the anaphora
            // rules' (it follows the text's last date).
            if u == Unit::Day
                || (with_the
                    && cx.low(i) == "next"
                    && super::anaphora::next_follows_text(cx, i - 1))
            {
                return None;
            }
            Point::at(dct, u).shift(u, dir)?
        }
        Lex::Weekday(wd) => {
            let d = match dir {
                0 => weekday_near(dct, wd, tense::side(cx, i, i + 2))?,
                -1 => {
                    let d = weekday_near(dct, wd, -1)?;
                    if d == dct {
                        shift_date(d, Unit::Day, -7)?
                    } else {
                        d
                    }
                }
                _ => {
                    let d = weekday_near(dct, wd, 1)?;
                    if d == dct {
                        shift_date(d, Unit::Day, 7)?
                    } else {
                        d
                    }
                }
            };
            Point::Day(d)
        }
        // "last Oct. 23" is a date the month-day rule reads from the month.
        Lex::Month(m)
            if cx.tok(i + 1).is_some_and(|t| t.cap())
                && !matches!(cx.lex(i + 2), Lex::Num(1..=31) | Lex::Ordinal(_)) =>
        {
            let y = dct.year();
            let y = match dir {
                -1 if m >= dct.month() => y - 1,
                1 if m <= dct.month() => y + 1,
                _ => y,
            };
            Point::Month(y, m)
        }
        Lex::Season(s) => {
            let idx = |s: &str| match s {
                "SP" => 0,
                "SU" => 1,
                "FA" => 2,
                _ => 3,
            };
            let cur = match dct.month() {
                3..=5 => 0,
                6..=8 => 1,
                9..=11 => 2,
                _ => 3,
            };
            // Winter in January belongs to the previous year's winter.
            let y = if dct.month() <= 2 {
                dct.year() - 1
            } else {
                dct.year()
            };
            let y = match dir {
                -1 if idx(s) >= cur => y - 1,
                1 if idx(s) <= cur => y + 1,
                _ => y,
            };
            Point::Season(y, s)
        }
        _ => return None,
    };
    Some(Hit::date(i + 2, p, a))
}

/// A weekday, on the side of the publication date the tense says.
fn weekday(cx: &Ctx, i: usize) -> Option<Hit> {
    let Lex::Weekday(wd) = cx.lex(i) else {
        return None;
    };
    if !cx.tok(i)?.cap() {
        return None;
    }
    let d = weekday_near(cx.dct, wd, tense::side(cx, i, i + 1))?;
    Some(Hit::date(i + 1, Point::Day(d), cx.dct_anchor()))
}

/// `the weekend`, `this weekend`: the weekend just past, or the coming one
/// in the future tense.
fn weekend(cx: &Ctx, i: usize) -> Option<Hit> {
    if !matches!(cx.low(i), "the" | "this") || cx.low(i + 1) != "weekend" {
        return None;
    }
    let side = tense::side(cx, i, i + 2);
    let wd = cx.dct.weekday().number_from_monday();
    let d = if side < 0 && wd < 6 {
        shift_date(cx.dct, Unit::Day, -7)?
    } else {
        cx.dct
    };
    Some(Hit::date(
        i + 2,
        Point::at(d, Unit::Weekend),
        cx.dct_anchor(),
    ))
}

/// `the week` (the report's week), `the week of March 6` (the week holding
/// that day).
fn the_week(cx: &Ctx, i: usize) -> Option<Hit> {
    if cx.low(i) != "the" || cx.low(i + 1) != "week" {
        return None;
    }
    if cx.low(i + 2) == "of" {
        let inner = super::point_at(cx, i + 3)?;
        let Some(Point::Day(d)) = inner.point else {
            return None;
        };
        return Some(Hit::date(inner.end, Point::at(d, Unit::Week), None));
    }
    if matches!(cx.low(i + 2), "before" | "after" | "earlier" | "later") {
        return None;
    }
    Some(Hit::date(
        i + 2,
        Point::at(cx.dct, Unit::Week),
        cx.dct_anchor(),
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::check;
    const D: &str = "2022-03-16";

    #[test]
    fn weekends() {
        check(
            "Fighting continued over the weekend.",
            D,
            &[("the weekend", "2022-W10-WE")],
        );
        check(
            "For the week, the index fell; a hearing is set for the week of March 21.",
            D,
            &[
                ("the week", "2022-W11"),
                ("the week of March 21", "2022-W12"),
            ],
        );
    }

    #[test]
    fn deictic_words() {
        check(
            "Talks resume tomorrow after today's and yesterday's meetings.",
            D,
            &[
                ("tomorrow", "2022-03-17"),
                ("today", "2022-03-16"),
                ("yesterday", "2022-03-15"),
            ],
        );
        check(
            "It rained the day before yesterday; talks end the day after tomorrow.",
            D,
            &[
                ("the day before yesterday", "2022-03-14"),
                ("the day after tomorrow", "2022-03-18"),
            ],
        );
        check(
            "He is currently in Kyiv; he was recently in Riga.",
            D,
            &[("currently", "PRESENT_REF"), ("recently", "PAST_REF")],
        );
        // A sentence-opening "Now," is a discourse marker.
        check(
            "Now, the mayor said, the bridge must wait. The bridge is now closed.",
            D,
            &[("now", "PRESENT_REF")],
        );
        check(
            "Prices may fall in the near future.",
            D,
            &[("the near future", "FUTURE_REF")],
        );
        check(
            "Nobody can predict the future.",
            D,
            &[("the future", "FUTURE_REF")],
        );
    }

    #[test]
    fn this_last_next() {
        check(
            "Prices rose last week and will fall next month.",
            D,
            &[("last week", "2022-W10"), ("next month", "2022-04")],
        );
        check(
            "This year is hard; last year was easier.",
            D,
            &[("This year", "2022"), ("last year", "2021")],
        );
        check(
            "They met last Friday and last November.",
            D,
            &[("last Friday", "2022-03-11"), ("last November", "2021-11")],
        );
        check(
            "The plant opens next spring.",
            D,
            &[("next spring", "2023-SP")],
        );
        check(
            "It closed this past spring.",
            "1989-10-27",
            &[("this past spring", "1989-SP")],
        );
    }
}
