//! Geoparsing evaluation: gold readers for GeoWebNews (brat folder or
//! `GWN.xml`) and the LGL corpus XML, and the measures of Gritta et al.,
//! "A Pragmatic Guide to Geoparsing Evaluation" (LRE 2020):
//!
//! - **recognition** (geotagging) precision / recall / F1 with exact span
//!   match, and with overlap match printed beside it;
//! - **geocoding** on the gold toponyms that were recognised exactly and
//!   carry gold coordinates: accuracy within 161 km (100 miles) and mean
//!   error in km. A recognised toponym we give no coordinates counts as
//!   wrong for accuracy and is left out of the mean (the count is printed).
//!
//! Which GeoWebNews types are toponyms: the eleven types Gritta et al.'s own
//! code maps to an entity (Literal, Mixed, Coercion, Embedded_Literal,
//! Literal_Modifier — the literal group — and Metonymic, Demonym,
//! Non_Literal_Modifier, Embedded_Non_Lit, Homonym, Language — the
//! associative group). `Literal_Expression`, `Non_Lit_Expression` ("the
//! city", "towns") and `Non_Toponym` are not names and are not scored.
//! Gold offsets in both corpora count code points; they are converted to
//! byte offsets here.

use crate::geo::haversine_km;
use std::path::Path;

/// One gold toponym, in byte offsets of its article's text.
#[derive(Debug, Clone)]
pub struct GoldToponym {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub coords: Option<(f64, f64)>,
}

/// One gold article.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    pub id: String,
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

/// GeoWebNews types scored as toponyms (see the module doc).
pub const TOPONYM_TYPES: &[&str] = &[
    "Literal",
    "Mixed",
    "Coercion",
    "Embedded_Literal",
    "Literal_Modifier",
    "Metonymic",
    "Demonym",
    "Non_Literal_Modifier",
    "Embedded_Non_Lit",
    "Homonym",
    "Language",
];

/// Code-point offset → byte offset of `text` (clamped to its length).
fn char_to_byte(text: &str) -> impl Fn(usize) -> usize {
    let len = text.len();
    let idx: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([len]).collect();
    move |c| idx.get(c).copied().unwrap_or(len)
}

fn child_text<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.children()
        .find(|c| c.has_tag_name(name))
        .and_then(|c| c.text())
}

/// Reads `GWN.xml` or an LGL-format XML file (told apart by their tags).
pub fn read_xml(src: &str) -> Result<Vec<GoldArticle>, String> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(src, opts).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (n, art) in doc
        .descendants()
        .filter(|n| n.has_tag_name("article"))
        .enumerate()
    {
        let text = child_text(art, "text").unwrap_or("").to_owned();
        let id = art
            .attribute("file")
            .or_else(|| art.attribute("docid"))
            .map_or_else(|| n.to_string(), str::to_owned);
        let to_byte = char_to_byte(&text);
        let mut toponyms = Vec::new();
        for t in art.descendants().filter(|t| t.has_tag_name("toponym")) {
            let num = |name: &str| child_text(t, name).and_then(|s| s.trim().parse::<f64>().ok());
            let (Some(s), Some(e)) = (num("start"), num("end")) else {
                continue;
            };
            let kind = child_text(t, "type").unwrap_or("Literal").trim().to_owned();
            // LGL keeps coordinates inside <gaztag>; GWN as <latitude>/<longitude>.
            let coords = match (num("latitude"), num("longitude")) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => t
                    .children()
                    .find(|c| c.has_tag_name("gaztag"))
                    .and_then(|gz| {
                        let f =
                            |k: &str| child_text(gz, k).and_then(|s| s.trim().parse::<f64>().ok());
                        Some((f("lat")?, f("lon")?))
                    }),
            };
            let (s, e) = (to_byte(s as usize), to_byte(e as usize));
            if s < e {
                toponyms.push(GoldToponym {
                    start: s,
                    end: e,
                    kind,
                    coords,
                });
            }
        }
        toponyms.retain(|t| TOPONYM_TYPES.contains(&t.kind.as_str()));
        out.push(GoldArticle { id, text, toponyms });
    }
    Ok(out)
}

/// Reads a GeoWebNews brat folder (`N.txt` + `N.ann`). Brat files carry
/// GeoNames ids but no coordinates: those come from `coords`, the same
/// corpus read from `GWN.xml`, when given.
pub fn read_brat(dir: &Path, coords: Option<&[GoldArticle]>) -> Result<Vec<GoldArticle>, String> {
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    names.sort();
    for ann in names {
        let id = ann
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(ann.with_extension("txt"))
            .map_err(|e| format!("{id}.txt: {e}"))?;
        let src = std::fs::read_to_string(&ann).map_err(|e| format!("{id}.ann: {e}"))?;
        let to_byte = char_to_byte(&text);
        let xml = coords.and_then(|c| c.iter().find(|a| a.id == id));
        // The brat text starts with a "TITLE: … LINK: …" line that the XML
        // text lacks: XML offsets are shifted by its length.
        let shift = xml
            .filter(|a| text.ends_with(a.text.as_str()))
            .map_or(0, |a| text.len() - a.text.len());
        let mut toponyms = Vec::new();
        for line in src.lines().filter(|l| l.starts_with('T')) {
            let mut f = line.split('\t');
            let mut head = f.nth(1).unwrap_or("").split(' ');
            let kind = head.next().unwrap_or("").to_owned();
            let (Some(Ok(s)), Some(Ok(e))) = (
                head.next().map(str::parse::<usize>),
                head.next().map(str::parse::<usize>),
            ) else {
                continue;
            };
            if !TOPONYM_TYPES.contains(&kind.as_str()) {
                continue;
            }
            let (s, e) = (to_byte(s), to_byte(e));
            let c = xml
                .and_then(|a| {
                    a.toponyms
                        .iter()
                        .find(|t| t.start + shift == s && t.end + shift == e)
                })
                .and_then(|t| t.coords);
            toponyms.push(GoldToponym {
                start: s,
                end: e,
                kind,
                coords: c,
            });
        }
        out.push(GoldArticle { id, text, toponyms });
    }
    Ok(out)
}

