//! Tunes the C allocator (glibc's malloc) once, at start, so that the
//! memory a long run holds stays what it uses — flat in input length.
//!
//! glibc serves a request of at least the mmap threshold with its own
//! mapping, given back to the system when freed; smaller ones come from
//! per-thread arenas, which keep what was freed inside them. The threshold
//! starts at 128 KiB but rises to the size of every mapped block freed (up
//! to 32 MiB): after one large web page, every page's buffers, trees and
//! strings come from the arenas, which fragment, so resident memory grows
//! with the number of pages read. Fixing the threshold stops the rise
//! (measured on a 40 MB WARC, `--threads 2`: peak 207 → 167 MB, no slower).
//! The number of arenas is left as it is: capping it at the number of cores
//! (tried) took a few MB more off a long run but made the ingest's threads
//! wait on each other's arena locks (futex calls 1,100 → 13,900 on the
//! corpus).
//!
//! This is the only place in chronicle with `unsafe` code: one call of
//! glibc's `mallopt`, which changes a tunable and touches no Rust memory.

/// Fixes the threshold at 64 KiB; a no-op outside glibc.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // Blocks of at least this many bytes get their own mapping.
        const MMAP_THRESHOLD: i32 = 64 * 1024;
        #[allow(unsafe_code)]
        // SAFETY: `mallopt` only sets allocator parameters; it is called
        // before any other thread exists, and a refused setting returns 0
        // and leaves glibc's default in place.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        }
    }
}
