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
//! glibc also makes up to eight arenas per core, each keeping its own freed
//! memory; one per core is enough for workers that mostly compute (on top
//! of the threshold, the same file: 167 → 162 MB, a 200 MB one: 140 → 130 MB
//! between pages).
//!
//! This is the only place in chronicle with `unsafe` code: two calls of
//! glibc's `mallopt`, which change tunables and touches no Rust memory.

/// Fixes the threshold at 64 KiB and allows one arena per core; a no-op outside
/// glibc.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // Blocks of at least this many bytes get their own mapping.
        const MMAP_THRESHOLD: i32 = 64 * 1024;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = i32::try_from(cores).unwrap_or(i32::MAX).max(2);
        #[allow(unsafe_code)]
        // SAFETY: `mallopt` only sets allocator parameters; it is called
        // before any other thread exists, and a refused setting returns 0
        // and leaves glibc's default in place.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}
