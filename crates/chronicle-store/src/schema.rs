//! The database schema and its versions.
//!
//! The version lives in SQLite's `user_version`. Opening a database runs the
//! migrations from its version up to [`SCHEMA_VERSION`] in one transaction;
//! a database written by a newer chronicle is refused, never touched.
//! Offsets stored in every table are Unicode code points into the article's
//! `body`, as in the JSON output.
//!
//! - Version 1: articles and one table per layer, FTS5 over sentences and
//!   quotes.
//! - Version 2: canonical entities across articles (`canonical`, their
//!   lookup names in `entity_names`, `entity_roles` over time) and a link
//!   from every entity mention, person and quote speaker to one of them.
//!   Migrating from 1 links every stored article.
//! - Version 3: events (`events`, one row per mention with its arguments)
//!   and `event_clusters`, one per real-world event reported by one or more
//!   mentions. Migrating from 2 reads the events of every stored article's
//!   layers.
//! - Version 4: indexes only, for the queries: mentions by article and
//!   position (replacing the index by article alone), so "the mentions in
//!   this sentence" is a seek; event mentions by actor, target and source;
//!   places by GeoNames id and by country for the place filters of every
//!   query (`place_filter`).
//! - Version 5: indexes no query reads are dropped, so ingest no longer
//!   keeps them: `sentences_article` (a prefix of `sentences_article_start`),
//!   `people_name` and `people_article` (no query reads `people`), and
//!   `places_article` (only the migrations to versions 2 and 3 read places
//!   by article, and they run before this one).

use crate::{events, link, StoreError};
use rusqlite::{Connection, Transaction};

/// The schema this build writes.
pub const SCHEMA_VERSION: i64 = 5;

type Migration = fn(&Transaction) -> Result<(), StoreError>;

/// Each entry migrates from version `i` to `i + 1`.
const MIGRATIONS: &[Migration] = &[
    |tx| Ok(tx.execute_batch(VERSION_1)?),
    |tx| {
        tx.execute_batch(VERSION_2)?;
        link::link_all(tx)
    },
    |tx| {
        tx.execute_batch(VERSION_3)?;
        events::store_all(tx)
    },
    |tx| Ok(tx.execute_batch(VERSION_4)?),
    |tx| Ok(tx.execute_batch(VERSION_5)?),
];

/// The first schema, kept as it was: databases written by it are migrated.
const VERSION_1: &str = r#"
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL,
    url           TEXT,
    title         TEXT,
    source        TEXT,
    language      TEXT,
    date          TEXT NOT NULL,            -- publication date, YYYY-MM-DD
    body          TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,     -- sha-256 of the body: re-ingesting it changes nothing
    version       INTEGER NOT NULL,         -- 1, 2, … for changed texts at the same URL
    superseded_by INTEGER REFERENCES articles(id),
    metadata      TEXT,                     -- JSON
    layers        TEXT NOT NULL,            -- the article's JSON output (schema_version 1) without the body
    ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_date ON articles(date);

CREATE TABLE sentences (
    id      INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL
);
CREATE INDEX sentences_article ON sentences(article);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE entities (
    article INTEGER NOT NULL REFERENCES articles(id),
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT NOT NULL
);
CREATE INDEX entities_text ON entities(text);
CREATE INDEX entities_article ON entities(article);

CREATE TABLE timexes (
    article INTEGER NOT NULL REFERENCES articles(id),
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT NOT NULL,
    value   TEXT NOT NULL,
    day     TEXT                              -- YYYY-MM-DD when the value names one day
);
CREATE INDEX timexes_day ON timexes(day);

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    article       INTEGER NOT NULL REFERENCES articles(id),
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    cue           TEXT,
    speaker       TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER
);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE people (
    article  INTEGER NOT NULL REFERENCES articles(id),
    name     TEXT NOT NULL,
    roles    TEXT NOT NULL,                   -- JSON array
    mentions TEXT NOT NULL                    -- JSON array of [start, end]
);
CREATE INDEX people_name ON people(name);

CREATE TABLE figures (
    article  INTEGER NOT NULL REFERENCES articles(id),
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    value    REAL NOT NULL,
    low      REAL,
    high     REAL,
    approx   TEXT NOT NULL,
    unit     TEXT,
    category TEXT NOT NULL,
    counted  TEXT
);
CREATE INDEX figures_category ON figures(category);

