//! Argument patterns: the noun phrases around a trigger that fill actor,
//! target and instrument (subject and object of a verb, passive "by"
//! agents, a noun's possessive, modifiers and prepositional phrases), found
//! over tokens and entities without a parser. Noun phrases are runs of
//! content words (or a whole entity) bounded by function words and
//! punctuation; their head is the last word.

use crate::ctx::{Ctx, Range};
use crate::lexicon::Pos;
use crate::table::{ObjectSlot, Subtype};
use crate::triggers::Trigger;
use crate::words::{self, AUXILIARIES, DETERMINERS, FUNCTION_WORDS, PRONOUNS, RELATIVES};
use chronicle_core::EntityType;

/// The longest noun phrase an argument may span, in tokens.
const MAX_NP: usize = 6;

/// Token ranges of the three participant arguments.
#[derive(Debug, Default, Clone)]
pub struct Participants {
    pub actor: Option<Range>,
    pub target: Option<Range>,
    pub instrument: Option<Range>,
    /// A place named as a modifier ("the Ukraine war").
    pub place: Option<Range>,
}

fn is_content(ctx: &Ctx, j: usize) -> bool {
    let w = ctx.word(j);
    !ctx.is_punct(j)
        && !words::is(FUNCTION_WORDS, w)
        && !words::is(AUXILIARIES, w)
        && ctx.lexical(j)
}

impl Ctx<'_> {
    /// Whether token `j` is a word or number (not a symbol, URL, …).
    pub fn lexical(&self, j: usize) -> bool {
        use chronicle_core::TokenKind;
        matches!(self.tokens[j].kind, TokenKind::Word | TokenKind::Number)
    }

    /// Whether token `j` starts a literal place of the places layer.
    pub fn is_place(&self, j: usize) -> bool {
        let at = self.tokens[j].span.start;
        self.doc
            .layers
            .places()
            .iter()
            .any(|p| p.span.start == at && p.kind == chronicle_core::PlaceKind::Literal)
    }

    /// Whether token `j` starts a demonym of the places layer ("Russian").
    pub fn is_demonym(&self, j: usize) -> bool {
        let at = self.tokens[j].span.start;
        self.doc
            .layers
            .places()
            .iter()
            .any(|p| p.span.start == at && p.kind == chronicle_core::PlaceKind::Demonym)
    }

    /// Whether a token range overlaps a temporal expression.
    pub fn is_timex(&self, r: Range) -> bool {
        let span = self.span(r);
        self.doc
            .layers
            .timexes()
            .iter()
            .any(|x| x.span.overlaps(span))
    }
}

/// The noun phrase that ends at token `j` (inclusive), if `j` can end one.
pub fn np_ending_at(ctx: &Ctx, j: usize, floor: usize) -> Option<Range> {
    if let Some(((a, b), _)) = ctx.entity_range(j) {
        return Some((a.max(floor), b));
    }
    let w = ctx.word(j);
    if words::is(PRONOUNS, w) {
        return Some((j, j + 1));
    }
    if !is_content(ctx, j) || ctx.is_number(j) {
        return None;
    }
    let mut a = j;
    while a > floor && j + 1 - a < MAX_NP && is_content(ctx, a - 1) {
        a -= 1;
        if let Some(((ea, _), _)) = ctx.entity_range(a) {
            a = ea.max(floor);
        }
    }
    Some((a, j + 1))
}

