//! Tells other connections that a bulk load is running, so that opening the
//! database meanwhile does not build the indexes the load deferred (a write
//! that would wait for the load's lock, then undo the deferral halfway).
//!
//! The sign is a lock, not a row: a load holds an exclusive SQLite lock on
//! a side file (`DB-loading`) for as long as it runs. The operating system
//! drops the lock when the process ends however it ends, so a killed load
//! leaves at most a stale file, which the next [`load_running`] check
//! removes — and the indexes are then built as before.

use crate::StoreError;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The side file of the database at `db`.
fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-loading");
    PathBuf::from(name)
}

/// A bulk load's lock, held until dropped (the side file then removed).
#[derive(Debug)]
pub(crate) struct LoadLock {
    conn: Option<Connection>,
    path: PathBuf,
}

impl LoadLock {
    /// Takes the lock of the database at `db`.
    pub(crate) fn take(db: &Path) -> Result<LoadLock, StoreError> {
        let path = lock_path(db);
        let conn = Connection::open(&path)?;
        conn.execute_batch("BEGIN EXCLUSIVE")?;
        Ok(LoadLock {
            conn: Some(conn),
            path,
        })
    }
}

impl Drop for LoadLock {
    fn drop(&mut self) {
        // Closing releases the lock; the file goes after it.
        drop(self.conn.take());
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Whether a bulk load of the database at `db` is running (in this process
/// or another). A stale side file left by a killed load is removed.
pub(crate) fn load_running(db: &Path) -> bool {
    let path = lock_path(db);
    let Ok(conn) = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_WRITE) else {
        return false; // no side file: no load
    };
    // No waiting: a held lock answers at once.
    if conn.busy_timeout(std::time::Duration::ZERO).is_err() {
        return false;
    }
    match conn.execute_batch("BEGIN EXCLUSIVE; ROLLBACK") {
        Ok(()) => {
            drop(conn);
            let _ = std::fs::remove_file(&path);
            false
        }
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_is_seen_and_a_released_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kb.sqlite");
        assert!(!load_running(&db));
        let lock = LoadLock::take(&db).unwrap();
        assert!(load_running(&db));
        drop(lock);
        assert!(!load_running(&db));
        assert!(!lock_path(&db).exists(), "the side file goes with the lock");
    }

    #[test]
    fn a_stale_side_file_is_no_load_and_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kb.sqlite");
        // As a killed load leaves it: the file, no lock.
        Connection::open(lock_path(&db)).unwrap();
        assert!(lock_path(&db).exists());
        assert!(!load_running(&db));
        assert!(!lock_path(&db).exists());
    }
}
