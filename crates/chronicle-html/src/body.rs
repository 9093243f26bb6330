//! The article's main text: trafilatura's extraction (precision focus, its
//! recall focus when the precise text is short and far shorter; content scoring with
//! its readability and jusText fallbacks, comments off, tables kept), then
//! our own clean-up of what news pages leave behind — "read more" and
//! sharing prompts, advertisement labels, photo credits — with paragraphs
//! separated by one blank line.
//!
//! For a page too deeply nested for trafilatura's recursive walks, a flat
//! text of the page's paragraphs is returned instead (see [`flat_text`]).
//! On a page of more than [`FALLBACK_MAX_TAGS`] tags the fallbacks are not
//! run: their memory grows with the page, their text there does not.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::furniture::{is_furniture, is_terminator, strip_credit};

/// A precision-focused text shorter than this (in characters) may have
/// missed the article; see [`extract`].
pub const SHORT: usize = 1200;

/// The most tags ([`crate::markup`]) a page may have for trafilatura to compare
/// its text with readability's and jusText's. The comparison builds a
/// second DOM and copies the page's tree four more times: on a page of
/// 19,000 tags (a results table) 20 of its 48 MB of heap, the highest
/// peak of a long run's memory (issue 8). On the dev pages this large (two,
/// a results list and a course list) the text without it differs by one
/// heading line; of the 47 dev pages whose text the comparison changes,
/// the largest has 4,979 tags.
pub const FALLBACK_MAX_TAGS: usize = 12_000;

/// trafilatura's main text of `html`, paragraphs joined by `\n\n`.
///
/// trafilatura's precision focus drops more boilerplate than its balanced
/// default (dev halves: ScrapingHub F1 0.973 → 0.976, trafilatura set
/// 0.917 either way); taking the balanced text whenever the precise one is
/// much shorter did not help (0.916), so precision it is — except when
/// the precise text is short (under [`SHORT`] characters: a browser
/// warning, a teaser, a blog's tagline) and the recall-focused text is at
/// least three times as long: then the precise pass picked the wrong block
/// and the recall text is the article.
pub fn extract(html: &str, url: Option<&str>) -> String {
    let url = url.and_then(|u| url::Url::parse(u).ok());
    let fallback = crate::markup(html.as_bytes()) <= FALLBACK_MAX_TAGS;
    let precise = run(
        html,
        url.clone(),
        trafilatura::ExtractionFocus::FavorPrecision,
        fallback,
    );
    let short = precise.chars().count();
    if short >= SHORT {
        return precise;
    }
    let recall = run(
        html,
        url,
        trafilatura::ExtractionFocus::FavorRecall,
        fallback,
    );
    if recall.chars().count() >= 3 * short {
        recall
    } else {
        precise
    }
}

fn run(
    html: &str,
    url: Option<url::Url>,
    focus: trafilatura::ExtractionFocus,
    fallback: bool,
) -> String {
    let mut opts = trafilatura::Options::default()
        .with_fallback(fallback)
        .with_exclude_comments(true)
        .with_exclude_tables(false)
        .with_focus(focus);
    if let Some(u) = url {
        opts = opts.with_url(u);
    }
    match trafilatura::extract(html, &opts) {
        Ok(r) => {
            let blocks = blocks(&Html::parse_fragment(&r.content_html), false);
            paragraphs(&blocks.join("\n"))
        }
        Err(_) => String::new(),
    }
}

/// Re-joins trafilatura's lines as paragraphs separated by a blank line,
/// dropping furniture lines and blank runs, and cutting at a terminator.
pub fn paragraphs(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|l| strip_credit(l.split_whitespace().collect::<Vec<_>>().join(" ")))
        .filter(|l| !l.is_empty() && !is_furniture(l))
        .collect();
    let total: usize = lines.iter().map(String::len).sum();
    let mut seen = 0;
    let mut kept = Vec::with_capacity(lines.len());
    for line in lines {
        if seen * 3 > total && is_terminator(&line) {
            break;
        }
        seen += line.len();
        kept.push(line);
    }
    kept.join("\n\n")
}

