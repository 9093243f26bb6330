//! Events in the knowledge base: every event mention of an article is
//! stored with its arguments, and joins the cluster of mentions that report
//! the same real-world event ([`crate::cluster`]) — or starts one.
//!
//! Mentions are read from the article's JSON output (`events` of
//! `docs/SCHEMA.md`), so ingest and the migration of a version 2 database
//! (whose stored layers already hold the events) share one code path.
//! A cluster's day is the day the event happened when a report dates it,
//! else the publication date of its first report (`dated` says which).
//!
//! The `events` query answers clusters in the order things happened, each
//! with its evidence: the sentence of every mention, from current articles
//! only.

use crate::cluster::{absorb, compatible, EventSketch};
use crate::mention_texts::TextColumn;
use crate::names::name_key;
use crate::query::{
    and_all, check_dates, limit_clause, more_rows_than, named_params, push_date_range, sentence_at,
    NamedValues,
};
use crate::{Store, StoreError};
use chronicle_core::{parse_date, EventType};
use chronicle_output::{ArgumentOut, EventOut};
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

/// The most evidence sentences listed per event.
pub const MAX_EVIDENCE: i64 = 20;

/// An event mention as in the JSON output.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct MentionRow {
    start: i64,
    end: i64,
    text: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    subtype: String,
    actor: Option<ArgumentRow>,
    target: Option<ArgumentRow>,
    place: Option<ArgumentRow>,
    date: Option<DateRow>,
    #[serde(default)]
    figures: Vec<FigureRow>,
    instrument: Option<ArgumentRow>,
    polarity: String,
    modality: String,
    source: Option<ArgumentRow>,
}

#[derive(Debug, Clone, Deserialize)]
struct ArgumentRow {
    start: i64,
    end: i64,
    text: String,
    name: Option<String>,
}

impl ArgumentRow {
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.text)
    }
}

#[derive(Debug, Clone, Deserialize)]
struct DateRow {
    text: String,
    value: String,
}

#[derive(Debug, Clone, Deserialize)]
struct FigureRow {
    text: String,
}

/// The events of an article's JSON output (`Value::Null` or no `events`:
/// none).
pub(crate) fn mentions_of(layers: &serde_json::Value) -> Vec<MentionRow> {
    layers
        .get("events")
        .and_then(|e| serde_json::from_value(e.clone()).ok())
        .unwrap_or_default()
}

/// The name a value serialises to (`"asserted"`, `"negative"`), as the JSON
/// output writes it.
pub(crate) fn serde_name<T: Serialize>(value: T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
}

impl ArgumentRow {
    fn of(a: &ArgumentOut) -> ArgumentRow {
        ArgumentRow {
            start: a.start as i64,
            end: a.end as i64,
            text: a.text.to_owned(),
            name: a.name.map(str::to_owned),
        }
    }
}

impl MentionRow {
    /// The mention of an event of the JSON output, as [`mentions_of`] reads
    /// it back from the stored layers (without the round trip through JSON).
    pub(crate) fn of(e: &EventOut) -> MentionRow {
        MentionRow {
            start: e.start as i64,
            end: e.end as i64,
            text: e.text.to_owned(),
            kind: e.kind.label().to_owned(),
            subtype: e.subtype.to_owned(),
            actor: e.actor.as_ref().map(ArgumentRow::of),
            target: e.target.as_ref().map(ArgumentRow::of),
            place: e.place.as_ref().map(ArgumentRow::of),
            date: e.date.as_ref().map(|d| DateRow {
                text: d.text.to_owned(),
                value: d.value.to_owned(),
            }),
            figures: e
                .figures
                .iter()
                .map(|f| FigureRow {
                    text: f.text.to_owned(),
                })
                .collect(),
            instrument: e.instrument.as_ref().map(ArgumentRow::of),
            polarity: serde_name(e.polarity).unwrap_or_default(),
            modality: serde_name(e.modality).unwrap_or_default(),
            source: e.source.as_ref().map(ArgumentRow::of),
        }
    }
}

