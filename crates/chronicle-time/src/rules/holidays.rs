//! Named days and spoken years: holidays news dates events by ("Thanksgiving
//! Day", "Christmas", "New Year's Day", "Election Day", "Easter", "Memorial
//! Day", "Labor Day", "Veterans Day", "Halloween"), and years
//! as broadcast transcripts spell them ("nineteen ninety-six", "the year two
//! thousand").
//!
//! Invariants: a holiday resolves to its date in the year the text gives
//! ("Christmas 1998"), else on the side of the publication date a tense
//! cue points to, else in the year that puts it nearest the report (`last Thanksgiving`
//! is always the one before). Fixed-date holidays are plain dates;
//! movable feasts are computed (Thanksgiving: fourth Thursday of November;
//! U.S. Election Day: the Tuesday after the first Monday of November;
//! Easter: the Gregorian computus, Anonymous/Meeus algorithm). Easter week
//! is the ISO week holding Easter Sunday. A spoken year is only taken from
//! number words that cannot be a count: "nineteen" followed by a tens word
//! ("nineteen ninety-six"), or "two thousand" after "the year".
//! Sources: TimeML TIMEX3 guidelines 1.2.1 §2.2 (holidays are DATEs with
//! their calendar value), HeidelTime's holiday resources.

use super::Rule;
use crate::lexicon::{number_word, Lex, Unit};
use crate::point::{Date, Point};
use crate::{tense, Ctx, Hit};
use chrono::{Datelike, Weekday};

pub const RULES: &[Rule] = &[holiday, spoken_year];

/// The `n`-th `wd` of month `m` of year `y` (n from 1).
fn nth_weekday(y: i32, m: u32, wd: Weekday, n: u8) -> Option<Date> {
    Date::from_weekday_of_month_opt(y, m, wd, n)
}

/// Easter Sunday of year `y` (Gregorian; Meeus/Jones/Butcher).
fn easter(y: i32) -> Option<Date> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// A holiday's date in a given year.
type HolidayFn = fn(i32) -> Option<Date>;

fn thanksgiving(y: i32) -> Option<Date> {
    nth_weekday(y, 11, Weekday::Thu, 4)
}
fn christmas(y: i32) -> Option<Date> {
    Date::from_ymd_opt(y, 12, 25)
}
fn election_day(y: i32) -> Option<Date> {
    nth_weekday(y, 11, Weekday::Mon, 1).and_then(|d| d.succ_opt())
}
fn new_years_day(y: i32) -> Option<Date> {
    Date::from_ymd_opt(y, 1, 1)
}
fn new_years_eve(y: i32) -> Option<Date> {
    Date::from_ymd_opt(y, 12, 31)
}

fn memorial_day(y: i32) -> Option<Date> {
    // The last Monday of May: the Monday of the week holding May 31.
    let last = Date::from_ymd_opt(y, 5, 31)?;
    let back = last.weekday().num_days_from_monday();
    last.checked_sub_days(chrono::Days::new(u64::from(back)))
}
fn labor_day(y: i32) -> Option<Date> {
    nth_weekday(y, 9, Weekday::Mon, 1)
}

/// The holiday named at `i`, and where its name ends.
fn named(cx: &Ctx, i: usize) -> Option<(HolidayFn, usize)> {
    let t = cx.tok(i)?;
    if !t.cap() {
        return None;
    }
    let next = cx.low(i + 1);
    let day_word = |k: usize| if cx.low(k) == "day" { k + 1 } else { k };
    let found: (HolidayFn, usize) = match t.low {
        "thanksgiving" => (thanksgiving, day_word(i + 1)),
        "christmas" if next == "eve" => (|y| Date::from_ymd_opt(y, 12, 24), i + 2),
        "christmas" => (christmas, day_word(i + 1)),
        "easter" if next != "week" => (easter, day_word(i + 1)),
        "election" if next == "day" && cx.tok(i + 1).is_some_and(|t| t.cap()) => {
            (election_day, i + 2)
        }
        // "Memorial Day", "Labor Day" (U.S.; "Labour Day" falls on other
        // dates elsewhere), "Veterans Day", "Halloween", "Valentine's Day";
        // "Day" capitalized, so "the Labor Party" stays out.
        "memorial" | "labor" if next == "day" && cx.tok(i + 1)?.cap() => {
            let f: HolidayFn = if t.low == "memorial" {
                memorial_day
            } else {
                labor_day
            };
            (f, i + 2)
        }
        "veterans" => {
            let k = if matches!(next, "'" | "’") {
                i + 2
            } else {
                i + 1
            };
            if cx.low(k) != "day" || !cx.tok(k)?.cap() {
                return None;
            }
            (|y| Date::from_ymd_opt(y, 11, 11), k + 1)
        }
        "halloween" => (|y| Date::from_ymd_opt(y, 10, 31), i + 1),
        "valentine" if matches!(next, "'s" | "’s") && cx.low(i + 2) == "day" => {
            (|y| Date::from_ymd_opt(y, 2, 14), i + 3)
        }
        "new" if next == "year" && matches!(cx.low(i + 2), "'s" | "’s") => {
            if cx.low(i + 3) == "eve" {
                (new_years_eve, i + 4)
            } else {
                (new_years_day, day_word(i + 3))
            }
        }
        _ => return None,
    };
    Some(found)
}

