//! Absolute dates: expressions that name their calendar point, possibly
//! without the year ("March 16", "16 March 2022", "3/16/22", "2022-03-16",
//! "March 2022", "1998", "the 1990s", "fiscal 1989", "the third quarter",
//! "Q3", "the first half of 1998", "the summer of 1997").
//!
//! Invariants: a day is only produced when the calendar has it (no
//! 2022-02-30); a bare four-digit number is a year only where it cannot be a
//! count, a price or a code ("$1998", "1998 people", "Article 1998"); a bare
//! month name is a month only where it cannot be the modal "may", the verb
//! "march" or a first name ("June Carter"). A missing year is taken from the
//! publication date, moved to the side the sentence's tense points to.
//! Sources: TimeML TIMEX3 guidelines 1.2.1 §2.2 (values of calendar dates,
//! quarters `YYYY-Qn`, halves `YYYY-Hn`, seasons, decades `199`), and
//! HeidelTime's English date patterns.

use super::{the, Rule};
use crate::lexicon::Lex;
use crate::point::{Date, Point};
use crate::{tense, Ctx, Hit};
use chrono::Datelike;

pub const RULES: &[Rule] = &[
    weekday_date,
    numeric_date,
    month_day,
    day_month,
    month_year,
    month_alone,
    year_alone,
    second_day,
];

/// `April 24 and 25`: the second day of a pair shares the first's month
/// and year.
fn second_day(cx: &Ctx, i: usize) -> Option<Hit> {
    let d2 = day_number(cx.lex(i))?;
    if i < cx.sent.start + 3 || !matches!(cx.low(i - 1), "and" | "or") {
        return None;
    }
    let d1 = day_number(cx.lex(i - 2))?;
    let Lex::Month(m) = cx.lex(i - 3) else {
        return None;
    };
    // Not "on May 3 and 25 people died": the number ends the phrase.
    let next = cx.low(i + 1);
    if d2 <= d1 || next.starts_with(|c: char| c.is_ascii_alphanumeric()) && next != "in" {
        return None;
    }
    let y = match year_after(cx, i + 1) {
        Some((y, _)) => y,
        None => year_for(cx, m, d1, i - 3, i - 1),
    };
    Some(Hit::date(i + 1, day_point(y, m, d2)?, None))
}

/// The year of a month and day written without one. News looks back: the
/// date is taken in the publication year unless that puts it more than a
/// few months ahead of the report (then it is last year's), or the date
/// just ahead in the next year is meant ("Jan. 2" in November). With a
/// future cue nearby ("will", "is to") the window ahead is most of a year.
pub(crate) fn year_for(cx: &Ctx, m: u32, d: u32, start: usize, end: usize) -> i32 {
    let y = cx.dct.year();
    // How far ahead of the report the date may lie, in this year and into
    // the next: far after a firm deadline word or a future cue ("by
    // April", "payable Jan. 2", "will meet on June 1"), far in this year
    // only after a loose one ("through August", "to June"), not at all
    // right after a past verb ("ended Sept. 30", "was terminated on Sept.
    // 27"), a few weeks when the sentence looks back ("was last seen Nov.
    // 3" — but "said the vote is set for Dec. 7" may still be ahead), half
    // a year otherwise.
    let before = |k: usize| {
        if start >= cx.sent.start + k {
            cx.low(start - k)
        } else {
            ""
        }
    };
    let firm = matches!(
        before(1),
        "by" | "until" | "till" | "payable" | "expire" | "expires" | "effective" | "record"
    );
    let loose = matches!(before(1), "through" | "to" | "before");
    let past_verb = |w: &str| w.len() > 4 && w.ends_with("ed") || matches!(w, "was" | "were");
    let cue = tense::cue_side(cx, start, end);
    // "a revision to December's figures": a possessive the tense rules read
    // as on record is no later than the report, even after "to".
    let on_record = cue < 0 && matches!(cx.low(end), "'s" | "’s");
    let (window, reach) = if on_record {
        (0, 0)
    } else if firm || cue > 0 {
        (330, 330)
    } else if loose {
        (330, 100)
    } else if past_verb(before(1))
        || (before(1) == "on" && past_verb(before(2)))
        || before(1) == "last"
    {
        (0, 0)
    } else if cue < 0 {
        (45, 45)
    } else {
        (183, 100)
    };
    let ahead = |yy: i32| -> i64 {
        let day = |y: i32, m: u32, d: u32| i64::from(y) * 372 + i64::from(m) * 31 + i64::from(d);
        day(yy, m, d) - day(y, cx.dct.month(), cx.dct.day())
    };
    let same = ahead(y);
    if same > window {
        y - 1
    } else if same < 0 && ahead(y + 1) <= reach {
        y + 1
    } else {
        y
    }
}

