//! Property tests for the WARC and feed readers: arbitrary bytes never make
//! them panic; an archive or feed built here gives back exactly its pages or
//! items, in order, with their URL, date and text; an archive cut short
//! keeps every page before the cut and reports one error at the offset of
//! the record the cut fell in.

use chronicle_core::{is_space, Date, Document};
use chronicle_read::{read_bytes, InputFormat, Position, ReadError, ReadOptions};
use proptest::prelude::*;
use std::io::Write;

fn check(name: &str, results: &[Result<Document, ReadError>]) -> Result<(), TestCaseError> {
    for result in results {
        match result {
            Ok(doc) => {
                prop_assert!(!doc.body().chars().all(is_space), "empty body {doc:?}");
                prop_assert!(!doc.id.is_empty());
                prop_assert_eq!(doc.origin.input.as_str(), name);
                prop_assert!(doc.origin.line.is_some_and(|l| l >= 1));
                prop_assert_eq!(chronicle_core::validate(doc), Ok(()));
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

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn opts(format: InputFormat, with_date: bool, max_bytes: usize) -> ReadOptions {
    ReadOptions {
        format,
        default_date: with_date.then(|| Date::from_ymd_opt(2022, 3, 16).unwrap()),
        max_bytes,
    }
}

/// A sentence of lower-case words, long enough to be a page's main text.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z]{2,9}", 12..30).prop_map(|words| {
        let mut s = words.join(" ");
        s[..1].make_ascii_uppercase();
        s.push('.');
        s
    })
}

fn date() -> impl Strategy<Value = Date> {
    (1996i32..2030, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Date::from_ymd_opt(y, m, d).unwrap())
}

/// What a generated WARC record holds.
#[derive(Debug, Clone)]
enum Kind {
    /// An HTTP 200 HTML page dated `date`, with this paragraph.
    Page {
        date: Date,
        text: String,
    },
    NotFound,
    Image,
    Request,
    Metadata,
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        4 => (date(), sentence()).prop_map(|(date, text)| Kind::Page { date, text }),
        1 => Just(Kind::NotFound),
        1 => Just(Kind::Image),
        1 => Just(Kind::Request),
        1 => Just(Kind::Metadata),
    ]
}

fn page_html(date: Date, text: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Story</title>\
         <meta property=\"article:published_time\" content=\"{date}T09:00:00Z\"></head>\
         <body><nav>Home | World</nav><article><h1>Story</h1><p>{text}</p></article></body></html>"
    )
}

