//! WikiEvents records: document tokens with per-sentence character offsets,
//! entity mentions over document token indices, events whose arguments
//! point at entity mentions. The body is the sentence texts joined by blank
//! lines (the raw document is not distributed).

use super::{check_range, placeholder_date, GoldArg, GoldDoc, GoldEvent};
use chronicle_core::{Document, Span};
use serde::Deserialize;
use std::collections::HashMap;

/// A sentence: its tokens with character offsets, and its text.
type SentenceRecord = (Vec<(String, usize, usize)>, String);

#[derive(Deserialize)]
struct Record {
    doc_id: String,
    sentences: Vec<SentenceRecord>,
    entity_mentions: Vec<Mention>,
    event_mentions: Vec<EventMention>,
}

#[derive(Deserialize)]
struct Mention {
    id: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct EventMention {
    event_type: String,
    trigger: Trigger,
    arguments: Vec<Arg>,
}

#[derive(Deserialize)]
struct Trigger {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct Arg {
    entity_id: String,
    role: String,
}

pub fn parse_line(line: &str) -> Result<GoldDoc, String> {
    let r: Record =
        serde_json::from_str(line).map_err(|e| format!("not a WikiEvents record: {e}"))?;
    let mut body = String::new();
    let mut tokens = Vec::new();
    for (s, (toks, text)) in r.sentences.iter().enumerate() {
        if s > 0 {
            body.push_str("\n\n");
        }
        let base = body.len();
        // Character offsets within the sentence → byte offsets in the body.
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let first = toks.first().map_or(0, |t| t.1);
        for (tok, cs, ce) in toks {
            let (a, b) = (cs.wrapping_sub(first), ce.wrapping_sub(first));
            if a >= b || b >= bytes.len() || text[bytes[a]..bytes[b]] != **tok {
                return Err(format!(
                    "{}: token {tok:?} does not match its offsets",
                    r.doc_id
                ));
            }
            tokens.push(Span::new(base + bytes[a], base + bytes[b]));
        }
        body.push_str(text);
    }
    let n = tokens.len();
    let mut mentions = HashMap::new();
    for m in &r.entity_mentions {
        check_range("entity mention", (m.start, m.end), n)?;
        mentions.insert(m.id.as_str(), (m.start, m.end));
    }
    let mut events = Vec::new();
    for e in r.event_mentions {
        let trigger = (e.trigger.start, e.trigger.end);
        check_range("trigger", trigger, n)?;
        let args = e
            .arguments
            .into_iter()
            .map(|a| match mentions.get(a.entity_id.as_str()) {
                Some(&range) => Ok(GoldArg {
                    role: a.role,
                    range,
                }),
                None => Err(format!("argument names unknown entity {}", a.entity_id)),
            })
            .collect::<Result<_, _>>()?;
        events.push(GoldEvent {
            trigger,
            kind: e.event_type,
            args,
        });
    }
    Ok(GoldDoc {
        doc: Document::new(r.doc_id, placeholder_date(), body),
        tokens,
        events,
    })
}