/// Stores the events of every article, oldest first (the migration).
pub(crate) fn store_all(tx: &Transaction) -> Result<(), StoreError> {
    let articles: Vec<(i64, String, String)> = tx
        .prepare("SELECT id, date, layers FROM articles ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut places = tx.prepare(
        "SELECT start, end, name, lat, lon FROM places WHERE article = ?1 ORDER BY rowid",
    )?;
    for (id, date, layers) in articles {
        let layers: serde_json::Value = serde_json::from_str(&layers).unwrap_or_default();
        let resolved: Vec<(i64, i64, String, Coords)> = places
            .query_map([id], |r| {
                let (lat, lon): (Option<f64>, Option<f64>) = (r.get(3)?, r.get(4)?);
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, lat.zip(lon)))
            })?
            .collect::<Result<_, _>>()?;
        let resolved: Vec<_> = resolved
            .iter()
            .map(|(s, e, n, c)| (*s, *e, n.as_str(), *c))
            .collect();
        let events: Vec<_> = mentions_of(&layers)
            .into_iter()
            .map(|m| PreparedEvent::new(m, &date, &resolved))
            .collect();
        store_events(tx, id, &events)?;
    }
    Ok(())
}

/// `YYYY-MM-DD` at the start of a TIMEX3 value naming one day.
fn day_of(value: &str) -> Option<&str> {
    let day = value.get(..10)?;
    (parse_date(day).is_ok() && (value.len() == 10 || value.as_bytes()[10] == b'T')).then_some(day)
}

fn day_number(day: &str) -> Option<i64> {
    let epoch = parse_date("1970-01-01").ok()?;
    Some((parse_date(day).ok()? - epoch).num_days())
}

/// Latitude and longitude, when known.
type Coords = Option<(f64, f64)>;

/// A resolved place of an article as events read it: start, end, name and
/// coordinates, in the order of the article's rows.
pub(crate) type ResolvedPlace<'a> = (i64, i64, &'a str, Coords);

/// An event mention with what its row and its clustering need, computed
/// without the database ([`crate::prepared`]): its day, its place resolved
/// through the article's places, its sketch and its figures as JSON.
#[derive(Debug)]
pub(crate) struct PreparedEvent {
    mention: MentionRow,
    /// The day it happened when the text dates it, else `None`.
    day: Option<String>,
    /// The day its cluster takes: `day`, else the publication date.
    cluster_day: String,
    place: Option<Place>,
    sketch: EventSketch,
    figures: String,
}

impl PreparedEvent {
    pub(crate) fn new(m: MentionRow, reported: &str, places: &[ResolvedPlace]) -> PreparedEvent {
        let day = m.date.as_ref().and_then(|d| day_of(&d.value));
        let place = resolve_place(places, m.place.as_ref());
        let sketch = EventSketch {
            kind: m.kind.clone(),
            negated: m.polarity == "negative",
            asserted: m.modality == "asserted",
            day: day_number(day.unwrap_or(reported)),
            dated: day.is_some(),
            place: place
                .as_ref()
                .map(|p| name_key(&p.name))
                .filter(|k| !k.is_empty()),
            coords: place.as_ref().and_then(|p| p.coords),
            participants: [&m.actor, &m.target]
                .into_iter()
                .flatten()
                .map(|a| name_key(a.name()))
                .filter(|k| !k.is_empty())
                .collect(),
        };
        let figures: Vec<&str> = m.figures.iter().map(|f| f.text.as_str()).collect();
        PreparedEvent {
            day: day.map(str::to_owned),
            cluster_day: day.unwrap_or(reported).to_owned(),
            place,
            sketch,
            figures: serde_json::to_string(&figures).unwrap_or_default(),
            mention: m,
        }
    }
}

