//! What a number counts: the counted noun phrase, the category, whose
//! (`of`) and where.
//!
//! The counted phrase is the run of words after the number, from the first
//! modifier to the head noun ("100,000 U.S. troops", "thousands of extra
//! troops", "1.6 million confirmed cases"). It stops at function words,
//! verbs and category participles, and at a capitalised word once a
//! lower-case one was seen. When a number ends its clause with nothing
//! counted ("killed at least 35 people and injured more than 100"), it
//! takes the counted phrase of the figure just before it in the sentence.
//!
//! The category comes, in this order, from the unit (money, percent,
//! distance); from a casualty noun or adjective in the phrase ("56 deaths",
//! "25 wounded people", "four of the deceased"); from a cue after it ("35
//! people were killed", "left 25 people dead", "lost their lives"); from a
//! cue before it in the same clause ("killed at least 35", "the death toll
//! rose to 31", "arrested twelve"); from a troops noun as head ("100,000
//! U.S. troops"); and is `other` otherwise. Deaths from disease count as
//! `killed`; evacuated people count as `displaced`; "casualties" beside a
//! count of the dead are the injured. In a sentence opened by "Of them,"
//! the counts without a cue take the previous sentence's casualty category
//! (`lib.rs`). A bare scaled amount
//! soon after money in the sentence ("and tens of billions for research")
//! is money in the same currency.

use crate::category::{
    casualties_are_injured, cue_after, cue_before, inherited, is_noun_cue, is_thing, After,
};
use crate::lexicon::{category_cue, ends_noun_phrase, person_noun};
use crate::scan::{Ctx, Expr, Measure};
use chronicle_core::{Figure, FigureCategory, Span, TokenKind};

/// Where the previous figure of the sentence ended, for ellipsis and for
/// bounding the look-back.
#[derive(Debug, Clone, Copy)]
pub struct Prev {
    /// One past the last token the previous figure used (number or phrase).
    pub end_tok: usize,
    pub counted: Option<Span>,
    /// The previous figure's first token and category.
    pub first: usize,
    pub category: FigureCategory,
    /// The previous figure's currency, when it was money.
    pub money: Option<&'static str>,
}

/// Fills in counted, category, of and where for an expression.
pub fn describe(c: &Ctx, e: &Expr, prev: Option<Prev>) -> (Figure, usize) {
    let mut counted = e.compound;
    let mut head: Option<&str> = e.compound.map(|s| &c.lower[s.range()]);
    let mut cat: Option<FigureCategory> = None;
    let mut of = None;
    let mut k = e.end;
    let mut used_end = e.end;
    if e.measure == Measure::Count && e.compound.is_none() {
        if e.takes_of && c.low(k) == "of" && c.kind(k + 1) == Some(TokenKind::Word) {
            k += 1;
        }
        if c.low(k) == "of" && matches!(c.low(k + 1), "the" | "them" | "whom" | "those") {
            // Partitive: "four of the deceased", "three of the five injured",
            // "149 of the survivors have been hospitalised".
            let mut t = k + 2;
            if c.kind(t) == Some(TokenKind::Number) || crate::number::word_value(c.low(t)).is_some()
            {
                t += 1;
            }
            cat = category_cue(c.low(t)).filter(|&f| f != FigureCategory::Troops);
            if cat.is_some() {
                counted =
                    (c.kind(t) == Some(TokenKind::Word) && t == k + 2).then(|| c.toks[t].span);
                k = t + 1;
            } else if c.low(k + 1) == "the" {
                let (start, end, _) = noun_phrase(c, t);
                if end > start {
                    counted = Some(Span::new(
                        c.toks[start].span.start(),
                        c.toks[end - 1].span.end(),
                    ));
                    head = Some(c.low(end - 1));
                    k = end;
                }
            } else {
                // "four of whom were injured": the cue follows the pronoun.
                k += 2;
            }
            used_end = k;
        } else {
            if matches!(c.low(k), "dead" | "injured" | "wounded" | "missing")
                && c.kind(k + 1) == Some(TokenKind::Word)
                && !ends_noun_phrase(c.low(k + 1))
            {
                cat = category_cue(c.low(k));
                k += 1;
            }
            let (start, end, caps_end) = noun_phrase(c, k);
            if end > start {
                counted = Some(Span::new(
                    c.toks[start].span.start(),
                    c.toks[end - 1].span.end(),
                ));
                head = Some(c.low(end - 1));
                if caps_end > start && caps_end < end {
                    of = Some(Span::new(
                        c.toks[start].span.start(),
                        c.toks[caps_end - 1].span.end(),
                    ));
                }
                k = end;
                used_end = end;
            }
        }
    }
    // Ellipsis: "… killed 35 people and injured more than 100".
    if counted.is_none() && e.measure == Measure::Count {
        let next = c.low(e.end);
        let closes = matches!(
            next,
            "" | "," | "." | ";" | "and" | "or" | ")" | "according" | "—" | "–"
        );
        if let Some(p) = prev {
            if closes && p.counted.is_some() && e.first >= p.end_tok && e.first - p.end_tok <= 10 {
                counted = p.counted;
                head = p.counted.map(|s| last_word(&c.lower[s.range()]));
            }
        }
    }
    let category = match e.measure {
        Measure::Money => FigureCategory::Money,
        Measure::Percent => FigureCategory::Percent,
        Measure::Length => FigureCategory::Distance,
        Measure::Other => FigureCategory::Other,
        Measure::Count => cat
            .or_else(|| {
                head.filter(|h| is_noun_cue(h))
                    .and_then(category_cue)
                    .filter(|&f| f != FigureCategory::Troops)
            })
            .or_else(|| {
                // "killed five and caused 30 casualties": the injured.
                (head == Some("casualties") && casualties_are_injured(c))
                    .then_some(FigureCategory::Injured)
            })
            .or_else(|| match cue_after(c, k) {
                // "destroyed 300 homes, …, killed one": homes are not killed.
                After::Cue(_) if head.is_some_and(is_thing) => None,
                After::Cue(f) => Some(f),
                // "20 thousand servicemen had participated": a verb of its
                // own, but the head still says troops.
                After::Blocked => Some(troops_head(head).unwrap_or(FigureCategory::Other)),
                After::Nothing => None,
            })
            .or_else(|| inherited(c, e, prev, head))
            .or_else(|| {
                if head.is_some_and(is_thing) {
                    None
                } else {
                    cue_before(c, e.first, prev.map_or(c.lo, |p| p.end_tok))
                }
            })
            .or_else(|| troops_head(head))
            .unwrap_or(FigureCategory::Other),
    };
    // "US$52 billion for chips and tens of billions for research": a bare
    // scaled amount soon after money, with no cue of its own, is money too.
    let elided_money = prev
        .and_then(|p| {
            p.money
                .filter(|_| e.first >= p.end_tok && e.first - p.end_tok <= 12)
        })
        .filter(|_| {
            // "one million or 250 thousand euros": the unit after it decides.
            let coordinated = matches!(c.low(e.end), "or" | "and" | "to")
                && (c.kind(e.end + 1) == Some(TokenKind::Number)
                    || crate::number::word_value(c.low(e.end + 1)).is_some());
            e.measure == Measure::Count
                && e.takes_of
                && counted.is_none()
                && category == FigureCategory::Other
                && !coordinated
        });
    let (category, unit) = match elided_money {
        Some(cur) => (FigureCategory::Money, Some(cur)),
        None => (category, e.unit),
    };
    if of.is_none() && category == FigureCategory::Troops {
        of = command_of(c, k);
    }
    let place = place_after(c, k);
    let fig = Figure {
        span: e.span,
        value: e.value,
        low: e.low,
        high: e.high,
        approx: e.approx,
        unit: unit.map(str::to_owned),
        category,
        counted,
        of,
        place,
    };
    (fig, used_end)
}

