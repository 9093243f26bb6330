//! Any text annotates without panicking and the document still passes
//! `validate`; the built-in gold set scores within the goals.

use chronicle_core::{validate, Annotator, Date, Document};
use chronicle_figures::eval::{read_gold, score, Counts};
use chronicle_figures::{FigureAnnotator, GOLD};
use chronicle_text::{SentenceSplitter, Tokenizer};
use proptest::prelude::*;

fn annotate(text: &str) -> Document {
    let mut doc = Document::new("p", Date::from_ymd_opt(2022, 3, 16).unwrap(), text);
    Tokenizer.annotate(&mut doc).unwrap();
    SentenceSplitter.annotate(&mut doc).unwrap();
    FigureAnnotator.annotate(&mut doc).unwrap();
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_annotates_and_validates(text in "\\PC{0,200}") {
        let doc = annotate(&text);
        prop_assert!(validate(&doc).is_ok(), "{:?}", validate(&doc));
    }

    #[test]
    fn number_heavy_text_annotates_and_validates(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("at least"), Just("between"), Just("and"), Just("to"), Just("or"),
                Just("$"), Just("US$"), Just("USD1"), Just("£"), Just("%"), Just("per cent"),
                Just("1,000"), Just("2.5"), Just("30-40"), Just("40k"), Just("2.3bn"), Just("5m"),
                Just("thirty-five"), Just("twenty"), Just("four"), Just("a"), Just("dozen"),
                Just("hundreds"), Just("of"), Just("thousands"), Just("million"), Just("tens"),
                Just("people"), Just("killed"), Just("injured"), Just("troops"), Just("miles"),
                Just("in"), Just("Europe"), Just("("), Just(")"), Just("–"), Just("-"),
                Just("."), Just(","), Just("one"), Just("of the"), Just("2022"), Just("’s"),
                Just("30-member"), Just("ten-storey"), Just("magnitude"), Just("per hour"),
            ],
            0..30,
        )
    ) {
        let text = parts.join(" ");
        let doc = annotate(&text);
        prop_assert!(validate(&doc).is_ok(), "{text}: {:?}", validate(&doc));
    }
}

/// Floors a little under today's scores, per part, so a regression fails
/// the build: (part, extent F1, value accuracy, category accuracy). The
/// tuned and first held-out parts sit within the goals (F1 0.95,
/// value 0.97, category 0.90); the third to seventh held-out rounds did not when first scored — see
/// `gold/README.md`.
const FLOORS: [(&str, f64, f64, f64); 8] = [
    ("dev", 0.98, 0.99, 0.95),
    ("test", 0.98, 0.99, 0.95),
    ("test2", 0.96, 0.99, 0.95),
    ("test3", 0.90, 0.99, 0.90),
    ("test4", 0.97, 0.99, 0.90),
    ("test5", 0.98, 0.99, 0.90),
    ("test6", 0.98, 0.99, 0.95),
    ("test7", 0.98, 0.99, 0.95),
];

#[test]
fn the_gold_set_scores_do_not_regress() {
    let gold = read_gold(GOLD).unwrap();
    assert!(gold.len() >= 40);
    let mut parts = vec![Counts::default(); FLOORS.len()];
    for a in &gold {
        let date = chronicle_core::parse_date(&a.date).unwrap();
        let mut doc = Document::new(a.id.clone(), date, a.text.clone());
        Tokenizer.annotate(&mut doc).unwrap();
        SentenceSplitter.annotate(&mut doc).unwrap();
        FigureAnnotator.annotate(&mut doc).unwrap();
        validate(&doc).unwrap();
        let part = FLOORS.iter().position(|f| f.0 == a.split).unwrap();
        score(a, doc.layers.figures(), &mut parts[part], &mut Vec::new());
    }
    for (c, (name, f1, value, category)) in parts.iter().zip(FLOORS) {
        assert!(c.gold > 50, "{name}");
        assert!(c.f1() >= f1, "{name}: {c:?}");
        assert!(c.value_accuracy() >= value, "{name}: {c:?}");
        assert!(c.category_accuracy() >= category, "{name}: {c:?}");
    }
}
