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
    " shire",
    " borough",
    " township",
];

/// Administrative words after which a known name is a place even when the
/// entity layer did not call it one ("Blayney Shire" tagged as an
/// organisation, "Cook County" outside any entity).
const STRONG_SUFFIXES: &[&str] = &[" county", " parish", " shire", " borough", " township"];

/// Capitalised words before a name that belong to it ("City of Orange",
/// "Greater Sydney"): the mention takes them.
const PREFIXES: &[&str] = &[
    "City of ",
    "Town of ",
    "Village of ",
    "Borough of ",
    "County of ",
    "Shire of ",
    "Greater ",
];

/// Populated places smaller than this are not read from an all-caps
/// abbreviation (see [`readings`]).
const MIN_POP_ACRONYM: u64 = 1_000_000;

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
                let (span, text) = with_word_before(span, body, g).unwrap_or((span, text));
                if after_title(body, span) {
                    covered.push(e.span);
                    continue;
                }
                if let Some(m) = classify_name(span, text, g, true) {
                    out.push(m);
                } else if !common_word(text, &lower_words)
                    && !false_acronym(text, g)
                    && !code_like(text)
                {
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
    let again = crate::discourse::repeats(doc, g, &out, &lower_words);
    out.extend(again);
    // "US$75" is money, not a place.
    out.retain(|m| !body[m.span.end()..].starts_with('$'));
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    for mut m in out {
        let prev_end = kept.last().map_or(0, |k: &Mention| k.span.end());
        if prev_end <= m.span.start() {
            widen(body, prev_end, &mut m);
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

/// A location whose first word the entity layer left out, mostly at the
/// start of a sentence ("New | South Wales recorded 78 cases"): the
/// capitalised word right before it joins when the two make a name the
/// gazetteer knows.
fn with_word_before<'a>(span: Span, body: &'a str, g: &Gazetteer) -> Option<(Span, &'a str)> {
    let before = &body[..span.start()];
    let word = before
        .strip_suffix(' ')?
        .rsplit(|c: char| !c.is_alphabetic())
        .next()?;
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let wide = Span::new(span.start() - word.len() - 1, span.end());
    let text = wide.text(body);
    let norm = normalize(text);
    // A notable name only: "Queen | Victoria" is not the hamlet of that name.
    g.lookup_norm(&norm)
        .iter()
        .any(|&i| notable(g, i, &norm))
        .then_some((wide, text))
}

/// Titles before a person's name that a city may share ("Queen
/// Elizabeth", "Pope Francis").
const TITLES: &[&str] = &[
    "Queen", "King", "Prince", "Princess", "Pope", "Lady", "Lord", "Sir", "Dame", "Mr", "Mr.",
    "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.",
];

/// Whether a title stands right before `span` ("Queen Elizabeth").
fn after_title(body: &str, span: Span) -> bool {
    body[..span.start()]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(|w| TITLES.contains(&w))
}

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
    let cands: Vec<u32> = readings(g, text, &norm);
    if !cands.is_empty() && (tagged || cands.iter().any(|&i| notable(g, i, &norm))) {
        return Some(Mention {
            span,
            kind: PlaceKind::Literal,
            candidates: cands,
        });
    }
    let strong = STRONG_SUFFIXES.iter().any(|s| norm.ends_with(s));
    if tagged || strong {
        // "Lviv Oblast", "Afrin District", "City of Boston": the bare name.
        let bare = SUFFIXES
            .iter()
            .find_map(|s| norm.strip_suffix(s))
            .or_else(|| norm.strip_prefix("city of "));
        if let Some(bare) = bare.filter(|b| !b.is_empty()) {
            let mut cands = g.lookup_norm(bare);
            if !tagged {
                cands.retain(|&i| matches!(g.feature(i), Feature::City | Feature::Admin2));
            }
            if !cands.is_empty() {
                return Some(Mention {
                    span,
                    kind: PlaceKind::Literal,
                    candidates: cands,
                });
            }
        }
    }
    // "Texans": the plural of a listed demonym.
    let d = g.demonym_norm(&norm).or_else(|| {
        norm.strip_suffix('s')
            .filter(|s| s.len() > 3)
            .and_then(|s| g.demonym_norm(s))
    })?;
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

/// An undotted all-caps word of two to five letters: an abbreviation or an
/// organisation's acronym ("US", "IS", "NARA"), not a spelled-out name.
fn is_acronym(text: &str) -> bool {
    (2..=5).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// The gazetteer readings of a name. An acronym reads only as a place the
/// gazetteer lists it as an abbreviation of ("US", "UAE", "NYC"): not as a
/// place whose own name is the word ("IS" is not the village of Is, "EST"
/// not the Est region), nor as a smaller city behind a code among its
/// alternate names (airport codes: "SUV" is not Suva).
pub(crate) fn readings(g: &Gazetteer, text: &str, norm: &str) -> Vec<u32> {
    let mut cands = g.lookup_norm(norm);
    if is_acronym(text) {
        cands.retain(|&i| {
            let e = g.entry(i);
            normalize(e.name) != norm
                && (!matches!(e.feature, Feature::City | Feature::Capital)
                    || e.population >= MIN_POP_ACRONYM)
        });
    }
    cands
}

/// An acronym the gazetteer knows only by accident (see [`readings`]): the
/// entity layer's "location" is then an organisation's name.
fn false_acronym(text: &str, g: &Gazetteer) -> bool {
    let norm = normalize(text);
    is_acronym(text) && !g.lookup_norm(&norm).is_empty() && readings(g, text, &norm).is_empty()
}

/// An unknown "location" written like a code or an acronym ("UNESCO",
/// "A&E", "G20", "USD2.6"): an organisation, a unit or a sum, not a place
/// the gazetteer lacks. Dotted letters without digits stay ("B.C." is
/// British Columbia).
fn code_like(text: &str) -> bool {
    let dotted = text.contains('.') && !text.chars().any(|c| c.is_ascii_digit());
    !dotted
        && text.chars().any(|c| c.is_ascii_uppercase())
        && !text.chars().any(char::is_lowercase)
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '&' | '-'))
}

/// Takes the capitalised words around a name that belong to it
/// ([`PREFIXES`] before, a strong administrative word after), without
/// reaching back before `floor` (the end of the previous mention).
fn widen(body: &str, floor: usize, m: &mut Mention) {
    if m.kind == PlaceKind::Demonym || m.candidates.is_empty() {
        return;
    }
    let before = &body[floor..m.span.start()];
    if let Some(p) = PREFIXES.iter().find(|p| before.ends_with(*p)) {
        m.span = Span::new(m.span.start() - p.len(), m.span.end());
    }
    let after = &body[m.span.end()..];
    for s in STRONG_SUFFIXES {
        let word = &after.get(..s.len()).unwrap_or("");
        let next = after[word.len()..].chars().next();
        if word.len() == s.len()
            && word.starts_with(' ')
            && word[1..].chars().next().is_some_and(char::is_uppercase)
            && word.eq_ignore_ascii_case(s)
            && !next.is_some_and(char::is_alphanumeric)
        {
            m.span = Span::new(m.span.start(), m.span.end() + s.len());
            break;
        }
    }
}

/// A word token that starts with a capital letter.
pub(crate) fn is_cap_word(t: &Token, body: &str) -> bool {
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
        // A generic feature word alone ("Easter Island" → "Island", "the
        // Valley") and a name after a title ("Queen Elizabeth") are not
        // places here.
        let generic = best
            .as_ref()
            .is_some_and(|(j, _)| *j == i && HEADS.contains(&tokens[i].span.text(body)));
        let titled = after_title(body, tokens[i].span);
        if generic || titled {
            best = None;
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
    fn plural_demonym_and_currency() {
        let d = annotate("Abbott said countless Texans paid US$600 for the permits.");
        let p = d.layers.places();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            (p[0].name.as_str(), p[0].kind),
            ("Texas", PlaceKind::Demonym)
        );
    }

    #[test]
    fn acronyms_are_not_villages() {
        let d = annotate("IS fighters attacked the town, and the UAE sent aid.");
        let names: Vec<&str> = d.layers.places().iter().map(|p| d.text(p.span)).collect();
        assert_eq!(names, ["UAE"]);
    }

    #[test]
    fn unknown_codes_are_not_places() {
        assert!(super::code_like("UNESCO") && super::code_like("A&E") && super::code_like("G20"));
        assert!(!super::code_like("Bywater") && !super::code_like("São Paulo"));
        assert!(!super::code_like("B.C.") && super::code_like("USD2.6"));
    }

    #[test]
    fn city_of_and_greater_belong_to_the_name() {
        let d = annotate("A lockdown began in the City of Orange and in Greater Sydney.");
        let names: Vec<&str> = d.layers.places().iter().map(|p| d.text(p.span)).collect();
        assert!(
            names.contains(&"City of Orange") && names.contains(&"Greater Sydney"),
            "{names:?}"
        );
    }

    #[test]
    fn first_word_left_out_by_the_tagger_joins() {
        use chronicle_core::{Entity, EntityType, Layer, Span};
        let text = "New South Wales yesterday recorded 78 new cases.";
        let mut d = chronicle_core::Document::new(
            "t",
            chronicle_core::Date::from_ymd_opt(2021, 7, 21).unwrap(),
            text,
        );
        chronicle_core::Annotator::annotate(&chronicle_text::Tokenizer, &mut d).unwrap();
        chronicle_core::Annotator::annotate(&chronicle_text::SentenceSplitter, &mut d).unwrap();
        let e = Entity {
            span: Span::new(4, 15),
            kind: EntityType::Location,
        };
        d.layers.entities = Some(Layer::new("test", vec![e]));
        let p = crate::PlaceAnnotator::places(&d);
        assert_eq!(p[0].span.text(text), "New South Wales");
    }

    #[test]
    fn generic_words_and_titled_names_are_not_places() {
        let d = annotate("After the death of Queen Elizabeth II, tourists flew to Easter Island.");
        let names: Vec<&str> = d.layers.places().iter().map(|p| d.text(p.span)).collect();
        assert!(
            !names.contains(&"Elizabeth") && !names.contains(&"Island"),
            "{names:?}"
        );
    }

    #[test]
    fn embedded_place_in_organisation() {
        let d = annotate("She is a fellow at the Atlantic Council's Europe Center in Washington.");
        assert!(d.layers.places().iter().any(|p| p.name == "Europe"));
    }
}
