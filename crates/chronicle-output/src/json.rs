//! JSON form of an annotated document. Field order follows `docs/SCHEMA.md`:
//! identity and date first, then the body, then one array per layer.

use crate::SCHEMA_VERSION;
use chronicle_core::{
    Approx, CharOffsets, Document, EntityType, FigureCategory, PlaceKind, QuoteKind, Span,
    TimexAnchor, TimexType, TokenKind,
};
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::{self, Write};

/// What to include beyond the default layers.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutputOptions {
    /// Include the tokens layer (large; off by default).
    pub tokens: bool,
}

/// A span in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

/// A token in code points, with its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TokenOut {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// An entity mention.
#[derive(Debug, Clone, Serialize)]
pub struct EntityOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub kind: EntityType,
}

/// A temporal expression.
#[derive(Debug, Clone, Serialize)]
pub struct TimexOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<AnchorOut<'a>>,
}

/// What a relative temporal expression was resolved against.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnchorOut<'a> {
    PublicationDate {
        value: String,
    },
    Timex {
        start: usize,
        end: usize,
        text: &'a str,
        value: &'a str,
    },
}

/// A span with the text it covers.
#[derive(Debug, Clone, Serialize)]
pub struct TextSpan<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// Who said a quote, and the mention that introduces it.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerOut<'a> {
    pub name: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A quote.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: QuoteKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<TextSpan<'a>>,
    /// Always written: `null` says the speaker could not be determined.
    pub speaker: Option<SpeakerOut<'a>>,
}

/// A person with roles and mentions (`[start, end]` pairs).
#[derive(Debug, Clone, Serialize)]
pub struct PersonOut<'a> {
    pub name: &'a str,
    pub roles: &'a [String],
    pub mentions: Vec<[usize; 2]>,
}

/// A figure.
#[derive(Debug, Clone, Serialize)]
pub struct FigureOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    pub approx: Approx,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    pub category: FigureCategory,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<TextSpan<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<TextSpan<'a>>,
    #[serde(rename = "where", skip_serializing_if = "Option::is_none")]
    pub place: Option<TextSpan<'a>>,
}

/// The serialisable view of one document.
#[derive(Debug, Serialize)]
pub struct Article<'a> {
    pub schema_version: u32,
    pub id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a str>,
    /// The id of the article this one duplicates (see the readers' dedup).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<&'a str>,
    pub date: String,
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub metadata: &'a Map<String, Value>,
    pub body: &'a str,
    pub sentences: Vec<SpanOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<EntityOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timexes: Option<Vec<TimexOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<QuoteOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<PersonOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<Vec<FigureOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<PlaceOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<crate::events::EventOut<'a>>>,
}

/// A relative place phrase.
#[derive(Debug, Clone, Serialize)]
pub struct RelationOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub relation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
}

/// A place.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub name: &'a str,
    pub geonameid: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<&'a str>,
    pub kind: PlaceKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<RelationOut<'a>>,
    pub confidence: f32,
}