CREATE TABLE places (
    article    INTEGER NOT NULL REFERENCES articles(id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    name       TEXT NOT NULL,
    geonameid  INTEGER,
    lat        REAL,
    lon        REAL,
    country    TEXT,
    kind       TEXT NOT NULL
);
CREATE INDEX places_name ON places(name);
"#;

const VERSION_2: &str = r#"
-- One row per person, organisation, place or other name across articles.
CREATE TABLE canonical (
    id      INTEGER PRIMARY KEY,
    type    TEXT NOT NULL,                  -- PER, ORG, LOC, MISC
    name    TEXT NOT NULL,                  -- the fullest name seen
    key     TEXT NOT NULL,                  -- normalised name, or geonames:ID for a resolved place
    surname TEXT,                           -- a person known by a full name: the last word of `key`
    UNIQUE (type, key)
);
CREATE INDEX canonical_surname ON canonical(surname) WHERE surname IS NOT NULL;

-- Normalised names that lead to an entity (its names and aliases).
CREATE TABLE entity_names (
    key    TEXT NOT NULL,
    type   TEXT NOT NULL,
    entity INTEGER NOT NULL REFERENCES canonical(id),
    PRIMARY KEY (key, type, entity)
) WITHOUT ROWID;
CREATE INDEX entity_names_entity ON entity_names(entity);

-- A role held by a person in an article ("NATO Secretary General").
CREATE TABLE entity_roles (
    entity  INTEGER NOT NULL REFERENCES canonical(id),
    role    TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id),
    date    TEXT NOT NULL
);
CREATE INDEX entity_roles_entity ON entity_roles(entity);

ALTER TABLE entities ADD COLUMN entity INTEGER REFERENCES canonical(id);
CREATE INDEX entities_entity ON entities(entity);
ALTER TABLE people ADD COLUMN entity INTEGER REFERENCES canonical(id);
CREATE INDEX people_article ON people(article);
ALTER TABLE quotes ADD COLUMN speaker_entity INTEGER REFERENCES canonical(id);
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX places_article ON places(article);
CREATE INDEX figures_article ON figures(article);
-- Range joins ("the sentence holding this span") seek by article and start.
CREATE INDEX sentences_article_start ON sentences(article, start);
CREATE INDEX timexes_article_start ON timexes(article, start);
"#;

const VERSION_3: &str = r#"
-- One real-world event, reported by one or more mentions.
CREATE TABLE event_clusters (
    id         INTEGER PRIMARY KEY,
    type       TEXT NOT NULL,                -- PLOVER type: ASSAULT, CONSULT, …
    day        TEXT NOT NULL,                -- YYYY-MM-DD it happened (or was first reported, see dated)
    dated      INTEGER NOT NULL,             -- 1 when a report dates it
    day_number INTEGER NOT NULL,             -- days since 1970-01-01, for matching
    place      TEXT,
    lat        REAL,
    lon        REAL,
    actor      TEXT,
    target     TEXT,
    sketch     TEXT NOT NULL                 -- JSON summary the clustering compares (cluster.rs)
);
CREATE INDEX event_clusters_type_day ON event_clusters(type, day_number);
CREATE INDEX event_clusters_day ON event_clusters(day);

-- An event mention: trigger span and arguments (names resolved where the
-- layers resolved them), in its cluster.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    article    INTEGER NOT NULL REFERENCES articles(id),
    cluster    INTEGER NOT NULL REFERENCES event_clusters(id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    subtype    TEXT NOT NULL,
    actor      TEXT,
    target     TEXT,
    place      TEXT,
    instrument TEXT,
    source     TEXT,
    date_text  TEXT,
    day        TEXT,                         -- YYYY-MM-DD when the text dates it
    polarity   TEXT NOT NULL,
    modality   TEXT NOT NULL,
    figures    TEXT NOT NULL                 -- JSON array of the figures as written
);
CREATE INDEX events_article ON events(article, start);
CREATE INDEX events_cluster ON events(cluster);
"#;

const VERSION_4: &str = r#"
-- IF (NOT) EXISTS: a database taken back to an earlier version by hand
-- (as the tests do) may already hold some of them.
CREATE INDEX IF NOT EXISTS entities_article_start ON entities(article, start);
DROP INDEX IF EXISTS entities_article;
CREATE INDEX IF NOT EXISTS events_actor ON events(actor);
CREATE INDEX IF NOT EXISTS events_target ON events(target);
CREATE INDEX IF NOT EXISTS events_source ON events(source);
-- A place filter finds the mentions of one place, or of every place in one
-- country, then the sentence of each (by article and start).
CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid, article, start);
CREATE INDEX IF NOT EXISTS places_country ON places(country, article, start);
"#;

const VERSION_5: &str = r#"
DROP INDEX IF EXISTS sentences_article;
DROP INDEX IF EXISTS people_name;
DROP INDEX IF EXISTS people_article;
DROP INDEX IF EXISTS places_article;
"#;

