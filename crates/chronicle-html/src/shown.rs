//! Dates a page shows its reader — a `<time>` element, a date after a
//! publication label, a dateline or byline, a date near the headline — as
//! opposed to the machine-readable metadata that [`crate::date`] reads
//! first.
//!
//! Invariant: a date inside page furniture (related-article lists,
//! teasers, comments, sidebars, footers; see [`in_furniture`]) is another
//! page's or a reader's date, never this page's.

use crate::datetext::{parse_machine, parse_short_dmy, parse_text};
use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;

use crate::meta::sel;

pub(crate) static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static DATELINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"[class*="date"], [class*="Date"], [id*="date"], [class*="time"], [class*="publish"], [class*="publication"], [class*="byline"], [class*="meta"], [class*="posted"], [class*="info"], [class*="author"], [class*="Datum"], [class*="datum"], [class*="submitted"]"#,
    )
});

/// A `<time>` marked as the publication time (`pubdate`, a `published`
/// class, inside a header or byline) wins; else the first `<time>`.
pub(crate) fn time_element(doc: &Html) -> Option<NaiveDate> {
    let mut first = None;
    for t in doc.select(&TIME).filter(|t| !in_furniture(*t)) {
        let e = t.value();
        let Some(d) = e
            .attr("datetime")
            .and_then(parse_machine)
            .or_else(|| parse_text(&t.text().collect::<String>()))
        else {
            continue;
        };
        let class = e.attr("class").unwrap_or("").to_ascii_lowercase();
        if e.attr("pubdate").is_some() || class.contains("publish") || class.contains("entry-date")
        {
            return Some(d);
        }
        if class.contains("modif") || class.contains("updated") {
            continue;
        }
        first = first.or(Some(d));
    }
    first
}

/// Labels that announce a publication date in running text, in the
/// languages of [`crate::datetext`]; an update label is not one.
static PUBLISHED_LABEL: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:erschienen am|veröffentlicht(?: am)?|publiziert am|published(?: on)?|publication date|date published|posted on|publié le|paru le|publicado(?: el| em)?|pubblicato(?: il)?|opublikowano|gepubliceerd(?: op)?)\s*:?\s*",
    )
    .unwrap()
});

/// Labels that announce a modification date: such a date is the page's
/// only when nothing states a publication date.
static MODIFIED_LABEL: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:letzte änderung|zuletzt (?:aktualisiert|geändert)(?: am)?|(?:wurde )?zuletzt am|aktualisiert am|last (?:updated|modified|edited)(?: on)?|updated on|mis à jour le|actualizado el|aggiornato il)\s*:?\s*",
    )
    .unwrap()
});

/// A date that directly follows a publication label ("Erschienen am:
/// 01.11.2023", "Published on 5 May 2020") in the page's text, outside
/// scripts and styles; the first such date.
pub(crate) fn labelled(doc: &Html) -> Option<NaiveDate> {
    after_label(doc, &PUBLISHED_LABEL)
}

/// A date that directly follows a modification label ("Letzte Änderung:
/// 14.01.2022", "Last updated on 4 June 2020").
pub(crate) fn labelled_modified(doc: &Html) -> Option<NaiveDate> {
    after_label(doc, &MODIFIED_LABEL)
}

fn after_label(doc: &Html, label: &regex::Regex) -> Option<NaiveDate> {
    let body = doc
        .select(&BODY)
        .next()
        .unwrap_or_else(|| doc.root_element());
    let mut text = String::new();
    visible_text(body, &mut text, 0);
    label.find_iter(&text).take(20).find_map(|m| {
        let after: String = text[m.end()..].chars().take(40).collect();
        // The date must open what follows the label.
        let first = after.trim_start().chars().next()?;
        (first.is_ascii_digit() || first.is_alphabetic())
            .then(|| parse_text(&after))
            .flatten()
    })
}

/// The text of `e` without scripts, styles and hidden templates, each text
/// node followed by a space; capped at 200,000 bytes.
fn visible_text(e: ElementRef, out: &mut String, depth: usize) {
    if depth > 200 {
        return;
    }
    for child in e.children() {
        if out.len() > 200_000 {
            return;
        }
        if let Some(element) = ElementRef::wrap(child) {
            if !matches!(
                element.value().name(),
                "script" | "style" | "noscript" | "template"
            ) {
                visible_text(element, out, depth + 1);
            }
        } else if let Some(t) = child.value().as_text() {
            out.push_str(t);
            out.push(' ');
        }
    }
}

