//! Resolution: choosing one gazetteer entry per mention, with a confidence.
//!
//! Each candidate gets a prior from its feature class and population
//! (countries and first-level regions before cities; a big city before a
//! small namesake), the way most gazetteer-based geocoders start (the
//! "population" baseline of Gritta et al. 2018 is already strong on news).
//! Then two kinds of evidence from the document move it:
//! - **"City, State"**: a mention followed by ", Texas" (or any other
//!   first-level region or country the gazetteer knows) keeps only the
//!   candidates inside it — Paris, Texas;
//! - **coherence**: a document's places cluster. The countries and US
//!   states of the first-pass choices vote (weighted by confidence), and a
//!   candidate in a country or state the article talks about gains — Georgia
//!   the state in an article about Atlanta, Georgia the country in one about
//!   Tbilisi.
//!
//! Confidence is a logistic function of the margin between the best and the
//! second-best score, so a lone candidate is sure and a coin toss is 0.5.

use crate::gazetteer::{Entry, Feature, Gazetteer};
use crate::recognize::Mention;
use chronicle_core::PlaceKind;
use std::collections::HashMap;

/// A mention's choice: entry index (if any) and confidence.
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    pub entry: Option<u32>,
    pub confidence: f32,
}

fn prior(e: &Entry) -> f64 {
    let pop = (e.population as f64 + 1.0).log10();
    match e.feature {
        Feature::Country => 10.0 + pop * 0.1,
        Feature::Continent => 9.5,
        Feature::Admin1 => 8.5,
        Feature::Region | Feature::Water | Feature::Seat => 8.0,
        Feature::Capital => 8.0 + pop * 0.3,
        // A city of millions outranks its namesake state (New York).
        Feature::City if e.population >= 1_000_000 => pop + 2.0,
        Feature::City => pop,
        Feature::Admin2 => 4.0,
    }
}

/// Resolves every mention of one document.
pub fn resolve(body: &str, mentions: &[Mention], g: &Gazetteer) -> Vec<Choice> {
    let restrict = city_state(body, mentions, g);
    let first: Vec<Choice> = mentions
        .iter()
        .zip(&restrict)
        .map(|(m, r)| pick(m, r.as_deref(), g, &HashMap::new(), &HashMap::new()))
        .collect();
    let mut countries: HashMap<&str, f64> = HashMap::new();
    let mut states: HashMap<&str, f64> = HashMap::new();
    for c in &first {
        if let Some(i) = c.entry {
            let e = g.entry(i);
            if !e.country.is_empty() {
                *countries.entry(e.country.as_str()).or_default() += c.confidence as f64;
            }
            if !e.admin1.is_empty() {
                *states.entry(e.admin1.as_str()).or_default() += c.confidence as f64;
            }
        }
    }
    let total: f64 = countries.values().sum::<f64>().max(1.0);
    let tstates: f64 = states.values().sum::<f64>().max(1.0);
    let cshare: HashMap<&str, f64> = countries.iter().map(|(k, v)| (*k, v / total)).collect();
    let sshare: HashMap<&str, f64> = states.iter().map(|(k, v)| (*k, v / tstates)).collect();
    mentions
        .iter()
        .zip(&restrict)
        .map(|(m, r)| pick(m, r.as_deref(), g, &cshare, &sshare))
        .collect()
}

/// The article's focus: the local place (city or region) its resolved
/// mentions name most often, else its most named country. Names the
/// gazetteer does not know (streets, buildings, villages) are placed there
/// with a low confidence — in local news they are mostly in or near it.
pub fn focus(choices: &[Choice], g: &Gazetteer) -> Option<u32> {
    let mut local: HashMap<u32, f64> = HashMap::new();
    let mut wide: HashMap<u32, f64> = HashMap::new();
    for c in choices {
        let Some(i) = c.entry else { continue };
        let e = g.entry(i);
        let map = match e.feature {
            Feature::City | Feature::Capital | Feature::Admin1 | Feature::Admin2 => &mut local,
            Feature::Country => &mut wide,
            _ => continue,
        };
        *map.entry(i).or_default() += c.confidence as f64;
    }
    let best = |m: &HashMap<u32, f64>| {
        m.iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&i, _)| i)
    };
    best(&local).or_else(|| best(&wide))
}