/// Drops leading paragraphs that repeat the headline or the page's
/// description (the standfirst): benchmarks and readers take the body to
/// start after them.
pub fn drop_heading(body: &str, title: Option<&str>, description: Option<&str>) -> String {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let title = title.map(norm).filter(|t| !t.is_empty());
    let description = description.map(norm).filter(|d| d.len() > 20);
    let paras: Vec<&str> = body.split("\n\n").collect();
    let mut start = 0;
    for (i, p) in paras.iter().enumerate().take(3) {
        let p = norm(p);
        let is_title = title
            .as_ref()
            .is_some_and(|t| p == *t || (p.len() > 10 && t.contains(&p)));
        // The description is often the lead paragraph itself: only a
        // paragraph that is a cut-off description is a standfirst.
        let is_desc = description.as_ref().is_some_and(|d| {
            p.ends_with('…') && p.len() > 30 && d.starts_with(p.trim_end_matches('…'))
        });
        if is_title || is_desc {
            start = i + 1;
        }
    }
    if start >= paras.len() {
        return body.to_owned();
    }
    paras[start..].join("\n\n")
}

/// Elements that begin and end a block of text: a walk of the tree here
/// ([`flat_text`], trafilatura's output read back, the standfirst's
/// blocks) breaks a paragraph at each, and white space between two of them
/// (but `div` and `br`) is dropped before parsing ([`crate::slim`]). Header
/// cells (`th`) are not: trafilatura writes a header row as one line.
pub(crate) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "blockquote"
            | "tr"
            | "pre"
            | "td"
            | "html"
            | "head"
            | "body"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "table"
            | "caption"
            | "colgroup"
            | "col"
            | "thead"
            | "tbody"
            | "tfoot"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "menu"
            | "hgroup"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
            | "address"
            | "figure"
            | "figcaption"
            | "details"
            | "summary"
            | "fieldset"
            | "legend"
            | "hr"
    )
}

/// All visible text of `doc` outside scripts, styles, navigation, headers
/// and footers, paragraph by paragraph. Iterative, so nesting depth does
/// not matter.
pub fn flat_text(doc: &Html) -> String {
    let kept: Vec<String> = blocks(doc, true)
        .into_iter()
        .filter(|p| p.split_whitespace().count() >= 8 && !is_furniture(p))
        .collect();
    kept.join("\n\n")
}

/// The text of an HTML fragment (a feed item's description or content),
/// block by block, paragraphs joined by `\n\n`; scripts and styles are
/// dropped, nothing else. Iterative, so nesting depth does not matter.
pub fn fragment_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    blocks(&doc, false).join("\n\n")
}

/// The text of `doc` block by block, white space collapsed; with
/// `skip_boilerplate`, navigation, headers, footers, asides and forms are
/// skipped too.
fn blocks(doc: &Html, skip_boilerplate: bool) -> Vec<String> {
    blocks_skipping(doc, |name| {
        skip_boilerplate && matches!(name, "nav" | "header" | "footer" | "aside" | "form")
    })
}

