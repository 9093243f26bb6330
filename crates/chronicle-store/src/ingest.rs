//! Writing annotated documents: one transaction per batch, one row per
//! annotation, offsets in code points (taken from the output view, so the
//! store and the JSON output can never disagree). The rows are built
//! beforehand, off the writer's thread when the caller wants
//! ([`PreparedArticle`]); here is only the SQLite work.
//!
//! The full-text indexes are filled once per batch, from the rows the batch
//! added (FTS5 flushes its pending terms at every statement that writes it,
//! so one statement per batch instead of one per sentence keeps the index
//! cheap to build); they are in the same transaction, so a crash never
//! leaves a sentence stored but unsearchable.

use crate::link::link_article;
use crate::link_index::{data_version, LinkIndex};
use crate::prepared::PreparedArticle;
use crate::{Store, StoreError};
use chronicle_core::Document;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Transaction};

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

impl Store {
    /// Stores a batch of annotated documents in one transaction.
    pub fn ingest(&mut self, docs: &[Document]) -> Result<IngestStats, StoreError> {
        let prepared = docs
            .iter()
            .map(PreparedArticle::new)
            .collect::<Result<Vec<_>, _>>()?;
        self.ingest_prepared(&prepared)
    }

    /// Stores a batch of prepared articles ([`PreparedArticle::new`], which
    /// needs no database and so can run on other threads) in one
    /// transaction.
    pub fn ingest_prepared(&mut self, docs: &[PreparedArticle]) -> Result<IngestStats, StoreError> {
        // Every reference a batch writes is the id of a row inserted or
        // read in the same transaction, so SQLite's per-row foreign key
        // checks (about a quarter of the cost of inserting the layer rows)
        // are left to the tests (`PRAGMA foreign_key_check` after ingests
        // with new versions and surname folds). The pragma does nothing
        // inside a transaction: it is set around it.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        // What linking knows of the stored entities is kept only from a
        // batch that committed (`link_index`).
        let kept = self.link_index.take();
        let written = write_batch(&mut self.conn, kept, docs);
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        let (stats, index) = written?;
        self.link_index = Some(index);
        Ok(stats)
    }
}

/// One transaction: the articles' rows, then their full-text entries.
/// `kept` is the link index of the last batch, used when no other
/// connection has written since; answers it as this batch leaves it.
fn write_batch(
    conn: &mut Connection,
    kept: Option<LinkIndex>,
    docs: &[PreparedArticle],
) -> Result<(IngestStats, LinkIndex), StoreError> {
    let tx = conn.transaction()?;
    let last = |table: &str| -> Result<i64, StoreError> {
        Ok(tx.query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )?)
    };
    let (last_sentence, last_quote) = (last("sentences")?, last("quotes")?);
    // Read once the transaction's snapshot is taken (the reads above).
    let version = data_version(&tx)?;
    let mut index = match kept {
        Some(index) if index.data_version == version => index,
        _ => LinkIndex::load(&tx)?,
    };
    let mut stats = IngestStats::default();
    for doc in docs {
        stats.add(insert(&tx, &mut index, doc)?);
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
    Ok((stats, index))
}

fn insert(
    tx: &Transaction,
    index: &mut LinkIndex,
    doc: &PreparedArticle,
) -> Result<IngestStats, StoreError> {
    let known: Option<i64> = tx
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([&doc.hash], |r| r.get(0))
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
    let version = Value::Integer(previous.map_or(1, |(_, v)| v + 1));
    let hash = Value::Text(doc.hash.clone());
    let a = &doc.article;
    tx.prepare_cached(
        "INSERT INTO articles (doc_id, url, title, source, language, date, body, metadata, layers, content_hash, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params_from_iter(a.iter().chain([&hash, &version])))?;
    let id = tx.last_insert_rowid();
    if let Some((old, _)) = previous {
        tx.prepare_cached("UPDATE articles SET superseded_by = ?1 WHERE id = ?2")?
            .execute([id, old])?;
    }
    insert_layers(tx, index, id, doc)?;
    crate::events::store_events(tx, id, &doc.events)?;
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

/// Inserts `rows` with `sql`, whose first parameter is the article and the
/// others each row's values, then `extra` (a link) when given.
fn insert_rows(
    tx: &Transaction,
    sql: &str,
    article: i64,
    rows: &[Vec<Value>],
    extra: Option<&[Option<i64>]>,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(sql)?;
    let article = Value::Integer(article);
    for (i, row) in rows.iter().enumerate() {
        let link = extra.map(|links| links[i].map_or(Value::Null, Value::Integer));
        stmt.execute(params_from_iter(
            std::iter::once(&article).chain(row).chain(link.as_ref()),
        ))?;
    }
    Ok(())
}

fn insert_layers(
    tx: &Transaction,
    index: &mut LinkIndex,
    id: i64,
    doc: &PreparedArticle,
) -> Result<(), StoreError> {
    insert_rows(
        tx,
        "INSERT INTO sentences (article, start, end, text) VALUES (?1, ?2, ?3, ?4)",
        id,
        &doc.sentences,
        None,
    )?;
    insert_rows(
        tx,
        "INSERT INTO timexes (article, start, end, text, type, value, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        id,
        &doc.timexes,
        None,
    )?;
    insert_rows(
        tx,
        "INSERT INTO figures (article, start, end, text, value, low, high, approx, unit, category, counted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        id,
        &doc.figures,
        None,
    )?;
    insert_rows(
        tx,
        "INSERT INTO places (article, start, end, text, name, geonameid, lat, lon, country, kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        id,
        &doc.places,
        None,
    )?;
    // The rows that point at canonical entities are written once linked.
    let links = link_article(tx, index, id, &doc.date, &doc.links)?;
    insert_rows(
        tx,
        "INSERT INTO entities (article, start, end, text, type, entity) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        id,
        &doc.entities,
        Some(&links.mentions),
    )?;
    insert_rows(
        tx,
        "INSERT INTO quotes (article, start, end, text, kind, cue, speaker, speaker_start, speaker_end, speaker_entity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        id,
        &doc.quotes,
        Some(&links.speakers),
    )?;
    insert_rows(
        tx,
        "INSERT INTO people (article, name, roles, mentions, entity) VALUES (?1, ?2, ?3, ?4, ?5)",
        id,
        &doc.people,
        Some(&links.people),
    )?;
    Ok(())
}