/// A date written in an element whose class or id says date, time, byline
/// or meta; the first that parses, in document order.
pub(crate) fn dateline(doc: &Html) -> Option<NaiveDate> {
    doc.select(&DATELINE).take(200).find_map(|e| {
        if in_furniture(e) {
            return None;
        }
        // Text nodes apart: `<li><span>Datum:</span>26. Januar 2022</li><li>2022`
        // must not run the year into the next item's words.
        let text = e.text().take(20).collect::<Vec<_>>().join(" ");
        if text.len() > 300 {
            return None;
        }
        parse_text(&text).or_else(|| parse_short_dmy(&text))
    })
}

static LINK: LazyLock<Selector> = LazyLock::new(|| sel("a[href]"));

/// The date written beside a link to the page's own address — a teaser of
/// this very page in a list of news, a sidebar's "this article was posted
/// on …" next to its permalink: the nearest of the link's parent and two
/// more ancestors whose short text (under 400 bytes) holds a date. A link
/// to a part of the page (`#comments`, `#comment-12`: a comment's
/// permalink) or to the site's front page does not count. `addresses`:
/// the page's canonical URL and the URL it was fetched from.
pub(crate) fn self_linked(doc: &Html, addresses: &[&str]) -> Option<NaiveDate> {
    let own: Vec<&str> = addresses.iter().filter_map(|a| path_of(a)).collect();
    if own.is_empty() {
        return None;
    }
    doc.select(&LINK)
        .filter(|a| {
            let href = a.value().attr("href").unwrap_or("");
            !href.contains('#') && path_of(href).is_some_and(|p| own.contains(&p))
        })
        .take(20)
        .find_map(|a| {
            a.ancestors().take(3).find_map(|block| {
                let block = ElementRef::wrap(block)?;
                let text = block.text().take(40).collect::<Vec<_>>().join(" ");
                if text.len() > 400 {
                    return None;
                }
                parse_text(&text).or_else(|| parse_short_dmy(&text))
            })
        })
}

/// The path (and query) of an address, absolute, protocol-relative or
/// site-relative, without trailing `/` or `.` (an archived page's path
/// keeps its capture prefix: another capture of the same page is another
/// page); `None` for the front page (a path under two bytes) and non-web
/// links.
fn path_of(address: &str) -> Option<&str> {
    let address = address.trim();
    let host_at = match address.find("://") {
        Some(i) if address[..i].chars().all(|c| c.is_ascii_alphabetic()) => Some(i + 3),
        _ => address.starts_with("//").then_some(2),
    };
    let start = match host_at {
        Some(h) => h + address[h..].find('/')?,
        None => 0,
    };
    let path = address[start..].trim_end_matches(['/', '.']);
    (path.starts_with('/') && path.len() >= 2).then_some(path)
}

/// How much text after the headline is searched for a written date.
const NEAR_HEADLINE: usize = 1500;

/// The longest text node read as a dateline of its own ("06.12.2022",
/// "Posted on 5 May 2020 by Ann") rather than running text.
const SHORT_NODE: usize = 60;

/// A date written in the text that follows the first `<h1>` (bylines and
/// datelines sit just above or below the headline), or that precedes it
/// closely, outside scripts, styles and furniture. A date standing in a
/// short text node of its own — or in a `data-date` attribute after the
/// headline — is the dateline and wins over one inside a sentence (a deck
/// that names the dates of an offer, an event).
pub(crate) fn near_headline(doc: &Html) -> Option<NaiveDate> {
    use ego_tree::iter::Edge;
    use scraper::Node;
    let headline = headline(doc);
    let mut before = String::new();
    let mut after = String::new();
    // The first short dated node after the headline, the last before it
    // (with the length of `before` when it was seen).
    let mut short_after = None;
    let mut short_before: Option<(NaiveDate, usize)> = None;
    let short = |t: &str| {
        let t = t.trim();
        (t.len() <= SHORT_NODE)
            .then(|| parse_text(t).or_else(|| parse_short_dmy(t)))
            .flatten()
    };
    let mut seen_h1 = false;
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Element(e)
                    if matches!(e.name(), "script" | "style" | "noscript" | "head")
                        || is_furniture(e) =>
                {
                    skip = Some(node.id())
                }
                Node::Element(_) if Some(node.id()) == headline => seen_h1 = true,
                Node::Element(e) if seen_h1 && short_after.is_none() => {
                    short_after = e.attr("data-date").and_then(short);
                }
                Node::Text(t) if seen_h1 => {
                    short_after = short_after.or_else(|| short(t));
                    after.push_str(t);
                    after.push(' ');
                    if after.len() > NEAR_HEADLINE {
                        break;
                    }
                }
                Node::Text(t) => {
                    if let Some(d) = short(t) {
                        short_before = Some((d, before.len() + t.len()));
                    }
                    before.push_str(t);
                    before.push(' ');
                    if before.len() > 4 * NEAR_HEADLINE {
                        let mut cut = 2 * NEAR_HEADLINE;
                        while !before.is_char_boundary(cut) {
                            cut += 1;
                        }
                        before.drain(..cut);
                        short_before = short_before
                            .filter(|s| s.1 > cut)
                            .map(|(d, at)| (d, at - cut));
                    }
                }
                _ => {}
            },
            Edge::Close(node) if skip == Some(node.id()) => skip = None,
            _ => {}
        }
    }
    if !seen_h1 {
        return None;
    }
    let tail: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(300)..].iter().collect()
    };
    // A short node before the headline counts when it sits within the tail.
    let short_before = short_before
        .filter(|s| before.len() - s.1 <= tail.len())
        .map(|s| s.0);
    short_after
        .or(short_before)
        .or_else(|| parse_text(&after))
        .or_else(|| parse_text(&tail))
}

