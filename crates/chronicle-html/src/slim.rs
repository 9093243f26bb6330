//! A page without the contents of its scripts and style sheets, made before
//! the page is parsed: on news sites they are 40% of the bytes of a page
//! (90% on the largest ones — bundled JavaScript, state blobs, inline CSS)
//! and none of its text, yet every parse and every copy of the tree the
//! extractor makes carries them, so they set both the time and the memory
//! a heavy page takes.
//!
//! Invariants: only what lies between a `<script …>` or `<style …>` start
//! tag and its end tag is removed; the tags themselves stay, so the tree
//! keeps its shape. JSON-LD scripts (`type` mentioning `ld+json`) are kept
//! whole: the publication date is read from them. Comments are skipped
//! over, and so are other tags whole, so a tag inside a comment or an
//! attribute value is not taken for a script. An element left
//! unclosed is left as it is (the parser then reads it to the end of the
//! page, as before). Nothing else changes: a page without scripts or
//! styles comes back borrowed.

use std::borrow::Cow;

/// `html` with the contents of its scripts (but JSON-LD) and styles
/// removed.
pub fn without_scripts(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    // Bytes of `html` before `copied` are in `out` or were dropped.
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let open = at + found;
        let rest = &bytes[open..];
        if rest.starts_with(b"<!--") {
            match find(&bytes[open + 4..], b"-->") {
                Some(end) => at = open + 4 + end + 3,
                None => break,
            }
            continue;
        }
        let Some(name) = raw_text_element(&rest[1..]) else {
            // Another tag: skip it whole, so that a `<script>` written in
            // one of its attribute values is not taken for a script.
            let is_tag = rest
                .get(1)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/');
            at = match is_tag {
                true => match start_tag_end(bytes, open + 1) {
                    Some(end) => end,
                    None => break,
                },
                false => open + 1,
            };
            continue;
        };
        let name_end = open + 1 + name.len();
        let Some(tag_end) = start_tag_end(bytes, name_end) else {
            break;
        };
        let Some(close) = end_tag(bytes, tag_end, name) else {
            break;
        };
        let keep = name == b"script" && is_json_ld(&bytes[name_end..tag_end]);
        if !keep && close > tag_end {
            out.push_str(&html[copied..tag_end]);
            copied = close;
        }
        at = close;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// `script` or `style` when `after_lt` (what follows a `<`) starts with
/// that tag name, in any case, and the name ends there.
fn raw_text_element(after_lt: &[u8]) -> Option<&'static [u8]> {
    [b"script".as_slice(), b"style"].into_iter().find(|name| {
        after_lt.len() > name.len()
            && after_lt[..name.len()].eq_ignore_ascii_case(name)
            && ends_name(after_lt[name.len()])
    })
}

/// Whether `b` ends a tag name.
fn ends_name(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
}

/// The index just past the `>` closing the start tag whose name ends at
/// `from`, skipping quoted attribute values.
fn start_tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(from + i + 1),
            (Some(q), _) if b == q => quote = None,
            _ => {}
        }
    }
    None
}

/// Where the end tag of `name` (`</name` followed by the end of the name,
/// any case) starts, at or after `from`.
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(found) = find(&bytes[at..], b"</") {
        let start = at + found;
        let after = &bytes[start + 2..];
        if after.len() > name.len()
            && after[..name.len()].eq_ignore_ascii_case(name)
            && ends_name(after[name.len()])
        {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

/// Whether a script's attributes declare JSON-LD, its `+` written as a
/// character reference or not (`application&#x2F;ld&#x2B;json` is seen).
fn is_json_ld(attributes: &[u8]) -> bool {
    let lower = attributes.to_ascii_lowercase();
    ["ld+json", "ld&#x2b;json", "ld&#43;json", "ld&plus;json"]
        .iter()
        .any(|form| find(&lower, form.as_bytes()).is_some())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_style_contents_go_and_their_tags_stay() {
        let page = "<head><style>p{color:red}</style></head><body><p>A</p>\
                    <SCRIPT type=\"text/javascript\">var x = '<p>no</p>';</SCRIPT><p>B</p></body>";
        assert_eq!(
            without_scripts(page),
            "<head><style></style></head><body><p>A</p>\
             <SCRIPT type=\"text/javascript\"></SCRIPT><p>B</p></body>"
        );
    }

    #[test]
    fn json_ld_is_kept() {
        let page = r#"<script type="application/LD+JSON">{"datePublished":"2022-03-16"}</script><script>x()</script>"#;
        assert_eq!(
            without_scripts(page),
            r#"<script type="application/LD+JSON">{"datePublished":"2022-03-16"}</script><script></script>"#
        );
    }

    #[test]
    fn json_ld_with_a_character_reference_is_kept() {
        let page = r#"<script type="application&#x2F;ld&#x2B;json">{"a":1}</script>"#;
        assert!(matches!(without_scripts(page), Cow::Borrowed(_)));
    }

    #[test]
    fn a_page_without_scripts_is_borrowed() {
        let page = "<p>a < b and <scripted> text</p><!-- <script> -->";
        assert!(matches!(without_scripts(page), Cow::Borrowed(_)));
    }

    #[test]
    fn a_script_in_a_comment_is_not_a_script() {
        let page = "<!-- <script> --><p>Kept</p><script>gone()</script>";
        assert_eq!(
            without_scripts(page),
            "<!-- <script> --><p>Kept</p><script></script>"
        );
    }

    #[test]
    fn quoted_greater_than_in_attributes_and_lookalike_end_tags() {
        let page = "<script data-x=\"a>b\">if (a</scripts) {}</script ><p>T</p>";
        assert_eq!(
            without_scripts(page),
            "<script data-x=\"a>b\"></script ><p>T</p>"
        );
    }

    #[test]
    fn a_script_in_an_attribute_value_is_not_a_script() {
        let page = "<img alt=\"<script>\"><p>Kept</p><script>gone()</script>";
        assert_eq!(
            without_scripts(page),
            "<img alt=\"<script>\"><p>Kept</p><script></script>"
        );
    }

    #[test]
    fn unclosed_elements_are_left_as_they_are() {
        for page in [
            "<p>A</p><script>never closed",
            "<script type=\"x",
            "<!-- open",
        ] {
            assert_eq!(without_scripts(page), page);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// On any tag soup: no panic, nothing added, and removing again
        /// changes nothing (the tags left are the same, now empty).
        #[test]
        fn slimming_only_removes_and_is_idempotent(parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::prelude::Just("<script>"), proptest::prelude::Just("</script>"),
                proptest::prelude::Just("<SCRIPT type='application/ld+json'>"),
                proptest::prelude::Just("<style media=\"a>b\">"), proptest::prelude::Just("</style >"),
                proptest::prelude::Just("<!--"), proptest::prelude::Just("-->"), proptest::prelude::Just("</scripts"),
                proptest::prelude::Just("<p>words é 東 "), proptest::prelude::Just("<"), proptest::prelude::Just("\"'"),
            ], 0..60)) {
            let page: String = parts.concat();
            let once = without_scripts(&page).into_owned();
            proptest::prop_assert!(once.len() <= page.len());
            let twice = without_scripts(&once).into_owned();
            proptest::prop_assert_eq!(twice, once);
        }
    }

    #[test]
    fn multibyte_text_around_scripts() {
        let page = "<p>Zürich — 東京</p><script>é()</script><p>ÅÄÖ</p>";
        assert_eq!(
            without_scripts(page),
            "<p>Zürich — 東京</p><script></script><p>ÅÄÖ</p>"
        );
    }
}
