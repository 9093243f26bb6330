//! This crate provides chronicle's events layer: who did what to whom,
//! where, when and how many, coded with PLOVER root types and mapped to the
//! KAIROS and AIDA ontologies of the evaluation data.
//!
//! [`EventAnnotator`] needs tokens, sentences, entities, timexes, quotes,
//! people, figures and places, and works without training data:
//!
//! - `data/event_types.tsv` — the event table (subtype → PLOVER, KAIROS,
//!   AIDA, roles), with its sources; read by [`table`];
//! - `data/triggers.tsv` — the hand-written trigger lexicon; [`lexicon`];
//! - `triggers.rs` — trigger recognition; `sense.rs` — senses that name no
//!   event ("heart attack", "strike a deal") or another (a labour strike);
//! - `args.rs` — actor, target and instrument from patterns over tokens and
//!   entities; place, date and figures come from their layers here;
//! - `status.rs` — polarity, modality and the claimed source;
//! - `link.rs` — canonical names, pronouns, and event anaphora ("the
//!   attack" inherits the arguments of the strike it refers to);
//! - [`eval`] — WikiEvents and RAMS readers and the strict scorer.
//!
//! The date is the one the event happened: a temporal expression of the
//! trigger's sentence (nearest first), never the publication date.
//!
//! ```
//! use chronicle_core::{Annotator, Date, Document, EventType, Layer};
//! let mut doc = Document::new("d", Date::from_ymd_opt(2022, 3, 16).unwrap(),
//!     "Rebels attacked the convoy.");
//! chronicle_text::Tokenizer.annotate(&mut doc).unwrap();
//! chronicle_text::SentenceSplitter.annotate(&mut doc).unwrap();
//! doc.layers.entities = Some(Layer::new("test", vec![]));
//! doc.layers.timexes = Some(Layer::new("test", vec![]));
//! doc.layers.quotes = Some(Layer::new("test", vec![]));
//! doc.layers.people = Some(Layer::new("test", vec![]));
//! doc.layers.figures = Some(Layer::new("test", vec![]));
//! doc.layers.places = Some(Layer::new("test", vec![]));
//! chronicle_events::EventAnnotator.annotate(&mut doc).unwrap();
//! let e = &doc.layers.events()[0];
//! assert_eq!(e.kind, EventType::Assault);
//! assert_eq!(doc.text(e.actor.as_ref().unwrap().span), "Rebels");
//! assert_eq!(doc.text(e.target.as_ref().unwrap().span), "convoy");
//! chronicle_core::validate(&doc).unwrap();
//! ```

mod args;
mod ctx;
pub mod eval;
pub mod lexicon;
mod link;
mod sense;
mod status;
pub mod table;
#[cfg(test)]
mod tests;
mod triggers;
mod words;

pub use table::EventTable;

use chronicle_core::{
    AnnotateError, Annotator, Argument, Document, Event, EventDate, EventType, FigureCategory,
    Layer, LayerKind, Modality, PlaceKind, Span, TimexType,
};
use ctx::{Ctx, Range};

/// Adds the events layer.
#[derive(Debug, Clone, Copy, Default)]
pub struct EventAnnotator;

/// Figure categories an event of this subtype counts.
fn counts(subtype: &str, kind: EventType) -> &'static [FigureCategory] {
    use FigureCategory::*;
    match subtype {
        "injure" => &[Injured],
        "deploy" | "alert" => &[Troops],
        "arms" | "aid" | "sanction" => &[Money],
        "arrest" => &[Arrested],
        "evacuate" | "transport" | "expel" => &[Displaced],
        _ if matches!(kind, EventType::Assault | EventType::Fight) || subtype == "die" => {
            &[Killed, Injured, Missing]
        }
        _ => &[],
    }
}

/// The place of an event: a literal place of the trigger's sentence after
/// a locative preposition (or with a relative phrase), nearest the trigger,
/// not already a participant. The argument spans the relative phrase too.
fn place(ctx: &Ctx, trigger: Range, taken: &[Span]) -> Option<Argument> {
    // Places further than this many tokens from the trigger belong to
    // something else in the sentence.
    const REACH: usize = 12;
    let (start, end) = ctx.sentence_range(trigger.0);
    let sentence = ctx.span((start, end));
    let body = ctx.doc.body();
    let t = ctx.span(trigger);
    ctx.doc
        .layers
        .places()
        .iter()
        .filter(|p| sentence.contains(p.span) && p.kind == PlaceKind::Literal)
        .filter(|p| !taken.iter().any(|s| s.overlaps(p.span)))
        .filter(|p| {
            let first = ctx.tokens.partition_point(|x| x.span.start < p.span.start);
            // In the trigger's clause, or in an opening adverbial ("In
            // Bagram, a bomber blew himself up").
            let clause = ctx.clause_start(first);
            let same_clause = clause == ctx.clause_start(trigger.0);
            let opening = clause == start && first < trigger.0;
            first + REACH >= trigger.0 && first <= trigger.1 + REACH && (same_clause || opening)
        })
        .filter(|p| {
            let before = body[sentence.start()..p.span.start()].trim_end();
            let prev = before.rsplit(' ').next().unwrap_or("").to_lowercase();
            p.relation.is_some()
                || [
                    "in",
                    "at",
                    "near",
                    "outside",
                    "across",
                    "into",
                    "to",
                    "from",
                    "inside",
                    "throughout",
                    "of",
                ]
                .contains(&prev.as_str())
        })
        .min_by_key(|p| p.span.start().abs_diff(t.start()))
        .map(|p| Argument {
            span: p.relation.as_ref().map_or(p.span, |r| r.span.cover(p.span)),
            name: Some(p.name.clone()),
        })
}