/// Stores one article's event mentions, each in its cluster.
pub(crate) fn store_events(
    tx: &Transaction,
    article: i64,
    events: &[PreparedEvent],
) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO events (article, cluster, start, end, text, type, subtype, actor, target,
                             place, instrument, source, date_text, day, polarity, modality, figures)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    for e in events {
        let (m, place) = (&e.mention, e.place.as_ref());
        let cluster = join_cluster(tx, &e.sketch, &e.cluster_day, m, place)?;
        insert.execute(params![
            article,
            cluster,
            m.start,
            m.end,
            m.text,
            m.kind,
            m.subtype,
            m.actor.as_ref().map(ArgumentRow::name),
            m.target.as_ref().map(ArgumentRow::name),
            place.map(|p| p.name.as_str()),
            m.instrument.as_ref().map(ArgumentRow::name),
            m.source.as_ref().map(ArgumentRow::name),
            m.date.as_ref().map(|d| d.text.as_str()),
            e.day,
            m.polarity,
            m.modality,
            e.figures,
        ])?;
    }
    Ok(())
}

#[derive(Debug)]
struct Place {
    name: String,
    coords: Option<(f64, f64)>,
}

/// The place argument resolved through the article's places layer (the
/// longest resolved place it overlaps, the first of equals), else its name
/// as written.
fn resolve_place(places: &[ResolvedPlace], arg: Option<&ArgumentRow>) -> Option<Place> {
    let arg = arg?;
    let mut best: Option<(i64, &str, (f64, f64))> = None;
    for &(start, end, name, coords) in places {
        let Some(coords) = coords else { continue };
        if start < arg.end && arg.start < end && best.is_none_or(|b| end - start > b.0) {
            best = Some((end - start, name, coords));
        }
    }
    Some(match best {
        Some((_, name, coords)) => Place {
            name: name.to_owned(),
            coords: Some(coords),
        },
        None => Place {
            name: arg.name().to_owned(),
            coords: None,
        },
    })
}

/// The cluster a mention joins (updating its summary), or a new one.
fn join_cluster(
    tx: &Transaction,
    sketch: &EventSketch,
    day: &str,
    m: &MentionRow,
    place: Option<&Place>,
) -> Result<i64, StoreError> {
    let candidates: Vec<(i64, String)> = tx
        .prepare_cached(
            "SELECT id, sketch FROM event_clusters
             WHERE type = ?1 AND day_number BETWEEN ?2 - 2 AND ?2 + 2 ORDER BY id",
        )?
        .query_map(params![sketch.kind, sketch.day], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    for (id, stored) in candidates {
        let Ok(mut summary) = serde_json::from_str::<EventSketch>(&stored) else {
            continue;
        };
        if !compatible(&summary, sketch) {
            continue;
        }
        absorb(&mut summary, sketch);
        tx.prepare_cached(
            "UPDATE event_clusters SET
                 day = CASE WHEN ?2 AND NOT dated THEN ?3 ELSE day END,
                 dated = dated OR ?2, day_number = ?4,
                 place = coalesce(place, ?5), lat = coalesce(lat, ?6), lon = coalesce(lon, ?7),
                 actor = coalesce(actor, ?8), target = coalesce(target, ?9), sketch = ?10
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            sketch.dated,
            day,
            summary.day,
            place.map(|p| p.name.as_str()),
            place.and_then(|p| p.coords).map(|c| c.0),
            place.and_then(|p| p.coords).map(|c| c.1),
            m.actor.as_ref().map(ArgumentRow::name),
            m.target.as_ref().map(ArgumentRow::name),
            serde_json::to_string(&summary).unwrap_or_default(),
        ])?;
        return Ok(id);
    }
    tx.prepare_cached(
        "INSERT INTO event_clusters (type, day, dated, day_number, place, lat, lon, actor, target, sketch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        sketch.kind,
        day,
        sketch.dated,
        sketch.day,
        place.map(|p| p.name.as_str()),
        place.and_then(|p| p.coords).map(|c| c.0),
        place.and_then(|p| p.coords).map(|c| c.1),
        m.actor.as_ref().map(ArgumentRow::name),
        m.target.as_ref().map(ArgumentRow::name),
        serde_json::to_string(sketch).unwrap_or_default(),
    ])?;
    Ok(tx.last_insert_rowid())
}

