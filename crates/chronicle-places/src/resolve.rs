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
//!   "City, County" keeps those near the county ("Decatur, DeKalb County"),
//!   and the region keeps only the readings that contain some reading of
//!   the city ("Athens, Georgia" is the US state); a small or unknown town
//!   none of whose readings lies in the named state or province is a place
//!   the gazetteer lacks, and is put at that region ("Randolph, New
//!   Hampshire", 300 people);
//! - **coherence**: a document's places cluster. The countries and
//!   first-level regions of the first-pass choices vote (weighted by
//!   confidence), and a candidate in a country or region the article talks
//!   about gains — Georgia the state in an article about Atlanta, Georgia
//!   the country in one about Tbilisi — and a town in a state or province
//!   the article names itself gains more ("Burlington" beside "Vermont
//!   governor"), unless the name is also a region or country or the town
//!   is a small namesake of a far bigger place;
//! - **proximity** (`proximity.rs`): a local reading near the local
//!   readings of the article's other names gains — Gainesville, Georgia in
//!   an article that also names Hall County.
//!
//! A small place (under [`STRAY_POPULATION`] people) chosen only by its name,
//! far from everything else the article names and outside the countries it
//! talks about, is dropped: a tiny foreign homonym of an unknown local name
//! is worse than the article's focus, which `lib.rs` gives unknown names.
//!
//! Confidence is a logistic function of the margin between the best and the
//! second-best score, so a lone candidate is sure and a coin toss is 0.5.

use crate::gazetteer::FastMap;
use crate::gazetteer::{normalize, Entry, Feature, Gazetteer};
use crate::proximity::{self, distance_km};
use crate::recognize::Mention;
use chronicle_core::PlaceKind;

/// A chosen place smaller than this with no support is a stray homonym.
pub const STRAY_POPULATION: u64 = 5_000;
/// Score per unit of proximity support (capped at [`MAX_SUPPORT`]).
const SUPPORT_WEIGHT: f64 = 1.2;
const MAX_SUPPORT: f64 = 3.0;
/// "City, County": the city lies this close to the county's point.
const IN_COUNTY_KM: f64 = 80.0;
/// Score for a local reading inside a first-level region the article names.
const NAMED_REGION: f64 = 1.5;
/// A reading gets the named-region score only if it has at least 1/this of
/// the people of the name's biggest reading.
const NAMED_RATIO: u64 = 20;
/// Towns at least this large are known to the gazetteer wherever they
/// are: "A, B" with no reading of A in B is then a list, not a container.
const LISTED_TOWN_POP: u64 = 100_000;

/// What the document says beyond a mention's own name.
#[derive(Default)]
struct Context<'a> {
    countries: FastMap<&'a str, f64>,
    regions: FastMap<&'a str, f64>,
    /// First-level regions (name, country) that a mention itself names.
    named: Vec<(&'a str, &'a str)>,
    support: FastMap<(usize, u32), f64>,
}

/// A mention's choice: entry index (if any) and confidence; `within`, for
/// a place the gazetteer lacks, is the mention of the region it lies in.
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    pub entry: Option<u32>,
    pub confidence: f32,
    pub within: Option<usize>,
}

