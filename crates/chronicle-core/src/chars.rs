//! Character classes shared by the tokenizer and the validator, so both agree
//! on what separates tokens.

/// White space for tokenization: Unicode `White_Space`, plus the invisible
/// separators that editors and web pages leave in news text (zero-width
/// space, word joiner, byte-order mark). A character for which this is
/// `false` must lie inside some token.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}
