//! The knowledge base end to end: ingest, re-ingest, queries, and an ingest
//! killed with SIGKILL then run again — nothing lost, nothing duplicated.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn chronicle() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_chronicle"));
    c.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
    c
}

fn corpus(path: &Path, n: usize) {
    let mut out = String::new();
    for i in 0..n {
        out.push_str(&format!(
            "{{\"id\":\"a{i}\",\"url\":\"https://example.org/{i}\",\"date\":\"2022-03-{:02}\",\"text\":\"Report {i}. “We will defend every inch,” said Jens Stoltenberg on Tuesday. Allies met in Brussels.\"}}\n",
            i % 28 + 1
        ));
    }
    std::fs::write(path, out).unwrap();
}

fn count(db: &Path) -> usize {
    let out = chronicle()
        .args([
            "quotes",
            "--db",
            db.to_str().unwrap(),
            "--speaker",
            "stoltenberg",
            "--limit",
            "1000",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array().unwrap().len()
}

#[test]
fn ingest_query_and_reingest() {
    let dir = tempfile::tempdir().unwrap();
    let (input, db) = (dir.path().join("in.jsonl"), dir.path().join("kb.sqlite"));
    corpus(&input, 50);
    for _ in 0..2 {
        let out = chronicle()
            .args([
                "ingest",
                input.to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(count(&db), 50, "re-ingesting added nothing");
    let out = chronicle()
        .args([
            "search",
            "Brussels",
            "--db",
            db.to_str().unwrap(),
            "--from",
            "2022-03-27",
            "--json",
        ])
        .output()
        .unwrap();
    let hits: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        hits.as_array().unwrap().len(),
        2,
        "articles dated the 27th and 28th"
    );
    assert!(hits[0]["highlighted"]
        .as_str()
        .unwrap()
        .contains("[Brussels]"));
}

#[test]
fn a_killed_ingest_loses_nothing_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let (input, db) = (dir.path().join("in.jsonl"), dir.path().join("kb.sqlite"));
    let n = 3000;
    corpus(&input, n);
    let mut child = chronicle()
        .args([
            "ingest",
            input.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    if db.exists() {
        // Whatever was committed is whole and readable.
        assert!(count(&db) <= n);
    }
    let out = chronicle()
        .args([
            "ingest",
            input.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    assert!(
        log.contains(&format!("; {n} articles in the database")),
        "every article once, none twice: {log}"
    );
}