/// The noun phrase that starts at or after token `j` (skipping
/// determiners, particles and "N of"), within `end`.
pub fn np_starting_at(ctx: &Ctx, mut j: usize, end: usize) -> Option<Range> {
    // "detonated accidentally": an adverb opens no object.
    if j < end && is_adverb(ctx.word(j)) {
        return None;
    }
    // The count skipped last: the phrase when no noun follows it ("killing
    // the three on the spot").
    let mut count: Option<Range> = None;
    if let Some(after) = ctx.figure_after(j) {
        count = Some((j, after));
        j = after;
        if j < end && ctx.word(j) == "of" {
            j += 1;
        }
    }
    while j < end
        && (words::is(DETERMINERS, ctx.word(j))
            || matches!(ctx.word(j), "down" | "up" | "off" | "out" | "’s" | "'s")
            || ((ctx.is_number(j)
                || is_quantity(ctx.word(j))
                || words::is(words::NUMBER_WORDS, ctx.word(j)))
                && j + 1 < end
                && (ctx.word(j + 1) == "of" || is_content(ctx, j + 1))))
    {
        let w = ctx.word(j);
        if ctx.is_number(j) || is_quantity(w) || words::is(words::NUMBER_WORDS, w) {
            count = Some((j, j + 1));
        }
        j += if j + 1 < end && ctx.word(j + 1) == "of" {
            2
        } else {
            1
        };
    }
    if j >= end || (!is_content(ctx, j) && !words::is(PRONOUNS, ctx.word(j))) {
        return count.filter(|&(_, b)| b == j || ctx.word(b) == "of");
    }
    if words::is(PRONOUNS, ctx.word(j)) {
        return Some((j, j + 1));
    }
    let mut b = j;
    while b < end && b - j < MAX_NP {
        if let Some(((_, eb), _)) = ctx.entity_range(b) {
            b = eb.min(end);
            continue;
        }
        let w = ctx.word(b);
        // "detonated the bombs remotely": an adverb ends the phrase.
        let adverb = b > j && is_adverb(w);
        if !is_content(ctx, b) || adverb {
            break;
        }
        b += 1;
    }
    (b > j).then_some((j, b))
}

/// An adverb in -ly (not "family", "Italy").
fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !words::is(words::LY_NOUNS, w)
}

fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "thousands" | "hundreds" | "dozens" | "tons" | "scores" | "millions" | "tens" | "lots"
    )
}

/// The subject of the verb at `i`: the noun phrase before it in its clause,
/// past auxiliaries and adverbs, or the antecedent of a relative pronoun.
pub fn subject(ctx: &Ctx, i: usize) -> Option<Range> {
    let floor = ctx.clause_start(i);
    let mut j = i;
    while j > floor {
        let w = ctx.word(j - 1);
        if words::is(AUXILIARIES, w) || (w.ends_with("ly") && w.len() > 4) {
            j -= 1;
        } else {
            break;
        }
    }
    if j == floor {
        let (start, _) = ctx.sentence_range(i);
        if j < i || !ctx.word(i).ends_with("ing") {
            if let Some(np) = before_apposition(ctx, floor, start) {
                return Some(np);
            }
        }
        // A participle clause ("…, raining missiles down"): the sentence's
        // first name before it.
        // Names after a preposition ("In Bagram, a bomber …") are not the
        // subject.
        if floor > start && ctx.word(i).ends_with("ing") {
            return (start..floor).find_map(|k| {
                ctx.entity_range(k)
                    .filter(|&((a, _), kind)| {
                        kind != EntityType::Misc
                            && a == k
                            && (a == start || !words::is(words::PREPOSITIONS, ctx.word(a - 1)))
                    })
                    .map(|(r, _)| r)
            });
        }
        return None;
    }
    let last = j - 1;
    if words::is(RELATIVES, ctx.word(last)) {
        let (start, _) = ctx.sentence_range(i);
        let mut k = last;
        while k > start && ctx.is_punct(k - 1) {
            k -= 1;
        }
        return (k > start)
            .then(|| np_ending_at(ctx, k - 1, start))
            .flatten();
    }
    let np = np_ending_at(ctx, last, floor)?;
    // "Poland's attempts to transfer": the possessor acts.
    if np.0 >= floor + 2 && matches!(ctx.word(np.0 - 1), "’s" | "'s") && ctx.word(j) == "to" {
        return np_ending_at(ctx, np.0 - 2, floor);
    }
    Some(partitive(ctx, np, floor))
}

