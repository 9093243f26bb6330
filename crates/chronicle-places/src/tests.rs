//! Crate-level tests: the example report, and that no input panics or
//! breaks the document's invariants.

use crate::tests_support::annotate;
use chronicle_core::{Annotator, Date, Document, PlaceKind};
use proptest::prelude::*;

const NATO: &str = include_str!("../../../examples/nato-2022-03-16.txt");
const LOCAL_NEWS: &str = include_str!("../tests/data/local_news.xml");
const WIKINEWS_LOCAL: &str = include_str!("../tests/data/wikinews_local.xml");

/// Recognition F1 and accuracy within 161 km of the places layer on an
/// LGL-format gold file.
fn lgl_scores(xml: &str) -> (usize, f64, f64) {
    use crate::eval::{read_xml, Predicted, Scores};
    let gold = read_xml(xml).unwrap();
    let mut s = Scores::default();
    for a in &gold {
        let d = annotate(&a.text);
        let pred: Vec<Predicted> = d
            .layers
            .places()
            .iter()
            .map(|p| Predicted {
                start: p.span.start(),
                end: p.span.end(),
                coords: p.lat.zip(p.lon),
            })
            .collect();
        s.add(a, &pred, &mut Vec::new());
    }
    let (_, _, f1) = s.prf(false);
    let (acc, _) = s.geo();
    (s.gold, f1, acc)
}

/// The hand-written US local-news check (tests/data/local_news.txt; LGL
/// format): recognition and geocoding stay well above the LGL goals.
#[test]
fn local_news_check() {
    let (gold, f1, acc) = lgl_scores(LOCAL_NEWS);
    assert!(gold >= 60, "{gold}");
    assert!(f1 >= 0.85 && acc >= 0.9, "F1 {f1:.3}, acc@161 {acc:.3}");
}

/// The Wikinews local-news round (tests/data/wikinews_local.txt): real
/// reports, first scored at F1 0.821 and acc@161 0.809, kept above the LGL
/// goals since the revision that studied them.
#[test]
fn wikinews_local_check() {
    let (gold, f1, acc) = lgl_scores(WIKINEWS_LOCAL);
    assert_eq!(gold, 133);
    assert!(f1 >= 0.9 && acc >= 0.88, "F1 {f1:.3}, acc@161 {acc:.3}");
}

#[test]
fn example_report_places() {
    let d = annotate(NATO);
    let p = d.layers.places();
    let named = |n: &str| p.iter().filter(|p| p.name == n).count();
    for n in ["Ukraine", "Poland", "Russia", "Portugal", "Europe"] {
        assert!(
            named(n) > 0,
            "{n} missing: {:?}",
            p.iter().map(|p| &p.name).collect::<Vec<_>>()
        );
    }
    let western = p
        .iter()
        .find(|p| {
            p.relation
                .as_ref()
                .is_some_and(|r| d.text(r.span) == "western Ukraine")
        })
        .unwrap();
    assert_eq!(western.name, "Ukraine");
    let border = p
        .iter()
        .find(|p| {
            p.relation
                .as_ref()
                .is_some_and(|r| d.text(r.span) == "near the Polish border")
        })
        .unwrap();
    assert_eq!(
        (border.name.as_str(), border.kind),
        ("Poland", PlaceKind::Demonym)
    );
    let kremlin = p.iter().find(|p| d.text(p.span) == "Kremlin").unwrap();
    assert_eq!(kremlin.kind, PlaceKind::Metonym);
    let ua = p.iter().find(|p| p.name == "Ukraine").unwrap();
    assert_eq!(
        (ua.country.as_deref(), ua.geonameid),
        (Some("UA"), Some(690791))
    );
}

#[test]
fn works_without_entities_layer_contents() {
    let mut doc = Document::new(
        "x",
        Date::from_ymd_opt(2020, 1, 1).unwrap(),
        "Fighting near Kharkiv.",
    );
    chronicle_text::Tokenizer.annotate(&mut doc).unwrap();
    chronicle_text::SentenceSplitter.annotate(&mut doc).unwrap();
    doc.layers.entities = Some(chronicle_core::Layer::new("test", vec![]));
    crate::PlaceAnnotator.annotate(&mut doc).unwrap();
    chronicle_core::validate(&doc).unwrap();
    let p = &doc.layers.places()[0];
    assert_eq!(
        p.relation.as_ref().map(|r| r.relation.as_str()),
        Some("near")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_text_annotates_and_validates(s in "[A-Za-z ,.’'\\-0-9\n\u{e9}\u{4e2d}]{0,200}") {
        let d = annotate(&s);
        prop_assert!(chronicle_core::validate(&d).is_ok());
    }

    #[test]
    fn place_words_in_any_order_validate(words in proptest::collection::vec(
        prop_oneof![Just("Paris"), Just("Texas"), Just(","), Just("near"), Just("the"), Just("Polish"),
            Just("border"), Just("15"), Just("miles"), Just("north"), Just("of"), Just("western"),
            Just("Kremlin"), Just("said"), Just("St."), Just("Louis")], 0..30)) {
        let d = annotate(&words.join(" "));
        prop_assert!(chronicle_core::validate(&d).is_ok());
    }
}
