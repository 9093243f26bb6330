//! Deciding how to read an input: from its name when that is telling, from
//! its first bytes otherwise.
//!
//! Invariants: sniffing never loses bytes — whatever is peeked is chained back
//! in front of the rest of the stream — and never reads more than
//! [`SNIFF_BYTES`], so a slow pipe delivers its first record as soon as its
//! first non-white-space byte arrives.

use crate::InputFormat;
use std::io::{self, BufRead, Cursor, Read};
use std::path::Path;

/// How far into an input the sniffers look (and the binary check scans).
pub(crate) const SNIFF_BYTES: usize = 8 * 1024;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const BOM: &[u8] = "\u{feff}".as_bytes();

/// A boxed buffered reader; `'a` lets `read_bytes` read borrowed memory, and
/// `Send` lets a caller read on a thread of its own.
pub(crate) type Reader<'a> = Box<dyn BufRead + Send + 'a>;

/// How the body of a text input is to be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextMode {
    /// Dated if it starts with a `date` header, plain otherwise.
    Either,
    Dated,
    Plain,
}

/// What an input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Jsonl,
    Html,
    Warc,
    Feed,
    Text(TextMode),
}

/// An input's name taken apart: the stem gives document ids, the extension
/// (seen through a `.gz`) the format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameParts {
    pub stem: String,
    /// Lower-cased extension without the dot, `.gz` removed first.
    pub ext: Option<String>,
}

impl NameParts {
    /// `-` (standard input) has the stem `stdin` and no extension.
    pub fn of(name: &str) -> NameParts {
        if name == "-" {
            return NameParts {
                stem: "stdin".to_owned(),
                ext: None,
            };
        }
        let file = Path::new(name)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| name.to_owned());
        let file = match file.len().checked_sub(3) {
            Some(cut) if file.is_char_boundary(cut) && file[cut..].eq_ignore_ascii_case(".gz") => {
                file[..cut].to_owned()
            }
            _ => file,
        };
        let path = Path::new(&file);
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or(file.clone());
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        NameParts { stem, ext }
    }
}

/// Whether a file met while walking a folder is an article input.
pub(crate) fn is_article_file(name: &str) -> bool {
    matches!(
        NameParts::of(name).ext.as_deref(),
        Some(
            "txt" | "text" | "jsonl" | "ndjson" | "json" | "html" | "htm" | "warc" | "rss" | "atom"
        )
    )
}

/// The kind of an input as far as the options and its name tell; `None`
/// means the content must decide.
pub(crate) fn kind_from_name(format: InputFormat, ext: Option<&str>) -> Option<Kind> {
    match format {
        InputFormat::Jsonl => Some(Kind::Jsonl),
        InputFormat::DatedText => Some(Kind::Text(TextMode::Dated)),
        InputFormat::Text => Some(Kind::Text(TextMode::Plain)),
        InputFormat::Html => Some(Kind::Html),
        InputFormat::Warc => Some(Kind::Warc),
        InputFormat::Feed => Some(Kind::Feed),
        InputFormat::Auto => match ext {
            Some("jsonl" | "ndjson" | "json") => Some(Kind::Jsonl),
            Some("html" | "htm" | "xhtml") => Some(Kind::Html),
            Some("warc") => Some(Kind::Warc),
            Some("rss" | "atom") => Some(Kind::Feed),
            Some("txt" | "text") => Some(Kind::Text(TextMode::Either)),
            _ => None,
        },
    }
}

/// The kind of an input whose name did not tell: a first byte of `{` (after
/// white space and a byte-order mark) is JSON Lines, `<!doctype html` or
/// `<html` (any case; comments before them allowed) HTML, `<rss`, `<feed` or
/// `<rdf:RDF` (before any HTML mark) a feed, `WARC/` a WARC archive,
/// anything else text.
pub(crate) fn kind_from_content(prefix: &[u8]) -> Kind {
    if prefix.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    match first_content_byte(prefix) {
        Some(b'{') => Kind::Jsonl,
        Some(b'<') => match (
            first_mark(prefix, &FEED_MARKS),
            first_mark(prefix, &HTML_MARKS),
        ) {
            (Some(feed), html) if html.is_none_or(|html| feed < html) => Kind::Feed,
            (_, Some(_)) => Kind::Html,
            _ => Kind::Text(TextMode::Either),
        },
        _ => Kind::Text(TextMode::Either),
    }
}

const HTML_MARKS: [&[u8]; 3] = [b"<!doctype html", b"<html", b"<head"];

const FEED_MARKS: [&[u8]; 3] = [b"<rss", b"<feed", b"<rdf:rdf"];

/// Where the first of `marks` starts in `prefix`, in any case.
fn first_mark(prefix: &[u8], marks: &[&[u8]]) -> Option<usize> {
    let lower = prefix.to_ascii_lowercase();
    marks
        .iter()
        .filter_map(|m| memchr::memmem::find(&lower, m))
        .min()
}

fn looks_like_markup(prefix: &[u8]) -> bool {
    first_mark(prefix, &HTML_MARKS).is_some() || first_mark(prefix, &FEED_MARKS).is_some()
}

/// Like [`enough_to_sniff`], but an input opening with `<` is read on until
/// an HTML or feed mark shows (or [`SNIFF_BYTES`]), so markup is told from
/// text.
pub(crate) fn enough_to_sniff_kind(prefix: &[u8]) -> bool {
    let warc_cut_short = prefix.len() < 5 && b"WARC/".starts_with(prefix);
    enough_to_sniff(prefix)
        && !warc_cut_short
        && (first_content_byte(prefix) != Some(b'<') || looks_like_markup(prefix))
}

