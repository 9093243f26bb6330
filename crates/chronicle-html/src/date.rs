//! The publication date of a page and where it was found, tried in order of
//! trust: JSON-LD `datePublished`, OpenGraph `article:published_time`,
//! other meta tags (Dublin Core, Parse.ly, Sailthru, `pubdate`, …),
//! microdata `itemprop=datePublished`, a `<time>` element, the URL's date
//! path, and a dateline written near the top of the article.
//!
//! Invariants: publication is preferred to modification — a modification
//! date is taken only when nothing else states a date; nothing is invented:
//! a page stating no date gives `None`. The order follows htmldate
//! (Barbaresi 2020), which found structured markup the most reliable and
//! free text the least.

use crate::datetext::{parse_machine, parse_text, parse_url};
use crate::DateSource;
use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|_| Selector::parse("never-matches").unwrap())
}

static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static ITEMPROP_PUB: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"[itemprop="datePublished"], [itemprop="dateCreated"]"#));
static ITEMPROP_MOD: LazyLock<Selector> = LazyLock::new(|| sel(r#"[itemprop="dateModified"]"#));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static DATELINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"[class*="date"], [class*="Date"], [id*="date"], [class*="time"], [class*="publish"], [class*="byline"], [class*="meta"], [class*="posted"], [class*="info"], [class*="author"], [class*="Datum"], [class*="datum"]"#,
    )
});

/// Meta names (or properties) that state the publication date, by source.
const OG_PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
];
const META_PUBLISHED: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "datepublished",
    "originalpublicationdate",
    "ptime",
    "pdate",
    "citation_publication_date",
    "citation_date",
    "release_date",
    "displaydate",
    "og:pubdate",
    "bt:pubdate",
    "live_date",
    "created",
    "creation_date",
    "dc.created",
    "datecreated",
    "date_published",
    "firstpublishdate",
    "dc.issued",
    "article.created",
    "publication-date",
];
const META_MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "last-modified",
    "lastmod",
    "dcterms.modified",
    "dc.date.modified",
    "datemodified",
    "modified",
];

/// Finds the page's publication date.
pub fn find(
    doc: &Html,
    url: Option<&str>,
    canonical: Option<&str>,
) -> Option<(NaiveDate, DateSource)> {
    let mut ld = [None; 4];
    for script in doc.select(&LD_JSON) {
        let text: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
            walk_ld(&v, 0, &mut ld);
        }
    }
    if let Some(d) = ld[0].or(ld[1]).or(ld[2]) {
        return Some((d, DateSource::JsonLd));
    }
    let (mut og, mut meta, mut modified) = (None, None, None);
    for m in doc.select(&META) {
        let e = m.value();
        let key = e
            .attr("property")
            .or_else(|| e.attr("name"))
            .or_else(|| e.attr("itemprop"))
            .or_else(|| e.attr("http-equiv"))
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let Some(content) = e.attr("content") else {
            continue;
        };
        if OG_PUBLISHED.contains(&key.as_str()) {
            og = og.or_else(|| parse_machine(content));
        } else if META_PUBLISHED.contains(&key.as_str()) {
            meta = meta.or_else(|| parse_machine(content));
        } else if META_MODIFIED.contains(&key.as_str()) {
            modified = modified.or_else(|| parse_machine(content));
        }
    }
    if let Some(d) = og {
        return Some((d, DateSource::OpenGraph));
    }
    if let Some(d) = meta {
        return Some((d, DateSource::Meta));
    }
    if let Some(d) = doc.select(&ITEMPROP_PUB).find_map(|e| machine_value(e)) {
        return Some((d, DateSource::Microdata));
    }
    if let Some(d) = time_element(doc) {
        return Some((d, DateSource::Time));
    }
    if let Some(d) = canonical
        .and_then(parse_url)
        .or_else(|| url.and_then(parse_url))
    {
        return Some((d, DateSource::Url));
    }
    if let Some(d) = dateline(doc).or_else(|| near_headline(doc)) {
        return Some((d, DateSource::Dateline));
    }
    let modified = ld[3]
        .or(modified)
        .or_else(|| doc.select(&ITEMPROP_MOD).find_map(|e| machine_value(e)));
    modified.map(|d| (d, DateSource::Modified))
}

/// Collects `datePublished` / `dateCreated` and `dateModified` from JSON-LD,
/// through `@graph` and nested objects (depth-capped).
/// JSON-LD keys, in order of trust; the last is the modification date.
const LD_KEYS: [&str; 4] = ["datePublished", "dateCreated", "uploadDate", "dateModified"];

