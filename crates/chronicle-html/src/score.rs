//! The two benchmarks' metrics, ported exactly so chronicle's figures are
//! comparable with the published ones.
//!
//! - ScrapingHub article-extraction benchmark (`evaluate.py`): `\w+` tokens,
//!   multiset of token 4-grams, per-page tp/fp/fn normalised to sum 1,
//!   corpus precision and recall as means over the pages where they are
//!   defined, F1 of the two means; accuracy = exact token-sequence match.
//! - trafilatura's evaluation (`tests/evaluate.py`): whitespace-normalised,
//!   case-sensitive substring presence of `with` (tp/fn) and `without`
//!   (fp/tn) segments, summed over pages (micro).
//!
//! Invariant: the port reproduces the published dev figures from the
//! benchmarks' reference outputs to three decimals (`chronicle eval html
//! --system NAME`).

use std::collections::HashMap;

/// Python's `re` `\w` is `str.isalnum()` or `_`: Unicode letters (L*) and
/// numbers (N*), not combining marks — unlike Rust's `\w` and
/// `char::is_alphanumeric`, which take marks in.
static WORD: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"[\p{L}\p{N}_]+").unwrap());

/// The `\w+` tokens of `text`, as Python's `re.findall` gives them.
pub fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    if toks.len() < 4 {
        *m.entry(toks.to_vec()).or_insert(0) += 1;
        return m;
    }
    for w in toks.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// One page's ScrapingHub score: precision and recall where defined, and
/// whether the token sequences are equal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageShingles {
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub exact: bool,
}

impl PageShingles {
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision.unwrap_or(0.0), self.recall.unwrap_or(0.0));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores one predicted body against the gold body.
pub fn shingle_page(gold: &str, pred: &str) -> PageShingles {
    let (gt, pt) = (tokens(gold), tokens(pred));
    let (gs, ps) = (shingles(&gt), shingles(&pt));
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for (k, &g) in &gs {
        let p = ps.get(k).copied().unwrap_or(0);
        tp += g.min(p);
        fneg += g.saturating_sub(p);
    }
    for (k, &p) in &ps {
        let g = gs.get(k).copied().unwrap_or(0);
        fp += p.saturating_sub(g);
    }
    let total = (tp + fp + fneg) as f64;
    let (tp, fp, fneg) = if total > 0.0 {
        (tp as f64 / total, fp as f64 / total, fneg as f64 / total)
    } else {
        (0.0, 0.0, 0.0)
    };
    let (precision, recall) = if fp == 0.0 && fneg == 0.0 {
        (Some(1.0), Some(1.0))
    } else {
        (
            (tp + fp > 0.0).then(|| tp / (tp + fp)),
            (tp + fneg > 0.0).then(|| tp / (tp + fneg)),
        )
    };
    // An empty prediction is left out of precision (tp = fp = 0 there).
    PageShingles {
        precision,
        recall,
        exact: gt == pt,
    }
}

/// Corpus ScrapingHub figures: (precision, recall, F1, accuracy).
pub fn shingle_corpus(pages: &[PageShingles]) -> (f64, f64, f64, f64) {
    let mean = |xs: Vec<f64>| {
        if xs.is_empty() {
            0.0
        } else {
            xs.iter().sum::<f64>() / xs.len() as f64
        }
    };
    let p = mean(pages.iter().filter_map(|x| x.precision).collect());
    let r = mean(pages.iter().filter_map(|x| x.recall).collect());
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let acc = pages.iter().filter(|x| x.exact).count() as f64 / pages.len().max(1) as f64;
    (p, r, f1, acc)
}

/// Segment counts of trafilatura's evaluation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Segments {
    pub tp: usize,
    pub fp: usize,
    pub fneg: usize,
    pub tn: usize,
}

impl std::ops::AddAssign for Segments {
    fn add_assign(&mut self, o: Segments) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fneg += o.fneg;
        self.tn += o.tn;
    }
}

impl Segments {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fneg)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fneg)
    }
    pub fn accuracy(&self) -> f64 {
        ratio(self.tp + self.tn, self.tp + self.fp + self.fneg + self.tn)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Python's `\s+` → one space, then trimmed.
pub fn normalize_ws(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scores one page's output against its `with` and `without` segments.
pub fn segment_page(pred: &str, with: &[String], without: &[String]) -> Segments {
    let pred = normalize_ws(pred);
    let mut s = Segments::default();
    for seg in with {
        if pred.contains(&normalize_ws(seg)) {
            s.tp += 1;
        } else {
            s.fneg += 1;
        }
    }
    for seg in without {
        if pred.contains(&normalize_ws(seg)) {
            s.fp += 1;
        } else {
            s.tn += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_follow_evaluate_py() {
        let p = shingle_page("a b c d e", "a b c d e");
        assert_eq!(
            (p.precision, p.recall, p.exact),
            (Some(1.0), Some(1.0), true)
        );
        let p = shingle_page("a b c d e", "");
        assert_eq!((p.precision, p.recall), (None, Some(0.0)));
        let p = shingle_page("a b c d e", "a b c d x");
        // gold shingles abcd, bcde; pred abcd, bcdx: tp 1, fp 1, fn 1.
        assert_eq!((p.precision, p.recall), (Some(0.5), Some(0.5)));
        let p = shingle_page("one two", "one two");
        assert!(p.exact && p.precision == Some(1.0));
    }

    #[test]
    fn segments_are_whitespace_normalised_substrings() {
        let s = segment_page(
            "The  cat\nsat.",
            &["cat sat".into(), "dog".into()],
            &["The".into()],
        );
        assert_eq!(
            s,
            Segments {
                tp: 1,
                fneg: 1,
                fp: 1,
                tn: 0
            }
        );
    }
}
