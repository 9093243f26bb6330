//! This crate provides chronicle's knowledge base: an embedded SQLite
//! database (bundled, WAL mode) holding articles and every annotation layer,
//! with full-text search over sentences and quotes.
//!
//! - [`Store::open`] creates or migrates a database and refuses one written
//!   by a newer chronicle.
//! - [`Store::ingest`] writes a batch of annotated documents in one
//!   transaction: a crash loses at most the batch in flight and never leaves
//!   half an article. Re-ingesting the same text changes nothing (identity
//!   by content hash); a changed text at a known URL becomes a new version,
//!   the old one kept and marked superseded.
//!   Each article's mentions are linked to canonical entities across
//!   articles (`link`): one person, organisation or place with its aliases
//!   and roles over time. Event mentions join the cluster of mentions that
//!   report the same real-world event (`cluster`, `events`).
//! - [`Store::search`], [`Store::quotes`], [`Store::timeline`], [`Store::events`],
//!   [`Store::figures`] and [`Store::entity_profile`] answer queries; every
//!   result type is `serde::Serialize` and result counts are bounded by
//!   [`MAX_LIMIT`]. Each list query takes a place filter
//!   ([`Store::resolve_place`] says which place a name stands for; module
//!   `place_filter`).
//!
//! Offsets in the database are code points into each article's body, as in
//! the JSON output (`docs/SCHEMA.md`).

mod browse;
mod cluster;
mod current;
mod events;
mod figures;
mod ingest;
mod kept;
mod link;
mod link_index;
mod load_lock;
mod mention_texts;
mod names;
mod place_filter;
mod prepared;
mod profile;
mod query;
mod roles;
mod schema;

pub use browse::{
    ArticleListQuery, ArticleSummary, ArticleView, PlaceCount, SpeakerCount, StoreStats,
};
pub use events::{EventEvidence, EventHit, EventQuery};
pub use figures::{FigureHit, FigureQuery};
pub use ingest::IngestStats;
pub use place_filter::{PlaceMatch, PlaceSummary};
pub use prepared::PreparedArticle;
pub use profile::{
    Alias, EntityProfile, EntityQuery, EntitySummary, MonthCount, Neighbour, RoleSpan,
};
pub use query::{
    QuoteHit, QuoteQuery, SearchHit, SearchQuery, TimelineHit, TimelineQuery, MAX_LIMIT,
};
pub use schema::SCHEMA_VERSION;

use rusqlite::Connection;
use std::path::Path;
use thiserror::Error;

/// A store operation failed.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database {path} has schema version {found}, newer than this chronicle supports ({supported}): upgrade chronicle")]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("encoding article {id}: {source}")]
    Json {
        id: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("bad query: {0}")]
    Query(String),
}

/// An open knowledge base.
pub struct Store {
    conn: Connection,
    /// Distinct mention texts for name lookups (`mention_texts`).
    mention_texts: kept::PerGeneration<mention_texts::TextList>,
    /// Distinct quote speakers, likewise.
    speaker_texts: kept::PerGeneration<mention_texts::TextList>,
    /// The places of current articles, for place filters (`place_filter`).
    place_directory: kept::PerGeneration<place_filter::PlaceDirectory>,
    /// Distinct event actors, targets and sources, likewise.
    event_arguments: kept::PerGeneration<mention_texts::TextList>,
    /// Roles and the entities holding them (`roles`).
    roles: kept::PerGeneration<roles::RoleIndex>,
    /// The snapshot open and the superseded articles collected (`current`).
    reads: current::ReadState,
    /// What linking knows of the stored entities, kept between ingest
    /// batches (`link_index`).
    link_index: Option<link_index::LinkIndex>,
    /// The database file, and the lock a bulk load holds on its side file
    /// (`load_lock`).
    path: std::path::PathBuf,
    load_lock: Option<load_lock::LoadLock>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // Ingest and the queries use a few dozen statements: keep them all
        // prepared (the default cache of 16 re-prepares some every article).
        conn.set_prepared_statement_cache_capacity(64);
        // 16 MB of page cache (default 2 MB): a batch of articles touches
        // many index pages, and spilling them mid-transaction costs writes.
        conn.pragma_update(None, "cache_size", -16000)?;
        schema::migrate(&mut conn, &path.display().to_string())?;
        // The indexes a running bulk load deferred are its to build; those
        // of a load that was killed are built here.
        if !load_lock::load_running(path) {
            schema::ensure_indexes(&mut conn)?;
        }
        conn.execute_batch(current::CREATE_SUPERSEDED)?;
        Ok(Store {
            conn,
            mention_texts: Default::default(),
            speaker_texts: Default::default(),
            place_directory: Default::default(),
            event_arguments: Default::default(),
            roles: Default::default(),
            reads: Default::default(),
            link_index: None,
            path: path.to_owned(),
            load_lock: None,
        })
    }

    /// Starts a bulk load: when the database holds no article yet, the
    /// secondary indexes only queries read are dropped until
    /// [`Store::finish_bulk_load`] builds them (or, should the load be
    /// interrupted, the next [`Store::open`]). Answers whether it dropped
    /// them; a database with articles is left as it is. Until the load
    /// ends, other connections opening the database leave the indexes
    /// missing (`load_lock`).
    pub fn begin_bulk_load(&mut self) -> Result<bool, StoreError> {
        let lock = load_lock::LoadLock::take(&self.path)?;
        let dropped = schema::drop_deferrable_indexes(&mut self.conn)?;
        self.load_lock = dropped.then_some(lock);
        Ok(dropped)
    }

    /// Ends a bulk load: builds the indexes [`Store::begin_bulk_load`]
    /// dropped (nothing when none is missing).
    pub fn finish_bulk_load(&mut self) -> Result<(), StoreError> {
        schema::ensure_indexes(&mut self.conn)?;
        self.load_lock = None;
        Ok(())
    }

    /// Number of articles stored (all versions).
    pub fn article_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))?
            as u64)
    }
}

#[cfg(test)]
mod events_tests;
#[cfg(test)]
mod place_filter_tests;
#[cfg(test)]
mod tests;
