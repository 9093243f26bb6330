//! Text articles: one document per input, dated by a `date YYYY-MM-DD`
//! header or by the caller's default date.
//!
//! Invariants: at most `max_bytes + 1` bytes are read, so an oversized input
//! costs no more memory than the largest acceptable one; the body is kept
//! exactly as read (for dated text, from the first non-white-space character
//! after the header to the end), so spans index the source file itself.

use crate::sniff::{TextMode, SNIFF_BYTES};
use crate::{Position, ReadError, ReadOptions};
use chronicle_core::{is_space, parse_date, Date, Document, Origin};
use std::io::BufRead;

/// The error for an article that has no date from anywhere.
pub(crate) const NO_DATE: &str =
    "no date: give --date YYYY-MM-DD or start the file with `date YYYY-MM-DD`";

/// Reads one text article from `reader`. `compressed` only words the error
/// for a stream that breaks off.
pub(crate) fn read_text(
    input: &str,
    id: &str,
    reader: &mut dyn BufRead,
    mode: TextMode,
    compressed: bool,
    opts: &ReadOptions,
) -> Result<Document, ReadError> {
    let err = |position, reason: String| ReadError::new(input, position, reason);
    let buf = match crate::input::read_capped(reader, opts.max_bytes, compressed) {
        Ok(buf) => buf,
        Err((buf, reason)) => return Err(err(Position::Line(line_of(&buf, buf.len())), reason)),
    };
    let head = buf.get(..SNIFF_BYTES).unwrap_or(&buf);
    if let Some(at) = memchr::memchr(0, head) {
        return Err(err(Position::Byte(at as u64), "binary file".into()));
    }
    if buf.len() > opts.max_bytes {
        return Err(err(
            Position::None,
            format!(
                "document of more than {} bytes exceeds the limit",
                opts.max_bytes
            ),
        ));
    }
    let mut text = match String::from_utf8(buf) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return Err(err(Position::Byte(at as u64), "invalid UTF-8".into()));
        }
    };
    // An empty input is reported as such, not as one lacking a date.
    if text.chars().all(is_space) {
        return Err(err(Position::None, "empty body".into()));
    }
    let (date, body_start) = match (mode, header(&text)) {
        (TextMode::Plain, _) | (TextMode::Either, None) => match opts.default_date {
            Some(date) => (date, 0),
            None => return Err(err(Position::None, NO_DATE.into())),
        },
        (TextMode::Dated, None) => {
            return Err(err(
                Position::None,
                "no `date YYYY-MM-DD` header at the start".into(),
            ))
        }
        (_, Some(Err((at, reason)))) => {
            return Err(err(Position::Line(line_of(text.as_bytes(), at)), reason))
        }
        (_, Some(Ok(found))) => found,
    };
    let line = line_of(text.as_bytes(), body_start);
    // Drop the header in place rather than copying the body.
    text.drain(..body_start);
    if text.chars().all(is_space) {
        return Err(err(Position::None, "empty body".into()));
    }
    let mut doc = Document::new(id, date, text);
    doc.origin = Origin {
        input: input.to_owned(),
        line: Some(line),
    };
    Ok(doc)
}

/// Finds a `date YYYY-MM-DD` header after optional white space: `None` when
/// there is none, else the date and the byte where the body starts, or the
/// header's offset and why its date was refused.
pub(crate) fn header(text: &str) -> Option<Result<(Date, usize), (usize, String)>> {
    let start = skip(text, 0, is_space);
    let rest = text.get(start..)?.strip_prefix("date")?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let date_start = skip(text, start + "date".len(), |c| c == ' ' || c == '\t');
    let date_end = skip(text, date_start, |c| !c.is_whitespace());
    let token = text.get(date_start..date_end).unwrap_or("");
    Some(match parse_date(token) {
        Ok(date) => Ok((date, skip(text, date_end, is_space))),
        Err(e) => Err((start, e.to_string())),
    })
}

/// The byte offset of the first character at or after `from` for which
/// `pred` is false (or the end).
fn skip(text: &str, from: usize, pred: impl Fn(char) -> bool) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + rest.find(|c| !pred(c)).unwrap_or(rest.len())
}

/// The 1-based line on which byte `at` of `bytes` lies.
pub(crate) fn line_of(bytes: &[u8], at: usize) -> u64 {
    let upto = bytes.get(..at).unwrap_or(bytes);
    memchr::memchr_iter(b'\n', upto).count() as u64 + 1
}

