//! The publication date of a page and where it was found, tried in order of
//! trust: JSON-LD `datePublished`, OpenGraph `article:published_time`,
//! other meta tags (Dublin Core, Parse.ly, Sailthru, `pubdate`, …),
//! microdata `itemprop=datePublished`, a `<time>` element, the URL's date
//! path, and a dateline written near the top of the article (the dates a
//! page shows are read in `shown`, never from related-article
//! lists, comments or sidebars). When the structured sources disagree, the
//! one that matches the date the page shows its reader wins: a stale
//! JSON-LD block or an image's own date loses to the byline.
//!
//! Invariants: publication is preferred to modification — a modification
//! date (structured, or after a label such as "Last updated", "Letzte
//! Änderung") is taken only when nothing else states a date; nothing is invented:
//! a page stating no date gives `None`. The order follows htmldate
//! (Barbaresi 2020), which found structured markup the most reliable and
//! free text the least.

use crate::datetext::{clock, parse_machine, parse_text, parse_url, utc_time};
use crate::shown::{
    dateline, in_furniture, labelled, labelled_modified, near_headline, self_linked, time_element,
    TIME,
};
use crate::DateSource;
use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

use crate::meta::sel;

static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static ITEMPROP_PUB: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"[itemprop="datePublished"], [itemprop="dateCreated"], [property="schema:datePublished"], [property="schema:dateCreated"], [property="dc:date"], [property="dc:created"], [property="dcterms:created"], [property="dcterms:issued"]"#,
    )
});
static ITEMPROP_MOD: LazyLock<Selector> = LazyLock::new(|| sel(r#"[itemprop="dateModified"]"#));

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
    // Every publication date stated, in order of trust.
    let mut stated: Vec<(Stated, DateSource)> = ld[..3]
        .iter()
        .flatten()
        .map(|d| (*d, DateSource::JsonLd))
        .chain(og.map(|d| (d, DateSource::OpenGraph)))
        .chain(meta.map(|d| (d, DateSource::Meta)))
        .collect();
    if stated.is_empty() {
        stated.extend(
            doc.select(&ITEMPROP_PUB)
                .find_map(machine_value)
                .map(|d| (d, DateSource::Microdata)),
        );
    }
    if let Some(&((date, utc), source)) = stated.first() {
        // Sources that disagree: the one the page shows its reader is the
        // page's (a stale JSON-LD block, an image's own date).
        if stated.iter().any(|s| s.0 .0 != date) {
            let shown = time_element(doc)
                .or_else(|| labelled(doc))
                .or_else(|| dateline(doc))
                .or_else(|| near_headline(doc));
            if let Some(s) = stated.iter().find(|s| Some(s.0 .0) == shown) {
                return Some((s.0 .0, s.1));
            }
        }
        // A generic meta `date` alone is the least trusted statement (often
        // the day the page was built): a publication date the page labels
        // as such, or writes next to its headline, wins over it (not any
        // date-classed element: event lists and teaser cards have those).
        if stated.iter().all(|s| s.1 == DateSource::Meta) {
            if let Some(shown) = labelled(doc).or_else(|| near_headline(doc)) {
                if shown != date {
                    return Some((shown, DateSource::Dateline));
                }
            }
        }
        // OpenGraph or JSON-LD against the date the page shows its reader
        // twice — in its `<time>` and next to its headline — with no
        // dateline saying otherwise: the shown date (a republication or a
        // rebuild restamps the metadata, not the page).
        if matches!(source, DateSource::OpenGraph | DateSource::JsonLd) {
            if let Some(shown) = time_element(doc).filter(|t| *t != date) {
                if near_headline(doc) == Some(shown) && dateline(doc).is_none_or(|d| d == shown) {
                    return Some((shown, DateSource::Time));
                }
            }
        }
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
    let modified = ld[3]
        .map(|d| d.0)
        .or(modified)
        .or_else(|| {
            doc.select(&ITEMPROP_MOD)
                .find_map(|e| machine_value(e).map(|d| d.0))
        })
        .or_else(|| labelled_modified(doc));
    // A date in the text by the headline later than the page's last
    // modification is something else's (an event the text announces); a
    // labelled or dateline date is kept even so (editors stamp both).
    let near = near_headline(doc).filter(|d| modified.is_none_or(|m| *d <= m));
    let addresses: Vec<&str> = canonical.into_iter().chain(url).collect();
    if let Some(d) = labelled(doc)
        .or_else(|| dateline(doc))
        .or(near)
        .or_else(|| self_linked(doc, &addresses))
    {
        return Some((d, DateSource::Dateline));
    }
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
    for t in doc.select(&TIME).filter(|t| !in_furniture(*t)).take(50) {
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
    fn dates_in_related_lists_and_comments_are_not_the_page_s() {
        let page = r#"<h1>Entlöten</h1><p>Text.</p><div class="related-posts"><time class="published" datetime="2009-04-11">11. April 2009</time></div><ol class="comment-list"><li><time datetime="2020-09-23">23.09.20</time></li></ol>"#;
        assert_eq!(day(page), None);
        let url = Some("https://a.example/2019/10/22/entloeten/");
        assert_eq!(
            date_of(page, url).map(|d| (d.0.to_string(), d.1)),
            Some(("2019-10-22".into(), DateSource::Url))
        );
        let page = r#"<aside><time datetime="2018-01-01">x</time></aside><header><time datetime="2019-02-03">3 Feb</time></header>"#;
        assert_eq!(day(page).as_deref(), Some("2019-02-03"));
    }

    #[test]
    fn disagreeing_sources_are_settled_by_the_date_the_page_shows() {
        // A stale JSON-LD block against OpenGraph and the byline.
        let page = r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2021-12-06 14:36"}</script><meta property="article:published_time" content="2022-12-15T09:13:00"><h1>Tricks</h1><div class="article__info-item">15.12.2022</div>"#;
        assert_eq!(
            date_of(page, None).map(|d| (d.0.to_string(), d.1)),
            Some(("2022-12-15".into(), DateSource::OpenGraph))
        );
        // No source agrees with the shown date: trust order stands.
        let page = r#"<script type="application/ld+json">{"datePublished":"2021-12-06"}</script><meta property="article:published_time" content="2022-12-15"><h1>T</h1><div class="date">01.01.2020</div>"#;
        assert_eq!(day(page).as_deref(), Some("2021-12-06"));
    }

    #[test]
    fn a_modification_label_dates_a_page_that_states_nothing_else() {
        let page = r#"<body><h3>Hochauflösung</h3><label>Letzte Änderung:</label><div>14.01.2022 um 09:25</div></body>"#;
        assert_eq!(
            date_of(page, None).map(|d| (d.0.to_string(), d.1)),
            Some(("2022-01-14".into(), DateSource::Modified))
        );
        let page = r#"<body><div>Published on 2 May 2020</div><div>Last updated: 4 June 2021</div></body>"#;
        assert_eq!(day(page).as_deref(), Some("2020-05-02"));
    }

    #[test]
    fn a_labelled_date_or_one_by_the_headline_beats_a_lone_meta_date() {
        let page = r#"<meta name="date" content="2021-10-15"><h1>Neue Präsidentin</h1><span>Erschienen am:</span><h2>13.10.2021</h2>"#;
        assert_eq!(day(page).as_deref(), Some("2021-10-13"));
        let page = r#"<meta name="date" content="2021-12-20"><h1>Geburtstag</h1><span class="date">27.01.2022</span>"#;
        assert_eq!(day(page).as_deref(), Some("2022-01-27"));
        // A date in a list of events further down the page does not count.
        let text = "Ein Wein aus Spanien, im Fass gereift. ".repeat(60);
        let page = format!(
            r#"<meta name="date" content="2020-02-11"><h1>Rioja</h1><p>{text}</p><ul><li><span class="datum">29.02.2020 18:00 Uhr</span></li></ul>"#
        );
        assert_eq!(day(&page).as_deref(), Some("2020-02-11"));
        // OpenGraph is not overruled so.
        let page = r#"<meta property="article:published_time" content="2021-12-20"><span class="date">27.01.2022</span>"#;
        assert_eq!(day(page).as_deref(), Some("2021-12-20"));
    }

    #[test]
    fn a_page_without_h1_is_dated_near_the_heading_that_titles_it() {
        let page = r#"<html><head><title>Energy prices: your rights at a glance | Club</title></head><body><h6>Energy prices: your rights at a glance</h6><h5>By Ann Lee</h5><p>(21 November 2022) Customers get a cap.</p></body></html>"#;
        assert_eq!(day(page).as_deref(), Some("2022-11-21"));
    }

    #[test]
    fn a_dateline_s_text_nodes_stay_apart_and_a_submitted_block_is_one() {
        let page = r#"<h1>Messenger</h1><p>Der Bericht steht hier, gelesen am 01.02.2022 im Archiv.</p><ul class="info"><li><span>Datum:</span>26. Januar 2022</li><li><span>Jahr:</span>2022</li></ul>"#;
        assert_eq!(day(page).as_deref(), Some("2022-01-26"));
        let text = "Das Treffen findet am 23.-26.8.2017 in Jura statt. ".repeat(40);
        let page = format!(
            r#"<h1>Faircoin</h1><p>{text}</p><div class="submitted">Gespeichert von ann am 24. Juli 2017 - 18:55</div>"#
        );
        assert_eq!(day(&page).as_deref(), Some("2017-07-24"));
    }

    #[test]
    fn a_date_shown_in_time_and_by_the_headline_beats_one_structured_date() {
        let page = r#"<meta property="article:published_time" content="2022-11-17T08:00:00+01:00"><h1>Heat pumps</h1><ul><li><time datetime="2022-03-09">09.03.2022</time></li></ul><p>Text.</p>"#;
        assert_eq!(day(page).as_deref(), Some("2022-03-09"));
        // A dateline that agrees with the metadata keeps it.
        let page = r#"<meta property="article:published_time" content="2019-10-18"><h1>Star</h1><div class="date">18.10.2019</div><time datetime="2019-04-21">Apr 21, 2019</time>"#;
        assert_eq!(day(page).as_deref(), Some("2019-10-18"));
    }

    #[test]
    fn a_publication_block_is_a_dateline() {
        let page = r#"<h1>Privatisations</h1><div class="publication"> jeudi 13 juin 2019</div>"#;
        assert_eq!(day(page).as_deref(), Some("2019-06-13"));
    }

    #[test]
    fn comments_behind_a_site_prefix_are_furniture_and_a_layout_s_main_column_is_not() {
        // `kb-comments`: a site's short prefix before the block's name.
        let page = r#"<h1>Tomaten schneiden</h1><p class="user">von Ann<br>am 20.09.2020</p><p>Text.</p><div id="kb-comments"><div class="kb-comment"><time datetime="2020-09-23T18:19:06+02:00">23.09.20</time></div></div>"#;
        assert_eq!(day(page).as_deref(), Some("2020-09-20"));
        // `sidebar__main` in a `lay-sidebar` layout is the article's column.
        let page = r#"<script type="application/ld+json">{"dateCreated":"Tue, 03 May 2022 23:53:14 GMT","datePublished":"Wed, 04 May 2022 00:25:56 GMT"}</script><h1>Jugada</h1><div class="lay-sidebar"><div class="sidebar__main"><span class="mod-date"><time datetime="3 de mayo de 2022">3 de mayo de 2022</time></span><p>Texto.</p></div></div>"#;
        assert_eq!(day(page).as_deref(), Some("2022-05-03"));
    }

    #[test]
    fn a_date_standing_alone_by_the_headline_beats_one_inside_the_deck() {
        let page = r#"<div class="topline"><span>06.12.2022</span></div><h1>Windpark Steinheim</h1><div class="h3">Die Bürger der Stadt können vom 9.1. bis 10.2.2023 Anteile zeichnen und so Teil der regionalen Energiewende werden.</div>"#;
        assert_eq!(day(page).as_deref(), Some("2022-12-06"));
        // A `data-date` beside the headline is a dateline too.
        let page = r#"<h1>Achtsam durch die Krise</h1><div class="header"><div data-date="18. März 2020"></div><span>1945</span></div><p>Seit dem 1. März 2020 hat sich vieles verändert, schreibt die Autorin in ihrem langen Essay über die Krise und die Achtsamkeit.</p>"#;
        assert_eq!(day(page).as_deref(), Some("2020-03-18"));
        // Without a short dateline, a date in the text still counts.
        let page = r#"<h1>Fest</h1><p>Das Fest fand am 3. Mai 2021 im Park statt, mit vielen Gästen aus der ganzen Region und Musik.</p>"#;
        assert_eq!(day(page).as_deref(), Some("2021-05-03"));
    }

    #[test]
    fn a_date_beside_a_link_to_the_page_itself_dates_it() {
        let url =
            "https://web.archive.org/web/20160218174457/http://blog.example/2010/05/typography/";
        let page = format!(
            r#"<h1>blog</h1><div id="sidebar"><p class="news"><a href="{url}" rel="bookmark">Typography</a> wurde am <nobr>19. Mai 2010</nobr> um 23:03 Uhr gepostet.</p><ul><li><a href="https://web.archive.org/web/20160218174457/http://blog.example/2010/04/tynt/">Tynt</a> 2. April 2010</li></ul></div><div id="content"><p>Text.</p></div>"#
        );
        assert_eq!(
            date_of(&page, Some(url)).map(|d| (d.0.to_string(), d.1)),
            Some(("2010-05-19".into(), DateSource::Dateline))
        );
        // A teaser of this page, by a site-relative link.
        let page = r#"<div class="menu"><div class="newsitem"><a href="/de/news/NewsDetail__18725/">Energiepreise</a><span class="newsitem-time">21.11.2022</span></div></div><h6>Energiepreise</h6><p>Text.</p>"#;
        assert_eq!(
            date_of(page, Some("https://a.example/de/news/NewsDetail__18725/."))
                .map(|d| d.0.to_string()),
            Some("2022-11-21".into())
        );
        // Another capture of the page, a comment's permalink, the front page.
        let page = r#"<p><a href="https://web.archive.org/web/20150726/http://a.example/post/">26 Jul 2015</a></p><div class="c"><a href="https://web.archive.org/web/20160526/http://a.example/post/#comment-3">3 May 2016</a></div><p><a href="/">Home</a> 1 May 2016</p>"#;
        assert_eq!(
            date_of(
                page,
                Some("https://web.archive.org/web/20160526/http://a.example/post/")
            ),
            None
        );
    }

    #[test]
    fn a_date_by_the_headline_later_than_the_last_modification_is_not_the_page_s() {
        let page = r#"<h1>Stammtisch</h1><p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr statt.</p><div id="footer">Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</div>"#;
        assert_eq!(
            date_of(page, None).map(|d| (d.0.to_string(), d.1)),
            Some(("2020-01-29".into(), DateSource::Modified))
        );
        // A labelled publication date is kept even so.
        let page =
            r#"<h1>Rezension</h1><p>Letzte Änderung: 31.10.2023<br>Erschienen am: 01.11.2023</p>"#;
        assert_eq!(day(page).as_deref(), Some("2023-11-01"));
    }
}
