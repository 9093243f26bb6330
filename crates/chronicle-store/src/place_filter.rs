//! Place filters: every query can be narrowed to a place ("what happened in
//! Poland?").
//!
//! **Referent.** A name is resolved to one place of the knowledge base. It
//! is compared, normalised as entity names are ([`name_key`]), with the
//! gazetteer name and every text written for each place of the current
//! articles ("Kiev" finds Kyiv when a report wrote it, "Polish" finds
//! Poland), and looked up in the gazetteer (alternate names and demonyms a
//! report may never have used: "Warszawa"). `geonames:ID` names one place
//! exactly (what the map links to). A country counts when places in it are
//! mentioned, even if it is not. Of the places found, the one whose filter
//! takes the most mentions is the referent; the others come back in [`PlaceMatch::others`], as the
//! entity profile lists the other entities a name may mean. A name that
//! leads to no place of the knowledge base gives an empty result, never an
//! error.
//!
//! **Mentions.** The filter takes every mention the places layer resolved
//! to the referent, in any form: the name, another name, a demonym ("the
//! Polish border") or a metonym ("Warsaw said"). An unresolved place (no
//! GeoNames id) is matched by its name. When the referent is a country
//! (GeoNames feature class PCL*), a mention of any place in that country
//! counts too: `Poland` takes "Warsaw" and "Gdańsk". There is no containment
//! below the country (the store keeps no region per mention).
//!
//! **Scope: the sentence.** A sentence qualifies when it names the place; a
//! search hit, a timeline row or a figure when its sentence does; a quote
//! when a sentence overlapping it does (`"…," he said in Warsaw`); an event
//! when the sentence of one of its triggers does; an article (the articles
//! list) when any of its sentences does.
//!
//! **Speed.** The places of the current articles are kept per connection as
//! a directory of a few thousand entries, read again when the generation
//! moves ([`Store::generation`]), so resolving a name is a hash lookup. The
//! mentions of the referent are found through the indexes on
//! `places(geonameid, …)` and `places(country, …)` (schema version 4), each
//! mapped to its sentence by one index seek; queries then test membership
//! in that list of sentence ids.

use crate::names::name_key;
use crate::{Store, StoreError};
use chronicle_places::gazetteer::Feature;
use chronicle_places::Gazetteer;
use rusqlite::params;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// A place of the knowledge base a name may stand for.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceSummary {
    /// The gazetteer's name ("Poland"), or the name as written when the
    /// place was not resolved.
    pub name: String,
    pub geonameid: Option<i64>,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// Mentions in current articles its filter takes (for a country, the
    /// mentions of the places in it too).
    pub mentions: i64,
}

/// The place a filter was taken to mean.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceMatch {
    pub name: String,
    pub geonameid: Option<i64>,
    pub country: Option<String>,
    pub mentions: i64,
    /// A country: mentions of places in it count too.
    pub is_country: bool,
    /// Other places the name could stand for, most mentioned first.
    pub others: Vec<PlaceSummary>,
}

/// A group of place mentions: GeoNames id, name, text as written, country
/// and how many.
type PlaceRow = (Option<i64>, String, String, Option<String>, i64);

/// The places of the current articles as read at one generation.
#[derive(Debug, Default)]
pub(crate) struct PlaceDirectory {
    places: Vec<PlaceSummary>,
    /// Normalised names and texts written → places.
    by_key: HashMap<String, Vec<usize>>,
    by_id: HashMap<i64, usize>,
    /// Mentions of places in each country (ISO code).
    by_country: HashMap<String, i64>,
}

