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

fn run_ok(args: &[&str]) -> Vec<u8> {
    let out = chronicle().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn entity_figures_and_every_export_format() {
    let dir = tempfile::tempdir().unwrap();
    let (input, db) = (dir.path().join("in.jsonl"), dir.path().join("kb.sqlite"));
    corpus(&input, 6);
    let db = db.to_str().unwrap();
    run_ok(&["ingest", input.to_str().unwrap(), "--db", db]);

    let profile: Value =
        serde_json::from_slice(&run_ok(&["entity", "Stoltenberg", "--db", db, "--json"])).unwrap();
    assert_eq!(profile[0]["name"], "Jens Stoltenberg");
    assert_eq!(profile[0]["articles"], 6);
    assert_eq!(profile[0]["quotes_by"].as_array().unwrap().len(), 6);
    let table = String::from_utf8(run_ok(&["entity", "stoltenberg", "--db", db])).unwrap();
    assert!(table.contains("mentions per month"), "{table}");
    let missing = chronicle()
        .args(["entity", "Nobody Atall", "--db", db])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no entity"));

    // One mechanism for every query: --format on the command, or export.
    let csv = String::from_utf8(run_ok(&[
        "export",
        "quotes",
        "--speaker",
        "Stoltenberg",
        "--db",
        db,
        "--format",
        "csv",
    ]))
    .unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("article,title,date,kind,speaker,text,start,end")
    );
    assert_eq!(lines.count(), 6);
    let jsonl = String::from_utf8(run_ok(&["export", "search", "Brussels", "--db", db])).unwrap();
    assert_eq!(jsonl.lines().count(), 6, "export defaults to JSON Lines");
    for line in jsonl.lines() {
        serde_json::from_str::<Value>(line).unwrap();
    }
    let file = dir.path().join("figures.jsonl");
    run_ok(&[
        "figures",
        "--db",
        db,
        "--format",
        "jsonl",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert!(std::fs::metadata(&file).is_ok());
    let profile_csv = String::from_utf8(run_ok(&[
        "export",
        "entity",
        "Stoltenberg",
        "--db",
        db,
        "--format",
        "csv",
    ]))
    .unwrap();
    assert_eq!(profile_csv.lines().count(), 2, "a header and the profile");

    let parquet = dir.path().join("quotes.parquet");
    let out = chronicle()
        .args([
            "quotes",
            "--db",
            db,
            "--format",
            "parquet",
            "--output",
            parquet.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    if cfg!(feature = "parquet") {
        assert!(out.status.success());
        assert_eq!(&std::fs::read(&parquet).unwrap()[..4], b"PAR1");
    } else {
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("--features parquet"));
    }
}

#[test]
fn events_answer_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let (input, db) = (dir.path().join("in.jsonl"), dir.path().join("kb.sqlite"));
    corpus(&input, 3);
    let db = db.to_str().unwrap();
    run_ok(&["ingest", input.to_str().unwrap(), "--db", db]);
    let events: Value = serde_json::from_slice(&run_ok(&["events", "--db", db, "--json"])).unwrap();
    let events = events.as_array().unwrap();
    assert!(!events.is_empty(), "the allies' meetings are events");
    for e in events {
        let evidence = e["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty(), "{e}");
        assert!(evidence[0]["sentence"]
            .as_str()
            .unwrap()
            .starts_with(|c: char| c.is_uppercase()));
    }
    let kind = events[0]["type"].as_str().unwrap();
    let same: Value = serde_json::from_slice(&run_ok(&[
        "events",
        "--db",
        db,
        "--type",
        &kind.to_lowercase(),
        "--json",
    ]))
    .unwrap();
    assert!(same.as_array().unwrap().iter().all(|e| e["type"] == kind));
    let csv =
        String::from_utf8(run_ok(&["export", "events", "--db", db, "--format", "csv"])).unwrap();
    assert_eq!(
        csv.lines().next(),
        Some("id,type,day,dated,place,lat,lon,actor,target,articles,evidence")
    );
    let table = String::from_utf8(run_ok(&["events", "--db", db])).unwrap();
    assert!(table.contains(kind) && table.contains("report"), "{table}");
}

#[test]
fn bad_query_input_is_one_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb.sqlite");
    let db = db.to_str().unwrap();
    for args in [
        vec!["figures", "--db", db, "--category", "bogus"],
        vec!["events", "--db", db, "--type", "PICNIC"],
        vec!["events", "--db", db, "--to", "2022-13-01"],
        vec!["search", "x", "--db", db, "--from", "2022-02-30"],
        vec![
            "quotes", "--db", db, "--limit", "5", "--json", "--format", "csv",
        ],
    ] {
        let out = chronicle().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
}
