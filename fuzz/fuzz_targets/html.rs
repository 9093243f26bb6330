//! Fuzzes HTML extraction (charset detection, parsing, main text, title,
//! date) and the HTML reader on arbitrary bytes: nothing may panic or
//! overflow the stack, and every document read keeps the readers' promises.
#![no_main]

use chronicle_read::{read_bytes, InputFormat};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let url = (selector & 0x40 != 0).then_some("https://news.example/2021/03/04/story.html");
    if let Ok(article) = chronicle_html::extract_article(bytes, url) {
        assert!(article.date_source.is_some() == article.date.is_some());
    }
    let (name, format) = if selector & 0x20 == 0 {
        ("page.html", InputFormat::Auto)
    } else {
        ("-", InputFormat::Html)
    };
    let mut opts = common::options(format, selector);
    opts.max_bytes = opts.max_bytes.max(1 << 16);
    common::check(name, &read_bytes(name, bytes, &opts));
});
