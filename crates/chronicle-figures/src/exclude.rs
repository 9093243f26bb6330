//! Refusals: the surroundings that say a number expression is not a
//! figure, and the lookarounds that set a measure from words outside the
//! expression (magnitudes, speeds).
//!
//! Refused: numbers overlapping the timexes layer; a time unit, "old" or a
//! month after the number ("24 hours", "41 years old", "16 March"); a
//! multiplicative or proportion ("five times", "two thirds"); a
//! designation before it ("flight 5735", "Article 5", "Boeing 737", "No. 1",
//! "phase three": a designation word, or — for digits — any capitalised
//! word that does not open the sentence, unless it is a demonym before a
//! count or the number carries a unit, as in "Humberto 75 miles"); a
//! capitalised number word after a capitalised word ("Tropical Depression
//! Three"); a month
//! before it ("March 16"); "+10" glued to a sign ("UTC+10"); an age cue
//! within five tokens before, in the same clause ("aged", "age", "ages");
//! "died at 96"; "He was 95." (a small integer closing a clause after a
//! pronoun or a name); "Ann Marsh, 41, and" (an age in apposition); a plain four-digit integer between 1000 and 2100 that is
//! not followed by a plural noun or a casualty word, or that follows "in",
//! "since", "of", "by", "until" or "from" (a year); and the word "one" unless
//! a person noun or a casualty word follows (the pronoun "one of the");
//! a move on a chart ("jumped from 74 to 1" in a sentence about a chart or
//! a position); a suspended hyphen before a duration ("five- to ten-year").

use crate::lexicon::{category_cue, designation_word, ends_noun_phrase, person_noun, time_unit};
use crate::number::Atom;
use crate::scan::{Ctx, Expr, Measure};
use chronicle_core::Approx;

const MONTHS: [&str; 20] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
];

/// "130 miles (209 km) per hour": a speed, not a distance.
pub fn per_hour(c: &Ctx, mut t: usize) -> bool {
    if c.text(t) == "(" {
        while t < c.hi && c.text(t) != ")" {
            t += 1;
        }
    }
    if c.text(t) == ")" {
        t += 1;
    }
    c.low(t) == "per" && c.low(t + 1) == "hour"
}

/// "magnitude 7.3", "a magnitude of 7.1", "magnitude was 5.5".
pub fn is_magnitude(c: &Ctx, i: usize) -> bool {
    let p1 = i.checked_sub(1).map_or("", |p| c.low(p));
    let p2 = i.checked_sub(2).map_or("", |p| c.low(p));
    p1 == "magnitude"
        || (p2 == "magnitude" && matches!(p1, "of" | "was" | "is"))
        || c.low(i + 1) == "magnitude"
}

/// "Smith, 45, was" / "Fields, now 22, to": tokens `first..end` hold an
/// integer of a person's age between a comma after a capitalised word (a
/// name; "now" may stand between) and a comma or the end of the sentence.
fn appositive_age(c: &Ctx, first: usize, end: usize, value: f64) -> bool {
    if value.fract() != 0.0 || !(1.0..=120.0).contains(&value) {
        return false;
    }
    let mut p = first;
    if c.low(p.wrapping_sub(1)) == "now" {
        p -= 1;
    }
    let Some(comma) = c.prev(p).filter(|&q| c.low(q) == ",") else {
        return false;
    };
    let name = c.prev(comma).is_some_and(|n| n > c.lo && c.is_cap(n));
    name && matches!(c.low(end), "," | "." | "")
}

