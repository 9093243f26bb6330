//! TempEval-3 task A evaluation of temporal expressions.
//!
//! [`tml`] reads the TimeML gold; [`Scorer`] compares the annotator's
//! timexes with it the way the official TempEval-3 scorer does (UzZaman et
//! al. 2013, §4.1):
//!
//! - **strict** match: identical extents (after trimming white space);
//!   **relaxed** match: overlapping extents;
//! - precision = system timexes that match some gold timex / system timexes;
//!   recall = gold timexes that match some system timex / gold timexes;
//!   micro-averaged over all documents;
//! - attributes (`type`, `value`) are compared on relaxed matches, each
//!   gold timex against the system timex that overlaps it most:
//!   accuracy = correct / relaxed matches, and **attribute F1 = accuracy ×
//!   relaxed F1** (the task ranked systems by value F1).
//!
//! The DCT is given, not scored. Every miss is kept for study.

pub mod tml;

use chronicle_core::{Span, Timex};
use std::fmt;
pub use tml::{parse_tml, GoldTimex, TmlDoc, TmlError};

/// Raw counts over a corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub docs: usize,
    pub gold: usize,
    pub system: usize,
    /// System timexes with an identical gold extent.
    pub strict_sys: usize,
    /// Gold timexes with an identical system extent.
    pub strict_gold: usize,
    /// System timexes overlapping some gold timex.
    pub relaxed_sys: usize,
    /// Gold timexes overlapping some system timex.
    pub relaxed_gold: usize,
    /// Of the relaxed-matched gold timexes: type right, value right.
    pub type_ok: usize,
    pub value_ok: usize,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

use chronicle_core::metrics::ratio;

fn prf(matched_sys: usize, sys: usize, matched_gold: usize, gold: usize) -> Prf {
    let p = ratio(matched_sys, sys);
    let r = ratio(matched_gold, gold);
    let f1 = chronicle_core::metrics::f1(p, r);
    Prf { p, r, f1 }
}

impl Counts {
    pub fn strict(&self) -> Prf {
        prf(self.strict_sys, self.system, self.strict_gold, self.gold)
    }
    pub fn relaxed(&self) -> Prf {
        prf(self.relaxed_sys, self.system, self.relaxed_gold, self.gold)
    }
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_ok, self.relaxed_gold)
    }
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_ok, self.relaxed_gold)
    }
    pub fn type_f1(&self) -> f64 {
        self.type_accuracy() * self.relaxed().f1
    }
    pub fn value_f1(&self) -> f64 {
        self.value_accuracy() * self.relaxed().f1
    }
}

/// What went wrong with one expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MissKind {
    /// Gold timex no system timex overlaps.
    FalseNegative,
    /// System timex no gold timex overlaps.
    FalsePositive,
    /// Matched, but the value differs.
    WrongValue,
    /// Matched with the right value, but the extent differs.
    WrongExtent,
}

/// One miss, with its sentence-sized context.
#[derive(Debug, Clone)]
pub struct Miss {
    pub kind: MissKind,
    pub doc: String,
    pub dct: String,
    pub gold_text: String,
    pub gold_value: String,
    pub system_text: String,
    pub system_value: String,
    pub context: String,
}

/// Per gold type: gold timexes, relaxed-matched ones, right values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeCounts {
    pub gold: usize,
    pub matched: usize,
    pub value_ok: usize,
}

/// Accumulates counts and misses document by document.
#[derive(Debug, Default)]
pub struct Scorer {
    pub counts: Counts,
    /// By gold `type` (DATE, TIME, DURATION, SET).
    pub by_type: std::collections::BTreeMap<String, TypeCounts>,
    pub misses: Vec<Miss>,
}

fn trim(text: &str, span: Span) -> Span {
    let s = text.get(span.range()).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return span;
    }
    Span::new(span.start() + lead, span.end() - trail)
}

fn overlap(a: Span, b: Span) -> usize {
    (a.end.min(b.end) as usize).saturating_sub(a.start.max(b.start) as usize)
}

fn context(text: &str, span: Span) -> String {
    let mut lo = span.start().saturating_sub(60);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (span.end() + 60).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let (a, b, c) = (
        text.get(lo..span.start()).unwrap_or(""),
        text.get(span.range()).unwrap_or(""),
        text.get(span.end()..hi).unwrap_or(""),
    );
    format!("{a}[{b}]{c}").replace(['\n', '\t'], " ")
}

