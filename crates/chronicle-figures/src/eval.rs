//! Scoring figures against the hand-annotated gold set
//! (`gold/figures.jsonl`, format in `gold/README.md`).
//!
//! Extents match exactly (same start and end) — that is the score the goals
//! are set on; an overlap match (one-to-one, greedy in text order) is
//! reported beside it to show how many misses are only boundary
//! disagreements. Value, approx, unit, category and counted accuracies are
//! computed on exactly matched figures only. Value accuracy requires
//! `value`, `low` and `high` all equal (relative tolerance 1e-9); a missing
//! bound on one side and a bound on the other is a mismatch.

use chronicle_core::{Approx, CharOffsets, Figure, FigureCategory, Span};
use serde::Deserialize;

/// One gold article.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    pub date: String,
    /// `dev` (rules tuned on it) or `test` (held out).
    pub split: String,
    pub text: String,
    pub figures: Vec<GoldFigure>,
}

/// One gold figure; offsets are code points, as in chronicle's output.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldFigure {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: f64,
    #[serde(default)]
    pub low: Option<f64>,
    #[serde(default)]
    pub high: Option<f64>,
    pub approx: Approx,
    #[serde(default)]
    pub unit: Option<String>,
    pub category: FigureCategory,
    #[serde(default)]
    pub counted: Option<GoldSpan>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
}

/// Reads the gold file: one article per line.
pub fn read_gold(src: &str) -> Result<Vec<GoldArticle>, String> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", n + 1)))
        .collect()
}

/// Counts for one part of the set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub exact: usize,
    pub overlap: usize,
    pub value_ok: usize,
    pub approx_ok: usize,
    pub unit_ok: usize,
    pub category_ok: usize,
    pub counted_ok: usize,
}

use chronicle_core::metrics::ratio;

use chronicle_core::metrics::f1;

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.exact, self.system)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.exact, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    pub fn overlap_f1(&self) -> f64 {
        f1(
            ratio(self.overlap, self.system),
            ratio(self.overlap, self.gold),
        )
    }
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_ok, self.exact)
    }
    pub fn category_accuracy(&self) -> f64 {
        ratio(self.category_ok, self.exact)
    }
    pub fn approx_accuracy(&self) -> f64 {
        ratio(self.approx_ok, self.exact)
    }
    pub fn unit_accuracy(&self) -> f64 {
        ratio(self.unit_ok, self.exact)
    }
    pub fn counted_accuracy(&self) -> f64 {
        ratio(self.counted_ok, self.exact)
    }
}

/// What went wrong with one figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissKind {
    /// Gold figure with no system figure of the same extent.
    FalseNegative,
    /// System figure with no gold figure of the same extent.
    FalsePositive,
    WrongValue,
    WrongCategory,
}

/// One miss, with the texts to show.
#[derive(Debug, Clone)]
pub struct Miss {
    pub kind: MissKind,
    pub doc: String,
    pub text: String,
    pub detail: String,
    pub context: String,
}

fn same(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

fn same_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same(a, b),
        _ => false,
    }
}

fn describe_fig(value: f64, low: Option<f64>, high: Option<f64>, cat: FigureCategory) -> String {
    let mut s = format!("{value}");
    if low.is_some() || high.is_some() {
        let show = |x: Option<f64>| x.map_or("·".to_string(), |v| v.to_string());
        s.push_str(&format!(" [{}, {}]", show(low), show(high)));
    }
    format!("{s} {cat:?}").to_lowercase()
}