/// The subject of a verb whose clause holds only its auxiliaries, after an
/// apposition or a relative clause between commas: "A local commander of
/// the militia, a pro-Assad force, was also killed" → "local commander".
/// The subject is the noun phrase opening the clause before the
/// apposition, which must open with a determiner, a name or a relative.
fn before_apposition(ctx: &Ctx, floor: usize, start: usize) -> Option<Range> {
    if floor < start + 3 || ctx.word(floor - 1) != "," {
        return None;
    }
    let middle = ctx.clause_start(floor - 1);
    if middle < start + 2 || ctx.word(middle - 1) != "," {
        return None;
    }
    let opener = ctx.word(middle);
    if !(words::is(DETERMINERS, opener)
        || words::is(RELATIVES, opener)
        || ctx.entity_of[middle].is_some())
    {
        return None;
    }
    // "The alleged killer, Chérif Chekatt, was shot": the name is the
    // better mention.
    if let Some(((a, b), EntityType::Person)) = ctx.entity_range(middle) {
        if a == middle && b == floor - 1 {
            return Some((a, b));
        }
    }
    let first = ctx.clause_start(middle - 1);
    np_starting_at(ctx, first, middle - 1).filter(|&(a, _)| {
        // The phrase must open its clause (past determiners), or it is an
        // object of something else there.
        (first..a).all(|k| words::is(DETERMINERS, ctx.word(k)))
    })
}

/// A count partitive before a noun phrase is the argument: "All six of the
/// members killed" → "All six of the members" (headed by the count).
fn partitive(ctx: &Ctx, np: Range, floor: usize) -> Range {
    let mut a = np.0;
    while a > floor && words::is(DETERMINERS, ctx.word(a - 1)) {
        a -= 1;
    }
    if a < floor + 2 || ctx.word(a - 1) != "of" {
        return np;
    }
    let q = a - 2;
    let count = |k: usize| {
        ctx.is_number(k)
            || (words::is(words::NUMBER_WORDS, ctx.word(k)) && ctx.word(k) != "at")
            || matches!(
                ctx.word(k),
                "all" | "many" | "most" | "none" | "both" | "each"
            )
    };
    if !count(q) {
        return np;
    }
    let q = if q > floor && count(q - 1) { q - 1 } else { q };
    (q, np.1)
}

/// The noun phrase after the first of `preps` within `reach` tokens after
/// `from`, in the same sentence (commas end the search).
pub fn after_prep(ctx: &Ctx, from: usize, reach: usize, preps: &[&str]) -> Option<Range> {
    let (_, end) = ctx.sentence_range(from.saturating_sub(1));
    let stop = (from + reach).min(end);
    let at = (from..stop)
        .take_while(|&j| !ctx.is_punct(j))
        .find(|&j| preps.contains(&ctx.word(j)))?;
    np_starting_at(ctx, at + 1, ctx.clause_end(at))
}

/// Whether the verb trigger is passive: a past form after "be"/"get", or a
/// bare past participle followed by a preposition ("35 people killed in …").
fn passive(ctx: &Ctx, t: &Trigger) -> bool {
    if !t.past || reflexive_object(ctx, t) {
        return false;
    }
    let floor = ctx.clause_start(t.range.0);
    let mut j = t.range.0;
    let mut steps = 0;
    while j > floor && steps < 3 {
        let w = ctx.word(j - 1);
        if words::is(words::PASSIVE_AUX, w) {
            return true;
        }
        if !(w.ends_with("ly") || words::is(AUXILIARIES, w)) {
            break;
        }
        j -= 1;
        steps += 1;
    }
    let (_, end) = ctx.sentence_range(t.range.0);
    let next = t.range.1;
    // A bare participle after a noun with no object of its own is a reduced
    // relative: "the members killed were …", "35 people killed in …".
    j > floor
        && !words::is(AUXILIARIES, ctx.word(j - 1))
        && !words::is(PRONOUNS, ctx.word(j - 1))
        && ctx.entity_of[j - 1].is_none()
        && (next >= end || ctx.is_punct(next) || words::is(AFTER_PARTICIPLE, ctx.word(next)))
}

/// Whether the verb's object is a reflexive ("blew himself up"): the verb
/// is active and its object no participant of its own.
fn reflexive_object(ctx: &Ctx, t: &Trigger) -> bool {
    let (_, end) = ctx.sentence_range(t.range.0);
    t.range.1 < end
        && matches!(
            ctx.word(t.range.1),
            "himself" | "herself" | "themselves" | "itself"
        )
}

