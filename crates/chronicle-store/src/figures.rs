//! The figures query: numbers the reports give ("at least 35 people
//! killed"), filtered by category, by an entity or a place named in the
//! same sentence and by publication date, with the sentence as evidence.

use crate::query::{check_dates, limit_clause};
use crate::{Store, StoreError};
use chronicle_core::FigureCategory;
use rusqlite::params;
use serde::Serialize;

/// `figures [--category C] [--entity NAME] [--from D] [--to D] [--place NAME]`.
#[derive(Debug, Clone, Default)]
pub struct FigureQuery {
    /// A figure category as in the JSON output (`killed`, `troops`, …).
    pub category: Option<String>,
    pub entity: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only figures in a sentence naming this place (`place_filter`).
    pub place: Option<String>,
    pub limit: usize,
}

/// A figure with its sentence and article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FigureHit {
    pub article: String,
    pub title: Option<String>,
    pub date: String,
    /// The number as written, with its qualifier ("at least 35").
    pub text: String,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub approx: String,
    pub unit: Option<String>,
    pub category: String,
    /// What it counts ("people").
    pub counted: Option<String>,
    pub sentence: String,
    pub start: i64,
    pub end: i64,
}

impl Store {
    /// Figures in date order (then by position in the article).
    pub fn figures(&self, q: &FigureQuery) -> Result<Vec<FigureHit>, StoreError> {
        check_dates(&q.from, &q.to)?;
        if let Some(c) = &q.category {
            serde_json::from_value::<FigureCategory>(serde_json::Value::String(c.clone()))
                .map_err(|e| StoreError::Query(format!("figure category: {e}")))?;
        }
        let entity = match &q.entity {
            Some(name) => Some(self.mention_texts_containing(name)?),
            None => None,
        };
        let entity_ids = match &q.entity {
            Some(name) => Some(self.entity_ids_json(name)?),
            None => None,
        };
        let mut stmt = self.prepare(&format!(
            "SELECT a.doc_id, a.title, a.date, f.text, f.value, f.low, f.high, f.approx, f.unit,
                    f.category, f.counted, s.text, f.start, f.end
             FROM figures f
             JOIN articles a ON a.id = f.article
             JOIN sentences s ON s.article = f.article AND s.start <= f.start AND f.start < s.end
             WHERE f.article NOT IN temp.superseded_articles
               AND (?1 IS NULL OR f.category = ?1)
               AND (?2 IS NULL OR EXISTS (
                    SELECT 1 FROM entities e
                    WHERE e.article = f.article AND e.start >= s.start AND e.end <= s.end
                      AND (e.text IN (SELECT value FROM json_each(?2))
                           OR e.entity IN (SELECT value FROM json_each(?3)))))
               AND (?4 IS NULL OR a.date >= ?4) AND (?5 IS NULL OR a.date <= ?5)
               AND (?6 IS NULL OR s.id IN (SELECT value FROM json_each(?6)))
             ORDER BY a.date, a.id, f.start
             {}",
            limit_clause(q.limit)
        ))?;
        let place = self.place_sentences(q.place.as_deref())?;
        let rows = stmt.query_map(
            params![q.category, entity, entity_ids, q.from, q.to, place],
            |r| {
                Ok(FigureHit {
                    article: r.get(0)?,
                    title: r.get(1)?,
                    date: r.get(2)?,
                    text: r.get(3)?,
                    value: r.get(4)?,
                    low: r.get(5)?,
                    high: r.get(6)?,
                    approx: r.get(7)?,
                    unit: r.get(8)?,
                    category: r.get(9)?,
                    counted: r.get(10)?,
                    sentence: r.get(11)?,
                    start: r.get(12)?,
                    end: r.get(13)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
