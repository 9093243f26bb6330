//! A page without what costs its parse and every copy of its tree but
//! holds none of its text, made before the page is parsed:
//!
//! - the contents of its scripts and style sheets — on news sites 40% of
//!   the bytes of a page (90% on the largest ones: bundled JavaScript,
//!   state blobs, inline CSS);
//! - the white space between two block-level tags (`</td>` and `<td>`,
//!   `</li>` and `<li>`, `<tr>` and `<td>`): each run is a text node of its
//!   own, and on a table of several thousand cells a third of the page's
//!   nodes (a 19,000-tag course list: its peak 43 → 34 MB, run alone).
//!   Between such tags white space shows nothing: a browser collapses it
//!   and every text walk here breaks blocks there.
//!
//! Invariants: only those bytes are removed; every tag stays, so the tree
//! keeps its shape. JSON-LD scripts (`type` mentioning `ld+json`) are kept
//! whole: the publication date is read from them. White space is removed
//! only when all of the gap is white space (a comment or any text keeps
//! it) and both tags are block-level (`is_block`) — inside a `pre`,
//! where white space shows, both parts of a table's structure
//! (`is_table_part`); nothing inside elements whose contents are not
//! markup (`textarea`, `title`, `noscript`, `iframe`, …) is touched.
//! Comments are skipped over, and so are other tags whole, so a tag inside
//! a comment or an attribute value is not taken for a script. An element
//! left unclosed is left as it is (the parser then reads it to the end of
//! the page, as before). A page with nothing to remove comes back borrowed.

use std::borrow::Cow;

/// What is done with the contents of an element not parsed as markup.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Contents {
    /// Scripts (but JSON-LD) and style sheets: removed.
    Emptied,
    /// Kept byte for byte.
    Kept,
}

