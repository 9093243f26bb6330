//! Tests across modules: real files, folders, gzip, standard input naming and
//! the streaming of oversized records.

use crate::{read_bytes, read_inputs, Input, Position, ReadError, ReadOptions};
use chronicle_core::{Date, Document};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs;
use std::io::Write;
use std::path::Path;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn read_paths(paths: &[&Path], opts: ReadOptions) -> Vec<Result<Document, ReadError>> {
    let inputs = paths.iter().map(|p| Input::Path(p.to_path_buf())).collect();
    read_inputs(inputs, opts).collect()
}

/// `id` for a document, `!reason` for an error.
fn summary(results: &[Result<Document, ReadError>]) -> Vec<String> {
    results
        .iter()
        .map(|r| match r {
            Ok(doc) => doc.id.clone(),
            Err(e) => format!("!{}", e.reason),
        })
        .collect()
}

fn records(n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!("{{\"id\":{i},\"date\":\"2022-03-16\",\"text\":\"Article number {i}.\"}}\n")
        })
        .collect()
}

#[test]
fn arg_dash_is_stdin() {
    assert_eq!(Input::from_arg("-"), Input::Stdin);
    assert_eq!(Input::from_arg("a.txt"), Input::Path("a.txt".into()));
    assert_eq!(Input::from_arg(std::ffi::OsString::from("-")), Input::Stdin);
    assert_eq!(Input::Stdin.name(), "-");
}

#[test]
fn articles_can_move_to_a_reading_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<crate::Articles>();
}

#[test]
fn gzip_is_sniffed_whatever_the_name() {
    let opts = ReadOptions::default();
    let docs = read_bytes("news.jsonl.gz", &gzip(records(2).as_bytes()), &opts);
    assert_eq!(summary(&docs), ["1", "2"]);
    let docs = read_bytes("a.txt", &gzip(b"date 2022-03-16 Body."), &opts);
    assert_eq!(docs[0].as_ref().unwrap().body(), "Body.");
    let docs = read_bytes(
        "-",
        &gzip(b"\n{\"date\":\"2022-03-16\",\"text\":\"x\"}"),
        &opts,
    );
    let doc = docs[0].as_ref().unwrap();
    assert_eq!(
        (doc.id.as_str(), doc.origin.input.as_str()),
        ("stdin:2", "-")
    );
    // Two gzip members back to back, as `cat a.gz b.gz` makes.
    let mut two = gzip(records(1).as_bytes());
    two.extend(gzip(
        b"{\"id\":\"b\",\"date\":\"2022-03-16\",\"text\":\"y\"}\n",
    ));
    assert_eq!(summary(&read_bytes("x.jsonl.gz", &two, &opts)), ["1", "b"]);
}

#[test]
fn a_truncated_gzip_keeps_what_was_read() {
    let whole = gzip(records(2000).as_bytes());
    let cut = whole.get(..whole.len() / 2).unwrap();
    let results = read_bytes("news.jsonl.gz", cut, &ReadOptions::default());
    let (last, docs) = results.split_last().unwrap();
    assert!(docs.len() > 100, "{} documents before the cut", docs.len());
    assert!(docs.iter().all(Result::is_ok));
    let e = last.as_ref().unwrap_err();
    assert!(e.reason.starts_with("damaged gzip stream"), "{e}");
    assert!(
        matches!(e.position, Position::Line(n) if n as usize > docs.len()),
        "{e}"
    );
    // Text too: one error, no document.
    let whole = gzip(b"date 2022-03-16 A body long enough to be cut in two places.");
    let results = read_bytes(
        "a.txt.gz",
        whole.get(..whole.len() - 9).unwrap(),
        &ReadOptions::default(),
    );
    assert_eq!(results.len(), 1);
    assert!(results[0]
        .as_ref()
        .unwrap_err()
        .reason
        .starts_with("damaged gzip"));
}

#[test]
fn a_corrupt_gzip_is_one_error() {
    let mut bad = gzip(records(50).as_bytes());
    let mid = bad.len() / 2;
    for b in bad.get_mut(mid..mid + 16).unwrap() {
        *b ^= 0x5a;
    }
    let results = read_bytes("news.jsonl.gz", &bad, &ReadOptions::default());
    let errors: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(!errors.is_empty(), "{results:?}");
    assert!(errors.iter().all(|e| !e.reason.is_empty()));
    // Only the header: the error comes before any record.
    let results = read_bytes("-", &[0x1f, 0x8b, 8, 0], &ReadOptions::default());
    assert_eq!(results.len(), 1, "{results:?}");
    assert!(results[0]
        .as_ref()
        .unwrap_err()
        .reason
        .starts_with("damaged gzip"));
}

#[test]
fn folders_are_read_recursively_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("b.txt"), b"date 2022-03-16 B.");
    write(&root.join("a/z.jsonl"), records(2).as_bytes());
    write(
        &root.join("a/deeper/y.ndjson"),
        b"{\"id\":\"y\",\"date\":\"2022-03-16\",\"text\":\"Y\"}",
    );
    write(&root.join("c.txt.gz"), &gzip(b"date 2022-03-16 C."));
    write(&root.join("notes.md"), b"not an article");
    write(&root.join("image.png"), b"\x89PNG\0\0");
    write(&root.join(".hidden/h.txt"), b"date 2022-03-16 H.");
    write(&root.join(".h.txt"), b"date 2022-03-16 H.");
    let results = read_paths(&[root], ReadOptions::default());
    assert_eq!(summary(&results), ["y", "1", "2", "b", "c"]);
    let origin = &results[0].as_ref().unwrap().origin;
    assert_eq!(
        origin.input,
        root.join("a/deeper/y.ndjson").display().to_string()
    );
    assert_eq!(origin.line, Some(1));
    // A file named on its own is read whatever its extension.
    let results = read_paths(&[&root.join("notes.md")], ReadOptions::default());
    assert_eq!(
        summary(&results),
        ["!no date: give --date YYYY-MM-DD or start the file with `date YYYY-MM-DD`"]
    );
}