impl PlaceDirectory {
    fn build(rows: Vec<PlaceRow>) -> Self {
        let mut dir = PlaceDirectory::default();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (geonameid, name, text, country, mentions) in rows {
            let slot = match geonameid {
                Some(id) => dir.by_id.get(&id).copied(),
                None => by_name.get(&name).copied(),
            };
            let i = slot.unwrap_or_else(|| {
                dir.places.push(PlaceSummary {
                    name: name.clone(),
                    geonameid,
                    country: None,
                    mentions: 0,
                });
                let i = dir.places.len() - 1;
                match geonameid {
                    Some(id) => dir.by_id.insert(id, i),
                    None => by_name.insert(name.clone(), i),
                };
                i
            });
            if let Some(c) = &country {
                *dir.by_country.entry(c.clone()).or_default() += mentions;
            }
            let place = &mut dir.places[i];
            place.mentions += mentions;
            if place.country.is_none() {
                place.country = country;
            }
            for key in [name_key(&name), name_key(&text)] {
                let list = dir.by_key.entry(key).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        dir.by_key.remove("");
        dir
    }

    /// Places `name` may stand for, each with whether it is a country,
    /// the one whose filter takes the most mentions first. A country the
    /// gazetteer knows by that name counts even when the reports only name
    /// places in it ("Belgium" for reports from Brussels).
    fn candidates(&self, name: &str) -> Vec<(PlaceSummary, bool)> {
        let mut found: Vec<usize> = Vec::new();
        let mut unnamed_countries: Vec<PlaceSummary> = Vec::new();
        let key = name_key(name);
        if let Some(id) = geonames_id(name) {
            found.extend(self.by_id.get(&id));
        } else if !key.is_empty() {
            found.extend(self.by_key.get(&key).into_iter().flatten());
            let gazetteer = Gazetteer::get();
            let known = gazetteer
                .lookup(name)
                .into_iter()
                .chain(gazetteer.demonym(name));
            for entry in known {
                let e = gazetteer.entry(entry);
                let id = i64::from(e.geonameid);
                match self.by_id.get(&id) {
                    Some(&i) => found.push(i),
                    None if e.feature == Feature::Country
                        && self.by_country.contains_key(e.country) =>
                    {
                        unnamed_countries.push(PlaceSummary {
                            name: e.name.to_owned(),
                            geonameid: Some(id),
                            country: Some(e.country.to_owned()),
                            mentions: 0,
                        });
                    }
                    None => {}
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        let mut seen = std::collections::HashSet::new();
        let mut out: Vec<(PlaceSummary, bool)> = found
            .into_iter()
            .map(|i| {
                let place = self.places[i].clone();
                let country = is_country(&place);
                (place, country)
            })
            .chain(unnamed_countries.into_iter().map(|p| (p, true)))
            .filter(|(p, _)| seen.insert((p.geonameid, p.name.clone())))
            .collect();
        for (place, country) in &mut out {
            if *country {
                let within = place.country.as_ref().and_then(|c| self.by_country.get(c));
                place.mentions = within.copied().unwrap_or(place.mentions);
            }
        }
        out.sort_by_key(|(p, _)| std::cmp::Reverse(p.mentions));
        out
    }
}

/// The id of `geonames:ID`.
fn geonames_id(name: &str) -> Option<i64> {
    let id = name.trim().strip_prefix("geonames:")?;
    id.parse().ok().filter(|&id| id > 0)
}

/// Whether the gazetteer entry of `place` is a country.
fn is_country(place: &PlaceSummary) -> bool {
    let Some(id) = place.geonameid else {
        return false;
    };
    let gazetteer = Gazetteer::get();
    gazetteer.lookup(&place.name).into_iter().any(|i| {
        let e = gazetteer.entry(i);
        i64::from(e.geonameid) == id && e.feature == Feature::Country
    })
}

/// Ids as a JSON array for `json_each`.
fn json_ids(ids: Vec<i64>) -> String {
    serde_json::Value::from(ids).to_string()
}

impl Store {
    /// The place a filter name stands for, with the others it may mean;
    /// `None` when no place of the current articles goes by that name.
    pub fn resolve_place(&self, name: &str) -> Result<Option<PlaceMatch>, StoreError> {
        let mut found = self.place_directory()?.candidates(name).into_iter();
        let Some((place, is_country)) = found.next() else {
            return Ok(None);
        };
        Ok(Some(PlaceMatch {
            name: place.name,
            geonameid: place.geonameid,
            country: place.country,
            mentions: place.mentions,
            is_country,
            others: found.map(|(p, _)| p).collect(),
        }))
    }

    /// The sentences of current articles naming the place `name` stands
    /// for (module doc), as a JSON array of sentence ids: `None` without a
    /// filter, an empty array for an unknown place.
    pub(crate) fn place_sentences(&self, name: Option<&str>) -> Result<Option<String>, StoreError> {
        let Some(name) = name else { return Ok(None) };
        let Some(place) = self.resolve_place(name)? else {
            return Ok(Some("[]".into()));
        };
        let country = place.country.as_deref().filter(|_| place.is_country);
        let unresolved = place.geonameid.is_none().then_some(place.name.as_str());
        let mut stmt = self.prepare(
            "SELECT DISTINCT (SELECT s.id FROM sentences s
                              WHERE s.article = p.article AND s.start <= p.start
                              ORDER BY s.start DESC LIMIT 1)
             FROM places p
             WHERE p.article NOT IN temp.superseded_articles
               AND (p.geonameid = ?1 OR p.country = ?2 OR (p.name = ?3 AND p.geonameid IS NULL))",
        )?;
        let ids = stmt
            .query_map(params![place.geonameid, country, unresolved], |r| {
                r.get::<_, Option<i64>>(0)
            })?
            .filter_map(Result::transpose)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(json_ids(ids)))
    }

    /// The quotes overlapping one of `sentences` (a JSON array of ids).
    pub(crate) fn quotes_in_sentences(&self, sentences: &str) -> Result<String, StoreError> {
        self.ids_in_sentences(
            "SELECT DISTINCT q.id FROM json_each(?1) j
             CROSS JOIN sentences s ON s.id = j.value
             CROSS JOIN quotes q ON q.article = s.article AND q.start < s.end AND s.start < q.end",
            sentences,
        )
    }

    /// The event mentions whose trigger starts in one of `sentences`.
    pub(crate) fn events_in_sentences(&self, sentences: &str) -> Result<String, StoreError> {
        self.ids_in_sentences(
            "SELECT e.id FROM json_each(?1) j
             CROSS JOIN sentences s ON s.id = j.value
             CROSS JOIN events e ON e.article = s.article AND e.start >= s.start AND e.start < s.end",
            sentences,
        )
    }

    /// The articles holding one of `sentences`.
    pub(crate) fn articles_of_sentences(&self, sentences: &str) -> Result<String, StoreError> {
        self.ids_in_sentences(
            "SELECT DISTINCT s.article FROM json_each(?1) j CROSS JOIN sentences s ON s.id = j.value",
            sentences,
        )
    }

    fn ids_in_sentences(&self, sql: &str, sentences: &str) -> Result<String, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let ids = stmt
            .query_map([sentences], |r| r.get::<_, i64>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(json_ids(ids))
    }

    fn place_directory(&self) -> Result<Arc<PlaceDirectory>, StoreError> {
        let generation = self.generation()?;
        self.place_directory.get(generation, || {
            let mut stmt = self.prepare(
                "SELECT p.geonameid, p.name, p.text, p.country, count(*)
                 FROM places p
                 WHERE p.article NOT IN temp.superseded_articles
                 GROUP BY p.geonameid, p.name, p.text, p.country",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(PlaceDirectory::build(rows))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: Option<i64>, name: &str, text: &str, country: &str, n: i64) -> PlaceRow {
        (id, name.into(), text.into(), Some(country.into()), n)
    }

    #[test]
    fn names_and_texts_lead_to_places_most_mentioned_first() {
        let dir = PlaceDirectory::build(vec![
            row(Some(614540), "Georgia", "Georgia", "GE", 22),
            row(Some(614540), "Georgia", "Georgian", "GE", 9),
            row(Some(4197000), "Georgia", "Georgia", "US", 19),
            row(Some(798544), "Poland", "Polish", "PL", 4),
            row(None, "North Poland", "North Poland", "PL", 1),
        ]);
        let names = |q: &str| -> Vec<(Option<i64>, i64)> {
            dir.candidates(q)
                .into_iter()
                .map(|(p, _)| (p.geonameid, p.mentions))
                .collect()
        };
        assert_eq!(names("georgia"), [(Some(614540), 31), (Some(4197000), 19)]);
        assert_eq!(names("Georgian"), [(Some(614540), 31)]);
        assert_eq!(names("geonames:4197000"), [(Some(4197000), 19)]);
        assert_eq!(names("geonames:x"), []);
        // A demonym leads to its place through the text written; a country
        // takes the mentions of the places in it.
        assert_eq!(names("Polish"), [(Some(798544), 5)]);
        assert_eq!(names("Poland"), [(Some(798544), 5)]);
        assert_eq!(names("the north poland"), [(None, 1)]);
        // A country never named itself, found through the gazetteer.
        let warsaw_only =
            PlaceDirectory::build(vec![row(Some(756135), "Warsaw", "Warsaw", "PL", 2)]);
        let poland = warsaw_only.candidates("Poland");
        assert_eq!(poland.len(), 1);
        assert_eq!(
            (poland[0].0.geonameid, poland[0].0.mentions, poland[0].1),
            (Some(798544), 2, true)
        );
        assert!(
            warsaw_only.candidates("Belgium").is_empty(),
            "nothing in it"
        );
        assert_eq!(names("Atlantis"), []);
        assert_eq!(names("  "), []);
    }

    #[test]
    fn countries_are_told_by_the_gazetteer() {
        let place = |id, name: &str| PlaceSummary {
            name: name.into(),
            geonameid: Some(id),
            country: None,
            mentions: 1,
        };
        assert!(is_country(&place(798544, "Poland")));
        assert!(!is_country(&place(756135, "Warsaw")));
        assert!(!is_country(&place(4197000, "Georgia")));
        assert!(is_country(&place(614540, "Georgia")));
    }
}
