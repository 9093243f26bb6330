//! WARC archives (ISO 28500, as written by Common Crawl for CC-NEWS): every
//! `response` record holding an HTTP 200 HTML page becomes one document, its
//! body the page's main text (see [`crate::html`]), dated by the page, else
//! by the record's `WARC-Date`.
//!
//! The archive is streamed record by record (a `.warc.gz` of per-record gzip
//! members is undone upstream by a `MultiGzDecoder`): a bounded number of
//! pages is read ahead and their main text extracted in parallel on the
//! current rayon pool (see [`crate::ahead`]), and a block larger than
//! `max_bytes` plus an allowance for HTTP headers is skipped without being
//! buffered, so memory does not grow with the archive. Documents and errors
//! come out in the archive's order.
//!
//! Invariants: every problem is one [`ReadError`] at `byte N` — the offset of
//! the record's `WARC/` line in the decompressed stream — and reading goes on:
//! a malformed header skips to the next line that starts with `WARC/`; only a
//! stream that ends inside a block or breaks off ends the input. Records that
//! are not pages (requests, metadata, redirects, images) are passed over
//! silently: they are not articles. `Origin::line` is the 1-based record
//! number.

use crate::ahead::{self, Ahead};
use crate::html::page_document;
use crate::input::stream_error;
use crate::sniff::Reader;
use crate::{Position, ReadError, ReadOptions};
use chronicle_core::{parse_publication_date, Document, Origin};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

/// The longest header line kept; longer ones are malformed.
const MAX_LINE: usize = 64 * 1024;
/// The most header lines a record may have.
const MAX_HEADERS: usize = 512;
/// Room for the HTTP status line and headers on top of `max_bytes`.
const HTTP_HEADER_ALLOWANCE: usize = 256 * 1024;

/// The named fields of a WARC record header that matter here.
#[derive(Debug, Default)]
struct RecordHeader {
    kind: Option<String>,
    length: Option<u64>,
    uri: Option<String>,
    date: Option<String>,
    id: Option<String>,
}

/// What one record turned out to be.
enum Record {
    /// A page to extract, or why it cannot become one.
    Page(Box<Result<Page, String>>),
    /// Not an article (another record type, status or media type).
    Other,
}

/// An HTML page read from a response record, waiting for extraction.
struct Page {
    header: RecordHeader,
    html: Vec<u8>,
}

/// A page read ahead, whose document is still to be made: `record` is its
/// number, `start` the offset of its `WARC/` line.
struct Pending {
    page: Page,
    record: u64,
    start: u64,
}

/// Streams the pages of one WARC input.
pub(crate) struct WarcReader<'a> {
    input: String,
    stem: String,
    reader: Reader<'a>,
    compressed: bool,
    opts: ReadOptions,
    /// Bytes consumed from the (decompressed) stream.
    offset: u64,
    /// Records started so far.
    records: u64,
    line: Vec<u8>,
    block: Vec<u8>,
    /// Results read ahead, extracted, not yet returned.
    ready: VecDeque<Result<Document, ReadError>>,
    /// After a malformed record: lines are skipped until a `WARC/` line.
    syncing: bool,
    done: bool,
}

