//! Feed reader tests over hand-made RSS 2.0 and Atom feeds.

use crate::{read_bytes, Position, ReadOptions};
use chronicle_core::Date;

pub(crate) const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>City Gazette</title><link>https://gazette.example/</link>
<description>News</description><language>en</language>
<item><title>Bridge reopens</title><link>https://gazette.example/bridge</link>
<guid>https://gazette.example/bridge</guid>
<pubDate>Mon, 07 Jun 2021 09:00:00 +0000</pubDate>
<description>&lt;p&gt;The old bridge reopened on Monday.&lt;/p&gt;&lt;p&gt;Engineers &amp;amp; crews worked for two years.&lt;/p&gt;</description>
</item>
<item><title>Council meets</title><link>https://gazette.example/council</link>
<description>The council met on Tuesday.</description>
<content:encoded><![CDATA[<p>The council met on Tuesday to approve the budget.</p><p>The vote was 7 to 2.</p>]]></content:encoded>
</item>
<item><title>Empty</title><pubDate>Tue, 08 Jun 2021 09:00:00 +0000</pubDate></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<updated>2022-03-16T12:00:00Z</updated>
<entry><title type="html">Allies &lt;b&gt;meet&lt;/b&gt;</title><id>urn:wire:1</id>
<link rel="alternate" href="https://wire.example/1"/>
<updated>2022-03-16T12:00:00Z</updated><author><name>A. Writer</name></author>
<summary>NATO ministers met in Brussels on Wednesday.</summary></entry>
</feed>"#;

#[test]
fn rss_items_become_documents() {
    let results = read_bytes("gazette.rss", RSS.as_bytes(), &ReadOptions::default());
    assert_eq!(results.len(), 3, "{results:?}");
    let first = results[0].as_ref().unwrap();
    assert_eq!(first.id, "https://gazette.example/bridge");
    assert_eq!(first.date, Date::from_ymd_opt(2021, 6, 7).unwrap());
    assert_eq!(
        first.body(),
        "The old bridge reopened on Monday.\n\nEngineers & crews worked for two years."
    );
    assert_eq!(first.title.as_deref(), Some("Bridge reopens"));
    assert_eq!(first.url.as_deref(), Some("https://gazette.example/bridge"));
    assert_eq!(first.metadata["feed_title"], "City Gazette");
    assert_eq!(first.metadata["date_source"], "feed-published");
    assert_eq!(first.language.as_deref(), Some("en"));
    assert_eq!(first.origin.line, Some(1));
    // Undated without a default date: an error naming the item.
    let e = results[1].as_ref().unwrap_err();
    assert_eq!(e.position, Position::Line(2));
    assert!(e.reason.contains("date"), "{e}");
    let e = results[2].as_ref().unwrap_err();
    assert!(e.reason.contains("content or summary"), "{e}");
}

#[test]
fn content_is_preferred_to_the_summary_and_the_default_date_applies() {
    let opts = ReadOptions {
        default_date: Date::from_ymd_opt(2021, 6, 8),
        ..ReadOptions::default()
    };
    let results = read_bytes("gazette.xml", RSS.as_bytes(), &opts);
    let second = results[1].as_ref().unwrap();
    assert_eq!(
        second.body(),
        "The council met on Tuesday to approve the budget.\n\nThe vote was 7 to 2."
    );
    assert_eq!(second.metadata["body_source"], "content");
    assert_eq!(second.metadata["date_source"], "default");
}

#[test]
fn atom_entries_and_sniffing() {
    for name in ["wire.atom", "-", "wire.xml"] {
        let results = read_bytes(name, ATOM.as_bytes(), &ReadOptions::default());
        assert_eq!(results.len(), 1, "{name}: {results:?}");
        let doc = results[0].as_ref().unwrap();
        assert_eq!(doc.body(), "NATO ministers met in Brussels on Wednesday.");
        assert_eq!(doc.title.as_deref(), Some("Allies meet"));
        assert_eq!(doc.date, Date::from_ymd_opt(2022, 3, 16).unwrap());
        assert_eq!(doc.metadata["date_source"], "feed-updated");
        assert_eq!(doc.metadata["author"], "A. Writer");
        assert_eq!(doc.url.as_deref(), Some("https://wire.example/1"));
    }
}

#[test]
fn a_broken_feed_is_one_error() {
    let cut = &RSS[..RSS.len() / 2];
    let results = read_bytes("cut.rss", cut.as_bytes(), &ReadOptions::default());
    assert!(results.iter().any(|r| r.is_err()), "{results:?}");
    let results = read_bytes("x.rss", b"not xml at all", &ReadOptions::default());
    assert_eq!(results.len(), 1);
    assert!(results[0].as_ref().unwrap_err().reason.contains("feed"));
}
