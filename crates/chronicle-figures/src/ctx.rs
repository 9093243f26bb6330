//! The view the rules work on: one sentence's tokens with their text and
//! lower-cased text (the body lower-cased in ASCII once per document, so
//! byte offsets are shared), and the timex spans to stay out of.
//! Lookups outside the sentence return `""` / `None`, so rules can peek at
//! `i - 1` or `i + 2` without bounds checks of their own.

use chronicle_core::{Span, Token, TokenKind};

/// One sentence's tokens with their text and lower-cased text.
pub struct Ctx<'a> {
    pub body: &'a str,
    /// `body` lower-cased in ASCII: same byte offsets.
    pub lower: &'a str,
    pub toks: &'a [Token],
    /// The sentence's token range.
    pub lo: usize,
    pub hi: usize,
    /// Spans of temporal expressions, sorted.
    pub timexes: &'a [Span],
}

impl<'a> Ctx<'a> {
    /// Lower-cased text of token `i`, or `""` outside the sentence.
    #[inline]
    pub fn low(&self, i: usize) -> &'a str {
        if i >= self.lo && i < self.hi {
            &self.lower[self.toks[i].span.range()]
        } else {
            ""
        }
    }

    #[inline]
    pub fn text(&self, i: usize) -> &'a str {
        if i >= self.lo && i < self.hi {
            &self.body[self.toks[i].span.range()]
        } else {
            ""
        }
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        (i >= self.lo && i < self.hi).then(|| self.toks[i].kind)
    }

    /// Whether token `i` is a word starting with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
            && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Token `i - 1`, when inside the sentence.
    pub fn prev(&self, i: usize) -> Option<usize> {
        (i > self.lo).then(|| i - 1)
    }

    pub fn overlaps_timex(&self, span: Span) -> bool {
        let k = self.timexes.partition_point(|t| t.end <= span.start);
        self.timexes.get(k).is_some_and(|t| t.overlaps(span))
    }
}
