//! Sets: recurring times ("daily", "every week", "each year", "annually",
//! "every Sunday", "Tuesday nights", "twice a year" → "a year", "$5 a
//! month" → "a month").
//!
//! Invariants: a set's value is the period of the recurrence, as a duration
//! (`P1D`, `P1W`, `P2Y` for "every two years") or, for a recurring weekday
//! or month, a date with its unknown parts as `X` (`XXXX-WXX-7`,
//! `XXXX-03`). "a year" is a set only after a frequency or a price ("twice a
//! year", "$40,000 a year"); elsewhere it is a duration. Sources: TimeML
//! TIMEX3 guidelines 1.2.1 §2.2.4 (SET), HeidelTime's set patterns.

use super::Rule;
use crate::lexicon::{Lex, Unit};
use crate::rules::durations::duration;
use crate::{Ctx, Hit};
use chronicle_core::TimexType;

pub const RULES: &[Rule] = &[adverb, every, per, weekday_parts];

/// The TimeML part of a plural part of the day: `nights` → `NI`.
fn plural_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "mornings" => "MO",
        "afternoons" => "AF",
        "evenings" => "EV",
        "nights" => "NI",
        _ => return None,
    })
}

/// `Tuesday nights`, `Sunday mornings`: a weekday with a plural part of the
/// day recurs (`XXXX-WXX-2TNI`); in `Monday and Tuesday nights` the first
/// day shares the part.
fn weekday_parts(cx: &Ctx, i: usize) -> Option<Hit> {
    let Lex::Weekday(wd) = cx.lex(i) else {
        return None;
    };
    let (part, end) = match plural_part(cx.low(i + 1)) {
        Some(p) => (p, i + 2),
        None if matches!(cx.low(i + 1), "and" | "or")
            && matches!(cx.lex(i + 2), Lex::Weekday(_)) =>
        {
            (plural_part(cx.low(i + 3))?, i + 1)
        }
        None => return None,
    };
    Some(Hit::new(
        end,
        TimexType::Set,
        format!("XXXX-WXX-{wd}T{part}"),
    ))
}

/// `daily`, `weekly`, `monthly`, `annually`, `yearly`, `hourly` (not
/// `quarterly`, in news mostly the adjective of "quarterly earnings").
fn adverb(cx: &Ctx, i: usize) -> Option<Hit> {
    let u = match cx.low(i) {
        "daily" => Unit::Day,
        "weekly" => Unit::Week,
        "monthly" => Unit::Month,
        "annually" | "yearly" => Unit::Year,
        "hourly" => Unit::Hour,
        _ => return None,
    };
    Some(Hit::new(i + 1, TimexType::Set, duration(Some(1), u)))
}

/// `every week`, `each year`, `every two years`, `every Sunday`.
fn every(cx: &Ctx, i: usize) -> Option<Hit> {
    if !matches!(cx.low(i), "every" | "each") {
        return None;
    }
    // "every two years"; "every other week" counts two, written singular.
    let (n, j, plural) = match cx.lex(i + 1) {
        Lex::Num(n) if n > 1 => (n, i + 2, true),
        _ if cx.low(i + 1) == "other" => (2, i + 2, false),
        _ => (1, i + 1, false),
    };
    let value = match cx.lex(j) {
        Lex::Unit(u, p) if p == plural => duration(Some(n), u),
        Lex::Weekday(wd) if n == 1 => format!("XXXX-WXX-{wd}"),
        Lex::Month(m) if n == 1 => format!("XXXX-{m:02}"),
        Lex::DayPart(p) if n == 1 => format!("XXXX-XX-XXT{p}"),
        _ => return None,
    };
    Some(Hit::new(j + 1, TimexType::Set, value))
}

/// `a year` / `per month` after a frequency or an amount: "twice a year",
/// "$5 a month", "three times per week".
fn per(cx: &Ctx, i: usize) -> Option<Hit> {
    if !matches!(cx.low(i), "a" | "an" | "per") {
        return None;
    }
    let Lex::Unit(u, false) = cx.lex(i + 1) else {
        return None;
    };
    let prev = cx.prev_low(i);
    let after_amount = matches!(
        prev,
        "once" | "twice" | "times" | "million" | "billion" | "dollars" | "%" | "percent"
    ) || (i > cx.sent.start
        && cx
            .toks
            .get(i - 1)
            .is_some_and(|t| t.low.as_bytes().first().is_some_and(u8::is_ascii_digit)));
    if !after_amount || matches!(cx.low(i + 2), "ago" | "earlier" | "later") {
        return None;
    }
    Some(Hit::new(i + 2, TimexType::Set, duration(Some(1), u)))
}

#[cfg(test)]
mod tests {
    use crate::testing::check;
    const D: &str = "2022-03-16";

    #[test]
    fn sets() {
        check(
            "The paper appears daily; rents are reviewed annually.",
            D,
            &[("daily", "P1D"), ("annually", "P1Y")],
        );
        check(
            "They meet every week and vote every two years.",
            D,
            &[("every week", "P1W"), ("every two years", "P2Y")],
        );
        check(
            "They meet every other week.",
            D,
            &[("every other week", "P2W")],
        );
        check(
            "Mass is held every Sunday.",
            D,
            &[("every Sunday", "XXXX-WXX-7")],
        );
        check(
            "Flights leave on Monday and Tuesday nights; the club meets Sunday mornings.",
            D,
            &[
                ("Monday", "XXXX-WXX-1TNI"),
                ("Tuesday nights", "XXXX-WXX-2TNI"),
                ("Sunday mornings", "XXXX-WXX-7TMO"),
            ],
        );
        check(
            "Sirens sound every night.",
            D,
            &[("every night", "XXXX-XX-XXTNI")],
        );
        check(
            "It costs $40,000 a year; they meet twice a month.",
            D,
            &[("a year", "P1Y"), ("a month", "P1M")],
        );
        check("He stayed a year in Paris.", D, &[("a year", "P1Y")]);
    }
}