fn day_point(y: i32, m: u32, d: u32) -> Option<Point> {
    Date::from_ymd_opt(y, m, d).map(Point::Day)
}

/// `Saturday, April 25`: the weekday joins the date it names.
fn weekday_date(cx: &Ctx, i: usize) -> Option<Hit> {
    let Lex::Weekday(_) = cx.lex(i) else {
        return None;
    };
    let j = if cx.low(i + 1) == "," { i + 2 } else { i + 1 };
    let hit = month_day(cx, j).or_else(|| day_month(cx, j))?;
    Some(hit)
}

/// `3/16/22`, `03/16/2022`, `2022-03-16`.
fn numeric_date(cx: &Ctx, i: usize) -> Option<Hit> {
    let t = cx.tok(i)?;
    if !t.low.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let parts: Vec<&str> = t.low.split(['/', '-']).collect();
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| crate::lexicon::digits_value(p))
        .collect::<Option<_>>()?;
    let p = match (parts.as_slice(), nums.as_slice()) {
        ([a, _, _], &[y, m, d]) if a.len() == 4 && t.low.contains('-') => {
            day_point(y as i32, m, d)?
        }
        ([_, _, c], &[m, d, y]) if t.low.contains('/') && (c.len() == 2 || c.len() == 4) => {
            let y = if c.len() == 2 {
                // 22 → 2022, 98 → 1998: the century nearest the report.
                let century = cx.dct.year() / 100 * 100;
                let cand = century + y as i32;
                if cand > cx.dct.year() + 20 {
                    cand - 100
                } else {
                    cand
                }
            } else {
                y as i32
            };
            day_point(y, m, d)?
        }
        _ => return None,
    };
    Some(Hit::date(i + 1, p, None))
}

fn day_number(lex: Lex) -> Option<u32> {
    match lex {
        Lex::Num(n) | Lex::Ordinal(n) if (1..=31).contains(&n) => Some(n),
        _ => None,
    }
}

/// A year after an optional comma at `j`: `(year, end)`.
fn year_after(cx: &Ctx, j: usize) -> Option<(i32, usize)> {
    let j = if cx.low(j) == "," { j + 1 } else { j };
    match cx.lex(j) {
        Lex::Year(y) => Some((y, j + 1)),
        _ => super::holidays::spoken_year_at(cx, j),
    }
}

/// The first day of a range written as one token: `3-5` → 3.
fn day_range(w: &str) -> Option<u32> {
    let (a, b) = w.split_once(['-', '–'])?;
    let (a, b) = (
        crate::lexicon::digits_value(a)?,
        crate::lexicon::digits_value(b)?,
    );
    (1 <= a && a < b && b <= 31).then_some(a)
}

/// `March 16`, `Sept. 30, 1998`, `March 16th`; `March 3-5` spans the
/// range and takes its first day (HeidelTime's date_r2b takes one end).
fn month_day(cx: &Ctx, i: usize) -> Option<Hit> {
    let Lex::Month(m) = cx.lex(i) else {
        return None;
    };
    let d = day_number(cx.lex(i + 1)).or_else(|| day_range(cx.low(i + 1)))?;
    let (y, end) = match year_after(cx, i + 2) {
        Some(found) => found,
        None => (year_for(cx, m, d, i, i + 2), i + 2),
    };
    Some(Hit::date(end, day_point(y, m, d)?, None))
}

