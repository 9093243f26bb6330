//! WARC reader tests over archives built here, record by record.

use crate::{read_bytes, InputFormat, Position, ReadOptions};
use chronicle_core::Date;
use std::io::Write;

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Bridge reopens</title>
<meta property="article:published_time" content="2021-06-07T09:00:00+02:00"></head><body>
<nav>Home | World | Sport</nav><article><h1>Bridge reopens</h1>
<p>The old bridge over the river reopened to traffic on Monday after two years of repairs.</p>
<p>Engineers replaced the deck and strengthened the piers, the city said in a statement.</p>
</article></body></html>"#;

/// One WARC record with the given type, extra headers and block.
pub(crate) fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response block.
pub(crate) fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn html_response(body: &str) -> Vec<u8> {
    http(
        "200 OK",
        "Content-Type: text/html; charset=utf-8\r\n",
        body.as_bytes(),
    )
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

fn archive() -> Vec<u8> {
    let undated = PAGE.replace("article:published_time", "x");
    [
        record("warcinfo", "", b"software: test\r\n"),
        record("request", "https://a.example/1", b"GET /1 HTTP/1.1\r\n\r\n"),
        record("response", "https://a.example/1", &html_response(PAGE)),
        record(
            "response",
            "https://a.example/img",
            &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG"),
        ),
        record(
            "response",
            "https://a.example/gone",
            &http(
                "404 Not Found",
                "Content-Type: text/html\r\n",
                b"<html>no</html>",
            ),
        ),
        record("response", "https://a.example/2", &html_response(&undated)),
    ]
    .concat()
}

#[test]
fn html_responses_become_documents_and_the_rest_is_passed_over() {
    let docs = read_bytes("cc.warc", &archive(), &ReadOptions::default());
    let docs: Vec<_> = docs.into_iter().map(Result::unwrap).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, "cc:3");
    assert_eq!(docs[0].date, Date::from_ymd_opt(2021, 6, 7).unwrap());
    assert_eq!(docs[0].metadata["date_source"], "opengraph");
    assert_eq!(docs[0].url.as_deref(), Some("https://a.example/1"));
    assert_eq!(
        docs[0].metadata["warc_record_id"],
        "urn:uuid:https://a.example/1"
    );
    assert_eq!(docs[0].origin.line, Some(3));
    assert!(docs[0].body().contains("reopened to traffic"));
    // A page without a date of its own is dated by the crawl.
    assert_eq!(docs[1].date, Date::from_ymd_opt(2024, 1, 2).unwrap());
    assert_eq!(docs[1].metadata["date_source"], "warc-date");
}

#[test]
fn gzip_members_and_sniffing_and_forcing() {
    let whole = gzip(&archive());
    // Common Crawl gzips each record on its own.
    let per_record: Vec<u8> = [
        gzip(&record(
            "response",
            "https://a.example/1",
            &html_response(PAGE),
        )),
        gzip(&record(
            "response",
            "https://a.example/3",
            &html_response(PAGE),
        )),
    ]
    .concat();
    for (name, bytes, n) in [
        ("cc.warc.gz", &whole, 2),
        ("-", &per_record, 2),
        ("cc.bin", &archive(), 2),
    ] {
        let docs = read_bytes(name, bytes, &ReadOptions::default());
        assert_eq!(docs.iter().filter(|d| d.is_ok()).count(), n, "{name}");
    }
    let forced = ReadOptions {
        format: InputFormat::Warc,
        ..ReadOptions::default()
    };
    assert_eq!(read_bytes("x.txt", &archive(), &forced).len(), 2);
}

#[test]
fn a_malformed_record_is_reported_at_its_offset_and_skipped() {
    let good = record("response", "https://a.example/1", &html_response(PAGE));
    let no_length = b"WARC/1.0\r\nWARC-Type: response\r\n\r\ngarbage line\r\n\r\n".to_vec();
    let bad_length = b"WARC/1.0\r\nContent-Length: ten\r\n\r\n".to_vec();
    let junk = b"not a warc line\r\nmore junk\r\n".to_vec();
    let input = [
        good.clone(),
        no_length.clone(),
        bad_length.clone(),
        good.clone(),
        junk,
        good.clone(),
    ]
    .concat();
    let results = read_bytes("a.warc", &input, &ReadOptions::default());
    let errors: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        3,
        "{errors:?}"
    );
    assert_eq!(errors.len(), 3, "{errors:?}");
    let at = good.len() as u64;
    assert_eq!(errors[0].position, Position::Byte(at));
    assert!(errors[0].reason.contains("Content-Length"), "{}", errors[0]);
    assert_eq!(
        errors[1].position,
        Position::Byte(at + no_length.len() as u64)
    );
    assert!(
        errors[2].reason.contains("not a WARC record"),
        "{}",
        errors[2]
    );
    let junk_at = at + (no_length.len() + bad_length.len() + good.len()) as u64;
    assert_eq!(errors[2].position, Position::Byte(junk_at));
    assert!(errors[0].to_string().starts_with("a.warc: byte "));
}

