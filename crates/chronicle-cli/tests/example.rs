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
    if doc.layers.quotes.is_some() {
        writeln!(out, "\nquotes:").unwrap();
        for q in doc.layers.quotes() {
            let speaker = q.speaker.as_ref().map_or("(unknown)".to_string(), |s| {
                format!("{} [{:?}]", s.name, doc.text(s.mention))
            });
            writeln!(
                out,
                "  - {:?} {} ← {:?}",
                q.kind,
                speaker,
                squash(doc.text(q.span))
            )
            .unwrap();
        }
    }
    if doc.layers.people.is_some() {
        writeln!(out, "\npeople:").unwrap();
        for p in doc.layers.people() {
            let mentions: Vec<&str> = p.mentions.iter().map(|m| doc.text(*m)).collect();
            writeln!(out, "  - {} {:?} {:?}", p.name, p.roles, mentions).unwrap();
        }
    }
    if doc.layers.figures.is_some() {
        writeln!(out, "\nfigures:").unwrap();
        for f in doc.layers.figures() {
            let counted = f.counted.map_or("", |c| doc.text(c));
            writeln!(
                out,
                "  - {:?} value {} {:?} {:?} counted {:?}",
                doc.text(f.span),
                f.value,
                f.approx,
                f.category,
                counted
            )
            .unwrap();
        }
    }
    if doc.layers.places.is_some() {
        writeln!(out, "\nplaces:").unwrap();
        for p in doc.layers.places() {
            let relation = p.relation.as_ref().map_or(String::new(), |r| {
                format!(" {} {:?}", r.relation, doc.text(r.span))
            });
            writeln!(
                out,
                "  - {:?} {} ({}) {:?}{relation}",
                doc.text(p.span),
                p.name,
                p.country.as_deref().unwrap_or("-"),
                p.kind
            )
            .unwrap();
        }
    }
    if doc.layers.events.is_some() {
        writeln!(out, "\nevents:").unwrap();
        for e in doc.layers.events() {
            let mut line = format!(
                "  - {} {} {:?}",
                e.kind.label(),
                e.subtype,
                squash(doc.text(e.span))
            );
            let args = [
                ("actor", &e.actor),
                ("target", &e.target),
                ("instrument", &e.instrument),
                ("place", &e.place),
                ("source", &e.source),
            ];
            for (role, arg) in args {
                if let Some(a) = arg {
                    write!(line, " {role} {:?}", squash(doc.text(a.span))).unwrap();
                }
            }
            if let Some(d) = &e.date {
                write!(line, " date {}", d.value).unwrap();
            }
            for f in &e.figures {
                write!(line, " figure {:?}", doc.text(*f)).unwrap();
            }
            writeln!(out, "{line} {:?} {:?}", e.polarity, e.modality).unwrap();
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

#[test]
fn example_quotes_have_their_speakers() {
    let doc = example();
    let quoted: Vec<_> = doc
        .layers
        .quotes()
        .iter()
        .filter(|q| q.kind != chronicle_core::QuoteKind::Reported)
        .collect();
    assert_eq!(quoted.len(), 12, "twelve quoted passages");
    let speaker_of = |start: &str| {
        quoted
            .iter()
            .find(|q| doc.text(q.span).starts_with(start))
            .and_then(|q| q.speaker.as_ref().map(|s| s.name.as_str()))
    };
    for (start, speaker) in [
        ("NATO has a responsibility", "Jens Stoltenberg"),
        ("ironclad", "Lloyd Austin"),
        ("substantially more forces", "Jens Stoltenberg"),
        ("every inch", "NATO and U.S. officials"),
        ("The risk of incidents", "Stefano Stefanini"),
        ("If there was a misfire", "Stefano Stefanini"),
        ("These troops are not moving", "Douglas Lute"),
        ("This is also a message", "Douglas Lute"),
        ("The brightest red line", "Douglas Lute"),
        ("foreign countries", "Russian Ministry of Defense"),
        ("legitimate targets", "Kremlin"),
        ("If he wanted fewer troops", "Rachel Rizzo"),
    ] {
        assert_eq!(speaker_of(start), Some(speaker), "quote {start:?}");
    }
    let people: Vec<(&str, &[String])> = doc
        .layers
        .people()
        .iter()
        .map(|p| (p.name.as_str(), p.roles.as_slice()))
        .collect();
    assert_eq!(people.len(), 6, "{people:?}");
    assert!(
        people.contains(&(
            "Jens Stoltenberg",
            &["NATO Secretary General".to_string()][..]
        )),
        "{people:?}"
    );
}

#[test]
fn example_events_meet_the_goals() {
    use chronicle_core::{EventType, Modality, Polarity};
    let doc = example();
    let events = doc.layers.events();
    let text = |a: &Option<chronicle_core::Argument>| a.as_ref().map_or("", |a| doc.text(a.span));
    let strike = events
        .iter()
        .find(|e| doc.text(e.span) == "raining missiles down")
        .expect("the strike");
    assert_eq!(strike.kind, EventType::Assault);
    assert_eq!(text(&strike.actor), "Russia");
    assert_eq!(text(&strike.target), "military training facility");
    assert_eq!(text(&strike.place), "western Ukraine");
    assert_eq!(strike.date.as_ref().unwrap().value, "2022-03-13");
    let counted = events
        .iter()
        .find(|e| e.kind == EventType::Assault && e.figures.len() == 2)
        .expect("an attack with its casualty figures");
    assert_eq!(text(&counted.actor), "Russia");
    assert!(events
        .iter()
        .any(|e| e.kind == EventType::Mobilize && doc.text(e.span) == "sent"));
    assert!(events
        .iter()
        .any(|e| e.kind == EventType::Aid && text(&e.instrument) == "ammunition"));
    let warned = events
        .iter()
        .find(|e| doc.text(e.span) == "warned")
        .unwrap();
    assert_eq!(warned.kind, EventType::Threaten);
    assert_eq!(text(&warned.actor), "Kremlin");
    assert_eq!(warned.date.as_ref().unwrap().value, "2022-03-12");
    let meeting = events
        .iter()
        .find(|e| e.kind == EventType::Consult)
        .unwrap();
    assert_eq!(meeting.date.as_ref().unwrap().value, "2022-03-16");
    let fight = events.iter().find(|e| doc.text(e.span) == "fight").unwrap();
    assert_eq!(
        (fight.polarity, fight.modality),
        (Polarity::Negative, Modality::Future)
    );
}
