//! Entity profiles: who or what a name stands for across the knowledge
//! base — its aliases, mentions per month, roles over time, the entities
//! most often beside it, and the latest quotes by and about it.
//!
//! A name is looked up by its normalised key among every entity's names,
//! then (one word) among the surnames of people known by a full name, then
//! among roles ("NATO Secretary General"). Several matches are ranked by
//! mentions; the profile is of the first and lists the others.

use crate::names::{name_key, person_key};
use crate::query::{limit_clause, quote_hit, QUOTE_COLUMNS};
use crate::{QuoteHit, Store, StoreError};
use rusqlite::params;
use serde::Serialize;

/// `entity NAME`.
#[derive(Debug, Clone, Default)]
pub struct EntityQuery {
    pub name: String,
    /// The most rows in each list of the profile.
    pub limit: usize,
}

/// An entity in brief.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntitySummary {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// Mentions in current articles.
    pub mentions: i64,
}

/// A name an entity was written as, and how often.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Alias {
    pub text: String,
    pub mentions: i64,
}

/// Mentions in one month (`YYYY-MM`, by publication date).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MonthCount {
    pub month: String,
    pub mentions: i64,
    pub articles: i64,
}

/// A role and the publication dates it was reported between.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RoleSpan {
    pub role: String,
    pub first: String,
    pub last: String,
    pub articles: i64,
}

/// An entity mentioned in the same articles.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Neighbour {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// Articles mentioning both.
    pub articles: i64,
}

/// Everything the knowledge base knows about one entity.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntityProfile {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mentions: i64,
    pub articles: i64,
    pub aliases: Vec<Alias>,
    pub months: Vec<MonthCount>,
    pub roles: Vec<RoleSpan>,
    pub neighbours: Vec<Neighbour>,
    /// Latest first.
    pub quotes_by: Vec<QuoteHit>,
    /// Latest first: quotes by others that mention it.
    pub quotes_about: Vec<QuoteHit>,
    /// Other entities the name could stand for.
    pub others: Vec<EntitySummary>,
}