#[test]
fn truncated_and_oversized_records() {
    let good = record("response", "https://a.example/1", &html_response(PAGE));
    let cut = &good[..good.len() - 40];
    let results = read_bytes(
        "t.warc",
        &[good.clone(), cut.to_vec()].concat(),
        &ReadOptions::default(),
    );
    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok());
    let e = results[1].as_ref().unwrap_err();
    assert!(e.reason.starts_with("truncated record"), "{e}");
    assert_eq!(e.position, Position::Byte(good.len() as u64));

    let small = ReadOptions {
        max_bytes: 100,
        ..ReadOptions::default()
    };
    let big = record(
        "response",
        "https://a.example/big",
        &html_response(&PAGE.repeat(200)),
    );
    let results = read_bytes("t.warc", &[big, good].concat(), &small);
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(results[0]
        .as_ref()
        .unwrap_err()
        .reason
        .contains("exceeds the limit"));
    // The small limit also refuses the second page once decoded.
    assert!(results[1].is_err());
}

#[test]
fn chunked_and_gzip_content_are_decoded() {
    let body = gzip(PAGE.as_bytes());
    let mut chunked = format!("{:x}\r\n", 10).into_bytes();
    chunked.extend_from_slice(&body[..10]);
    chunked.extend_from_slice(format!("\r\n{:x};ext=1\r\n", body.len() - 10).as_bytes());
    chunked.extend_from_slice(&body[10..]);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let block = http(
        "200 OK",
        "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
        &chunked,
    );
    let docs = read_bytes(
        "c.warc",
        &record("response", "https://a.example/c", &block),
        &ReadOptions::default(),
    );
    let doc = docs[0].as_ref().unwrap();
    assert!(doc.body().contains("Engineers replaced"));
}

#[test]
fn a_response_without_text_is_an_error_naming_the_record() {
    let block = html_response("<html><body><div></div></body></html>");
    let docs = read_bytes(
        "e.warc",
        &record("response", "https://a.example/e", &block),
        &ReadOptions::default(),
    );
    let e = docs[0].as_ref().unwrap_err();
    assert_eq!(e.position, Position::Byte(0));
    assert!(e.reason.starts_with("record 1: "), "{e}");
}

#[test]
fn pages_read_ahead_come_out_in_archive_order_with_their_errors() {
    // More pages than one read-ahead holds, every fifth one without text.
    let empty = html_response("<html><body><div></div></body></html>");
    let mut bytes = Vec::new();
    let mut starts = Vec::new();
    for i in 1..=3 * crate::ahead::PAGES + 3 {
        starts.push(bytes.len() as u64);
        let uri = format!("https://a.example/{i}");
        let block = if i % 5 == 0 {
            empty.clone()
        } else {
            html_response(&PAGE.replace("Bridge reopens", &format!("Bridge {i} reopens")))
        };
        bytes.extend(record("response", &uri, &block));
    }
    let docs = read_bytes("many.warc", &bytes, &ReadOptions::default());
    assert_eq!(docs.len(), starts.len());
    for (i, (doc, start)) in docs.iter().zip(&starts).enumerate() {
        let n = i + 1;
        match doc {
            Ok(doc) => {
                assert_ne!(n % 5, 0, "record {n} should have failed");
                assert_eq!(doc.id, format!("many:{n}"));
                assert_eq!(doc.origin.line, Some(n as u64));
                assert_eq!(
                    doc.title.as_deref(),
                    Some(format!("Bridge {n} reopens").as_str())
                );
            }
            Err(e) => {
                assert_eq!(n % 5, 0, "record {n}: {e}");
                assert_eq!(e.position, Position::Byte(*start));
                assert!(e.reason.starts_with(&format!("record {n}: ")), "{e}");
            }
        }
    }
}
