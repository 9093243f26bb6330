//! This crate provides chronicle's core model, the part every other crate
//! stands on and that changes rarely:
//!
//! - [`Span`]: a half-open byte range into a document body;
//! - [`Document`]: an article's identity, publication date, metadata and its
//!   body text, kept exactly as read, plus typed annotation [`Layers`];
//! - [`Annotator`]: one stage of the pipeline, declaring which layers it
//!   needs and which it adds;
//! - [`validate`]: the single check of every invariant a document must keep;
//! - [`CharOffsets`]: the conversion from in-memory byte offsets to the
//!   Unicode code-point offsets that every output uses.
//!
//! ```
//! use chronicle_core::{Document, Date, Span};
//! let doc = Document::new("d1", Date::from_ymd_opt(2022, 3, 16).unwrap(), "NATO’s ministers met.");
//! let span = Span::new(0, 4);
//! assert_eq!(span.text(doc.body()), "NATO");
//! ```

mod annotator;
mod chars;
mod date;
mod document;
mod event;
mod language;
mod layer;
pub mod metrics;
mod offsets;
mod span;
mod validate;

pub use annotator::{AnnotateError, Annotator};
pub use chars::is_space;
pub use date::{
    is_month_name, is_weekday_name, parse_date, parse_publication_date, Date, DateError, MAX_YEAR,
    MIN_YEAR,
};
pub use document::{Document, Origin};
pub use event::{Argument, Event, EventDate, EventType, Modality, Polarity};
pub use language::iso_639_1;
pub use layer::{
    Approx, Entity, EntityType, Figure, FigureCategory, Layer, LayerKind, Layers, Person, Place,
    PlaceKind, PlaceRelation, Quote, QuoteKind, Sentence, Speaker, Timex, TimexAnchor, TimexType,
    Token, TokenKind,
};
pub use offsets::CharOffsets;
pub use span::Span;
pub use validate::{validate, Violation};
