//! This crate provides chronicle's places layer: the place names of a news
//! report (toponyms, demonyms such as "Polish", and metonyms such as "the
//! Kremlin warned"), each resolved to a GeoNames entry with coordinates,
//! country and first-level region, a confidence, and the relative phrase
//! around it ("western Ukraine", "near the Polish border").
//!
//! [`PlaceAnnotator`] needs tokens, sentences and entities (and reads the
//! quotes when present, to mark speaking places as metonyms). The work is
//! split by concern:
//!
//! - `gazetteer.rs` — the embedded GeoNames gazetteer (built by
//!   `data/build_gazetteer.py` and `chronicle train gazetteer`, CC BY 4.0,
//!   see `data/README.md`), loaded once per process;
//! - `recognize.rs` — which spans are places (literal or demonym), with
//!   `locative.rs` for towns the entity layer missed ("crews in Clinton")
//!   and `discourse.rs` for names repeated bare ("the Tyler area");
//! - `metonymy.rs` — which of them stand for a government or team;
//! - `resolve.rs` — which GeoNames entry each one is, with a confidence,
//!   with `proximity.rs` for the spatial coherence of local places;
//! - `relations.rs` — relative phrases;
//! - `eval` — GeoWebNews and LGL readers and the geoparsing measures
//!   (used by `chronicle eval places`).
//!
//! ```
//! use chronicle_core::{Annotator, Date, Document, PlaceKind};
//! let mut doc = Document::new("d", Date::from_ymd_opt(2022, 3, 16).unwrap(),
//!     "Missiles hit a base in western Ukraine, near the Polish border.");
//! chronicle_text::Tokenizer.annotate(&mut doc).unwrap();
//! chronicle_text::SentenceSplitter.annotate(&mut doc).unwrap();
//! doc.layers.entities = Some(chronicle_core::Layer::new("test", vec![]));
//! chronicle_places::PlaceAnnotator.annotate(&mut doc).unwrap();
//! let p = doc.layers.places();
//! assert_eq!(p[0].name, "Ukraine");
//! assert_eq!(p[0].relation.as_ref().unwrap().relation, "western");
//! assert_eq!(p[1].name, "Poland");
//! assert_eq!(p[1].kind, PlaceKind::Demonym);
//! chronicle_core::validate(&doc).unwrap();
//! ```

mod discourse;
pub mod eval;
pub mod gazetteer;
pub mod geo;
mod locative;
mod metonymy;
mod proximity;
mod recognize;
mod relations;
mod resolve;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_support;

pub use gazetteer::{Gazetteer, GazetteerError};

use chronicle_core::{AnnotateError, Annotator, Document, Layer, LayerKind, Place, PlaceKind};

/// Confidence of a name the gazetteer does not know, placed at the
/// article's focus.
const FOCUS_CONFIDENCE: f32 = 0.1;
/// Confidence of a name the gazetteer does not know, placed at the region
/// the text puts it in ("Randolph, New Hampshire").
const WITHIN_CONFIDENCE: f32 = 0.3;

/// Adds the places layer.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlaceAnnotator;

impl PlaceAnnotator {
    /// The places of `doc` (which must carry tokens; entities and quotes are
    /// used when present).
    pub fn places(doc: &Document) -> Vec<Place> {
        let g = Gazetteer::get();
        let body = doc.body();
        let mentions = recognize::recognize(doc, g);
        let choices = resolve::resolve(body, &mentions, g);
        let focus = resolve::focus(&choices, g).map(|i| g.entry(i));
        mentions
            .iter()
            .zip(&choices)
            .map(|(m, c)| {
                let e = c.entry.map(|i| g.entry(i));
                let text = m.span.text(body);
                // Unknown names: the point, country and region of the region
                // the text puts them in, else of the focus, but not its name
                // or id (see `resolve::focus`).
                let region = c.within.and_then(|j| choices[j].entry).map(|i| g.entry(i));
                let (at, confidence) = match (e, region, focus) {
                    (Some(e), _, _) => (Some(e), c.confidence),
                    (None, Some(r), _) => (Some(r), WITHIN_CONFIDENCE),
                    (None, None, Some(f)) => (Some(f), FOCUS_CONFIDENCE),
                    (None, None, None) => (None, 0.0),
                };
                Place {
                    span: m.span,
                    name: e.map_or_else(|| text.to_owned(), |e| e.name.to_owned()),
                    geonameid: e.and_then(|e| (e.geonameid != 0).then_some(e.geonameid)),
                    lat: at.map(|e| e.lat),
                    lon: at.map(|e| e.lon),
                    country: at.and_then(|e| (!e.country.is_empty()).then(|| e.country.to_owned())),
                    admin1: at.and_then(|e| (!e.admin1.is_empty()).then(|| e.admin1.to_owned())),
                    kind: m.kind,
                    relation: relations::relation(body, m.span, m.kind == PlaceKind::Demonym),
                    confidence,
                }
            })
            .collect()
    }
}

impl Annotator for PlaceAnnotator {
    fn name(&self) -> &'static str {
        "places"
    }
    fn languages(&self) -> &'static [&'static str] {
        &["en"]
    }

    fn needs(&self) -> &'static [LayerKind] {
        &[LayerKind::Tokens, LayerKind::Sentences, LayerKind::Entities]
    }

    fn adds(&self) -> &'static [LayerKind] {
        &[LayerKind::Places]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError> {
        let places = PlaceAnnotator::places(doc);
        doc.layers.places = Some(Layer::new(self.name(), places));
        Ok(())
    }
}
