//! Output of the events layer: the JSON view of each event (trigger and
//! every argument with its code-point span, text and canonical name) and
//! the "what happened" section of the text summary.

use crate::json::TextSpan;
use chronicle_core::{Argument, CharOffsets, Document, Event, EventType, Modality, Polarity, Span};
use serde::Serialize;
use std::io::{self, Write};

/// An argument: span, text and the canonical name when one was resolved.
#[derive(Debug, Clone, Serialize)]
pub struct ArgumentOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
}

/// When the event happened.
#[derive(Debug, Clone, Serialize)]
pub struct EventDateOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub value: &'a str,
}

/// An event.
#[derive(Debug, Clone, Serialize)]
pub struct EventOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub subtype: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<ArgumentOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<ArgumentOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<ArgumentOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDateOut<'a>>,
    pub figures: Vec<TextSpan<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<ArgumentOut<'a>>,
    pub polarity: Polarity,
    pub modality: Modality,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<ArgumentOut<'a>>,
}

/// The events of `doc` with code-point offsets.
pub fn events_out<'a>(doc: &'a Document, offsets: &CharOffsets) -> Vec<EventOut<'a>> {
    let body = doc.body();
    let at = |s: Span| (offsets.char_of(s.start()), offsets.char_of(s.end()));
    let text_span = |s: Span| {
        let (start, end) = at(s);
        TextSpan {
            start,
            end,
            text: s.text(body),
        }
    };
    let argument = |a: &'a Option<Argument>| {
        a.as_ref().map(|a| {
            let (start, end) = at(a.span);
            ArgumentOut {
                start,
                end,
                text: a.span.text(body),
                name: a.name.as_deref(),
            }
        })
    };
    doc.layers
        .events()
        .iter()
        .map(|e: &'a Event| {
            let (start, end) = at(e.span);
            EventOut {
                start,
                end,
                text: e.span.text(body),
                kind: e.kind,
                subtype: &e.subtype,
                actor: argument(&e.actor),
                target: argument(&e.target),
                place: argument(&e.place),
                date: e.date.as_ref().map(|d| {
                    let (start, end) = at(d.span);
                    EventDateOut {
                        start,
                        end,
                        text: d.span.text(body),
                        value: &d.value,
                    }
                }),
                figures: e.figures.iter().map(|&f| text_span(f)).collect(),
                instrument: argument(&e.instrument),
                polarity: e.polarity,
                modality: e.modality,
                source: argument(&e.source),
            }
        })
        .collect()
}

/// "What happened": one line per event with its arguments and status.
pub fn write_events<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    if doc.layers.events().is_empty() {
        return Ok(());
    }
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let show = |a: &Option<Argument>| {
        a.as_ref().map(|a| {
            let text = flat(doc.text(a.span));
            match &a.name {
                Some(name) if *name != text => format!("{text} ({name})"),
                _ => text,
            }
        })
    };
    writeln!(out)?;
    writeln!(out, "  what happened")?;
    for e in doc.layers.events() {
        let mut parts = Vec::new();
        for (label, arg) in [("by", &e.actor), ("to", &e.target), ("with", &e.instrument)] {
            if let Some(a) = show(arg) {
                parts.push(format!("{label} {a}"));
            }
        }
        if let Some(p) = show(&e.place) {
            parts.push(format!("in {p}"));
        }
        if let Some(d) = &e.date {
            parts.push(format!("on {}", d.value));
        }
        let figures: Vec<String> = e.figures.iter().map(|&f| flat(doc.text(f))).collect();
        if !figures.is_empty() {
            parts.push(figures.join(", "));
        }
        if e.polarity == Polarity::Negative {
            parts.push("NOT".into());
        }
        match e.modality {
            Modality::Future => parts.push("future".into()),
            Modality::Possible => parts.push("possible".into()),
            Modality::Asserted => {}
        }
        if let Some(s) = show(&e.source) {
            parts.push(format!("says {s}"));
        }
        let head = format!("{} “{}”", e.kind.label(), flat(doc.text(e.span)));
        writeln!(out, "    {head:<36} {}", parts.join(" · "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::{write_json, OutputOptions};
    use chronicle_core::{
        Argument, Date, Document, Event, EventDate, EventType, Layer, Modality, Polarity, Span,
    };
    use serde_json::Value;

    #[test]
    fn events_are_written_with_code_point_spans_for_every_argument() {
        let body = "“Kyiv’s” army attacked Lviv’s base on Sunday.";
        let mut doc = Document::new("d", Date::from_ymd_opt(2022, 3, 16).unwrap(), body);
        let at = |s: &str| {
            let b = body.find(s).unwrap();
            Span::new(b, b + s.len())
        };
        doc.layers.events = Some(Layer::new(
            "test",
            vec![Event {
                span: at("attacked"),
                kind: EventType::Assault,
                subtype: "attack".into(),
                actor: Some(Argument {
                    span: at("army"),
                    name: None,
                }),
                target: Some(Argument {
                    span: at("base"),
                    name: Some("the base".into()),
                }),
                place: None,
                date: Some(EventDate {
                    span: at("Sunday"),
                    value: "2022-03-13".into(),
                }),
                figures: vec![],
                instrument: None,
                polarity: Polarity::Negative,
                modality: Modality::Future,
                source: None,
            }],
        ));
        let mut buf = Vec::new();
        write_json(&mut buf, &doc, OutputOptions::default(), false).unwrap();
        let v: Value = serde_json::from_slice(&buf).unwrap();
        let chars: Vec<char> = body.chars().collect();
        let text = |o: &Value| -> String {
            let (s, e) = (o["start"].as_u64().unwrap(), o["end"].as_u64().unwrap());
            chars[s as usize..e as usize].iter().collect()
        };
        let e = &v["events"][0];
        assert_eq!(text(e), "attacked");
        assert_eq!(e["type"], "ASSAULT");
        assert_eq!(e["subtype"], "attack");
        assert_eq!(text(&e["actor"]), "army");
        assert!(e["actor"].get("name").is_none());
        assert_eq!(text(&e["target"]), "base");
        assert_eq!(e["target"]["name"], "the base");
        assert_eq!(text(&e["date"]), "Sunday");
        assert_eq!(e["date"]["value"], "2022-03-13");
        assert_eq!(e["polarity"], "negative");
        assert_eq!(e["modality"], "future");
        assert!(e.get("place").is_none() && e["figures"].as_array().unwrap().is_empty());
        let mut text_out = Vec::new();
        crate::write_text(&mut text_out, &doc).unwrap();
        let summary = String::from_utf8(text_out).unwrap();
        assert!(summary.contains("ASSAULT “attacked”"), "{summary}");
        assert!(summary.contains("to base (the base)"), "{summary}");
    }
}
