//! Recognition: which spans of a body are place mentions, and how each is
//! used (literal, demonym, metonym).
//!
//! Mentions come from three sources, in this order of trust:
//! 1. `LOC` entities of the entity layer, kept even when the gazetteer does
//!    not know them (recall of the geotagger is the NER's recall);
//! 2. runs of capitalised tokens outside any entity that the gazetteer
//!    knows as a country, first-level region, continent, seat of
//!    government or a city of at least [`MIN_POP_UNTAGGED`] people, and
//!    capitalised demonyms ("Polish", "Ukrainians") anywhere;
//! 3. known towns after locative prepositions and in coordinations with
//!    other places, even when the tagger missed them or called them people
//!    (`locative.rs`);
//! 4. place names inside organisation and misc names ("the *Atlantic
//!    Council's* Europe Center" → Europe, "Chicago Tribune" → Chicago),
//!    which Gritta et al.'s pragmatic taxonomy counts as embedded toponyms.
//!
//! Metonymy is marked afterwards by `metonymy.rs`.

use crate::gazetteer::{normalize, FastSet, Feature, Gazetteer};
use chronicle_core::{Document, EntityType, PlaceKind, Span, Token, TokenKind};

/// Cities named outside any entity must be at least this large: smaller
/// ones collide with ordinary capitalised words ("Mobile", "Reading").
pub const MIN_POP_UNTAGGED: u64 = 100_000;
/// Longest multi-token name tried.
const MAX_TOKENS: usize = 5;

/// Administrative words after a name that the gazetteer may list without.
const SUFFIXES: &[&str] = &[
    " county",
    " province",
    " district",
    " region",
    " oblast",
    " governorate",
    " state",
    " city",
    " prefecture",
    " municipality",
    " parish",
];

/// A place mention before resolution.
#[derive(Debug, Clone)]
pub struct Mention {
    pub span: Span,
    pub kind: PlaceKind,
    /// Gazetteer candidates (indices); empty when unknown.
    pub candidates: Vec<u32>,
}

/// Finds every mention in `doc`, sorted and disjoint.
pub fn recognize(doc: &Document, g: &Gazetteer) -> Vec<Mention> {
    let body = doc.body();
    let tokens = doc.layers.tokens();
    let mut out: Vec<Mention> = Vec::new();
    let mut covered: Vec<Span> = Vec::new();
    let lower_words: FastSet<&str> = tokens
        .iter()
        .map(|t| t.span.text(body))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    for e in doc.layers.entities() {
        let text = e.span.text(body);
        match e.kind {
            EntityType::Location => {
                let (span, text) = strip_the(e.span, text);
                if let Some(m) = classify_name(span, text, g, true) {
                    out.push(m);
                } else if !common_word(text, &lower_words) {
                    out.push(Mention {
                        span,
                        kind: PlaceKind::Literal,
                        candidates: Vec::new(),
                    });
                }
                covered.push(e.span);
            }
            EntityType::Misc | EntityType::Organization | EntityType::Person => {
                if let Some(m) = classify_name(e.span, text, g, false) {
                    // The whole name is a place the tagger mistyped ("Russian"
                    // as MISC, "Georgia" as PER).
                    if e.kind != EntityType::Person || m.kind == PlaceKind::Demonym {
                        out.push(m);
                    }
                } else if e.kind != EntityType::Person {
                    embedded(e.span, tokens, body, g, &mut out);
                }
                covered.push(e.span);
            }
        }
    }
    untagged(tokens, body, g, &covered, &mut out);
    let more = crate::locative::after_prepositions(doc, g, &out, &lower_words);
    out.extend(more);
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        if kept
            .last()
            .is_none_or(|k: &Mention| k.span.end <= m.span.start)
        {
            kept.push(m);
        }
    }
    crate::metonymy::mark_metonyms(doc, g, &mut kept);
    kept
}

/// An unknown one-word "location" that the article also writes in lower
/// case ("No", "Motion") is a tagging slip, not a place.
fn common_word(text: &str, lower: &FastSet<&str>) -> bool {
    !text.contains(' ') && (text.len() <= 2 || lower.contains(text.to_lowercase().as_str()))
}

/// Generic heads that make a place name the name of a feature on it
/// ("Mississippi River", "Royal Street"): the span takes the head.
const HEADS: &[&str] = &[
    "River",
    "Street",
    "Avenue",
    "Road",
    "Boulevard",
    "Lake",
    "Mountains",
    "Mountain",
    "Bay",
    "Valley",
    "Island",
    "Islands",
    "Park",
    "Airport",
    "Bridge",
    "Square",
    "Beach",
    "Canyon",
    "Creek",
    "Sea",
    "Ocean",
    "Strait",
    "Peninsula",
    "Desert",
    "Basin",
    "Harbor",
    "Harbour",
];

fn strip_the(span: Span, text: &str) -> (Span, &str) {
    for p in ["the ", "The "] {
        if let Some(rest) = text.strip_prefix(p) {
            return (Span::new(span.start() + p.len(), span.end()), rest);
        }
    }
    (span, text)
}

