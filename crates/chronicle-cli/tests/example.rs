//! Snapshot of the example report's extraction, quoting surface text so a
//! reviewer can read it: every sentence, and each layer's items with the
//! text they point at. Offsets are checked against `validate` first.

use chronicle_core::{validate, Date, Document};
use chronicle_pipeline::Pipeline;
use std::fmt::Write;

const REPORT: &str = include_str!("../../../examples/nato-2022-03-16.txt");

fn example() -> Document {
    let docs = chronicle_read::read_bytes(
        "nato-2022-03-16.txt",
        REPORT.as_bytes(),
        &Default::default(),
    );
    let mut doc = docs
        .into_iter()
        .next()
        .expect("one document")
        .expect("the example reads");
    Pipeline::standard()
        .annotate(&mut doc)
        .expect("the example annotates");
    validate(&doc).expect("the example keeps every invariant");
    doc
}

fn render(doc: &Document) -> String {
    let mut out = String::new();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    writeln!(out, "id: {}\ndate: {}\n\nsentences:", doc.id, doc.date).unwrap();
    for s in doc.layers.sentences() {
        writeln!(out, "  - {}", squash(doc.text(s.span))).unwrap();
    }
    if doc.layers.entities.is_some() {
        writeln!(out, "\nentities:").unwrap();
        for e in doc.layers.entities() {
            writeln!(out, "  - {} {:?}", e.kind.label(), doc.text(e.span)).unwrap();
        }
    }
    if doc.layers.timexes.is_some() {
        writeln!(out, "\ntimexes:").unwrap();
        for t in doc.layers.timexes() {
            writeln!(
                out,
                "  - {:?} {} {}",
                squash(doc.text(t.span)),
                t.kind.label(),
                t.value
            )
            .unwrap();
        }
    }
    out
}

#[test]
fn example_report_extraction() {
    let doc = example();
    assert_eq!(doc.date, Date::from_ymd_opt(2022, 3, 16).unwrap());
    assert!(
        doc.body().starts_with("Over the past two months"),
        "the date header is not body"
    );
    insta::assert_snapshot!(render(&doc));
}

#[test]
fn example_sentences_keep_abbreviations_inside() {
    let doc = example();
    let sentences: Vec<&str> = doc
        .layers
        .sentences()
        .iter()
        .map(|s| doc.text(s.span))
        .collect();
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("U.S. Defense Secretary Lloyd Austin emphasized")));
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("“The risk of incidents")
            && s.ends_with("Italy’s former ambassador to NATO.")));
    assert!(sentences.contains(&"“If there was a misfire, NATO could be at war.”"));
    assert!(sentences.contains(&"A day earlier, the Kremlin warned that it viewed Western weapons shipments as “legitimate targets.”"));
}
