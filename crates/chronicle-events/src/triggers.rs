//! Trigger recognition: lexicon forms matched on lower-cased tokens, their
//! conditions checked (weapon or troops nearby, lower case), a transfer's
//! subtype decided by what is sent, and a verb told from a noun by its
//! neighbours when the form is both ("attack").

use crate::ctx::{Ctx, Range};
use crate::lexicon::{Entry, Lexicon, Pos};
use crate::sense::{self, Sense};
use crate::words::{self, AID, TROOPS, WEAPONS};
use chronicle_core::EntityType;

/// A recognised trigger.
#[derive(Debug, Clone)]
pub struct Trigger<'l> {
    pub range: Range,
    pub entry: &'l Entry,
    pub subtype: &'static str,
    pub pos: Pos,
    pub past: bool,
}

/// Words before a form that make it a verb.
const VERB_LEFT: &[&str] = &[
    "to", "will", "would", "could", "may", "might", "can", "should", "must", "did", "not", "n't",
    "he", "she", "they", "we", "who", "also", "had", "has", "have", "’ll", "'ll",
];

/// Words before a form that make it a noun.
const NOUN_LEFT: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "’s",
    "'s", "of", "in", "on", "after", "before", "for", "by", "with", "against", "during", "amid",
    "new", "deadly", "latest", "recent", "major", "first", "any", "no",
];

fn any_in(ctx: &Ctx, from: usize, to: usize, list: &[&str]) -> bool {
    (from..to).any(|j| words::is(list, ctx.word(j)))
}

/// A transfer's subtype from what is sent, looked for around the trigger.
fn transfer_subtype(ctx: &Ctx, r: Range, pos: Pos) -> Option<&'static str> {
    let (start, end) = ctx.sentence_range(r.0);
    let from = if pos == Pos::Noun {
        r.0.saturating_sub(2).max(start)
    } else {
        r.1
    };
    let to = (r.1 + 7).min(end);
    let near = |list| any_in(ctx, from, to, list);
    if near(TROOPS) {
        Some("deploy")
    } else if near(WEAPONS) {
        Some("arms")
    } else if near(AID) {
        Some("aid")
    } else {
        None
    }
}

/// Whether an ambiguous form at `i` reads as a verb.
fn reads_as_verb(ctx: &Ctx, i: usize, end: usize) -> bool {
    let (start, _) = ctx.sentence_range(i);
    let mut j = i;
    while j > start && ctx.word(j - 1).ends_with("ly") {
        j -= 1;
    }
    if j > start {
        let prev = ctx.word(j - 1);
        if words::is(VERB_LEFT, prev) {
            return true;
        }
        if words::is(NOUN_LEFT, prev) || ctx.is_number(j - 1) {
            return false;
        }
    }
    let (_, sentence_end) = ctx.sentence_range(i);
    end < sentence_end
        && (words::is(words::DETERMINERS, ctx.word(end))
            || ctx.entity_of[end].is_some()
            || words::is(words::PRONOUNS, ctx.word(end))
            // "…, killing 130 people": a count opens the object.
            || ctx.is_number(end)
            || words::is(words::NUMBER_WORDS, ctx.word(end))
            || ctx.figure_after(end).is_some())
}

/// The triggers of the document, in order and disjoint.
pub fn find(ctx: &Ctx) -> Vec<Trigger<'static>> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.tokens.len() {
        let forms = lex.starting_with(ctx.word(i));
        if forms.is_empty() {
            i += 1;
            continue;
        }
        let inside_name = ctx
            .entity_range(i)
            .is_some_and(|(_, kind)| kind != EntityType::Misc);
        let (_, sentence_end) = ctx.sentence_range(i);
        // "Twin bombs exploded": a form that is also a weapon noun is a
        // verb only where it reads as one.
        let weapon_noun = words::is(WEAPONS, ctx.word(i));
        let mut found: Vec<Trigger> = Vec::new();
        for form in forms {
            let end = i + 1 + form.rest.len();
            if inside_name
                || end > sentence_end
                || !form.rest.iter().zip(i + 1..).all(|(w, j)| ctx.word(j) == w)
            {
                continue;
            }
            if let Some(longer) = found.first() {
                if longer.range.1 > end {
                    break;
                }
            }
            let entry = &lex.entries[form.entry];
            if weapon_noun && entry.pos == Pos::Verb && !reads_as_verb(ctx, i, end) {
                continue;
            }
            if entry.lower_only && ctx.text(i).starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            if entry.needs_weapon && !any_in(ctx, end, (end + 3).min(sentence_end), WEAPONS) {
                continue;
            }
            let window = (i.saturating_sub(4), (end + 6).min(sentence_end));
            if entry.needs_troops && !any_in(ctx, window.0, window.1, TROOPS) {
                continue;
            }
            let subtype: &'static str = if entry.subtype == "@transfer" {
                match transfer_subtype(ctx, (i, end), entry.pos) {
                    Some(s) => s,
                    None => continue,
                }
            } else {
                match crate::table::EventTable::get().subtype(&entry.subtype) {
                    Some(row) => row.name.as_str(),
                    None => continue,
                }
            };
            found.push(Trigger {
                range: (i, end),
                entry,
                subtype,
                pos: entry.pos,
                past: form.past,
            });
        }
        if found.is_empty() {
            i += 1;
            continue;
        }
        let end = found[0].range.1;
        let verb = found.iter().position(|t| t.pos == Pos::Verb);
        let noun = found.iter().position(|t| t.pos == Pos::Noun);
        let pick = match (verb, noun) {
            (Some(v), Some(n)) => {
                if reads_as_verb(ctx, i, end) {
                    v
                } else {
                    n
                }
            }
            (Some(v), None) => v,
            (None, Some(n)) => n,
            (None, None) => 0,
        };
        let mut t = found.swap_remove(pick);
        // "a terror attack", "the missile strike": a noun compound's event
        // is its head, the last word; the modifiers stay arguments.
        if t.pos == Pos::Noun {
            t.range.0 = t.range.1 - 1;
        }
        match sense::sense(ctx, t.range, t.pos, t.subtype, t.past) {
            Sense::Event => {}
            Sense::Other => {
                i += 1;
                continue;
            }
            Sense::Retype(subtype) => t.subtype = subtype,
        }
        // "blew himself up": the verb is the trigger, as the KAIROS and ACE
        // guidelines mark it; the reflexive and particle are its object.
        if t.pos == Pos::Verb
            && (t.range.0 + 1..t.range.1)
                .any(|j| matches!(ctx.word(j), "himself" | "herself" | "themselves" | "itself"))
        {
            t.range.1 = t.range.0 + 1;
        }
        // "raining missiles down": the object and its particle join the trigger.
        if t.entry.needs_weapon {
            let mut e = t.range.1;
            while e < sentence_end && words::is(WEAPONS, ctx.word(e)) {
                e += 1;
            }
            if e < sentence_end && matches!(ctx.word(e), "down" | "off" | "out") {
                t.range.1 = e + 1;
            }
        }
        i = t.range.1;
        out.push(t);
    }
    out
}
