//! Whether two event mentions report the same real-world event.
//!
//! Reports of one strike differ in wording, in how precisely they date it
//! and in how they name its place and participants, so the rule is a set of
//! compatibility tests rather than equality (after the event coreference of
//! GDELT's and ACLED's deduplication, which join records of one type, one
//! day and one location):
//!
//! - the same PLOVER type, polarity and commitment (an asserted strike does
//!   not join a threatened one, "NATO will not fight" not "NATO fights");
//! - compatible days: within one day of each other when both were dated by
//!   the text, within two when one falls back to its report's date;
//! - compatible places: the same resolved place or name, or within
//!   [`NEAR_KM`]; an unknown place is compatible with any;
//! - overlapping participants: actor or target names share a key; when one
//!   side names no participant, the places must both be known and agree.
//!
//! Invariant: [`compatible`] is symmetric, so the order in which articles
//! arrive changes which cluster an event joins only through the running
//! summary (first day and place kept, participants added).

use serde::{Deserialize, Serialize};

/// Places closer than this (km) can be the scene of one event.
pub const NEAR_KM: f64 = 100.0;

/// What a mention or a cluster of mentions says about an event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventSketch {
    /// PLOVER type label.
    pub kind: String,
    pub negated: bool,
    pub asserted: bool,
    /// Days since 1970-01-01 when the event happened.
    pub day: Option<i64>,
    /// Whether `day` comes from the text (else from the report's date).
    pub dated: bool,
    /// Name key of the place, and its coordinates when resolved.
    pub place: Option<String>,
    pub coords: Option<(f64, f64)>,
    /// Name keys of the actors and targets.
    pub participants: Vec<String>,
}

/// Whether `a` and `b` can be reports of one event.
pub fn compatible(a: &EventSketch, b: &EventSketch) -> bool {
    if a.kind != b.kind || a.negated != b.negated || a.asserted != b.asserted {
        return false;
    }
    let days = match (a.day, b.day) {
        (Some(x), Some(y)) => (x - y).abs() <= if a.dated && b.dated { 1 } else { 2 },
        _ => false,
    };
    if !days {
        return false;
    }
    let place = places_agree(a, b);
    if place == Some(false) {
        return false;
    }
    let shared = a.participants.iter().any(|p| b.participants.contains(p));
    if a.participants.is_empty() || b.participants.is_empty() {
        place == Some(true)
    } else {
        shared
    }
}

/// `Some(true)` when both places are known and agree, `Some(false)` when
/// they are known and differ, `None` when one is unknown.
fn places_agree(a: &EventSketch, b: &EventSketch) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.coords, b.coords) {
        return Some(distance_km(x, y) <= NEAR_KM);
    }
    match (&a.place, &b.place) {
        (Some(x), Some(y)) => Some(x == y || contains_word(x, y) || contains_word(y, x)),
        _ => None,
    }
}

/// "western ukraine" holds "ukraine".
fn contains_word(long: &str, short: &str) -> bool {
    !short.is_empty() && format!(" {long} ").contains(&format!(" {short} "))
}

/// Great-circle distance between two (lat, lon) points in degrees, in km
/// (the places crate's formula).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    chronicle_places::geo::haversine_km(a, b)
}

/// Folds a new mention into a cluster's summary: the first known day and
/// place stay, a dated day replaces a report date, participants add up.
pub fn absorb(cluster: &mut EventSketch, mention: &EventSketch) {
    if mention.dated && !cluster.dated {
        cluster.day = mention.day;
        cluster.dated = true;
    }
    if cluster.place.is_none() {
        cluster.place = mention.place.clone();
    }
    if cluster.coords.is_none() {
        cluster.coords = mention.coords;
    }
    for p in &mention.participants {
        if !cluster.participants.contains(p) && cluster.participants.len() < 32 {
            cluster.participants.push(p.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strike(day: i64, place: &str, coords: Option<(f64, f64)>, who: &[&str]) -> EventSketch {
        EventSketch {
            kind: "ASSAULT".into(),
            asserted: true,
            day: Some(day),
            dated: true,
            place: (!place.is_empty()).then(|| place.into()),
            coords,
            participants: who.iter().map(|s| s.to_string()).collect(),
            ..EventSketch::default()
        }
    }

    const YAVORIV: (f64, f64) = (49.94, 23.39);
    const LVIV: (f64, f64) = (49.84, 24.03);
    const KHARKIV: (f64, f64) = (49.99, 36.23);

    #[test]
    fn two_reports_of_one_strike_agree() {
        let a = strike(
            100,
            "yavoriv",
            Some(YAVORIV),
            &["russia", "training facility"],
        );
        let b = strike(101, "lviv", Some(LVIV), &["russian forces", "russia"]);
        assert!(compatible(&a, &b));
        assert!(compatible(&b, &a), "symmetric");
    }

    #[test]
    fn far_places_days_apart_or_other_types_differ() {
        let a = strike(100, "yavoriv", Some(YAVORIV), &["russia"]);
        assert!(!compatible(
            &a,
            &strike(100, "kharkiv", Some(KHARKIV), &["russia"])
        ));
        assert!(!compatible(
            &a,
            &strike(103, "yavoriv", Some(YAVORIV), &["russia"])
        ));
        let mut meeting = a.clone();
        meeting.kind = "CONSULT".into();
        assert!(!compatible(&a, &meeting));
        let mut denied = a.clone();
        denied.negated = true;
        assert!(!compatible(&a, &denied));
    }

    #[test]
    fn participants_must_overlap_or_the_place_decide() {
        let a = strike(100, "", None, &["russia"]);
        assert!(!compatible(&a, &strike(100, "", None, &["israel"])));
        assert!(compatible(
            &a,
            &strike(100, "", None, &["russia", "ukraine"])
        ));
        let nobody = strike(100, "western ukraine", None, &[]);
        assert!(!compatible(&a, &nobody), "no participant and no place");
        assert!(
            compatible(&strike(100, "ukraine", None, &["russia"]), &nobody),
            "the place words agree"
        );
    }

    #[test]
    fn a_report_date_is_a_looser_day() {
        let a = strike(100, "", None, &["russia"]);
        let mut b = strike(102, "", None, &["russia"]);
        assert!(!compatible(&a, &b));
        b.dated = false;
        assert!(compatible(&a, &b));
        let mut undated = b.clone();
        undated.day = None;
        assert!(!compatible(&a, &undated));
    }

    #[test]
    fn absorbing_keeps_the_first_place_and_adds_participants() {
        let mut c = strike(100, "", None, &["russia"]);
        c.dated = false;
        absorb(
            &mut c,
            &strike(99, "yavoriv", Some(YAVORIV), &["russia", "base"]),
        );
        assert_eq!(c.day, Some(99));
        assert!(c.dated);
        assert_eq!(c.place.as_deref(), Some("yavoriv"));
        assert_eq!(c.participants, ["russia", "base"]);
        assert!((distance_km(YAVORIV, LVIV) - 47.0).abs() < 5.0);
    }
}
