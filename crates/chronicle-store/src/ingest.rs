//! Writing annotated documents: one transaction per batch, one row per
//! annotation, offsets in code points (taken from the output view, so the
//! store and the JSON output can never disagree).
//!
//! The full-text indexes are filled once per batch, from the rows the batch
//! added (FTS5 flushes its pending terms at every statement that writes it,
//! so one statement per batch instead of one per sentence keeps the index
//! cheap to build); they are in the same transaction, so a crash never
//! leaves a sentence stored but unsearchable.

use crate::events::{serde_name, MentionRow};
use crate::link::{link_article, LinkInput, Mention, Person};
use crate::{Store, StoreError};
use chronicle_core::Document;
use chronicle_output::{Article, OutputOptions};
use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

/// What one ingest call did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestStats {
    /// Articles stored for the first time.
    pub added: u64,
    /// Articles whose text was already stored: nothing written.
    pub unchanged: u64,
    /// Changed texts at a known URL, stored as a new version.
    pub new_versions: u64,
}

impl IngestStats {
    pub fn add(&mut self, other: IngestStats) {
        self.added += other.added;
        self.unchanged += other.unchanged;
        self.new_versions += other.new_versions;
    }
}

fn content_hash(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Stores a batch of annotated documents in one transaction.
    pub fn ingest(&mut self, docs: &[Document]) -> Result<IngestStats, StoreError> {
        let tx = self.conn.transaction()?;
        let last = |table: &str| -> Result<i64, StoreError> {
            Ok(tx.query_row(
                &format!("SELECT coalesce(max(id), 0) FROM {table}"),
                [],
                |r| r.get(0),
            )?)
        };
        let (last_sentence, last_quote) = (last("sentences")?, last("quotes")?);
        let mut stats = IngestStats::default();
        for doc in docs {
            stats.add(insert(&tx, doc)?);
        }
        tx.prepare_cached(
            "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ?1",
        )?
        .execute([last_sentence])?;
        tx.prepare_cached(
            "INSERT INTO quotes_fts (rowid, text, speaker)
             SELECT id, text, coalesce(speaker, '') FROM quotes WHERE id > ?1",
        )?
        .execute([last_quote])?;
        tx.commit()?;
        Ok(stats)
    }
}

fn insert(tx: &Transaction, doc: &Document) -> Result<IngestStats, StoreError> {
    let hash = content_hash(doc.body());
    let known: Option<i64> = tx
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([&hash], |r| r.get(0))
        .optional()?;
    if known.is_some() {
        return Ok(IngestStats {
            unchanged: 1,
            ..IngestStats::default()
        });
    }
    let previous: Option<(i64, i64)> = match &doc.url {
        Some(url) => tx
            .prepare_cached(
                "SELECT id, version FROM articles WHERE url = ?1 AND superseded_by IS NULL ORDER BY version DESC LIMIT 1",
            )?
            .query_row([url], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?,
        None => None,
    };
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
    tx.prepare_cached(
        "INSERT INTO articles (doc_id, url, title, source, language, date, body, content_hash, version, metadata, layers)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        doc.id,
        doc.url,
        doc.title,
        doc.source,
        doc.language,
        article.date,
        doc.body(),
        hash,
        previous.map_or(1, |(_, v)| v + 1),
        metadata,
        layers,
    ])?;
    let id = tx.last_insert_rowid();
    if let Some((old, _)) = previous {
        tx.prepare_cached("UPDATE articles SET superseded_by = ?1 WHERE id = ?2")?
            .execute([id, old])?;
    }
    insert_layers(tx, id, doc, &article)?;
    if let Some(events) = &article.events {
        let mentions: Vec<_> = events.iter().map(MentionRow::of).collect();
        crate::events::store_events(tx, id, &article.date, &mentions)?;
    }
    Ok(if previous.is_some() {
        IngestStats {
            new_versions: 1,
            ..IngestStats::default()
        }
    } else {
        IngestStats {
            added: 1,
            ..IngestStats::default()
        }
    })
}

fn insert_layers(
    tx: &Transaction,
    id: i64,
    doc: &Document,
    article: &Article,
) -> Result<(), StoreError> {
    let body = doc.body();
    let mut sentence = tx.prepare_cached(
        "INSERT INTO sentences (article, start, end, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (s, out) in doc.layers.sentences().iter().zip(&article.sentences) {
        sentence.execute(params![id, out.start, out.end, s.span.text(body)])?;
    }
    let mut timex = tx.prepare_cached(
        "INSERT INTO timexes (article, start, end, text, type, value, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for t in article.timexes.iter().flatten() {
        let day = is_day(t.value).then_some(t.value);
        timex.execute(params![
            id,
            t.start,
            t.end,
            t.text,
            t.kind.label(),
            t.value,
            day
        ])?;
    }
    let mut figure = tx.prepare_cached(
        "INSERT INTO figures (article, start, end, text, value, low, high, approx, unit, category, counted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for f in article.figures.iter().flatten() {
        figure.execute(params![
            id,
            f.start,
            f.end,
            f.text,
            f.value,
            f.low,
            f.high,
            serde_name(f.approx),
            f.unit,
            serde_name(f.category),
            f.counted.as_ref().map(|c| c.text),
        ])?;
    }
    let mut place = tx.prepare_cached(
        "INSERT INTO places (article, start, end, text, name, geonameid, lat, lon, country, kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for p in article.places.iter().flatten() {
        let kind = serde_name(p.kind);
        place.execute(params![
            id,
            p.start,
            p.end,
            p.text,
            p.name,
            p.geonameid,
            p.lat,
            p.lon,
            p.country,
            kind
        ])?;
    }
    // The rows that point at canonical entities are written once linked.
    let links = link_article(tx, id, &article.date, &link_input(article))?;
    let mut entity = tx.prepare_cached(
        "INSERT INTO entities (article, start, end, text, type, entity) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (e, linked) in article.entities.iter().flatten().zip(&links.mentions) {
        entity.execute(params![id, e.start, e.end, e.text, e.kind.label(), linked])?;
    }
    let mut quote = tx.prepare_cached(
        "INSERT INTO quotes (article, start, end, text, kind, cue, speaker, speaker_start, speaker_end, speaker_entity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (q, linked) in article.quotes.iter().flatten().zip(&links.speakers) {
        let speaker = q.speaker.as_ref().map(|s| s.name);
        quote.execute(params![
            id,
            q.start,
            q.end,
            q.text,
            serde_name(q.kind),
            q.cue.as_ref().map(|c| c.text),
            speaker,
            q.speaker.as_ref().map(|s| s.start),
            q.speaker.as_ref().map(|s| s.end),
            linked,
        ])?;
    }
    let mut person = tx.prepare_cached(
        "INSERT INTO people (article, name, roles, mentions, entity) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (p, linked) in article.people.iter().flatten().zip(&links.people) {
        let roles = serde_json::to_string(p.roles).unwrap_or_default();
        let mentions = serde_json::to_string(&p.mentions).unwrap_or_default();
        person.execute(params![id, p.name, roles, mentions, linked])?;
    }
    Ok(())
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
