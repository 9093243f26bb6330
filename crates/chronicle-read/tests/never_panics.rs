//! Property tests: no input makes a reader panic, and every document that
//! comes out keeps the crate's promises (non-empty body, a date, an origin).

use chronicle_core::{is_space, Date, Document};
use chronicle_read::{read_bytes, InputFormat, ReadError, ReadOptions};
use proptest::prelude::*;

const FORMATS: [InputFormat; 5] = [
    InputFormat::Auto,
    InputFormat::DatedText,
    InputFormat::Text,
    InputFormat::Jsonl,
    InputFormat::Html,
];
const NAMES: [&str; 8] = [
    "-",
    "a.txt",
    "a.jsonl",
    "a.jsonl.gz",
    "a.bin",
    "a.txt.gz",
    "a.html",
    "a.htm.gz",
];

fn check(name: &str, results: &[Result<Document, ReadError>]) -> Result<(), TestCaseError> {
    for result in results {
        match result {
            Ok(doc) => {
                prop_assert!(!doc.body().chars().all(is_space), "empty body {doc:?}");
                prop_assert!(!doc.id.is_empty());
                prop_assert_eq!(doc.origin.input.as_str(), name);
                prop_assert!(doc.origin.line.is_some_and(|l| l >= 1));
            }
            Err(e) => {
                prop_assert_eq!(e.input.as_str(), name);
                prop_assert!(!e.reason.is_empty());
                prop_assert!(!e.to_string().contains('\n'), "{}", e);
            }
        }
    }
    Ok(())
}

fn opts(format: usize, with_date: bool, max_bytes: usize) -> ReadOptions {
    ReadOptions {
        format: FORMATS[format % FORMATS.len()],
        default_date: with_date.then(|| Date::from_ymd_opt(2022, 3, 16).unwrap()),
        max_bytes,
    }
}

/// Lines that look like JSON Lines records, valid or nearly so.
fn jsonl_line() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just("null".to_owned()),
        Just("42".to_owned()),
        Just("[1, {}]".to_owned()),
        "\"[ -~]{0,12}\"",
        "\"(19|20|21|22)[0-9]{2}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2}))?\"",
        "\"\\PC{0,20}\"",
    ];
    let key = prop_oneof![
        Just("id"),
        Just("url"),
        Just("title"),
        Just("date"),
        Just("text"),
        Just("body"),
        Just("content"),
        Just("source"),
        Just("language"),
        Just("lang"),
        Just("extra"),
    ];
    prop_oneof![
        8 => prop::collection::vec((key, value), 0..6).prop_map(|fields| {
            let inner: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
            format!("{{{}}}", inner.join(", "))
        }),
        1 => "[ -~\t\r]{0,40}",
        1 => "\\PC{0,40}",
    ]
}

proptest! {
    #[test]
    fn arbitrary_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        name in 0..NAMES.len(),
        format in 0..FORMATS.len(),
        with_date: bool,
        max_bytes in prop_oneof![Just(0usize), 1usize..64, Just(1 << 20)],
    ) {
        let name = NAMES[name];
        check(name, &read_bytes(name, &bytes, &opts(format, with_date, max_bytes)))?;
    }

    #[test]
    fn text_with_headers(
        lead in "[ \t\r\n\u{feff}\u{200b}]{0,3}",
        header in "date[ \t]{1,2}[0-9-]{8,11}",
        body in "[ \t\r\n]{0,2}\\PC{0,60}",
        with_date: bool,
    ) {
        let text = format!("{lead}{header}{body}");
        check("a.txt", &read_bytes("a.txt", text.as_bytes(), &opts(0, with_date, 1 << 20)))?;
    }

    #[test]
    fn jsonl_like(
        lines in prop::collection::vec(jsonl_line(), 0..8),
        sep in prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n")],
        name in 0..NAMES.len(),
        with_date: bool,
        max_bytes in prop_oneof![Just(30usize), Just(1 << 20)],
        gzip: bool,
    ) {
        let name = NAMES[name];
        let mut bytes = lines.join(sep).into_bytes();
        if gzip {
            use std::io::Write;
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(&bytes).unwrap();
            bytes = enc.finish().unwrap();
        }
        let results = read_bytes(name, &bytes, &opts(3, with_date, max_bytes));
        check(name, &results)?;
        let records = lines.iter().filter(|l| !l.trim_matches([' ', '\t', '\r']).is_empty()).count();
        prop_assert!(results.len() <= records + 1);
    }
}
