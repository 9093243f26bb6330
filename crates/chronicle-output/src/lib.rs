//! This crate provides chronicle's output contract (schema version
//! [`SCHEMA_VERSION`], documented in `docs/SCHEMA.md`): an annotated
//! [`Document`] as JSON, and as a readable text summary for a person.
//!
//! Every `start` / `end` written here is a half-open range of Unicode code
//! points into `body`, so `body[start:end]` in Python gives the text; the
//! conversion from in-memory byte offsets happens here and nowhere else.

mod events;
mod json;
mod text;

pub use events::{ArgumentOut, EventDateOut, EventOut};
pub use json::{
    write_json, AnchorOut, Article, EntityOut, OutputOptions, SpanOut, TimexOut, TokenOut,
};
pub use text::write_text;

/// Version of the output schema. Adding a field keeps it; renaming or
/// removing one bumps it.
pub const SCHEMA_VERSION: u32 = 1;

pub use chronicle_core::Document;
