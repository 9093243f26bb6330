//! The roles people were given ("NATO Secretary General"), kept per
//! connection with the entities holding each, so a name that is no entity's
//! name is looked up among roles with a hash lookup instead of a scan of
//! `entity_roles` (which has no index on the role). Every timeline, quotes
//! or figures query by a name that is not an entity's (a speaker such as
//! "officials") asked for that scan.
//!
//! Matching is SQLite's `role = ?1 COLLATE NOCASE`: ASCII letters compared
//! without case, everything else exactly. The entities holding a role come
//! most recently reported first, at most [`MAX_ENTITIES`] of them.
//!
//! Invariant: the index is read again whenever the database's generation
//! (its highest article id, [`Store::generation`]) has moved.

use crate::{Store, StoreError};
use std::collections::HashMap;

/// The most entities a role leads to.
pub(crate) const MAX_ENTITIES: usize = 100;

/// Roles (ASCII lower-cased) → entities, latest report first, as read at
/// one generation.
#[derive(Debug, Default)]
pub(crate) struct RoleIndex {
    by_role: HashMap<String, Vec<i64>>,
}

impl RoleIndex {
    /// Builds the index from `(role, entity, latest date)` rows.
    fn build(rows: Vec<(String, i64, String)>) -> RoleIndex {
        let mut latest: HashMap<String, HashMap<i64, String>> = HashMap::new();
        for (role, entity, date) in rows {
            let seen = latest.entry(role.to_ascii_lowercase()).or_default();
            let day = seen.entry(entity).or_default();
            if date > *day {
                *day = date;
            }
        }
        let by_role = latest
            .into_iter()
            .map(|(role, entities)| {
                let mut entities: Vec<(i64, String)> = entities.into_iter().collect();
                entities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                entities.truncate(MAX_ENTITIES);
                (role, entities.into_iter().map(|(id, _)| id).collect())
            })
            .collect();
        RoleIndex { by_role }
    }

    fn entities(&self, role: &str) -> &[i64] {
        self.by_role
            .get(&role.to_ascii_lowercase())
            .map_or(&[], Vec::as_slice)
    }
}

impl Store {
    /// The entities holding `role` (ASCII case folded), latest first.
    pub(crate) fn entities_by_role(&self, role: &str) -> Result<Vec<i64>, StoreError> {
        let generation = self.generation()?;
        let kept = self.roles.get(generation, || {
            let mut stmt = self.conn.prepare_cached(
                "SELECT role, entity, max(date) FROM entity_roles GROUP BY role, entity",
            )?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(RoleIndex::build(rows))
        })?;
        Ok(kept.entities(role).to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_match_without_ascii_case_latest_holder_first() {
        let row = |role: &str, entity, date: &str| (role.to_owned(), entity, date.to_owned());
        let index = RoleIndex::build(vec![
            row("Prime Minister", 7, "2019-05-01"),
            row("prime minister", 9, "2022-01-03"),
            row("Prime Minister", 7, "2020-02-02"),
            row("Premier ÉTAT", 4, "2021-01-01"),
        ]);
        assert_eq!(index.entities("PRIME MINISTER"), [9, 7]);
        assert_eq!(
            index.entities("premier état"),
            [] as [i64; 0],
            "É is not ASCII"
        );
        assert_eq!(index.entities("PREMIER État"), [4]);
        assert_eq!(
            index.entities("minister"),
            [] as [i64; 0],
            "whole roles only"
        );
    }
}