/// The headline element: the first `<h1>` outside furniture, else, on a
/// page without one, the first heading (`h2`–`h6`) whose text is part of
/// the page's `<title>`.
fn headline(doc: &Html) -> Option<ego_tree::NodeId> {
    static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
    static HEADINGS: LazyLock<Selector> = LazyLock::new(|| sel("h2, h3, h4, h5, h6"));
    static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
    if let Some(h) = doc.select(&H1).find(|h| !in_furniture(*h)) {
        return Some(h.id());
    }
    let norm = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = norm(doc.select(&TITLE).next()?.text().collect());
    doc.select(&HEADINGS)
        .take(100)
        .find(|h| {
            let text = norm(h.text().collect());
            text.chars().count() >= 15 && title.contains(&text) && !in_furniture(*h)
        })
        .map(|h| h.id())
}

/// Class or id words of page furniture: lists of other articles, reader
/// comments, sidebars.
const FURNITURE: &[&str] = &[
    "related",
    "comment",
    "comments",
    "sidebar",
    "teaser",
    "teasers",
    "recommended",
    "popular",
    "trending",
    "pagination",
];

/// Whether `e` sits inside page furniture: an `aside`, `nav` or `footer`,
/// or an element named by [`is_furniture`] (checked up to 20 ancestors).
pub(crate) fn in_furniture(e: ElementRef) -> bool {
    e.ancestors()
        .take(20)
        .filter_map(ElementRef::wrap)
        .any(|a| is_furniture(a.value()))
}

/// Whether an element is page furniture: an `aside`, `nav` or `footer`, or
/// one whose class or id names a block of [`FURNITURE`] (see
/// [`names_furniture`]; `body` and `main` never count).
fn is_furniture(e: &scraper::node::Element) -> bool {
    match e.name() {
        "aside" | "nav" | "footer" => return true,
        "html" | "body" | "main" | "article" => return false,
        _ => {}
    }
    let words = [e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")];
    words
        .iter()
        .flat_map(|w| w.split_whitespace())
        .any(names_furniture)
}

/// Short words that open a class name as a state or a layout modifier
/// (`has-sidebar`, `no-comments`, `lay-sidebar`: a layout with a sidebar),
/// not as a site's namespace prefix.
const MODIFIERS: &[&str] = &[
    "has", "no", "is", "with", "show", "hide", "not", "use", "lay",
];

/// Whether one class or id token names a furniture block: its first part
/// (`related-posts`, `comment__time`), or its second after a site's short
/// namespace prefix (`kb-comments`, `td-related`, `c-teaser`) — not a
/// layout modifier (`has-sidebar`, `page--with-sidebar`), and not the main
/// column a layout block names as its BEM element (`sidebar__main`).
fn names_furniture(token: &str) -> bool {
    let token = token.to_ascii_lowercase();
    if let Some((_, element)) = token.split_once("__") {
        if matches!(element.split(['-', '_']).next(), Some("main" | "primary")) {
            return false;
        }
    }
    let mut parts = token.split(['-', '_']).filter(|p| !p.is_empty());
    match parts.next() {
        Some(p) if FURNITURE.contains(&p) => true,
        Some(p) if p.len() <= 3 && !MODIFIERS.contains(&p) => {
            parts.next().is_some_and(|p| FURNITURE.contains(&p))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::names_furniture;

    #[test]
    fn furniture_class_names() {
        for furniture in [
            "related-posts",
            "comment__time",
            "kb-comments",
            "td-related",
            "c-teaser",
            "sidebar",
        ] {
            assert!(names_furniture(furniture), "{furniture}");
        }
        for not in [
            "has-sidebar",
            "page--with-sidebar",
            "no-comments",
            "lay-sidebar",
            "sidebar__main",
            "article-body",
            "kb-recipe",
        ] {
            assert!(!names_furniture(not), "{not}");
        }
    }
}