impl Scorer {
    /// Scores the system's timexes for one gold document.
    pub fn add(&mut self, doc: &TmlDoc, system: &[Timex]) {
        let text = doc.text.as_str();
        let gold: Vec<Span> = doc.timexes.iter().map(|g| trim(text, g.span)).collect();
        let sys: Vec<Span> = system.iter().map(|s| trim(text, s.span)).collect();
        let c = &mut self.counts;
        c.docs += 1;
        c.gold += gold.len();
        c.system += sys.len();
        let slice = |s: Span| text.get(s.range()).unwrap_or("").to_owned();
        for (k, &s) in sys.iter().enumerate() {
            if gold.contains(&s) {
                c.strict_sys += 1;
            }
            if gold.iter().any(|&g| overlap(g, s) > 0) {
                c.relaxed_sys += 1;
            } else {
                self.misses.push(Miss {
                    kind: MissKind::FalsePositive,
                    doc: doc.id.clone(),
                    dct: doc.dct.to_string(),
                    gold_text: String::new(),
                    gold_value: String::new(),
                    system_text: slice(s),
                    system_value: system[k].value.clone(),
                    context: context(text, s),
                });
            }
        }
        for (g, gt) in gold.iter().zip(&doc.timexes) {
            if sys.contains(g) {
                c.strict_gold += 1;
            }
            let best = sys
                .iter()
                .enumerate()
                .map(|(k, &s)| (overlap(*g, s), k))
                .filter(|&(o, _)| o > 0)
                .max_by_key(|&(o, k)| (o, std::cmp::Reverse(k)));
            let mut miss = Miss {
                kind: MissKind::FalseNegative,
                doc: doc.id.clone(),
                dct: doc.dct.to_string(),
                gold_text: slice(*g),
                gold_value: gt.value.clone(),
                system_text: String::new(),
                system_value: String::new(),
                context: context(text, *g),
            };
            let per = self.by_type.entry(gt.kind.clone()).or_default();
            per.gold += 1;
            let Some((_, k)) = best else {
                self.misses.push(miss);
                continue;
            };
            per.matched += 1;
            if system[k].value == gt.value {
                per.value_ok += 1;
            }
            c.relaxed_gold += 1;
            let st = &system[k];
            if st.kind.label() == gt.kind {
                c.type_ok += 1;
            }
            miss.system_text = slice(sys[k]);
            miss.system_value = st.value.clone();
            if st.value == gt.value {
                c.value_ok += 1;
                if sys[k] != *g {
                    miss.kind = MissKind::WrongExtent;
                    self.misses.push(miss);
                }
            } else {
                miss.kind = MissKind::WrongValue;
                self.misses.push(miss);
            }
        }
    }
}

impl Scorer {
    /// One line per gold type: count, relaxed recall, value accuracy.
    pub fn type_table(&self) -> String {
        let mut out = String::from("by gold type   gold  recall  value acc");
        for (kind, t) in &self.by_type {
            out.push_str(&format!(
                "\n  {kind:<10} {:>6}  {:.4}  {:.4}",
                t.gold,
                ratio(t.matched, t.gold),
                ratio(t.value_ok, t.matched)
            ));
        }
        out
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, r) = (self.strict(), self.relaxed());
        writeln!(
            f,
            "TempEval-3 task A (TIMEX3): {} documents, {} gold, {} system",
            self.docs, self.gold, self.system
        )?;
        writeln!(f, "             P       R       F1")?;
        writeln!(f, "strict    {:.4}  {:.4}  {:.4}", s.p, s.r, s.f1)?;
        writeln!(f, "relaxed   {:.4}  {:.4}  {:.4}", r.p, r.r, r.f1)?;
        writeln!(
            f,
            "type      accuracy {:.4}  F1 {:.4}",
            self.type_accuracy(),
            self.type_f1()
        )?;
        write!(
            f,
            "value     accuracy {:.4}  F1 {:.4}",
            self.value_accuracy(),
            self.value_f1()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::TimexType;

    fn gold(text: &str, spans: &[(usize, usize, &str)]) -> TmlDoc {
        TmlDoc {
            id: "d".into(),
            dct: chronicle_core::Date::from_ymd_opt(2022, 3, 16).unwrap(),
            text: text.into(),
            timexes: spans
                .iter()
                .map(|&(a, b, v)| GoldTimex {
                    span: Span::new(a, b),
                    kind: "DATE".into(),
                    value: v.into(),
                })
                .collect(),
        }
    }

    fn sys(a: usize, b: usize, v: &str) -> Timex {
        Timex {
            span: Span::new(a, b),
            kind: TimexType::Date,
            value: v.into(),
            anchor: None,
        }
    }

    #[test]
    fn strict_relaxed_and_value_figures() {
        // gold: "last week" (0..9), "Sunday" (14..20), "today" (25..30)
        let doc = gold(
            "last week and Sunday and today",
            &[
                (0, 9, "2022-W10"),
                (14, 20, "2022-03-13"),
                (25, 30, "2022-03-16"),
            ],
        );
        // system: "week" (overlap, right value), "Sunday" (exact, wrong value), "and" (false positive)
        let out = [
            sys(5, 9, "2022-W10"),
            sys(14, 20, "2022-03-20"),
            sys(21, 24, "X"),
        ];
        let mut s = Scorer::default();
        s.add(&doc, &out);
        let c = s.counts;
        assert_eq!(
            (c.strict_sys, c.strict_gold, c.relaxed_sys, c.relaxed_gold),
            (1, 1, 2, 2)
        );
        let r = c.relaxed();
        assert!((r.p - 2.0 / 3.0).abs() < 1e-12 && (r.r - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.value_accuracy() - 0.5).abs() < 1e-12);
        assert!((c.value_f1() - 0.5 * r.f1).abs() < 1e-12);
        let kinds: Vec<MissKind> = s.misses.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                MissKind::FalsePositive,
                MissKind::WrongExtent,
                MissKind::WrongValue,
                MissKind::FalseNegative
            ]
        );
    }
}
