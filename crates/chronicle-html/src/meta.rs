//! A page's descriptive metadata: title (without the site-name suffix),
//! canonical URL, author and declared language.
//!
//! The title is the headline: an `<h1>` that the `<title>` or `og:title`
//! contains is taken as is; otherwise `og:title` or `<title>` loses the
//! site name that publishers append (`Headline | Site`, `Headline - Site`),
//! found as the segment naming `og:site_name` or as the shorter side of a
//! separator.

use scraper::{Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

/// A CSS selector from a constant of this crate, shared by the modules that
/// query the page; one that failed to parse would match nothing, never panic.
pub(crate) fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|_| Selector::parse("never-matches").unwrap())
}

static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static ARTICLE_H1: LazyLock<Selector> =
    LazyLock::new(|| sel("article h1, main h1, [role=main] h1"));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel(r#"link[rel="canonical"]"#));
static HTML: LazyLock<Selector> = LazyLock::new(|| sel("html"));
static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static AUTHOR_EL: LazyLock<Selector> = LazyLock::new(|| {
    sel(r#"[itemprop="author"], [rel="author"], [class*="author-name"], [class*="byline__name"]"#)
});

/// What the meta tags of a page say, lower-cased keys.
pub struct MetaTags {
    tags: Vec<(String, String)>,
}

impl MetaTags {
    pub fn of(doc: &Html) -> MetaTags {
        let tags = doc
            .select(&META)
            .filter_map(|m| {
                let e = m.value();
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("http-equiv"))?;
                let content = e.attr("content")?;
                Some((key.trim().to_ascii_lowercase(), clean(content)))
            })
            .collect();
        MetaTags { tags }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// White space collapsed to single spaces, trimmed.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " // ", " • ", " ‹ ", " › ", ": ",
];

/// The page's headline.
pub fn title(doc: &Html, meta: &MetaTags) -> Option<String> {
    let head_title = doc
        .select(&TITLE)
        .next()
        .map(|t| clean(&t.text().collect::<String>()));
    let og = meta
        .get("og:title")
        .or_else(|| meta.get("twitter:title"))
        .map(str::to_owned);
    let site = meta
        .get("og:site_name")
        .or_else(|| meta.get("application-name"));
    let in_article: Vec<String> = doc
        .select(&ARTICLE_H1)
        .take(5)
        .map(|h| clean(&h.text().collect::<String>()))
        .collect();
    let all: Vec<String> = doc
        .select(&H1)
        .take(10)
        .map(|h| clean(&h.text().collect::<String>()))
        .collect();
    let is_site = |h: &str| {
        let h = h.to_lowercase();
        site.is_some_and(|s| s.to_lowercase() == h)
            || head_title.as_deref().is_some_and(|t| {
                let t = t.to_lowercase();
                t != h
                    && (t.ends_with(&h) || t.starts_with(&h))
                    && h.split_whitespace().count() <= 3
            })
    };
    let usable = |h: &&String| h.chars().count() > 5 && h.chars().count() < 300 && !is_site(h);
    let h1s: Vec<&String> = if in_article.iter().any(|h| usable(&h)) {
        in_article.iter().filter(usable).collect()
    } else {
        all.iter().filter(usable).collect()
    };
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let candidates: Vec<String> = [og.as_deref(), head_title.as_deref()]
        .into_iter()
        .flatten()
        .flat_map(&words)
        .collect();
    // A headline sharing most of its words with the document title.
    for h1 in &h1s {
        let w = words(h1);
        let shared = w.iter().filter(|x| candidates.contains(x)).count();
        if !w.is_empty() && shared * 2 >= w.len() {
            return Some((*h1).clone());
        }
    }
    // The one headline of the page, when there is one.
    if h1s.len() == 1 && h1s[0].split_whitespace().count() >= 2 {
        return Some(h1s[0].clone());
    }
    let raw = og.or(head_title).filter(|t| !t.is_empty());
    match raw {
        Some(t) => Some(strip_site(&t, site)),
        None => h1s.first().map(|h| (*h).clone()),
    }
}

/// `Headline | Site` → `Headline`.
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in SEPARATORS {
        let parts: Vec<&str> = title.split(sep).collect();
        if parts.len() < 2 {
            continue;
        }
        if let Some(site) = site.map(str::to_lowercase) {
            let kept: Vec<&str> = parts
                .iter()
                .copied()
                .filter(|p| {
                    let p = p.trim().to_lowercase();
                    !(p == site
                        || (p.len() > 2 && site.contains(&p))
                        || (site.len() > 2 && p.contains(&site) && p.len() < site.len() + 12))
                })
                .collect();
            if !kept.is_empty() && kept.len() < parts.len() {
                return kept.join(sep).trim().to_owned();
            }
        }
        if *sep == ": " {
            continue;
        }
        let (first, last) = (parts[0].trim(), parts[parts.len() - 1].trim());
        let words = |s: &str| s.split_whitespace().count();
        // The site name is the short end; the headline the long one.
        if words(last) <= 4 && words(first) > words(last) {
            return parts[..parts.len() - 1].join(sep).trim().to_owned();
        }
        if words(first) <= 3 && words(last) > words(first) + 2 {
            return parts[1..].join(sep).trim().to_owned();
        }
    }
    title.trim().to_owned()
}

/// `<link rel=canonical>`, else `og:url`, when absolute.
pub fn canonical(doc: &Html, meta: &MetaTags) -> Option<String> {
    doc.select(&CANONICAL)
        .find_map(|l| l.value().attr("href"))
        .map(str::trim)
        .filter(|h| h.starts_with("http"))
        .map(str::to_owned)
        .or_else(|| {
            meta.get("og:url")
                .filter(|u| u.starts_with("http"))
                .map(str::to_owned)
        })
}

/// The author: meta `author`, JSON-LD `author.name`, or a byline element.
pub fn author(doc: &Html, meta: &MetaTags) -> Option<String> {
    let ok = |a: &str| !a.is_empty() && !a.starts_with("http") && a.chars().count() < 120;
    if let Some(a) = meta
        .get("author")
        .or_else(|| meta.get("article:author"))
        .or_else(|| meta.get("dc.creator"))
        .or_else(|| meta.get("sailthru.author"))
        .or_else(|| meta.get("parsely-author"))
    {
        if ok(a) {
            return Some(a.to_owned());
        }
    }
    for script in doc.select(&LD_JSON) {
        let text: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
            if let Some(a) = ld_author(&v, 0).filter(|a| ok(a)) {
                return Some(a);
            }
        }
    }
    doc.select(&AUTHOR_EL)
        .map(|e| clean(&e.text().collect::<String>()))
        .find(|a| ok(a) && a.split_whitespace().count() <= 6)
        .map(|a| {
            a.trim_start_matches("By ")
                .trim_start_matches("by ")
                .trim_start_matches("Von ")
                .to_owned()
        })
}