/// Whether the surroundings say the expression is not a count.
pub fn refused(c: &Ctx, e: &Expr, atom: &Atom, atom_start: usize) -> bool {
    if c.overlaps_timex(e.span) {
        return true;
    }
    let next = c.low(e.end);
    let next_text = c.text(e.end);
    // Durations, ages, months; multiplicatives ("five times") and
    // proportions ("two thirds") are not counts either.
    let fraction = matches!(next, "thirds" | "third" | "quarters" | "fifths" | "halves");
    if time_unit(next) || MONTHS.contains(&next_text) || matches!(next, "old" | "times") || fraction
    {
        return true;
    }
    let prev = c.prev(e.first);
    let prev_low = prev.map_or("", |p| c.low(p));
    let plain = e.approx == Approx::Exact && e.measure == Measure::Count;
    if !atom.digits && e.first == atom_start && designation_word(prev_low) {
        // "phase three", "round two".
        return true;
    }
    // A capitalised number word after a capitalised word is part of a
    // name: "Tropical Depression Three", "Apollo Eleven".
    if !atom.digits
        && e.first == atom_start
        && c.is_cap(atom_start)
        && prev.is_some_and(|p| c.kind(p) == Some(chronicle_core::TokenKind::Word) && c.is_cap(p))
    {
        return true;
    }
    if atom.digits && e.first == atom_start {
        if let Some(p) = prev {
            if designation_word(prev_low) || MONTHS.contains(&c.text(p)) {
                return true;
            }
            let sentence_initial = p == c.lo;
            // "the Sri Lankan 26-minister cabinet": a demonym before a
            // count is an adjective, not a name with a number.
            let demonym = ["an", "ese", "ish", "i"]
                .iter()
                .any(|s| c.low(p).ends_with(s))
                && (e.compound.is_some()
                    || c.kind(e.end) == Some(chronicle_core::TokenKind::Word) && !c.is_cap(e.end));
            // A name before a measure ("Humberto 75 miles north") is not
            // a designation: designations take no unit.
            let measured = e.measure != Measure::Count && e.unit != Some("magnitude");
            if c.is_cap(p) && !sentence_initial && !measured && !demonym {
                return true;
            }
            if c.text(p) == "#" {
                return true;
            }
        }
    }
    // A street address: "619 Waddell Avenue".
    if atom.digits && plain && street_after(c, e.end) {
        return true;
    }
    if prev.is_some_and(|p| c.text(p) == "+" && c.toks[p].span.end == c.toks[e.first].span.start) {
        return true;
    }
    // "range in age from 21 to 78", but not "aged 13, and seven others".
    // "between the ages of 14 and 18": a number joined to an earlier one
    // keeps looking past the conjunction.
    for t in (e.first.saturating_sub(5).max(c.lo)..e.first).rev() {
        let joins_number = t > c.lo && c.kind(t - 1) == Some(chronicle_core::TokenKind::Number);
        match c.low(t) {
            "and" | "to" if joins_number => {}
            "," | ";" | "and" => break,
            "age" | "aged" | "ages" => return true,
            _ => {}
        }
    }
    // An age closing a clause after a person: "He was 95.", "the former
    // bassist of the band Grateful Dead was 84.", "Hagan, the senator, was
    // 66." — but not "The death toll was 84." (a lower-case noun).
    if atom.digits && plain && e.high.is_none() && matches!(prev_low, "was" | "is") {
        let subject = prev.and_then(|p| c.prev(p));
        let person = subject.is_some_and(|s| {
            matches!(c.low(s), "he" | "she" | "i" | ",") || c.is_cap(s) && s > c.lo
        });
        let closes = matches!(next, "" | "." | ";" | ",");
        if person && closes && e.value.fract() == 0.0 && (1.0..=120.0).contains(&e.value) {
            return true;
        }
    }
    // An age in apposition to a name: "John Smith, 45, was arrested",
    // "Fields, now 22, was sentenced" — a small integer alone between a
    // comma after a capitalised word and a comma (or the clause's end).
    if atom.digits && plain && e.high.is_none() && appositive_age(c, e.first, e.end, e.value) {
        return true;
    }
    // Ages: "died at 96", "(41)" after a name is left to people.
    if prev_low == "at" {
        let pp = prev.and_then(|p| c.prev(p)).map_or("", |p| c.low(p));
        if matches!(pp, "died" | "dies" | "die" | "dead") {
            return true;
        }
    }
    if atom.year_like && plain && e.high.is_none() && e.value >= 1000.0 && e.value <= 2100.0 {
        let plural = next.len() > 3 && next.ends_with('s') && !next.ends_with("'s");
        let cue = category_cue(next).is_some();
        if !(plural || cue) || matches!(prev_low, "in" | "since" | "of" | "by" | "until" | "from") {
            return true;
        }
    }
    // A suspended hyphen before a duration: "a five- to ten-year life".
    if c.text(e.end) == "-"
        && c.toks[e.end - 1].span.end == c.toks[e.end].span.start
        && matches!(c.low(e.end + 1), "to" | "or" | "and")
        && c.low(e.end + 2)
            .split_once('-')
            .is_some_and(|(_, unit)| time_unit(unit))
    {
        return true;
    }
    if atom.digits && plain && e.high.is_none() && rank_move(c, e) {
        return true;
    }
    // "one" counts only people, units and casualties: not "one of the".
    if !atom.digits
        && e.value == 1.0
        && e.measure == Measure::Count
        && e.high.is_none()
        && !e.takes_of
    {
        let w = c.low(e.end);
        // "One Israeli police officer": up to two modifiers before the noun.
        let later = (e.end + 1..e.end + 3).any(|t| person_noun(c.low(t)))
            && c.kind(e.end) == Some(chronicle_core::TokenKind::Word)
            && !matches!(
                w,
                "of" | "in" | "from" | "at" | "who" | "another" | "or" | "and"
            );
        let ok = person_noun(w)
            || later
            || matches!(
                category_cue(w),
                Some(f) if f != chronicle_core::FigureCategory::Troops
            );
        if !ok {
            return true;
        }
    }
    false
}

