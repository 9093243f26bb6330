//! JSON Lines articles: one JSON object per line, one document per object.
//!
//! Invariants: a bad record costs only its own line — the error names the
//! line and reading goes on with the next one — except when the stream itself
//! breaks (a damaged gzip member), which ends the input with one error at the
//! line reached. Fields chronicle does not interpret are kept, untouched, in
//! the document's metadata.

use crate::input::stream_error;
use crate::lines::{LineReader, Next};
use crate::sniff::Reader;
use crate::{Position, ReadError, ReadOptions};
use chronicle_core::{is_space, parse_publication_date, Date, Document, Origin};
use serde_json::{Map, Value};

/// The error for a record with no date when no default date was given.
pub(crate) const NO_DATE: &str = "no date: give --date YYYY-MM-DD or add a \"date\" field";

/// Fields that may hold the body, in order of preference.
const BODY_FIELDS: [&str; 3] = ["text", "body", "content"];

const BOM: &[u8] = "\u{feff}".as_bytes();

/// The documents of one JSON Lines input, read one line at a time.
pub(crate) struct JsonlReader<'a> {
    input: String,
    stem: String,
    lines: LineReader<'a>,
    compressed: bool,
    max_bytes: usize,
    default_date: Option<Date>,
}

impl<'a> JsonlReader<'a> {
    pub fn new(
        input: &str,
        stem: String,
        reader: Reader<'a>,
        compressed: bool,
        opts: &ReadOptions,
    ) -> JsonlReader<'a> {
        JsonlReader {
            input: input.to_owned(),
            stem,
            lines: LineReader::new(reader, opts.max_bytes),
            compressed,
            max_bytes: opts.max_bytes,
            default_date: opts.default_date,
        }
    }

    fn error(&self, line: u64, reason: String) -> ReadError {
        ReadError::new(self.input.as_str(), Position::Line(line), reason)
    }
}

impl Iterator for JsonlReader<'_> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let n = match self.lines.next_line() {
                Next::End => return None,
                Next::Failed(n, e) => {
                    return Some(Err(self.error(n, stream_error(&e, self.compressed))))
                }
                Next::TooLong(n) => {
                    let reason = format!(
                        "record of more than {} bytes exceeds the limit",
                        self.max_bytes
                    );
                    return Some(Err(self.error(n, reason)));
                }
                Next::Line(n) => n,
            };
            let line = self.lines.line();
            // A byte-order mark may open the first line; it is not content.
            let skip = if n == 1 && line.starts_with(BOM) {
                BOM.len()
            } else {
                0
            };
            if line
                .get(skip..)
                .unwrap_or(&[])
                .iter()
                .all(u8::is_ascii_whitespace)
            {
                continue;
            }
            let record = parse_record(line, skip)
                .and_then(|fields| document(fields, &self.stem, n, self.default_date));
            return Some(match record {
                Ok(mut doc) => {
                    doc.origin = Origin {
                        input: self.input.clone(),
                        line: Some(n),
                    };
                    Ok(doc)
                }
                Err(reason) => Err(self.error(n, reason)),
            });
        }
    }
}

/// Decodes one line, from byte `skip` on, into a JSON object. Columns in
/// errors count from the start of the line.
fn parse_record(line: &[u8], skip: usize) -> Result<Map<String, Value>, String> {
    let text = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte column {}", e.valid_up_to() + 1))?;
    let text = text.get(skip..).unwrap_or("");
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(format!(
            "record is not a JSON object but {}",
            kind_of(&other)
        )),
        Err(e) => {
            // serde_json ends its message with "at line 1 column N"; within
            // one line only the column says anything.
            let full = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let message = full.strip_suffix(&suffix).unwrap_or(&full);
            let column = e.column() + skip;
            Err(format!("invalid JSON at column {column}: {message}"))
        }
    }
}

/// Builds the document of one record; `stem` and `line` make the default id.
fn document(
    mut fields: Map<String, Value>,
    stem: &str,
    line: u64,
    default_date: Option<Date>,
) -> Result<Document, String> {
    let body = take_body(&mut fields)?;
    let date = match fields.remove("date") {
        Some(Value::String(s)) if !s.trim().is_empty() => {
            parse_publication_date(&s).map_err(|e| e.to_string())?
        }
        None | Some(Value::Null) | Some(Value::String(_)) => default_date.ok_or(NO_DATE)?,
        Some(other) => return Err(format!("date is not a string but {}", kind_of(&other))),
    };
    let id = match fields.remove("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) | Some(Value::String(_)) => format!("{stem}:{line}"),
        Some(other) => {
            return Err(format!(
                "id is not a string or a number but {}",
                kind_of(&other)
            ))
        }
    };
    let mut doc = Document::new(id, date, body);
    doc.url = take_string(&mut fields, "url");
    doc.title = take_string(&mut fields, "title");
    doc.source = take_string(&mut fields, "source");
    doc.language =
        take_string(&mut fields, "language").or_else(|| take_string(&mut fields, "lang"));
    doc.metadata = fields;
    Ok(doc)
}

