//! This crate provides chronicle's HTML article reader: from the raw bytes
//! of a saved news page to its main text, headline, publication date (and
//! where that date was found), canonical URL, author and language.
//!
//! ```
//! let page = br#"<html lang="en"><head><title>Storm hits coast | Daily</title>
//! <meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
//! <body><nav>Home</nav><article><h1>Storm hits coast</h1>
//! <p>A storm hit the coast on Monday, cutting power to thousands of homes in the region.</p>
//! <p>Crews worked through the night to restore the lines, the utility said on Tuesday.</p>
//! </article></body></html>"#;
//! let a = chronicle_html::extract_article(page, None).unwrap();
//! assert_eq!(a.title.as_deref(), Some("Storm hits coast"));
//! assert_eq!(a.date.unwrap().to_string(), "2024-03-05");
//! assert_eq!(a.date_source, Some(chronicle_html::DateSource::OpenGraph));
//! assert!(a.body.contains("cutting power"));
//! ```
//!
//! Pipeline: [`charset::decode`] the bytes; empty the page's scripts and
//! style sheets but JSON-LD, and drop the white space between block tags
//! ([`slim`]: no text, but 40% of a news page's bytes, a tenth of a dev
//! page's nodes at the median and a third of a large table's); parse once with `scraper` (html5ever) for metadata
//! ([`meta`], [`date`]) and the shown standfirst ([`lead`]), then drop
//! that tree; extract the body with [`body`]. Invariants: no input panics or overflows the stack — pages are
//! capped at [`MAX_BYTES`], the work runs on a long-lived thread with a
//! large stack (one per calling thread, see `guard`),
//! pages nested deeper than [`MAX_DEPTH`] skip the recursive extractor for
//! a flat one, and a panic inside a dependency becomes
//! [`HtmlError::Failed`]; a date is never invented.

pub mod body;
pub mod charset;
pub mod date;
pub mod datetext;
mod furniture;
mod guard;
pub mod lead;
pub mod meta;
pub mod score;
mod shown;
pub mod slim;
pub mod stated;

use chrono::NaiveDate;
use scraper::Html;
use std::fmt;
use thiserror::Error;

/// The largest page accepted, in bytes.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// The deepest element nesting given to the recursive extractor.
pub const MAX_DEPTH: usize = 400;
/// Stack of the extraction thread: trafilatura's tree walks recurse.
const STACK: usize = 256 * 1024 * 1024;

/// Where a page's publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSource {
    /// JSON-LD `datePublished` (or `dateCreated`).
    JsonLd,
    /// OpenGraph `article:published_time`.
    OpenGraph,
    /// Another meta tag (`date`, `pubdate`, Dublin Core, Parse.ly, …).
    Meta,
    /// Microdata `itemprop="datePublished"`.
    Microdata,
    /// A `<time>` element.
    Time,
    /// The URL's date path.
    Url,
    /// A date written in a dateline or byline.
    Dateline,
    /// A modification date, the only date the page states.
    Modified,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::JsonLd => "json-ld",
            DateSource::OpenGraph => "opengraph",
            DateSource::Meta => "meta",
            DateSource::Microdata => "microdata",
            DateSource::Time => "time",
            DateSource::Url => "url",
            DateSource::Dateline => "dateline",
            DateSource::Modified => "modified",
        }
    }
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What was read from one page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// The main text, paragraphs separated by a blank line; may be empty.
    pub body: String,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub date_source: Option<DateSource>,
    /// `<link rel=canonical>` or `og:url`, else the URL given.
    pub canonical_url: Option<String>,
    pub author: Option<String>,
    /// ISO 639-1 where known (else 639-3): declared, else detected.
    pub language: Option<String>,
}

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HtmlError {
    #[error("page of {0} bytes exceeds the {MAX_BYTES}-byte limit")]
    TooLarge(usize),
    #[error("extraction failed: {0}")]
    Failed(String),
}

/// Reads one page. `url` is where it came from, when known (it can carry
/// the date and is the fallback canonical URL).
pub fn extract_article(html: &[u8], url: Option<&str>) -> Result<Article, HtmlError> {
    if html.len() > MAX_BYTES {
        return Err(HtmlError::TooLarge(html.len()));
    }
    let (text, _) = charset::decode(html);
    let url = url.map(str::to_owned);
    guarded(move || extract_str(&text, url.as_deref()))
}