/// The category a head noun gives by itself once no cue decided: troops
/// ("100,000 U.S. troops", "servicemen").
fn troops_head(head: Option<&str>) -> Option<FigureCategory> {
    head.filter(|h| is_noun_cue(h))
        .and_then(category_cue)
        .or_else(|| {
            head.filter(|h| h.ends_with("troops"))
                .map(|_| FigureCategory::Troops)
        })
}

fn last_word(s: &str) -> &str {
    s.rsplit(' ').next().unwrap_or(s)
}

/// The counted phrase from token `k`: (start, end, end of leading capitals).
fn noun_phrase(c: &Ctx, k: usize) -> (usize, usize, usize) {
    let mut t = k;
    let mut seen_lower = false;
    let mut caps_end = k;
    while t < c.hi && t < k + 5 && c.kind(t) == Some(TokenKind::Word) {
        let w = c.low(t);
        if ends_noun_phrase(w) || w == "'s" || w == "’s" {
            break;
        }
        if c.is_cap(t) {
            if seen_lower {
                break;
            }
            t += 1;
            caps_end = t;
            continue;
        }
        if is_noun_cue(w) {
            t += 1;
            break;
        }
        if category_cue(w).is_some() {
            break;
        }
        let next_is_word = c.kind(t + 1) == Some(TokenKind::Word)
            && !c.is_cap(t + 1)
            && !ends_noun_phrase(c.low(t + 1))
            && category_cue(c.low(t + 1)).is_none();
        // A participle before a casualty noun is a modifier ("virus related
        // deaths"), elsewhere it ends the phrase ("five people injured").
        if w.len() > 4 && w.ends_with("ed") && !next_is_word && !is_noun_cue(c.low(t + 1)) {
            break;
        }
        if w.len() > 5 && w.ends_with("ing") && !next_is_word {
            break;
        }
        seen_lower = true;
        t += 1;
        let plural_head =
            (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
                || matches!(w, "people" | "children" | "men" | "women" | "faculty");
        if plural_head {
            break;
        }
        if !(next_is_word || c.kind(t) == Some(TokenKind::Word) && is_noun_cue(c.low(t))) {
            break;
        }
    }
    if !seen_lower && caps_end > k && t == caps_end {
        // Only capitals ("36 Cubans"): the phrase, no "of".
        return (k, t, k);
    }
    (k, t, caps_end)
}

/// "under (direct) NATO command": whose troops.
fn command_of(c: &Ctx, k: usize) -> Option<Span> {
    if c.low(k) != "under" {
        return None;
    }
    let mut t = k + 1;
    while t < k + 4 && !c.is_cap(t) {
        t += 1;
    }
    let start = t;
    while c.is_cap(t) {
        t += 1;
    }
    (t > start && c.low(t) == "command")
        .then(|| Span::new(c.toks[start].span.start(), c.toks[t - 1].span.end()))
}

/// "in Europe", "near the Polish border" is left out: only named places.
fn place_after(c: &Ctx, k: usize) -> Option<Span> {
    if !matches!(c.low(k), "in" | "at" | "near" | "across" | "inside") {
        return None;
    }
    let mut t = k + 1;
    if c.low(t) == "the" {
        t += 1;
    }
    let start = t;
    while c.is_cap(t) && !is_calendar(c.text(t)) {
        t += 1;
    }
    (t > start).then(|| Span::new(c.toks[k].span.start(), c.toks[t - 1].span.end()))
}

fn is_calendar(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    ) || person_noun(w)
}