/// `16 March`, `16 March 2022`, `the 16th of March`.
fn day_month(cx: &Ctx, i: usize) -> Option<Hit> {
    let j = the(cx, i);
    let d = day_number(cx.lex(j))?;
    let k = if cx.low(j + 1) == "of" { j + 2 } else { j + 1 };
    let Lex::Month(m) = cx.lex(k) else {
        return None;
    };
    let (y, end) = match year_after(cx, k + 1) {
        Some(found) => found,
        None => (year_for(cx, m, d, i, k + 1), k + 1),
    };
    Some(Hit::date(end, day_point(y, m, d)?, None))
}

/// `March 2022`, `March of 1998`, `June last year`, `April next year`.
fn month_year(cx: &Ctx, i: usize) -> Option<Hit> {
    let Lex::Month(m) = cx.lex(i) else {
        return None;
    };
    if cx.low(i + 2) == "year" {
        let shift = match cx.low(i + 1) {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => -2,
        };
        if shift > -2 {
            let p = Point::Month(cx.dct.year() + shift, m);
            return Some(Hit::date(
                i + 3,
                p,
                Some(chronicle_core::TimexAnchor::PublicationDate),
            ));
        }
    }
    let j = if cx.low(i + 1) == "of" { i + 2 } else { i + 1 };
    let (y, end) = year_after(cx, j)?;
    Some(Hit::date(end, Point::Month(y, m), None))
}

/// Whether the month name at `i` is used as a month.
pub fn month_name_ok(cx: &Ctx, i: usize) -> bool {
    let Some(t) = cx.tok(i) else { return false };
    if !t.cap() {
        return false;
    }
    // "Jan Kavan": an abbreviation without its period is a month only
    // before a day or a year (handled by the date rules).
    if t.low.len() <= 4 && !t.low.ends_with('.') && !matches!(t.low, "may" | "june" | "july") {
        return false;
    }
    let prev = cx.prev_low(i);
    let inviting = matches!(
        prev,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "of"
            | "last"
            | "next"
            | "this"
            | "early"
            | "late"
            | "mid"
            | "through"
            | "from"
            | "to"
            | "before"
            | "after"
            | "during"
            | "end"
            | "beginning"
            | "and"
            | "or"
            | "between"
    );
    if inviting {
        return true;
    }
    // "the March accession", "the May vote": a month before a lower-case
    // noun after "the" (not "the March on Washington").
    if prev == "the" {
        if let Some(n) = cx.tok(i + 1) {
            let noun = n.text.starts_with(|c: char| c.is_ascii_lowercase())
                && n.lex == Lex::Other
                && !matches!(
                    n.low,
                    "on" | "of"
                        | "to"
                        | "for"
                        | "in"
                        | "at"
                        | "by"
                        | "from"
                        | "with"
                        | "and"
                        | "or"
                        | "is"
                        | "was"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                );
            if noun {
                return true;
            }
        }
    }
    match t.low {
        // The modal, the verb, first names: only with an inviting word.
        "may" | "march" | "june" | "april" | "august" => false,
        _ => !cx
            .tok(i + 1)
            .is_some_and(|n| n.cap() && n.lex == Lex::Other),
    }
}

/// A bare month: `in March` → the March the tense points to.
fn month_alone(cx: &Ctx, i: usize) -> Option<Hit> {
    let Lex::Month(m) = cx.lex(i) else {
        return None;
    };
    // "February 30": a day the month does not have is no date at all.
    if !month_name_ok(cx, i) || day_number(cx.lex(i + 1)).is_some() {
        return None;
    }
    let y = year_for(cx, m, 15, i, i + 1);
    Some(Hit::date(i + 1, Point::Month(y, m), None))
}