fn http(status: &str, media: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nContent-Type: {media}\r\n\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

/// The bytes of record `number` (1-based) holding `kind`.
fn warc_record(number: usize, kind: &Kind, crlf: bool) -> Vec<u8> {
    let (warc_type, block) = match kind {
        Kind::Page { date, text } => (
            "response",
            http("200 OK", "text/html", page_html(*date, text).as_bytes()),
        ),
        Kind::NotFound => ("response", http("404 Not Found", "text/html", b"<p>no</p>")),
        Kind::Image => (
            "response",
            http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ),
        Kind::Request => ("request", b"GET / HTTP/1.1\r\n\r\n".to_vec()),
        Kind::Metadata => ("metadata", b"fetchTimeMs: 12\r\n".to_vec()),
    };
    let eol = if crlf { "\r\n" } else { "\n" };
    let mut out = format!(
        "WARC/1.0{eol}WARC-Type: {warc_type}{eol}WARC-Target-URI: https://n.example/{number}{eol}\
         WARC-Date: 2024-01-02T03:04:05Z{eol}WARC-Record-ID: <urn:uuid:{number}>{eol}\
         Content-Length: {}{eol}{eol}",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(&block);
    out.extend_from_slice(format!("{eol}{eol}").as_bytes());
    out
}

/// The archive's records, each as its bytes.
fn warc_records(kinds: &[Kind], crlf: bool) -> Vec<Vec<u8>> {
    kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| warc_record(i + 1, kind, crlf))
        .collect()
}

/// The documents expected from the pages among `kinds`: (record number, date, text).
fn expected_pages(kinds: &[Kind]) -> Vec<(u64, Date, &str)> {
    kinds
        .iter()
        .enumerate()
        .filter_map(|(i, kind)| match kind {
            Kind::Page { date, text } => Some((i as u64 + 1, *date, text.as_str())),
            _ => None,
        })
        .collect()
}

fn same_page(doc: &Document, (number, date, text): (u64, Date, &str)) -> Result<(), TestCaseError> {
    prop_assert_eq!(doc.origin.line, Some(number));
    prop_assert_eq!(doc.date, date);
    prop_assert_eq!(doc.url.clone(), Some(format!("https://n.example/{number}")));
    prop_assert_eq!(
        &doc.metadata["warc_record_id"],
        &format!("urn:uuid:{number}")
    );
    prop_assert!(
        doc.body().contains(text),
        "{:?} lacks {:?}",
        doc.body(),
        text
    );
    Ok(())
}

/// A feed item.
#[derive(Debug, Clone)]
struct Item {
    title: String,
    date: Option<Date>,
    text: String,
}

fn item() -> impl Strategy<Value = Item> {
    (
        "[A-Z][a-z]{2,8}( [a-z]{2,8}){0,4}",
        prop::option::weighted(0.8, date()),
        sentence(),
    )
        .prop_map(|(title, date, text)| Item { title, date, text })
}

fn rss(items: &[Item], escape_markup: bool) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Gazette</title><link>https://g.example/</link><description>News</description>\n",
    );
    for (i, item) in items.iter().enumerate() {
        out += &format!(
            "<item><title>{}</title><link>https://g.example/{}</link>",
            item.title,
            i + 1
        );
        if let Some(date) = item.date {
            out += &format!(
                "<pubDate>{}</pubDate>",
                date.format("%a, %d %b %Y 09:30:00 +0000")
            );
        }
        if escape_markup {
            out += &format!(
                "<description>&lt;p&gt;{}&lt;/p&gt;</description></item>\n",
                item.text
            );
        } else {
            out += &format!("<description>{}</description></item>\n", item.text);
        }
    }
    out + "</channel></rss>\n"
}

