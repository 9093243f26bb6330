//! Browsing the knowledge base, for the web UI and the HTTP API: one article
//! with its body and every layer, article lists, the speakers of the quote
//! explorer, the places of the map and totals.
//!
//! Same rules as the queries: only the newest version of an article answers
//! (except [`Store::article`], which finds an id's newest version), every
//! value is a bound parameter, every result count bounded by
//! [`crate::query::MAX_LIMIT`].

use crate::query::limit_clause;
use crate::{Store, StoreError};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::Value;

/// One stored article: the JSON output of `chronicle extract` for it
/// (`docs/SCHEMA.md`, with its `body`), plus where it sits among versions.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleView {
    /// 1, 2, … for changed texts at the same URL.
    pub version: i64,
    /// Whether a newer version of this text exists.
    pub superseded: bool,
    /// When it was stored (UTC, RFC 3339).
    pub ingested_at: String,
    /// The article with every layer, offsets in code points into `body`.
    pub article: Value,
}

/// `articles [--from D] [--to D] [--place NAME]`, newest first.
#[derive(Debug, Clone, Default)]
pub struct ArticleListQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only articles naming this place (`place_filter`).
    pub place: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

/// An article in a list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleSummary {
    pub article: String,
    pub title: Option<String>,
    pub date: String,
    pub url: Option<String>,
    /// The opening of the body (at most 240 characters).
    pub opening: String,
}

/// A speaker with the number of quotes attributed to them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpeakerCount {
    pub speaker: String,
    pub quotes: i64,
    pub articles: i64,
}

/// A resolved place with how often the current articles name it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceCount {
    pub name: String,
    pub geonameid: Option<i64>,
    pub lat: f64,
    pub lon: f64,
    pub country: Option<String>,
    pub mentions: i64,
    pub articles: i64,
}

/// Totals over the current articles.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoreStats {
    pub articles: i64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub quotes: i64,
    pub entities: i64,
    pub timexes: i64,
    pub figures: i64,
    pub places: i64,
}

fn check_dates(from: &Option<String>, to: &Option<String>) -> Result<(), StoreError> {
    for d in [from, to].into_iter().flatten() {
        if chronicle_core::parse_date(d).is_err() {
            return Err(StoreError::Query(format!(
                "{d:?} is not a date (YYYY-MM-DD)"
            )));
        }
    }
    Ok(())
}