fn first_content_byte(prefix: &[u8]) -> Option<u8> {
    let rest = prefix.strip_prefix(BOM).unwrap_or(prefix);
    rest.iter().copied().find(|b| !b.is_ascii_whitespace())
}

pub(crate) fn is_gzip(prefix: &[u8]) -> bool {
    prefix.starts_with(&GZIP_MAGIC)
}

/// Whether the prefix has shown enough to sniff: two bytes for the gzip
/// magic, or a byte that is not white space.
pub(crate) fn enough_to_sniff(prefix: &[u8]) -> bool {
    if prefix.len() < GZIP_MAGIC.len() {
        return false;
    }
    // A byte-order mark cut short would look like content.
    is_gzip(prefix) || (!BOM.starts_with(prefix) && first_content_byte(prefix).is_some())
}

/// Reads from `reader` until `done` holds for what was read, [`SNIFF_BYTES`]
/// are read, or the input ends. On error the bytes read so far are returned
/// with it.
pub(crate) fn read_prefix(
    reader: &mut dyn BufRead,
    done: impl Fn(&[u8]) -> bool,
) -> (Vec<u8>, Option<io::Error>) {
    let mut prefix = Vec::new();
    while prefix.len() < SNIFF_BYTES && !done(&prefix) {
        let buf = match reader.fill_buf() {
            Ok([]) => break,
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return (prefix, Some(e)),
        };
        let n = buf.len().min(SNIFF_BYTES - prefix.len());
        prefix.extend_from_slice(buf.get(..n).unwrap_or(buf));
        reader.consume(n);
    }
    (prefix, None)
}

/// Puts peeked bytes back in front of the rest of the stream.
pub(crate) fn unread<'a>(prefix: Vec<u8>, rest: Reader<'a>) -> Reader<'a> {
    if prefix.is_empty() {
        rest
    } else {
        Box::new(Cursor::new(prefix).chain(rest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_seen_through_gz() {
        let p = NameParts::of("/data/x.jsonl.gz");
        assert_eq!((p.stem.as_str(), p.ext.as_deref()), ("x", Some("jsonl")));
        let p = NameParts::of("nato-2022-03-16.txt");
        assert_eq!(p.stem, "nato-2022-03-16");
        let p = NameParts::of("-");
        assert_eq!((p.stem.as_str(), p.ext), ("stdin", None));
        let p = NameParts::of("README");
        assert_eq!((p.stem.as_str(), p.ext), ("README", None));
        let p = NameParts::of("A.TXT.GZ");
        assert_eq!((p.stem.as_str(), p.ext.as_deref()), ("A", Some("txt")));
        assert!(is_article_file("a.ndjson.gz"));
        assert!(!is_article_file("a.md"));
        assert!(!is_article_file("a.gz"));
    }

    #[test]
    fn content_decides_unknown_names() {
        assert_eq!(kind_from_content(b" \n\t{\"a\":1}"), Kind::Jsonl);
        assert_eq!(kind_from_content("\u{feff}{}".as_bytes()), Kind::Jsonl);
        assert_eq!(
            kind_from_content(b"date 2022-03-16 x"),
            Kind::Text(TextMode::Either)
        );
        assert_eq!(kind_from_content(b""), Kind::Text(TextMode::Either));
        assert_eq!(kind_from_content(b"\n<!DOCTYPE html><p>"), Kind::Html);
        assert_eq!(kind_from_content(b"<!-- x --><HTML>"), Kind::Html);
        assert_eq!(kind_from_content(b"<3 text"), Kind::Text(TextMode::Either));
        assert_eq!(kind_from_content(b"WARC/1.0\r\n"), Kind::Warc);
        assert_eq!(kind_from_content(b"<?xml version='1.0'?><rss>"), Kind::Feed);
        assert_eq!(kind_from_content(b"<?xml?>\n<feed xmlns=''>"), Kind::Feed);
        assert_eq!(kind_from_content(b"<html><p>&lt;rss"), Kind::Html);
        assert_eq!(
            kind_from_content(b"<?xml version='1.0'?><x/>"),
            Kind::Text(TextMode::Either)
        );
        assert!(is_article_file("CC-NEWS-20240101.warc.gz"));
        assert_eq!(
            kind_from_name(InputFormat::Auto, Some("htm")),
            Some(Kind::Html)
        );
        assert!(is_article_file("page.html.gz"));
        assert_eq!(kind_from_name(InputFormat::Auto, Some("md")), None);
        assert_eq!(
            kind_from_name(InputFormat::Text, Some("jsonl")),
            Some(Kind::Text(TextMode::Plain))
        );
    }

    #[test]
    fn peeking_loses_no_bytes() {
        // A reader that hands out one byte at a time, like a slow pipe.
        let data = b"   {\"x\":1}\nrest".to_vec();
        let mut slow: Reader = Box::new(io::BufReader::with_capacity(1, &data[..]));
        let (prefix, err) = read_prefix(&mut slow, enough_to_sniff);
        assert!(err.is_none());
        assert_eq!(prefix, b"   {");
        let mut all = Vec::new();
        unread(prefix, slow).read_to_end(&mut all).unwrap();
        assert_eq!(all, data);
    }
}
