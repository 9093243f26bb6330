//! Typed annotation layers over a document body.
//!
//! Each layer is a sorted `Vec` of annotations plus the name of the
//! annotator that made it. Layers are added in dependency order
//! (tokens → sentences → entities → times → quotes → figures → places →
//! events); [`LayerKind`] names them so annotators can declare what they need
//! and add. Invariants (checked by [`crate::validate`]): every span lies on
//! character boundaries of the body; items are sorted by `(start, end)`;
//! tokens and sentences do not overlap; sentences are made of whole tokens.

use crate::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of layer a document can carry, in pipeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LayerKind {
    Tokens,
    Sentences,
    Entities,
    Timexes,
    Quotes,
    People,
    Figures,
    Places,
    Events,
}

impl LayerKind {
    pub const ALL: [LayerKind; 9] = [
        LayerKind::Tokens,
        LayerKind::Sentences,
        LayerKind::Entities,
        LayerKind::Timexes,
        LayerKind::Quotes,
        LayerKind::People,
        LayerKind::Figures,
        LayerKind::Places,
        LayerKind::Events,
    ];

    /// The name used in output (`"tokens"`, `"sentences"`, …).
    pub fn name(self) -> &'static str {
        match self {
            LayerKind::Tokens => "tokens",
            LayerKind::Sentences => "sentences",
            LayerKind::Entities => "entities",
            LayerKind::Timexes => "timexes",
            LayerKind::Quotes => "quotes",
            LayerKind::People => "people",
            LayerKind::Figures => "figures",
            LayerKind::Places => "places",
            LayerKind::Events => "events",
        }
    }
}

impl fmt::Display for LayerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One layer: its annotations, sorted by span, and who made them.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer<T> {
    /// Name of the annotator that produced this layer.
    pub producer: &'static str,
    pub items: Vec<T>,
}

impl<T> Layer<T> {
    pub fn new(producer: &'static str, items: Vec<T>) -> Layer<T> {
        Layer { producer, items }
    }
}

/// What a token is, as far as the tokenizer can tell from its characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, apostrophes or abbreviation
    /// periods: `NATO`, `MiG-29`, `U.S.`, `Gen.`, `’s`.
    Word,
    /// Starts with a digit: `100,000`, `3.5`, `30-member`, `3/16/22`, `1990s`.
    Number,
    /// Sentence and clause punctuation: `.` `,` `;` `:` `!` `?` `…` `—` `(`.
    Punct,
    /// A quotation mark, straight or curly, single or double.
    Quote,
    /// Currency, percent and other symbols: `$` `%` `&` `€` `+`.
    Symbol,
    Url,
    Email,
}

/// A token: a span with no white space inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A sentence: a run of whole tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index of the sentence's first token in the tokens layer.
    pub first_token: u32,
    /// One past the index of its last token.
    pub end_token: u32,
}

impl Sentence {
    pub fn token_range(&self) -> std::ops::Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

/// The four CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    #[serde(rename = "PER")]
    Person,
    #[serde(rename = "ORG")]
    Organization,
    #[serde(rename = "LOC")]
    Location,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Misc,
    ];

    /// The CoNLL label: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organization => "ORG",
            EntityType::Location => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses a CoNLL label.
    pub fn from_label(label: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.label() == label)
    }
}

/// A named entity mention; it starts and ends on token boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityType,
}

/// TimeML TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// The TimeML name: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn label(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// What a relative temporal expression was resolved against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimexAnchor {
    /// The document's publication date ("yesterday", "on Tuesday").
    PublicationDate,
    /// An earlier temporal expression of the text, by its span ("a day
    /// earlier" after "Sunday").
    Timex(Span),
}

/// A temporal expression with its TimeML type and normalised value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// The TIMEX3 `value`, exactly as TimeML writes it: `2022-03-13`,
    /// `2022-W10`, `P2M`, `PRESENT_REF`, `XXXX-WI`, `2022-03-16T15:00`.
    pub value: String,
    /// Set when the value was computed from another date.
    pub anchor: Option<TimexAnchor>,
}

/// How a figure's number relates to the true count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    Exact,
    AtLeast,
    MoreThan,
    LessThan,
    About,
    Nearly,
    UpTo,
    /// A range: `low` and `high` are set ("between 30 and 40", "dozens").
    Range,
}

/// What a figure counts, where the text says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureCategory {
    Killed,
    Injured,
    Missing,
    Arrested,
    Displaced,
    Troops,
    Money,
    Distance,
    Percent,
    Other,
}

/// A number with what it counts: "at least 35 people killed".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The number expression with its qualifier ("at least 35").
    pub span: Span,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub approx: Approx,
    /// Currency code, unit of measure or `percent`.
    pub unit: Option<String>,
    pub category: FigureCategory,
    /// The counted noun phrase ("people", "U.S. troops").
    pub counted: Option<Span>,
    /// Whose: "U.S." in "100,000 U.S. troops".
    pub of: Option<Span>,
    /// Where: "in Europe".
    pub place: Option<Span>,
}

/// Direct quotation, a quoted fragment inside a sentence, or reported
/// (indirect) speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Partial,
    Reported,
}

