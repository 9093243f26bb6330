//! The distinct texts of entity mentions and of quote speakers, kept per
//! connection, so a query "mentions (or speakers) containing NAME" — the
//! case-insensitive substring match the timeline, figures and quotes
//! queries promise — is a scan of a few thousand short strings in memory
//! and then index lookups, instead of a `LIKE '%NAME%'` over every row.
//!
//! Invariants: the list is read again whenever the database's generation
//! (its highest article id, [`Store::generation`]) has moved, so it never
//! misses a name another process stored; matching is SQLite's `LIKE` with
//! the pattern's wildcards escaped — ASCII letters compared without case,
//! everything else exactly.

use crate::{Store, StoreError};
use std::sync::Arc;

/// Distinct texts of one column as read at one generation.
#[derive(Debug, Default)]
pub(crate) struct MentionTexts {
    generation: i64,
    texts: Arc<Vec<String>>,
}

/// The columns whose distinct texts are kept.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TextColumn {
    /// `entities.text`
    Mention,
    /// `quotes.speaker`
    Speaker,
}

impl Store {
    /// The distinct mention texts containing `needle` (ASCII case folded),
    /// as a JSON array for `json_each`.
    pub(crate) fn mention_texts_containing(&self, needle: &str) -> Result<String, StoreError> {
        self.texts_containing(TextColumn::Mention, needle)
    }

    /// The distinct quote speakers containing `needle`, as for mentions.
    pub(crate) fn speakers_containing(&self, needle: &str) -> Result<String, StoreError> {
        self.texts_containing(TextColumn::Speaker, needle)
    }

    fn texts_containing(&self, column: TextColumn, needle: &str) -> Result<String, StoreError> {
        let texts = self.distinct_texts(column)?;
        let needle = needle.to_ascii_lowercase();
        let found: Vec<&str> = texts
            .iter()
            .filter(|t| contains_ascii_folded(t, &needle))
            .map(String::as_str)
            .collect();
        Ok(serde_json::Value::from(found).to_string())
    }

    fn distinct_texts(&self, column: TextColumn) -> Result<Arc<Vec<String>>, StoreError> {
        let generation = self.generation()?;
        let (cell, sql) = match column {
            TextColumn::Mention => (&self.mention_texts, "SELECT DISTINCT text FROM entities"),
            TextColumn::Speaker => (
                &self.speaker_texts,
                "SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL",
            ),
        };
        let mut kept = cell.borrow_mut();
        if kept.generation != generation || kept.texts.is_empty() {
            let mut stmt = self.conn.prepare_cached(sql)?;
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
