//! An annotated document made ready for the writer: every row it will add,
//! its JSON output, its content hash, the mention groups and name keys that
//! linking looks up, and its event mentions with their places resolved.
//!
//! [`PreparedArticle::new`] reads nothing from the database, so an ingest
//! builds it off the writer thread and leaves the one writer only the
//! SQLite work: lookups that depend on what is stored, and the writes.
//!
//! Invariant: the rows are exactly those the writer stores, in order, with
//! offsets in code points (taken from the output view, so the store and the
//! JSON output can never disagree); the links of entity mentions, people
//! and quote speakers are added by the writer once known.

use crate::events::{serde_name, PreparedEvent};
use crate::link::{LinkInput, Mention, Person, PreparedLinks};
use crate::StoreError;
use chronicle_core::Document;
use chronicle_output::{Article, OutputOptions};
use rusqlite::types::Value;
use sha2::{Digest, Sha256};

/// One article's rows and what linking and clustering need, built without
/// the database (see the module documentation).
#[derive(Debug)]
pub struct PreparedArticle {
    pub(crate) hash: String,
    pub(crate) url: Option<String>,
    /// `doc_id, url, title, source, language, date, body, metadata, layers`.
    pub(crate) article: Vec<Value>,
    pub(crate) date: String,
    /// `start, end, text`.
    pub(crate) sentences: Vec<Vec<Value>>,
    /// `start, end, text, type, value, day`.
    pub(crate) timexes: Vec<Vec<Value>>,
    /// `start, end, text, value, low, high, approx, unit, category, counted`.
    pub(crate) figures: Vec<Vec<Value>>,
    /// `start, end, text, name, geonameid, lat, lon, country, kind`.
    pub(crate) places: Vec<Vec<Value>>,
    /// `start, end, text, type` (the entity follows).
    pub(crate) entities: Vec<Vec<Value>>,
    /// `start, end, text, kind, cue, speaker, speaker_start, speaker_end`
    /// (the speaker's entity follows).
    pub(crate) quotes: Vec<Vec<Value>>,
    /// `name, roles, mentions` (the entity follows).
    pub(crate) people: Vec<Vec<Value>>,
    pub(crate) links: PreparedLinks,
    pub(crate) events: Vec<PreparedEvent>,
}

