//! Database access that never blocks the async runtime.
//!
//! SQLite calls are synchronous, so every one runs on tokio's blocking
//! threads. Readers take a connection from a small pool (WAL lets them run
//! side by side); at most `size` run at once and the rest wait their turn
//! asynchronously. Each read runs in one snapshot (`Store::snapshot`): its
//! statements see one state of the database, read its generation once. Writes go through the one writer connection, one at a
//! time, so concurrent ingests queue instead of failing with `SQLITE_BUSY`.
//!
//! Invariant: a connection is used by one thread at a time and goes back to
//! the pool when the call ends, even if the request was dropped meanwhile
//! (the permit travels with the blocking task).

use crate::cache::AnswerCache;
use crate::error::ApiError;
use axum::body::Bytes;
use chronicle_store::{Store, StoreError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// Connections to one database file.
#[derive(Debug)]
pub struct StorePool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
    writer: Mutex<Store>,
    answers: AnswerCache,
}

impl StorePool {
    /// Opens the database (creating or migrating it, and refusing one written
    /// by a newer chronicle) with room for `size` concurrent readers.
    pub fn open(path: &Path, size: usize) -> Result<StorePool, StoreError> {
        let writer = Store::open(path)?;
        Ok(StorePool {
            path: path.to_owned(),
            idle: Mutex::new(Vec::with_capacity(size)),
            permits: Arc::new(Semaphore::new(size.max(1))),
            writer: Mutex::new(writer),
            answers: AnswerCache::default(),
        })
    }

    /// Runs `f` on a reader connection on a blocking thread.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        self.run(move |store| f(store).map_err(ApiError::from))
            .await
    }

    /// Like [`StorePool::read`] for an answer serialised to JSON, kept and
    /// served again under `key` until the next ingest ([`crate::cache`]).
    /// `key` must name the endpoint and every parameter of the query.
    pub async fn read_json<T, F>(self: &Arc<Self>, key: String, f: F) -> Result<Bytes, ApiError>
    where
        T: serde::Serialize,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let pool = Arc::clone(self);
        self.run(move |store| {
            pool.answers.answer(store, key, |store| {
                let value = f(store)?;
                serde_json::to_vec(&value)
                    .map(Bytes::from)
                    .map_err(|e| ApiError::internal("encoding the answer", e))
            })
        })
        .await
    }

    async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| ApiError::internal("connection pool", e))?;
        let pool = Arc::clone(self);
        let outcome = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let store = pool.take()?;
            let result = store.snapshot(f);
            pool.give_back(store);
            result
        })
        .await;
        outcome.map_err(|e| ApiError::internal("database task", e))?
    }

    /// Runs `f` on the writer connection on a blocking thread; writes are
    /// serialised.
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = Arc::clone(self);
        let outcome = tokio::task::spawn_blocking(move || {
            // A panic while writing poisons the lock, but the store itself
            // is consistent (the transaction rolled back): go on with it.
            let mut writer = pool.writer.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut writer)
        })
        .await;
        outcome.map_err(|e| ApiError::internal("database task", e))?
    }

    fn take(&self) -> Result<Store, StoreError> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match idle {
            Some(store) => Ok(store),
            None => Store::open(&self.path),
        }
    }

    fn give_back(&self, store: Store) {
        self.idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(store);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn readers_share_a_bounded_set_of_connections() {
        let dir = tempfile::tempdir().unwrap();
        let pool = Arc::new(StorePool::open(&dir.path().join("kb.sqlite"), 2).unwrap());
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let pool = Arc::clone(&pool);
                tokio::spawn(async move { pool.read(|s| s.article_count()).await })
            })
            .collect();
        for t in tasks {
            assert_eq!(t.await.unwrap().unwrap(), 0);
        }
        let opened = pool.idle.lock().unwrap().len();
        assert!((1..=2).contains(&opened), "{opened} connections opened");
    }
}