/// Scores one article's system figures (byte spans into `text`) against
/// its gold, adding to `counts` and `misses`.
pub fn score(gold: &GoldArticle, system: &[Figure], counts: &mut Counts, misses: &mut Vec<Miss>) {
    let text = gold.text.as_str();
    let offs = CharOffsets::new(text);
    let byte = |c: usize| offs.byte_of(c).unwrap_or(text.len());
    let gspans: Vec<Span> = gold
        .figures
        .iter()
        .map(|g| Span::new(byte(g.start), byte(g.end).max(byte(g.start))))
        .collect();
    let context = |s: Span| {
        let mut a = s.start().saturating_sub(60);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (s.end() + 60).min(text.len());
        while !text.is_char_boundary(b) {
            b += 1;
        }
        text[a..b].replace('\n', " ")
    };
    counts.gold += gold.figures.len();
    counts.system += system.len();
    let mut sys_used = vec![false; system.len()];
    let mut sys_overlap = vec![false; system.len()];
    for (g, gs) in gold.figures.iter().zip(&gspans) {
        if let Some(k) = system.iter().position(|f| f.span == *gs) {
            sys_used[k] = true;
            let f = &system[k];
            counts.exact += 1;
            let value_ok =
                same(f.value, g.value) && same_opt(f.low, g.low) && same_opt(f.high, g.high);
            counts.value_ok += value_ok as usize;
            counts.approx_ok += (f.approx == g.approx) as usize;
            counts.unit_ok += (f.unit == g.unit) as usize;
            counts.category_ok += (f.category == g.category) as usize;
            let gc = g
                .counted
                .as_ref()
                .map(|c| Span::new(byte(c.start), byte(c.end)));
            counts.counted_ok += (f.counted == gc) as usize;
            for (ok, kind) in [
                (value_ok, MissKind::WrongValue),
                (f.category == g.category, MissKind::WrongCategory),
            ] {
                if !ok {
                    misses.push(Miss {
                        kind,
                        doc: gold.id.clone(),
                        text: g.text.clone(),
                        detail: format!(
                            "{} → {}",
                            describe_fig(g.value, g.low, g.high, g.category),
                            describe_fig(f.value, f.low, f.high, f.category)
                        ),
                        context: context(*gs),
                    });
                }
            }
        } else {
            let near = system.iter().position(|f| f.span.overlaps(*gs));
            let detail = near.map_or(String::new(), |k| {
                format!("system has {:?}", &text[system[k].span.range()])
            });
            misses.push(Miss {
                kind: MissKind::FalseNegative,
                doc: gold.id.clone(),
                text: g.text.clone(),
                detail,
                context: context(*gs),
            });
        }
        if let Some(k) =
            (0..system.len()).find(|&k| !sys_overlap[k] && system[k].span.overlaps(*gs))
        {
            sys_overlap[k] = true;
            counts.overlap += 1;
        }
    }
    for (k, f) in system.iter().enumerate() {
        if !sys_used[k] {
            misses.push(Miss {
                kind: MissKind::FalsePositive,
                doc: gold.id.clone(),
                text: text[f.span.range()].to_owned(),
                detail: describe_fig(f.value, f.low, f.high, f.category),
                context: context(f.span),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(s: usize, e: usize, value: f64, category: FigureCategory) -> Figure {
        Figure {
            span: Span::new(s, e),
            value,
            low: None,
            high: None,
            approx: Approx::Exact,
            unit: None,
            category,
            counted: None,
            of: None,
            place: None,
        }
    }

    #[test]
    fn exact_extents_only_and_strict_values() {
        let gold = read_gold(r#"{"id":"a","date":"2022-03-16","split":"dev","text":"at least 35 died, 100 hurt","figures":[{"start":0,"end":11,"text":"at least 35","value":35,"approx":"at_least","category":"killed"},{"start":18,"end":21,"text":"100","value":100,"low":100,"approx":"exact","category":"injured"}]}"#).unwrap();
        let mut c = Counts::default();
        let mut m = Vec::new();
        // "35" alone is an overlap, not a match; 100 has the right extent
        // but no low bound: a value miss.
        let sys = [
            fig(9, 11, 35.0, FigureCategory::Killed),
            fig(18, 21, 100.0, FigureCategory::Injured),
        ];
        score(&gold[0], &sys, &mut c, &mut m);
        assert_eq!((c.gold, c.system, c.exact, c.overlap), (2, 2, 1, 2));
        assert_eq!((c.value_ok, c.category_ok), (0, 1));
        assert_eq!(
            m.iter()
                .filter(|m| m.kind == MissKind::FalseNegative)
                .count(),
            1
        );
        assert_eq!(
            m.iter()
                .filter(|m| m.kind == MissKind::FalsePositive)
                .count(),
            1
        );
    }
}
