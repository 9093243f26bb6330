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
    assert_no_dangling_references(&store);
}

/// How many indexes the database holds.
fn index_count(store: &Store) -> i64 {
    store
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn an_interrupted_bulk_load_gets_its_indexes_back_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.sqlite");
    let mut store = Store::open(&path).unwrap();
    let all = index_count(&store);
    assert!(store.begin_bulk_load().unwrap());
    assert!(index_count(&store) < all);
    let a = doc("a", None, (2022, 3, 16), "NATO ministers met in Brussels.");
    store.ingest(&[a]).unwrap();
    drop(store); // stopped before finish_bulk_load
    let mut store = Store::open(&path).unwrap();
    assert_eq!(index_count(&store), all);
    assert!(!store.begin_bulk_load().unwrap(), "it holds an article");
    assert_eq!(index_count(&store), all);
    assert_eq!(
        store
            .search(&SearchQuery {
                text: "Brussels".into(),
                limit: 5,
                ..SearchQuery::default()
            })
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn opening_during_a_bulk_load_leaves_the_deferred_indexes_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.sqlite");
    let mut loader = Store::open(&path).unwrap();
    let all = index_count(&loader);
    assert!(loader.begin_bulk_load().unwrap());
    let a = doc("a", None, (2022, 3, 16), "NATO ministers met in Brussels.");
    loader.ingest(&[a]).unwrap();
    // A reader opening meanwhile builds nothing (it would wait for the
    // load's lock, then build what the load deferred).
    let reader = Store::open(&path).unwrap();
    assert!(index_count(&reader) < all);
    drop(reader);
    let b = doc("b", None, (2022, 3, 17), "Ministers met again in Brussels.");
    loader.ingest(&[b]).unwrap();
    loader.finish_bulk_load().unwrap();
    assert_eq!(index_count(&loader), all);
    let reader = Store::open(&path).unwrap();
    assert_eq!(reader.article_count().unwrap(), 2);
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
                span: span("Lviv"),
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
    // "i" is in two mentions, as many as the dated expressions: the query
    // walks the dates instead of the mentions, with the same answer.
    let by_day = |entity: &str| -> Vec<String> {
        store
            .timeline(&TimelineQuery {
                entity: Some(entity.into()),
                limit: 10,
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|h| h.day)
            .collect()
    };
    assert_eq!(by_day("i"), ["2022-03-13"]);
    assert_eq!(by_day("LVIV"), ["2022-03-13"]);
    assert_eq!(by_day("a"), ["2022-03-13", "2022-03-16"]);
    assert!(by_day("Kyiv").is_empty());
}

/// A copy of the version-1 database in `tests/fixtures`, written by the
/// chronicle of that schema from `tests/fixtures/v1.jsonl`.
fn v1_copy(dir: &std::path::Path) -> std::path::PathBuf {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.sqlite");
    let path = dir.join("kb.sqlite");
    std::fs::copy(fixture, &path).unwrap();
    path
}

#[test]
fn a_version_1_database_is_migrated_and_linked() {
    let dir = tempfile::tempdir().unwrap();
    let path = v1_copy(dir.path());
    let version = |p: &std::path::Path| -> i64 {
        rusqlite::Connection::open(p)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(version(&path), 1);
    let store = Store::open(&path).unwrap();
    assert_eq!(version(&path), SCHEMA_VERSION);
    assert_eq!(store.article_count().unwrap(), 6);
    // Version 4: mentions indexed by article and position instead of by
    // article alone.
    let indexes: Vec<String> = rusqlite::Connection::open(&path)
        .unwrap()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('entities', 'events')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for index in [
        "entities_article_start",
        "events_actor",
        "events_target",
        "events_source",
    ] {
        assert!(indexes.iter().any(|i| i == index), "{index} in {indexes:?}");
    }
    assert!(!indexes.iter().any(|i| i == "entities_article"));
    let profile = |name: &str| {
        store
            .entity_profile(&EntityQuery {
                name: name.into(),
                limit: 10,
            })
            .unwrap()
            .unwrap_or_else(|| panic!("no entity {name}"))
    };
    // One person under a full name, a surname and a title the tagger took
    // for a name; roles over time.
    let jens = profile("Jens Stoltenberg");
    assert_eq!(profile("stoltenberg").id, jens.id);
    let aliases: Vec<&str> = jens.aliases.iter().map(|a| a.text.as_str()).collect();
    for alias in ["Jens Stoltenberg", "Stoltenberg", "General Stoltenberg"] {
        assert!(aliases.contains(&alias), "{alias} in {aliases:?}");
    }
    let months: Vec<&str> = jens.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(months, ["2022-03", "2022-05"]);
    // A small limit keeps the latest months, not the first ones.
    let latest = store
        .entity_profile(&EntityQuery {
            name: "Jens Stoltenberg".into(),
            limit: 1,
        })
        .unwrap()
        .unwrap();
    let months: Vec<&str> = latest.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(months, ["2022-05"]);
    assert!(jens
        .roles
        .iter()
        .any(|r| r.role == "NATO Secretary General" && r.first == "2022-03-16"));
    assert_eq!(
        profile("NATO Secretary General").id,
        jens.id,
        "found by a role"
    );
    assert_eq!(jens.quotes_by.len(), 3);
    assert_eq!(jens.quotes_by[0].date, "2022-05-20", "latest first");
    // An acronym and the name it stands for are one organisation.
    let nato = profile("North Atlantic Treaty Organization");
    assert_eq!(profile("NATO").id, nato.id);
    assert!(jens
        .neighbours
        .iter()
        .any(|n| n.id == nato.id && n.articles == 2));
    // Two Johnsons are never merged on the surname alone.
    let found = store
        .find_entities(&EntityQuery {
            name: "Johnson".into(),
            limit: 10,
        })
        .unwrap();
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Boris Johnson", "Dustin Johnson", "Johnson"]);
    let boris = profile("Boris Johnson");
    assert_eq!(profile("Johnson").others.len(), 2, "the others are listed");
    // "Prime Minister Johnson" fits Boris Johnson's role; a bare "Johnson"
    // with no role stays apart.
    let said: Vec<&str> = boris.quotes_by.iter().map(|q| q.article.as_str()).collect();
    assert_eq!(said, ["johnson-4", "johnson-1"]);
    let bare = store
        .entity_profile_by_id(found[2].id, 10)
        .unwrap()
        .unwrap();
    assert_eq!(bare.quotes_by[0].article, "johnson-3");
    // The old queries still answer.
    let hits = store
        .search(&SearchQuery {
            text: "historic".into(),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
}

/// A document whose people layer holds `people` (name, roles, mentions as
/// written), each mention also a PER entity.
fn with_people(mut d: Document, people: &[(&str, &[&str], &[&str])]) -> Document {
    let body = d.body().to_owned();
    let mut entities = Vec::new();
    let mut persons = Vec::new();
    let mut from = 0;
    for (name, roles, mentions) in people {
        let mut spans = Vec::new();
        for m in *mentions {
            let s = from + body[from..].find(m).unwrap();
            from = s + m.len();
            let span = Span::new(s, s + m.len());
            spans.push(span);
            entities.push(chronicle_core::Entity {
                span,
                kind: chronicle_core::EntityType::Person,
            });
        }
        persons.push(chronicle_core::Person {
            name: (*name).into(),
            roles: roles.iter().map(|r| (*r).into()).collect(),
            mentions: spans,
        });
    }
    entities.sort_by_key(|e| e.span.start);
    d.layers.entities = Some(Layer::new("test", entities));
    d.layers.people = Some(Layer::new("test", persons));
    d
}

/// No row points at a missing one: ingest writes with SQLite's foreign key
/// checks off and leaves them to this.
fn assert_no_dangling_references(store: &Store) {
    let dangling: Vec<(String, Option<i64>)> = store
        .conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(dangling.is_empty(), "{dangling:?}");
}

fn entity_names(store: &Store, name: &str) -> Vec<String> {
    store
        .find_entities(&EntityQuery {
            name: name.into(),
            limit: 10,
        })
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect()
}

#[test]
fn a_surname_joins_the_one_person_who_bears_it_and_a_full_name_takes_it_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
    let early = with_people(
        doc("a", None, (2022, 3, 1), "Scholz spoke in Berlin."),
        &[("Scholz", &["Chancellor"], &["Scholz"])],
    );
    store.ingest(&[early]).unwrap();
    assert_eq!(entity_names(&store, "Scholz"), ["Scholz"]);
    let full = with_people(
        doc(
            "b",
            None,
            (2022, 3, 2),
            "Chancellor Olaf Scholz met Macron.",
        ),
        &[("Olaf Scholz", &["Chancellor"], &["Olaf Scholz"])],
    );
    store.ingest(&[full]).unwrap();
    assert_eq!(entity_names(&store, "Scholz"), ["Olaf Scholz"], "folded");
    let later = with_people(
        doc("c", None, (2022, 3, 3), "Scholz left for Paris."),
        &[("Scholz", &[], &["Scholz"])],
    );
    store.ingest(&[later]).unwrap();
    let olaf = store
        .entity_profile(&EntityQuery {
            name: "Olaf Scholz".into(),
            limit: 10,
        })
        .unwrap()
        .unwrap();
    assert_eq!(olaf.articles, 3);
    assert_eq!(olaf.roles[0].role, "Chancellor");
    // A second Scholz: a bare surname no longer picks either.
    let other = with_people(
        doc(
            "d",
            None,
            (2022, 3, 4),
            "Anna Scholz won gold. Scholz cried.",
        ),
        &[("Anna Scholz", &["athlete"], &["Anna Scholz"])],
    );
    let bare = with_people(
        doc("e", None, (2022, 3, 5), "Scholz said nothing."),
        &[("Scholz", &[], &["Scholz"])],
    );
    store.ingest(&[other, bare]).unwrap();
    assert_eq!(
        entity_names(&store, "Scholz"),
        ["Olaf Scholz", "Anna Scholz", "Scholz"]
    );
    assert_no_dangling_references(&store);
}

#[test]
fn linking_sees_the_entities_another_connection_stored_between_batches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.sqlite");
    let mut one = Store::open(&path).unwrap();
    let mut other = Store::open(&path).unwrap();
    let person = |id: &str, day: u32, body: &str, name: &'static str| {
        with_people(doc(id, None, (2022, 3, day), body), &[(name, &[], &[name])])
    };
    // `one` keeps what linking knows after its batch; `other` then adds a
    // person and folds a surname `one` stored.
    one.ingest(&[person("a", 1, "Scholz spoke in Berlin.", "Scholz")])
        .unwrap();
    other
        .ingest(&[
            person("b", 2, "Olaf Scholz met Macron.", "Olaf Scholz"),
            person("c", 3, "Jens Stoltenberg spoke.", "Jens Stoltenberg"),
        ])
        .unwrap();
    // Were `one` to link from what it kept, it would create Jens
    // Stoltenberg again (a unique key violated) or link to the folded
    // Scholz.
    one.ingest(&[
        person("d", 4, "Jens Stoltenberg left.", "Jens Stoltenberg"),
        person("e", 5, "Scholz stayed.", "Scholz"),
    ])
    .unwrap();
    for (name, articles) in [("Jens Stoltenberg", 2), ("Olaf Scholz", 3)] {
        let profile = one
            .entity_profile(&EntityQuery {
                name: name.into(),
                limit: 10,
            })
            .unwrap()
            .unwrap();
        assert_eq!((profile.name.as_str(), profile.articles), (name, articles));
    }
    assert_eq!(entity_names(&one, "Scholz"), ["Olaf Scholz"]);
    assert_no_dangling_references(&one);
}

#[test]
fn a_speaker_follows_a_surname_entity_folded_later_in_the_same_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
    let early = with_people(
        doc("a", None, (2022, 3, 1), "Scholz spoke in Berlin."),
        &[("Scholz", &[], &["Scholz"])],
    );
    store.ingest(&[early]).unwrap();
    // The bare "Scholz" is linked first, then "Olaf Scholz" folds it away.
    let both = with_quote(
        with_people(
            doc(
                "b",
                None,
                (2022, 3, 2),
                "Scholz said \"we will help\". Chancellor Olaf Scholz left.",
            ),
            &[
                ("Scholz", &[], &["Scholz"]),
                ("Olaf Scholz", &["Chancellor"], &["Olaf Scholz"]),
            ],
        ),
        "we will help",
        "Scholz",
    );
    store.ingest(&[both]).unwrap();
    let (linked, dangling): (i64, i64) = store
        .conn
        .query_row(
            "SELECT count(speaker_entity),
                    count(*) FILTER (WHERE speaker_entity IS NOT NULL
                        AND speaker_entity NOT IN (SELECT id FROM canonical))
             FROM quotes",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((linked, dangling), (1, 0));
    assert_no_dangling_references(&store);
}

#[test]
fn figures_by_category_entity_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&v1_copy(dir.path())).unwrap();
    let q = |category: Option<&str>, entity: Option<&str>, from: Option<&str>| {
        store.figures(&FigureQuery {
            category: category.map(str::to_owned),
            entity: entity.map(str::to_owned),
            from: from.map(str::to_owned),
            limit: 10,
            ..Default::default()
        })
    };
    let killed = q(Some("killed"), None, None).unwrap();
    assert_eq!(killed.len(), 1);
    assert_eq!(killed[0].text, "At least 35");
    assert_eq!(killed[0].value, 35.0);
    assert_eq!(killed[0].counted.as_deref(), Some("people"));
    assert!(killed[0].sentence.contains("Yavoriv"));
    assert_eq!(q(Some("killed"), Some("yavoriv"), None).unwrap().len(), 1);
    assert!(
        q(Some("killed"), Some("Stoltenberg"), None)
            .unwrap()
            .is_empty(),
        "only figures in a sentence naming the entity"
    );
    assert!(q(Some("killed"), None, Some("2022-04-01"))
        .unwrap()
        .is_empty());
    let err = q(Some("bogus"), None, None).unwrap_err();
    assert!(err.to_string().contains("killed"), "{err}");
}
