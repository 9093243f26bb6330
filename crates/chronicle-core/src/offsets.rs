//! Conversion between byte offsets (used in memory) and Unicode code-point
//! offsets (used in every output, so that `body[start:end]` in Python gives
//! the text).
//!
//! The number of code points before byte `b` is the number of bytes in
//! `body[..b]` that are not UTF-8 continuation bytes. We store that count at
//! every 64-byte checkpoint, so a lookup is one table read plus a scan of at
//! most 63 bytes; memory is 1/16 of the body. Pure-ASCII bodies skip the
//! table entirely.

const STRIDE: usize = 64;

/// Maps byte offsets of one text to code-point offsets and back.
#[derive(Debug, Clone)]
pub struct CharOffsets<'a> {
    bytes: &'a [u8],
    /// `None` when the text is ASCII: byte and code-point offsets coincide.
    checkpoints: Option<Vec<u32>>,
}

#[inline]
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40 // not a continuation byte 0b10xx_xxxx
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharOffsets {
                bytes,
                checkpoints: None,
            };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| is_char_start(b)).count() as u32;
        }
        checkpoints.push(count);
        CharOffsets {
            bytes,
            checkpoints: Some(checkpoints),
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_of(self.bytes.len())
    }

    /// The code-point offset of byte offset `byte` (clamped to the text's length).
    #[inline]
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        match &self.checkpoints {
            None => byte,
            Some(cp) => {
                let block = byte / STRIDE;
                let base = block * STRIDE;
                cp[block] as usize
                    + self.bytes[base..byte]
                        .iter()
                        .filter(|&&b| is_char_start(b))
                        .count()
            }
        }
    }

    /// The byte offset of code-point offset `ch`, or `None` past the end.
    pub fn byte_of(&self, ch: usize) -> Option<usize> {
        match &self.checkpoints {
            None => (ch <= self.bytes.len()).then_some(ch),
            Some(cp) => {
                if ch > *cp.last().unwrap_or(&0) as usize {
                    return None;
                }
                // last checkpoint whose count is <= ch
                let block = cp.partition_point(|&c| c as usize <= ch).saturating_sub(1);
                let mut count = cp[block] as usize;
                let mut i = block * STRIDE;
                while i < self.bytes.len() {
                    if is_char_start(self.bytes[i]) {
                        if count == ch {
                            return Some(i);
                        }
                        count += 1;
                    }
                    i += 1;
                }
                (count == ch).then_some(self.bytes.len())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_is_identity() {
        let o = CharOffsets::new("hello world");
        assert_eq!(o.char_of(5), 5);
        assert_eq!(o.byte_of(11), Some(11));
        assert_eq!(o.byte_of(12), None);
    }

    #[test]
    fn curly_apostrophe() {
        let text = "NATO’s ministers";
        let o = CharOffsets::new(text);
        let byte = text.find("ministers").unwrap();
        assert_eq!(o.char_of(byte), 7);
        assert_eq!(o.byte_of(7), Some(byte));
        assert_eq!(o.char_len(), text.chars().count());
    }

    proptest! {
        #[test]
        fn agrees_with_char_indices(text in "\\PC{0,300}") {
            let o = CharOffsets::new(&text);
            for (n, (b, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(o.char_of(b), n);
                prop_assert_eq!(o.byte_of(n), Some(b));
            }
            let n = text.chars().count();
            prop_assert_eq!(o.char_of(text.len()), n);
            prop_assert_eq!(o.byte_of(n), Some(text.len()));
            prop_assert_eq!(o.byte_of(n + 1), None);
        }
    }
}