/// Words that follow a passive participle rather than open its object.
const AFTER_PARTICIPLE: &[&str] = &[
    "in",
    "by",
    "near",
    "on",
    "during",
    "when",
    "while",
    "after",
    "since",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "last",
    "yesterday",
    "today",
    "with",
    "outside",
    "inside",
    "across",
    "as",
];

fn is_weapon_np(ctx: &Ctx, r: Range) -> bool {
    words::is(words::WEAPONS, ctx.word(r.1 - 1))
}

/// A one-word name shaped like a demonym or a bloc adjective ("Western",
/// "Iraqi", "Chinese") — the places layer may not know it.
fn adjective_name(ctx: &Ctx, r: Range) -> bool {
    r.1 - r.0 == 1
        && ["an", "ern", "ese", "ish", "i"]
            .iter()
            .any(|e| ctx.word(r.0).ends_with(e))
}

/// Words that stand alone but name no participant ("instead", "ago",
/// a clitic split from its verb).
const NON_PARTICIPANTS: &[&str] = &[
    "instead", "only", "now", "ago", "abroad", "either", "also", "here", "there", "then", "too",
    "already", "yet", "even", "just", "'ll", "’ll", "n't", "’re", "'re", "’ve", "'ve", "home",
    "dead", "alive",
];

/// Whether a phrase can fill a participant role: no date ("Monday",
/// "2015"), unless it names a place ("the Christmas market"), and no lone
/// adverb.
fn is_participant(ctx: &Ctx, r: Range) -> bool {
    let dated = ctx.is_timex((r.1 - 1, r.1))
        || (ctx.is_timex(r) && !words::is(words::PLACE_NOUNS, ctx.word(r.1 - 1)));
    !(dated || (r.1 - r.0 == 1 && words::is(NON_PARTICIPANTS, ctx.word(r.0))))
}

/// Actor, target and instrument of a trigger.
pub fn participants(ctx: &Ctx, t: &Trigger, row: &Subtype) -> Participants {
    let (i, end) = t.range;
    let mut p = Participants::default();
    let object_slot = |p: &mut Participants, r: Range| match row.object {
        ObjectSlot::Target if is_weapon_np(ctx, r) && row.roles[2].kairos.is_some() => {
            p.instrument = Some(r)
        }
        ObjectSlot::Target => p.target = Some(r),
        ObjectSlot::Instrument => p.instrument = Some(r),
    };
    match t.pos {
        Pos::Verb => {
            let subj = subject(ctx, i);
            if passive(ctx, t) {
                if let Some(s) = subj {
                    object_slot(&mut p, s);
                }
                if let Some(by) = after_prep(ctx, end, 3, &["by"]) {
                    if is_weapon_np(ctx, by) {
                        p.instrument = Some(by);
                    } else {
                        p.actor = Some(by);
                    }
                }
            } else {
                if t.entry.patient_subject {
                    p.target = subj;
                } else if t.entry.instrument_subject || subj.is_some_and(|r| is_weapon_np(ctx, r)) {
                    // "A roadside IED kills …": the weapon is no actor.
                    p.instrument = subj;
                } else {
                    p.actor = subj;
                }
                let clause_end = ctx.clause_end(i);
                let starts_np = end < clause_end
                    && ctx.word(end) != "that"
                    && (!words::is(FUNCTION_WORDS, ctx.word(end))
                        || words::is(DETERMINERS, ctx.word(end))
                        || ctx.figure_after(end).is_some());
                if !t.entry.patient_subject && starts_np && !reflexive_object(ctx, t) {
                    if let Some(o) = np_starting_at(ctx, end, clause_end) {
                        if t.entry.instrument_object && row.roles[2].kairos.is_some() {
                            p.instrument = Some(o);
                        } else {
                            object_slot(&mut p, o);
                        }
                    }
                }
                if t.entry.needs_weapon {
                    // "raining missiles down on a facility": the weapons are
                    // the instrument, the target follows "on".
                    let w = (i + 1..end).find(|&j| words::is(words::WEAPONS, ctx.word(j)));
                    if let Some(w) = w {
                        p.instrument = Some((w, w + 1));
                    }
                    p.target = after_prep(ctx, end, 3, &["on", "at", "against"]).or(p.target);
                }
            }
            if row.object == ObjectSlot::Instrument || row.name == "deploy" {
                if let Some(to) = after_prep(ctx, end, 8, &["to", "into"]) {
                    if row.object == ObjectSlot::Instrument {
                        p.target = Some(to);
                    }
                }
            }
            if matches!(row.name.as_str(), "meet" | "talk" | "negotiate" | "call") {
                p.target = p.target.or_else(|| after_prep(ctx, end, 3, &["with"]));
            }
        }
        Pos::Noun => noun_participants(ctx, t, row, &mut p),
    }
    for slot in [&mut p.actor, &mut p.target, &mut p.instrument] {
        if slot.is_some_and(|r| !is_participant(ctx, r)) {
            *slot = None;
        }
    }
    p
}

