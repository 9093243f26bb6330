//! RAMS records: sentences as token lists, one trigger with its AIDA type,
//! and argument links over flattened token indices with inclusive ends.
//! The body is the tokens joined by spaces, sentences by blank lines.

use super::{check_range, placeholder_date, GoldArg, GoldDoc, GoldEvent};
use chronicle_core::{Document, Span};
use serde::Deserialize;

/// A trigger: first and last token, and its types with confidences.
type TriggerRecord = (usize, usize, Vec<(String, f64)>);

#[derive(Deserialize)]
struct Record {
    doc_key: String,
    sentences: Vec<Vec<String>>,
    evt_triggers: Vec<TriggerRecord>,
    gold_evt_links: Vec<([usize; 2], [usize; 2], String)>,
}

/// `evt089arg01victim` → `victim`.
pub fn role_of(label: &str) -> &str {
    match label.find("arg") {
        Some(at) => label[at + 3..].trim_start_matches(|c: char| c.is_ascii_digit()),
        None => label,
    }
}

pub fn parse_line(line: &str) -> Result<GoldDoc, String> {
    let r: Record = serde_json::from_str(line).map_err(|e| format!("not a RAMS record: {e}"))?;
    let mut body = String::new();
    let mut tokens = Vec::new();
    for (s, sentence) in r.sentences.iter().enumerate() {
        if s > 0 {
            body.push_str("\n\n");
        }
        for (k, tok) in sentence.iter().enumerate() {
            if tok.is_empty() || tok.chars().any(char::is_whitespace) {
                return Err(format!("{}: bad token {tok:?}", r.doc_key));
            }
            if k > 0 {
                body.push(' ');
            }
            tokens.push(Span::new(body.len(), body.len() + tok.len()));
            body.push_str(tok);
        }
    }
    let n = tokens.len();
    let mut events = Vec::new();
    for (start, end, types) in &r.evt_triggers {
        let trigger = (*start, end + 1);
        check_range("trigger", trigger, n)?;
        let kind = types
            .first()
            .map(|t| t.0.clone())
            .ok_or("trigger without a type")?;
        let mut args = Vec::new();
        for (t, a, label) in &r.gold_evt_links {
            if (t[0], t[1] + 1) != trigger {
                continue;
            }
            let range = (a[0], a[1] + 1);
            check_range("argument", range, n)?;
            args.push(GoldArg {
                role: role_of(label).to_owned(),
                range,
            });
        }
        events.push(GoldEvent {
            trigger,
            kind,
            args,
        });
    }
    Ok(GoldDoc {
        doc: Document::new(r.doc_key, placeholder_date(), body),
        tokens,
        events,
    })
}
