//! Queries over the knowledge base. User text never reaches SQL or the FTS5
//! query language unescaped: every search word becomes a quoted FTS5 term,
//! every value a bound parameter; result counts are bounded.

use crate::mention_texts::TextColumn;
use crate::{Store, StoreError};
use rusqlite::params;
use serde::Serialize;

/// The most results any query returns.
pub const MAX_LIMIT: usize = 1000;

/// `search TEXT [--from D] [--to D] [--place NAME]`.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only sentences naming this place (`place_filter`).
    pub place: Option<String>,
    pub limit: usize,
}

/// A matching sentence with its article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SearchHit {
    pub article: String,
    pub title: Option<String>,
    pub date: String,
    pub url: Option<String>,
    pub start: i64,
    pub end: i64,
    /// The sentence with matches marked `[…]`.
    pub highlighted: String,
}

/// `quotes [--speaker NAME] [--about TEXT] [--from D] [--to D] [--place NAME]`.
#[derive(Debug, Clone, Default)]
pub struct QuoteQuery {
    pub speaker: Option<String>,
    pub about: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only quotes in sentences naming this place (`place_filter`).
    pub place: Option<String>,
    pub limit: usize,
}

/// A quote with its article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteHit {
    pub article: String,
    pub title: Option<String>,
    pub date: String,
    pub kind: String,
    pub speaker: Option<String>,
    pub text: String,
    pub start: i64,
    pub end: i64,
}

/// `timeline [--entity NAME] [--from D] [--to D] [--place NAME]`: by the
/// day things happened, not the day they were reported.
#[derive(Debug, Clone, Default)]
pub struct TimelineQuery {
    pub entity: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only sentences naming this place (`place_filter`).
    pub place: Option<String>,
    pub limit: usize,
}

/// A dated fact: the day a temporal expression resolves to, and the
/// sentence that says it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimelineHit {
    /// The day it happened (the timex's resolved value).
    pub day: String,
    /// The temporal expression as written ("Sunday", "a day earlier").
    pub when: String,
    pub sentence: String,
    pub article: String,
    pub title: Option<String>,
    /// The publication date of the article.
    pub reported: String,
    /// For an event, its type (`ASSAULT`, …): the sentence is evidence of
    /// an event the knowledge base joined across reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

/// The `n`-th smallest day among `rows` (`n` ≥ 1, at most `rows.len()`).
fn nth_day(rows: &[TimelineHit], n: usize) -> String {
    let mut days: Vec<&str> = rows.iter().map(|r| r.day.as_str()).collect();
    let (_, nth, _) = days.select_nth_unstable(n - 1);
    nth.to_string()
}

/// `%text%` for LIKE, with the wildcards of `text` taken literally.
pub(crate) fn like(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// An FTS5 query matching every word of `text`, each as a quoted term.
fn fts_terms(text: &str) -> Result<String, StoreError> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(32)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        return Err(StoreError::Query(format!(
            "nothing to search for in {text:?}"
        )));
    }
    Ok(terms.join(" "))
}

fn check_date(d: &Option<String>) -> Result<(), StoreError> {
    match d {
        Some(d) if chronicle_core::parse_date(d).is_err() => Err(StoreError::Query(format!(
            "{d:?} is not a date (YYYY-MM-DD)"
        ))),
        _ => Ok(()),
    }
}

/// A requested result count within `1..=MAX_LIMIT`.
pub(crate) fn clamp_limit(n: usize) -> i64 {
    n.clamp(1, MAX_LIMIT) as i64
}

fn limit(n: usize) -> i64 {
    clamp_limit(n)
}

