//! Times of day: clock times and parts of the day, on the day the text
//! gives them ("3 p.m. local time", "10:35 a.m.", "noon GMT", "10 p.m.
//! Wednesday", "noon Thursday", "this morning", "tonight", "last night",
//! "Friday morning", "yesterday afternoon").
//!
//! Invariants: hours are 0..=24 and minutes 0..=59 or nothing is produced;
//! a weekday with a part of the day ("Friday night") keeps the part in its
//! value but is typed DATE, as TimeBank and AQUAINT type it;
//! the day is the weekday or date written next to the time, else the last
//! day the text mentioned, else the publication date. Values are
//! `YYYY-MM-DDThh:mm` for clock times and `YYYY-MM-DDTMO` (`AF`, `EV`,
//! `NI`) for parts of the day; a zone word is kept in the extent, not in the
//! value (TimeBank writes local times). Sources: TimeML TIMEX3 guidelines
//! 1.2.1 §2.2.1.1 (TIME values and parts of the day), HeidelTime.

use super::Rule;
use crate::lexicon::{digits_value, Lex, Unit};
use crate::point::{shift_date, weekday_near, Date, Point};
use crate::{tense, Ctx, Hit};
use chronicle_core::TimexType;

pub const RULES: &[Rule] = &[clock, day_part];

fn is_meridian(w: &str) -> Option<bool> {
    match w {
        "a.m." | "a.m" | "am" => Some(false),
        "p.m." | "p.m" | "pm" => Some(true),
        _ => None,
    }
}

fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "gmt"
            | "utc"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "pst"
            | "pdt"
            | "mst"
            | "mdt"
            | "et"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
    )
}

fn is_oclock(w: &str) -> bool {
    matches!(w, "o'clock" | "o’clock")
}

/// A clock reading at `i`: `(hour, minute, end)`.
fn reading(cx: &Ctx, i: usize) -> Option<(u32, u32, usize)> {
    match cx.low(i) {
        "noon" | "midday" => return Some((12, 0, i + 1)),
        "midnight" => return Some((24, 0, i + 1)),
        _ => {}
    }
    let w = cx.low(i);
    let (h, m) = match w.split_once(':') {
        Some((h, m)) if m.len() == 2 => (digits_value(h)?, digits_value(m)?),
        None => (digits_value(w)?, 0),
        _ => return None,
    };
    if h > 24 || m > 59 {
        return None;
    }
    match is_meridian(cx.low(i + 1)) {
        Some(pm) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            let h = match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            Some((h, m, i + 2))
        }
        // "at 15:30", "14:26 GMT"
        None if w.contains(':') && (cx.prev_low(i) == "at" || is_zone(cx.low(i + 1))) => {
            Some((h, m, i + 1))
        }
        // "10 o'clock": the hour as written (the text leaves a.m./p.m. open).
        None if !w.contains(':') && (1..=12).contains(&h) && is_oclock(cx.low(i + 1)) => {
            Some((h, 0, i + 2))
        }
        // "4 in the morning", "10 in the evening", "11 at night".
        None if !w.contains(':') && (1..=12).contains(&h) => {
            let (part, end) = match (cx.low(i + 1), cx.low(i + 2), cx.low(i + 3)) {
                ("in", "the", p @ ("morning" | "afternoon" | "evening")) => (p, i + 4),
                ("at", "night", _) => ("night", i + 3),
                _ => return None,
            };
            // Not "5 in the morning session": the part ends the phrase.
            let next = cx.low(end);
            let word = next.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
            if word
                && !matches!(
                    next,
                    "and"
                        | "or"
                        | "on"
                        | "of"
                        | "local"
                        | "when"
                        | "before"
                        | "after"
                        | "until"
                        | "to"
                        | "at"
                        | "in"
                        | "but"
                        | "yesterday"
                        | "today"
                        | "tomorrow"
                )
            {
                return None;
            }
            let h = match (part, h) {
                ("morning", 12) => 0,
                ("morning", h) | ("night", h @ 1..=4) => h,
                (_, 12) => 12,
                (_, h) => h + 12,
            };
            Some((h, m, end))
        }
        None => None,
    }
}

/// A day written right after a time starting at `start`: `Wednesday`,
/// `Nov. 9`, `today`. A weekday takes its side from the cues around the
/// whole expression ("until 9 a.m. Tuesday").
fn day_after(cx: &Ctx, start: usize, j: usize) -> Option<(Date, usize)> {
    let j = if cx.low(j) == "," { j + 1 } else { j };
    match cx.lex(j) {
        Lex::Weekday(wd) => Some((
            weekday_near(cx.dct, wd, tense::side(cx, start, j + 1))?,
            j + 1,
        )),
        Lex::Month(_) => {
            let hit = super::point_at(cx, j)?;
            match hit.point? {
                Point::Day(d) => Some((d, hit.end)),
                _ => None,
            }
        }
        _ => deictic(cx, j).map(|d| (d, j + 1)),
    }
}

fn deictic(cx: &Ctx, j: usize) -> Option<Date> {
    let n = match cx.low(j) {
        "today" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => return None,
    };
    shift_date(cx.dct, Unit::Day, n)
}

