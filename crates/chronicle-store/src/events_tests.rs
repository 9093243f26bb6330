//! Events in the store: mentions of one strike from two reports join one
//! event, others stay apart; the timeline and the `events` query show them;
//! a version 2 database gains its events from the stored layers.

use super::*;
use chronicle_core::{
    Annotator, Argument, Date, Document, Event, EventDate, EventType, Layer, Modality, Place,
    PlaceKind, Polarity, Span,
};
use chronicle_text::{SentenceSplitter, Tokenizer};

fn span(body: &str, text: &str) -> Span {
    let start = body
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} in {body:?}"));
    Span::new(start, start + text.len())
}

fn argument(body: &str, text: &str) -> Option<Argument> {
    Some(Argument {
        span: span(body, text),
        name: None,
    })
}

/// A report with one event; `place` is resolved to `coords` when given.
#[allow(clippy::too_many_arguments)] // one argument per field of the event
fn report(
    id: &str,
    date: (i32, u32, u32),
    body: &str,
    trigger: &str,
    kind: EventType,
    actor: &str,
    when: Option<(&str, &str)>,
    place: Option<(&str, (f64, f64))>,
) -> Document {
    let mut d = Document::new(
        id,
        Date::from_ymd_opt(date.0, date.1, date.2).unwrap(),
        body,
    );
    Tokenizer.annotate(&mut d).unwrap();
    SentenceSplitter.annotate(&mut d).unwrap();
    let b = d.body().to_owned();
    if let Some((name, (lat, lon))) = place {
        d.layers.places = Some(Layer::new(
            "test",
            vec![Place {
                span: span(&b, name),
                name: name.into(),
                geonameid: None,
                lat: Some(lat),
                lon: Some(lon),
                country: None,
                admin1: None,
                kind: PlaceKind::Literal,
                relation: None,
                confidence: 1.0,
            }],
        ));
    }
    d.layers.events = Some(Layer::new(
        "test",
        vec![Event {
            span: span(&b, trigger),
            kind,
            subtype: "test".into(),
            actor: argument(&b, actor),
            target: None,
            place: place.and_then(|(name, _)| argument(&b, name)),
            date: when.map(|(text, value)| EventDate {
                span: span(&b, text),
                value: value.into(),
            }),
            figures: Vec::new(),
            instrument: None,
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            source: None,
        }],
    ));
    d
}

const YAVORIV: (f64, f64) = (49.94, 23.39);
const LVIV: (f64, f64) = (49.84, 24.03);

fn reports() -> Vec<Document> {
    vec![
        report(
            "a",
            (2022, 3, 14),
            "Russia struck a base near Yavoriv on Sunday. Ministers met.",
            "struck",
            EventType::Assault,
            "Russia",
            Some(("Sunday", "2022-03-13")),
            Some(("Yavoriv", YAVORIV)),
        ),
        report(
            "b",
            (2022, 3, 16),
            "Russia's missile attack near Lviv on March 13 killed 35.",
            "attack",
            EventType::Assault,
            "Russia",
            Some(("March 13", "2022-03-13")),
            Some(("Lviv", LVIV)),
        ),
        report(
            "c",
            (2022, 3, 16),
            "Israel struck Gaza on Sunday.",
            "struck",
            EventType::Assault,
            "Israel",
            Some(("Sunday", "2022-03-13")),
            None,
        ),
        report(
            "d",
            (2022, 3, 16),
            "NATO ministers will meet in Brussels.",
            "meet",
            EventType::Consult,
            "NATO ministers",
            None,
            None,
        ),
    ]
}

#[test]
fn two_reports_of_one_strike_become_one_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
    store.ingest(&reports()).unwrap();
    let all = store
        .events(&EventQuery {
            limit: 10,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(all.len(), 3, "{all:#?}");
    let strike = &all[0];
    assert_eq!(
        (strike.kind.as_str(), strike.day.as_str()),
        ("ASSAULT", "2022-03-13")
    );
    assert!(strike.dated);
    assert_eq!(strike.articles, 2);
    assert_eq!(strike.place.as_deref(), Some("Yavoriv"));
    assert_eq!(strike.lat, Some(YAVORIV.0));
    let sentences: Vec<&str> = strike
        .evidence
        .iter()
        .map(|e| e.sentence.as_str())
        .collect();
    assert_eq!(
        sentences,
        [
            "Russia struck a base near Yavoriv on Sunday.",
            "Russia's missile attack near Lviv on March 13 killed 35."
        ]
    );
    let meeting = all.iter().find(|e| e.kind == "CONSULT").unwrap();
    assert!(!meeting.dated, "undated: placed by its report");
    assert_eq!(meeting.day, "2022-03-16");

    let by_type = |kind: &str| {
        store
            .events(&EventQuery {
                kind: Some(kind.into()),
                limit: 10,
                ..EventQuery::default()
            })
            .unwrap()
            .len()
    };
    assert_eq!(by_type("assault"), 2);
    assert_eq!(by_type("CONSULT"), 1);
    assert!(matches!(
        store.events(&EventQuery {
            kind: Some("PICNIC".into()),
            ..EventQuery::default()
        }),
        Err(StoreError::Query(_))
    ));
    let near_lviv = store
        .events(&EventQuery {
            place: Some("yavoriv".into()),
            limit: 10,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(near_lviv.len(), 1);
    let by_israel = store
        .events(&EventQuery {
            entity: Some("israel".into()),
            from: Some("2022-03-13".into()),
            to: Some("2022-03-13".into()),
            limit: 10,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(by_israel.len(), 1);
    assert_eq!(
        by_israel[0].evidence[0].sentence,
        "Israel struck Gaza on Sunday."
    );

    let timeline = store
        .timeline(&TimelineQuery {
            entity: Some("Russia".into()),
            limit: 10,
            ..TimelineQuery::default()
        })
        .unwrap();
    let events: Vec<(&str, &str)> = timeline
        .iter()
        .filter(|t| t.event.is_some())
        .map(|t| (t.day.as_str(), t.when.as_str()))
        .collect();
    assert_eq!(
        events,
        [("2022-03-13", "Sunday"), ("2022-03-13", "March 13")]
    );
}

#[test]
fn a_participant_is_found_walking_the_days_or_from_their_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
    store.ingest(&reports()).unwrap();
    let ids = |from: Option<&str>, to: Option<&str>, dated_only: bool| -> Vec<(String, usize)> {
        store
            .events(&EventQuery {
                entity: Some("russia".into()),
                from: from.map(str::to_owned),
                to: to.map(str::to_owned),
                dated_only,
                limit: 10,
                ..EventQuery::default()
            })
            .unwrap()
            .into_iter()
            .map(|e| (e.day, e.evidence.len()))
            .collect()
    };
    let strike = vec![("2022-03-13".to_string(), 2)];
    // Two mentions by Russia against three events: from the mentions.
    assert_eq!(ids(None, None, false), strike);
    // Two against the two events of that day: the days are walked.
    let day = Some("2022-03-13");
    assert_eq!(ids(day, day, true), strike);
    assert_eq!(ids(None, day, false), strike);
    assert!(ids(Some("2022-03-14"), None, false).is_empty());
}

#[test]
fn a_version_2_database_gains_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.sqlite");
    {
        let mut store = Store::open(&path).unwrap();
        store.ingest(&reports()).unwrap();
    }
    // Back to version 2: the events tables did not exist.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DROP TABLE events; DROP TABLE event_clusters; PRAGMA user_version = 2;")
        .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let version: i64 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let all = store
        .events(&EventQuery {
            limit: 10,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].articles, 2, "merged again from the stored layers");
}
