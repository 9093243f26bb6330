//! This crate provides chronicle's temporal layer: a rule-based TimeML
//! TIMEX3 annotator that finds temporal expressions ("Sunday", "a day
//! earlier", "the past two months", "3 p.m. local time", "every week") and
//! resolves each to its TimeML type and value against the report's
//! publication date, plus a reader and scorer for TempEval-3 TimeML
//! corpora ([`eval`]).
//!
//! Overview, in the manner of HeidelTime and SUTime:
//! - [`lexicon`] classifies every token once (month, weekday, unit, number…);
//! - rule families in `rules/` (absolute dates, periods, holidays, relative
//!   dates, anaphoric shifts, times of day, durations, sets, modified
//!   expressions) each try to match at a token that can start an expression;
//!   the longest match wins;
//! - [`point`] holds the calendar arithmetic and the TimeML value formats;
//! - `tense` decides which side of the publication date a weekday or a bare
//!   month lies on, from the verbs around it;
//! - relative expressions that TimeML anchors on an earlier expression ("a
//!   day earlier", "a year earlier") are resolved against the last date the
//!   text mentioned, and say so in their [`TimexAnchor`].
//!
//! ```
//! use chronicle_core::{Annotator, Date, Document};
//! use chronicle_text::{SentenceSplitter, Tokenizer};
//! use chronicle_time::TimexAnnotator;
//! let mut doc = Document::new("d", Date::from_ymd_opt(2022, 3, 16).unwrap(),
//!     "Russia struck Sunday. A day earlier, the Kremlin warned the West.");
//! Tokenizer.annotate(&mut doc).unwrap();
//! SentenceSplitter.annotate(&mut doc).unwrap();
//! TimexAnnotator::new().annotate(&mut doc).unwrap();
//! let values: Vec<&str> = doc.layers.timexes().iter().map(|t| t.value.as_str()).collect();
//! assert_eq!(values, ["2022-03-13", "2022-03-12"]);
//! ```

pub mod eval;
pub mod lexicon;
pub mod point;
mod rules;
mod tense;

use chronicle_core::{
    AnnotateError, Annotator, Date, Document, Layer, LayerKind, Sentence, Span, Timex, TimexAnchor,
    TimexType, Token,
};
use lexicon::Lex;
use point::Point;

/// Adds the timexes layer; needs tokens and sentences.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimexAnnotator;

impl TimexAnnotator {
    pub fn new() -> TimexAnnotator {
        TimexAnnotator
    }
}

impl Annotator for TimexAnnotator {
    fn name(&self) -> &'static str {
        "timex"
    }
    fn languages(&self) -> &'static [&'static str] {
        &["en"]
    }
    fn needs(&self) -> &'static [LayerKind] {
        &[LayerKind::Tokens, LayerKind::Sentences]
    }
    fn adds(&self) -> &'static [LayerKind] {
        &[LayerKind::Timexes]
    }
    fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError> {
        let timexes = find_timexes(
            doc.body(),
            doc.date,
            doc.layers.tokens(),
            doc.layers.sentences(),
        );
        doc.layers.timexes = Some(Layer::new(self.name(), timexes));
        Ok(())
    }
}

/// One token as the rules see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub span: Span,
    pub text: &'a str,
    /// Lower-cased text.
    pub low: &'a str,
    pub lex: Lex,
}

impl Tok<'_> {
    /// Whether the token starts with a capital letter.
    pub fn cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// What a rule found at a token: the end of the match (exclusive token
/// index), the TimeML type and value, and the point it denotes when it is a
/// date others may be anchored on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub end: usize,
    pub kind: TimexType,
    pub value: String,
    pub point: Option<Point>,
    pub anchor: Option<TimexAnchor>,
}

impl Hit {
    pub fn date(end: usize, p: Point, anchor: Option<TimexAnchor>) -> Hit {
        Hit {
            end,
            kind: TimexType::Date,
            value: p.value(),
            point: Some(p),
            anchor,
        }
    }
    pub fn new(end: usize, kind: TimexType, value: impl Into<String>) -> Hit {
        Hit {
            end,
            kind,
            value: value.into(),
            point: None,
            anchor: None,
        }
    }
}

/// The state the rules read: the document's tokens, the current sentence,
/// the publication date and the dates mentioned so far.
pub(crate) struct Ctx<'a> {
    pub toks: &'a [Tok<'a>],
    pub dct: Date,
    /// Token range of the current sentence.
    pub sent: std::ops::Range<usize>,
    /// The last point the text mentioned, and where.
    pub last: Option<(Point, Span)>,
    /// The last day the text mentioned, and where.
    pub last_day: Option<(Date, Span)>,
    /// The first quarter the text named itself, and where: the reporting
    /// period a results story compares with "a year ago".
    pub last_quarter: Option<(Point, Span)>,
}

