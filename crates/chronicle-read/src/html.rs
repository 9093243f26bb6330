//! HTML article pages: one document per page, its body the page's main
//! text as `chronicle-html` extracts it, dated by the page's own
//! publication date, else by the caller's default date.
//!
//! Invariants: at most `max_bytes + 1` bytes are read; the page's charset
//! is detected (bytes need not be UTF-8); metadata records where the date
//! came from (`date_source`: `json-ld`, `opengraph`, `meta`, `time`, `url`,
//! `dateline`, … or `default`), the author and the canonical URL; no page
//! makes the reader panic (extraction runs guarded, see `chronicle-html`).

use crate::{Position, ReadError, ReadOptions};
use chronicle_core::{Document, Origin};
use serde_json::Value;
use std::io::BufRead;

/// The error for a page that states no date when no default is given.
pub(crate) const NO_PAGE_DATE: &str =
    "no publication date found in the page: give --date YYYY-MM-DD";

/// An HTML page read into memory whose document is still to be made (see
/// [`crate::ahead`]: a folder of pages is extracted in parallel).
#[derive(Debug)]
pub(crate) struct PendingPage {
    input: String,
    id: String,
    html: Vec<u8>,
    opts: ReadOptions,
}

impl PendingPage {
    /// The bytes of the page.
    pub fn bytes(&self) -> usize {
        self.html.len()
    }

    /// The page's extraction weight ([`crate::ahead::markup`]).
    pub fn markup(&self) -> usize {
        crate::ahead::markup(&self.html)
    }

    /// The page's document: its main text extracted.
    pub fn document(self) -> Result<Document, ReadError> {
        page_document(&self.input, &self.id, &self.html, None, None, &self.opts).map(|mut doc| {
            // A page is one record; its body is extracted, so no finer place.
            doc.origin.line = Some(1);
            doc
        })
    }
}

/// Reads one HTML page from `reader`, for extraction later.
pub(crate) fn read_html(
    input: &str,
    id: &str,
    reader: &mut dyn BufRead,
    compressed: bool,
    opts: &ReadOptions,
) -> Result<PendingPage, ReadError> {
    let err = |position, reason: String| ReadError::new(input, position, reason);
    let html = match crate::input::read_capped(reader, opts.max_bytes, compressed) {
        Ok(buf) => buf,
        Err((buf, reason)) => return Err(err(Position::Byte(buf.len() as u64), reason)),
    };
    if html.len() > opts.max_bytes {
        return Err(err(
            Position::None,
            format!(
                "document of more than {} bytes exceeds the limit",
                opts.max_bytes
            ),
        ));
    }
    Ok(PendingPage {
        input: input.to_owned(),
        id: id.to_owned(),
        html,
        opts: opts.clone(),
    })
}

/// Builds the document of one page already in memory (a file, a WARC
/// record): `url` is where it was fetched from, `fallback` a date with its
/// source name used when the page states none (before the default date).
/// `origin.input` is set; the caller sets `origin.line`.
pub(crate) fn page_document(
    input: &str,
    id: &str,
    page: &[u8],
    url: Option<&str>,
    fallback: Option<(chronicle_core::Date, &'static str)>,
    opts: &ReadOptions,
) -> Result<Document, ReadError> {
    let err = |reason: String| ReadError::new(input, Position::None, reason);
    let article = chronicle_html::extract_article(page, url).map_err(|e| err(e.to_string()))?;
    if article.body.trim().is_empty() {
        return Err(err("no main text found in the page".into()));
    }
    let fallback = fallback.or(opts.default_date.map(|d| (d, "default")));
    let (date, source) = match (article.date, fallback) {
        (Some(d), _) => (d, article.date_source.map_or("page", |s| s.as_str())),
        (None, Some((d, source))) => (d, source),
        (None, None) => return Err(err(NO_PAGE_DATE.into())),
    };
    let mut doc = Document::new(id, date, article.body);
    doc.url = article.canonical_url;
    doc.title = article.title;
    doc.language = article.language;
    doc.metadata
        .insert("date_source".into(), Value::String(source.to_owned()));
    if let Some(author) = article.author {
        doc.metadata.insert("author".into(), Value::String(author));
    }
    doc.origin = Origin {
        input: input.to_owned(),
        line: None,
    };
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use crate::{read_bytes, InputFormat, ReadOptions};
    use chronicle_core::Date;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Bridge reopens | Gazette</title>
<meta property="article:published_time" content="2021-06-07T09:00:00+02:00">
<link rel="canonical" href="https://gazette.example/bridge"></head><body>
<nav>Home | World | Sport</nav><article><h1>Bridge reopens</h1>
<p>The old bridge over the river reopened to traffic on Monday after two years of repairs.</p>
<p>Engineers replaced the deck and strengthened the piers, the city said in a statement.</p>
</article></body></html>"#;

    fn one(
        name: &str,
        bytes: &[u8],
        opts: &ReadOptions,
    ) -> Result<chronicle_core::Document, crate::ReadError> {
        let mut all = read_bytes(name, bytes, opts);
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    #[test]
    fn a_page_becomes_one_dated_document() {
        let doc = one("bridge.html", PAGE.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(doc.id, "bridge");
        assert_eq!(doc.date, Date::from_ymd_opt(2021, 6, 7).unwrap());
        assert_eq!(doc.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(doc.url.as_deref(), Some("https://gazette.example/bridge"));
        assert_eq!(doc.language.as_deref(), Some("en"));
        assert_eq!(doc.metadata["date_source"], "opengraph");
        assert!(doc.body().contains("reopened to traffic"));
        assert!(!doc.body().contains("Sport"));
    }

    #[test]
    fn html_is_sniffed_from_content_and_gzip() {
        let doc = one("-", PAGE.as_bytes(), &ReadOptions::default()).unwrap();
        assert!(doc.body().contains("Engineers replaced"));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, PAGE.as_bytes()).unwrap();
        let doc = one(
            "page.htm.gz",
            &gz.finish().unwrap(),
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(doc.id, "page");
        let forced = ReadOptions {
            format: InputFormat::Html,
            ..ReadOptions::default()
        };
        assert!(one("page.txt", PAGE.as_bytes(), &forced).is_ok());
    }

    #[test]
    fn undated_page_needs_a_default_date() {
        let page = PAGE.replace("article:published_time", "x");
        let e = one("p.html", page.as_bytes(), &ReadOptions::default()).unwrap_err();
        assert_eq!(e.to_string(), format!("p.html: {}", super::NO_PAGE_DATE));
        let opts = ReadOptions {
            default_date: Date::from_ymd_opt(2020, 1, 1),
            ..ReadOptions::default()
        };
        let doc = one("p.html", page.as_bytes(), &opts).unwrap();
        assert_eq!(doc.metadata["date_source"], "default");
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        assert!(one(
            "e.html",
            b"<html><body></body></html>",
            &ReadOptions::default()
        )
        .is_err());
    }
}