/// Named values for a statement built from only the filters a query gives
/// (each filter a fixed piece of SQL, its values bound by name).
pub(crate) type NamedValues = Vec<(&'static str, Box<dyn rusqlite::ToSql>)>;

/// Adds the `from` / `to` filters of a date range: `conditions` are the
/// two pieces of SQL on the query's date column, bound as `:from` / `:to`.
pub(crate) fn push_date_range(
    conditions: [&'static str; 2],
    (from, to): (&Option<String>, &Option<String>),
    filters: &mut Vec<&'static str>,
    values: &mut NamedValues,
) {
    for ((condition, name), value) in conditions.into_iter().zip([":from", ":to"]).zip([from, to]) {
        if let Some(value) = value {
            filters.push(condition);
            values.push((name, Box::new(value.clone())));
        }
    }
}

/// `" AND c1 AND c2 …"` for appending conditions to a WHERE clause.
pub(crate) fn and_all(conditions: &[&str]) -> String {
    conditions.iter().map(|c| format!(" AND {c}")).collect()
}

/// The values as rusqlite's named parameters.
pub(crate) fn named_params(values: &NamedValues) -> Vec<(&str, &dyn rusqlite::ToSql)> {
    values.iter().map(|(k, v)| (*k, v.as_ref())).collect()
}

/// `LIMIT n` for a statement's text. The count is written into the SQL, not
/// bound: SQLite (3.50) plans with the value of a bound LIMIT and so marks
/// such a statement expired whenever it is bound again, re-preparing it on
/// every run — a third of a timeline request's CPU. `n` is a clamped count,
/// never user text; each distinct count is one more cached statement.
pub(crate) fn limit_clause(n: usize) -> String {
    format!("LIMIT {}", clamp_limit(n))
}

/// The columns [`quote_hit`] reads, from `quotes q` joined to `articles a`.
pub(crate) const QUOTE_COLUMNS: &str =
    "a.doc_id, a.title, a.date, q.kind, q.speaker, q.text, q.start, q.end";

pub(crate) fn quote_hit(r: &rusqlite::Row<'_>) -> rusqlite::Result<QuoteHit> {
    Ok(QuoteHit {
        article: r.get(0)?,
        title: r.get(1)?,
        date: r.get(2)?,
        kind: r.get(3)?,
        speaker: r.get(4)?,
        text: r.get(5)?,
        start: r.get(6)?,
        end: r.get(7)?,
    })
}

/// The id of the sentence of `article` holding the span starting at `start`
/// (SQL expressions, e.g. `t.article`, `t.start`): the last sentence
/// starting at or before it — one backward step in the index on
/// `sentences(article, start)`, where a range join (`s.start <= t.start AND
/// t.end <= s.end`) reads every earlier sentence of the article. The same
/// sentences, because sentences do not overlap and spans are not empty; the
/// caller still checks that the span ends inside it.
pub(crate) fn sentence_at(article: &str, start: &str) -> String {
    format!(
        "(SELECT x.id FROM sentences x WHERE x.article = {article} AND x.start <= {start}
          ORDER BY x.start DESC LIMIT 1)"
    )
}

/// Whether the one-column query `sql` yields more than `n` rows, reading at
/// most `n + 1` of them (a count that stops once the answer is known).
pub(crate) fn more_rows_than(
    conn: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
    n: i64,
) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut seen = 0;
    while rows.next()?.is_some() {
        seen += 1;
        if seen > n {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `check_date` for the other query modules.
pub(crate) fn check_dates(from: &Option<String>, to: &Option<String>) -> Result<(), StoreError> {
    check_date(from)?;
    check_date(to)
}

impl Store {
    /// Sentences matching every word of the query, best first; with a
    /// place, only sentences naming it.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        check_date(&q.from)?;
        check_date(&q.to)?;
        let mut stmt = self.prepare(&format!(
            "SELECT a.doc_id, a.title, a.date, a.url, s.start, s.end, highlight(sentences_fts, 0, '[', ']')
             FROM sentences_fts
             JOIN sentences s ON s.id = sentences_fts.rowid
             JOIN articles a ON a.id = s.article
             WHERE sentences_fts MATCH ?1 AND s.article NOT IN temp.superseded_articles
               AND (?2 IS NULL OR a.date >= ?2) AND (?3 IS NULL OR a.date <= ?3)
               AND (?4 IS NULL OR s.id IN (SELECT value FROM json_each(?4)))
             ORDER BY bm25(sentences_fts), a.date DESC
             {}",
            limit_clause(q.limit)
        ))?;
        let place = self.place_sentences(q.place.as_deref())?;
        let rows = stmt.query_map(params![fts_terms(&q.text)?, q.from, q.to, place], |r| {
            Ok(SearchHit {
                article: r.get(0)?,
                title: r.get(1)?,
                date: r.get(2)?,
                url: r.get(3)?,
                start: r.get(4)?,
                end: r.get(5)?,
                highlighted: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Quotes by a speaker (case-insensitive substring of the resolved name,
    /// or any name of the speaker's canonical entity) and/or about something
    /// (every word of `about`), in date order; with a place, only quotes
    /// in a sentence naming it.
    pub fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteHit>, StoreError> {
        check_date(&q.from)?;
        check_date(&q.to)?;
        // Only the filters given go into the statement (each a fixed piece
        // of SQL with its values bound), so SQLite plans each combination
        // on its own: the speaker indexes, the full-text index, or the
        // articles in date order, instead of scanning every quote.
        let mut filters: Vec<&str> = Vec::new();
        let mut values = NamedValues::new();
        if let Some(name) = &q.speaker {
            filters.push(
                "(q.speaker IN (SELECT value FROM json_each(:speakers))
                  OR q.speaker_entity IN (SELECT value FROM json_each(:speaker_ids)))",
            );
            values.push((":speakers", Box::new(self.speakers_containing(name)?)));
            values.push((":speaker_ids", Box::new(self.entity_ids_json(name)?)));
        }
        if let Some(about) = &q.about {
            filters.push("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :about)");
            values.push((":about", Box::new(fts_terms(about)?)));
        }
        push_date_range(
            ["a.date >= :from", "a.date <= :to"],
            (&q.from, &q.to),
            &mut filters,
            &mut values,
        );
        // Without a speaker or subject, walk the articles in date order.
        let from = if q.speaker.is_none() && q.about.is_none() {
            "articles a CROSS JOIN quotes q ON q.article = a.id"
        } else {
            "quotes q JOIN articles a ON a.id = q.article"
        };
        if let Some(sentences) = self.place_sentences(q.place.as_deref())? {
            filters.push("q.id IN (SELECT value FROM json_each(:place_quotes))");
            values.push((
                ":place_quotes",
                Box::new(self.quotes_in_sentences(&sentences)?),
            ));
        }
        let sql = format!(
            "SELECT {QUOTE_COLUMNS} FROM {from}
             WHERE q.article NOT IN temp.superseded_articles{}
             ORDER BY a.date, a.id, q.start
             {}",
            and_all(&filters),
            limit_clause(q.limit)
        );
        let mut stmt = self.prepare(&sql)?;
        let rows = stmt.query_map(named_params(&values).as_slice(), quote_hit)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sentences with a temporal expression resolved to one day, ordered by
    /// that day; with `entity`, only sentences naming it (by a case-insensitive
    /// part of the mention, or any mention of its canonical entity); with a
    /// place, only sentences naming it (and events reported in one).
    pub fn timeline(&self, q: &TimelineQuery) -> Result<Vec<TimelineHit>, StoreError> {
        check_date(&q.from)?;
        check_date(&q.to)?;
        let place = self.place_sentences(q.place.as_deref())?;
        let row = |r: &rusqlite::Row| {
            Ok(TimelineHit {
                day: r.get(0)?,
                when: r.get(1)?,
                sentence: r.get(2)?,
                article: r.get(3)?,
                title: r.get(4)?,
                reported: r.get(5)?,
                event: None,
            })
        };
        let rows = match &q.entity {
            Some(name) => {
                let mentions = self.texts_containing(TextColumn::Mention, name)?;
                let ids = self.entity_ids_json(name)?;
                // Start from the entity's mentions when they are fewer than
                // the dated expressions in the range; else walk the dates in
                // order and keep the sentences naming it, which stops at the
                // limit. CROSS JOIN fixes each order for SQLite's planner.
                let linked: i64 = self
                    .conn
                    .prepare_cached(
                        "SELECT count(*) FROM entities WHERE entity IN (SELECT value FROM json_each(?1))",
                    )?
                    .query_row([&ids], |r| r.get(0))?;
                let sql = if self.dated_timexes_exceed(q, mentions.rows + linked)? {
                    format!(
                        "WITH hit AS MATERIALIZED (
                             SELECT DISTINCT s.id AS sentence FROM entities e
                             CROSS JOIN sentences s
                               ON s.id = {} AND e.end <= s.end
                             WHERE e.text IN (SELECT value FROM json_each(?1))
                                OR e.entity IN (SELECT value FROM json_each(?4)))
                         SELECT t.day, t.text, s.text, a.doc_id, a.title, a.date
                         FROM hit
                         CROSS JOIN sentences s ON s.id = hit.sentence
                         JOIN timexes t ON t.article = s.article AND t.start >= s.start
                           AND t.start <= s.end AND t.end <= s.end
                         JOIN articles a ON a.id = t.article
                         WHERE t.article NOT IN temp.superseded_articles AND t.day IS NOT NULL
                           AND (?2 IS NULL OR t.day >= ?2) AND (?3 IS NULL OR t.day <= ?3)
                           AND (?5 IS NULL OR s.id IN (SELECT value FROM json_each(?5)))
                         ORDER BY t.day, a.date, t.start",
                        sentence_at("e.article", "e.start")
                    )
                } else {
                    format!(
                        "SELECT t.day, t.text, s.text, a.doc_id, a.title, a.date
                         FROM timexes t
                         CROSS JOIN sentences s ON s.id = {} AND t.end <= s.end
                         JOIN articles a ON a.id = t.article
                         WHERE t.day >= coalesce(?2, '') AND t.day <= coalesce(?3, '~')
                           AND t.article NOT IN temp.superseded_articles
                           AND EXISTS (
                               SELECT 1 FROM entities e
                               WHERE e.article = s.article AND e.start >= s.start AND e.start < s.end
                                 AND e.end <= s.end
                                 AND (e.text IN (SELECT value FROM json_each(?1))
                                      OR e.entity IN (SELECT value FROM json_each(?4))))
                           AND (?5 IS NULL OR s.id IN (SELECT value FROM json_each(?5)))
                         ORDER BY t.day, a.date, t.start",
                        sentence_at("t.article", "t.start")
                    )
                };
                let mut stmt = self.prepare(&format!("{sql} {}", limit_clause(q.limit)))?;
                let found =
                    stmt.query_map(params![mentions.json, q.from, q.to, ids, place], row)?;
                found.collect::<Result<Vec<_>, _>>()?
            }
            None => {
                let mut stmt = self.prepare(&format!(
                    "SELECT t.day, t.text, s.text, a.doc_id, a.title, a.date
                     FROM timexes t
                     JOIN articles a ON a.id = t.article
                     JOIN sentences s ON s.id = {} AND t.end <= s.end
                     WHERE t.day >= coalesce(?1, '') AND t.day <= coalesce(?2, '~')
                       AND t.article NOT IN temp.superseded_articles
                       AND (?3 IS NULL OR s.id IN (SELECT value FROM json_each(?3)))
                     ORDER BY t.day, a.date, t.start
                     {}",
                    sentence_at("t.article", "t.start"),
                    limit_clause(q.limit)
                ))?;
                let found = stmt.query_map(params![q.from, q.to, place], row)?;
                found.collect::<Result<Vec<_>, _>>()?
            }
        };
        self.with_events(rows, q)
    }
}

impl Store {
    /// Adds the dated events matching the timeline query, each evidence
    /// sentence a row, in day order; at most `q.limit` rows in all.
    fn with_events(
        &self,
        mut rows: Vec<TimelineHit>,
        q: &TimelineQuery,
    ) -> Result<Vec<TimelineHit>, StoreError> {
        let limit = limit(q.limit) as usize;
        let events = self.event_clusters(
            &crate::EventQuery {
                entity: q.entity.clone(),
                from: q.from.clone(),
                to: q.to.clone(),
                place: q.place.clone(),
                dated_only: true,
                limit,
                ..crate::EventQuery::default()
            },
            false,
        )?;
        for event in events {
            // Events come in day order: once `limit` rows are on or before
            // a day earlier than this event's, no later row can make the
            // cut, so their evidence is not read.
            if rows.len() >= limit && event.day > nth_day(&rows, limit) {
                break;
            }
            for e in self.event_evidence(event.id)? {
                rows.push(TimelineHit {
                    day: event.day.clone(),
                    when: e.when.unwrap_or(e.text),
                    sentence: e.sentence,
                    article: e.article,
                    title: e.title,
                    reported: e.date,
                    event: Some(event.kind.clone()),
                });
            }
        }
        rows.sort_by(|a, b| (&a.day, &a.reported).cmp(&(&b.day, &b.reported)));
        rows.truncate(limit);
        Ok(rows)
    }

    /// Whether more than `n` temporal expressions resolved to a day fall in
    /// the timeline's range (an index range, read no further than `n + 1`).
    fn dated_timexes_exceed(&self, q: &TimelineQuery, n: i64) -> Result<bool, StoreError> {
        more_rows_than(
            &self.conn,
            "SELECT 1 FROM timexes WHERE day >= coalesce(?1, '') AND day <= coalesce(?2, '~')",
            params![q.from, q.to],
            n,
        )
    }

    /// [`Store::entity_ids`] as a JSON array for `json_each`; a name that
    /// normalises to nothing matches no entity.
    pub(crate) fn entity_ids_json(&self, name: &str) -> Result<String, StoreError> {
        let ids = match self.entity_ids(name) {
            Ok(ids) => ids,
            Err(StoreError::Query(_)) => Vec::new(),
            Err(e) => return Err(e),
        };
        Ok(serde_json::Value::from(ids).to_string())
    }
}
