//! Turning a page's bytes into text: the charset is found the way browsers
//! find it, in order — a byte-order mark, then valid UTF-8 as such, then a
//! `<meta charset>` or `http-equiv` declaration in the first 4 KiB, and
//! windows-1252 (the WHATWG default for Western pages) when nothing is said.
//!
//! Invariant: decoding never fails; bytes that do not fit the encoding
//! become U+FFFD, so a damaged page still yields text.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far the `<meta charset>` pre-scan looks (the HTML spec's 1024 bytes
/// is too short for the pages we meet, which put scripts first).
const PRESCAN: usize = 4096;

/// Decodes `bytes` to a string, returning it with the encoding used.
pub fn decode(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(rest);
        return (text.into_owned(), enc);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), UTF_8);
    }
    let enc = declared(bytes.get(..PRESCAN).unwrap_or(bytes)).unwrap_or(WINDOWS_1252);
    // A page declaring UTF-8 that is not valid UTF-8 is more often
    // windows-1252 mislabelled than damaged UTF-8; but keep the declaration
    // when the invalid bytes are few (a truncated character).
    let enc = if enc == UTF_8 && mostly_invalid_utf8(bytes) {
        WINDOWS_1252
    } else {
        enc
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc)
}

fn mostly_invalid_utf8(bytes: &[u8]) -> bool {
    let (text, _) = UTF_8.decode_without_bom_handling(bytes);
    text.matches('\u{fffd}').count() > 3
}

/// The encoding a page declares in its head: `<meta charset=X>` or
/// `<meta http-equiv=Content-Type content="text/html; charset=X">`.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let start = from + at + b"charset".len();
        from = start;
        let rest = &lower[start..];
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_start(rest);
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| {
                matches!(
                    b,
                    b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'
                )
            })
            .unwrap_or(rest.len());
        if let Some(enc) = Encoding::for_label(&rest[..end]) {
            // Per WHATWG, a UTF-16 declaration in an ASCII-compatible
            // byte stream means UTF-8.
            return Some(
                if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    UTF_8
                } else {
                    enc
                },
            );
        }
    }
    None
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_and_valid_utf8_win() {
        assert_eq!(decode("\u{feff}é".as_bytes()).0, "é");
        assert_eq!(decode("<p>Grüße</p>".as_bytes()).1, UTF_8);
    }

    #[test]
    fn meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-2\"></head><body>\xb3\xf3d\xbc</body>";
        let (text, enc) = decode(page);
        assert_eq!(enc.name(), "ISO-8859-2");
        assert!(text.contains("łódź"));
        let page =
            b"<meta http-equiv=Content-Type content='text/html; charset=windows-1251'>\xcf\xf0\xe8";
        assert!(decode(page).0.ends_with("При"));
    }

    #[test]
    fn undeclared_latin1_falls_back_to_windows_1252() {
        let (text, enc) = decode(b"<p>Stra\xdfe \x93quoted\x94</p>");
        assert_eq!(enc, WINDOWS_1252);
        assert!(text.contains("Straße \u{201c}quoted\u{201d}"));
    }
}