fn atom(items: &[Item]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>Wire</title><id>urn:wire</id><updated>2024-01-01T00:00:00Z</updated>\n",
    );
    for (i, item) in items.iter().enumerate() {
        out += &format!(
            "<entry><title>{}</title><id>urn:wire:{}</id><link rel=\"alternate\" href=\"https://g.example/{}\"/>",
            item.title,
            i + 1,
            i + 1
        );
        if let Some(date) = item.date {
            out += &format!("<published>{date}T09:30:00Z</published>");
        }
        out += &format!("<summary>{}</summary></entry>\n", item.text);
    }
    out + "</feed>\n"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..800),
        lead in prop_oneof![
            Just(&b""[..]),
            Just(&b"WARC/1.0\r\n"[..]),
            Just(&b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n"[..]),
            Just(&b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item>"[..]),
            Just(&b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"[..]),
        ],
        forced: bool,
        gzipped: bool,
        with_date: bool,
        max_bytes in prop_oneof![Just(0usize), 1usize..64, Just(1 << 20)],
    ) {
        let data = [lead, &bytes[..]].concat();
        let data = if gzipped { gzip(&data) } else { data };
        for (name, format) in [("a.warc", InputFormat::Warc), ("a.rss", InputFormat::Feed)] {
            let format = if forced { format } else { InputFormat::Auto };
            let name = if forced { "-" } else { name };
            check(name, &read_bytes(name, &data, &opts(format, with_date, max_bytes)))?;
        }
    }

    #[test]
    fn a_warc_stream_gives_back_its_pages(
        kinds in prop::collection::vec(kind(), 0..8),
        crlf: bool,
        packing in 0..3u8,
    ) {
        let records = warc_records(&kinds, crlf);
        let (name, data) = match packing {
            0 => ("cc.warc", records.concat()),
            1 => ("cc.warc.gz", gzip(&records.concat())),
            _ => ("cc.warc.gz", records.iter().flat_map(|r| gzip(r)).collect()),
        };
        let results = read_bytes(name, &data, &ReadOptions::default());
        check(name, &results)?;
        let docs: Vec<&Document> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
        prop_assert_eq!(docs.len(), results.len(), "{:?}", results);
        let expected = expected_pages(&kinds);
        prop_assert_eq!(docs.len(), expected.len());
        for (doc, page) in docs.into_iter().zip(expected) {
            same_page(doc, page)?;
        }
    }

    #[test]
    fn a_truncated_warc_keeps_the_pages_before_the_cut(
        kinds in prop::collection::vec(kind(), 1..6),
        crlf: bool,
        which in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let records = warc_records(&kinds, crlf);
        let k = which.index(records.len());
        let start: usize = records[..k].iter().map(Vec::len).sum();
        let eol = if crlf { 2 } else { 1 };
        // Cut after the first byte of record k and before the end of its block.
        let inside = records[k].len() - 2 * eol - 1;
        let end = start + 1 + cut.index(inside);
        let data = records.concat();
        let results = read_bytes("cut.warc", &data[..end], &ReadOptions::default());
        check("cut.warc", &results)?;
        let expected = expected_pages(&kinds[..k]);
        prop_assert_eq!(results.len(), expected.len() + 1, "{:?}", results);
        for (result, page) in results.iter().zip(expected) {
            same_page(result.as_ref().unwrap(), page)?;
        }
        let e = results.last().unwrap().as_ref().unwrap_err();
        prop_assert_eq!(&e.position, &Position::Byte(start as u64), "{}", e);
    }

    #[test]
    fn a_truncated_warc_gz_keeps_the_records_before_the_damaged_member(
        kinds in prop::collection::vec(kind(), 1..6),
        which in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let members: Vec<Vec<u8>> = warc_records(&kinds, true).iter().map(|r| gzip(r)).collect();
        let k = which.index(members.len());
        let start: usize = members[..k].iter().map(Vec::len).sum();
        // Cut inside member k's header or deflate data, before its 8-byte trailer.
        let end = start + 1 + cut.index(members[k].len() - 9);
        let data = members.concat();
        let results = read_bytes("cut.warc.gz", &data[..end], &ReadOptions::default());
        check("cut.warc.gz", &results)?;
        let expected = expected_pages(&kinds[..k]);
        prop_assert!(results.len() > expected.len(), "{:?}", results);
        for (result, page) in results.iter().zip(expected.iter()) {
            same_page(result.as_ref().unwrap(), *page)?;
        }
        let record_k: usize = warc_records(&kinds[..k], true).iter().map(Vec::len).sum();
        let e = results.last().unwrap().as_ref().unwrap_err();
        prop_assert!(
            matches!(e.position, Position::Byte(at) if at >= record_k as u64),
            "{}", e
        );
        prop_assert!(results.len() <= expected.len() + 2, "{:?}", results);
    }

    #[test]
    fn a_feed_gives_back_its_items(
        items in prop::collection::vec(item(), 0..6),
        format in 0..3u8,
        with_date: bool,
        gzipped: bool,
    ) {
        let (name, text) = match format {
            0 => ("g.rss", rss(&items, false)),
            1 => ("g.xml", rss(&items, true)),
            _ => ("g.atom", atom(&items)),
        };
        let data = if gzipped { gzip(text.as_bytes()) } else { text.into_bytes() };
        let default = Date::from_ymd_opt(2022, 3, 16).unwrap();
        let results = read_bytes(name, &data, &opts(InputFormat::Auto, with_date, 1 << 20));
        check(name, &results)?;
        prop_assert_eq!(results.len(), items.len(), "{:?}", results);
        for (i, (result, item)) in results.iter().zip(&items).enumerate() {
            let number = i as u64 + 1;
            match (result, item.date.or(with_date.then_some(default))) {
                (Ok(doc), Some(date)) => {
                    prop_assert_eq!(doc.date, date);
                    prop_assert_eq!(doc.body(), item.text.as_str());
                    prop_assert_eq!(doc.title.as_deref(), Some(item.title.as_str()));
                    prop_assert_eq!(doc.url.clone(), Some(format!("https://g.example/{number}")));
                    prop_assert_eq!(doc.origin.line, Some(number));
                }
                (Err(e), None) => prop_assert_eq!(&e.position, &Position::Line(number)),
                (result, date) => prop_assert!(false, "item {}: {:?} for date {:?}", number, result, date),
            }
        }
    }
}
