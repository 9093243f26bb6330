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
//! One computation per key at a time: requests arriving while an answer is
//! being computed wait for it and take it, instead of each running the same
//! query (under 64 clients, a cold cache otherwise runs every query dozens
//! of times at once).
//!
//! Invariants: a kept answer is exactly the bytes the query produced for
//! that generation; the cache holds at most [`MAX_ENTRIES`] answers and
//! [`MAX_BYTES`] bytes (it is emptied when either would be passed); only
//! keys being computed have a gate.

use chronicle_store::Store;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The most answers kept.
pub const MAX_ENTRIES: usize = 4096;
/// The most bytes of answers kept.
pub const MAX_BYTES: usize = 64 << 20;

/// Serialised answers by key, each with the generation it was computed at.
#[derive(Debug, Default)]
pub struct AnswerCache {
    inner: Mutex<Entries>,
    /// A lock per key being computed.
    gates: Mutex<HashMap<String, Arc<Mutex<()>>>>,
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
        let gate = Arc::clone(
            self.gates
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .entry(key.clone())
                .or_default(),
        );
        let _turn = gate.lock().unwrap_or_else(|p| p.into_inner());
        let _done = GateRemover {
            gates: &self.gates,
            key: &key,
        };
        if let Some(kept) = self.get(&key, generation) {
            return Ok(kept);
        }
        let answer = compute(store)?;
        self.put(key.clone(), generation, answer.clone());
        Ok(answer)
    }
}

/// Removes a key's gate when its computation ends (answered or failed);
/// requests already waiting on it hold it and find the answer kept.
struct GateRemover<'a> {
    gates: &'a Mutex<HashMap<String, Arc<Mutex<()>>>>,
    key: &'a str,
}

impl Drop for GateRemover<'_> {
    fn drop(&mut self) {
        self.gates
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(self.key);
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
    fn concurrent_requests_for_one_key_compute_it_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        drop(Store::open(&path).unwrap());
        let cache = Arc::new(AnswerCache::default());
        let runs = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (cache, runs, path) = (Arc::clone(&cache), Arc::clone(&runs), path.clone());
                std::thread::spawn(move || {
                    let store = Store::open(&path).unwrap();
                    cache
                        .answer(&store, "slow".into(), |_| {
                            runs.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            std::thread::sleep(std::time::Duration::from_millis(50));
                            Ok::<_, chronicle_store::StoreError>(Bytes::from_static(b"42"))
                        })
                        .unwrap()
                })
            })
            .collect();
        for t in threads {
            assert_eq!(&t.join().unwrap()[..], b"42");
        }
        assert_eq!(runs.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert!(
            cache.gates.lock().unwrap().is_empty(),
            "no gate left behind"
        );
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