/// The date of an event: the dated temporal expression of its sentence
/// nearest the trigger — inside the quote when the event is reported, as a
/// date outside it dates the saying ("On Monday, an official said the
/// strike …").
///
/// An event not asserted (planned, possible) takes a date of its own clause
/// only: "could include deploying …, Stoltenberg noted on Tuesday".
fn date(ctx: &Ctx, trigger: Range, quote: Option<Span>, clause_only: bool) -> Option<EventDate> {
    let sentence = if clause_only {
        ctx.span((ctx.clause_start(trigger.0), ctx.clause_end(trigger.0)))
    } else {
        quote.unwrap_or_else(|| ctx.span(ctx.sentence_range(trigger.0)))
    };
    let t = ctx.span(trigger);
    ctx.doc
        .layers
        .timexes()
        .iter()
        .filter(|x| sentence.contains(x.span))
        .filter(|x| matches!(x.kind, TimexType::Date | TimexType::Time))
        .filter(|x| x.value.starts_with(|c: char| c.is_ascii_digit()))
        .min_by_key(|x| x.span.start().abs_diff(t.start()))
        .map(|x| EventDate {
            span: x.span,
            value: x.value.clone(),
        })
}

/// The actor of a participle clause ("the group launched attacks, killing
/// 130 people and injuring scores more"): the actor of the latest event
/// before it in its sentence (none when that event has none: "bombs
/// exploded, killing three"), when the clause opens with the trigger.
fn participle_actor(
    ctx: &Ctx,
    t: &triggers::Trigger,
    before: &[triggers::Trigger],
    events: &[Event],
) -> Option<Option<Range>> {
    let i = t.range.0;
    let (start, _) = ctx.sentence_range(i);
    let opens_clause = i > start && matches!(ctx.word(i - 1), "," | "and");
    if t.pos != lexicon::Pos::Verb || !ctx.word(i).ends_with("ing") || !opens_clause {
        return None;
    }
    let k = before
        .iter()
        .rposition(|b| b.range.1 <= i && b.range.0 >= start)?;
    Some(events[k].actor.as_ref().map(|actor| {
        let first = ctx
            .tokens
            .partition_point(|x| x.span.start < actor.span.start);
        let end = ctx
            .tokens
            .partition_point(|x| x.span.start < actor.span.end);
        (first, end)
    }))
}

impl EventAnnotator {
    /// The events of `doc` (which must carry the layers the annotator needs).
    pub fn events(doc: &Document) -> Vec<Event> {
        let ctx = Ctx::new(doc);
        let table = EventTable::get();
        let mut events = Vec::new();
        let mut ranges = Vec::new();
        for t in triggers::find(&ctx) {
            let Some(row) = table.subtype(t.subtype) else {
                continue;
            };
            let mut p = args::participants(&ctx, &t, row);
            if let Some(actor) = participle_actor(&ctx, &t, &ranges, &events) {
                p.actor = actor;
            }
            let arg = |r: Option<Range>| {
                r.map(|r| Argument {
                    span: ctx.span(r),
                    name: None,
                })
            };
            let (actor, target, instrument) = (arg(p.actor), arg(p.target), arg(p.instrument));
            let taken: Vec<Span> = [&actor, &target, &instrument]
                .into_iter()
                .flatten()
                .map(|a| a.span)
                .collect();
            let span = ctx.span(t.range);
            let sentence = ctx.span(ctx.sentence_range(t.range.0));
            let categories = counts(row.name.as_str(), row.plover);
            let figures = doc
                .layers
                .figures()
                .iter()
                .filter(|f| sentence.contains(f.span) && categories.contains(&f.category))
                .map(|f| f.span)
                .collect();
            let (polarity, modality) = status::status(&ctx, t.range.0, t.pos);
            let quote = status::quote_of(&ctx, span);
            events.push(Event {
                span,
                kind: row.plover,
                subtype: row.name.clone(),
                actor,
                target,
                place: match p.place {
                    Some(r) => Some(Argument {
                        span: ctx.span(r),
                        name: None,
                    }),
                    None => place(&ctx, t.range, &taken).or_else(|| {
                        arg(args::place_phrase(&ctx, t.range)
                            .filter(|&r| !taken.iter().any(|s| s.overlaps(ctx.span(r)))))
                    }),
                },
                date: date(
                    &ctx,
                    t.range,
                    quote.map(|q| q.span),
                    modality != Modality::Asserted,
                ),
                figures,
                instrument,
                polarity,
                modality,
                source: status::source(quote),
            });
            ranges.push(t);
        }
        link::link(&ctx, &mut events, &ranges);
        events
    }
}

impl Annotator for EventAnnotator {
    fn name(&self) -> &'static str {
        "events"
    }

    fn needs(&self) -> &'static [LayerKind] {
        &[
            LayerKind::Tokens,
            LayerKind::Sentences,
            LayerKind::Entities,
            LayerKind::Timexes,
            LayerKind::Quotes,
            LayerKind::People,
            LayerKind::Figures,
            LayerKind::Places,
        ]
    }

    fn adds(&self) -> &'static [LayerKind] {
        &[LayerKind::Events]
    }
    fn languages(&self) -> &'static [&'static str] {
        // The trigger lexicon and the argument patterns are English.
        &["en"]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError> {
        let events = EventAnnotator::events(doc);
        doc.layers.events = Some(Layer::new(self.name(), events));
        Ok(())
    }
}
