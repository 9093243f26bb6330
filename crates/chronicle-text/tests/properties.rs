//! Property tests: any text tokenizes and splits without panicking, and the
//! result keeps every document invariant (`chronicle_core::validate`).

use chronicle_core::{validate, Annotator, Date, Document};
use chronicle_text::{SentenceSplitter, Tokenizer};
use proptest::prelude::*;

fn check(text: &str) -> Result<(), TestCaseError> {
    let mut doc = Document::new("p", Date::from_ymd_opt(2022, 3, 16).unwrap(), text);
    Tokenizer.annotate(&mut doc).unwrap();
    SentenceSplitter.annotate(&mut doc).unwrap();
    if let Err(v) = validate(&doc) {
        return Err(TestCaseError::fail(format!("{v} in {text:?}")));
    }
    Ok(())
}

/// Characters that exercise every tokenizer rule.
const NEWSY: &str = "[a-zA-Z0-9 .,;:!?'\"’“”‘—–\\-/@#$%&()\\n\u{00A0}\u{200B}éЖ€😀:_+]{0,120}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_unicode_text(text in "\\PC{0,200}") {
        check(&text)?;
    }

    #[test]
    fn newsy_text(text in NEWSY) {
        check(&text)?;
    }

    #[test]
    fn any_chars_including_controls(chars in proptest::collection::vec(any::<char>(), 0..100)) {
        let text: String = chars.into_iter().collect();
        check(&text)?;
    }
}

#[test]
fn the_example_report_keeps_its_invariants() {
    let text = include_str!("../../../examples/nato-2022-03-16.txt");
    check(text).unwrap();
}
