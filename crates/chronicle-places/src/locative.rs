//! Small places the entity layer missed, found by where they stand.
//!
//! Local news names towns the tagger has never seen ("crews in Port Gibson
//! and Clinton", "police in South Portland and Westbrook"), and tags some
//! of them as people. A run of one to three capitalised words is a place
//! mention when the gazetteer knows it as a populated place, county or
//! region (any size) and it stands
//! - right after a locative preposition (`in`, `near`, `outside`,
//!   `toward`, `between`, and `from` or `at` when no entity covers the
//!   run), or
//! - right after "and"/"or" that follows another place mention
//!   ("between Gainesville and Oakwood"), or in a list of places after a
//!   comma or ", and" ("the Blue Mountains, Wollongong, Shellharbour, and
//!   the Central Coast") when no entity covers the run.
//!
//! Runs inside organisation or misc entities are left alone; a person
//! entity is overridden only when the run is the whole entity and stands
//! after a strong preposition or "and"/"or" (lists of surnames are common:
//! a comma is not enough). Month and
//! weekday names and words the article also writes in lower case are never
//! places here.

use crate::gazetteer::{normalize, FastSet, Feature, Gazetteer};
use crate::recognize::{is_cap_word, Mention};
use chronicle_core::{is_month_name, is_weekday_name, Document, EntityType, PlaceKind, Span};

/// Prepositions after which a known town name is a place even when the
/// tagger called it a person.
const STRONG: &[&str] = &["in", "near", "outside", "toward", "towards", "between"];
/// Prepositions after which a known town name outside any entity is a place.
const WEAK: &[&str] = &["from", "at"];
/// Longest run tried.
const MAX_RUN: usize = 3;

/// Mentions found after prepositions and in coordinations, disjoint from
/// `found` (the mentions already made) and from each other.
pub fn after_prepositions(
    doc: &Document,
    g: &Gazetteer,
    found: &[Mention],
    lower_words: &FastSet<&str>,
) -> Vec<Mention> {
    let body = doc.body();
    let tokens = doc.layers.tokens();
    let entities = doc.layers.entities();
    let mut taken: Vec<Span> = found.iter().map(|m| m.span).collect();
    let mut out = Vec::new();
    let cap = |k: usize| is_cap_word(&tokens[k], body);
    for i in 1..tokens.len() {
        if !cap(i) {
            continue;
        }
        let prev = tokens[i - 1].span.text(body).to_lowercase();
        let ends_mention = |k: usize| taken.iter().any(|s| s.end == tokens[k].span.end);
        let coordinated = (prev == "and" || prev == "or") && i >= 2 && ends_mention(i - 2);
        // A list: "X, Y" or "X, and Y" after a place X.
        let listed = (prev == "," && i >= 2 && ends_mention(i - 2))
            || ((prev == "and" || prev == "or")
                && i >= 3
                && tokens[i - 2].span.text(body) == ","
                && ends_mention(i - 3));
        let strong = STRONG.contains(&prev.as_str());
        if !(strong || coordinated || listed || WEAK.contains(&prev.as_str())) {
            continue;
        }
        let mut best: Option<(Span, Vec<u32>)> = None;
        for j in i..tokens.len().min(i + MAX_RUN) {
            if !cap(j) || (j > i && tokens[j - 1].span.end + 1 < tokens[j].span.start) {
                break;
            }
            let span = Span::new(tokens[i].span.start(), tokens[j].span.end());
            let text = span.text(body);
            let lower = text.to_lowercase();
            if is_month_name(&lower)
                || is_weekday_name(&lower)
                || lower_words.contains(lower.as_str())
            {
                continue;
            }
            let cands = crate::recognize::readings(g, text, &normalize(text));
            let local = cands.iter().any(|&c| {
                matches!(
                    g.feature(c),
                    Feature::City | Feature::Capital | Feature::Admin2 | Feature::Admin1
                )
            });
            if local {
                best = Some((span, cands));
            }
        }
        let Some((span, candidates)) = best else {
            continue;
        };
        if longer_name(body, span) {
            continue;
        }
        if taken.iter().any(|s| s.overlaps(span)) {
            continue;
        }
        let entity = entities.iter().find(|e| e.span.overlaps(span));
        let allowed = match entity {
            None => true,
            Some(e) => e.kind == EntityType::Person && e.span == span && (strong || coordinated),
        };
        if allowed {
            taken.push(span);
            out.push(Mention {
                span,
                kind: PlaceKind::Literal,
                candidates,
            });
        }
    }
    out
}

/// Whether the run at `span` begins a longer name: a capitalised word
/// right after it ("at Drexel Burnham Lambert", "at Heritage Auctions"),
/// or "of" / "'s" and a capitalised word ("Secretary of State", "King's
/// College").
fn longer_name(body: &str, span: Span) -> bool {
    let after = &body[span.end()..];
    let rest = after
        .strip_prefix(" of ")
        .or_else(|| after.strip_prefix("'s "))
        .or_else(|| after.strip_prefix("’s "))
        .or_else(|| after.strip_prefix(' '))
        .unwrap_or("");
    rest.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use crate::tests_support::place_texts as texts;

    #[test]
    fn town_after_in_and_coordinated_town_are_places() {
        let t = texts("Emergency crews in Port Gibson and Clinton handed out sandbags.");
        assert!(t.contains(&"Port Gibson".to_owned()), "{t:?}");
        assert!(t.contains(&"Clinton".to_owned()), "{t:?}");
    }

    #[test]
    fn towns_after_at_and_in_a_list_are_places() {
        let t = texts("The train stops at Philomath and Monmouth.");
        assert!(t.contains(&"Philomath".to_owned()), "{t:?}");
        let t = texts("Crews came from Albany, Corvallis, Philomath, and Monmouth to help.");
        assert!(t.contains(&"Monmouth".to_owned()), "{t:?}");
    }

    #[test]
    fn the_start_of_a_longer_name_is_not_a_town() {
        let t = texts("He headed the bond department at Drexel Burnham Lambert for years.");
        assert!(!t.contains(&"Drexel".to_owned()), "{t:?}");
    }

    #[test]
    fn months_after_in_are_not_places() {
        let t = texts("The council will vote in March on the budget.");
        assert!(!t.contains(&"March".to_owned()), "{t:?}");
    }
}