fn prior(e: &Entry) -> f64 {
    let pop = (e.population as f64 + 1.0).log10();
    match e.feature {
        Feature::Country => 10.0 + pop * 0.1,
        Feature::Continent => 9.5,
        // A region without a GeoNames id (outside the US) is weighed by the
        // people of its places: Ontario the province over Ontario the city,
        // Portland the Maine city over Portland the Jamaican parish.
        Feature::Admin1 if e.geonameid == 0 && e.population > 0 => (pop + 0.5).min(8.5),
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
    let (mut restrict, within) = pairs(body, mentions, g);
    region_words(body, mentions, g, &mut restrict);
    let none = Context::default();
    let first: Vec<Choice> = (0..mentions.len())
        .map(|k| pick(k, &mentions[k], restrict[k].as_deref(), g, &none))
        .collect();
    let mut countries: FastMap<&str, f64> = FastMap::default();
    let mut regions: FastMap<&str, f64> = FastMap::default();
    let mut named: Vec<(&str, &str)> = Vec::new();
    for c in &first {
        if let Some(i) = c.entry {
            let e = g.entry(i);
            if e.feature == Feature::Admin1 && !named.contains(&(e.name, e.country)) {
                named.push((e.name, e.country));
            }
            if !e.country.is_empty() {
                *countries.entry(e.country).or_default() += c.confidence as f64;
            }
            if !e.admin1.is_empty() {
                *regions.entry(e.admin1).or_default() += c.confidence as f64;
            }
        }
    }
    let total: f64 = countries.values().sum::<f64>().max(1.0);
    let tregions: f64 = regions.values().sum::<f64>().max(1.0);
    let names: Vec<String> = mentions
        .iter()
        .map(|m| normalize(m.span.text(body)))
        .collect();
    let cx = Context {
        countries: countries.iter().map(|(k, v)| (*k, v / total)).collect(),
        regions: regions.iter().map(|(k, v)| (*k, v / tregions)).collect(),
        named,
        support: proximity::support(mentions, &restrict, &names, g),
    };
    let has_local = first
        .iter()
        .any(|c| c.entry.is_some_and(|i| proximity::is_local(&g.entry(i))));
    (0..mentions.len())
        .map(|k| {
            let m = &mentions[k];
            let c = pick(k, m, restrict[k].as_deref(), g, &cx);
            match c.entry {
                Some(i) if has_local && stray(k, i, m, g, &cx) => Choice {
                    entry: None,
                    confidence: 0.0,
                    within: None,
                },
                None => Choice {
                    within: within[k],
                    ..c
                },
                _ => c,
            }
        })
        .collect()
}

/// A small place the article gives no other reason for (see the module doc).
fn stray(k: usize, i: u32, m: &Mention, g: &Gazetteer, cx: &Context) -> bool {
    let e = g.entry(i);
    e.feature == Feature::City
        && e.population < STRAY_POPULATION
        && m.candidates.len() > 1
        && cx.support.get(&(k, i)).copied().unwrap_or(0.0) < 0.05
        && cx.countries.get(e.country).copied().unwrap_or(0.0) < 0.25
}

/// The article's focus: the local place (city or region) its resolved
/// mentions name most often, else its most named country. Names the
/// gazetteer does not know (streets, buildings, villages) are placed there
/// with a low confidence — in local news they are mostly in or near it.
pub fn focus(choices: &[Choice], g: &Gazetteer) -> Option<u32> {
    let mut local: FastMap<u32, f64> = FastMap::default();
    let mut wide: FastMap<u32, f64> = FastMap::default();
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
    let best = |m: &FastMap<u32, f64>| {
        m.iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&i, _)| i)
    };
    best(&local).or_else(|| best(&wide))
}