/// Counts of one part of the corpus.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    pub gold: usize,
    pub predicted: usize,
    pub exact: usize,
    /// Gold toponyms overlapped by some prediction; predictions overlapping some gold.
    pub overlap_gold: usize,
    pub overlap_pred: usize,
    pub geo_n: usize,
    pub geo_161: usize,
    pub geo_no_coords: usize,
    pub geo_err_sum: f64,
    /// Per gold type: (gold, exactly found).
    pub by_type: std::collections::BTreeMap<String, (usize, usize)>,
}

/// A prediction as the scorer sees it.
#[derive(Debug, Clone)]
pub struct Predicted {
    pub start: usize,
    pub end: usize,
    pub coords: Option<(f64, f64)>,
}

/// A miss: missed gold (`fn`), spurious prediction (`fp`) or far geocode (`geo`).
#[derive(Debug, Clone)]
pub struct Miss {
    pub article: String,
    pub kind: &'static str,
    pub text: String,
    pub note: String,
}

impl Scores {
    /// Scores one article's predictions against its gold.
    pub fn add(&mut self, a: &GoldArticle, pred: &[Predicted], misses: &mut Vec<Miss>) {
        self.gold += a.toponyms.len();
        self.predicted += pred.len();
        let txt = |s: usize, e: usize| a.text.get(s..e).unwrap_or("").to_owned();
        for g in &a.toponyms {
            let bt = self.by_type.entry(g.kind.clone()).or_default();
            bt.0 += 1;
            let exact = pred.iter().find(|p| p.start == g.start && p.end == g.end);
            if pred.iter().any(|p| p.start < g.end && g.start < p.end) {
                self.overlap_gold += 1;
            }
            let Some(p) = exact else {
                misses.push(Miss {
                    article: a.id.clone(),
                    kind: "fn",
                    text: txt(g.start, g.end),
                    note: g.kind.clone(),
                });
                continue;
            };
            bt.1 += 1;
            self.exact += 1;
            let Some(gc) = g.coords else { continue };
            self.geo_n += 1;
            match p.coords {
                None => self.geo_no_coords += 1,
                Some(pc) => {
                    let d = haversine_km(gc, pc);
                    self.geo_err_sum += d;
                    if d <= 161.0 {
                        self.geo_161 += 1;
                    } else {
                        misses.push(Miss {
                            article: a.id.clone(),
                            kind: "geo",
                            text: txt(g.start, g.end),
                            note: format!("{d:.0} km off"),
                        });
                    }
                }
            }
        }
        for p in pred {
            if a.toponyms
                .iter()
                .any(|g| p.start < g.end && g.start < p.end)
            {
                self.overlap_pred += 1;
            }
            if !a
                .toponyms
                .iter()
                .any(|g| g.start == p.start && g.end == p.end)
            {
                misses.push(Miss {
                    article: a.id.clone(),
                    kind: "fp",
                    text: txt(p.start, p.end),
                    note: String::new(),
                });
            }
        }
    }

    /// (precision, recall, F1) for exact and overlap match.
    pub fn prf(&self, overlap: bool) -> (f64, f64, f64) {
        let (tp_p, tp_r) = if overlap {
            (self.overlap_pred, self.overlap_gold)
        } else {
            (self.exact, self.exact)
        };
        let p = tp_p as f64 / self.predicted.max(1) as f64;
        let r = tp_r as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// Accuracy within 161 km and mean error (km, over those with coordinates).
    pub fn geo(&self) -> (f64, f64) {
        let with = self.geo_n - self.geo_no_coords;
        (
            self.geo_161 as f64 / self.geo_n.max(1) as f64,
            self.geo_err_sum / with.max(1) as f64,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lgl_xml_with_char_offsets_and_gaztag() {
        let xml = "<articles><article docid=\"1\"><text>Café in Paris.</text><toponyms><toponym><start>8</start><end>13</end><gaztag geonameid=\"2988507\"><lat>48.85</lat><lon>2.35</lon></gaztag><phrase>Paris</phrase></toponym></toponyms></article></articles>";
        let a = read_xml(xml).unwrap();
        let t = &a[0].toponyms[0];
        assert_eq!(&a[0].text[t.start..t.end], "Paris");
        assert_eq!(t.coords, Some((48.85, 2.35)));
    }

    #[test]
    fn scoring_is_exact_and_counts_far_geocodes() {
        let a = GoldArticle {
            id: "a".into(),
            text: "Paris and Lyon".into(),
            toponyms: vec![
                GoldToponym {
                    start: 0,
                    end: 5,
                    kind: "Literal".into(),
                    coords: Some((48.85, 2.35)),
                },
                GoldToponym {
                    start: 10,
                    end: 14,
                    kind: "Literal".into(),
                    coords: Some((45.75, 4.85)),
                },
            ],
        };
        let pred = [
            Predicted {
                start: 0,
                end: 5,
                coords: Some((33.66, -95.55)),
            },
            Predicted {
                start: 10,
                end: 13,
                coords: None,
            },
        ];
        let mut s = Scores::default();
        s.add(&a, &pred, &mut Vec::new());
        assert_eq!((s.exact, s.overlap_gold, s.geo_n, s.geo_161), (1, 2, 1, 0));
        assert!((haversine_km((0.0, 0.0), (0.0, 1.0)) - 111.2).abs() < 0.5);
    }
}
