//! RSS and Atom feeds (and RSS 1.0 / JSON Feed, through `feed-rs`): every
//! item becomes a document, its body the item's content, else its summary,
//! as text (HTML fragments are turned into paragraphs by
//! `chronicle_html::body::fragment_text`), dated by the item's publication
//! date, else its update date, else the default date.
//!
//! The item's link is kept as the document's URL (and `metadata.link`), so
//! a later reader with network access can fetch the linked page and read it
//! with the HTML page reader instead; no page is fetched here.
//!
//! Invariants: a feed is read whole but never more than `max_bytes + 1`
//! bytes; a feed that does not parse is one error for the input; an item
//! without text or date is one error (`line N` is the 1-based item number)
//! and the other items are still read; `Origin::line` is the item number.

use crate::{Position, ReadError, ReadOptions};
use chronicle_core::{is_space, Date, Document, Origin};
use feed_rs::model::{Entry, Text};
use serde_json::Value;
use std::io::BufRead;

/// Streams the items of one feed, parsed up front.
pub(crate) struct FeedReader {
    input: String,
    stem: String,
    default_date: Option<Date>,
    feed_title: Option<String>,
    language: Option<String>,
    entries: std::iter::Enumerate<std::vec::IntoIter<Entry>>,
    /// An error for the whole feed, given once instead of any item.
    failure: Option<ReadError>,
}

impl FeedReader {
    pub fn new(
        input: &str,
        stem: String,
        reader: &mut dyn BufRead,
        compressed: bool,
        opts: &ReadOptions,
    ) -> FeedReader {
        let mut feed_reader = FeedReader {
            input: input.to_owned(),
            stem,
            default_date: opts.default_date,
            feed_title: None,
            language: None,
            entries: Vec::new().into_iter().enumerate(),
            failure: None,
        };
        let err = |position, reason: String| Some(ReadError::new(input, position, reason));
        let buf = match crate::input::read_capped(reader, opts.max_bytes, compressed) {
            Ok(buf) if buf.len() > opts.max_bytes => {
                let reason = format!(
                    "feed of more than {} bytes exceeds the limit",
                    opts.max_bytes
                );
                feed_reader.failure = err(Position::None, reason);
                return feed_reader;
            }
            Ok(buf) => buf,
            Err((buf, reason)) => {
                feed_reader.failure = err(Position::Byte(buf.len() as u64), reason);
                return feed_reader;
            }
        };
        match feed_rs::parser::parse(buf.as_slice()) {
            Ok(feed) => {
                feed_reader.feed_title = feed.title.map(|t| plain(&t));
                feed_reader.language = feed.language;
                feed_reader.entries = feed.entries.into_iter().enumerate();
            }
            Err(e) => {
                let reason = format!("not a readable RSS or Atom feed: {e}");
                feed_reader.failure = err(Position::None, reason);
            }
        }
        feed_reader
    }

    fn document(&self, number: u64, entry: Entry) -> Result<Document, String> {
        let (body, body_source) = match (entry.content.and_then(|c| c.body), entry.summary) {
            (Some(content), _) if !is_blank(&content) => (as_text(&content), "content"),
            (_, Some(summary)) => (plain(&summary), "summary"),
            (_, None) => (String::new(), "none"),
        };
        if is_blank(&body) {
            return Err("item without content or summary".into());
        }
        let (date, date_source) = match (entry.published, entry.updated, self.default_date) {
            (Some(p), _, _) => (p.date_naive(), "feed-published"),
            (None, Some(u), _) => (u.date_naive(), "feed-updated"),
            (None, None, Some(d)) => (d, "default"),
            (None, None, None) => {
                return Err("item without a date: give --date YYYY-MM-DD".into());
            }
        };
        let id = if entry.id.trim().is_empty() {
            format!("{}:{number}", self.stem)
        } else {
            entry.id
        };
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone());
        let mut doc = Document::new(id, date, body);
        doc.title = entry.title.map(|t| plain(&t)).filter(|t| !is_blank(t));
        doc.url.clone_from(&link);
        doc.language = entry.language.or_else(|| self.language.clone());
        let metadata = [
            ("date_source", Some(date_source.to_owned())),
            ("body_source", Some(body_source.to_owned())),
            ("link", link),
            ("feed_title", self.feed_title.clone()),
            ("author", entry.authors.first().map(|a| a.name.clone())),
        ];
        for (key, value) in metadata {
            if let Some(value) = value.filter(|v| !is_blank(v)) {
                doc.metadata.insert(key.into(), Value::String(value));
            }
        }
        doc.origin = Origin {
            input: self.input.clone(),
            line: Some(number),
        };
        Ok(doc)
    }
}

impl Iterator for FeedReader {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(failure) = self.failure.take() {
            self.entries = Vec::new().into_iter().enumerate();
            return Some(Err(failure));
        }
        let (index, entry) = self.entries.next()?;
        let number = index as u64 + 1;
        Some(
            self.document(number, entry)
                .map_err(|reason| ReadError::new(&self.input, Position::Line(number), reason)),
        )
    }
}

fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// A feed text as plain text: HTML and XHTML are rendered to paragraphs;
/// RSS declares no type, so other text is rendered when it holds markup.
fn plain(text: &Text) -> String {
    if text.content_type.as_str().contains("html") {
        chronicle_html::body::fragment_text(&text.content)
    } else {
        as_text(&text.content)
    }
}

/// Content of unknown type: rendered as HTML when it holds markup (RSS
/// descriptions usually do, undeclared), else kept with its line breaks.
fn as_text(s: &str) -> String {
    let looks_like_markup = s.contains('<') && s.contains('>');
    if looks_like_markup {
        chronicle_html::body::fragment_text(s)
    } else {
        s.trim().to_owned()
    }
}

#[cfg(test)]
mod tests;
