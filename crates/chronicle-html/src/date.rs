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

use crate::datetext::{clock, parse_machine, parse_text, parse_url, utc_time};
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
static ITEMPROP_PUB: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"[itemprop="datePublished"], [itemprop="dateCreated"], [property="schema:datePublished"], [property="schema:dateCreated"], [property="dc:date"], [property="dc:created"], [property="dcterms:created"], [property="dcterms:issued"]"#,
    )
});
static ITEMPROP_MOD: LazyLock<Selector> = LazyLock::new(|| sel(r#"[itemprop="dateModified"]"#));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static DATELINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"[class*="date"], [class*="Date"], [id*="date"], [class*="time"], [class*="publish"], [class*="publication"], [class*="byline"], [class*="meta"], [class*="posted"], [class*="info"], [class*="author"], [class*="Datum"], [class*="datum"]"#,
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

/// A date with, when it was a UTC timestamp, its time of day.
type Stated = (NaiveDate, Option<(u32, u32)>);

fn machine(s: &str) -> Option<Stated> {
    parse_machine(s).map(|d| (d, utc_time(s)))
}

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
            og = og.or_else(|| machine(content));
        } else if META_PUBLISHED.contains(&key.as_str()) {
            meta = meta.or_else(|| machine(content));
        } else if META_MODIFIED.contains(&key.as_str()) {
            modified = modified.or_else(|| parse_machine(content));
        }
    }
    let stated = ld[0]
        .or(ld[1])
        .or(ld[2])
        .map(|d| (d, DateSource::JsonLd))
        .or_else(|| og.map(|d| (d, DateSource::OpenGraph)))
        .or_else(|| meta.map(|d| (d, DateSource::Meta)))
        .or_else(|| {
            doc.select(&ITEMPROP_PUB)
                .find_map(machine_value)
                .map(|d| (d, DateSource::Microdata))
        });
    if let Some(((date, utc), source)) = stated {
        let local = utc.and_then(|time| local_day(doc, date, time));
        return Some(local.unwrap_or((date, source)));
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
    if let Some(d) = labelled(doc)
        .or_else(|| dateline(doc))
        .or_else(|| near_headline(doc))
    {
        return Some((d, DateSource::Dateline));
    }
    let modified = ld[3].map(|d| d.0).or(modified).or_else(|| {
        doc.select(&ITEMPROP_MOD)
            .find_map(|e| machine_value(e).map(|d| d.0))
    });
    modified.map(|d| (d, DateSource::Modified))
}

/// The page's own calendar day for a UTC timestamp at `time` on `date`,
/// when the page shows it one day off. A `<time>` with a clock time counts
/// only when it is the same instant (its offset applied, or, without one,
/// the same minutes: a whole-hour zone); the first date the page shows
/// otherwise (a date-only `<time>`, a labelled or dateline date) counts
/// when a common time zone reaches it from that hour — the day before for
/// an hour under 10 (UTC−10 to −1), the day after from 15 (UTC+9 and
/// east) — and settles the question either way. `None`: keep `date`.
fn local_day(
    doc: &Html,
    date: NaiveDate,
    (hour, minute): (u32, u32),
) -> Option<(NaiveDate, DateSource)> {
    let in_reach = |shown: NaiveDate| match (shown - date).num_days() {
        -1 => hour < 10,
        1 => hour >= 15,
        _ => false,
    };
    let utc_minutes = (hour * 60 + minute) as i32;
    let mut first_shown = None;
    for t in doc.select(&TIME).take(50) {
        let Some(datetime) = t.value().attr("datetime") else {
            continue;
        };
        let Some(shown) = parse_machine(datetime) else {
            continue;
        };
        match clock(datetime) {
            Some((h, m, Some(offset))) => {
                let same = ((h * 60 + m) as i32 - offset - utc_minutes).rem_euclid(24 * 60) == 0;
                if same {
                    let days = (shown - date).num_days().abs();
                    return (days == 1).then_some((shown, DateSource::Time));
                }
            }
            Some((_, m, None)) => {
                if m == minute && in_reach(shown) {
                    return Some((shown, DateSource::Time));
                }
            }
            None => {
                first_shown = first_shown.or(Some((shown, DateSource::Time)));
            }
        }
    }
    let (shown, source) = first_shown.or_else(|| {
        labelled(doc)
            .or_else(|| dateline(doc))
            .or_else(|| near_headline(doc))
            .map(|d| (d, DateSource::Dateline))
    })?;
    in_reach(shown).then_some((shown, source))
}

/// Collects `datePublished` / `dateCreated` and `dateModified` from JSON-LD,
/// through `@graph` and nested objects (depth-capped).
/// JSON-LD keys, in order of trust; the last is the modification date.
const LD_KEYS: [&str; 4] = ["datePublished", "dateCreated", "uploadDate", "dateModified"];