impl<'a> Article<'a> {
    pub fn new(doc: &'a Document, options: OutputOptions) -> Article<'a> {
        let offsets = CharOffsets::new(doc.body());
        let span = |s: Span| SpanOut {
            start: offsets.char_of(s.start()),
            end: offsets.char_of(s.end()),
        };
        let body = doc.body();
        let date = doc.date.format("%Y-%m-%d").to_string();
        let entities = doc.layers.entities.as_ref().map(|layer| {
            layer
                .items
                .iter()
                .map(|e| {
                    let SpanOut { start, end } = span(e.span);
                    EntityOut {
                        start,
                        end,
                        text: e.span.text(body),
                        kind: e.kind,
                    }
                })
                .collect()
        });
        let timexes = doc.layers.timexes.as_ref().map(|layer| {
            layer
                .items
                .iter()
                .map(|t| {
                    let SpanOut { start, end } = span(t.span);
                    let anchor = t.anchor.as_ref().map(|a| match a {
                        TimexAnchor::PublicationDate => AnchorOut::PublicationDate {
                            value: date.clone(),
                        },
                        TimexAnchor::Timex(a) => {
                            let SpanOut { start, end } = span(*a);
                            let value = layer
                                .items
                                .iter()
                                .find(|o| o.span == *a)
                                .map_or("", |o| o.value.as_str());
                            AnchorOut::Timex {
                                start,
                                end,
                                text: a.text(body),
                                value,
                            }
                        }
                    });
                    TimexOut {
                        start,
                        end,
                        text: t.span.text(body),
                        kind: t.kind,
                        value: &t.value,
                        anchor,
                    }
                })
                .collect()
        });
        let text_span = |s: Span| {
            let SpanOut { start, end } = span(s);
            TextSpan {
                start,
                end,
                text: s.text(body),
            }
        };
        let quotes = doc.layers.quotes.as_ref().map(|layer| {
            layer
                .items
                .iter()
                .map(|q| {
                    let TextSpan { start, end, text } = text_span(q.span);
                    QuoteOut {
                        start,
                        end,
                        text,
                        kind: q.kind,
                        cue: q.cue.map(text_span),
                        speaker: q.speaker.as_ref().map(|s| {
                            let SpanOut { start, end } = span(s.mention);
                            SpeakerOut {
                                name: &s.name,
                                start,
                                end,
                            }
                        }),
                    }
                })
                .collect()
        });
        let people = doc.layers.people.as_ref().map(|layer| {
            layer
                .items
                .iter()
                .map(|p| PersonOut {
                    name: &p.name,
                    roles: &p.roles,
                    mentions: p
                        .mentions
                        .iter()
                        .map(|&m| {
                            let SpanOut { start, end } = span(m);
                            [start, end]
                        })
                        .collect(),
                })
                .collect()
        });
        let places = doc.layers.places.as_ref().map(|layer| {
            layer
                .items
                .iter()
                .map(|p| {
                    let TextSpan { start, end, text } = text_span(p.span);
                    PlaceOut {
                        start,
                        end,
                        text,
                        name: &p.name,
                        geonameid: p.geonameid,
                        lat: p.lat,
                        lon: p.lon,
                        country: p.country.as_deref(),
                        admin1: p.admin1.as_deref(),
                        kind: p.kind,
                        relation: p.relation.as_ref().map(|r| {
                            let TextSpan { start, end, text } = text_span(r.span);
                            RelationOut {
                                start,
                                end,
                                text,
                                relation: &r.relation,
                                distance: r.distance,
                                unit: r.unit.as_deref(),
                            }
                        }),
                        confidence: p.confidence,
                    }
                })
                .collect()
        });
        let figures = doc.layers.figures.as_ref().map(|layer| {
            layer
                .items
                .iter()
                .map(|f| {
                    let TextSpan { start, end, text } = text_span(f.span);
                    FigureOut {
                        start,
                        end,
                        text,
                        value: f.value,
                        low: f.low,
                        high: f.high,
                        approx: f.approx,
                        unit: f.unit.as_deref(),
                        category: f.category,
                        counted: f.counted.map(text_span),
                        of: f.of.map(text_span),
                        place: f.place.map(text_span),
                    }
                })
                .collect()
        });
        Article {
            schema_version: SCHEMA_VERSION,
            id: &doc.id,
            url: doc.url.as_deref(),
            title: doc.title.as_deref(),
            source: doc.source.as_deref(),
            language: doc.language.as_deref(),
            duplicate_of: doc.duplicate_of.as_deref(),
            date,
            metadata: &doc.metadata,
            body: doc.body(),
            sentences: doc
                .layers
                .sentences()
                .iter()
                .map(|s| span(s.span))
                .collect(),
            tokens: options.tokens.then(|| {
                doc.layers
                    .tokens()
                    .iter()
                    .map(|t| {
                        let SpanOut { start, end } = span(t.span);
                        TokenOut {
                            start,
                            end,
                            kind: t.kind,
                        }
                    })
                    .collect()
            }),
            entities,
            timexes,
            quotes,
            people,
            figures,
            places,
            events: doc
                .layers
                .events
                .as_ref()
                .map(|_| crate::events::events_out(doc, &offsets)),
        }
    }
}

/// Writes `doc` as JSON: compact on one line, or pretty-printed.
pub fn write_json<W: Write>(
    out: &mut W,
    doc: &Document,
    options: OutputOptions,
    pretty: bool,
) -> io::Result<()> {
    let article = Article::new(doc, options);
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &article)?;
    } else {
        serde_json::to_writer(&mut *out, &article)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{Annotator, Date};

    #[test]
    fn offsets_are_code_points() {
        let mut doc = Document::new(
            "d",
            Date::from_ymd_opt(2022, 3, 16).unwrap(),
            "NATO’s “ironclad” pledge. Done.",
        );
        chronicle_text::Tokenizer.annotate(&mut doc).unwrap();
        chronicle_text::SentenceSplitter.annotate(&mut doc).unwrap();
        let mut buf = Vec::new();
        write_json(&mut buf, &doc, OutputOptions { tokens: true }, false).unwrap();
        let v: Value = serde_json::from_slice(&buf).unwrap();
        let body: Vec<char> = v["body"].as_str().unwrap().chars().collect();
        let text = |o: &Value| -> String {
            let (s, e) = (
                o["start"].as_u64().unwrap() as usize,
                o["end"].as_u64().unwrap() as usize,
            );
            body[s..e].iter().collect()
        };
        let sentences: Vec<String> = v["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(text)
            .collect();
        assert_eq!(sentences, ["NATO’s “ironclad” pledge.", "Done."]);
        let tokens: Vec<String> = v["tokens"].as_array().unwrap().iter().map(text).collect();
        assert_eq!(tokens[..5], ["NATO", "’s", "“", "ironclad", "”"]);
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["date"], "2022-03-16");
        assert!(v.get("url").is_none());
    }
}