fn pick(
    m: &Mention,
    restrict: Option<&[u32]>,
    g: &Gazetteer,
    cshare: &HashMap<&str, f64>,
    sshare: &HashMap<&str, f64>,
) -> Choice {
    let cands: &[u32] = restrict.unwrap_or(&m.candidates);
    if cands.is_empty() {
        return Choice {
            entry: None,
            confidence: 0.0,
        };
    }
    if m.kind == PlaceKind::Demonym || cands.len() == 1 {
        return Choice {
            entry: Some(cands[0]),
            confidence: 0.9,
        };
    }
    let mut scored: Vec<(f64, u32)> = cands
        .iter()
        .map(|&i| {
            let e = g.entry(i);
            let c = cshare.get(e.country.as_str()).copied().unwrap_or(0.0);
            let s = sshare.get(e.admin1.as_str()).copied().unwrap_or(0.0);
            let small = matches!(e.feature, Feature::City | Feature::Admin2);
            let weight = if small { 4.0 } else { 1.5 };
            (prior(e) + weight * c + 3.0 * s, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let margin = scored[0].0 - scored[1].0;
    let confidence = (1.0 / (1.0 + (-margin).exp())) as f32;
    Choice {
        entry: Some(scored[0].1),
        confidence: confidence.clamp(0.5, 0.99),
    }
}

/// For "Paris, Texas": the candidates of each mention that lie inside the
/// region or country named right after it, when any do.
fn city_state(body: &str, ms: &[Mention], g: &Gazetteer) -> Vec<Option<Vec<u32>>> {
    let mut out = vec![None; ms.len()];
    for k in 0..ms.len().saturating_sub(1) {
        let (a, b) = (&ms[k], &ms[k + 1]);
        let gap = &body[a.span.end()..b.span.start()];
        if gap.trim() != "," || b.kind != PlaceKind::Literal {
            continue;
        }
        let inside: Vec<u32> = a
            .candidates
            .iter()
            .copied()
            .filter(|&i| {
                let e = g.entry(i);
                b.candidates.iter().any(|&j| {
                    let r = g.entry(j);
                    match r.feature {
                        Feature::Admin1 => {
                            !e.admin1.is_empty() && e.admin1 == r.name && e.country == r.country
                        }
                        Feature::Country => e.country == r.country && i != j,
                        _ => false,
                    }
                })
            })
            .collect();
        if !inside.is_empty() {
            out[k] = Some(inside);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::tests_support::annotate;

    fn country_of(text: &str, name: &str) -> String {
        let d = annotate(text);
        let p = d
            .layers
            .places()
            .iter()
            .find(|p| d.text(p.span) == name)
            .unwrap();
        p.country.clone().unwrap_or_default()
    }

    #[test]
    fn paris_alone_is_france() {
        assert_eq!(country_of("She flew to Paris last week.", "Paris"), "FR");
    }

    #[test]
    fn paris_texas_by_city_state_pattern() {
        let d = annotate("The fair opened in Paris, Texas, on Friday.");
        let p = &d.layers.places()[0];
        assert_eq!(p.admin1.as_deref(), Some("Texas"));
    }

    #[test]
    fn georgia_with_tbilisi_is_the_country() {
        assert_eq!(
            country_of(
                "Protesters in Tbilisi said Georgia must join the EU.",
                "Georgia"
            ),
            "GE"
        );
    }

    #[test]
    fn georgia_with_atlanta_is_the_state() {
        assert_eq!(
            country_of(
                "Voters in Atlanta and Savannah said Georgia had changed.",
                "Georgia"
            ),
            "US"
        );
    }
}