impl<'a> Ctx<'a> {
    /// Token `i` if it is inside the current sentence.
    #[inline]
    pub fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        if i < self.sent.end {
            self.toks.get(i)
        } else {
            None
        }
    }
    /// Lower-cased text of token `i`, or "" outside the sentence.
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| t.low)
    }
    /// Class of token `i`, or `Other` outside the sentence.
    #[inline]
    pub fn lex(&self, i: usize) -> Lex {
        self.tok(i).map_or(Lex::Other, |t| t.lex)
    }
    /// Lower-cased text of the token before `i` in the sentence, or "".
    pub fn prev_low(&self, i: usize) -> &str {
        if i > self.sent.start {
            self.toks.get(i - 1).map_or("", |t| t.low)
        } else {
            ""
        }
    }
    pub fn dct_anchor(&self) -> Option<TimexAnchor> {
        Some(TimexAnchor::PublicationDate)
    }
    /// The period a shift by years starts from: the quarter the text
    /// reports on (the first recent one it named) when it names one — "a
    /// year ago" in a results story is that quarter a year back, even
    /// after "the quarter ended Sept. 30", "in April" or a passing "after
    /// a flat second quarter" — else the last point when it is a month,
    /// half or season.
    pub fn year_period(&self) -> Option<(Point, Span)> {
        if self.last_quarter.is_some() {
            return self.last_quarter;
        }
        match self.last {
            Some((p @ Point::Quarter(..), span)) => {
                is_reporting_quarter(p, self.dct).then_some((p, span))
            }
            Some((p @ (Point::Month(..) | Point::Half(..) | Point::Season(..)), span)) => {
                Some((p, span))
            }
            _ => None,
        }
    }
}

/// Whether `p` is a quarter a report dated `dct` can be reporting on: one
/// that began within the fifteen months before it ("the third quarter of
/// 1984" in 1989 is history, not the period the story compares).
fn is_reporting_quarter(p: Point, dct: Date) -> bool {
    let Point::Quarter(..) = p else { return false };
    p.start()
        .is_some_and(|s| s <= dct && (dct - s).num_days() <= 456)
}

/// Finds the temporal expressions of `body`, given its tokens and sentences.
pub fn find_timexes(body: &str, dct: Date, tokens: &[Token], sentences: &[Sentence]) -> Vec<Timex> {
    // Lower-case every token once into one buffer.
    let mut lower = String::with_capacity(body.len());
    let mut ranges = Vec::with_capacity(tokens.len());
    for t in tokens {
        let text = body.get(t.span.range()).unwrap_or("");
        let start = lower.len();
        if text.is_ascii() {
            lower.extend(text.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            lower.extend(text.chars().flat_map(char::to_lowercase));
        }
        ranges.push(start..lower.len());
    }
    let toks: Vec<Tok> = tokens
        .iter()
        .zip(&ranges)
        .map(|(t, r)| {
            let low = lower.get(r.clone()).unwrap_or("");
            Tok {
                span: t.span,
                text: body.get(t.span.range()).unwrap_or(""),
                low,
                lex: lexicon::classify(low),
            }
        })
        .collect();

    // "ABC's "This Week"", "60 Minutes": a capitalized unit word inside a
    // sentence is part of a title, not a unit.
    let mut toks = toks;
    for s in sentences {
        let range = s.token_range();
        for k in range.start.saturating_add(1)..range.end.min(toks.len()) {
            let t = &mut toks[k];
            if matches!(t.lex, Lex::Unit(..) | Lex::DayPart(_)) && t.cap() {
                t.lex = Lex::Other;
            }
        }
    }
    let toks = toks;
    let mut cx = Ctx {
        toks: &toks,
        dct,
        sent: 0..0,
        last: None,
        last_day: None,
        last_quarter: None,
    };
    let mut out: Vec<Timex> = Vec::new();
    let whole = [Sentence {
        span: Span::new(0, body.len()),
        first_token: 0,
        end_token: toks.len() as u32,
    }];
    let sentences = if sentences.is_empty() {
        &whole[..]
    } else {
        sentences
    };
    for s in sentences {
        let range = s.token_range();
        let end = range.end.min(toks.len());
        cx.sent = range.start.min(end)..end;
        let mut i = cx.sent.start;
        while i < end {
            let t = &toks[i];
            if !rules::is_trigger(t.lex, t.low) || !rules::worth_trying(&cx, i) {
                i += 1;
                continue;
            }
            match rules::best(&cx, i) {
                Some(hit) if hit.end > i && hit.end <= end => {
                    let span = Span::new(t.span.start(), toks[hit.end - 1].span.end());
                    if let Some(p) = hit.point {
                        // Only what the text dates itself sets the reference
                        // period: "a year earlier" after "a year earlier" is
                        // still a year before the quarter the story is about.
                        if hit.anchor.is_none() {
                            cx.last = Some((p, span));
                            if cx.last_quarter.is_none() && is_reporting_quarter(p, dct) {
                                cx.last_quarter = Some((p, span));
                            }
                        }
                        if let Point::Day(d) = p {
                            cx.last_day = Some((d, span));
                        }
                    }
                    if out.last().is_none_or(|prev| prev.span.end <= span.start)
                        && !hit.value.is_empty()
                    {
                        out.push(Timex {
                            span,
                            kind: hit.kind,
                            value: hit.value,
                            anchor: hit.anchor,
                        });
                    }
                    i = hit.end;
                }
                _ => i += 1,
            }
        }
    }
    out
}

/// Tokenizes, splits and annotates `body`: the whole text layer plus this
/// one, for the evaluation and the bench.
pub fn annotate_text(body: &str, dct: Date) -> Vec<Timex> {
    let tokens = chronicle_text::tokenize(body);
    let sentences = chronicle_text::split_sentences(body, &tokens);
    find_timexes(body, dct, &tokens, &sentences)
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// `(text, value)` of every timex found in `text` dated `dct`.
    pub fn run(text: &str, dct: &str) -> Vec<(String, String)> {
        let dct = chronicle_core::parse_date(dct).expect("test date");
        annotate_text(text, dct)
            .into_iter()
            .map(|t| (t.span.text(text).to_owned(), t.value))
            .collect()
    }

    /// Asserts that `text` (dated `dct`) yields exactly these pairs.
    #[track_caller]
    pub fn check(text: &str, dct: &str, want: &[(&str, &str)]) {
        let got = run(text, dct);
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want, "in {text:?}");
    }
}
