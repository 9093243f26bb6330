//! End-to-end tests of the `chronicle` binary: formats, offsets in code
//! points, and bad input reported in one line per problem while the rest of
//! the batch goes on.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn chronicle(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chronicle runs");
    if let Some(input) = stdin {
        // A process that stops early (a usage error) closes its input: fine.
        let _ = child.stdin.take().unwrap().write_all(input);
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `body[start:end]` with code-point offsets, as a Python user would slice.
fn slice(article: &Value, span: &Value) -> String {
    let body: Vec<char> = article["body"].as_str().unwrap().chars().collect();
    let (s, e) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    body[s..e].iter().collect()
}

#[test]
fn extract_example_as_json() {
    let out = chronicle(
        &[
            "extract",
            "examples/nato-2022-03-16.txt",
            "--format",
            "json",
            "--tokens",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let article: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(article["schema_version"], 1);
    assert_eq!(article["id"], "nato-2022-03-16");
    assert_eq!(article["date"], "2022-03-16");
    let sentences = article["sentences"].as_array().unwrap();
    assert!(sentences.len() > 20);
    let texts: Vec<String> = sentences.iter().map(|s| slice(&article, s)).collect();
    assert!(texts.contains(&"“NATO has a responsibility to ensure that this crisis does not escalate beyond Ukraine,” he said.".to_string()));
    let tokens: Vec<String> = article["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| slice(&article, t))
        .collect();
    let i = tokens.iter().position(|t| t == "NATO").unwrap();
    assert!(tokens[i..].windows(2).any(|w| w == ["NATO", "’s"]));
}

#[test]
fn jsonl_from_stdin_keeps_order_ids_and_metadata() {
    let mut input = String::new();
    for i in 0..300 {
        input.push_str(&format!(
            "{{\"id\": \"a{i}\", \"date\": \"2022-03-{:02}T10:00:00Z\", \"title\": \"T{i}\", \"text\": \"Article {i}. It says “{i}”.\", \"extra\": {i}}}\n",
            i % 28 + 1
        ));
    }
    let out = chronicle(
        &["extract", "-", "--format", "jsonl"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 300);
    for (i, a) in lines.iter().enumerate() {
        assert_eq!(a["id"], format!("a{i}"));
        assert_eq!(a["metadata"]["extra"], i);
        assert_eq!(a["sentences"].as_array().unwrap().len(), 2);
    }
}

#[test]
fn json_format_prints_an_array_for_several_articles() {
    let input = b"{\"id\":\"a\",\"date\":\"2022-03-16\",\"text\":\"One.\"}\n{\"id\":\"b\",\"date\":\"2022-03-16\",\"text\":\"Two.\"}\n";
    let out = chronicle(&["extract", "--format", "json"], Some(input));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn plain_text_needs_a_date() {
    let out = chronicle(
        &["extract", "-", "--input-format", "text"],
        Some(b"Body without a date."),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("date"), "{}", stderr(&out));
    let out = chronicle(
        &["extract", "-", "--date", "2022-03-16", "--format", "jsonl"],
        Some(b"Body with a date."),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["date"], "2022-03-16");
    assert_eq!(v["body"], "Body with a date.");
}

#[test]
fn bad_input_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("a-good.txt"), "date 2022-03-16\nA good report.").unwrap();
    std::fs::write(
        p.join("b-binary.txt"),
        b"date 2022-03-16\n\x00\x01\x02binary",
    )
    .unwrap();
    std::fs::write(
        p.join("c-bad-utf8.txt"),
        b"date 2022-03-16\nbad \xff\xfe bytes",
    )
    .unwrap();
    std::fs::write(
        p.join("d-impossible.txt"),
        "date 2022-02-30\nImpossible date.",
    )
    .unwrap();
    std::fs::write(p.join("e-empty.txt"), "date 2022-03-16\n   \n").unwrap();
    std::fs::write(
        p.join("f-mixed.jsonl"),
        "{\"id\":\"ok1\",\"date\":\"2022-03-16\",\"text\":\"Fine.\"}\n{not json\n{\"id\":\"nodate\",\"text\":\"x\"}\n{\"id\":\"ok2\",\"date\":\"2022-03-16\",\"text\":\"Also fine.\"}\n",
    )
    .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"{\"id\":\"gz1\",\"date\":\"2022-03-16\",\"text\":\"Compressed.\"}\n")
        .unwrap();
    std::fs::write(p.join("g-packed.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let out = chronicle(&["extract", p.to_str().unwrap(), "--format", "jsonl"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let ids: Vec<String> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            serde_json::from_slice::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids, ["a-good", "ok1", "ok2", "gz1"]);
    let err = stderr(&out);
    let error_lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(error_lines.len(), 6, "{err}");
    for (needle, line_no) in [
        ("b-binary.txt", None),
        ("c-bad-utf8.txt", None),
        ("d-impossible.txt", None),
        ("e-empty.txt", None),
        ("f-mixed.jsonl", Some("2")),
        ("f-mixed.jsonl", Some("3")),
    ] {
        assert!(
            error_lines
                .iter()
                .any(|l| l.contains(needle)
                    && line_no.is_none_or(|n| l.contains(&format!("line {n}")))),
            "no error line for {needle} {line_no:?} in:\n{err}"
        );
    }
}

#[test]
fn a_huge_line_is_refused_without_stopping_the_batch() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"big\",\"date\":\"2022-03-16\",\"text\":\"");
    input.extend(std::iter::repeat_n(b'a', 3 << 20));
    input.extend_from_slice(
        b"\"}\n{\"id\":\"small\",\"date\":\"2022-03-16\",\"text\":\"Small.\"}\n",
    );
    let out = chronicle(
        &[
            "extract",
            "-",
            "--format",
            "jsonl",
            "--max-bytes",
            "1000000",
        ],
        Some(&input),
    );
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(out.stdout.trim_ascii()).unwrap();
    assert_eq!(v["id"], "small");
    assert!(stderr(&out).contains("line 1"), "{}", stderr(&out));
}

#[test]
fn text_format_is_a_readable_summary() {
    let out = chronicle(
        &[
            "extract",
            "examples/nato-2022-03-16.txt",
            "--format",
            "text",
        ],
        None,
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("published Wed 2022-03-16"), "{text}");
    assert!(text.contains("Over the past two months"), "{text}");
    assert!(!text.contains("\"start\""), "no JSON in the text format");
}

#[test]
fn missing_file_and_bad_arguments() {
    let out = chronicle(
        &[
            "extract",
            "no/such/file.txt",
            "examples/nato-2022-03-16.txt",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/file.txt"));
    assert_eq!(
        out.stdout.iter().filter(|&&b| b == b'\n').count(),
        1,
        "the good file still printed"
    );
    let out = chronicle(&["extract", "--date", "2022-02-30", "-"], Some(b"x"));
    assert_eq!(
        out.status.code(),
        Some(2),
        "an impossible --date is a usage error"
    );
}
