//! The one check of every document invariant. Tests and fuzz targets call
//! [`validate`] on every document they produce.
//!
//! Checked: every span lies inside the body and on character boundaries;
//! tokens are non-empty, hold no white space, are sorted and disjoint, and
//! every non-white-space character of the body is inside a token; sentences
//! are non-empty, sorted, disjoint, consist of whole tokens whose indices they
//! record, and together cover every token; entities are sorted, disjoint
//! and on token boundaries; temporal expressions are sorted, disjoint and
//! carry a value; quotes are sorted (they may nest); people have names and
//! sorted mentions; figures are sorted, disjoint, with finite values; event
//! triggers are sorted and disjoint with a subtype; every
//! span of every layer lies inside the body on character boundaries.

use crate::{Document, Span};
use std::fmt;

/// The first broken invariant found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub layer: &'static str,
    pub index: usize,
    pub span: Option<Span>,
    pub reason: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.layer, self.index)?;
        if let Some(span) = self.span {
            write!(f, " at {span:?}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

impl std::error::Error for Violation {}

fn violation(
    layer: &'static str,
    index: usize,
    span: Option<Span>,
    reason: impl Into<String>,
) -> Violation {
    Violation {
        layer,
        index,
        span,
        reason: reason.into(),
    }
}

/// Checks that `span` is inside `body` and on character boundaries.
fn check_span(body: &str, layer: &'static str, index: usize, span: Span) -> Result<(), Violation> {
    if span.start > span.end {
        return Err(violation(layer, index, Some(span), "start after end"));
    }
    if span.end() > body.len() {
        return Err(violation(
            layer,
            index,
            Some(span),
            format!("beyond the body ({} bytes)", body.len()),
        ));
    }
    if !body.is_char_boundary(span.start()) || !body.is_char_boundary(span.end()) {
        return Err(violation(
            layer,
            index,
            Some(span),
            "not on a character boundary",
        ));
    }
    Ok(())
}

/// Checks sortedness and disjointness of a sequence of spans.
fn check_disjoint(
    body: &str,
    layer: &'static str,
    spans: impl Iterator<Item = Span>,
) -> Result<(), Violation> {
    let mut prev_end = 0u32;
    for (i, span) in spans.enumerate() {
        check_span(body, layer, i, span)?;
        if span.is_empty() {
            return Err(violation(layer, i, Some(span), "empty span"));
        }
        if span.start < prev_end {
            return Err(violation(
                layer,
                i,
                Some(span),
                "overlaps or precedes the previous item",
            ));
        }
        prev_end = span.end;
    }
    Ok(())
}

/// Checks every invariant of `doc`; returns the first violation found.
pub fn validate(doc: &Document) -> Result<(), Violation> {
    let body = doc.body();
    let tokens = doc.layers.tokens();
    if doc.layers.tokens.is_some() {
        check_disjoint(body, "tokens", tokens.iter().map(|t| t.span))?;
        let mut covered = 0usize;
        for (i, t) in tokens.iter().enumerate() {
            let text = t.span.text(body);
            if text.chars().any(crate::is_space) {
                return Err(violation(
                    "tokens",
                    i,
                    Some(t.span),
                    format!("white space inside {text:?}"),
                ));
            }
            if let Some(c) = body[covered..t.span.start()]
                .chars()
                .find(|&c| !crate::is_space(c))
            {
                return Err(violation(
                    "tokens",
                    i,
                    Some(t.span),
                    format!("character {c:?} before it is in no token"),
                ));
            }
            covered = t.span.end();
        }
        if let Some(c) = body[covered..].chars().find(|&c| !crate::is_space(c)) {
            return Err(violation(
                "tokens",
                tokens.len(),
                None,
                format!("character {c:?} at the end is in no token"),
            ));
        }
    }
    if let Some(sentences) = &doc.layers.sentences {
        if doc.layers.tokens.is_none() {
            return Err(violation("sentences", 0, None, "sentences without tokens"));
        }
        check_disjoint(body, "sentences", sentences.items.iter().map(|s| s.span))?;
        let mut next_token = 0usize;
        for (i, s) in sentences.items.iter().enumerate() {
            let range = s.token_range();
            if range.start != next_token {
                return Err(violation(
                    "sentences",
                    i,
                    Some(s.span),
                    format!(
                        "starts at token {} but the previous sentence ended at token {next_token}",
                        range.start
                    ),
                ));
            }
            if range.is_empty() || range.end > tokens.len() {
                return Err(violation(
                    "sentences",
                    i,
                    Some(s.span),
                    format!("bad token range {range:?}"),
                ));
            }
            let (first, last) = (tokens[range.start].span, tokens[range.end - 1].span);
            if s.span != Span::new(first.start(), last.end()) {
                return Err(violation(
                    "sentences",
                    i,
                    Some(s.span),
                    "span does not match its first and last tokens",
                ));
            }
            next_token = range.end;
        }
        if next_token != tokens.len() {
            return Err(violation(
                "sentences",
                sentences.items.len(),
                None,
                format!("tokens {next_token}.. are in no sentence"),
            ));
        }
    }
    if let Some(entities) = &doc.layers.entities {
        check_disjoint(body, "entities", entities.items.iter().map(|e| e.span))?;
        if doc.layers.tokens.is_some() {
            for (i, e) in entities.items.iter().enumerate() {
                let starts = tokens
                    .binary_search_by_key(&e.span.start, |t| t.span.start)
                    .is_ok();
                let ends = tokens
                    .binary_search_by_key(&e.span.end, |t| t.span.end)
                    .is_ok();
                if !(starts && ends) {
                    return Err(violation(
                        "entities",
                        i,
                        Some(e.span),
                        "not on token boundaries",
                    ));
                }
            }
        }
    }
    if let Some(timexes) = &doc.layers.timexes {
        check_disjoint(body, "timexes", timexes.items.iter().map(|t| t.span))?;
        for (i, t) in timexes.items.iter().enumerate() {
            if t.value.is_empty() {
                return Err(violation("timexes", i, Some(t.span), "empty value"));
            }
            if let Some(crate::TimexAnchor::Timex(anchor)) = t.anchor {
                check_span(body, "timexes", i, anchor)?;
            }
        }
    }
    if let Some(quotes) = &doc.layers.quotes {
        // Quotes may nest (a partial quote inside reported speech): sorted only.
        let mut prev = Span::default();
        for (i, q) in quotes.items.iter().enumerate() {
            check_span(body, "quotes", i, q.span)?;
            for extra in q.cue.iter().chain(q.speaker.as_ref().map(|s| &s.mention)) {
                check_span(body, "quotes", i, *extra)?;
            }
            if q.span.is_empty() || (q.span.start, q.span.end) < (prev.start, prev.end) {
                return Err(violation(
                    "quotes",
                    i,
                    Some(q.span),
                    "empty or out of order",
                ));
            }
            prev = q.span;
        }
    }
    if let Some(people) = &doc.layers.people {
        for (i, p) in people.items.iter().enumerate() {
            if p.name.is_empty() {
                return Err(violation("people", i, None, "empty name"));
            }
            for m in &p.mentions {
                check_span(body, "people", i, *m)?;
            }
            if !p.mentions.is_sorted() {
                return Err(violation("people", i, None, "mentions out of order"));
            }
        }
    }
    if let Some(figures) = &doc.layers.figures {
        check_disjoint(body, "figures", figures.items.iter().map(|f| f.span))?;
        for (i, f) in figures.items.iter().enumerate() {
            for extra in [f.counted, f.of, f.place].into_iter().flatten() {
                check_span(body, "figures", i, extra)?;
            }
            if !f.value.is_finite() {
                return Err(violation(
                    "figures",
                    i,
                    Some(f.span),
                    "value is not a finite number",
                ));
            }
        }
    }
    if let Some(places) = &doc.layers.places {
        check_disjoint(body, "places", places.items.iter().map(|p| p.span))?;
        for (i, p) in places.items.iter().enumerate() {
            if let Some(r) = &p.relation {
                check_span(body, "places", i, r.span)?;
            }
            let lat_ok = p.lat.is_none_or(|v| (-90.0..=90.0).contains(&v));
            let lon_ok = p.lon.is_none_or(|v| (-180.0..=180.0).contains(&v));
            if !lat_ok || !lon_ok || !(0.0..=1.0).contains(&p.confidence) {
                return Err(violation(
                    "places",
                    i,
                    Some(p.span),
                    "coordinates or confidence out of range",
                ));
            }
        }
    }
    if let Some(events) = &doc.layers.events {
        check_disjoint(body, "events", events.items.iter().map(|e| e.span))?;
        for (i, e) in events.items.iter().enumerate() {
            for extra in e.argument_spans() {
                check_span(body, "events", i, extra)?;
            }
            if e.subtype.is_empty() {
                return Err(violation("events", i, Some(e.span), "empty subtype"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Date, Layer, Sentence, Token, TokenKind};

    fn doc(body: &str, tokens: &[(usize, usize)], sentences: &[(usize, usize)]) -> Document {
        let mut d = Document::new("t", Date::from_ymd_opt(2022, 3, 16).unwrap(), body);
        let toks: Vec<Token> = tokens
            .iter()
            .map(|&(s, e)| Token {
                span: Span::new(s, e),
                kind: TokenKind::Word,
            })
            .collect();
        let sents = sentences
            .iter()
            .map(|&(a, b)| Sentence {
                span: Span::new(toks[a].span.start(), toks[b - 1].span.end()),
                first_token: a as u32,
                end_token: b as u32,
            })
            .collect();
        d.layers.tokens = Some(Layer::new("test", toks));
        d.layers.sentences = Some(Layer::new("test", sents));
        d
    }

    #[test]
    fn accepts_a_well_formed_document() {
        assert_eq!(
            validate(&doc(
                "Hi there. Go",
                &[(0, 2), (3, 8), (8, 9), (10, 12)],
                &[(0, 3), (3, 4)]
            )),
            Ok(())
        );
    }

    #[test]
    fn finds_each_broken_invariant() {
        let uncovered = validate(&doc("Hi there", &[(0, 2)], &[(0, 1)])).unwrap_err();
        assert!(uncovered.reason.contains("in no token"), "{uncovered}");
        let overlap = validate(&doc("Hi there", &[(0, 5), (3, 8)], &[(0, 2)])).unwrap_err();
        assert!(overlap.reason.contains("overlaps"), "{overlap}");
        let space = validate(&doc("Hi there", &[(0, 8)], &[(0, 1)])).unwrap_err();
        assert!(space.reason.contains("white space"), "{space}");
        let gap = validate(&doc("Hi there", &[(0, 2), (3, 8)], &[(0, 1)])).unwrap_err();
        assert!(gap.reason.contains("in no sentence"), "{gap}");
        let boundary = validate(&doc("é", &[(0, 1)], &[(0, 1)])).unwrap_err();
        assert!(boundary.reason.contains("boundary"), "{boundary}");
        let beyond = validate(&doc("ab", &[(0, 3)], &[(0, 1)])).unwrap_err();
        assert!(beyond.reason.contains("beyond"), "{beyond}");
    }
}
