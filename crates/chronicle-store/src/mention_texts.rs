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
//! The search is one `memchr::memmem` pass over all the texts ASCII-lower-cased
//! and joined with NUL bytes (a needle holding a NUL falls back to testing
//! each text): a few hundred kilobytes scanned with SIMD instead of a byte
//! loop per text.
//!
//! Invariants: the list is read again whenever the database's generation
//! (its highest article id, [`Store::generation`]) has moved, so it never
//! misses a name another process stored; matching is SQLite's `LIKE` with
//! the pattern's wildcards escaped — ASCII letters compared without case,
//! everything else exactly.

use crate::{Store, StoreError};
use std::sync::Arc;

/// Distinct texts with their row counts, and the folded copy searched.
#[derive(Debug, Default)]
pub(crate) struct TextList {
    texts: Vec<(String, i64)>,
    /// Every text ASCII-lower-cased and followed by a NUL, in list order.
    folded: Vec<u8>,
    /// Where each text's folded copy starts in `folded`.
    starts: Vec<usize>,
}

impl TextList {
    fn new(texts: Vec<(String, i64)>) -> TextList {
        let mut folded = Vec::with_capacity(texts.iter().map(|(t, _)| t.len() + 1).sum());
        let mut starts = Vec::with_capacity(texts.len());
        for (text, _) in &texts {
            starts.push(folded.len());
            folded.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
            folded.push(0);
        }
        TextList {
            texts,
            folded,
            starts,
        }
    }

    /// The indexes, in list order, of the texts containing `needle_lower`
    /// (already ASCII lower-cased), ASCII letters compared without case.
    fn containing(&self, needle_lower: &str) -> Vec<usize> {
        let needle = needle_lower.as_bytes();
        if needle.is_empty() || needle.contains(&0) {
            // Every text, or a needle the separators would confuse.
            return (self.texts.iter().enumerate())
                .filter(|(_, (t, _))| contains_ascii_folded(t, needle_lower))
                .map(|(i, _)| i)
                .collect();
        }
        let finder = memchr::memmem::Finder::new(needle);
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(offset) = self.folded.get(at..).and_then(|rest| finder.find(rest)) {
            // The text the match lies in (a match never spans a NUL), then
            // on from the next text: each text counts once.
            let i = self.starts.partition_point(|&s| s <= at + offset) - 1;
            found.push(i);
            match self.starts.get(i + 1) {
                Some(&next) => at = next,
                None => break,
            }
        }
        found
    }
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
        let list = self.distinct_texts(column)?;
        let mut rows = 0;
        let found: Vec<&str> = list
            .containing(&needle.to_ascii_lowercase())
            .into_iter()
            .map(|i| {
                let (text, n) = &list.texts[i];
                rows += n;
                text.as_str()
            })
            .collect();
        let json = serde_json::to_string(&found).map_err(|source| StoreError::Json {
            id: "mention texts".into(),
            source,
        })?;
        Ok(Matches { json, rows })
    }

    fn distinct_texts(&self, column: TextColumn) -> Result<Arc<TextList>, StoreError> {
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
        cell.get(generation, || {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let texts = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(TextList::new(texts))
        })
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
    use super::{contains_ascii_folded, TextList};

    #[test]
    fn the_joined_search_finds_what_the_per_text_test_finds() {
        let texts = [
            "Vladimir Putin",
            "Putin",
            "the Kremlin",
            "",
            "ÉMILE Zola",
            "nul\0inside",
            "putin putin",
            "Put",
        ];
        let list = TextList::new(texts.iter().map(|t| (t.to_string(), 1)).collect());
        for needle in [
            "putin", "PUT", "in", "n", "e", "émile", "ÉMILE", "zola", "\0", "l\0i", "", "tin p",
            "put\0", "nothing",
        ] {
            let needle = needle.to_ascii_lowercase();
            let expected: Vec<usize> = (0..texts.len())
                .filter(|&i| contains_ascii_folded(texts[i], &needle))
                .collect();
            assert_eq!(list.containing(&needle), expected, "{needle:?}");
        }
        assert!(TextList::new(Vec::new()).containing("x").is_empty());
    }

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