fn pick(k: usize, m: &Mention, restrict: Option<&[u32]>, g: &Gazetteer, cx: &Context) -> Choice {
    let cands: &[u32] = restrict.unwrap_or(&m.candidates);
    if cands.is_empty() {
        return Choice {
            entry: None,
            confidence: 0.0,
            within: None,
        };
    }
    if m.kind == PlaceKind::Demonym || cands.len() == 1 {
        return Choice {
            entry: Some(cands[0]),
            confidence: 0.9,
            within: None,
        };
    }
    // The named-region bonus is for towns: not when the name is also a
    // region or country ("California" is not California, Maryland), nor for
    // a small namesake of a far bigger place (Paris, Pennsylvania).
    let local_only = cands.iter().all(|&i| proximity::is_local(&g.entry(i)));
    let biggest = cands
        .iter()
        .map(|&i| g.entry(i).population)
        .max()
        .unwrap_or(0);
    let mut scored: Vec<(f64, u32)> = cands
        .iter()
        .map(|&i| {
            let e = g.entry(i);
            let c = cx.countries.get(e.country).copied().unwrap_or(0.0);
            let s = cx.regions.get(e.admin1).copied().unwrap_or(0.0);
            let small = matches!(e.feature, Feature::City | Feature::Admin2);
            let weight = if small { 4.0 } else { 1.5 };
            let near = cx.support.get(&(k, i)).copied().unwrap_or(0.0);
            let near_weight = if e.feature == Feature::Admin1 {
                SUPPORT_WEIGHT / 2.0
            } else {
                SUPPORT_WEIGHT
            };
            let named = local_only
                && e.population * NAMED_RATIO >= biggest
                && cx.named.contains(&(e.admin1, e.country));
            let score = prior(&e)
                + weight * c
                + 3.0 * s
                + near_weight * near.min(MAX_SUPPORT)
                + if named { NAMED_REGION } else { 0.0 };
            (score, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let margin = scored[0].0 - scored[1].0;
    let confidence = (1.0 / (1.0 + (-margin).exp())) as f32;
    Choice {
        entry: Some(scored[0].1),
        confidence: confidence.clamp(0.5, 0.99),
        within: None,
    }
}

/// Whether `e` lies inside the region `r` named after it ("Paris, Texas",
/// "Decatur, DeKalb County", "London, Ontario", "Lyon, France").
fn inside(e: &Entry, r: &Entry, same: bool) -> bool {
    match r.feature {
        Feature::Admin1 => !e.admin1.is_empty() && e.admin1 == r.name && e.country == r.country,
        Feature::Admin2 => {
            e.country == r.country
                && e.admin1 == r.admin1
                && e.feature != Feature::Admin2
                && distance_km(e, r) <= IN_COUNTY_KM
        }
        Feature::Country => e.country == r.country && !same,
        _ => false,
    }
}

/// Words before a name that make it a first-level region.
const REGION_WORDS: &[&str] = &["state of ", "State of ", "province of ", "Province of "];

/// Words right after a name that make it a first-level region: "New York
/// state", "the New York Governor", "the Ohio legislature" (governors and
/// legislatures belong to states and provinces, not to their cities).
const REGION_WORDS_AFTER: &[&str] = &[
    " state",
    " State",
    " province",
    " Province",
    " governor",
    " Governor",
    " legislature",
    " Legislature",
];

/// Whether `after` (the text following a name) opens with one of
/// [`REGION_WORDS_AFTER`] as a whole word ("New York statement" does not).
fn region_word_after(after: &str) -> bool {
    REGION_WORDS_AFTER.iter().any(|w| {
        after.starts_with(w)
            && !after[w.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// "The state of Victoria", "New York Governor": keeps a mention's
/// first-level readings (when it has any) after [`REGION_WORDS`] or before
/// [`REGION_WORDS_AFTER`] — not Victoria, Hong Kong, nor New York City.
fn region_words(body: &str, ms: &[Mention], g: &Gazetteer, restrict: &mut [Option<Vec<u32>>]) {
    for (k, m) in ms.iter().enumerate() {
        let before = &body[..m.span.start()];
        if !REGION_WORDS.iter().any(|w| before.ends_with(w))
            && !region_word_after(&body[m.span.end()..])
        {
            continue;
        }
        let cands = restrict[k].as_deref().unwrap_or(&m.candidates);
        let regions: Vec<u32> = cands
            .iter()
            .copied()
            .filter(|&i| g.feature(i) == Feature::Admin1)
            .collect();
        if !regions.is_empty() {
            restrict[k] = Some(regions);
        }
    }
}

/// Restricted readings per mention, and the region mention a place the
/// gazetteer lacks lies in.
type Pairs = (Vec<Option<Vec<u32>>>, Vec<Option<usize>>);

/// For "Paris, Texas": each pair of mentions written "A, B" keeps the
/// readings of A inside some reading of B, and the readings of B that
/// contain some reading of A, when any pair fits. When none fits, B can be
/// a first-level region and A a town the gazetteer lacks (no reading of A
/// is a region or a town of [`LISTED_TOWN_POP`]): A then has no reading of
/// its own and lies in B.
fn pairs(body: &str, ms: &[Mention], g: &Gazetteer) -> Pairs {
    let mut out: Vec<Option<Vec<u32>>> = vec![None; ms.len()];
    let mut within: Vec<Option<usize>> = vec![None; ms.len()];
    for k in 0..ms.len().saturating_sub(1) {
        let (a, b) = (&ms[k], &ms[k + 1]);
        let gap = &body[a.span.end()..b.span.start()];
        if gap.trim() != "," || b.kind != PlaceKind::Literal || a.kind == PlaceKind::Demonym {
            continue;
        }
        let a_cands = out[k].clone().unwrap_or_else(|| a.candidates.clone());
        let mut keep_a = Vec::new();
        let mut keep_b = Vec::new();
        for &i in &a_cands {
            for &j in &b.candidates {
                if inside(&g.entry(i), &g.entry(j), i == j) {
                    if !keep_a.contains(&i) {
                        keep_a.push(i);
                    }
                    if !keep_b.contains(&j) {
                        keep_b.push(j);
                    }
                }
            }
        }
        if !keep_a.is_empty() {
            out[k] = Some(keep_a);
            out[k + 1] = Some(keep_b);
        } else if a.kind == PlaceKind::Literal
            && b.candidates
                .iter()
                .any(|&j| g.feature(j) == Feature::Admin1)
            && a_cands.iter().all(|&i| {
                let e = g.entry(i);
                e.feature == Feature::City && e.population < LISTED_TOWN_POP
            })
        {
            out[k] = Some(Vec::new());
            within[k] = Some(k + 1);
        }
    }
    (out, within)
}

#[cfg(test)]
mod tests {
    use super::region_word_after;
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

    fn place<'a>(d: &'a chronicle_core::Document, text: &str) -> &'a chronicle_core::Place {
        d.layers
            .places()
            .iter()
            .find(|p| d.text(p.span) == text)
            .unwrap_or_else(|| panic!("{text} not found"))
    }

    #[test]
    fn city_county_pattern_keeps_the_city_in_the_county() {
        let d = annotate("The fire started in Athens, Clarke County, on Sunday.");
        assert_eq!(place(&d, "Athens").admin1.as_deref(), Some("Georgia"));
    }

    #[test]
    fn city_region_pattern_restricts_the_region_too() {
        let d = annotate("The team played in Athens, Georgia, last week.");
        assert_eq!(place(&d, "Georgia").country.as_deref(), Some("US"));
        assert_eq!(place(&d, "Athens").admin1.as_deref(), Some("Georgia"));
    }

    #[test]
    fn nearby_places_pick_the_local_homonym() {
        let d = annotate(
            "A Lafayette man was arrested in West Lafayette, Tippecanoe County deputies said.",
        );
        assert_eq!(place(&d, "Lafayette").admin1.as_deref(), Some("Indiana"));
        let d = annotate(
            "Portland police said a man was hit by a car. Police in South Portland are looking for the driver.",
        );
        assert_eq!(place(&d, "Portland").admin1.as_deref(), Some("Maine"));
    }

    #[test]
    fn town_missing_from_the_gazetteer_lies_in_its_state() {
        let d = annotate("The crash happened in Randolph, New Hampshire, on Friday night.");
        let p = place(&d, "Randolph");
        assert_eq!(p.admin1.as_deref(), Some("New Hampshire"));
        assert_eq!(p.geonameid, None);
    }

    #[test]
    fn a_state_the_article_names_draws_its_towns() {
        let d = annotate(
            "Trains will run from Burlington to New York. \
             Vermont governor Phil Scott welcomed the service.",
        );
        assert_eq!(place(&d, "Burlington").admin1.as_deref(), Some("Vermont"));
    }

    #[test]
    fn a_governor_or_state_after_a_name_makes_it_the_region() {
        let d = annotate(
            "Police in Rochester, New York, arrested two men. \
             Later the New York Governor spoke in Albany.",
        );
        let governor = d
            .layers
            .places()
            .iter()
            .rfind(|p| d.text(p.span) == "New York")
            .expect("the second New York");
        assert_eq!(governor.geonameid, Some(5128638), "{governor:?}");
        assert!(region_word_after(" state legislature"));
        assert!(region_word_after(" Governor Kathy Hochul"));
        assert!(!region_word_after(" statement"));
        assert!(!region_word_after(" Statesman"));
    }

    #[test]
    fn the_state_of_a_name_is_the_region() {
        let d = annotate("The farm lies in the Australian state of Victoria.");
        assert_eq!(place(&d, "Victoria").country.as_deref(), Some("AU"));
    }

    #[test]
    fn small_namesakes_do_not_steal_big_places() {
        let d = annotate("The mayor of Boston flew to London for the summit.");
        assert_eq!(place(&d, "London").country.as_deref(), Some("GB"));
    }

    #[test]
    fn province_of_a_city_outside_the_us() {
        let d = annotate("The plant in London, Ontario, will close next year.");
        let p = place(&d, "London");
        assert_eq!(
            (p.country.as_deref(), p.admin1.as_deref()),
            (Some("CA"), Some("Ontario"))
        );
    }

    #[test]
    fn county_has_its_own_point() {
        // Hall County, Georgia lies near Gainesville, far from the state's centre.
        let d = annotate("Hall County commissioners met in Gainesville on Tuesday.");
        let p = place(&d, "Hall County");
        assert!((p.lat.unwrap() - 34.3).abs() < 0.3, "{p:?}");
    }
}
