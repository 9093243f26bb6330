//! The distinct texts of entity mentions, kept per connection, so a query
//! "mentions containing NAME" (the case-insensitive substring match the
//! timeline and figures queries promise) is a scan of a few thousand short
//! strings in memory and then index lookups, instead of a `LIKE '%NAME%'`
//! over every mention row.
//!
//! Invariants: the list is read again whenever the database's generation
//! (its highest article id, [`Store::generation`]) has moved, so it never
//! misses a name another process stored; matching is SQLite's `LIKE` with
//! the pattern's wildcards escaped — ASCII letters compared without case,
//! everything else exactly.

use crate::{Store, StoreError};
use std::sync::Arc;

/// Distinct mention texts as read at one generation.
#[derive(Debug, Default)]
pub(crate) struct MentionTexts {
    generation: i64,
    texts: Arc<Vec<String>>,
}

impl Store {
    /// The distinct mention texts containing `needle` (ASCII case folded),
    /// as a JSON array for `json_each`.
    pub(crate) fn mention_texts_containing(&self, needle: &str) -> Result<String, StoreError> {
        let texts = self.mention_texts()?;
        let needle = needle.to_ascii_lowercase();
        let found: Vec<&str> = texts
            .iter()
            .filter(|t| contains_ascii_folded(t, &needle))
            .map(String::as_str)
            .collect();
        Ok(serde_json::Value::from(found).to_string())
    }

    fn mention_texts(&self) -> Result<Arc<Vec<String>>, StoreError> {
        let generation = self.generation()?;
        let mut kept = self.mention_texts.borrow_mut();
        if kept.generation != generation || kept.texts.is_empty() {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT DISTINCT text FROM entities")?;
            let texts = stmt
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            *kept = MentionTexts {
                generation,
                texts: Arc::new(texts),
            };
        }
        Ok(Arc::clone(&kept.texts))
    }
}

/// Whether `haystack` contains `needle_lower` (already ASCII lower-cased),
/// ASCII letters compared without case.
fn contains_ascii_folded(haystack: &str, needle_lower: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle_lower.as_bytes());
    if n.is_empty() {
        return true;
    }
    h.windows(n.len())
        .any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

#[cfg(test)]
mod tests {
    use super::contains_ascii_folded;

    #[test]
    fn folds_ascii_case_only() {
        assert!(contains_ascii_folded("Vladimir Putin", "putin"));
        assert!(contains_ascii_folded("NATO", "nato"));
        assert!(contains_ascii_folded("anything", ""));
        assert!(!contains_ascii_folded("Putin", "putins"));
        assert!(contains_ascii_folded("Zelenskyy", "zelensk"));
        // Like SQLite's LIKE: letters outside ASCII compare exactly.
        assert!(!contains_ascii_folded("ÉMILE", "émile"));
        assert!(!contains_ascii_folded("Émile", "émile"));
        assert!(contains_ascii_folded(
            "Émile Zola",
            &"ÉMILE".to_ascii_lowercase()
        ));
    }
}
