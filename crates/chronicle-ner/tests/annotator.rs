//! The entities annotator on chronicle's own tokenization: the shipped model
//! loads, entities satisfy `validate`, typographic quotes are handled, and no
//! input makes it panic.

use chronicle_core::{validate, Annotator, Date, Document, EntityType};
use chronicle_ner::EntityTagger;
use chronicle_text::{SentenceSplitter, Tokenizer};

fn annotate(body: &str) -> Document {
    let mut doc = Document::new("t", Date::from_ymd_opt(2022, 3, 16).unwrap(), body);
    Tokenizer.annotate(&mut doc).unwrap();
    SentenceSplitter.annotate(&mut doc).unwrap();
    EntityTagger.annotate(&mut doc).unwrap();
    validate(&doc).unwrap();
    doc
}

fn found(doc: &Document) -> Vec<(String, EntityType)> {
    doc.layers
        .entities()
        .iter()
        .map(|e| (doc.text(e.span).to_string(), e.kind))
        .collect()
}

#[test]
fn tags_a_news_paragraph() {
    let doc = annotate(
        "NATO Secretary General Jens Stoltenberg said Poland’s offer to send MiG-29 jets to Ukraine \
         was discussed in Brussels. U.S. Defense Secretary Lloyd Austin met him on Wednesday.",
    );
    let ents = found(&doc);
    for (text, kind) in [
        ("NATO", EntityType::Organization),
        ("Jens Stoltenberg", EntityType::Person),
        ("Poland", EntityType::Location),
        ("Ukraine", EntityType::Location),
        ("Brussels", EntityType::Location),
        ("Lloyd Austin", EntityType::Person),
    ] {
        assert!(
            ents.contains(&(text.to_string(), kind)),
            "{text} not {kind:?} in {ents:?}"
        );
    }
}

#[test]
fn government_seats_are_organizations() {
    let doc = annotate(
        "A day earlier, the Kremlin warned that it viewed Western weapons shipments as targets.",
    );
    let ents = found(&doc);
    assert!(
        ents.contains(&("Kremlin".to_string(), EntityType::Organization)),
        "{ents:?}"
    );
}

#[test]
fn lower_case_text_uses_the_uncased_model() {
    let doc = annotate("president vladimir putin met angela merkel in berlin on monday .");
    let ents = found(&doc);
    assert!(
        ents.iter()
            .any(|(t, k)| t == "berlin" && *k == EntityType::Location),
        "{ents:?}"
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let long = "Word ".repeat(5000);
    let inputs = [
        "",
        " ",
        "\n\n\n",
        "’",
        "“”",
        "A",
        "ÉTÉ À PARIS",
        "🙂 Emoji 🙂 Paris 🙂",
        "-DOCSTART-",
        "I-PER B-LOC",
        long.as_str(),
        "Mr. J. R. R. Tolkien-Smith, Jr., of St. Louis, Mo., U.S.A.",
        "\u{200B}\u{FEFF}NATO\u{2060}",
    ];
    for body in inputs {
        annotate(body);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any text gets a valid entities layer.
    #[test]
    fn any_text_annotates(body in "\\PC{0,200}") {
        annotate(&body);
    }

    /// Word salad from news vocabulary, cased at random.
    #[test]
    fn word_salad_annotates(words in proptest::collection::vec(
        "(NATO|Paris|the|’s|“|”|U\\.S\\.|-|Mr\\.|said|\\.|,|[A-Z][a-z]{1,8}|[a-z]{1,8}|[0-9]{1,4})", 0..60)) {
        annotate(&words.join(" "));
    }
}
