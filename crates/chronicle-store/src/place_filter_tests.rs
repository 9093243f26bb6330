//! Place filters over a few reports of our own, with hand-made places
//! layers (real GeoNames ids, so the gazetteer tells countries apart).

use super::*;
use chronicle_core::{
    Annotator, Approx, Date, Document, Figure, FigureCategory, Layer, Place, PlaceKind, Quote,
    QuoteKind, Span, Speaker, Timex, TimexType,
};
use chronicle_text::{SentenceSplitter, Tokenizer};

/// A gazetteer place: GeoNames id, name, country.
type Gazetted = (u32, &'static str, &'static str);

const POLAND: Gazetted = (798544, "Poland", "PL");
const WARSAW: Gazetted = (756135, "Warsaw", "PL");
const GEORGIA_COUNTRY: Gazetted = (614540, "Georgia", "GE");
const GEORGIA_STATE: Gazetted = (4197000, "Georgia", "US");

fn span(body: &str, text: &str, nth: usize) -> Span {
    let start = body
        .match_indices(text)
        .nth(nth)
        .unwrap_or_else(|| panic!("{text:?} in {body:?}"))
        .0;
    Span::new(start, start + text.len())
}

/// A report whose places are `(text as written, its nth occurrence, place, kind)`.
fn report(
    id: &str,
    day: u32,
    body: &str,
    places: &[(&str, usize, Gazetted, PlaceKind)],
) -> Document {
    let mut d = Document::new(id, Date::from_ymd_opt(2022, 3, day).unwrap(), body);
    Tokenizer.annotate(&mut d).unwrap();
    SentenceSplitter.annotate(&mut d).unwrap();
    let mut layer: Vec<Place> = places
        .iter()
        .map(|&(text, nth, (geonameid, name, country), kind)| Place {
            span: span(body, text, nth),
            name: name.into(),
            geonameid: Some(geonameid),
            lat: Some(50.0),
            lon: Some(20.0),
            country: Some(country.into()),
            admin1: None,
            kind,
            relation: None,
            confidence: 0.9,
        })
        .collect();
    layer.sort_by_key(|p| p.span.start);
    d.layers.places = Some(Layer::new("test", layer));
    d
}

fn store(dir: &tempfile::TempDir) -> Store {
    use PlaceKind::*;
    let mut a = report(
        "a",
        16,
        "Missiles struck a base near the Polish border. NATO ministers met in Brussels.",
        &[("Polish", 0, POLAND, Demonym)],
    );
    let b = a.body().to_owned();
    a.layers.figures = Some(Layer::new(
        "test",
        vec![Figure {
            span: span(&b, "Missiles", 0),
            value: 1.0,
            low: None,
            high: None,
            approx: Approx::Exact,
            unit: None,
            category: FigureCategory::Other,
            counted: None,
            of: None,
            place: None,
        }],
    ));
    let mut w = report(
        "w",
        17,
        "Protesters gathered in Warsaw on Thursday. \"We stand with Ukraine,\" the mayor said in Warsaw. Ministers met again.",
        &[("Warsaw", 0, WARSAW, Literal), ("Warsaw", 1, WARSAW, Literal)],
    );
    let b = w.body().to_owned();
    let quoted = span(&b, "We stand with Ukraine,", 0);
    w.layers.quotes = Some(Layer::new(
        "test",
        vec![Quote {
            span: quoted,
            kind: QuoteKind::Direct,
            cue: None,
            speaker: Some(Speaker {
                name: "the mayor".into(),
                mention: span(&b, "the mayor", 0),
            }),
        }],
    ));
    w.layers.timexes = Some(Layer::new(
        "test",
        vec![Timex {
            span: span(&b, "Thursday", 0),
            kind: TimexType::Date,
            value: "2022-03-17".into(),
            anchor: None,
        }],
    ));
    let state = report(
        "s",
        18,
        "Storms hit Georgia on Friday. Ministers met in Atlanta.",
        &[("Georgia", 0, GEORGIA_STATE, Literal)],
    );
    let country = report(
        "c",
        19,
        "Georgia voted. Ministers met in Georgia. Georgian troops left.",
        &[
            ("Georgia", 0, GEORGIA_COUNTRY, Literal),
            ("Georgia", 1, GEORGIA_COUNTRY, Literal),
            ("Georgian", 0, GEORGIA_COUNTRY, Demonym),
        ],
    );
    let mut s = Store::open(&dir.path().join("kb.sqlite")).unwrap();
    s.ingest(&[a, w, state, country]).unwrap();
    s
}

