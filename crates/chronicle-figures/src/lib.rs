//! This crate provides chronicle's figures layer: the numbers of a news
//! report with what they count — "at least 35 people killed", "more than
//! 100 injured", "100,000 U.S. troops in Europe", "$2.3bn", "15 miles".
//!
//! [`FigureAnnotator`] reads the tokens and sentences (and the timexes when
//! an earlier annotator added them, to leave dates and durations out) and
//! adds the figures layer. The rules are hand-written and token-driven:
//!
//! - `number.rs` reads one token as a number (digits, words, compounds);
//! - `scan.rs` builds the expression around it (qualifier, currency, scale,
//!   range, unit);
//! - `exclude.rs` refuses designations, dates, ages, scores and pronouns;
//! - `counted.rs` finds what is counted, whose and where, and picks the
//!   category from the cues of `category.rs`;
//! - `lexicon/` holds the word lists: `numbers.rs` (number words, scales,
//!   qualifiers, currencies, units) and `context.rs` (words around numbers).
//!
//! Choices, as the annotation guideline (`gold/GUIDELINE.md`) states them:
//!
//! - the extent is the number with its qualifier, currency and following
//!   unit ("at least 35", "$2.3bn", "15 miles", "5%"); in a compound only the
//!   number ("30" in "30-member", whose noun is the counted phrase);
//! - vague plurals are ranges open at the top, with `value = low`:
//!   "dozens" ≥ 24, "scores" ≥ 40, "hundreds" ≥ 100, "thousands" ≥ 1,000,
//!   "tens of thousands" ≥ 10,000, "hundreds of thousands" ≥ 100,000,
//!   "millions" ≥ 1,000,000, "several hundred" ≥ 300;
//! - ranges ("between 36 and 40", "30-40", "two or three") have
//!   `value = low`; "from 14 to 31" is two figures (a change, not a range);
//! - "tons of ammunition", "just miles from" hold no number: not figures;
//! - "one" is a figure only before a person noun or a casualty word ("one
//!   person dead"), never as a pronoun ("one of the", "one walking away").
//!
//! ```
//! use chronicle_core::{Annotator, Date, Document, FigureCategory};
//! let mut doc = Document::new("d", Date::from_ymd_opt(2022, 3, 16).unwrap(),
//!     "The attack killed at least 35 people and injured more than 100.");
//! chronicle_text::Tokenizer.annotate(&mut doc).unwrap();
//! chronicle_text::SentenceSplitter.annotate(&mut doc).unwrap();
//! chronicle_figures::FigureAnnotator.annotate(&mut doc).unwrap();
//! let f = doc.layers.figures();
//! assert_eq!(f[0].value, 35.0);
//! assert_eq!(f[0].category, FigureCategory::Killed);
//! assert_eq!(f[1].category, FigureCategory::Injured);
//! chronicle_core::validate(&doc).unwrap();
//! ```

mod category;
mod coordination;
mod counted;
mod ctx;
pub mod eval;
mod exclude;
mod lexicon;
mod number;
mod scan;

use chronicle_core::{
    AnnotateError, Annotator, Document, Figure, Layer, LayerKind, Sentence, Span, Token,
};
use counted::{describe, Prev};
use scan::{scan_at, Ctx, Step};

/// The hand-annotated gold set (`gold/figures.jsonl`), built into the crate
/// so that `chronicle eval figures` and the tests need no outside files.
pub const GOLD: &str = include_str!("../gold/figures.jsonl");

/// Adds the figures layer; needs tokens and sentences, reads timexes when
/// present.
#[derive(Debug, Clone, Copy, Default)]
pub struct FigureAnnotator;

impl Annotator for FigureAnnotator {
    fn name(&self) -> &'static str {
        "figures"
    }
    fn languages(&self) -> &'static [&'static str] {
        &["en"]
    }
    fn needs(&self) -> &'static [LayerKind] {
        &[LayerKind::Tokens, LayerKind::Sentences]
    }
    fn adds(&self) -> &'static [LayerKind] {
        &[LayerKind::Figures]
    }
    fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError> {
        let timexes: Vec<Span> = doc.layers.timexes().iter().map(|t| t.span).collect();
        let figures = find_figures(
            doc.body(),
            doc.layers.tokens(),
            doc.layers.sentences(),
            &timexes,
        );
        doc.layers.figures = Some(Layer::new(self.name(), figures));
        Ok(())
    }
}

