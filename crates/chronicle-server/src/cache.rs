//! Answers kept between ingests.
//!
//! The knowledge base only grows: every change stores an article row (a new
//! version supersedes an old one in the same transaction), so the highest
//! article id names the state of the data ([`Store::generation`]). A read
//! answer is kept under its endpoint and normalised query together with that
//! generation, and served again while the generation is the same; an ingest,
//! by this server or by another process on the same file, changes the
//! generation and so retires every kept answer.
//!
//! Invariants: a kept answer is exactly the bytes the query produced for
//! that generation; the cache holds at most [`MAX_ENTRIES`] answers and
//! [`MAX_BYTES`] bytes (it is emptied when either would be passed).

use chronicle_store::Store;
use std::collections::HashMap;
use std::sync::Mutex;

/// The most answers kept.
pub const MAX_ENTRIES: usize = 4096;
/// The most bytes of answers kept.
pub const MAX_BYTES: usize = 64 << 20;

/// Serialised answers by key, each with the generation it was computed at.
#[derive(Debug, Default)]
pub struct AnswerCache {
    inner: Mutex<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    map: HashMap<String, (i64, axum::body::Bytes)>,
    bytes: usize,
}

impl AnswerCache {
    /// The answer kept for `key` at `generation`, if any.
    pub fn get(&self, key: &str, generation: i64) -> Option<axum::body::Bytes> {
        let entries = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        match entries.map.get(key) {
            Some((g, bytes)) if *g == generation => Some(bytes.clone()),
            _ => None,
        }
    }

    /// Keeps `answer` for `key` at `generation`.
    pub fn put(&self, key: String, generation: i64, answer: axum::body::Bytes) {
        if answer.len() > MAX_BYTES / 16 {
            return;
        }
        let mut entries = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if entries.map.len() >= MAX_ENTRIES || entries.bytes + answer.len() > MAX_BYTES {
            entries.map.clear();
            entries.bytes = 0;
        }
        entries.bytes += answer.len();
        if let Some((_, old)) = entries.map.insert(key, (generation, answer)) {
            entries.bytes -= old.len();
        }
    }

    /// Runs `compute` on `store` unless an answer for `key` at the store's
    /// current generation is kept.
    pub fn answer<E>(
        &self,
        store: &Store,
        key: String,
        compute: impl FnOnce(&Store) -> Result<axum::body::Bytes, E>,
    ) -> Result<axum::body::Bytes, E>
    where
        E: From<chronicle_store::StoreError>,
    {
        let generation = store.generation()?;
        if let Some(kept) = self.get(&key, generation) {
            return Ok(kept);
        }
        let answer = compute(store)?;
        self.put(key, generation, answer.clone());
        Ok(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Bytes;

    #[test]
    fn an_answer_serves_only_its_generation() {
        let cache = AnswerCache::default();
        cache.put("search ukraine".into(), 7, Bytes::from_static(b"[1]"));
        assert_eq!(cache.get("search ukraine", 7).as_deref(), Some(&b"[1]"[..]));
        assert_eq!(cache.get("search ukraine", 8), None, "an ingest retires it");
        assert_eq!(cache.get("search russia", 7), None);
    }

    #[test]
    fn the_cache_stays_bounded() {
        let cache = AnswerCache::default();
        for i in 0..MAX_ENTRIES + 10 {
            cache.put(format!("q{i}"), 1, Bytes::from_static(b"x"));
        }
        let entries = cache.inner.lock().unwrap();
        assert!(entries.map.len() <= MAX_ENTRIES);
        assert_eq!(entries.bytes, entries.map.len());
    }

    #[test]
    fn a_new_article_changes_the_generation() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
        let cache = AnswerCache::default();
        let count = |s: &Store| -> Result<Bytes, chronicle_store::StoreError> {
            Ok(Bytes::from(s.article_count()?.to_string()))
        };
        assert_eq!(&cache.answer(&store, "n".into(), count).unwrap()[..], b"0");
        let doc = chronicle_core::Document::new(
            "a",
            chronicle_core::parse_date("2022-03-16").unwrap(),
            "Troops arrived on Monday.",
        );
        store.ingest(&[doc]).unwrap();
        assert_eq!(&cache.answer(&store, "n".into(), count).unwrap()[..], b"1");
    }
}