fn ld_author(v: &Value, depth: usize) -> Option<String> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| ld_author(i, depth + 1)),
        Value::Object(map) => {
            if let Some(a) = map.get("author") {
                let name = match a {
                    Value::String(s) => Some(clean(s)),
                    Value::Object(o) => o.get("name").and_then(Value::as_str).map(clean),
                    Value::Array(list) => {
                        let names: Vec<String> = list
                            .iter()
                            .filter_map(|x| {
                                x.get("name")
                                    .and_then(Value::as_str)
                                    .or(x.as_str())
                                    .map(clean)
                            })
                            .collect();
                        (!names.is_empty()).then(|| names.join("; "))
                    }
                    _ => None,
                };
                if name.is_some() {
                    return name;
                }
            }
            map.get("@graph").and_then(|g| ld_author(g, depth + 1))
        }
        _ => None,
    }
}

/// The declared language: `<html lang>`, `content-language`, `og:locale`;
/// the primary subtag, lower-cased (`de-DE` → `de`).
pub fn language(doc: &Html, meta: &MetaTags) -> Option<String> {
    let declared = doc
        .select(&HTML)
        .next()
        .and_then(|h| {
            h.value()
                .attr("lang")
                .or_else(|| h.value().attr("xml:lang"))
        })
        .map(str::to_owned)
        .or_else(|| meta.get("content-language").map(str::to_owned))
        .or_else(|| meta.get("og:locale").map(str::to_owned))?;
    let primary = declared
        .trim()
        .split(['-', '_'])
        .next()?
        .to_ascii_lowercase();
    (primary.len() == 2 || primary.len() == 3).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_is_dropped() {
        assert_eq!(
            strip_site(
                "Storm hits coast | The Daily Planet",
                Some("The Daily Planet")
            ),
            "Storm hits coast"
        );
        assert_eq!(
            strip_site("Storm hits the coast hard - BBC News", None),
            "Storm hits the coast hard"
        );
        assert_eq!(strip_site("Storm hits coast", None), "Storm hits coast");
    }

    #[test]
    fn h1_inside_title_wins() {
        let doc =
            Html::parse_document("<title>Big news today – Example</title><h1>Big news today</h1>");
        assert_eq!(
            title(&doc, &MetaTags::of(&doc)).as_deref(),
            Some("Big news today")
        );
    }

    #[test]
    fn canonical_author_language() {
        let doc = Html::parse_document(
            r#"<html lang="de-AT"><link rel="canonical" href="https://a.at/x"><meta name="author" content="Anna Berg"></html>"#,
        );
        let m = MetaTags::of(&doc);
        assert_eq!(canonical(&doc, &m).as_deref(), Some("https://a.at/x"));
        assert_eq!(author(&doc, &m).as_deref(), Some("Anna Berg"));
        assert_eq!(language(&doc, &m).as_deref(), Some("de"));
    }
}