/// A bare year: `in 1998`, `the 2020 election` (the year only).
fn year_alone(cx: &Ctx, i: usize) -> Option<Hit> {
    let Lex::Year(y) = cx.lex(i) else {
        return None;
    };
    if !(1900..=2100).contains(&y) && !matches!(cx.prev_low(i), "in" | "since" | "of" | "by") {
        return None;
    }
    let prev = cx.prev_low(i);
    if matches!(
        prev,
        "$" | "#" | "no." | "no" | "article" | "number" | "flight" | "route" | "room" | "£" | "€"
    ) {
        return None;
    }
    let next = cx.low(i + 1);
    if matches!(
        next,
        "%" | "percent" | "people" | "troops" | "miles" | "feet" | "tons"
    ) || matches!(cx.lex(i + 1), Lex::Num(_) | Lex::Unit(..))
    {
        return None;
    }
    Some(Hit::date(i + 1, Point::Year(y), None))
}

#[cfg(test)]
mod tests {
    use crate::testing::check;
    const D: &str = "2022-03-16";

    #[test]
    fn calendar_dates() {
        check(
            "Talks resume March 21, 2022.",
            D,
            &[("March 21, 2022", "2022-03-21")],
        );
        check(
            "It was signed on 16 March 2021.",
            D,
            &[("16 March 2021", "2021-03-16")],
        );
        check("The deal closed 3/14/22.", D, &[("3/14/22", "2022-03-14")]);
        check(
            "The May vote follows the March on Washington.",
            D,
            &[("May", "2022-05")],
        );
        check(
            "The summit meets on April 24 and 25.",
            D,
            &[("April 24", "2022-04-24"), ("25", "2022-04-25")],
        );
        check(
            "Rain fell on March 3 and 25 homes flooded.",
            D,
            &[("March 3", "2022-03-03")],
        );
        check(
            "Filed on 2021-11-02 in Kyiv.",
            D,
            &[("2021-11-02", "2021-11-02")],
        );
        check(
            "Prices peaked Sept. 30, officials said.",
            D,
            &[("Sept. 30", "2021-09-30")],
        );
        check(
            "The festival runs March 3-5, 2021.",
            D,
            &[("March 3-5, 2021", "2021-03-03")],
        );
        check("No such day as February 30 exists.", D, &[]);
        check(
            "WASHINGTON, March 15 (Xinhua) -- Talks ended.",
            D,
            &[("March 15", "2022-03-15")],
        );
        check("Ministers Jan Kavan and Janos Martonyi signed.", D, &[]);
    }

    #[test]
    fn the_year_of_a_date_written_without_one() {
        check(
            "He was killed last Oct. 23 at home.",
            "1999-04-19",
            &[("Oct. 23", "1998-10-23")],
        );
        check(
            "The suspect was last seen Nov. 3.",
            "2022-05-07",
            &[("Nov. 3", "2021-11-03")],
        );
        check(
            "The new wage deal is effective June 1.",
            "2022-10-26",
            &[("June 1", "2023-06-01")],
        );
        check(
            "The firm will repay the loan by February.",
            "2022-10-30",
            &[("February", "2023-02")],
        );
        check(
            "The vote is set for Dec. 7, officials said.",
            "2022-10-30",
            &[("Dec. 7", "2022-12-07")],
        );
        check(
            "Sales rose this year through August.",
            "2022-10-30",
            &[("this year", "2022"), ("August", "2022-08")],
        );
        check(
            "The bank switched to a calendar year in December.",
            "2022-10-27",
            &[("December", "2021-12")],
        );
    }

    #[test]
    fn months_years_and_decades() {
        check(
            "Sales fell in January 2020.",
            D,
            &[("January 2020", "2020-01")],
        );
        check("Talks began in February.", D, &[("February", "2022-02")]);
        check(
            "They split in June last year.",
            D,
            &[("June last year", "2021-06")],
        );
        check(
            "The vote came in 1998, after the 1990s boom.",
            D,
            &[("1998", "1998"), ("the 1990s", "199")],
        );
        check("She may resign. They march on.", D, &[]);
        check(
            "The 2020 election was close; 1998 people came.",
            D,
            &[("2020", "2020")],
        );
        check("Profit rose in fiscal 2023.", D, &[("fiscal 2023", "2023")]);
    }
}