/// Collects the first value of each of [`LD_KEYS`] anywhere in JSON-LD,
/// through `@graph` and nested objects (depth-capped), so an image's
/// `uploadDate` met first does not hide the article's `datePublished`.
fn walk_ld(v: &Value, depth: usize, found: &mut [Option<NaiveDate>; 4]) {
    if depth > 12 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| walk_ld(i, depth + 1, found)),
        Value::Object(map) => {
            for (slot, key) in found.iter_mut().zip(LD_KEYS) {
                if slot.is_none() {
                    *slot = map.get(key).and_then(Value::as_str).and_then(parse_machine);
                }
            }
            for (k, child) in map {
                // A review's or comment's date is not the page's.
                if !matches!(
                    k.as_str(),
                    "review" | "comment" | "comments" | "citation" | "isPartOf" | "publisher"
                ) {
                    walk_ld(child, depth + 1, found);
                }
            }
        }
        _ => {}
    }
}

fn machine_value(e: ElementRef) -> Option<NaiveDate> {
    let v = e.value();
    v.attr("content")
        .or_else(|| v.attr("datetime"))
        .and_then(parse_machine)
        .or_else(|| parse_text(&e.text().collect::<String>()))
}

/// A `<time>` marked as the publication time (`pubdate`, a `published`
/// class, inside a header or byline) wins; else the first `<time>`.
fn time_element(doc: &Html) -> Option<NaiveDate> {
    let mut first = None;
    for t in doc.select(&TIME) {
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

/// A date written in an element whose class or id says date, time, byline
/// or meta; the first that parses, in document order.
fn dateline(doc: &Html) -> Option<NaiveDate> {
    doc.select(&DATELINE).take(200).find_map(|e| {
        let text: String = e.text().take(20).collect();
        if text.len() > 300 {
            return None;
        }
        parse_text(&text)
    })
}

/// How much text after the headline is searched for a written date.
const NEAR_HEADLINE: usize = 1500;

/// A date written in the text that follows the first `<h1>` (bylines and
/// datelines sit just above or below the headline), or that precedes it
/// closely, outside scripts and styles.
fn near_headline(doc: &Html) -> Option<NaiveDate> {
    use ego_tree::iter::Edge;
    use scraper::Node;
    let mut before = String::new();
    let mut after = String::new();
    let mut seen_h1 = false;
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Element(e)
                    if matches!(
                        e.name(),
                        "script" | "style" | "noscript" | "head" | "nav" | "footer"
                    ) =>
                {
                    skip = Some(node.id())
                }
                Node::Element(e) if e.name() == "h1" => seen_h1 = true,
                Node::Text(t) if seen_h1 => {
                    after.push_str(t);
                    after.push(' ');
                    if after.len() > NEAR_HEADLINE {
                        break;
                    }
                }
                Node::Text(t) => {
                    before.push_str(t);
                    before.push(' ');
                    if before.len() > 4 * NEAR_HEADLINE {
                        let mut cut = 2 * NEAR_HEADLINE;
                        while !before.is_char_boundary(cut) {
                            cut += 1;
                        }
                        before.drain(..cut);
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
    parse_text(&after).or_else(|| parse_text(&tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(html: &str, url: Option<&str>) -> Option<(NaiveDate, DateSource)> {
        find(&Html::parse_document(html), url, None)
    }

    #[test]
    fn json_ld_beats_modified_and_time() {
        let page = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","dateModified":"2020-02-02","datePublished":"2020-01-01T10:00:00Z"}]}</script><time datetime="2019-05-05">x</time>"#;
        assert_eq!(
            date_of(page, None),
            Some((
                NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
                DateSource::JsonLd
            ))
        );
    }

    #[test]
    fn an_image_upload_date_does_not_hide_the_article_date() {
        let page = r#"<script type="application/ld+json">[{"@type":"ImageObject","uploadDate":"2021-09-19"},{"@type":"Article","datePublished":"2021-09-20"}]</script>"#;
        assert_eq!(
            date_of(page, None).map(|d| d.0.to_string()).as_deref(),
            Some("2021-09-20")
        );
    }

    #[test]
    fn modification_only_when_nothing_else() {
        let page = r#"<meta property="article:modified_time" content="2021-03-04"><p>x</p>"#;
        assert_eq!(date_of(page, None).map(|d| d.1), Some(DateSource::Modified));
        let page = r#"<meta property="article:modified_time" content="2021-03-04"><meta property="article:published_time" content="2021-03-01">"#;
        assert_eq!(
            date_of(page, None).map(|d| d.1),
            Some(DateSource::OpenGraph)
        );
    }

    #[test]
    fn url_then_dateline_then_nothing() {
        assert_eq!(
            date_of("<p>x</p>", Some("https://a.com/2018/07/09/x")).map(|d| d.1),
            Some(DateSource::Url)
        );
        let page = r#"<div class="article-date">Published 9 July 2018</div>"#;
        assert_eq!(date_of(page, None).map(|d| d.1), Some(DateSource::Dateline));
        assert_eq!(date_of("<p>Founded in 2018.</p>", None), None);
    }
}
