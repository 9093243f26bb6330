//! chronicle's article readers: they turn files, folders and standard input
//! into [`Document`]s, one at a time.
//!
//! Formats (see [`InputFormat`]):
//! - **dated text**: optional white space, `date YYYY-MM-DD`, then the body,
//!   which starts at the first non-white-space character after the date and
//!   runs, exactly as read, to the end of the input;
//! - **plain text**: the whole input is the body, dated by
//!   [`ReadOptions::default_date`];
//! - **JSON Lines**: one object per line with `text` (or `body`, `content`),
//!   `date`, `id`, `url`, `title`, `source`, `language`; other fields go to
//!   [`Document::metadata`];
//! - **HTML pages** (`.html`, `.htm`): the main text, title, canonical URL,
//!   language, and the page's publication date, with `date_source` and
//!   `author` in the metadata (see `chronicle-html`);
//! - **WARC archives** (`.warc`, `.warc.gz`, Common Crawl's CC-NEWS): every
//!   HTTP 200 HTML response is read as a page, dated by the page, else by
//!   its `WARC-Date`; records are streamed one at a time;
//! - **feeds** (`.rss`, `.atom`, or RSS / Atom content): every item is a
//!   document with the item's date, link, title and content or summary.
//!
//! Any input starting with the gzip magic is decompressed on the fly; `-` is
//! standard input; a folder is read recursively in file-name order. HTML
//! pages (a WARC's records, consecutive page files) are read a bounded
//! number ahead and extracted in parallel on the current rayon pool, results
//! in input order (`ahead`).
//!
//! Invariants: memory stays flat whatever the input — JSON Lines are read one
//! line at a time, a text article is read up to [`ReadOptions::max_bytes`]
//! and no further, pages are read ahead within a fixed budget, and [`Dedup`]
//! remembers a bounded window of originals; every problem is one [`ReadError`] naming the input and
//! the position, and reading goes on with the next record or input; no input
//! makes a reader panic; every document has a non-empty body, a date and its
//! [`chronicle_core::Origin`].
//!
//! ```
//! use chronicle_read::{read_bytes, ReadOptions};
//! let docs = read_bytes("nato.txt", b" date 2022-03-16 NATO met.", &ReadOptions::default());
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!((doc.id.as_str(), doc.body()), ("nato", "NATO met."));
//! ```

mod ahead;
mod dedup;
mod error;
mod feed;
mod html;
mod input;
mod jsonl;
mod lines;
mod sniff;
mod text;
mod warc;

pub use dedup::{Dedup, DedupStats, Deduplicator, MIN_NEAR_WORDS, NEAR_THRESHOLD};
pub use error::{Position, ReadError};
pub use input::{Articles, Input};

use chronicle_core::{Date, Document};

/// Default for [`ReadOptions::max_bytes`]: 16 MiB.
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// How to read inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Decide per input: `.jsonl`, `.ndjson` and `.json` are JSON Lines,
    /// `.txt` and `.text` are text (dated when they start with a `date`
    /// header), `.html` and `.htm` HTML, `.warc` WARC, `.rss` and `.atom` feeds; other names and standard input are
    /// JSON Lines when their first non-white-space byte is `{`, HTML when
    /// they open with `<!doctype html` or `<html`, text otherwise.
    #[default]
    Auto,
    /// Text that must start with a `date YYYY-MM-DD` header.
    DatedText,
    /// Plain text: the whole input is the body, dated by the default date.
    Text,
    /// JSON Lines.
    Jsonl,
    /// An HTML page: its main text, dated by the page (see `chronicle-html`).
    Html,
    /// A WARC archive: its HTML responses, each read as a page.
    Warc,
    /// An RSS or Atom feed: one document per item.
    Feed,
}

/// Options shared by all inputs of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    pub format: InputFormat,
    /// The publication date of articles that carry none (the CLI's `--date`).
    pub default_date: Option<Date>,
    /// The largest text article, or JSON Lines record, accepted, in bytes.
    pub max_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: InputFormat::Auto,
            default_date: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Reads every article of `inputs`, in order, one at a time.
pub fn read_inputs(inputs: Vec<Input>, opts: ReadOptions) -> Articles {
    Articles::new(inputs, opts)
}

/// Reads an in-memory input named `name` with the same rules as a file of
/// that name (`-` behaves as standard input); for tests and fuzzing.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<Result<Document, ReadError>> {
    input::open(name, Box::new(bytes), opts).collect()
}

#[cfg(test)]
mod tests;