#[cfg(test)]
mod tests {
    use crate::{read_bytes, InputFormat, Position, ReadError, ReadOptions};
    use chronicle_core::{Date, Document};

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).unwrap()
    }

    fn one(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Document, ReadError> {
        let mut all = read_bytes(name, bytes, opts);
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    fn dated() -> ReadOptions {
        ReadOptions {
            default_date: Some(day(2020, 1, 2)),
            ..ReadOptions::default()
        }
    }

    /// The shape of shared/examples/nato-2022-03-16.txt, built inline.
    const NATO: &str = " date 2022-03-16 Over the past two months, the 30-member alliance \
        has sent thousands of extra troops to its eastern flank and activated NATO’s \
        Response Force for the first time.\n\nNATO Secretary General Jens Stoltenberg \
        noted Wednesday…\n";

    #[test]
    fn dated_text_keeps_the_body_exactly() {
        let doc = one(
            "nato-2022-03-16.txt",
            NATO.as_bytes(),
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(doc.id, "nato-2022-03-16");
        assert_eq!(doc.date, day(2022, 3, 16));
        assert_eq!(doc.body(), &NATO[" date 2022-03-16 ".len()..]);
        assert!(
            doc.body().ends_with("Wednesday…\n"),
            "the end is not trimmed"
        );
        assert_eq!(doc.origin.input, "nato-2022-03-16.txt");
        assert_eq!(doc.origin.line, Some(1));
    }

    #[test]
    fn the_shared_example_reads_when_present() {
        let path = "/work/shared/examples/nato-2022-03-16.txt";
        let Ok(bytes) = std::fs::read(path) else {
            return;
        };
        let doc = one(path, &bytes, &ReadOptions::default()).unwrap();
        assert_eq!(doc.date, day(2022, 3, 16));
        assert!(doc.body().starts_with("Over the past two months"));
    }

    #[test]
    fn header_on_its_own_line_and_crlf_body() {
        let text = "\u{feff}\r\ndate\t2022-03-16\r\n\r\nLine one.\r\nLine two.  \r\n";
        let doc = one("x.txt", text.as_bytes(), &dated()).unwrap();
        assert_eq!(doc.date, day(2022, 3, 16), "the header beats --date");
        assert_eq!(doc.body(), "Line one.\r\nLine two.  \r\n");
        assert_eq!(doc.origin.line, Some(4));
    }

    #[test]
    fn bad_header_dates_say_why() {
        let opts = ReadOptions::default();
        let e = one("a.txt", b"date 2022-02-30 Body", &opts).unwrap_err();
        assert!(e.reason.contains("does not exist"), "{e}");
        let e = one("a.txt", b"\n\ndate 0002-02-03 Body", &opts).unwrap_err();
        assert!(e.reason.contains("outside the accepted years"), "{e}");
        assert_eq!(e.position, Position::Line(3));
        let e = one("a.txt", b"date 2022-3-16 Body", &opts).unwrap_err();
        assert!(e.reason.contains("not YYYY-MM-DD"), "{e}");
        let e = one("a.txt", b"date 2022-03-16Body", &opts).unwrap_err();
        assert!(e.reason.contains("not YYYY-MM-DD"), "{e}");
    }

    #[test]
    fn plain_text_needs_a_default_date() {
        let e = one("a.txt", b"Just a body.", &ReadOptions::default()).unwrap_err();
        assert_eq!(e.reason, super::NO_DATE);
        assert_eq!(e.to_string(), format!("a.txt: {}", super::NO_DATE));
        let doc = one("a.txt", b"  Just a body.\n", &dated()).unwrap();
        assert_eq!(
            (doc.body(), doc.date),
            ("  Just a body.\n", day(2020, 1, 2))
        );
        assert_eq!(doc.origin.line, Some(1));
        // "dated" is not a header.
        let doc = one("a.txt", b"dated text", &dated()).unwrap();
        assert_eq!(doc.body(), "dated text");
    }

    #[test]
    fn forced_formats() {
        let plain = ReadOptions {
            format: InputFormat::Text,
            ..dated()
        };
        let doc = one("a.jsonl", b"date 2022-03-16 Body", &plain).unwrap();
        assert_eq!(doc.body(), "date 2022-03-16 Body");
        let must_be_dated = ReadOptions {
            format: InputFormat::DatedText,
            ..dated()
        };
        let e = one("a.txt", b"Body", &must_be_dated).unwrap_err();
        assert!(e.reason.contains("no `date YYYY-MM-DD` header"), "{e}");
        let doc = one("a.md", b"date 2022-03-16 Body", &must_be_dated).unwrap();
        assert_eq!(doc.body(), "Body");
    }

    #[test]
    fn empty_bodies_are_refused() {
        for bytes in [
            &b""[..],
            b" \n\t ",
            b"date 2022-03-16",
            b"date 2022-03-16 \r\n ",
        ] {
            let e = one("a.txt", bytes, &dated()).unwrap_err();
            assert_eq!(e.reason, "empty body", "{bytes:?}");
        }
        let e = one("a.txt", "\u{200b}\u{feff} ".as_bytes(), &dated()).unwrap_err();
        assert_eq!(e.reason, "empty body");
        let e = one("-", b"", &ReadOptions::default()).unwrap_err();
        assert_eq!(e.to_string(), "-: empty body");
    }

    #[test]
    fn binary_invalid_and_oversized_inputs() {
        let e = one("a.txt", b"date 2022-03-16 ab\0cd", &dated()).unwrap_err();
        assert_eq!(
            (e.reason.as_str(), e.position),
            ("binary file", Position::Byte(18))
        );
        let e = one("a.txt", b"date 2022-03-16 caf\xe9 au lait", &dated()).unwrap_err();
        assert_eq!(
            (e.reason.as_str(), e.position),
            ("invalid UTF-8", Position::Byte(19))
        );
        assert_eq!(e.to_string(), "a.txt: byte 19: invalid UTF-8");
        let small = ReadOptions {
            max_bytes: 10,
            ..dated()
        };
        assert!(one("a.txt", b"0123456789", &small).is_ok());
        let e = one("a.txt", b"0123456789A", &small).unwrap_err();
        assert!(e.reason.contains("more than 10 bytes"), "{e}");
    }
}
