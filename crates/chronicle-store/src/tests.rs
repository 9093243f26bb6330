//! Store tests on small documents of our own.

use super::*;
use chronicle_core::{Annotator, Date, Document, Layer, Quote, QuoteKind, Span, Speaker};
use chronicle_text::{SentenceSplitter, Tokenizer};

fn doc(id: &str, url: Option<&str>, date: (i32, u32, u32), body: &str) -> Document {
    let mut d = Document::new(
        id,
        Date::from_ymd_opt(date.0, date.1, date.2).unwrap(),
        body,
    );
    d.url = url.map(str::to_owned);
    Tokenizer.annotate(&mut d).unwrap();
    SentenceSplitter.annotate(&mut d).unwrap();
    d
}

fn with_quote(mut d: Document, quoted: &str, speaker: &str) -> Document {
    let start = d.body().find(quoted).unwrap();
    let span = Span::new(start, start + quoted.len());
    d.layers.quotes = Some(Layer::new(
        "test",
        vec![Quote {
            span,
            kind: QuoteKind::Direct,
            cue: None,
            speaker: Some(Speaker {
                name: speaker.into(),
                mention: span,
            }),
        }],
    ));
    d
}

#[test]
fn ingest_is_idempotent_and_versions_changed_texts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.sqlite");
    let mut store = Store::open(&path).unwrap();
    let a = doc(
        "a",
        Some("https://x/a"),
        (2022, 3, 16),
        "NATO ministers met in Brussels. Allies agreed.",
    );
    let b = doc("b", None, (2022, 3, 17), "Kyiv was shelled overnight.");
    let stats = store.ingest(&[a.clone(), b.clone()]).unwrap();
    assert_eq!(
        stats,
        IngestStats {
            added: 2,
            unchanged: 0,
            new_versions: 0
        }
    );
    let again = store.ingest(&[a, b]).unwrap();
    assert_eq!(
        again,
        IngestStats {
            added: 0,
            unchanged: 2,
            new_versions: 0
        }
    );
    let changed = doc(
        "a",
        Some("https://x/a"),
        (2022, 3, 16),
        "NATO ministers met in Brussels on Wednesday.",
    );
    assert_eq!(store.ingest(&[changed]).unwrap().new_versions, 1);
    assert_eq!(store.article_count().unwrap(), 3, "the old version is kept");
    // Only the newest version answers queries.
    let hits = store
        .search(&SearchQuery {
            text: "Brussels".into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].highlighted,
        "NATO ministers met in [Brussels] on Wednesday."
    );
    drop(store);
    // Reopening keeps everything.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.article_count().unwrap(), 3);
}

#[test]
fn search_and_quotes_with_dates_and_hostile_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
    let a = with_quote(
        doc(
            "a",
            None,
            (2022, 3, 16),
            "“NATO will not fight in Ukraine,” Stoltenberg said.",
        ),
        "NATO will not fight in Ukraine",
        "Jens Stoltenberg",
    );
    let b = with_quote(
        doc(
            "b",
            None,
            (2022, 4, 2),
            "“The risk is high,” Stefanini said.",
        ),
        "The risk is high",
        "Stefano Stefanini",
    );
    store.ingest(&[a, b]).unwrap();
    let q = |speaker: Option<&str>, about: Option<&str>, from: Option<&str>| {
        store
            .quotes(&QuoteQuery {
                speaker: speaker.map(str::to_owned),
                about: about.map(str::to_owned),
                from: from.map(str::to_owned),
                limit: 10,
                ..Default::default()
            })
            .unwrap()
    };
    assert_eq!(q(Some("stoltenberg"), None, None).len(), 1);
    assert_eq!(
        q(None, Some("Ukraine"), None)[0].speaker.as_deref(),
        Some("Jens Stoltenberg")
    );
    assert_eq!(q(None, None, Some("2022-04-01")).len(), 1);
    assert_eq!(
        q(Some("%"), None, None).len(),
        0,
        "LIKE wildcards are literal"
    );
    // FTS5 syntax in user text is just words.
    for hostile in ["NEAR(", "\"", "a OR b", "*", "Ukraine)"] {
        let r = store.search(&SearchQuery {
            text: hostile.into(),
            limit: 5,
            ..Default::default()
        });
        assert!(
            r.is_ok() || matches!(r, Err(StoreError::Query(_))),
            "{hostile}: {r:?}"
        );
    }
    assert!(matches!(
        store.search(&SearchQuery {
            text: "x".into(),
            from: Some("2022-02-30".into()),
            ..Default::default()
        }),
        Err(StoreError::Query(_))
    ));
}

#[test]
fn a_newer_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.sqlite");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("upgrade chronicle"));
}

#[test]
fn timeline_orders_by_the_day_things_happened() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
    let mut d = doc(
        "a",
        None,
        (2022, 3, 16),
        "Russia struck Lviv on Sunday. NATO met on Wednesday.",
    );
    let body = d.body().to_owned();
    let span = |w: &str| {
        let s = body.find(w).unwrap();
        Span::new(s, s + w.len())
    };
    d.layers.timexes = Some(Layer::new(
        "test",
        vec![
            chronicle_core::Timex {
                span: span("Sunday"),
                kind: chronicle_core::TimexType::Date,
                value: "2022-03-13".into(),
                anchor: None,
            },
            chronicle_core::Timex {
                span: span("Wednesday"),
                kind: chronicle_core::TimexType::Date,
                value: "2022-03-16".into(),
                anchor: None,
            },
        ],
    ));
    d.layers.entities = Some(Layer::new(
        "test",
        vec![
            chronicle_core::Entity {
                span: span("Russia"),
                kind: chronicle_core::EntityType::Location,
            },
            chronicle_core::Entity {
                span: span("NATO"),
                kind: chronicle_core::EntityType::Organization,
            },
        ],
    ));
    store.ingest(&[d]).unwrap();
    let all = store
        .timeline(&TimelineQuery {
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    let days: Vec<(&str, &str)> = all
        .iter()
        .map(|h| (h.day.as_str(), h.when.as_str()))
        .collect();
    assert_eq!(
        days,
        [("2022-03-13", "Sunday"), ("2022-03-16", "Wednesday")]
    );
    assert_eq!(all[0].sentence, "Russia struck Lviv on Sunday.");
    assert_eq!(all[0].reported, "2022-03-16");
    let nato = store
        .timeline(&TimelineQuery {
            entity: Some("nato".into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(nato.len(), 1);
    assert_eq!(nato[0].day, "2022-03-16");
}