/// `events [--type T] [--entity NAME] [--place NAME] [--from D] [--to D]`.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// A PLOVER type (`ASSAULT`, `CONSULT`, …; any case).
    pub kind: Option<String>,
    /// Part of an actor's, target's or source's name.
    pub entity: Option<String>,
    /// A place named in the sentence of one of the event's triggers
    /// (`place_filter`).
    pub place: Option<String>,
    /// Day range of when it happened.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only events a report dates (not placed by a publication date).
    pub dated_only: bool,
    pub limit: usize,
}

/// One real-world event with every report of it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventHit {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: String,
    /// The day it happened, or (when `dated` is false) the day of its first
    /// report.
    pub day: String,
    pub dated: bool,
    pub place: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub actor: Option<String>,
    pub target: Option<String>,
    /// Current articles reporting it.
    pub articles: i64,
    pub evidence: Vec<EventEvidence>,
}

/// One report of an event: the trigger and its sentence.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventEvidence {
    pub article: String,
    pub title: Option<String>,
    /// Publication date.
    pub date: String,
    /// The trigger as written ("strike", "raining missiles down").
    pub text: String,
    pub subtype: String,
    pub start: i64,
    pub end: i64,
    pub sentence: String,
    /// The temporal expression dating it, as written.
    pub when: Option<String>,
    pub polarity: String,
    pub modality: String,
    pub figures: Vec<String>,
}

impl Store {
    /// Events in the order they happened, each with its evidence.
    pub fn events(&self, q: &EventQuery) -> Result<Vec<EventHit>, StoreError> {
        let mut hits = self.event_clusters(q, true)?;
        for hit in &mut hits {
            hit.evidence = self.event_evidence(hit.id)?;
        }
        Ok(hits)
    }