/// `Thanksgiving Day`, `last Thanksgiving`, `Christmas 1998`, `Easter week`.
fn holiday(cx: &Ctx, i: usize) -> Option<Hit> {
    let (start, dir) = match cx.low(i) {
        "last" => (i + 1, -1),
        "next" => (i + 1, 1),
        _ => (i, 0),
    };
    if cx.tok(start)?.low == "easter" && cx.low(start + 1) == "week" {
        let y = cx.dct.year();
        let d = easter(y)?;
        // The week starts six days before Easter Sunday.
        let monday = d - chrono::Duration::days(6);
        let d = if monday > cx.dct && tense::side(cx, i, start + 2) < 0 {
            easter(y - 1)?
        } else {
            d
        };
        return Some(Hit::date(start + 2, Point::at(d, Unit::Week), None));
    }
    let (date_in, end) = named(cx, start)?;
    if let Lex::Year(y) = cx.lex(end) {
        return Some(Hit::date(end + 1, Point::Day(date_in(y)?), None));
    }
    let y = cx.dct.year();
    let this_year = date_in(y)?;
    let side = if dir != 0 {
        dir
    } else {
        tense::cue_side(cx, i, end)
    };
    let d = match side {
        s if s < 0 && this_year > cx.dct => date_in(y - 1)?,
        s if s > 0 && this_year < cx.dct => date_in(y + 1)?,
        0 => [date_in(y - 1), Some(this_year), date_in(y + 1)]
            .into_iter()
            .flatten()
            .min_by_key(|d| (*d - cx.dct).num_days().abs())
            .unwrap_or(this_year),
        _ => this_year,
    };
    Some(Hit::date(end, Point::Day(d), cx.dct_anchor()))
}

/// `nineteen ninety-six`, `nineteen seventy-nine`, `the year two thousand`.
fn spoken_year(cx: &Ctx, i: usize) -> Option<Hit> {
    if cx.low(i) == "the" && cx.low(i + 1) == "year" {
        if cx.low(i + 2) == "two" && cx.low(i + 3) == "thousand" {
            return Some(Hit::date(i + 4, Point::Year(2000), None));
        }
        return None;
    }
    let (y, end) = spoken_year_at(cx, i)?;
    Some(Hit::date(end, Point::Year(y), None))
}

/// A year read as words at `i` (`nineteen ninety-six`): the year and the
/// index after it. Month and season rules take it as their year too
/// ("January nineteen ninety-seven", "the winter of nineteen ninety-four").
pub(crate) fn spoken_year_at(cx: &Ctx, i: usize) -> Option<(i32, usize)> {
    let century = match cx.low(i) {
        "nineteen" => 19,
        "eighteen" => 18,
        _ => return None,
    };
    // "ninety-six" is one token; "ninety six" two.
    let (rest, end) = match cx.lex(i + 1) {
        Lex::Num(n)
            if (10..100).contains(&n)
                && !matches!(cx.low(i + 1).as_bytes().first(), Some(b'0'..=b'9')) =>
        {
            match (n % 10 == 0, cx.tok(i + 2).and_then(|t| number_word(t.low))) {
                (true, Some(u)) if u < 10 => (n + u, i + 3),
                _ => (n, i + 2),
            }
        }
        _ => return None,
    };
    Some((century * 100 + rest as i32, end))
}

#[cfg(test)]
mod tests {
    use crate::testing::check;

    #[test]
    fn holidays() {
        check(
            "He was rescued on Thanksgiving Day.",
            "1999-12-06",
            &[("Thanksgiving Day", "1999-11-25")],
        );
        check(
            "They met last Christmas.",
            "2022-03-16",
            &[("last Christmas", "2021-12-25")],
        );
        check(
            "Polls close on Election Day.",
            "1998-10-26",
            &[("Election Day", "1998-11-03")],
        );
        check(
            "Crowds gathered as Easter week began.",
            "2000-04-17",
            &[("Easter week", "2000-W16")],
        );
        check("The election day was calm.", "2022-03-16", &[]);
        check(
            "Parks reopen after Memorial Day; the Labor Party will march on Labor Day.",
            "2022-05-16",
            &[("Memorial Day", "2022-05-30"), ("Labor Day", "2022-09-05")],
        );
        check(
            "Veterans Day and Halloween passed. Shops will stock up for Valentine's Day.",
            "2022-12-01",
            &[
                ("Veterans Day", "2022-11-11"),
                ("Halloween", "2022-10-31"),
                ("Valentine's Day", "2023-02-14"),
            ],
        );
    }

    #[test]
    fn spoken_years() {
        check(
            "Keating was convicted in nineteen ninety-one.",
            "1998-03-01",
            &[("nineteen ninety-one", "1991")],
        );
        check(
            "Plans for the year two thousand.",
            "1998-03-01",
            &[("the year two thousand", "2000")],
        );
        check("Nineteen people died.", "1998-03-01", &[]);
        // Months and seasons take a spoken year as theirs.
        check(
            "The strike began in March nineteen eighty-five and ended the winter of nineteen eighty-six.",
            "1998-03-01",
            &[
                ("March nineteen eighty-five", "1985-03"),
                ("the winter of nineteen eighty-six", "1986-WI"),
            ],
        );
        check(
            "It snowed in the spring of last year.",
            "1998-03-01",
            &[("the spring of last year", "1997-SP")],
        );
    }
}
