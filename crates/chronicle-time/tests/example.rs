//! The example report (dated 2022-03-16) through the whole text layer and
//! the timex annotator: every relative date resolves as a reader would.

use chronicle_core::{validate, Annotator, Date, Document, TimexAnchor};
use chronicle_text::{SentenceSplitter, Tokenizer};
use chronicle_time::TimexAnnotator;

const REPORT: &str = include_str!("../../../examples/nato-2022-03-16.txt");

fn annotated() -> Document {
    // The file starts with its `date 2022-03-16` header.
    let body = REPORT
        .split_once("2022-03-16")
        .map_or(REPORT, |(_, rest)| rest);
    let mut doc = Document::new("nato", Date::from_ymd_opt(2022, 3, 16).unwrap(), body);
    Tokenizer.annotate(&mut doc).unwrap();
    SentenceSplitter.annotate(&mut doc).unwrap();
    TimexAnnotator.annotate(&mut doc).unwrap();
    validate(&doc).unwrap();
    doc
}

#[test]
fn the_nato_report_resolves() {
    let doc = annotated();
    let got: Vec<(&str, &str, &str)> = doc
        .layers
        .timexes()
        .iter()
        .map(|t| (doc.text(t.span), t.kind.label(), t.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("the past two months", "DURATION", "P2M"),
            ("Wednesday", "DATE", "2022-03-16"),
            ("Tuesday", "DATE", "2022-03-15"),
            ("years", "DURATION", "PXY"),
            ("now", "DATE", "PRESENT_REF"),
            ("Sunday", "DATE", "2022-03-13"),
            ("today", "DATE", "2022-03-16"),
            ("Sunday", "DATE", "2022-03-13"),
            ("the recent past", "DATE", "PAST_REF"),
            ("A day earlier", "DATE", "2022-03-12"),
            ("Monday", "DATE", "2022-03-14"),
        ]
    );
}

#[test]
fn a_day_earlier_names_the_strike_day_as_its_anchor() {
    let doc = annotated();
    let timexes = doc.layers.timexes();
    let earlier = timexes
        .iter()
        .find(|t| doc.text(t.span) == "A day earlier")
        .unwrap();
    let Some(TimexAnchor::Timex(anchor)) = earlier.anchor else {
        panic!("anchored on {:?}", earlier.anchor);
    };
    assert_eq!(doc.text(anchor), "Sunday");
    assert!(doc.body()[anchor.end()..].starts_with(", Russia came within"));
}