/// Takes the body from the first of [`BODY_FIELDS`] that is present and not
/// null.
fn take_body(fields: &mut Map<String, Value>) -> Result<String, String> {
    let key = BODY_FIELDS
        .into_iter()
        .find(|k| fields.get(*k).is_some_and(|v| !v.is_null()))
        .ok_or("no text field")?;
    match fields.remove(key) {
        Some(Value::String(s)) if s.chars().all(is_space) => Err("empty body".into()),
        Some(Value::String(s)) => Ok(s),
        other => Err(format!(
            "{key} is not a string but {}",
            other.as_ref().map_or("nothing", kind_of)
        )),
    }
}

/// Takes a field that the document models, when it is a string; any other
/// value stays in the metadata.
fn take_string(fields: &mut Map<String, Value>, key: &str) -> Option<String> {
    match fields.get(key) {
        Some(Value::String(_)) => match fields.remove(key) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use crate::{read_bytes, Position, ReadError, ReadOptions};
    use chronicle_core::{Date, Document};
    use serde_json::json;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).unwrap()
    }

    fn read(text: &str, opts: &ReadOptions) -> Vec<Result<Document, ReadError>> {
        read_bytes("feed.jsonl", text.as_bytes(), opts)
    }

    fn reason(result: &Result<Document, ReadError>) -> String {
        let e = result.as_ref().unwrap_err();
        assert!(!e.to_string().contains('\n'), "{e}");
        e.reason.clone()
    }

    #[test]
    fn a_full_record() {
        let line = json!({
            "id": "a1", "url": "https://example.org/a1", "title": "T", "source": "AP",
            "lang": "en", "date": "2022-03-16T23:30:00-05:00", "text": "NATO met.",
            "tags": ["x"], "language_confidence": 0.9
        });
        let docs = read(&format!("{line}\n"), &ReadOptions::default());
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.id, "a1");
        assert_eq!(doc.url.as_deref(), Some("https://example.org/a1"));
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(doc.source.as_deref(), Some("AP"));
        assert_eq!(doc.language.as_deref(), Some("en"));
        assert_eq!(doc.date, day(2022, 3, 16));
        assert_eq!(doc.body(), "NATO met.");
        assert_eq!(doc.origin.input, "feed.jsonl");
        assert_eq!(doc.origin.line, Some(1));
        let keys: Vec<_> = doc.metadata.keys().map(String::as_str).collect();
        assert_eq!(keys, ["language_confidence", "tags"]);
    }

    #[test]
    fn ids_dates_and_bodies_have_fallbacks() {
        let opts = ReadOptions {
            default_date: Some(day(2020, 1, 2)),
            ..ReadOptions::default()
        };
        let text = "\u{feff}{\"id\": 42, \"body\": \"B\"}\r\n\
                    \r\n   \n\
                    {\"content\": \"C\", \"date\": null, \"id\": \"\", \"title\": 7}\n\
                    {\"text\": null, \"body\": \"  B2 \", \"date\": \"1999-12-31\"}";
        let docs = read(text, &opts);
        let docs: Vec<_> = docs.iter().map(|d| d.as_ref().unwrap()).collect();
        assert_eq!(docs.len(), 3);
        assert_eq!((docs[0].id.as_str(), docs[0].body()), ("42", "B"));
        assert_eq!(docs[0].date, day(2020, 1, 2));
        assert_eq!((docs[1].id.as_str(), docs[1].body()), ("feed:4", "C"));
        assert_eq!(docs[1].title, None);
        assert_eq!(docs[1].metadata.get("title"), Some(&json!(7)));
        assert_eq!(docs[1].origin.line, Some(4));
        assert_eq!((docs[2].body(), docs[2].date), ("  B2 ", day(1999, 12, 31)));
        assert!(
            docs[2].metadata.contains_key("text"),
            "a null text stays metadata"
        );
    }

    #[test]
    fn each_bad_record_is_one_error_and_reading_goes_on() {
        let text = [
            r#"{"text": "ok 1", "date": "2022-03-16"}"#,
            r#"{"text": "no date"}"#,
            r#"{"text": "x", "date": "2022-02-30"}"#,
            r#"{"text": "x", "date": "last Tuesday"}"#,
            r#"{"text": "x", "date": 20220316}"#,
            r#"{"text": "  ", "date": "2022-03-16"}"#,
            r#"{"title": "no text", "date": "2022-03-16"}"#,
            r#"{"text": ["x"], "date": "2022-03-16"}"#,
            r#"{"text": "x", "date": "2022-03-16", "id": {"a": 1}}"#,
            r#"["not", "an", "object"]"#,
            r#"{"text": "unterminated"#,
            "{\"text\": \"caf\u{e9}\", \"bad\": \"\u{0}\"}",
            r#"{"text": "ok 2", "date": "2022-03-16"}"#,
        ]
        .join("\n");
        let docs = read(&text, &ReadOptions::default());
        assert_eq!(docs.len(), 13);
        assert_eq!(docs[0].as_ref().unwrap().body(), "ok 1");
        assert_eq!(reason(&docs[1]), super::NO_DATE);
        assert!(reason(&docs[2]).contains("does not exist"));
        assert!(reason(&docs[3]).contains("not YYYY-MM-DD"));
        assert_eq!(reason(&docs[4]), "date is not a string but a number");
        assert_eq!(reason(&docs[5]), "empty body");
        assert_eq!(reason(&docs[6]), "no text field");
        assert_eq!(reason(&docs[7]), "text is not a string but an array");
        assert_eq!(
            reason(&docs[8]),
            "id is not a string or a number but an object"
        );
        assert_eq!(reason(&docs[9]), "record is not a JSON object but an array");
        assert_eq!(
            reason(&docs[10]),
            "invalid JSON at column 22: EOF while parsing a string"
        );
        assert!(reason(&docs[11]).starts_with("invalid JSON at column"));
        assert_eq!(docs[12].as_ref().unwrap().origin.line, Some(13));
        let e = docs[9].as_ref().unwrap_err();
        assert_eq!(e.position, Position::Line(10));
        assert_eq!(
            e.to_string(),
            "feed.jsonl: line 10: record is not a JSON object but an array"
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let bytes = b"{\"text\": \"ok\", \"date\": \"2022-03-16\"}\n{\"text\": \"caf\xe9\"}\n{\"text\": \"ok\", \"date\": \"2022-03-16\"}";
        let docs = read_bytes("feed.jsonl", bytes, &ReadOptions::default());
        assert_eq!(docs.len(), 3);
        let e = docs[1].as_ref().unwrap_err();
        assert_eq!(
            e.to_string(),
            "feed.jsonl: line 2: invalid UTF-8 at byte column 14"
        );
        assert!(docs[2].is_ok());
        // A byte-order mark alone on the first line is blank, and columns
        // still count from the start of the line.
        let docs = read_bytes(
            "feed.jsonl",
            b"\xef\xbb\xbf\r\n{\"t\xff",
            &ReadOptions::default(),
        );
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0].as_ref().unwrap_err().to_string(),
            "feed.jsonl: line 2: invalid UTF-8 at byte column 4"
        );
        let docs = read_bytes(
            "feed.jsonl",
            b"\xef\xbb\xbf{\"t\xff",
            &ReadOptions::default(),
        );
        assert_eq!(
            docs[0].as_ref().unwrap_err().to_string(),
            "feed.jsonl: line 1: invalid UTF-8 at byte column 7"
        );
    }

    #[test]
    fn a_long_record_is_skipped() {
        let opts = ReadOptions {
            max_bytes: 40,
            default_date: Some(day(2022, 3, 16)),
            ..ReadOptions::default()
        };
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(100));
        let text = format!("{{\"text\": \"a\"}}\r\n{long}\r\n{{\"text\": \"b\"}}\r\n");
        let docs = read(&text, &opts);
        assert_eq!(docs.len(), 3);
        assert_eq!(
            docs[1].as_ref().unwrap_err().to_string(),
            "feed.jsonl: line 2: record of more than 40 bytes exceeds the limit"
        );
        assert_eq!(docs[2].as_ref().unwrap().body(), "b");
    }

    #[test]
    fn standard_input_and_unknown_names_are_sniffed() {
        let opts = ReadOptions {
            default_date: Some(day(2022, 3, 16)),
            ..ReadOptions::default()
        };
        let docs = read_bytes("-", b"  \n{\"text\": \"a\"}", &opts);
        assert_eq!(docs[0].as_ref().unwrap().id, "stdin:2");
        let docs = read_bytes("dump.data", b"{\"text\": \"a\"}\n{\"text\": \"b\"}", &opts);
        assert_eq!(docs.len(), 2);
        let docs = read_bytes("-", b"date 2022-03-16 {not json}", &ReadOptions::default());
        assert_eq!(docs[0].as_ref().unwrap().id, "stdin");
        assert_eq!(docs[0].as_ref().unwrap().body(), "{not json}");
    }
}