fn noun_participants(ctx: &Ctx, t: &Trigger, row: &Subtype, p: &mut Participants) {
    let (i, end) = t.range;
    let floor = ctx.clause_start(i);
    // Modifiers before the noun: weapons ("missile attack"), a demonym or
    // name ("Russian strike", "NATO meeting"), a possessive ("Russia's").
    let mut j = i;
    while j > floor && i - j < 4 {
        let k = j - 1;
        let w = ctx.word(k);
        if words::is(words::WEAPONS, w) {
            let has_instrument = row.roles[2].kairos.is_some() || row.roles[2].aida.is_some();
            if row.object == ObjectSlot::Instrument || has_instrument {
                p.instrument = Some((k, k + 1));
            }
            j = k;
        } else if w == "’s" || w == "'s" {
            // "Saturday's attack" is when, not who.
            p.actor = k
                .checked_sub(1)
                .and_then(|e| np_ending_at(ctx, e, floor))
                .filter(|&r| !ctx.is_timex(r));
            break;
        } else if let Some((r, kind)) = ctx.entity_range(k) {
            // "the Ukraine war" is where, not who; "the Boston Marathon
            // bombing" names neither (a name of other kind than a
            // demonym: "Russian strike").
            if kind == EntityType::Location || ctx.is_place(r.0) {
                p.place = Some((r.0.max(floor), r.1));
            } else if kind != EntityType::Misc || ctx.is_demonym(r.0) || adjective_name(ctx, r) {
                p.actor = Some((r.0.max(floor), r.1));
            }
            j = r.0.max(floor);
        } else if words::is(DETERMINERS, w) || !is_content(ctx, k) {
            break;
        } else {
            j = k;
        }
    }
    if let Some(by) = after_prep(ctx, end, 3, &["by"]) {
        if is_weapon_np(ctx, by) {
            p.instrument = Some(by);
        } else {
            p.actor = Some(by);
        }
    }
    let target_preps: &[&str] = match row.name.as_str() {
        "kill" | "die" | "injure" | "arrest" | "kidnap" | "charge" | "destroy" | "investigate" => {
            &["of"]
        }
        "meet" | "talk" | "negotiate" | "call" | "agree" => &["with", "between"],
        "arms" | "aid" | "deploy" => &["to", "into"],
        "sanction" | "ban" => &["on", "against"],
        _ => &["on", "against", "targeting"],
    };
    // Skip a date or a place between the noun and its preposition ("attack
    // Sunday on a facility").
    p.target = after_prep(ctx, end, 4, target_preps);
    // "The explosion targeted a bakery": the noun is the subject.
    let (_, sentence_end) = ctx.sentence_range(i);
    if p.target.is_none() && end < sentence_end && words::is(TARGETING, ctx.word(end)) {
        p.target = np_starting_at(ctx, end + 1, ctx.clause_end(end));
    }
    // "The group launched a series of attacks": the subject of the light
    // verb that governs the noun acts.
    // "13 people suffered injuries": who suffers a death or an injury is
    // its victim.
    if p.target.is_none() && matches!(row.name.as_str(), "kill" | "die" | "injure") {
        p.target = governing_verb(ctx, i, SUFFER_VERBS, false).and_then(|v| subject(ctx, v));
    }
    if p.actor.is_none() {
        p.actor = governing_verb(ctx, i, LIGHT_VERBS, true)
            .and_then(|v| subject(ctx, v))
            .or_else(|| agent_after(ctx, end));
    }
    if row.object == ObjectSlot::Instrument && p.instrument.is_none() {
        p.instrument = after_prep(ctx, end, 2, &["of"]);
    }
    if p.instrument.is_none() && (row.roles[2].kairos.is_some() || row.roles[2].aida.is_some()) {
        p.instrument = after_prep(ctx, end, 4, &["with"]).filter(|&r| is_weapon_np(ctx, r));
    }
}