/// `html` slimmed (see the module documentation).
pub fn slimmed(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    // Bytes of `html` before `copied` are in `out` or were dropped.
    let mut copied = 0;
    let mut at = 0;
    // Just past the last tag, when it was block-level and nothing but
    // white space may have come since: where a removable gap starts.
    let mut gap_from: Option<usize> = None;
    // Open `pre` (and `listing`) elements: inside, white space shows.
    let mut pre_depth = 0usize;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let open = at + found;
        let rest = &bytes[open..];
        if rest.starts_with(b"<!--") {
            gap_from = None;
            match find(&bytes[open + 4..], b"-->") {
                Some(end) => at = open + 4 + end + 3,
                None => break,
            }
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = open + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            gap_from = None;
            at = match closing {
                // `</` and no name: the parser skips it to its `>`.
                true => match start_tag_end(bytes, name_start) {
                    Some(end) => end,
                    None => break,
                },
                // A `<` in the text, a doctype or a processing instruction.
                false => open + 1,
            };
            continue;
        }
        let name_len = bytes[name_start..]
            .iter()
            .position(|&b| ends_name(b))
            .unwrap_or(bytes.len() - name_start);
        let name = &bytes[name_start..name_start + name_len];
        // Skipped whole, so that a `<script>` written in one of its
        // attribute values is not taken for a script.
        let Some(tag_end) = start_tag_end(bytes, name_start + name_len) else {
            break;
        };
        let separates = |pre_depth: usize| match pre_depth {
            0 => is_block(name),
            _ => is_table_part(name),
        };
        let mut separating = separates(pre_depth);
        if let Some(gap) = gap_from {
            let blank = gap < open && bytes[gap..open].iter().all(|&b| is_space(b));
            if blank && separating {
                out.push_str(&html[copied..gap]);
                copied = open;
            }
        }
        if name.eq_ignore_ascii_case(b"pre") || name.eq_ignore_ascii_case(b"listing") {
            pre_depth = match closing {
                true => pre_depth.saturating_sub(1),
                false => pre_depth + 1,
            };
            separating = separates(pre_depth);
        }
        gap_from = separating.then_some(tag_end);
        at = tag_end;
        let Some(contents) = (!closing).then(|| unparsed(name)).flatten() else {
            continue;
        };
        gap_from = None;
        let Some(close) = end_tag(bytes, tag_end, name) else {
            break;
        };
        let emptied = contents == Contents::Emptied
            && !(name.eq_ignore_ascii_case(b"script")
                && is_json_ld(&bytes[name_start + name_len..tag_end]));
        if emptied && close > tag_end {
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

/// HTML's white space.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Whether white space next to a tag named `name` (any case) is dropped
/// when the tag on its other side is one too: the blocks of
/// [`crate::body::is_block`] — the page's structure, sections,
/// paragraphs, lists and tables — but `div` and `br`. Inline elements
/// (`a`, `span`, `b`, …) are not blocks: white space between two of them
/// is a space in the text. A line break is kept with the white space
/// after it. And trafilatura takes a `div` holding only divs and white
/// space apart differently (on a dev page a related article's teaser then
/// took the standfirst's place); with divs left out, one dev page of 586
/// reads differently — without its table of contents' "Contents" heading.
fn is_block(name: &[u8]) -> bool {
    let mut lower = [0u8; 10];
    if name.len() > lower.len() {
        return false;
    }
    for (l, b) in lower.iter_mut().zip(name) {
        *l = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&lower[..name.len()])
        .is_ok_and(|name| crate::body::is_block(name) && !matches!(name, "div" | "br"))
}

/// Whether `name` (any case) is a part of a table's structure, between two
/// of which white space shows nothing even inside a `pre`: a table lays out
/// its rows and cells, not the white space between them. Header cells are
/// left out as in [`is_block`].
fn is_table_part(name: &[u8]) -> bool {
    [
        b"table".as_slice(),
        b"caption",
        b"colgroup",
        b"col",
        b"thead",
        b"tbody",
        b"tfoot",
        b"tr",
        b"td",
    ]
    .iter()
    .any(|part| name.eq_ignore_ascii_case(part))
}

/// How the contents of the element `name` (any case) are treated, when
/// they are not ordinary markup: script and style contents are removed;
/// raw text and RCDATA elements (their contents are text to the parser)
/// are kept as they are.
fn unparsed(name: &[u8]) -> Option<Contents> {
    const KEPT: [&[u8]; 9] = [
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"noscript",
        b"plaintext",
        b"template",
    ];
    if name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style") {
        Some(Contents::Emptied)
    } else {
        KEPT.iter()
            .any(|k| name.eq_ignore_ascii_case(k))
            .then_some(Contents::Kept)
    }
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
            slimmed(page),
            "<head><style></style></head><body><p>A</p>\
             <SCRIPT type=\"text/javascript\"></SCRIPT><p>B</p></body>"
        );
    }

    #[test]
    fn json_ld_is_kept() {
        let page = r#"<script type="application/LD+JSON">{"datePublished":"2022-03-16"}</script><script>x()</script>"#;
        assert_eq!(
            slimmed(page),
            r#"<script type="application/LD+JSON">{"datePublished":"2022-03-16"}</script><script></script>"#
        );
    }

    #[test]
    fn json_ld_with_a_character_reference_is_kept() {
        let page = r#"<script type="application&#x2F;ld&#x2B;json">{"a":1}</script>"#;
        assert!(matches!(slimmed(page), Cow::Borrowed(_)));
    }

    #[test]
    fn a_page_without_scripts_is_borrowed() {
        let page = "<p>a < b and <scripted> text</p><!-- <script> -->";
        assert!(matches!(slimmed(page), Cow::Borrowed(_)));
    }

    #[test]
    fn a_script_in_a_comment_is_not_a_script() {
        let page = "<!-- <script> --><p>Kept</p><script>gone()</script>";
        assert_eq!(
            slimmed(page),
            "<!-- <script> --><p>Kept</p><script></script>"
        );
    }

    #[test]
    fn quoted_greater_than_in_attributes_and_lookalike_end_tags() {
        let page = "<script data-x=\"a>b\">if (a</scripts) {}</script ><p>T</p>";
        assert_eq!(slimmed(page), "<script data-x=\"a>b\"></script ><p>T</p>");
    }

    #[test]
    fn a_script_in_an_attribute_value_is_not_a_script() {
        let page = "<img alt=\"<script>\"><p>Kept</p><script>gone()</script>";
        assert_eq!(
            slimmed(page),
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
            assert_eq!(slimmed(page), page);
        }
    }

    #[test]
    fn white_space_between_block_tags_goes() {
        let page =
            "<table>\n <tr>\n  <td>a</td>\n  <td>b</td>\n </tr>\n</table>\n<UL> <LI>x</LI>\t</UL>";
        assert_eq!(
            slimmed(page),
            "<table><tr><td>a</td><td>b</td></tr></table><UL><LI>x</LI></UL>"
        );
    }

    #[test]
    fn white_space_that_shows_or_is_not_alone_stays() {
        for page in [
            // Inline elements, line breaks, header cells and divs.
            "<p><b>a</b> <i>b</i></p>",
            "<p>a<br> <br>b</p>",
            "<tr><th>Sum</th> <th>Rate</th></tr>",
            "<div> <div>x</div> </div>",
            // Text or a comment in the gap.
            "<p>a</p> x <p>b</p>",
            "<p>a</p> <!-- c --> <p>b</p>",
            // Inside elements whose white space shows or that hold text.
            "<pre>\n<p>a</p> <p>b</p></pre>",
            "<pre><table><tr><td> <b>1</b> </td></tr></table></pre>",
            "<textarea><p>a</p> <p>b</p></textarea>",
            "<noscript><p>a</p> <p>b</p></noscript>",
        ] {
            assert_eq!(slimmed(page), page, "{page}");
        }
        assert_eq!(
            slimmed("<pre> <p>a</p> </pre> <p>b</p>"),
            "<pre> <p>a</p> </pre><p>b</p>"
        );
        // In a `pre`, a table's rows and cells still lose the white space
        // between them, not what a cell holds.
        assert_eq!(
            slimmed("<pre>\n<table> <tr> <td> 1 </td>  <td>2</td> </tr> </table> </pre>"),
            "<pre>\n<table><tr><td> 1 </td><td>2</td></tr></table> </pre>"
        );
    }

    #[test]
    fn an_end_tag_without_a_name_is_skipped_like_the_parser_does() {
        assert_eq!(
            slimmed("<p>a</p></ x><p>b</p> <p>c</p>"),
            "<p>a</p></ x><p>b</p><p>c</p>"
        );
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
                proptest::prelude::Just("<td>"), proptest::prelude::Just("</TD>"), proptest::prelude::Just(" \n\t"),
                proptest::prelude::Just("<pre>"), proptest::prelude::Just("</pre>"), proptest::prelude::Just("<b>"),
                proptest::prelude::Just("</"),
            ], 0..60)) {
            let page: String = parts.concat();
            let once = slimmed(&page).into_owned();
            proptest::prop_assert!(once.len() <= page.len());
            let twice = slimmed(&once).into_owned();
            proptest::prop_assert_eq!(twice, once);
        }
    }

    #[test]
    fn multibyte_text_around_scripts() {
        let page = "<p>Zürich — 東京</p><script>é()</script><p>ÅÄÖ</p>";
        assert_eq!(
            slimmed(page),
            "<p>Zürich — 東京</p><script></script><p>ÅÄÖ</p>"
        );
    }
}