/// A page's markup: its `<` bytes, about its elements (those inside scripts
/// count too). What extraction costs grows with it, not with the page's
/// bytes: the read-ahead weighs pages by it for concurrent extraction, and
/// [`body`] bounds trafilatura's fallbacks by it.
pub fn markup(html: &[u8]) -> usize {
    memchr::memchr_iter(b'<', html).count()
}

/// Runs a page's reading on the calling thread's extraction worker.
fn guarded(job: impl FnOnce() -> Article + Send + 'static) -> Result<Article, HtmlError> {
    guard::run_guarded(STACK, job)
}

/// The trafilatura crate's own reading of a page (its text, title and
/// date, unchanged), on the same guarded thread: the baseline that
/// `chronicle eval html --system trafilatura-crate` scores.
pub fn extract_baseline(html: &[u8], url: Option<&str>) -> Result<Article, HtmlError> {
    if html.len() > MAX_BYTES {
        return Err(HtmlError::TooLarge(html.len()));
    }
    let (text, _) = charset::decode(html);
    let url = url.and_then(|u| url::Url::parse(u).ok());
    guarded(move || {
        if depth(&Html::parse_document(&text)) > MAX_DEPTH {
            return Article::default();
        }
        let mut opts = trafilatura::Options::default()
            .with_fallback(true)
            .with_exclude_comments(true);
        if let Some(u) = url {
            opts = opts.with_url(u);
        }
        match trafilatura::extract(&text, &opts) {
            Ok(r) => Article {
                body: r.content_text,
                title: Some(r.metadata.title).filter(|t| !t.is_empty()),
                date: r.metadata.date,
                ..Article::default()
            },
            Err(_) => Article::default(),
        }
    })
}

/// The work of [`extract_article`] on decoded text, on the current thread.
///
/// Everything read from the page's own tree (metadata, date, the shown
/// standfirst) is read before the body is extracted, and the tree dropped:
/// trafilatura builds trees of its own, and on a page of many thousand
/// tags ours would be 5 MB more held through the whole extraction.
fn extract_str(text: &str, url: Option<&str>) -> Article {
    let slim = slim::slimmed(text);
    let text = slim.as_ref();
    let doc = Html::parse_document(text);
    let tags = meta::MetaTags::of(&doc);
    let canonical = meta::canonical(&doc, &tags).or_else(|| url.map(str::to_owned));
    let found = date::find(&doc, url, canonical.as_deref());
    let title = meta::title(&doc, &tags);
    let description = tags
        .get("og:description")
        .or_else(|| tags.get("description"))
        .or_else(|| tags.get("twitter:description"));
    let standfirst = lead::Standfirst::find(&doc, description);
    let author = meta::author(&doc, &tags);
    let declared_language = meta::language(&doc, &tags);
    let mut body = if depth(&doc) > MAX_DEPTH {
        // Too deep for trafilatura's recursive walks: no other tree is built.
        body::flat_text(&doc)
    } else {
        drop(doc);
        let extracted = body::extract(text, url.or(canonical.as_deref()));
        match extracted.trim().is_empty() {
            // Rarely (trafilatura found nothing) parsed again, rather than
            // our tree held through every page's extraction.
            true => body::flat_text(&Html::parse_document(text)),
            false => extracted,
        }
    };
    if let Some(standfirst) = &standfirst {
        body = standfirst.restore(&body);
    }
    body = body::drop_heading(&body, title.as_deref(), description);
    let language = declared_language.or_else(|| detect_language(&body));
    Article {
        title,
        date: found.map(|f| f.0),
        date_source: found.map(|f| f.1),
        author,
        canonical_url: canonical,
        language,
        body,
    }
}

/// The deepest element nesting of `doc`, computed without recursion.
fn depth(doc: &Html) -> usize {
    let (mut d, mut max) = (0usize, 0usize);
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(_) => {
                d += 1;
                max = max.max(d);
            }
            ego_tree::iter::Edge::Close(_) => d = d.saturating_sub(1),
        }
    }
    max
}

fn detect_language(body: &str) -> Option<String> {
    let sample: String = body.chars().take(2000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    let short = chronicle_core::iso_639_1(code).unwrap_or(code);
    Some(short.to_owned())
}

#[cfg(test)]
mod tests;
