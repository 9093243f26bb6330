//! The events layer's annotation type: who did what to whom, where, when
//! and how many, as the text says it.
//!
//! An [`Event`] is anchored on its trigger (a verb or noun phrase such as
//! "attack", "raining missiles down", "meeting"); every argument is a span of
//! the same body, with a canonical name when another layer resolved it (a
//! person's full name, a place's gazetteer name). The event type is a PLOVER
//! root type ([`EventType`]); `subtype` names the finer kind of the repo's
//! event table (`crates/chronicle-events/data/event_types.tsv`), from which
//! the KAIROS and AIDA types of the evaluation data follow.
//!
//! Invariants (checked by [`crate::validate`]): triggers are non-empty,
//! sorted and disjoint; every argument span lies inside the body on
//! character boundaries.

use crate::Span;
use serde::{Deserialize, Serialize};

/// PLOVER root event types (Halterman et al., "PLOVER and POLECAT", 2023),
/// plus `Other` for events of the table outside them (deaths without a
/// stated attack, transport, trials, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Demand,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    Fight,
    Other,
}

impl EventType {
    pub const ALL: [EventType; 18] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Demand,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
        EventType::Fight,
        EventType::Other,
    ];

    /// The PLOVER name: `ASSAULT`, `MOBILIZE`, …, `OTHER`.
    pub fn label(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Demand => "DEMAND",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
            EventType::Fight => "FIGHT",
            EventType::Other => "OTHER",
        }
    }

    /// Parses a PLOVER name.
    pub fn from_label(label: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.label() == label)
    }
}

/// Whether the text asserts that the event happened or denies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Positive,
    /// "NATO will not fight in Ukraine", "the strike did not disrupt …".
    Negative,
}

/// How the text commits to the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Said to have happened or to be happening.
    Asserted,
    /// Announced, planned, expected or demanded: "will discuss".
    Future,
    /// Possible or hypothetical: "could force", "if there was a misfire".
    Possible,
}

/// An argument of an event: the span that says it, and a canonical name
/// when a layer resolved it ("Jens Stoltenberg" for "he", "Ukraine" for
/// "western Ukraine").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Argument {
    pub span: Span,
    pub name: Option<String>,
}

/// When an event happened: the temporal expression that says it and its
/// TIMEX3 value (which may be inherited from an earlier mention of the same
/// event, so the span can lie in another sentence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    pub span: Span,
    pub value: String,
}

/// One event mention with its arguments and status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The trigger: "attack", "raining missiles down", "meeting".
    pub span: Span,
    pub kind: EventType,
    /// The row of the event table: `airstrike`, `die`, `deploy`, `meet`, …
    pub subtype: String,
    /// Who did it.
    pub actor: Option<Argument>,
    /// To whom or what.
    pub target: Option<Argument>,
    pub place: Option<Argument>,
    pub date: Option<EventDate>,
    /// Spans of the figures layer counted by the event ("at least 35").
    pub figures: Vec<Span>,
    /// With what: "missiles", "MiG-29 fighter planes".
    pub instrument: Option<Argument>,
    pub polarity: Polarity,
    pub modality: Modality,
    /// Who claims it, when the event is only reported by someone.
    pub source: Option<Argument>,
}

impl Event {
    /// Every argument span, for checks and output.
    pub fn argument_spans(&self) -> impl Iterator<Item = Span> + '_ {
        [
            &self.actor,
            &self.target,
            &self.place,
            &self.instrument,
            &self.source,
        ]
        .into_iter()
        .flatten()
        .map(|a| a.span)
        .chain(self.date.iter().map(|d| d.span))
        .chain(self.figures.iter().copied())
    }
}
