//! Any text annotates without panicking and yields a valid layer.

use chronicle_core::{validate, Annotator, Date, Document};
use chronicle_text::{SentenceSplitter, Tokenizer};
use chronicle_time::TimexAnnotator;
use proptest::prelude::*;

fn check(body: &str, y: i32, m: u32, d: u32) {
    let date = Date::from_ymd_opt(y, m, d).unwrap_or_default();
    let mut doc = Document::new("p", date, body);
    Tokenizer.annotate(&mut doc).unwrap();
    SentenceSplitter.annotate(&mut doc).unwrap();
    TimexAnnotator.annotate(&mut doc).unwrap();
    validate(&doc).unwrap();
}

const WORDS: &[&str] = &[
    "the",
    "a",
    "last",
    "next",
    "this",
    "past",
    "two",
    "twenty",
    "four",
    "years",
    "year",
    "day",
    "days",
    "ago",
    "earlier",
    "later",
    "before",
    "Sunday",
    "Friday",
    "March",
    "May",
    "Sept.",
    "30",
    ",",
    "1998",
    "1990s",
    "3/16/22",
    "2022-02-30",
    "10:35",
    "p.m.",
    "noon",
    "GMT",
    "of",
    "end",
    "early",
    "mid-March",
    "third-quarter",
    "fiscal",
    "every",
    "daily",
    "Q3",
    "quarter",
    "first",
    "half",
    "about",
    "more",
    "than",
    "year-earlier",
    "weekend",
    "tonight",
    "morning",
    ".",
    "9999",
    "0",
    "31st",
    "99999999999",
    "said",
    "will",
    "’ll",
    "ο",
    "日本",
];

proptest! {
    #[test]
    fn any_text_is_valid(body in "\\PC{0,200}", y in 1800i32..2200, m in 1u32..13, d in 1u32..29) {
        check(&body, y, m, d);
    }

    #[test]
    fn temporal_word_salad_is_valid(idx in proptest::collection::vec(0..WORDS.len(), 0..40), y in 1800i32..2200, m in 1u32..13, d in 1u32..29) {
        let body: Vec<&str> = idx.iter().map(|&i| WORDS[i]).collect();
        check(&body.join(" "), y, m, d);
    }
}

const TML_BITS: &[&str] = &[
    "<TEXT>",
    "</TEXT>",
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-03-13\">",
    "</TIMEX3>",
    "<TIMEX3 functionInDocument=\"CREATION_TIME\" value=\"2022-03-16\">",
    "<EVENT eid=\"e1\">",
    "</EVENT>",
    "&amp;",
    "&#233;",
    "&bogus;",
    "&",
    "<",
    ">",
    "Sunday",
    " ",
    "é",
    "value='x'",
];

proptest! {
    #[test]
    fn any_tml_reads_or_fails_cleanly(src in "\\PC{0,300}") {
        let _ = chronicle_time::eval::parse_tml("p", &src);
    }

    #[test]
    fn tml_fragments_read_or_fail_cleanly(idx in proptest::collection::vec(0..TML_BITS.len(), 0..30)) {
        let src: String = idx.iter().map(|&i| TML_BITS[i]).collect();
        if let Ok(doc) = chronicle_time::eval::parse_tml("p", &src) {
            for t in &doc.timexes {
                prop_assert!(doc.text.get(t.span.range()).is_some());
            }
            let found = chronicle_time::annotate_text(&doc.text, doc.dct);
            let mut scorer = chronicle_time::eval::Scorer::default();
            scorer.add(&doc, &found);
        }
    }
}