/// Collects the first value of each of [`LD_KEYS`] anywhere in JSON-LD,
/// through `@graph` and nested objects (depth-capped), so an image's
/// `uploadDate` met first does not hide the article's `datePublished`.
fn walk_ld(v: &Value, depth: usize, found: &mut [Option<Stated>; 4]) {
    if depth > 12 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| walk_ld(i, depth + 1, found)),
        Value::Object(map) => {
            for (slot, key) in found.iter_mut().zip(LD_KEYS) {
                if slot.is_none() {
                    *slot = map.get(key).and_then(Value::as_str).and_then(machine);
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

fn machine_value(e: ElementRef) -> Option<Stated> {
    let v = e.value();
    v.attr("content")
        .or_else(|| v.attr("datetime"))
        .and_then(machine)
        .or_else(|| parse_text(&e.text().collect::<String>()).map(|d| (d, None)))
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

/// Labels that announce a publication date in running text, in the
/// languages of [`crate::datetext`]; an update label is not one.
static PUBLISHED_LABEL: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:erschienen am|veröffentlicht(?: am)?|publiziert am|published(?: on)?|publication date|date published|posted on|publié le|paru le|publicado(?: el| em)?|pubblicato(?: il)?|opublikowano|gepubliceerd(?: op)?)\s*:?\s*",
    )
    .unwrap()
});

/// A date that directly follows a publication label ("Erschienen am:
/// 01.11.2023", "Published on 5 May 2020") in the page's text, outside
/// scripts and styles; the first such date.
fn labelled(doc: &Html) -> Option<NaiveDate> {
    let body = doc
        .select(&BODY)
        .next()
        .unwrap_or_else(|| doc.root_element());
    let mut text = String::new();
    visible_text(body, &mut text, 0);
    PUBLISHED_LABEL.find_iter(&text).take(20).find_map(|m| {
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

    fn day(page: &str) -> Option<String> {
        date_of(page, None).map(|d| d.0.to_string())
    }

    #[test]
    fn a_utc_time_near_midnight_takes_the_day_the_page_shows() {
        // 05:30 UTC is the evening before in the Americas.
        let page = r#"<script type="application/ld+json">{"datePublished":"2023-11-09T05:30:59Z"}</script><h1>Mayor</h1><time datetime="2023-11-08 23:30:59">Nov. 8</time>"#;
        assert_eq!(day(page).as_deref(), Some("2023-11-08"));
        // 23:00 UTC is the next morning east of Greenwich.
        let page = r#"<meta property="article:published_time" content="2021-11-04T23:00Z"><h1>X</h1><div class="date">05.11.2021</div>"#;
        assert_eq!(day(page).as_deref(), Some("2021-11-05"));
        // No time zone puts 14:00 UTC on the day before.
        let page = r#"<meta property="article:published_time" content="2021-11-04T14:00Z"><div class="date">03.11.2021</div>"#;
        assert_eq!(day(page).as_deref(), Some("2021-11-04"));
        // A <time> of another instant (a sidebar, an update) is not the day.
        let page = r#"<meta property="article:published_time" content="2020-08-14T21:30:04+00:00"><time datetime="2020-08-15T09:35:53-07:00">x</time>"#;
        assert_eq!(day(page).as_deref(), Some("2020-08-14"));
        // The same instant in the page's own zone gives its day.
        let page = r#"<meta property="article:published_time" content="2023-10-30T23:01:18+00:00"><time datetime="2023-10-31T00:01:18+01:00">x</time><div class="date">1. November 2023</div>"#;
        assert_eq!(day(page).as_deref(), Some("2023-10-31"));
        // A local time is the page's own day whatever else it shows.
        let page = r#"<meta property="article:published_time" content="2021-11-04T01:00:00+01:00"><div class="date">03.11.2021</div>"#;
        assert_eq!(day(page).as_deref(), Some("2021-11-04"));
    }

    #[test]
    fn rdfa_properties_state_the_date() {
        let page = r#"<span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00"></span><time datetime="2020-01-01">old</time>"#;
        assert_eq!(
            date_of(page, None),
            Some((
                NaiveDate::from_ymd_opt(2022, 1, 28).unwrap(),
                DateSource::Microdata
            ))
        );
    }

    #[test]
    fn a_date_after_a_publication_label_beats_other_written_dates() {
        let page = r#"<body><h1>Rezension</h1><p>Das Buch von 12.03.2019 ...</p><p class="footer">Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023<br>Lesungen: 61</p><script>var d = "Published: 2001-01-01";</script></body>"#;
        assert_eq!(day(page).as_deref(), Some("2023-11-01"));
        let page = r#"<body><div>Posted on <b>May 5, 2020</b> by Ann</div></body>"#;
        assert_eq!(day(page).as_deref(), Some("2020-05-05"));
        // A label followed by something else is no date.
        assert_eq!(
            day("<body><p>Published by the city, 2020.</p></body>"),
            None
        );
    }

    #[test]
    fn a_publication_block_is_a_dateline() {
        let page = r#"<h1>Privatisations</h1><div class="publication"> jeudi 13 juin 2019</div>"#;
        assert_eq!(day(page).as_deref(), Some("2019-06-13"));
    }
}