/// The text of `doc` block by block, white space collapsed, leaving out
/// scripts, styles and the elements `skip` names.
pub(crate) fn blocks_skipping(doc: &Html, skip: impl Fn(&str) -> bool) -> Vec<String> {
    let mut paras: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut skip_until: Option<ego_tree::NodeId> = None;
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(e) => {
                        let name = e.name();
                        if matches!(
                            name,
                            "script" | "style" | "noscript" | "template" | "svg" | "head"
                        ) || skip(name)
                        {
                            skip_until = Some(node.id());
                        } else if is_block(name) && !current.trim().is_empty() {
                            paras.push(std::mem::take(&mut current));
                        }
                    }
                    Node::Text(t) => {
                        current.push_str(t);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip_until == Some(node.id()) {
                    skip_until = None;
                } else if skip_until.is_none() {
                    if let Node::Element(e) = node.value() {
                        if is_block(e.name()) && !current.trim().is_empty() {
                            paras.push(std::mem::take(&mut current));
                        }
                    }
                }
            }
        }
    }
    paras.push(current);
    paras
        .iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definition_lists_and_captions_are_blocks() {
        let html = "<dl><dt>Term</dt><dd>Meaning</dd></dl><figure><img><figcaption>Photo</figcaption></figure>";
        assert_eq!(fragment_text(html), "Term\n\nMeaning\n\nPhoto");
    }

    #[test]
    fn furniture_lines_go_and_paragraphs_get_blank_lines() {
        let t = paragraphs("First paragraph.\nAdvertisement\n\n  Second   paragraph.\nRead more »");
        assert_eq!(t, "First paragraph.\n\nSecond paragraph.");
    }

    #[test]
    fn related_headings_taxonomy_and_photo_credits_are_furniture() {
        let t = paragraphs(
            "The port reopened on Monday after a week of strikes.\nAFP / MARCO BERTORELLO\nÀ lire aussi\nTags\nCategory : Press Releases\nFoto: dpa\nReuters reported the strike ended.",
        );
        assert_eq!(
            t,
            "The port reopened on Monday after a week of strikes.\n\nReuters reported the strike ended."
        );
        let t = paragraphs(
            "Divers found the wreck at dawn.\nCzytaj też: Wyścig zbrojeń ruszył\n© City Hall | Ann Lee\nThe mayor, left. © AFP / ANN LEE\nAnzeige, enthält Affiliate Links\nIt sank in 1902.",
        );
        assert_eq!(
            t,
            "Divers found the wreck at dawn.\n\nThe mayor, left.\n\nIt sank in 1902."
        );
    }

    #[test]
    fn a_related_list_heading_late_in_the_text_ends_it() {
        let body = "A long first paragraph about the vote in the council chamber.\nA second paragraph with the results.\nIf you enjoyed reading this post, share it\nAnother post title";
        assert_eq!(
            paragraphs(body),
            "A long first paragraph about the vote in the council chamber.\n\nA second paragraph with the results."
        );
    }

    #[test]
    fn a_contact_block_ends_the_text() {
        let body = "The institute ran the model for a year on the new computer.\nIt found more storms.\nKontakt:\nDr. Ann Lee, press office";
        assert_eq!(
            paragraphs(body),
            "The institute ran the model for a year on the new computer.\n\nIt found more storms."
        );
    }

    #[test]
    fn a_page_over_the_fallback_bound_still_gives_its_article() {
        let para = "<p>The harbour board met on Tuesday and agreed to dredge the channel before the winter storms, after two ships ran aground in the shallows last year.</p>";
        let row = "<tr><td>1.</td><td>Harbour Rowing Club</td><td>53,09</td></tr>";
        let page = format!(
            r#"<html><body><nav><ul><li><a href="/">Home</a></li></ul></nav><article><h1>Dredging approved</h1>{}</article><table>{}</table></body></html>"#,
            para.repeat(6),
            row.repeat(FALLBACK_MAX_TAGS / 8 + 1)
        );
        assert!(crate::markup(page.as_bytes()) > FALLBACK_MAX_TAGS);
        let text = extract(&page, None);
        assert!(text.starts_with("Dredging approved\n\nThe harbour board met"));
        assert!(!text.contains("Home"));
    }

    #[test]
    fn a_short_precise_text_gives_way_to_a_much_longer_recall_text() {
        let para = "<p>The harbour board met on Tuesday and agreed to dredge the channel before the winter storms, after two ships ran aground in the shallows last year.</p>";
        let page = format!(
            r#"<html><body><div class="browser-warning"><p>Your browser is out of date. Please update it for a better experience on this site.</p></div>
<div class="c1"><div class="c2"><div>{}</div></div></div></body></html>"#,
            para.repeat(12)
        );
        let text = extract(&page, None);
        assert!(text.contains("dredge the channel"), "{text}");
    }

    #[test]
    fn fragments_keep_their_paragraphs() {
        let t = fragment_text(
            "<p>First &amp; <b>bold</b>.</p><p>Second<br>line.</p><script>x()</script>",
        );
        assert_eq!(t, "First & bold.\n\nSecond\n\nline.");
        assert_eq!(fragment_text("plain text, no tags"), "plain text, no tags");
    }

    #[test]
    fn flat_text_skips_navigation() {
        let doc = Html::parse_document(
            "<nav>Home News Sport Weather and many other links here</nav><p>The council voted on Tuesday to approve the new budget for schools.</p>",
        );
        assert_eq!(
            flat_text(&doc),
            "The council voted on Tuesday to approve the new budget for schools."
        );
    }
}