fn search(s: &Store, text: &str, place: &str) -> Vec<String> {
    s.search(&SearchQuery {
        text: text.into(),
        place: Some(place.into()),
        limit: 10,
        ..Default::default()
    })
    .unwrap()
    .into_iter()
    .map(|h| h.article)
    .collect()
}

#[test]
fn a_country_takes_its_demonym_and_the_places_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    // "the Polish border" is Poland; Warsaw is in Poland.
    assert_eq!(search(&s, "struck", "Poland"), ["a"]);
    assert_eq!(search(&s, "gathered", "poland"), ["w"]);
    assert_eq!(
        search(&s, "gathered", "Polish"),
        ["w"],
        "a demonym names it too"
    );
    // A city takes only itself.
    assert_eq!(search(&s, "gathered", "Warsaw"), ["w"]);
    assert!(search(&s, "struck", "Warsaw").is_empty());
    // Sentence level: the other sentences of the same reports do not count.
    let mut met = search(&s, "ministers met", "Poland");
    met.sort();
    assert!(met.is_empty(), "{met:?}");
    assert_eq!(
        search(&s, "ministers", "geonames:756135"),
        Vec::<String>::new()
    );
    assert_eq!(search(&s, "gathered", "geonames:756135"), ["w"]);
    let place = s.resolve_place("Poland").unwrap().unwrap();
    assert!(place.is_country);
    // "Polish" once and Warsaw twice.
    assert_eq!((place.geonameid, place.mentions), (Some(798544), 3));
    assert!(!s.resolve_place("Warsaw").unwrap().unwrap().is_country);
}

#[test]
fn an_ambiguous_name_takes_the_most_mentioned_place_and_lists_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let georgia = s.resolve_place("Georgia").unwrap().unwrap();
    assert_eq!(georgia.geonameid, Some(614540), "3 mentions against 1");
    assert_eq!(georgia.mentions, 3);
    assert_eq!(georgia.others.len(), 1);
    assert_eq!(georgia.others[0].geonameid, Some(4197000));
    assert_eq!(georgia.others[0].country.as_deref(), Some("US"));
    assert_eq!(search(&s, "ministers", "Georgia"), ["c"]);
    assert_eq!(search(&s, "storms", "geonames:4197000"), ["s"]);
    assert!(search(&s, "storms", "Georgia").is_empty());
}

#[test]
fn an_unknown_place_gives_nothing_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    assert!(s.resolve_place("Atlantis").unwrap().is_none());
    assert!(search(&s, "ministers", "Atlantis").is_empty());
    assert!(search(&s, "ministers", "geonames:1").is_empty());
    assert!(search(&s, "ministers", "' OR 1=1 --").is_empty());
    assert!(s
        .quotes(&QuoteQuery {
            place: Some("%".into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap()
        .is_empty());
}

#[test]
fn every_query_takes_the_filter() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(&dir);
    let quotes = |place: &str| {
        s.quotes(&QuoteQuery {
            place: Some(place.into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap()
    };
    // The quote's own sentence names Warsaw (after the quote).
    assert_eq!(quotes("Poland").len(), 1);
    assert_eq!(quotes("Warsaw")[0].text, "We stand with Ukraine,");
    assert!(quotes("Georgia").is_empty());
    let timeline = |place: &str| {
        s.timeline(&TimelineQuery {
            place: Some(place.into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap()
    };
    let poland = timeline("Poland");
    assert_eq!(poland.len(), 1);
    assert_eq!(
        (poland[0].day.as_str(), poland[0].when.as_str()),
        ("2022-03-17", "Thursday")
    );
    assert!(timeline("Georgia").is_empty());
    let figures = |place: &str| {
        s.figures(&FigureQuery {
            place: Some(place.into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap()
        .len()
    };
    assert_eq!(
        (figures("Poland"), figures("Warsaw"), figures("Georgia")),
        (1, 0, 0)
    );
    let articles = |place: &str| -> Vec<String> {
        s.articles(&ArticleListQuery {
            place: Some(place.into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|a| a.article)
        .collect()
    };
    assert_eq!(articles("Poland"), ["w", "a"]);
    assert_eq!(articles("Warsaw"), ["w"]);
    assert_eq!(articles("geonames:4197000"), ["s"]);
    assert!(articles("Atlantis").is_empty());
}
