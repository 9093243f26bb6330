//! What linking has learnt of the knowledge base, kept across articles and
//! batches so each lookup by name is asked of SQLite once: the lowest entity
//! a lookup name leads to (`entity_names`), the canonical row of a key, and
//! the lookup names known to be stored.
//!
//! Invariant: every entry is what the database answers at the end of this
//! connection's last write. The entries are cleared when that may no longer
//! hold: another connection committed (`PRAGMA data_version` changed), a
//! transaction did not commit (the store keeps the cache only on commit),
//! linking folded a surname entity away (which rewrites names and deletes a
//! row), or the cache outgrew [`MAX_ENTRIES`]. A miss asks the database, so
//! clearing costs only time.

use std::collections::{HashMap, HashSet};

/// Entries kept at most (all three maps together): memory stays bounded
/// however large the knowledge base.
pub(crate) const MAX_ENTRIES: usize = 400_000;

/// Linking's lookups, remembered (see the module documentation).
#[derive(Debug, Default)]
pub(crate) struct LinkCache {
    /// `type \0 key` → the lowest entity of `entity_names` with that key
    /// and type, or `None` when there is none.
    names: HashMap<String, Option<i64>>,
    /// `type \0 key` → the `canonical` row with that type and key.
    canonical: HashMap<String, Option<i64>>,
    /// `(type \0 key, entity)` rows known to be in `entity_names`.
    stored: HashSet<(String, i64)>,
    /// `PRAGMA data_version` when the entries were last known to hold.
    data_version: Option<i64>,
}

fn slot(kind: &str, key: &str) -> String {
    let mut s = String::with_capacity(kind.len() + 1 + key.len());
    s.push_str(kind);
    s.push('\0');
    s.push_str(key);
    s
}

impl LinkCache {
    /// Forgets everything.
    pub(crate) fn clear(&mut self) {
        self.names.clear();
        self.canonical.clear();
        self.stored.clear();
    }

    /// Starts a transaction's use of the cache: `version` is the
    /// connection's `PRAGMA data_version` read inside it. Entries written
    /// before another connection's commit (or past the size bound) are
    /// dropped.
    pub(crate) fn begin(&mut self, version: i64) {
        let size = self.names.len() + self.canonical.len() + self.stored.len();
        if self.data_version != Some(version) || size > MAX_ENTRIES {
            self.clear();
        }
        self.data_version = Some(version);
    }

    /// The remembered answer of a name lookup: `None` when not known,
    /// `Some(None)` when known to lead nowhere.
    pub(crate) fn name(&self, kind: &str, key: &str) -> Option<Option<i64>> {
        self.names.get(&slot(kind, key)).copied()
    }

    /// Remembers the database's answer to a name lookup.
    pub(crate) fn set_name(&mut self, kind: &str, key: &str, entity: Option<i64>) {
        self.names.insert(slot(kind, key), entity);
    }

    /// Whether the row `(key, type, entity)` is known to be stored.
    pub(crate) fn is_stored(&self, kind: &str, key: &str, entity: i64) -> bool {
        self.stored.contains(&(slot(kind, key), entity))
    }

    /// Notes that `(key, type, entity)` is now in `entity_names`: a known
    /// lookup answer becomes the lower of the two.
    pub(crate) fn stored_name(&mut self, kind: &str, key: &str, entity: i64) {
        let slot = slot(kind, key);
        if let Some(known) = self.names.get_mut(&slot) {
            *known = Some(known.map_or(entity, |k| k.min(entity)));
        }
        self.stored.insert((slot, entity));
    }

    /// The remembered `canonical` row of a type and key (as [`Self::name`]).
    pub(crate) fn canonical(&self, kind: &str, key: &str) -> Option<Option<i64>> {
        self.canonical.get(&slot(kind, key)).copied()
    }

    /// Remembers the `canonical` row of a type and key.
    pub(crate) fn set_canonical(&mut self, kind: &str, key: &str, id: Option<i64>) {
        self.canonical.insert(slot(kind, key), id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_name_lowers_a_known_answer_and_fills_a_known_absence() {
        let mut c = LinkCache::default();
        c.begin(1);
        assert_eq!(c.name("PER", "jens stoltenberg"), None);
        c.set_name("PER", "jens stoltenberg", Some(7));
        c.set_name("ORG", "nato", None);
        c.stored_name("PER", "jens stoltenberg", 3);
        c.stored_name("ORG", "nato", 9);
        c.stored_name("LOC", "kyiv", 4);
        assert_eq!(c.name("PER", "jens stoltenberg"), Some(Some(3)));
        assert_eq!(c.name("ORG", "nato"), Some(Some(9)));
        assert_eq!(
            c.name("LOC", "kyiv"),
            None,
            "an unknown answer stays unknown"
        );
        assert!(c.is_stored("LOC", "kyiv", 4));
        assert!(!c.is_stored("ORG", "kyiv", 4));
    }

    #[test]
    fn another_connection_s_commit_clears_it() {
        let mut c = LinkCache::default();
        c.begin(1);
        c.set_canonical("PER", "boris johnson", Some(2));
        c.begin(1);
        assert_eq!(c.canonical("PER", "boris johnson"), Some(Some(2)));
        c.begin(2);
        assert_eq!(c.canonical("PER", "boris johnson"), None);
    }
}