impl<'a> WarcReader<'a> {
    pub fn new(
        input: &str,
        stem: String,
        reader: Reader<'a>,
        compressed: bool,
        opts: &ReadOptions,
    ) -> WarcReader<'a> {
        WarcReader {
            input: input.to_owned(),
            stem,
            reader,
            compressed,
            opts: opts.clone(),
            offset: 0,
            records: 0,
            line: Vec::new(),
            block: Vec::new(),
            ready: VecDeque::new(),
            syncing: false,
            done: false,
        }
    }

    fn error(&self, at: u64, reason: impl Into<String>) -> ReadError {
        ReadError::new(self.input.as_str(), Position::Byte(at), reason)
    }

    /// Reads one line into `self.line` (without its line break), keeping at
    /// most [`MAX_LINE`] bytes. `Ok(None)` at the end of the input,
    /// `Ok(Some(false))` for a line that was too long.
    fn read_line(&mut self) -> io::Result<Option<bool>> {
        self.line.clear();
        let mut started = false;
        let mut fits = true;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            started = true;
            let newline = memchr::memchr(b'\n', available);
            let take = newline.map_or(available.len(), |at| at + 1);
            let chunk = available.get(..take).unwrap_or(available);
            if fits && self.line.len() + chunk.len() <= MAX_LINE + 2 {
                self.line.extend_from_slice(chunk);
            } else {
                fits = false;
            }
            self.reader.consume(take);
            self.offset += take as u64;
            if newline.is_some() {
                break;
            }
        }
        if !started {
            return Ok(None);
        }
        while self.line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            self.line.pop();
        }
        Ok(Some(fits))
    }

    /// Reads the header lines after the version line, up to the blank line.
    fn read_header(&mut self) -> io::Result<Result<RecordHeader, String>> {
        let mut header = RecordHeader::default();
        for _ in 0..MAX_HEADERS {
            match self.read_line()? {
                None => return Ok(Err("the input ends inside a record header".into())),
                Some(false) => return Ok(Err("header line too long".into())),
                Some(true) if self.line.is_empty() => return Ok(Ok(header)),
                Some(true) => {}
            }
            let line = String::from_utf8_lossy(&self.line);
            let Some((name, value)) = line.split_once(':') else {
                return Ok(Err(format!(
                    "header line without a colon: {:?}",
                    clip(&line)
                )));
            };
            let value = value.trim().to_owned();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = Some(value),
                "warc-target-uri" => header.uri = Some(value.trim_matches(['<', '>']).to_owned()),
                "warc-date" => header.date = Some(value),
                "warc-record-id" => header.id = Some(value.trim_matches(['<', '>']).to_owned()),
                "content-length" => match value.parse() {
                    Ok(n) => header.length = Some(n),
                    Err(_) => return Ok(Err(format!("bad Content-Length {:?}", clip(&value)))),
                },
                _ => {}
            }
        }
        Ok(Err(format!("more than {MAX_HEADERS} header lines")))
    }

    /// Reads or skips a block of `length` bytes; `keep` reads it into
    /// `self.block`. `Ok(false)` when the input ended first.
    fn take_block(&mut self, length: u64, keep: bool) -> io::Result<bool> {
        self.block.clear();
        let mut limited = (&mut self.reader).take(length);
        let got = if keep {
            limited.read_to_end(&mut self.block)? as u64
        } else {
            io::copy(&mut limited, &mut io::sink())?
        };
        self.offset += got;
        Ok(got == length)
    }

    /// Reads the record whose version line was just read.
    fn record(&mut self, start: u64) -> Result<Record, ReadError> {
        let header = match self.read_header() {
            Ok(Ok(header)) => header,
            Ok(Err(reason)) => {
                self.syncing = true;
                return Err(self.error(start, reason));
            }
            Err(e) => return Err(self.broken(start, &e)),
        };
        let Some(length) = header.length else {
            self.syncing = true;
            return Err(self.error(start, "record without a Content-Length"));
        };
        let is_response = header.kind.as_deref() == Some("response");
        let cap = self.opts.max_bytes.saturating_add(HTTP_HEADER_ALLOWANCE) as u64;
        let keep = is_response && length <= cap;
        match self.take_block(length, keep) {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return Err(self.error(
                    start,
                    format!("truncated record: the input ends inside its {length}-byte block"),
                ));
            }
            Err(e) => return Err(self.broken(start, &e)),
        }
        if !is_response {
            return Ok(Record::Other);
        }
        if !keep {
            return Ok(Record::Page(Box::new(Err(format!(
                "record of {length} bytes exceeds the limit of {} bytes",
                self.opts.max_bytes
            )))));
        }
        let html = match http_html_payload(&self.block, self.opts.max_bytes) {
            Ok(Some(html)) => html.into_owned(),
            Ok(None) => return Ok(Record::Other),
            Err(reason) => return Ok(Record::Page(Box::new(Err(reason)))),
        };
        Ok(Record::Page(Box::new(Ok(Page { header, html }))))
    }

    /// The document of a page read from record number `record` (no `self`:
    /// pages are extracted in parallel while the reader is not shared).
    fn document(
        input: &str,
        stem: &str,
        opts: &ReadOptions,
        page: &Page,
        record: u64,
    ) -> Result<Document, String> {
        let Page { header, html } = page;
        let page = html.as_slice();
        let warc_date = header
            .date
            .as_deref()
            .and_then(|d| parse_publication_date(d).ok())
            .map(|d| (d, "warc-date"));
        let id = format!("{stem}:{record}");
        let mut doc = page_document(input, &id, page, header.uri.as_deref(), warc_date, opts)
            .map_err(|e| e.reason)?;
        for (key, value) in [
            ("warc_record_id", &header.id),
            ("warc_date", &header.date),
            ("warc_target_uri", &header.uri),
        ] {
            if let Some(value) = value {
                doc.metadata
                    .insert(key.into(), Value::String(value.to_owned()));
            }
        }
        if doc.url.is_none() {
            doc.url.clone_from(&header.uri);
        }
        doc.origin = Origin {
            input: input.to_owned(),
            line: Some(record),
        };
        Ok(doc)
    }

    /// The error of record `record`, which starts at `start`.
    fn record_error(input: &str, start: u64, record: u64, reason: &str) -> ReadError {
        ReadError::new(
            input,
            Position::Byte(start),
            format!("record {record}: {reason}"),
        )
    }

    /// The error for a stream that broke off; nothing more can be read.
    fn broken(&mut self, start: u64, e: &io::Error) -> ReadError {
        self.done = true;
        self.error(start, stream_error(e, self.compressed))
    }
}

