//! Half-open byte ranges into a document body.
//!
//! In memory chronicle works with byte offsets (cheap slicing of UTF-8 text);
//! [`crate::CharOffsets`] turns them into code-point offsets for output.
//! Invariant kept by constructors: `start <= end`. Whether a span lies on
//! character boundaries of a given body is checked by [`crate::validate`].

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into a document body.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`; `start` must not exceed `end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        debug_assert!(end <= u32::MAX as usize, "span end {end} beyond u32");
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    #[inline]
    pub fn start(self) -> usize {
        self.start as usize
    }

    #[inline]
    pub fn end(self) -> usize {
        self.end as usize
    }

    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The text this span covers in `body`. Panics if the span is not on
    /// character boundaries of `body`; spans made by chronicle's annotators
    /// always are (see [`crate::validate`]).
    #[inline]
    pub fn text(self, body: &str) -> &str {
        &body[self.range()]
    }

    /// Whether `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 4);
        let b = Span::new(4, 6);
        assert!(!a.overlaps(b), "adjacent spans do not overlap");
        assert!(a.cover(b).contains(a));
        assert!(Span::new(1, 3).overlaps(Span::new(2, 5)));
        assert_eq!(a.len(), 4);
        assert!(Span::new(3, 3).is_empty());
    }
}
