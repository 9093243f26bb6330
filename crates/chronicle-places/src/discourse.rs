//! One sense per discourse: a name the article has already used for a
//! place stands for that place again where the entity layer missed it.
//!
//! Local news names its town in full once ("Tyler, Texas", "Westchester
//! County") and then bare ("the Tyler area", "Westchester lies north of
//! New York City"), where a tagger may see a person or nothing. Only names
//! the text itself anchors as places count: a town written "Town, State"
//! and a county or shire written with its administrative word (also bare:
//! "Westchester" after "Westchester County"). A name the tagger once
//! called a location is not enough ("Rittenhouse", "Jackson" are people
//! the tagger slipped on once). A run of one to three capitalised words
//! written exactly like an anchored name is a mention again and takes the
//! anchor's readings. The run must
//! stand alone (no capitalised word right before or after it: "John
//! Tyler" is a person), lie outside organisation and misc names, and may
//! override a person entity only when the entity is exactly the run.

use crate::gazetteer::{FastMap, FastSet, Feature, Gazetteer};
use crate::recognize::{is_cap_word, Mention};
use chronicle_core::{Document, EntityType, PlaceKind, Span};

/// Longest run tried.
const MAX_RUN: usize = 3;
/// Words after a county's name that a later bare mention may drop.
const DROPPABLE: &[&str] = &[" County", " Shire", " Parish", " Borough", " Township"];

/// Mentions repeating the names of `found`, disjoint from them and from
/// each other.
pub fn repeats(
    doc: &Document,
    g: &Gazetteer,
    found: &[Mention],
    lower_words: &FastSet<&str>,
) -> Vec<Mention> {
    let body = doc.body();
    let mut sorted: Vec<&Mention> = found.iter().collect();
    sorted.sort_by_key(|m| m.span.start);
    let mut names: FastMap<&str, &[u32]> = FastMap::default();
    for (k, m) in sorted.iter().enumerate() {
        if m.kind != PlaceKind::Literal || m.candidates.is_empty() {
            continue;
        }
        let text = m.span.text(body);
        if let Some(bare) = DROPPABLE.iter().find_map(|s| text.strip_suffix(s)) {
            names.entry(text).or_insert(&m.candidates);
            names.entry(bare).or_insert(&m.candidates);
        } else if sorted.get(k + 1).is_some_and(|n| {
            body[m.span.end()..n.span.start()].trim() == ","
                && n.candidates
                    .iter()
                    .any(|&i| g.feature(i) == Feature::Admin1)
        }) {
            names.entry(text).or_insert(&m.candidates);
        }
    }
    if names.is_empty() {
        return Vec::new();
    }
    let tokens = doc.layers.tokens();
    let entities = doc.layers.entities();
    let cap = |k: usize| is_cap_word(&tokens[k], body);
    // A capitalised word right next to k (one space apart) on side `d`.
    let joined = |k: usize, before: bool| {
        let j = if before {
            k.checked_sub(1)
        } else {
            Some(k + 1)
        };
        j.filter(|&j| j < tokens.len() && cap(j)).is_some_and(|j| {
            let (a, b) = if before { (j, k) } else { (k, j) };
            tokens[a].span.end() + 1 == tokens[b].span.start()
        })
    };
    let mut taken: Vec<Span> = found.iter().map(|m| m.span).collect();
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        if !cap(i) || joined(i, true) {
            continue;
        }
        for j in i..tokens.len().min(i + MAX_RUN) {
            if !cap(j) || (j > i && tokens[j - 1].span.end + 1 < tokens[j].span.start) {
                break;
            }
            if joined(j, false) {
                continue;
            }
            let span = Span::new(tokens[i].span.start(), tokens[j].span.end());
            let text = span.text(body);
            let Some(cands) = names.get(text) else {
                continue;
            };
            if lower_words.contains(text.to_lowercase().as_str())
                || taken.iter().any(|s| s.overlaps(span))
            {
                break;
            }
            let allowed = entities
                .iter()
                .filter(|e| e.span.overlaps(span))
                .all(|e| e.kind == EntityType::Person && e.span == span);
            if allowed {
                taken.push(span);
                out.push(Mention {
                    span,
                    kind: PlaceKind::Literal,
                    candidates: cands.to_vec(),
                });
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::tests_support::place_texts as texts;

    #[test]
    fn bare_county_name_repeats_the_county() {
        let t = texts(
            "Crews were sent to Hall County, Georgia, on Monday. Hall lies north of Atlanta.",
        );
        assert_eq!(t.iter().filter(|x| *x == "Hall").count(), 1, "{t:?}");
    }

    #[test]
    fn a_full_person_name_is_not_a_repeat() {
        let t = texts(
            "Roofs were torn off in Tyler, Texas, on Monday. Power returned to the Tyler area \
             on Tuesday. John Tyler said the storm was loud.",
        );
        assert_eq!(t.iter().filter(|x| *x == "Tyler").count(), 2, "{t:?}");
    }
}