/// Secondary indexes that no write reads (only the queries do), each as the
/// schema above defines it and as SQLite keeps it in `sqlite_master`. A bulk
/// load into an empty database drops them and builds each once at the end:
/// sorting once is far cheaper than keeping them in order row by row.
/// Invariant: every open database has all of them ([`ensure_indexes`]), so
/// a bulk load that was killed loses nothing but time.
pub(crate) const DEFERRABLE_INDEXES: &[&str] = &[
    "CREATE INDEX entities_text ON entities(text)",
    "CREATE INDEX entities_article_start ON entities(article, start)",
    "CREATE INDEX timexes_day ON timexes(day)",
    "CREATE INDEX timexes_article_start ON timexes(article, start)",
    "CREATE INDEX quotes_speaker ON quotes(speaker)",
    "CREATE INDEX quotes_article ON quotes(article)",
    "CREATE INDEX figures_category ON figures(category)",
    "CREATE INDEX figures_article ON figures(article)",
    "CREATE INDEX places_name ON places(name)",
    "CREATE INDEX places_geonameid ON places(geonameid, article, start)",
    "CREATE INDEX places_country ON places(country, article, start)",
    "CREATE INDEX sentences_article_start ON sentences(article, start)",
    "CREATE INDEX articles_date ON articles(date)",
    "CREATE INDEX events_article ON events(article, start)",
    "CREATE INDEX events_cluster ON events(cluster)",
    "CREATE INDEX events_actor ON events(actor)",
    "CREATE INDEX events_target ON events(target)",
    "CREATE INDEX events_source ON events(source)",
];

/// The name of a `CREATE INDEX name ON …` statement.
fn index_name(sql: &str) -> &str {
    sql.split_whitespace().nth(2).unwrap_or_default()
}

/// Drops the [`DEFERRABLE_INDEXES`] when the database holds no article
/// (checked in the same transaction); answers whether it did.
pub(crate) fn drop_deferrable_indexes(conn: &mut Connection) -> Result<bool, StoreError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let empty: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM articles)", [], |r| {
        r.get(0)
    })?;
    if empty {
        for sql in DEFERRABLE_INDEXES {
            tx.execute_batch(&format!("DROP INDEX IF EXISTS {}", index_name(sql)))?;
        }
    }
    tx.commit()?;
    Ok(empty)
}

/// Builds whichever of the [`DEFERRABLE_INDEXES`] is missing (after a bulk
/// load, or on opening a database whose bulk load was interrupted).
pub(crate) fn ensure_indexes(conn: &mut Connection) -> Result<(), StoreError> {
    let present: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index'")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let missing: Vec<&str> = DEFERRABLE_INDEXES
        .iter()
        .copied()
        .filter(|sql| !present.iter().any(|p| p == index_name(sql)))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    for sql in missing {
        // IF NOT EXISTS: another connection may have built it meanwhile.
        tx.execute_batch(&sql.replacen("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))?;
    }
    tx.commit()?;
    Ok(())
}

/// Brings the database to [`SCHEMA_VERSION`], or refuses a newer one.
pub fn migrate(conn: &mut Connection, path: &str) -> Result<(), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (from, step) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        step(&tx)?;
        tx.pragma_update(None, "user_version", from as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored_sql(conn: &Connection, name: &str) -> Option<String> {
        conn.query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1",
            [name],
            |r| r.get(0),
        )
        .ok()
    }

    #[test]
    fn deferrable_indexes_are_the_schema_s_own() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, ":memory:").unwrap();
        for sql in DEFERRABLE_INDEXES {
            assert_eq!(stored_sql(&conn, index_name(sql)).as_deref(), Some(*sql));
        }
    }

    #[test]
    fn a_bulk_load_drops_them_only_into_an_empty_database_and_they_come_back() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, ":memory:").unwrap();
        assert!(drop_deferrable_indexes(&mut conn).unwrap());
        assert!(DEFERRABLE_INDEXES
            .iter()
            .all(|sql| stored_sql(&conn, index_name(sql)).is_none()));
        assert!(
            stored_sql(&conn, "articles_url").is_some(),
            "writes read this one"
        );
        ensure_indexes(&mut conn).unwrap();
        for sql in DEFERRABLE_INDEXES {
            assert_eq!(stored_sql(&conn, index_name(sql)).as_deref(), Some(*sql));
        }
        conn.execute_batch(
            "INSERT INTO articles (doc_id, date, body, content_hash, version, layers)
             VALUES ('a', '2022-03-01', 'Some text.', 'h', 1, '{}')",
        )
        .unwrap();
        assert!(!drop_deferrable_indexes(&mut conn).unwrap());
        assert!(DEFERRABLE_INDEXES
            .iter()
            .all(|sql| stored_sql(&conn, index_name(sql)).is_some()));
    }
}
