//! Links within a document: event anaphora (a definite "the attack" with no
//! participants of its own takes those of the latest event of the same type
//! a few sentences back), events as subjects ("The attack killed 35": the
//! killing's actor is the attack's actor), and canonical names of arguments
//! (a person's full name, a place's gazetteer name, the name a pronoun
//! stands for).

use crate::ctx::Ctx;
use crate::lexicon::Pos;
use crate::triggers::Trigger;
use chronicle_core::{EntityType, Event, EventType, Span};

/// How many sentences back an anaphoric event mention looks.
const ANAPHORA_SENTENCES: u32 = 4;
/// How many tokens back a pronoun looks for the name it stands for.
const PRONOUN_REACH: usize = 60;

/// Fills `e`'s missing arguments from `src`.
fn inherit(e: &mut Event, src: &Event, with_target: bool) {
    if e.actor.is_none() {
        e.actor.clone_from(&src.actor);
    }
    if with_target && e.target.is_none() {
        e.target.clone_from(&src.target);
    }
    if e.instrument.is_none() {
        e.instrument.clone_from(&src.instrument);
    }
    if e.place.is_none() {
        e.place.clone_from(&src.place);
    }
    if e.date.is_none() {
        e.date.clone_from(&src.date);
    }
}

pub fn link(ctx: &Ctx, events: &mut [Event], triggers: &[Trigger]) {
    for k in 0..events.len() {
        let t = &triggers[k];
        let i = t.range.0;
        let definite =
            (i.saturating_sub(3)..i).any(|j| matches!(ctx.word(j), "the" | "that" | "this"));
        if t.pos != Pos::Noun || !definite || events[k].actor.is_some() {
            continue;
        }
        let sentence = ctx.sentence_of[i];
        let antecedent = (0..k).rev().find(|&a| {
            let s = ctx.sentence_of[triggers[a].range.0];
            // A death or an injury is no antecedent of "the attack".
            let consequence = |e: &Event| matches!(e.subtype.as_str(), "kill" | "die" | "injure");
            events[a].kind == events[k].kind
                && consequence(&events[a]) == consequence(&events[k])
                && s < sentence
                && sentence - s <= ANAPHORA_SENTENCES
                && events[a].actor.is_some()
        });
        if let Some(a) = antecedent {
            let src = events[a].clone();
            inherit(&mut events[k], &src, true);
        }
    }
    for k in 0..events.len() {
        let Some(actor) = events[k].actor.as_ref().map(|a| a.span) else {
            continue;
        };
        let cause = events.iter().position(|e| {
            matches!(e.kind, EventType::Assault | EventType::Fight)
                && e.span != events[k].span
                && actor.contains(e.span)
        });
        if let Some(c) = cause {
            let src = events[c].clone();
            events[k].actor = None;
            inherit(&mut events[k], &src, false);
        }
    }
    for k in 0..events.len() {
        if events[k].actor.is_some() || !is_consequence(&events[k]) {
            continue;
        }
        if let Some(c) = cause_after(ctx, events, triggers, k) {
            let src = events[c].clone();
            inherit(&mut events[k], &src, false);
        }
    }
    for e in events.iter_mut() {
        for arg in [&mut e.actor, &mut e.target, &mut e.instrument]
            .into_iter()
            .flatten()
        {
            if arg.name.is_none() {
                arg.name = name_of(ctx, arg.span);
            }
        }
    }
}

/// Whether an event is a death or an injury (the consequence of an attack).
fn is_consequence(e: &Event) -> bool {
    matches!(e.subtype.as_str(), "kill" | "die" | "injure")
}

/// How many tokens may stand between a death and the attack it happened
/// in ("killed on Friday in a suicide attack").
const CAUSE_REACH: usize = 8;

/// The attack a death or injury happened in, named after it in its
/// sentence by "in", "during" or "by" ("35 people were killed in the Russian
/// strike", "killed in IS attacks"): its attacker is the killer.
fn cause_after(ctx: &Ctx, events: &[Event], triggers: &[Trigger], k: usize) -> Option<usize> {
    let end = triggers[k].range.1;
    let sentence = ctx.sentence_of[triggers[k].range.0];
    let c = (k + 1..events.len()).find(|&c| {
        matches!(events[c].kind, EventType::Assault | EventType::Fight)
            && !is_consequence(&events[c])
    })?;
    let at = triggers[c].range.0;
    if ctx.sentence_of[at] != sentence || at > end + CAUSE_REACH {
        return None;
    }
    let linked = (end..at).any(|j| matches!(ctx.word(j), "in" | "during" | "by" | "from"));
    let clause = (end..at)
        .all(|j| !ctx.is_punct(j) && !matches!(ctx.word(j), "and" | "but" | "when" | "after"));
    (linked && clause).then_some(c)
}

/// The canonical name of an argument span, when it differs from its text.
fn name_of(ctx: &Ctx, span: Span) -> Option<String> {
    let doc = ctx.doc;
    let text = span.text(doc.body());
    if let Some(p) = doc
        .layers
        .people()
        .iter()
        .find(|p| p.mentions.iter().any(|m| span.contains(*m)))
    {
        return (p.name != text).then(|| p.name.clone());
    }
    if let Some(p) = doc.layers.places().iter().find(|p| span.contains(p.span)) {
        return (p.name != text).then(|| p.name.clone());
    }
    if matches!(
        text.to_lowercase().as_str(),
        "it" | "they" | "its" | "their"
    ) {
        let first = ctx.tokens.partition_point(|t| t.span.start < span.start);
        // The nearest organisation or country before it that is not the
        // object of a preposition ("at war with Russia, and that it …").
        let names = (first.saturating_sub(PRONOUN_REACH)..first)
            .rev()
            .find_map(|j| {
                ctx.entity_range(j)
                    .filter(|(_, kind)| {
                        matches!(kind, EntityType::Organization | EntityType::Location)
                    })
                    .filter(|((a, _), _)| {
                        *a == 0 || !crate::words::is(crate::words::PREPOSITIONS, ctx.word(a - 1))
                    })
                    .map(|(r, _)| ctx.span(r))
            });
        return names.map(|s| s.text(doc.body()).to_owned());
    }
    None
}