fn int(n: usize) -> Value {
    Value::Integer(n as i64)
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

fn opt<T>(v: Option<T>, f: impl FnOnce(T) -> Value) -> Value {
    v.map_or(Value::Null, f)
}

/// The name a value serialises to, as the JSON output writes it.
fn name<T: serde::Serialize>(value: T) -> Value {
    opt(serde_name(value), Value::Text)
}

/// The SHA-256 of a body, in hex: an article's identity.
pub(crate) fn content_hash(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a TIMEX3 value names one calendar day (`2022-03-13`).
fn is_day(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

impl PreparedArticle {
    /// Builds the rows of an annotated document.
    pub fn new(doc: &Document) -> Result<PreparedArticle, StoreError> {
        let mut article = Article::new(doc, OutputOptions::default());
        let json_err = |source| StoreError::Json {
            id: doc.id.clone(),
            source,
        };
        // The body has its own column; the layers keep an empty one.
        article.body = "";
        let layers = serde_json::to_string(&article).map_err(json_err)?;
        let metadata = if doc.metadata.is_empty() {
            None
        } else {
            Some(serde_json::to_string(&doc.metadata).map_err(json_err)?)
        };
        let body = doc.body();
        let sentences = doc
            .layers
            .sentences()
            .iter()
            .zip(&article.sentences)
            .map(|(s, out)| vec![int(out.start), int(out.end), text(s.span.text(body))])
            .collect();
        let timexes = article
            .timexes
            .iter()
            .flatten()
            .map(|t| {
                let day = is_day(t.value).then_some(t.value);
                vec![
                    int(t.start),
                    int(t.end),
                    text(t.text),
                    text(t.kind.label()),
                    text(t.value),
                    opt(day, text),
                ]
            })
            .collect();
        let figures = article
            .figures
            .iter()
            .flatten()
            .map(|f| {
                vec![
                    int(f.start),
                    int(f.end),
                    text(f.text),
                    Value::Real(f.value),
                    opt(f.low, Value::Real),
                    opt(f.high, Value::Real),
                    name(f.approx),
                    opt(f.unit, text),
                    name(f.category),
                    opt(f.counted.as_ref(), |c| text(c.text)),
                ]
            })
            .collect();
        let places = article
            .places
            .iter()
            .flatten()
            .map(|p| {
                vec![
                    int(p.start),
                    int(p.end),
                    text(p.text),
                    text(p.name),
                    opt(p.geonameid, |g| Value::Integer(g.into())),
                    opt(p.lat, Value::Real),
                    opt(p.lon, Value::Real),
                    opt(p.country, text),
                    name(p.kind),
                ]
            })
            .collect();
        let entities = article
            .entities
            .iter()
            .flatten()
            .map(|e| vec![int(e.start), int(e.end), text(e.text), text(e.kind.label())])
            .collect();
        let quotes = article
            .quotes
            .iter()
            .flatten()
            .map(|q| {
                let speaker = q.speaker.as_ref();
                vec![
                    int(q.start),
                    int(q.end),
                    text(q.text),
                    name(q.kind),
                    opt(q.cue.as_ref(), |c| text(c.text)),
                    opt(speaker, |s| text(s.name)),
                    opt(speaker, |s| int(s.start)),
                    opt(speaker, |s| int(s.end)),
                ]
            })
            .collect();
        let people = article
            .people
            .iter()
            .flatten()
            .map(|p| {
                let roles = serde_json::to_string(p.roles).unwrap_or_default();
                let mentions = serde_json::to_string(&p.mentions).unwrap_or_default();
                vec![text(p.name), Value::Text(roles), Value::Text(mentions)]
            })
            .collect();
        let links = PreparedLinks::of(&link_input(&article));
        let resolved: Vec<_> = article
            .places
            .iter()
            .flatten()
            .map(|p| (p.start as i64, p.end as i64, p.name, p.lat.zip(p.lon)))
            .collect();
        let events = article
            .events
            .iter()
            .flatten()
            .map(|e| PreparedEvent::new(crate::events::MentionRow::of(e), &article.date, &resolved))
            .collect();
        Ok(PreparedArticle {
            hash: content_hash(body),
            url: doc.url.clone(),
            article: vec![
                text(&doc.id),
                opt(doc.url.as_deref(), text),
                opt(doc.title.as_deref(), text),
                opt(doc.source.as_deref(), text),
                opt(doc.language.as_deref(), text),
                text(&article.date),
                text(body),
                opt(metadata, Value::Text),
                Value::Text(layers),
            ],
            date: article.date.clone(),
            sentences,
            timexes,
            figures,
            places,
            entities,
            quotes,
            people,
            links,
            events,
        })
    }
}

/// What linking reads of an article being stored: its rows as they will
/// be written.
fn link_input(article: &Article) -> LinkInput {
    let span = |start: usize, end: usize| [start as i64, end as i64];
    LinkInput {
        mentions: article
            .entities
            .iter()
            .flatten()
            .map(|e| Mention {
                start: e.start as i64,
                end: e.end as i64,
                text: e.text.to_owned(),
                kind: e.kind.label().to_owned(),
            })
            .collect(),
        people: article
            .people
            .iter()
            .flatten()
            .map(|p| Person {
                name: p.name.to_owned(),
                roles: p.roles.to_vec(),
                spans: p.mentions.iter().map(|m| span(m[0], m[1])).collect(),
            })
            .collect(),
        places: article
            .places
            .iter()
            .flatten()
            .filter_map(|p| Some((p.start as i64, p.end as i64, i64::from(p.geonameid?))))
            .collect(),
        speakers: article
            .quotes
            .iter()
            .flatten()
            .map(|q| q.speaker.as_ref().map(|s| s.name.to_owned()))
            .collect(),
    }
}