impl Store {
    /// The newest version of the article with id `doc_id`, or `None`.
    pub fn article(&self, doc_id: &str) -> Result<Option<ArticleView>, StoreError> {
        let row: Option<(i64, bool, String, String, String)> = self
            .conn
            .prepare_cached(
                "SELECT version, superseded_by IS NOT NULL, ingested_at, layers, body
                 FROM articles WHERE doc_id = ?1
                 ORDER BY superseded_by IS NULL DESC, version DESC, id DESC LIMIT 1",
            )?
            .query_row([doc_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()?;
        let Some((version, superseded, ingested_at, layers, body)) = row else {
            return Ok(None);
        };
        let mut article: Value =
            serde_json::from_str(&layers).map_err(|source| StoreError::Json {
                id: doc_id.to_owned(),
                source,
            })?;
        if let Some(obj) = article.as_object_mut() {
            obj.insert("body".into(), Value::String(body));
        }
        Ok(Some(ArticleView {
            version,
            superseded,
            ingested_at,
            article,
        }))
    }

    /// Current articles, newest first.
    pub fn articles(&self, q: &ArticleListQuery) -> Result<Vec<ArticleSummary>, StoreError> {
        check_dates(&q.from, &q.to)?;
        let mut stmt = self.prepare(&format!(
            "SELECT a.doc_id, a.title, a.date, a.url, substr(a.body, 1, 240)
             FROM articles a
             WHERE a.id NOT IN temp.superseded_articles
               AND (?1 IS NULL OR a.date >= ?1) AND (?2 IS NULL OR a.date <= ?2)
               AND (?3 IS NULL OR a.id IN (SELECT value FROM json_each(?3)))
             ORDER BY a.date DESC, a.id DESC
             {} OFFSET ?4",
            limit_clause(q.limit)
        ))?;
        let offset = q.offset.min(i64::MAX as usize) as i64;
        let place = match self.place_sentences(q.place.as_deref())? {
            Some(sentences) => Some(self.articles_of_sentences(&sentences)?),
            None => None,
        };
        let rows = stmt.query_map(params![q.from, q.to, place, offset], |r| {
            Ok(ArticleSummary {
                article: r.get(0)?,
                title: r.get(1)?,
                date: r.get(2)?,
                url: r.get(3)?,
                opening: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Speakers of the current articles' quotes, most quoted first; with
    /// `name`, only speakers whose name contains it (case-insensitive).
    pub fn speakers(
        &self,
        name: Option<&str>,
        limit: usize,
    ) -> Result<Vec<SpeakerCount>, StoreError> {
        let pattern = name.map(crate::query::like);
        let mut stmt = self.prepare(&format!(
            "SELECT q.speaker, count(*), count(DISTINCT q.article)
             FROM quotes q
             WHERE q.article NOT IN temp.superseded_articles AND q.speaker IS NOT NULL
               AND (?1 IS NULL OR q.speaker LIKE ?1 ESCAPE '\\')
             GROUP BY q.speaker
             ORDER BY count(*) DESC, q.speaker
             {}",
            limit_clause(limit)
        ))?;
        let rows = stmt.query_map(params![pattern], |r| {
            Ok(SpeakerCount {
                speaker: r.get(0)?,
                quotes: r.get(1)?,
                articles: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Places with coordinates named by current articles published between
    /// `from` and `to`, most mentioned first, one row per resolved place.
    pub fn place_counts(
        &self,
        from: Option<&str>,
        to: Option<&str>,
        limit: usize,
    ) -> Result<Vec<PlaceCount>, StoreError> {
        check_dates(&from.map(str::to_owned), &to.map(str::to_owned))?;
        let mut stmt = self.prepare(&format!(
            "SELECT p.name, p.geonameid, avg(p.lat), avg(p.lon), p.country,
                    count(*), count(DISTINCT p.article)
             FROM places p JOIN articles a ON a.id = p.article
             WHERE p.article NOT IN temp.superseded_articles AND p.lat IS NOT NULL AND p.lon IS NOT NULL
               AND (?1 IS NULL OR a.date >= ?1) AND (?2 IS NULL OR a.date <= ?2)
             GROUP BY coalesce(p.geonameid, p.name)
             ORDER BY count(*) DESC, p.name
             {}",
            limit_clause(limit)
        ))?;
        let rows = stmt.query_map(params![from, to], |r| {
            Ok(PlaceCount {
                name: r.get(0)?,
                geonameid: r.get(1)?,
                lat: r.get(2)?,
                lon: r.get(3)?,
                country: r.get(4)?,
                mentions: r.get(5)?,
                articles: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Totals over the current articles.
    pub fn stats(&self) -> Result<StoreStats, StoreError> {
        let count = |table: &str| -> Result<i64, StoreError> {
            // `table` is one of the fixed names below, never user input.
            let sql = format!(
                "SELECT count(*) FROM {table} x WHERE x.article NOT IN temp.superseded_articles"
            );
            Ok(self.prepare(&sql)?.query_row([], |r| r.get(0))?)
        };
        let (articles, first_date, last_date) = self
            .prepare(
                "SELECT count(*), min(date), max(date) FROM articles
                 WHERE id NOT IN temp.superseded_articles",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(StoreStats {
            articles,
            first_date,
            last_date,
            quotes: count("quotes")?,
            entities: count("entities")?,
            timexes: count("timexes")?,
            figures: count("figures")?,
            places: count("places")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{Annotator, Date, Document};
    use chronicle_text::{SentenceSplitter, Tokenizer};

    fn doc(id: &str, url: &str, day: u32, body: &str) -> Document {
        let mut d = Document::new(id, Date::from_ymd_opt(2022, 3, day).unwrap(), body);
        d.url = Some(url.into());
        Tokenizer.annotate(&mut d).unwrap();
        SentenceSplitter.annotate(&mut d).unwrap();
        d
    }

    #[test]
    fn an_article_comes_back_with_its_body_and_newest_version() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
        store
            .ingest(&[doc("a", "https://x/a", 16, "NATO met. Allies agreed.")])
            .unwrap();
        let first = store.article("a").unwrap().unwrap();
        assert_eq!(first.version, 1);
        assert_eq!(first.article["body"], "NATO met. Allies agreed.");
        assert_eq!(first.article["sentences"][1]["start"], 10);
        store
            .ingest(&[doc("a", "https://x/a", 16, "NATO met again.")])
            .unwrap();
        let second = store.article("a").unwrap().unwrap();
        assert_eq!((second.version, second.superseded), (2, false));
        assert_eq!(second.article["body"], "NATO met again.");
        assert!(store.article("nope").unwrap().is_none());
        assert!(store.article("a' OR '1'='1").unwrap().is_none());
    }

    #[test]
    fn lists_are_newest_first_bounded_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
        store
            .ingest(&[
                doc("a", "https://x/a", 15, "First report."),
                doc("b", "https://x/b", 17, "Second report."),
                doc("c", "https://x/c", 16, "Third report."),
            ])
            .unwrap();
        let all = store
            .articles(&ArticleListQuery {
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        let ids: Vec<_> = all.iter().map(|a| a.article.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
        let page = store
            .articles(&ArticleListQuery {
                limit: 1,
                offset: 1,
                from: Some("2022-03-16".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(page[0].article, "c");
        assert!(store
            .articles(&ArticleListQuery {
                from: Some("yesterday".into()),
                ..Default::default()
            })
            .is_err());
        let stats = store.stats().unwrap();
        assert_eq!(stats.articles, 3);
        assert_eq!(stats.first_date.as_deref(), Some("2022-03-15"));
        assert_eq!(stats.last_date.as_deref(), Some("2022-03-17"));
        assert!(store.speakers(Some("%"), 5).unwrap().is_empty());
        assert!(store.place_counts(None, None, 5).unwrap().is_empty());
    }
}