impl WarcReader<'_> {
    /// The next record that is a page or an error, in archive order; `None`
    /// at the end of the input.
    fn next_ahead(&mut self) -> Option<Ahead<Pending>> {
        while !self.done {
            let start = self.offset;
            match self.read_line() {
                Ok(None) => self.done = true,
                Err(e) => return Some(Ahead::Ready(Box::new(Err(self.broken(start, &e))))),
                Ok(Some(_)) if self.line.iter().all(u8::is_ascii_whitespace) => {}
                Ok(Some(_)) if !self.line.starts_with(b"WARC/") => {
                    if !self.syncing {
                        self.syncing = true;
                        return Some(Ahead::Ready(Box::new(Err(self.error(
                            start,
                            "not a WARC record (no WARC/ version line): skipped to the next record",
                        )))));
                    }
                }
                Ok(Some(_)) => {
                    self.syncing = false;
                    self.records += 1;
                    let record = self.records;
                    match self.record(start) {
                        Ok(Record::Other) => {}
                        Ok(Record::Page(page)) => {
                            return Some(match *page {
                                Ok(page) => Ahead::Pending(Pending {
                                    page,
                                    record,
                                    start,
                                }),
                                Err(reason) => {
                                    let input = self.input.as_str();
                                    let error = Self::record_error(input, start, record, &reason);
                                    Ahead::Ready(Box::new(Err(error)))
                                }
                            })
                        }
                        Err(e) => return Some(Ahead::Ready(Box::new(Err(e)))),
                    }
                }
            }
        }
        None
    }

    /// Reads pages ahead and extracts them in parallel into `ready`.
    fn read_ahead(&mut self) {
        let size = |p: &Pending| p.page.html.len();
        let items = ahead::pull(|| self.next_ahead(), size);
        let (input, stem, opts) = (self.input.as_str(), self.stem.as_str(), &self.opts);
        let weight = |p: &Pending| ahead::markup(&p.page.html);
        let done = ahead::make(items, weight, |p| {
            Self::document(input, stem, opts, &p.page, p.record)
                .map_err(|reason| Self::record_error(input, p.start, p.record, &reason))
        });
        self.ready.extend(done);
    }
}

impl Iterator for WarcReader<'_> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() {
            self.read_ahead();
        }
        self.ready.pop_front()
    }
}

/// The HTML page of an HTTP response block: `None` unless the status is 200
/// and the media type HTML (or, with none declared, the payload looks like
/// HTML). Chunked transfer coding and gzip or deflate content coding are
/// undone, the result capped at `max_bytes`.
fn http_html_payload(block: &[u8], max_bytes: usize) -> Result<Option<Cow<'_, [u8]>>, String> {
    let (head, body) = match memchr::memmem::find(block, b"\r\n\r\n") {
        Some(at) => (&block[..at], &block[at + 4..]),
        None => match memchr::memmem::find(block, b"\n\n") {
            Some(at) => (&block[..at], &block[at + 2..]),
            None => return Err("HTTP response without the end of its headers".into()),
        },
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Err(format!("not an HTTP response: {:?}", clip(status)));
    }
    if status.split_whitespace().nth(1) != Some("200") {
        return Ok(None);
    }
    let (mut media, mut chunked, mut coding) = (None, false, None);
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => media = Some(value),
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" if value != "identity" => coding = Some(value),
            _ => {}
        }
    }
    match &media {
        Some(m) if !(m.contains("text/html") || m.contains("application/xhtml")) => {
            return Ok(None)
        }
        None if crate::sniff::kind_from_content(body) != crate::sniff::Kind::Html => {
            return Ok(None)
        }
        _ => {}
    }
    let mut page = Cow::Borrowed(body);
    if chunked {
        page = Cow::Owned(dechunk(&page)?);
    }
    if let Some(coding) = coding {
        page = Cow::Owned(decode(&page, &coding, max_bytes)?);
    }
    if page.len() > max_bytes {
        return Err(format!(
            "page of {} bytes exceeds the limit of {max_bytes} bytes",
            page.len()
        ));
    }
    Ok(Some(page))
}

/// Undoes HTTP/1.1 chunked transfer coding.
fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = memchr::memchr(b'\n', data).ok_or("chunked body cut short")?;
        let size_line = String::from_utf8_lossy(&data[..eol]);
        let size_text = size_line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("bad chunk size {:?}", clip(size_text)))?;
        data = &data[eol + 1..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = data.get(..size).ok_or("chunked body cut short")?;
        out.extend_from_slice(chunk);
        data = &data[size..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

/// Undoes gzip or deflate content coding, reading at most `max_bytes + 1`.
fn decode(data: &[u8], coding: &str, max_bytes: usize) -> Result<Vec<u8>, String> {
    let limit = max_bytes as u64 + 1;
    let mut out = Vec::new();
    let result = match coding {
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(data)
            .take(limit)
            .read_to_end(&mut out),
        "deflate" => flate2::read::ZlibDecoder::new(data)
            .take(limit)
            .read_to_end(&mut out),
        other => return Err(format!("unsupported content coding {:?}", clip(other))),
    };
    result.map_err(|e| format!("damaged {coding} content: {e}"))?;
    Ok(out)
}

/// At most 60 characters of quoted input, for error messages.
fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

#[cfg(test)]
mod tests;
