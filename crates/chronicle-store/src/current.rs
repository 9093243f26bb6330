//! What a read sees: one snapshot of the database, its generation, and
//! which articles a newer version superseded.
//!
//! **Snapshot.** [`Store::snapshot`] runs a closure in one read
//! transaction: every statement in it sees the same state of the database,
//! and [`Store::generation`] is read once and kept until the transaction
//! ends, instead of once for every per-connection list a query consults.
//! The server runs each request in one. A snapshot opened inside another (or
//! inside a write transaction) joins it. Outside a snapshot each statement
//! sees the newest state, as it always did.
//!
//! **Current articles.** Queries answer from current articles only, but
//! `articles.superseded_by` sits after the body in the row, so reading it
//! walks the row's overflow pages: ~2 µs a row, more than the rest of the
//! work on a timeline or search row. The ids of the superseded articles
//! are kept instead, per connection, in the temporary table
//! `temp.superseded_articles`; a query tests `article NOT IN
//! temp.superseded_articles` — a probe into a table that is usually empty,
//! and no read of the article row at all when the query needs none of its
//! columns. [`Store::prepare`], through which every query statement is
//! prepared, brings the table up to date whenever the generation has moved,
//! reading only the articles stored since: a new version always shares its
//! URL with the article it supersedes (`ingest`), so the articles a new one
//! may have superseded are the older ones with its URL (an index seek),
//! each confirmed by its `superseded_by`.
//!
//! Invariants: articles are never deleted and a new one always gets an id
//! above every earlier one, so the articles stored since generation `g` are
//! those with an id above `g`; an article, once superseded, stays so. Should
//! the generation ever move back (another file at the path), the table is
//! rebuilt from scratch.

use crate::{Store, StoreError};
use rusqlite::CachedStatement;
use std::cell::Cell;

/// The temporary table of superseded article ids (created by
/// [`Store::open`] on each connection).
pub(crate) const CREATE_SUPERSEDED: &str =
    "CREATE TEMP TABLE IF NOT EXISTS superseded_articles (id INTEGER PRIMARY KEY)";

/// Per-connection state of reads: the snapshot open, the generation read in
/// it, and the generation up to which superseded articles were collected.
#[derive(Debug, Default)]
pub(crate) struct ReadState {
    in_snapshot: Cell<bool>,
    generation: Cell<Option<i64>>,
    superseded_seen: Cell<i64>,
}

/// Ends a snapshot when dropped, whatever the closure returned (or if it
/// panicked): the read transaction is committed and the kept generation
/// forgotten.
struct SnapshotEnd<'a>(&'a Store);

impl Drop for SnapshotEnd<'_> {
    fn drop(&mut self) {
        let store = self.0;
        store.reads.in_snapshot.set(false);
        store.reads.generation.set(None);
        if !store.conn.is_autocommit() {
            // A read transaction cannot fail to commit; should it, the
            // next BEGIN on this connection reports it.
            let _ = store
                .conn
                .prepare_cached("COMMIT")
                .and_then(|mut s| s.execute([]));
        }
    }
}

impl Store {
    /// Runs `f` in one read transaction: every statement sees one state of
    /// the database and its generation is read once. Inside a snapshot or a
    /// transaction already open, `f` simply runs in it.
    pub fn snapshot<T, E>(&self, f: impl FnOnce(&Store) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        if self.reads.in_snapshot.get() || !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn
            .prepare_cached("BEGIN")
            .and_then(|mut s| s.execute([]))
            .map_err(StoreError::from)?;
        self.reads.in_snapshot.set(true);
        let _end = SnapshotEnd(self);
        f(self)
    }

    /// The state of the data: the highest article id. Every change to the
    /// knowledge base stores an article, so answers computed at one
    /// generation hold until it changes. Read once per snapshot.
    pub fn generation(&self) -> Result<i64, StoreError> {
        if let Some(kept) = self.reads.generation.get() {
            return Ok(kept);
        }
        let generation = self
            .conn
            .prepare_cached("SELECT coalesce(max(id), 0) FROM articles")?
            .query_row([], |r| r.get(0))?;
        if self.reads.in_snapshot.get() {
            self.reads.generation.set(Some(generation));
        }
        Ok(generation)
    }