/// Verbs after an event noun that take its target as their object.
const TARGETING: &[&str] = &["targeted", "targeting", "targets", "hit", "hits", "struck"];

/// Verbs whose object is an event noun and whose subject does the event
/// ("carried out the attack", "launched strikes", "staged a protest").
const LIGHT_VERBS: &[&str] = &[
    "launch",
    "launched",
    "launches",
    "launching",
    "carry",
    "carried",
    "carries",
    "carrying",
    "conduct",
    "conducted",
    "conducts",
    "conducting",
    "stage",
    "staged",
    "stages",
    "staging",
    "mount",
    "mounted",
    "mounts",
    "mounting",
    "commit",
    "committed",
    "commits",
    "committing",
    "perpetrate",
    "perpetrated",
    "unleash",
    "unleashed",
    "hold",
    "held",
    "holds",
    "holding",
];

/// The agent of a light verb's participle after an event noun: "attacks
/// in recent years, carried out by extremists".
fn agent_after(ctx: &Ctx, end: usize) -> Option<Range> {
    let (_, sentence_end) = ctx.sentence_range(end.saturating_sub(1));
    let by = (end + 1..(end + 10).min(sentence_end)).find(|&j| {
        ctx.word(j) == "by"
            && words::is(
                LIGHT_VERBS,
                ctx.word(j - 1 - usize::from(ctx.word(j - 1) == "out")),
            )
    })?;
    np_starting_at(ctx, by + 1, ctx.clause_end(by))
}

/// Verbs whose subject undergoes the death or injury they take as object.
const SUFFER_VERBS: &[&str] = &[
    "suffer",
    "suffered",
    "suffers",
    "suffering",
    "sustain",
    "sustained",
    "sustains",
    "sustaining",
];

/// The verb of `verbs` governing the event noun at `i`: before it in its
/// clause, past determiners, modifiers, "out" and "a series/wave of".
/// With `claims`, "claimed responsibility for" counts as such a verb.
fn governing_verb(ctx: &Ctx, i: usize, verbs: &[&str], claims: bool) -> Option<usize> {
    let floor = ctx.clause_start(i);
    let mut j = i;
    let mut steps = 0;
    // "claimed responsibility for the attack".
    let mut responsibility = false;
    while j > floor && steps < 7 {
        let w = ctx.word(j - 1);
        if words::is(verbs, w)
            || (claims
                && responsibility
                && matches!(w, "claim" | "claimed" | "claims" | "claiming"))
        {
            return Some(j - 1);
        }
        responsibility |= w == "responsibility";
        let skippable = words::is(DETERMINERS, w)
            || matches!(
                w,
                "out" | "of" | "series" | "wave" | "string" | "spate" | "new" | "for"
            )
            || (is_content(ctx, j - 1) && ctx.entity_of[j - 1].is_none());
        if !skippable {
            return None;
        }
        j -= 1;
        steps += 1;
    }
    None
}

/// A locative phrase headed by a common noun of place after the trigger in
/// its clause ("killed in the same province", "exploded on a busy
/// pedestrian street"): the place when the places layer names none there.
pub fn place_phrase(ctx: &Ctx, t: Range) -> Option<Range> {
    const REACH: usize = 10;
    let (_, end) = ctx.sentence_range(t.0);
    let stop = (t.1 + REACH).min(end);
    (t.1..stop)
        .take_while(|&j| !ctx.is_punct(j))
        .filter(|&j| {
            matches!(
                ctx.word(j),
                "in" | "at" | "near" | "on" | "outside" | "inside"
            )
        })
        .find_map(|j| {
            np_starting_at(ctx, j + 1, ctx.clause_end(j))
                .filter(|&(_, b)| words::is(words::PLACE_NOUNS, ctx.word(b - 1)))
        })
}
