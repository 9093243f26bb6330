//! Spatial coherence: a document's local places lie near each other.
//!
//! For each candidate of a mention, its *support* is how many of the other
//! distinct names of the document have a local reading (a populated place
//! or a US county) near it — Gainesville with Hall County, Decatur with
//! DeKalb County. Each other name counts at most once, through its nearest
//! reading, weighted by distance (full weight within [`NEAR_KM`], less up
//! to [`FAR_KM`], nothing beyond), and less when that reading is one of
//! many homonyms rather than the name's likely reading.
//!
//! Only the [`MAX_READINGS`] most prominent readings of a name take part,
//! so a document costs at most (names × readings)² distance computations.

use crate::gazetteer::FastMap;
use crate::gazetteer::{rank_key, Entry, Feature, Gazetteer};
use crate::recognize::Mention;

/// Full support within this distance.
pub const NEAR_KM: f64 = 40.0;
/// No support beyond this distance.
pub const FAR_KM: f64 = 300.0;
/// Readings per name that take part.
const MAX_READINGS: usize = 12;

/// Whether an entry is a point-like local place (its coordinates say where
/// the name is), not a country or region centroid.
pub fn is_local(e: &Entry) -> bool {
    is_local_feature(e.feature)
}

fn is_local_feature(f: Feature) -> bool {
    matches!(f, Feature::City | Feature::Capital | Feature::Admin2)
}

/// Approximate great-circle distance in km (equirectangular; exact enough
/// below a few hundred km, which is all the kernel looks at).
pub fn distance_km(a: &Entry, b: &Entry) -> f64 {
    let mean_lat = ((a.lat + b.lat) / 2.0).to_radians();
    let dx = (b.lon - a.lon).to_radians() * mean_lat.cos();
    let dy = (b.lat - a.lat).to_radians();
    6371.0 * (dx * dx + dy * dy).sqrt()
}

fn kernel(d: f64) -> f64 {
    if d <= NEAR_KM {
        1.0
    } else if d >= FAR_KM {
        0.0
    } else {
        1.0 - (d - NEAR_KM) / (FAR_KM - NEAR_KM)
    }
}

/// The readings of each distinct name: (name key, candidates), most
/// prominent first, cut to [`MAX_READINGS`].
fn readings<'a>(
    mentions: &'a [Mention],
    restrict: &'a [Option<Vec<u32>>],
    names: &'a [String],
    g: &Gazetteer,
) -> Vec<(&'a str, Vec<u32>)> {
    let mut seen: FastMap<&str, usize> = FastMap::default();
    let mut out: Vec<(&str, Vec<u32>)> = Vec::new();
    for ((m, r), name) in mentions.iter().zip(restrict).zip(names) {
        let cands = r.as_deref().unwrap_or(&m.candidates);
        if cands.is_empty() || seen.contains_key(name.as_str()) {
            continue;
        }
        let mut local: Vec<u32> = cands
            .iter()
            .copied()
            .filter(|&i| is_local_feature(g.feature(i)))
            .collect();
        local.sort_by_cached_key(|&i| std::cmp::Reverse(rank_key(&g.entry(i))));
        local.truncate(MAX_READINGS);
        seen.insert(name.as_str(), out.len());
        out.push((name.as_str(), local));
    }
    out
}

/// Support of every candidate of every mention with more than one
/// candidate, keyed by (mention index, candidate). Support depends only on
/// the name and the candidate, so repeated names are computed once.
pub fn support(
    mentions: &[Mention],
    restrict: &[Option<Vec<u32>>],
    names: &[String],
    g: &Gazetteer,
) -> FastMap<(usize, u32), f64> {
    let per_name = readings(mentions, restrict, names, g);
    let mut by_name: FastMap<(&str, u32), f64> = FastMap::default();
    let mut out = FastMap::default();
    for (k, (m, r)) in mentions.iter().zip(restrict).enumerate() {
        let cands = r.as_deref().unwrap_or(&m.candidates);
        if cands.len() < 2 {
            continue;
        }
        let name = names[k].as_str();
        for &c in cands {
            let e = g.entry(c);
            if !matches!(
                e.feature,
                Feature::City | Feature::Capital | Feature::Admin2 | Feature::Admin1
            ) {
                continue;
            }
            let s = *by_name
                .entry((name, c))
                .or_insert_with(|| support_of(&e, name, &per_name, g));
            out.insert((k, c), s);
        }
    }
    out
}

/// The support of one reading of the name `name`.
fn support_of(e: &Entry, name: &str, per_name: &[(&str, Vec<u32>)], g: &Gazetteer) -> f64 {
    // Degrees of latitude beyond which nothing is within FAR_KM.
    let max_dlat = FAR_KM / 111.0;
    let mut s = 0.0;
    for (other, readings) in per_name {
        if *other == name || readings.is_empty() {
            continue;
        }
        let ambiguous = readings.len() > 3;
        let mut best: f64 = 0.0;
        for (rank, &o) in readings.iter().enumerate() {
            let oe = g.entry(o);
            if (oe.lat - e.lat).abs() > max_dlat {
                continue;
            }
            let w = if !ambiguous || rank == 0 { 1.0 } else { 0.5 };
            best = best.max(w * kernel(distance_km(e, &oe)));
        }
        s += best;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(lat: f64, lon: f64) -> Entry<'static> {
        Entry {
            geonameid: 0,
            name: "",
            lat,
            lon,
            country: "US",
            admin1: "",
            feature: Feature::City,
            population: 0,
        }
    }

    #[test]
    fn distance_is_close_to_great_circle() {
        // Atlanta to Athens, Georgia: about 97 km.
        let d = distance_km(&entry(33.749, -84.388), &entry(33.961, -83.378));
        assert!((d - 97.0).abs() < 3.0, "{d}");
    }

    #[test]
    fn kernel_falls_from_near_to_far() {
        assert_eq!(kernel(10.0), 1.0);
        assert!(kernel(150.0) > 0.0 && kernel(150.0) < 1.0);
        assert_eq!(kernel(500.0), 0.0);
    }
}