/// A move between places on a chart or in a ranking: "the album jumped
/// from 74 to 1 on the chart", "went from 156 to 1" in a sentence about a
/// "number 1 position". Both ends bare (nothing counted after them) and a
/// ranking word in the sentence; "cases went from 156 to 1" stays a count.
fn rank_move(c: &Ctx, e: &Expr) -> bool {
    use chronicle_core::TokenKind::{Number, Word};
    let bare = |t: usize| c.kind(t) != Some(Word) || ends_noun_phrase(c.low(t));
    let first = e.first;
    let is_from = first > c.lo
        && c.low(first - 1) == "from"
        && c.low(e.end) == "to"
        && c.kind(e.end + 1) == Some(Number)
        && bare(e.end + 2);
    let is_to = first >= c.lo + 3
        && c.low(first - 1) == "to"
        && c.kind(first - 2) == Some(Number)
        && c.low(first - 3) == "from"
        && bare(e.end);
    if !(is_from || is_to) {
        return false;
    }
    (c.lo..c.hi).any(|t| {
        matches!(
            c.low(t),
            "chart"
                | "charts"
                | "position"
                | "positions"
                | "rank"
                | "ranking"
                | "rankings"
                | "ranked"
        )
    })
}

/// One or two capitalised words then a street word: "Waddell Avenue".
fn street_after(c: &Ctx, t: usize) -> bool {
    (t..t + 2).take_while(|&k| c.is_cap(k)).any(|k| {
        matches!(
            c.text(k + 1),
            "Avenue"
                | "Ave"
                | "Ave."
                | "Street"
                | "St"
                | "St."
                | "Road"
                | "Rd"
                | "Rd."
                | "Boulevard"
                | "Blvd"
                | "Blvd."
                | "Lane"
                | "Drive"
                | "Dr."
                | "Way"
                | "Place"
                | "Court"
                | "Highway"
                | "Parkway"
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::tests_support::figs;

    #[test]
    fn refusals_have_their_own_sentences() {
        assert!(figs("Flight 5735 left at 6am on March 16.").is_empty());
        assert!(figs("The suspects range in age from 21 to 78.").is_empty());
        assert!(figs("The painter died at home on Monday. She was 91.").is_empty());
        assert!(figs("The poet, a founder of the Lake Group, was 77.").is_empty());
        assert_eq!(figs("By noon the death toll was 84.").len(), 1);
        assert!(figs("The quake hit at 9:46AM (UTC+10).").is_empty());
        assert!(figs("In 2018 the 1973 building fell.").is_empty());
        assert_eq!(figs("The 1000 houses burned.").len(), 1);
        assert_eq!(figs("One woman was hurt.").len(), 1);
        assert!(figs("On the new chart the single rose from 40 to 3.").is_empty());
        assert!(figs("It signed a two- or three-year lease.").is_empty());
        assert_eq!(figs("Patients in the ward went from 40 to 3.").len(), 2);
    }

    #[test]
    fn speeds_and_magnitudes() {
        let f = figs("Winds reached 130 miles (209 km) per hour after a magnitude 6.1 quake.");
        let units: Vec<_> = f
            .iter()
            .map(|f| f.unit.clone().unwrap_or_default())
            .collect();
        assert_eq!(units, ["mph", "km/h", "magnitude"]);
    }
}
