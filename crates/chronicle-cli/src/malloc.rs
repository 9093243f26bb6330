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
//! An arena gives back to the system only the free memory at its top; the
//! pages of freed blocks between live ones stay resident, and over a long
//! run such holes add up. A background thread calls `malloc_trim` once a
//! [`TRIM_EVERY`], which hands every whole free page back (measured on a
//! 200 MB WARC, `--threads 2`: peak 179 → 168 MB).
//!
//! This is the only place in chronicle with `unsafe` code: calls of glibc's
//! `mallopt` and `malloc_trim`, which change a tunable or release free
//! pages and touch no Rust memory.

/// How often free pages inside the arenas are given back.
pub const TRIM_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Fixes the threshold at 64 KiB and starts the trimming thread; a no-op
/// outside glibc.
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
        // Without the thread chronicle runs as before, only holding more.
        let _ = std::thread::Builder::new()
            .name("chronicle-trim".into())
            .stack_size(64 * 1024)
            .spawn(|| loop {
                std::thread::sleep(TRIM_EVERY);
                #[allow(unsafe_code)]
                // SAFETY: `malloc_trim` takes each arena's lock and only
                // returns free pages to the system; blocks in use are not
                // touched.
                unsafe {
                    libc::malloc_trim(0);
                }
            });
    }
}
