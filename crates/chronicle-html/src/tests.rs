//! Whole-page tests on small hand-written pages, and the property that no
//! input panics.

use super::*;
use proptest::prelude::*;

const PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8">
<title>Council approves school budget – Springfield Herald</title>
<meta property="og:site_name" content="Springfield Herald">
<link rel="canonical" href="https://herald.example/2023/05/02/budget">
<meta name="author" content="Jane Roe">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Council approves school budget</h1>
<p>The city council voted on Tuesday evening to approve a new budget for the public schools of Springfield.</p>
<p>The plan adds forty teachers and repairs three buildings, the mayor said after the vote, calling it overdue.</p>
<p>Opponents said the tax increase that pays for it would hurt small businesses in the downtown area.</p>
</article>
<footer>Copyright Springfield Herald. All rights reserved.</footer>
</body></html>"#;

#[test]
fn reads_a_news_page() {
    let a = extract_article(PAGE.as_bytes(), None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Council approves school budget"));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://herald.example/2023/05/02/budget")
    );
    assert_eq!(a.date, NaiveDate::from_ymd_opt(2023, 5, 2));
    assert_eq!(a.date_source, Some(DateSource::Url));
    assert_eq!(a.author.as_deref(), Some("Jane Roe"));
    assert!(a.body.contains("forty teachers"), "{}", a.body);
    assert!(a.body.contains("\n\n"));
    assert!(!a.body.contains("Sport"));
    assert!(!a.body.contains("All rights reserved"));
}

#[test]
fn a_page_without_a_date_has_none() {
    let page = PAGE.replace("/2023/05/02", "");
    let a = extract_article(page.as_bytes(), None).unwrap();
    assert_eq!((a.date, a.date_source), (None, None));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut page = "<div>".repeat(50_000);
    page.push_str("<p>deep text that is long enough to count as a paragraph here</p>");
    let a = extract_article(page.as_bytes(), None).unwrap();
    assert!(a.body.contains("deep text"));
}

#[test]
fn too_large_is_an_error() {
    let page = vec![b' '; MAX_BYTES + 1];
    assert!(matches!(
        extract_article(&page, None),
        Err(HtmlError::TooLarge(_))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = extract_article(&bytes, Some("https://x.example/2020/01/01/a"));
    }

    #[test]
    fn arbitrary_tag_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![Just("<div>"), Just("</div>"), Just("<p>"), Just("<table><tr><td>"), Just("<script>"),
                    Just("<time datetime='2020-13-45'>"), Just("text words here "), Just("<!--"), Just("&amp;")], 0..200)) {
        let page: String = parts.concat();
        let _ = extract_article(page.as_bytes(), None);
    }
}
