//! Every date a page states anywhere, for deciding mechanically whether a
//! page states a given day (the evaluation's "pages that state their date"),
//! never for choosing the page's date (that is [`crate::date`]).
//!
//! A page states a day when that exact year, month and day is written, in a
//! format [`crate::datetext::all_dates`] reads (both readings of an
//! ambiguous numeric date; two-digit day-first years), in
//! - its visible text: every text node outside scripts, styles, `noscript`
//!   and templates, the `<title>` included;
//! - its metadata: the `content`, `datetime` and `value` attributes of any
//!   element (meta tags, microdata, `<time>`, `<data>`), the `title` of an
//!   `<abbr>` (microformats), JSON-LD blocks, and the addresses the page
//!   names itself by (`<link rel=canonical>`, the URL it was fetched from).
//!
//! Other script data (a tracking variable, a configuration object) is not
//! stated to a reader or a metadata consumer and does not count.

use crate::datetext::all_dates;
use chrono::NaiveDate;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::collections::BTreeSet;

/// Every day `doc` (fetched from `url`, when known) states.
pub fn dates_stated(doc: &Html, url: Option<&str>) -> BTreeSet<NaiveDate> {
    let mut found: BTreeSet<NaiveDate> = url.into_iter().flat_map(all_dates).collect();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut text = String::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Element(e) => {
                    for (name, value) in e.attrs() {
                        let metadata = matches!(name, "content" | "datetime" | "value")
                            || (name == "title" && e.name() == "abbr")
                            || (name == "href"
                                && e.name() == "link"
                                && e.attr("rel").is_some_and(|r| r.contains("canonical")));
                        if metadata {
                            found.extend(all_dates(value));
                        }
                    }
                    let json_ld = e.name() == "script"
                        && e.attr("type")
                            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if !json_ld && matches!(e.name(), "script" | "style" | "noscript" | "template")
                    {
                        skip = Some(node.id());
                    }
                }
                Node::Text(t) => {
                    text.push_str(t);
                    text.push(' ');
                }
                _ => {}
            },
            Edge::Close(node) if skip == Some(node.id()) => skip = None,
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    found.extend(all_dates(&text));
    found
}

/// Whether the page `html` (raw bytes, fetched from `url`) states the day
/// `ymd`, written exactly `YYYY-MM-DD` (anything else, `2022-11-1`, is
/// stated nowhere): see the module documentation for what counts.
pub fn states(html: &[u8], url: Option<&str>, ymd: &str) -> bool {
    let well_formed = ymd.len() == 10
        && ymd.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let Some(date) = well_formed
        .then(|| NaiveDate::parse_from_str(ymd, "%Y-%m-%d").ok())
        .flatten()
    else {
        return false;
    };
    let (text, _) = crate::charset::decode(html);
    dates_stated(&Html::parse_document(&text), url).contains(&date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_metadata_and_address_state_a_date() {
        let page =
            br#"<html><head><meta property="article:modified_time" content="2021-03-04T10:00:00Z">
<script type="application/ld+json">{"datePublished":"2021-02-01"}</script>
<script>var built = "2020-12-24";</script></head>
<body><p>Posted 5 January 2021 by Ann.</p><time datetime="2021-01-06">yesterday</time>
<p>Am 07.01.21 geschrieben.</p></body></html>"#;
        for d in [
            "2021-03-04",
            "2021-02-01",
            "2021-01-05",
            "2021-01-06",
            "2021-01-07",
        ] {
            assert!(states(page, None, d), "{d}");
        }
        // Script data is not stated; the URL's path is.
        assert!(!states(page, None, "2020-12-24"));
        assert!(states(
            page,
            Some("https://a.example/2020/12/24/x"),
            "2020-12-24"
        ));
    }

    #[test]
    fn both_readings_of_a_numeric_date_but_not_another_year() {
        let page = b"<p>Updated 05/11/2019.</p>";
        assert!(states(page, None, "2019-11-05"));
        assert!(states(page, None, "2019-05-11"));
        assert!(!states(page, None, "2018-11-05"));
        assert!(!states(b"<p>1 Nov 2022</p>", None, "2022-11-1"));
    }
}
