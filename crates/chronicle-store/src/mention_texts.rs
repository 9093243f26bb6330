//! The distinct texts of entity mentions, of quote speakers and of event
//! arguments (actor, target, source), kept per connection with the number
//! of rows holding each, so a query "mentions (or speakers, or event
//! participants) containing NAME" — the case-insensitive substring match
//! the timeline, figures, quotes and events queries promise — is a scan of
//! a few thousand short strings in memory and then index lookups, instead
//! of a `LIKE '%NAME%'` over every row. The row counts let a query choose
//! its plan: start from the matching rows when they are few, else walk in
//! result order and test each row.
//!
//! Invariants: the list is read again whenever the database's generation
//! (its highest article id, [`Store::generation`]) has moved, so it never
//! misses a name another process stored; matching is SQLite's `LIKE` with
//! the pattern's wildcards escaped — ASCII letters compared without case,
//! everything else exactly.

use crate::{Store, StoreError};
use std::sync::Arc;

/// Distinct texts of one column, each with its number of rows, as read at
/// one generation.
#[derive(Debug, Default)]
pub(crate) struct MentionTexts {
    generation: i64,
    texts: Arc<Vec<(String, i64)>>,
}

/// The texts containing a name: a JSON array for `json_each`, and how many
/// rows hold one of them.
#[derive(Debug, Clone)]
pub(crate) struct Matches {
    pub json: String,
    pub rows: i64,
}

/// The columns whose distinct texts are kept.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TextColumn {
    /// `entities.text`
    Mention,
    /// `quotes.speaker`
    Speaker,
    /// `events.actor`, `events.target` and `events.source` together
    EventArgument,
}

impl Store {
    /// The distinct mention texts containing `needle` (ASCII case folded),
    /// as a JSON array for `json_each`.
    pub(crate) fn mention_texts_containing(&self, needle: &str) -> Result<String, StoreError> {
        Ok(self.texts_containing(TextColumn::Mention, needle)?.json)
    }

    /// The distinct quote speakers containing `needle`, as for mentions.
    pub(crate) fn speakers_containing(&self, needle: &str) -> Result<String, StoreError> {
        Ok(self.texts_containing(TextColumn::Speaker, needle)?.json)
    }

    /// The distinct texts of `column` containing `needle` (ASCII case
    /// folded), and the number of rows holding them.
    pub(crate) fn texts_containing(
        &self,
        column: TextColumn,
        needle: &str,
    ) -> Result<Matches, StoreError> {
        let texts = self.distinct_texts(column)?;
        let needle = needle.to_ascii_lowercase();
        let mut rows = 0;
        let found: Vec<&str> = texts
            .iter()
            .filter(|(t, _)| contains_ascii_folded(t, &needle))
            .map(|(t, n)| {
                rows += n;
                t.as_str()
            })
            .collect();
        Ok(Matches {
            json: serde_json::Value::from(found).to_string(),
            rows,
        })
    }

    fn distinct_texts(&self, column: TextColumn) -> Result<Arc<Vec<(String, i64)>>, StoreError> {
        let generation = self.generation()?;
        let (cell, sql) = match column {
            TextColumn::Mention => (
                &self.mention_texts,
                "SELECT text, count(*) FROM entities GROUP BY text",
            ),
            TextColumn::Speaker => (
                &self.speaker_texts,
                "SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker",
            ),
            TextColumn::EventArgument => (
                &self.event_arguments,
                "SELECT name, count(*) FROM (
                     SELECT actor AS name FROM events WHERE actor IS NOT NULL
                     UNION ALL SELECT target FROM events WHERE target IS NOT NULL
                     UNION ALL SELECT source FROM events WHERE source IS NOT NULL)
                 GROUP BY name",
            ),
        };
        let mut kept = cell.borrow_mut();
        if kept.generation != generation || kept.texts.is_empty() {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let texts = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
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