    /// A query statement, prepared (and kept) once, with
    /// `temp.superseded_articles` brought up to date for it.
    pub(crate) fn prepare(&self, sql: &str) -> Result<CachedStatement<'_>, StoreError> {
        self.collect_superseded()?;
        Ok(self.conn.prepare_cached(sql)?)
    }

    /// Adds the articles superseded since the last look to
    /// `temp.superseded_articles` (module doc).
    fn collect_superseded(&self) -> Result<(), StoreError> {
        let generation = self.generation()?;
        let seen = self.reads.superseded_seen.get();
        if generation == seen {
            return Ok(());
        }
        let seen = if generation < seen {
            self.conn
                .prepare_cached("DELETE FROM temp.superseded_articles")?
                .execute([])?;
            0
        } else {
            seen
        };
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO temp.superseded_articles (id)
                 SELECT o.id FROM articles n
                 JOIN articles o ON o.url = n.url AND o.id < n.id
                 WHERE n.id > ?1 AND n.url IS NOT NULL AND o.superseded_by IS NOT NULL",
            )?
            .execute([seen])?;
        self.reads.superseded_seen.set(generation);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;
    use chronicle_core::{Annotator, Date, Document};
    use chronicle_text::{SentenceSplitter, Tokenizer};

    fn doc(id: &str, url: &str, body: &str) -> Document {
        let mut d = Document::new(id, Date::from_ymd_opt(2022, 3, 16).unwrap(), body);
        d.url = Some(url.into());
        Tokenizer.annotate(&mut d).unwrap();
        SentenceSplitter.annotate(&mut d).unwrap();
        d
    }

    fn superseded(store: &Store) -> Vec<i64> {
        store.prepare("SELECT 1").unwrap();
        let mut stmt = store
            .conn
            .prepare("SELECT id FROM temp.superseded_articles ORDER BY id")
            .unwrap();
        let ids = stmt.query_map([], |r| r.get(0)).unwrap();
        ids.collect::<Result<_, _>>().unwrap()
    }

    #[test]
    fn superseded_articles_are_collected_as_versions_arrive_from_any_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        let mut writer = Store::open(&path).unwrap();
        let reader = Store::open(&path).unwrap();
        writer
            .ingest(&[
                doc("a", "https://x/a", "Ships sailed."),
                doc("b", "https://x/b", "Rain fell."),
            ])
            .unwrap();
        assert!(superseded(&reader).is_empty());
        // Two new versions of a in one batch: both older ones are superseded.
        writer
            .ingest(&[
                doc("a", "https://x/a", "Ships sailed at dawn."),
                doc("a", "https://x/a", "Ships sailed at dusk."),
            ])
            .unwrap();
        assert_eq!(superseded(&reader), [1, 3]);
        writer
            .ingest(&[doc("b", "https://x/b", "Snow fell.")])
            .unwrap();
        assert_eq!(superseded(&reader), [1, 2, 3]);
        assert_eq!(superseded(&writer), [1, 2, 3]);
    }

    #[test]
    fn a_reader_stops_answering_from_a_version_another_connection_superseded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        let mut writer = Store::open(&path).unwrap();
        let reader = Store::open(&path).unwrap();
        writer
            .ingest(&[doc("a", "https://x/a", "Ships sailed from Lisbon.")])
            .unwrap();
        let ships = |store: &Store| {
            let query = crate::SearchQuery {
                text: "ships".into(),
                limit: 10,
                ..Default::default()
            };
            let hits = store.snapshot(|s| s.search(&query)).unwrap();
            hits.into_iter().map(|h| h.highlighted).collect::<Vec<_>>()
        };
        assert_eq!(ships(&reader), ["[Ships] sailed from Lisbon."]);
        writer
            .ingest(&[doc("a", "https://x/a", "Ships sailed from Porto.")])
            .unwrap();
        assert_eq!(ships(&reader), ["[Ships] sailed from Porto."]);
        assert_eq!(reader.stats().unwrap().articles, 1);
    }

    #[test]
    fn a_snapshot_reads_the_generation_once_and_ends_its_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        let mut writer = Store::open(&path).unwrap();
        let reader = Store::open(&path).unwrap();
        writer
            .ingest(&[doc("a", "https://x/a", "Ships sailed.")])
            .unwrap();
        let seen = reader
            .snapshot(|s| {
                let before = s.generation()?;
                // Another connection stores an article meanwhile: the
                // snapshot still sees the state it started with.
                writer
                    .ingest(&[doc("b", "https://x/b", "Rain fell.")])
                    .unwrap();
                assert_eq!(s.article_count()?, 1);
                let nested = s.snapshot(|s| s.generation())?;
                Ok::<_, crate::StoreError>((before, nested, s.generation()?))
            })
            .unwrap();
        assert_eq!(seen, (1, 1, 1));
        assert!(reader.conn.is_autocommit(), "the transaction ended");
        assert_eq!(reader.generation().unwrap(), 2);
        let failed: Result<(), crate::StoreError> =
            reader.snapshot(|_| Err(crate::StoreError::Query("no".into())));
        assert!(failed.is_err());
        assert!(reader.conn.is_autocommit());
    }
}