    /// The events of [`Store::events`] without their evidence, so a caller
    /// that needs only some of it (the timeline) reads no more; without
    /// `count_articles`, `articles` is 0 (counting the distinct articles
    /// of each event costs a temporary table per event).
    pub(crate) fn event_clusters(
        &self,
        q: &EventQuery,
        count_articles: bool,
    ) -> Result<Vec<EventHit>, StoreError> {
        check_dates(&q.from, &q.to)?;
        let kind = match &q.kind {
            Some(k) => Some(
                EventType::from_label(&k.trim().to_uppercase())
                    .ok_or_else(|| StoreError::Query(format!("{k:?} is not an event type")))?
                    .label(),
            ),
            None => None,
        };
        // Only the filters given go into the statement (as for quotes), so
        // the day range is an index range and SQLite plans each combination
        // on its own. Participants containing the name are matched in
        // memory; the clusters they take part in are found through the
        // argument indexes.
        let mut filters: Vec<&str> = Vec::new();
        let mut reports: Vec<&str> = Vec::new();
        let mut values = NamedValues::new();
        if let Some(kind) = kind {
            filters.push("c.type = :kind");
            values.push((":kind", Box::new(kind)));
        }
        push_date_range(
            ["c.day >= :from", "c.day <= :to"],
            (&q.from, &q.to),
            &mut filters,
            &mut values,
        );
        if q.dated_only {
            filters.push("c.dated");
        }
        // With a participant: start from their clusters when they take part
        // in fewer mentions than there are clusters in the range; else walk
        // the clusters in day order and test each, which stops at the limit.
        let mut from = "event_clusters c";
        if let Some(name) = &q.entity {
            let participants = self.texts_containing(TextColumn::EventArgument, name)?;
            if self.clusters_in_range_exceed(q, participants.rows)? {
                from = "taking_part CROSS JOIN event_clusters c ON c.id = taking_part.cluster";
            } else {
                filters.push("c.id IN (SELECT cluster FROM taking_part)");
            }
            reports.push(
                "(e.actor IN (SELECT value FROM json_each(:entity))
                  OR e.target IN (SELECT value FROM json_each(:entity))
                  OR e.source IN (SELECT value FROM json_each(:entity)))",
            );
            values.push((":entity", Box::new(participants.json)));
        }
        if let Some(sentences) = self.place_sentences(q.place.as_deref())? {
            reports.push("e.id IN (SELECT value FROM json_each(:place))");
            values.push((":place", Box::new(self.events_in_sentences(&sentences)?)));
        }
        let taking_part = if q.entity.is_some() {
            "WITH taking_part(cluster) AS (
                 SELECT cluster FROM events WHERE actor IN (SELECT value FROM json_each(:entity))
                 UNION SELECT cluster FROM events WHERE target IN (SELECT value FROM json_each(:entity))
                 UNION SELECT cluster FROM events WHERE source IN (SELECT value FROM json_each(:entity)))"
        } else {
            ""
        };
        let articles = if count_articles {
            "(SELECT count(DISTINCT e.article) FROM events e
              WHERE e.cluster = c.id AND e.article NOT IN temp.superseded_articles)"
        } else {
            "0"
        };
        let sql = format!(
            "{taking_part}
             SELECT c.id, c.type, c.day, c.dated, c.place, c.lat, c.lon, c.actor, c.target,
                    {articles}
             FROM {from}
             WHERE 1{}
               AND EXISTS (
                   SELECT 1 FROM events e
                   WHERE e.cluster = c.id AND e.article NOT IN temp.superseded_articles{})
             ORDER BY c.day, c.id
             {}",
            and_all(&filters),
            and_all(&reports),
            limit_clause(q.limit)
        );
        let mut stmt = self.prepare(&sql)?;
        let hits = stmt
            .query_map(named_params(&values).as_slice(), |r| {
                Ok(EventHit {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    day: r.get(2)?,
                    dated: r.get(3)?,
                    place: r.get(4)?,
                    lat: r.get(5)?,
                    lon: r.get(6)?,
                    actor: r.get(7)?,
                    target: r.get(8)?,
                    articles: r.get(9)?,
                    evidence: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(hits)
    }

    /// Whether more than `n` event clusters fall in the query's day range
    /// (an index range, read no further than `n + 1`).
    fn clusters_in_range_exceed(&self, q: &EventQuery, n: i64) -> Result<bool, StoreError> {
        more_rows_than(
            &self.conn,
            "SELECT 1 FROM event_clusters WHERE day >= coalesce(?1, '') AND day <= coalesce(?2, '~')",
            params![q.from, q.to],
            n,
        )
    }

    /// The reports of one event from current articles, oldest first, at
    /// most [`MAX_EVIDENCE`].
    pub(crate) fn event_evidence(&self, cluster: i64) -> Result<Vec<EventEvidence>, StoreError> {
        // The count is written into the statement, not bound (`limit_clause`).
        let mut evidence = self.prepare(&format!(
            "SELECT a.doc_id, a.title, a.date, e.text, e.subtype, e.start, e.end,
                    coalesce(s.text, e.text), e.date_text, e.polarity, e.modality, e.figures
             FROM events e
             JOIN articles a ON a.id = e.article
             LEFT JOIN sentences s ON s.id = {} AND e.start < s.end
             WHERE e.cluster = ?1 AND e.article NOT IN temp.superseded_articles
             ORDER BY a.date, a.id, e.start
             LIMIT {MAX_EVIDENCE}",
            sentence_at("e.article", "e.start")
        ))?;
        let rows = evidence.query_map([cluster], |r| {
            let figures: String = r.get(11)?;
            Ok(EventEvidence {
                article: r.get(0)?,
                title: r.get(1)?,
                date: r.get(2)?,
                text: r.get(3)?,
                subtype: r.get(4)?,
                start: r.get(5)?,
                end: r.get(6)?,
                sentence: r.get(7)?,
                when: r.get(8)?,
                polarity: r.get(9)?,
                modality: r.get(10)?,
                figures: serde_json::from_str(&figures).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_come_from_day_values_only() {
        assert_eq!(day_of("2022-03-13"), Some("2022-03-13"));
        assert_eq!(day_of("2022-03-13T10:00"), Some("2022-03-13"));
        assert_eq!(day_of("2022-03"), None);
        assert_eq!(day_of("2022-W11"), None);
        assert_eq!(day_of("2022-13-45"), None);
        assert_eq!(day_number("1970-01-02"), Some(1));
    }
}