/// Who said a quote: a canonical name and the mention that introduces the
/// quote (which may be "he").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub mention: Span,
}

/// A quotation or reported speech with its cue and speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted content (for direct quotes, inside the marks).
    pub span: Span,
    pub kind: QuoteKind,
    /// The cue: "said", "according to", "warned".
    pub cue: Option<Span>,
    /// `None` when the speaker cannot be determined: no guess.
    pub speaker: Option<Speaker>,
}

/// A person of the article: canonical full name, roles as written, and
/// every mention (names, surnames, pronouns that refer to them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub roles: Vec<String>,
    /// Sorted by start.
    pub mentions: Vec<Span>,
}

/// How a place name is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// The place itself: "in Poland".
    Literal,
    /// An adjective or demonym of the place: "Polish", "Ukrainians".
    Demonym,
    /// The name stands for something else: "Washington said" (a
    /// government), "the Kremlin warned".
    Metonym,
}

/// A phrase locating something relative to a place: "western Ukraine",
/// "near the Polish border", "15 miles from", "north of Kyiv".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRelation {
    /// The whole phrase.
    pub span: Span,
    /// `western`, `eastern`, `near`, `border`, `north_of`, `from`, `within`, …
    pub relation: String,
    /// A stated distance and its unit ("15", "mile").
    pub distance: Option<f64>,
    pub unit: Option<String>,
}

/// A place mention resolved (when possible) to a gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub span: Span,
    /// The gazetteer's name of the place ("Poland" for "Polish").
    pub name: String,
    pub geonameid: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// First-level administrative region (state, province), by name.
    pub admin1: Option<String>,
    pub kind: PlaceKind,
    pub relation: Option<PlaceRelation>,
    /// Confidence of the resolution, 0 to 1.
    pub confidence: f32,
}

/// All layers of a document. A layer that no annotator has added is `None`.
///
/// Later layers (entities, timexes, …) join here as fields of their own type,
/// so each consumer reads a typed layer without downcasting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layers {
    pub tokens: Option<Layer<Token>>,
    pub sentences: Option<Layer<Sentence>>,
    pub entities: Option<Layer<Entity>>,
    pub timexes: Option<Layer<Timex>>,
    pub quotes: Option<Layer<Quote>>,
    pub people: Option<Layer<Person>>,
    pub figures: Option<Layer<Figure>>,
    pub places: Option<Layer<Place>>,
    pub events: Option<Layer<crate::Event>>,
}

impl Layers {
    /// Whether the layer of this kind is present.
    pub fn has(&self, kind: LayerKind) -> bool {
        self.producer(kind).is_some()
    }

    /// The annotator that made the layer of this kind, if present.
    pub fn producer(&self, kind: LayerKind) -> Option<&'static str> {
        match kind {
            LayerKind::Tokens => self.tokens.as_ref().map(|l| l.producer),
            LayerKind::Sentences => self.sentences.as_ref().map(|l| l.producer),
            LayerKind::Entities => self.entities.as_ref().map(|l| l.producer),
            LayerKind::Timexes => self.timexes.as_ref().map(|l| l.producer),
            LayerKind::Quotes => self.quotes.as_ref().map(|l| l.producer),
            LayerKind::People => self.people.as_ref().map(|l| l.producer),
            LayerKind::Figures => self.figures.as_ref().map(|l| l.producer),
            LayerKind::Places => self.places.as_ref().map(|l| l.producer),
            LayerKind::Events => self.events.as_ref().map(|l| l.producer),
        }
    }

    /// The tokens, or an empty slice when the layer is absent.
    pub fn tokens(&self) -> &[Token] {
        self.tokens.as_ref().map_or(&[], |l| &l.items)
    }

    /// The sentences, or an empty slice when the layer is absent.
    pub fn sentences(&self) -> &[Sentence] {
        self.sentences.as_ref().map_or(&[], |l| &l.items)
    }

    /// The entities, or an empty slice when the layer is absent.
    pub fn entities(&self) -> &[Entity] {
        self.entities.as_ref().map_or(&[], |l| &l.items)
    }

    /// The temporal expressions, or an empty slice when the layer is absent.
    pub fn timexes(&self) -> &[Timex] {
        self.timexes.as_ref().map_or(&[], |l| &l.items)
    }

    /// The quotes, or an empty slice when the layer is absent.
    pub fn quotes(&self) -> &[Quote] {
        self.quotes.as_ref().map_or(&[], |l| &l.items)
    }

    /// The people, or an empty slice when the layer is absent.
    pub fn people(&self) -> &[Person] {
        self.people.as_ref().map_or(&[], |l| &l.items)
    }

    /// The places, or an empty slice when the layer is absent.
    pub fn places(&self) -> &[Place] {
        self.places.as_ref().map_or(&[], |l| &l.items)
    }

    /// The figures, or an empty slice when the layer is absent.
    pub fn figures(&self) -> &[Figure] {
        self.figures.as_ref().map_or(&[], |l| &l.items)
    }

    /// The events, or an empty slice when the layer is absent.
    pub fn events(&self) -> &[crate::Event] {
        self.events.as_ref().map_or(&[], |l| &l.items)
    }
}