/// The day a time with no written day falls on: the last day the text
/// named (the story's day: "The blast came on Friday. It hit at 10:35
/// a.m."), else the publication date.
fn default_day(cx: &Ctx) -> Date {
    match cx.last_day {
        Some((d, _)) => d,
        _ => cx.dct,
    }
}

fn time_value(d: Date, rest: &str) -> String {
    format!("{}T{rest}", Point::Day(d).value())
}

/// `3 p.m.`, `10:35 a.m. EST`, `noon Thursday`, `5 p.m. EST, Nov. 6`,
/// `3 p.m. local time`.
fn clock(cx: &Ctx, i: usize) -> Option<Hit> {
    let (h, m, mut end) = reading(cx, i)?;
    if is_zone(cx.low(end)) {
        end += 1;
    } else if cx.low(end) == "local" && cx.low(end + 1) == "time" {
        end += 2;
    }
    let (d, end) = match day_after(cx, i, end) {
        Some((d, e)) => (d, e),
        None => (default_day(cx), end),
    };
    Some(Hit::new(
        end,
        TimexType::Time,
        time_value(d, &format!("{h:02}:{m:02}")),
    ))
}

/// `this morning`, `tonight`, `last night`, `Friday morning`,
/// `yesterday afternoon`, `Wednesday night`.
fn day_part(cx: &Ctx, i: usize) -> Option<Hit> {
    if cx.low(i) == "tonight" {
        return Some(Hit::new(i + 1, TimexType::Time, time_value(cx.dct, "NI")));
    }
    // "mid afternoon", "mid-morning yesterday": the part on the day written
    // after it, else on the story's day.
    let (mid_part, after) = match (cx.low(i), cx.lex(i + 1)) {
        ("mid", Lex::DayPart(p)) => (Some(p), i + 2),
        (w, _) => (
            match w.strip_prefix("mid-") {
                Some("morning") => Some("MO"),
                Some("afternoon") => Some("AF"),
                Some("evening") => Some("EV"),
                _ => None,
            },
            i + 1,
        ),
    };
    if let Some(part) = mid_part {
        let (d, end) = day_after(cx, i, after).unwrap_or((default_day(cx), after));
        return Some(Hit::new(end, TimexType::Time, time_value(d, part)));
    }
    let Lex::DayPart(part) = cx.lex(i + 1) else {
        return None;
    };
    let (d, kind) = match (cx.low(i), cx.lex(i)) {
        ("this", _) => (cx.dct, TimexType::Time),
        ("last", _) if part == "NI" => (shift_date(cx.dct, Unit::Day, -1)?, TimexType::Time),
        // "Friday morning": TimeBank and AQUAINT type a named day with its
        // part as a DATE; the part stays in the value.
        (_, Lex::Weekday(wd)) => (
            weekday_near(cx.dct, wd, tense::side(cx, i, i + 2))?,
            TimexType::Date,
        ),
        _ => (deictic(cx, i)?, TimexType::Time),
    };
    Some(Hit::new(i + 2, kind, time_value(d, part)))
}

#[cfg(test)]
mod tests {
    use crate::testing::check;
    const D: &str = "2022-03-16";

    #[test]
    fn clock_times() {
        check(
            "The raid began at 3 p.m. local time.",
            D,
            &[("3 p.m. local time", "2022-03-16T15:00")],
        );
        check(
            "Talks begin at 10 o'clock; 10 clocks were sold.",
            D,
            &[("10 o'clock", "2022-03-16T10:00")],
        );
        check(
            "Polls close at noon GMT.",
            D,
            &[("noon GMT", "2022-03-16T12:00")],
        );
        check(
            "It ended at 10:35 a.m. Tuesday.",
            D,
            &[("10:35 a.m. Tuesday", "2022-03-15T10:35")],
        );
        check(
            "The embassy gave them until 9 a.m. Thursday to leave.",
            D,
            &[("9 a.m. Thursday", "2022-03-17T09:00")],
        );
        check(
            "The blast came on Friday. It hit at 10:35 a.m. near the embassy.",
            D,
            &[("Friday", "2022-03-11"), ("10:35 a.m.", "2022-03-11T10:35")],
        );
        check("He scored 3 goals; the 13 p.m. slot is no time.", D, &[]);
        check(
            "The ferry leaves at 5 in the morning and returns at 9 in the evening.",
            D,
            &[
                ("5 in the morning", "2022-03-16T05:00"),
                ("9 in the evening", "2022-03-16T21:00"),
            ],
        );
        check(
            "She won 5 in the morning session's draw and 3 at nightfall.",
            D,
            &[],
        );
    }

    #[test]
    fn parts_of_the_day() {
        check(
            "Shelling resumed this morning and again tonight.",
            D,
            &[
                ("this morning", "2022-03-16TMO"),
                ("tonight", "2022-03-16TNI"),
            ],
        );
        check(
            "Talks ended Friday morning; sirens sounded last night.",
            D,
            &[
                ("Friday morning", "2022-03-11TMO"),
                ("last night", "2022-03-15TNI"),
            ],
        );
        check(
            "The vote ended Monday. By mid afternoon the crowds had left; at mid-morning yesterday it rained.",
            D,
            &[
                ("Monday", "2022-03-14"),
                ("mid afternoon", "2022-03-14TAF"),
                ("mid-morning yesterday", "2022-03-15TMO"),
            ],
        );
    }
}