/// The figures of a text, sorted and disjoint. `timexes` are spans of
/// temporal expressions (sorted by start); numbers inside them are left out.
pub fn find_figures(
    body: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    timexes: &[Span],
) -> Vec<Figure> {
    let mut sorted_timexes;
    let timexes = if timexes.windows(2).all(|w| w[0] <= w[1]) {
        timexes
    } else {
        sorted_timexes = timexes.to_vec();
        sorted_timexes.sort();
        &sorted_timexes
    };
    let lower = body.to_ascii_lowercase();
    let mut out: Vec<Figure> = Vec::new();
    for s in sentences {
        let range = s.token_range();
        if range.end > tokens.len() || range.start >= range.end {
            continue;
        }
        let c = Ctx {
            body,
            lower: &lower,
            toks: tokens,
            lo: range.start,
            hi: range.end,
            timexes,
        };
        let mut prev: Option<Prev> = None;
        let first_of_sentence = out.len();
        let before = out.last().map(|f| f.category);
        let mut i = range.start;
        while i < range.end {
            if !may_start(&c, i) {
                i += 1;
                continue;
            }
            match scan_at(&c, i) {
                Some(Step::Found(e)) => {
                    let (mut fig, used_end) = describe(&c, &e, prev);
                    if let Some(f) = partitive_category(&c, &e, &fig, before) {
                        fig.category = f;
                    }
                    prev = Some(Prev {
                        end_tok: used_end,
                        counted: fig.counted,
                        first: e.first,
                        category: fig.category,
                        money: e.unit.filter(|_| e.measure == scan::Measure::Money),
                    });
                    if out.last().is_none_or(|l| l.span.end <= fig.span.start)
                        && !fig.span.is_empty()
                    {
                        out.push(fig);
                    }
                    i = e.end.max(i + 1);
                }
                Some(Step::Skip(next)) => i = next.max(i + 1),
                None => i += 1,
            }
        }
        coordination::share_units(body, &mut out[first_of_sentence..]);
    }
    out
}

/// "224 deaths were investigated. Of them, 210 were …, while 13 other
/// cases remain open": in a sentence opened by a partitive pronoun, a count
/// of the set's members (nothing counted, people, or cases) that found no
/// category of its own takes the casualty category of the figure before
/// the sentence.
fn partitive_category(
    c: &Ctx,
    e: &scan::Expr,
    fig: &chronicle_core::Figure,
    before: Option<chronicle_core::FigureCategory>,
) -> Option<chronicle_core::FigureCategory> {
    let f = before.filter(|&f| category::is_casualty(f))?;
    if fig.category != chronicle_core::FigureCategory::Other
        || e.measure != scan::Measure::Count
        || !category::partitive_opening(c, e.first)
    {
        return None;
    }
    let member = fig.counted.is_none_or(|s| {
        let head = c.lower[s.range()].rsplit(' ').next().unwrap_or("");
        matches!(head, "cases" | "others" | "victims") || lexicon::person_noun(head)
    });
    member.then_some(f)
}

/// A cheap test before the full scan: digits, a symbol, or a word that can
/// open a number expression (a qualifier, a number word, a vague plural, a
/// currency). Most tokens are ordinary words and stop here.
#[inline]
fn may_start(c: &Ctx, i: usize) -> bool {
    let t = c.low(i);
    let Some(&b) = t.as_bytes().first() else {
        return false;
    };
    if !b.is_ascii_alphabetic() || t.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    if t.len() <= 2 && c.kind(i + 1) == Some(chronicle_core::TokenKind::Symbol) {
        // A country code before a currency symbol ("RU₽").
        return true;
    }
    let head = t.split('-').next().unwrap_or(t);
    matches!(
        head,
        "at" | "more"
            | "upwards"
            | "excess"
            | "less"
            | "fewer"
            | "up"
            | "many"
            | "much"
            | "close"
            | "just"
            | "as"
            | "no"
            | "a"
            | "an"
            | "between"
            | "half"
            | "several"
            | "us"
            | "c"
            | "nz"
            | "hk"
            | "ca"
    ) || lexicon::qualifier1(head).is_some()
        || lexicon::small_number_word(head).is_some()
        || lexicon::vague_plural(head).is_some()
        || lexicon::currency_prefix(head).is_some()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_support;