/// A name as a whole: a gazetteer place or a demonym. `tagged` says the
/// entity layer already called it a location, so any gazetteer entry will do.
fn classify_name(span: Span, text: &str, g: &Gazetteer, tagged: bool) -> Option<Mention> {
    let text = text
        .strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text);
    let span = Span::new(span.start(), span.start() + text.len());
    let norm = normalize(text);
    // Untagged names need one notable reading to be places at all; then
    // every reading competes in resolution ("a Lafayette man" may be
    // Lafayette, Indiana, though only Lafayette, Louisiana is notable).
    let cands: Vec<u32> = g.lookup_norm(&norm);
    if !cands.is_empty() && (tagged || cands.iter().any(|&i| notable(g, i, &norm))) {
        return Some(Mention {
            span,
            kind: PlaceKind::Literal,
            candidates: cands,
        });
    }
    if tagged {
        // "Lviv Oblast", "Afrin District", "City of Boston": the bare name.
        let bare = SUFFIXES
            .iter()
            .find_map(|s| norm.strip_suffix(s))
            .or_else(|| norm.strip_prefix("city of "));
        if let Some(bare) = bare.filter(|b| !b.is_empty()) {
            let cands = g.lookup_norm(bare);
            if !cands.is_empty() {
                return Some(Mention {
                    span,
                    kind: PlaceKind::Literal,
                    candidates: cands,
                });
            }
        }
    }
    let d = g.demonym_norm(&norm)?;
    Some(Mention {
        span,
        kind: PlaceKind::Demonym,
        candidates: vec![d],
    })
}

/// Places safe to name without the entity layer's say-so.
/// A city must be named by its main name: alternate names of big cities
/// include ordinary words of other languages.
fn notable(g: &Gazetteer, i: u32, norm: &str) -> bool {
    match g.feature(i) {
        Feature::City => {
            let e = g.entry(i);
            e.population >= MIN_POP_UNTAGGED && normalize(e.name) == norm
        }
        _ => true,
    }
}

fn is_cap_word(t: &Token, body: &str) -> bool {
    t.kind == TokenKind::Word
        && t.span
            .text(body)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Longest gazetteer or demonym match starting at each capitalised token.
fn scan(
    tokens: &[Token],
    body: &str,
    g: &Gazetteer,
    within: Span,
    out: &mut Vec<Mention>,
    embedded: bool,
) {
    let mut i = tokens.partition_point(|t| t.span.start < within.start);
    while i < tokens.len() && tokens[i].span.end <= within.end {
        if !is_cap_word(&tokens[i], body) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, Mention)> = None;
        let mut j = i;
        while j < tokens.len() && j < i + MAX_TOKENS && tokens[j].span.end <= within.end {
            let t = &tokens[j];
            let ok = is_cap_word(t, body)
                || (j > i && matches!(t.span.text(body), "of" | "and" | "de" | "-" | "."));
            if !ok || (j > i && tokens[j - 1].span.end + 1 < t.span.start) {
                break;
            }
            let span = Span::new(tokens[i].span.start(), t.span.end());
            if let Some(m) = classify_name(span, span.text(body), g, false) {
                best = Some((j, m));
            }
            j += 1;
        }
        match best {
            Some((mut j, mut m)) => {
                let head = tokens.get(j + 1).filter(|t| {
                    t.span.start() == tokens[j].span.end() + 1 && t.span.end <= within.end
                });
                if let Some(h) = head.filter(|h| HEADS.contains(&h.span.text(body))) {
                    if m.kind == PlaceKind::Literal {
                        m.span = Span::new(m.span.start(), h.span.end());
                        j += 1;
                    }
                }
                if embedded && m.kind == PlaceKind::Literal {
                    m.kind = PlaceKind::Metonym;
                }
                out.push(m);
                i = j + 1;
            }
            None => i += 1,
        }
    }
}

fn embedded(span: Span, tokens: &[Token], body: &str, g: &Gazetteer, out: &mut Vec<Mention>) {
    scan(tokens, body, g, span, out, true);
}

fn untagged(tokens: &[Token], body: &str, g: &Gazetteer, covered: &[Span], out: &mut Vec<Mention>) {
    let mut found = Vec::new();
    scan(tokens, body, g, Span::new(0, body.len()), &mut found, false);
    for m in found {
        if !covered.iter().any(|c| c.overlaps(m.span)) {
            out.push(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tests_support::annotate;
    use chronicle_core::PlaceKind;

    #[test]
    fn demonym_maps_to_country() {
        let d = annotate("Polish officials met in Warsaw on Monday.");
        let p = d.layers.places();
        assert_eq!(p[0].name, "Poland");
        assert_eq!(p[0].kind, PlaceKind::Demonym);
    }

    #[test]
    fn country_without_entity_is_found() {
        let d = annotate("troops moved into ukraine and then to Moldova.");
        assert!(d.layers.places().iter().any(|p| p.name == "Moldova"));
    }

    #[test]
    fn feature_head_joins_the_name() {
        let d = annotate("Barges moved down the Mississippi River toward the sea.");
        assert!(d
            .layers
            .places()
            .iter()
            .any(|p| d.text(p.span) == "Mississippi River"));
    }

    #[test]
    fn unknown_word_written_lowercase_elsewhere_is_not_a_place() {
        use super::common_word;
        let lower: crate::gazetteer::FastSet<&str> = ["motion"].into_iter().collect();
        assert!(common_word("Motion", &lower));
        assert!(!common_word("Bywater", &lower));
    }

    #[test]
    fn embedded_place_in_organisation() {
        let d = annotate("She is a fellow at the Atlantic Council's Europe Center in Washington.");
        assert!(d.layers.places().iter().any(|p| p.name == "Europe"));
    }
}