#[test]
fn a_missing_input_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    write(&good, b"date 2022-03-16 Fine.");
    let missing = dir.path().join("missing.txt");
    let results = read_paths(&[&missing, &good, &missing], ReadOptions::default());
    assert_eq!(results.len(), 3);
    let e = results[0].as_ref().unwrap_err();
    assert_eq!(e.input, missing.display().to_string());
    assert!(e.to_string().contains("cannot open"), "{e}");
    assert_eq!(results[1].as_ref().unwrap().id, "good");
}

#[test]
fn invalid_utf8_file_names_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    write(&path, b"date 2022-03-16 Fa\xe7ade.");
    let results = read_paths(&[&path], ReadOptions::default());
    let e = results[0].as_ref().unwrap_err();
    assert_eq!(e.position, Position::Byte(18));
    assert_eq!(
        e.to_string(),
        format!("{}: byte 18: invalid UTF-8", path.display())
    );
}

#[test]
fn a_huge_record_is_skipped_and_the_next_line_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let mut file = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    file.write_all(b"{\"id\":\"first\",\"text\":\"a\"}\n{\"text\":\"")
        .unwrap();
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..20 {
        file.write_all(&chunk).unwrap();
    }
    file.write_all(b"\"}\n{\"id\":\"last\",\"text\":\"b\"}\n")
        .unwrap();
    drop(file);
    let opts = ReadOptions {
        max_bytes: 4096,
        default_date: Date::from_ymd_opt(2022, 3, 16),
        ..ReadOptions::default()
    };
    let results = read_paths(&[&path], opts);
    assert_eq!(
        summary(&results),
        [
            "first",
            "!record of more than 4096 bytes exceeds the limit",
            "last"
        ]
    );
    let e = results[1].as_ref().unwrap_err();
    assert_eq!(e.position, Position::Line(2));
    assert_eq!(results[2].as_ref().unwrap().origin.line, Some(3));
}

const PAGE: &str = r#"<html><head><meta property="article:published_time" content="2021-06-07"></head>
<body><article><h1>Bridge N reopens</h1><p>The old bridge N over the river reopened to traffic on
Monday after two years of repairs, the city said.</p></article></body></html>"#;

#[test]
fn pages_of_a_folder_read_ahead_keep_their_order_and_errors() {
    // More pages than one read-ahead holds; every fourth has no text, one
    // is too large, one a broken gzip; a JSON Lines file and a text file
    // in the middle end a read-ahead and are read in their place.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let n = 2 * crate::ahead::PAGES + 5;
    let mut expected = Vec::new();
    for i in 1..=n {
        let name = format!("p{i:03}");
        let html = if i % 4 == 0 {
            expected.push("!no main text found in the page".to_owned());
            "<html><body><div></div></body></html>".to_owned()
        } else if i == 7 {
            expected.push("!document of more than 4096 bytes exceeds the limit".to_owned());
            format!("{PAGE}{}", " ".repeat(5000))
        } else {
            expected.push(name.clone());
            PAGE.replace(" N ", &format!(" {i} "))
        };
        if i == 9 {
            let gz = gzip(html.as_bytes());
            write(&root.join(format!("{name}.html.gz")), &gz[..gz.len() - 12]);
            expected.pop();
            expected.push("?gzip".to_owned());
        } else {
            write(&root.join(format!("{name}.html")), html.as_bytes());
        }
        if i == 40 {
            write(&root.join(format!("{name}_a.jsonl")), records(2).as_bytes());
            write(
                &root.join(format!("{name}_b.txt")),
                b"date 2022-03-16 Text.",
            );
            expected.extend(["1", "2", &format!("{name}_b")].map(str::to_owned));
        }
    }
    let opts = ReadOptions {
        max_bytes: 4096,
        ..ReadOptions::default()
    };
    let check = |results: &[Result<Document, ReadError>], expected: &[String]| {
        let got = summary(results);
        assert_eq!(got.len(), expected.len());
        for (i, (got, want)) in got.iter().zip(expected).enumerate() {
            match want.as_str() {
                "?gzip" => {
                    let e = results[i].as_ref().unwrap_err();
                    assert!(e.reason.starts_with("damaged gzip stream"), "{e}");
                    assert!(e.input.ends_with("p009.html.gz"), "{e}");
                    assert!(matches!(e.position, Position::Byte(_)), "{e}");
                }
                want => assert_eq!(got, want, "item {i}"),
            }
        }
        for r in results.iter().flatten() {
            if r.id.starts_with('p') && !r.id.ends_with("_b") {
                assert!(r.body().contains(&format!(
                    "bridge {} over",
                    &r.id[1..].trim_start_matches('0')
                )));
                assert_eq!(
                    r.origin.input,
                    root.join(format!("{}.html", r.id)).display().to_string()
                );
            }
        }
    };
    check(&read_paths(&[root], opts.clone()), &expected);
    // The same files listed one by one, a missing one among them.
    let mut paths: Vec<_> = fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let missing = root.join("missing.html");
    paths.insert(3, missing.clone());
    expected.insert(
        3,
        format!("!cannot open: {}", std::io::Error::from_raw_os_error(2)),
    );
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    check(&read_paths(&refs, opts), &expected);
}
