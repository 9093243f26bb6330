//! What linking reads of the knowledge base, kept in memory: canonical
//! entities by type and key, lookup names, the full-name people of each
//! surname and every entity's roles. Linking an article asks it instead of
//! running a query per group, and tells it every row it writes to
//! `canonical`, `entity_names` and `entity_roles`, so it stays what those
//! tables hold.
//!
//! Invariant: a [`LinkIndex`] answers exactly what the queries it replaces
//! would answer on the database it was loaded from plus the writes reported
//! to it. It is loaded inside a write transaction and kept by the ingest
//! between batches only while no other connection has written the database
//! (`PRAGMA data_version` unchanged) and every batch committed; anything
//! else loads it again.

use crate::StoreError;
use rusqlite::Transaction;
use std::collections::{BTreeSet, HashMap};

/// `(type, key)` of a canonical entity, or `(key, type)` of a lookup name:
/// the two strings of the tables' keys.
type Pair = (String, String);

#[derive(Debug, Default)]
pub(crate) struct LinkIndex {
    /// The `data_version` it was loaded (and kept) at.
    pub(crate) data_version: i64,
    /// `canonical`: `(type, key)` → id.
    canonical: HashMap<Pair, i64>,
    /// `entity_names`: `(key, type)` → entities, ascending.
    names: HashMap<Pair, BTreeSet<i64>>,
    /// The `(key, type)` of every entity's names (to move them on a fold).
    names_of: HashMap<i64, Vec<Pair>>,
    /// `canonical` rows of type PER with a surname: surname → ids,
    /// ascending.
    surnames: HashMap<String, Vec<i64>>,
    /// `entity_roles`: entity → its distinct roles.
    roles: HashMap<i64, Vec<String>>,
}

fn pair(a: &str, b: &str) -> Pair {
    (a.to_owned(), b.to_owned())
}

impl LinkIndex {
    /// Reads the three tables in `tx`.
    pub(crate) fn load(tx: &Transaction) -> Result<LinkIndex, StoreError> {
        let mut index = LinkIndex {
            data_version: data_version(tx)?,
            ..LinkIndex::default()
        };
        let mut stmt = tx.prepare("SELECT id, type, key, surname FROM canonical ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, kind, key): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let surname: Option<String> = r.get(3)?;
            if let (Some(surname), "PER") = (surname, kind.as_str()) {
                index.surnames.entry(surname).or_default().push(id);
            }
            index.canonical.insert((kind, key), id);
        }
        let mut stmt = tx.prepare("SELECT key, type, entity FROM entity_names")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            index.add_name_row(r.get(0)?, r.get(1)?, r.get(2)?);
        }
        let mut stmt = tx.prepare("SELECT DISTINCT entity, role FROM entity_roles")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            index.roles.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        Ok(index)
    }

    /// `SELECT id FROM canonical WHERE type = ?1 AND key = ?2`.
    pub(crate) fn canonical(&self, kind: &str, key: &str) -> Option<i64> {
        self.canonical.get(&pair(kind, key)).copied()
    }

    /// `SELECT entity FROM entity_names WHERE key = ?1 AND type = ?2
    /// ORDER BY entity LIMIT 1`.
    pub(crate) fn first_named(&self, key: &str, kind: &str) -> Option<i64> {
        self.names.get(&pair(key, kind))?.first().copied()
    }

    /// `SELECT id FROM canonical WHERE type = 'PER' AND surname = ?1`, in
    /// id order.
    pub(crate) fn people_of_surname(&self, surname: &str) -> &[i64] {
        self.surnames.get(surname).map_or(&[], Vec::as_slice)
    }

    /// `SELECT DISTINCT role FROM entity_roles WHERE entity = ?1`.
    pub(crate) fn roles_of(&self, entity: i64) -> &[String] {
        self.roles.get(&entity).map_or(&[], Vec::as_slice)
    }

    /// A row inserted into `canonical`.
    pub(crate) fn created(&mut self, id: i64, kind: &str, key: &str, surname: Option<&str>) {
        self.canonical.insert(pair(kind, key), id);
        if let (Some(surname), "PER") = (surname, kind) {
            self.surnames
                .entry(surname.to_owned())
                .or_default()
                .push(id);
        }
    }

    /// Whether `entity_names` lacks `(key, type, entity)`: the caller
    /// inserts it when so (the index counts it inserted).
    pub(crate) fn add_name(&mut self, key: &str, kind: &str, entity: i64) -> bool {
        self.add_name_row(key.to_owned(), kind.to_owned(), entity)
    }

    fn add_name_row(&mut self, key: String, kind: String, entity: i64) -> bool {
        let name = (key, kind);
        match self.names.get_mut(&name) {
            Some(entities) => {
                if !entities.insert(entity) {
                    return false;
                }
            }
            None => {
                self.names.insert(name.clone(), BTreeSet::from([entity]));
            }
        }
        self.names_of.entry(entity).or_default().push(name);
        true
    }

    /// A row inserted into `entity_roles`.
    pub(crate) fn add_role(&mut self, entity: i64, role: &str) {
        let roles = self.roles.entry(entity).or_default();
        if !roles.iter().any(|r| r == role) {
            roles.push(role.to_owned());
        }
    }

    /// The surname entity `bare` (type PER, key `surname`) folded into
    /// `person`: its names and roles now lead to `person`, its row gone.
    pub(crate) fn folded(&mut self, bare: i64, person: i64, surname: &str) {
        for name in self.names_of.remove(&bare).unwrap_or_default() {
            if let Some(entities) = self.names.get_mut(&name) {
                entities.remove(&bare);
                if entities.insert(person) {
                    self.names_of.entry(person).or_default().push(name);
                }
            }
        }
        for role in self.roles.remove(&bare).unwrap_or_default() {
            self.add_role(person, &role);
        }
        // A surname entity has no surname of its own (only full names
        // do), so `surnames` never holds it.
        self.canonical.remove(&pair("PER", surname));
    }
}

/// The connection's `PRAGMA data_version`: moves when another connection
/// commits.
pub(crate) fn data_version(tx: &Transaction) -> Result<i64, StoreError> {
    Ok(tx.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}