impl Store {
    /// Entities a name could stand for, most mentioned first.
    pub fn find_entities(&self, q: &EntityQuery) -> Result<Vec<EntitySummary>, StoreError> {
        let ids = self.entity_ids(&q.name)?;
        let mut stmt = self.prepare(&format!(
            "SELECT c.id, c.name, c.type,
                    (SELECT count(*) FROM entities e
                     WHERE e.entity = c.id AND e.article NOT IN temp.superseded_articles) AS n
             FROM canonical c WHERE c.id IN (SELECT value FROM json_each(?1))
             ORDER BY n DESC, c.id {}",
            limit_clause(q.limit)
        ))?;
        let rows = stmt.query_map(params![serde_json::Value::from(ids).to_string()], |r| {
            Ok(EntitySummary {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                mentions: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The profile of the entity a name most likely stands for.
    pub fn entity_profile(&self, q: &EntityQuery) -> Result<Option<EntityProfile>, StoreError> {
        let mut found = self.find_entities(&EntityQuery {
            name: q.name.clone(),
            limit: q.limit.max(2),
        })?;
        if found.is_empty() {
            return Ok(None);
        }
        let best = found.remove(0);
        let mut profile = self.entity_profile_by_id(best.id, q.limit)?;
        if let Some(p) = &mut profile {
            p.others = found;
        }
        Ok(profile)
    }

    /// The profile of one entity by id (`None` when there is no such id).
    pub fn entity_profile_by_id(
        &self,
        id: i64,
        limit: usize,
    ) -> Result<Option<EntityProfile>, StoreError> {
        let limit = limit_clause(limit);
        let head = self
            .conn
            .prepare_cached("SELECT name, type FROM canonical WHERE id = ?1")?
            .query_row([id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            });
        let (name, kind) = match head {
            Ok(head) => head,
            Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let current = "e.article NOT IN temp.superseded_articles";
        let (mentions, articles): (i64, i64) = self.prepare(&format!(
            "SELECT count(*), count(DISTINCT e.article) FROM entities e WHERE e.entity = ?1 AND {current}"
        ))?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let aliases = self.rows(
            &format!("SELECT e.text, count(*) AS n FROM entities e WHERE e.entity = ?1 AND {current} GROUP BY e.text ORDER BY n DESC, e.text {limit}"),
            [id],
            |r| Ok(Alias { text: r.get(0)?, mentions: r.get(1)? }),
        )?;
        // The latest months under the limit, listed oldest first.
        let mut months = self.rows(
            &format!("SELECT substr(a.date, 1, 7) AS m, count(*), count(DISTINCT e.article) FROM entities e JOIN articles a ON a.id = e.article WHERE e.entity = ?1 AND {current} GROUP BY m ORDER BY m DESC {limit}"),
            [id],
            |r| Ok(MonthCount { month: r.get(0)?, mentions: r.get(1)?, articles: r.get(2)? }),
        )?;
        months.reverse();
        let roles = self.rows(
            &format!(
                "SELECT r.role, min(r.date), max(r.date), count(DISTINCT r.article) AS n
             FROM entity_roles r
             WHERE r.entity = ?1 AND r.article NOT IN temp.superseded_articles
             GROUP BY r.role ORDER BY max(r.date) DESC, n DESC {limit}"
            ),
            [id],
            |r| {
                Ok(RoleSpan {
                    role: r.get(0)?,
                    first: r.get(1)?,
                    last: r.get(2)?,
                    articles: r.get(3)?,
                })
            },
        )?;
        let neighbours = self.rows(
            &format!("SELECT c.id, c.name, c.type, count(DISTINCT o.article) AS n
             FROM entities e
             JOIN entities o ON o.article = e.article AND o.entity IS NOT NULL AND o.entity != e.entity
             JOIN canonical c ON c.id = o.entity
             WHERE e.entity = ?1 AND {current} GROUP BY c.id ORDER BY n DESC, c.id {limit}"),
            [id],
            |r| Ok(Neighbour { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)?, articles: r.get(3)? }),
        )?;
        let quotes_by = self.rows(
            &format!(
                "SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article
             WHERE q.speaker_entity = ?1 AND q.article NOT IN temp.superseded_articles
             ORDER BY a.date DESC, a.id DESC, q.start {limit}"
            ),
            [id],
            quote_hit,
        )?;
        let quotes_about = self.rows(
            &format!(
                "SELECT {QUOTE_COLUMNS} FROM entities e
             JOIN quotes q ON q.article = e.article AND e.start >= q.start AND e.end <= q.end
             JOIN articles a ON a.id = q.article
             WHERE e.entity = ?1 AND e.article NOT IN temp.superseded_articles AND q.speaker_entity IS NOT ?1
             GROUP BY q.id
             ORDER BY a.date DESC, a.id DESC, q.start {limit}"
            ),
            [id],
            quote_hit,
        )?;
        Ok(Some(EntityProfile {
            id,
            name,
            kind,
            mentions,
            articles,
            aliases,
            months,
            roles,
            neighbours,
            quotes_by,
            quotes_about,
            others: Vec::new(),
        }))
    }

    /// Ids of the entities a name could stand for.
    pub(crate) fn entity_ids(&self, name: &str) -> Result<Vec<i64>, StoreError> {
        let (key, person) = (name_key(name), person_key(name));
        if key.is_empty() {
            return Err(StoreError::Query(format!("{name:?} names nothing")));
        }
        let mut ids: Vec<i64> = self.rows(
            "SELECT DISTINCT entity FROM entity_names WHERE key IN (?1, ?2) LIMIT 100",
            params![key, person],
            |r| r.get(0),
        )?;
        if !person.contains(' ') {
            ids.extend(self.rows(
                "SELECT id FROM canonical WHERE surname = ?1 LIMIT 100",
                [&person],
                |r| r.get::<_, i64>(0),
            )?);
        }
        if ids.is_empty() {
            ids = self.entities_by_role(name.trim())?;
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    fn rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.prepare(sql)?;
        let rows = stmt.query_map(params, map)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
