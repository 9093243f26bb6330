//! Metonymy: a place name that stands for a government, team or company,
//! not the ground ("Washington said", "the Kremlin warned").
//!
//! Marked when the mention is a quote's speaker (the quotes layer, when an
//! earlier annotator added it), when it is followed by a reporting or
//! decision verb, or when it is a seat of government not preceded by a
//! locative preposition ("in the Kremlin" stays literal). The second name
//! of "A, B" is the place A lies in, never a metonym ("police in Lakewood,
//! Washington report" is about the state). This follows the
//! metonymy class of Gritta et al.'s pragmatic taxonomy, reduced to cues
//! that need no parser.

use crate::gazetteer::{Feature, Gazetteer};
use crate::recognize::Mention;
use chronicle_core::{Document, PlaceKind, Span};

/// Verbs after a place name that make it an actor, not a location.
const ACTOR_VERBS: &[&str] = &[
    "said",
    "says",
    "warned",
    "warns",
    "announced",
    "announces",
    "denied",
    "denies",
    "accused",
    "accuses",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "responded",
    "condemned",
    "condemns",
    "threatened",
    "threatens",
    "vowed",
    "vows",
    "demanded",
    "demands",
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "urged",
    "urges",
    "agreed",
    "agrees",
    "signed",
    "stated",
    "believes",
    "wants",
    "has said",
    "told",
    "declined",
    "imposed",
    "sanctioned",
    "recognized",
    "recognised",
];

const LOCATIVE: &[&str] = &[
    "in", "at", "inside", "outside", "near", "to", "from", "into",
];

pub(crate) fn mark_metonyms(doc: &Document, g: &Gazetteer, ms: &mut [Mention]) {
    let body = doc.body();
    let speakers: Vec<Span> = doc
        .layers
        .quotes()
        .iter()
        .filter_map(|q| q.speaker.as_ref().map(|s| s.mention))
        .collect();
    for k in 0..ms.len() {
        let container = k > 0 && body[ms[k - 1].span.end()..ms[k].span.start()].trim() == ",";
        let m = &mut ms[k];
        if m.kind != PlaceKind::Literal || container {
            continue;
        }
        let after = body[m.span.end()..].trim_start();
        let next = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let before = body[..m.span.start()].trim_end();
        let before = before
            .strip_suffix("the")
            .or_else(|| before.strip_suffix("The"))
            .unwrap_or(before)
            .trim_end();
        let prev = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let actor = ACTOR_VERBS.contains(&next) && !after.starts_with(',');
        let speaker = speakers.iter().any(|s| s.overlaps(m.span));
        let seat = m.candidates.iter().any(|&i| g.feature(i) == Feature::Seat)
            && !LOCATIVE.contains(&prev.to_lowercase().as_str());
        if actor || speaker || seat {
            m.kind = PlaceKind::Metonym;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tests_support::annotate;
    use chronicle_core::PlaceKind;

    #[test]
    fn speaker_place_is_metonym() {
        let d = annotate("A day earlier, the Kremlin warned that shipments were targets.");
        let p = d
            .layers
            .places()
            .iter()
            .find(|p| p.name == "Kremlin")
            .unwrap();
        assert_eq!(p.kind, PlaceKind::Metonym);
    }

    #[test]
    fn capital_as_actor_is_metonym() {
        let d = annotate("Washington said it would send more weapons.");
        assert_eq!(d.layers.places()[0].kind, PlaceKind::Metonym);
    }

    #[test]
    fn state_after_a_town_is_not_an_actor() {
        let d = annotate("Police in Lakewood, Washington report 45 thefts this year.");
        let p = d
            .layers
            .places()
            .iter()
            .find(|p| d.text(p.span) == "Washington")
            .unwrap();
        assert_eq!(p.kind, PlaceKind::Literal);
        assert_eq!(p.admin1.as_deref(), Some("Washington"));
    }

    #[test]
    fn locative_seat_stays_literal() {
        let d = annotate("Talks were held in the Kremlin on Monday.");
        let p = d
            .layers
            .places()
            .iter()
            .find(|p| p.name == "Kremlin")
            .unwrap();
        assert_eq!(p.kind, PlaceKind::Literal);
    }
}
