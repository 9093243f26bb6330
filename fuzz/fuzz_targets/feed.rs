//! Fuzzes the RSS / Atom feed reader (feed-rs, then the item to document
//! step with its HTML fragment rendering) on arbitrary bytes, forced and
//! sniffed, plain and gzipped: nothing may panic, and every document read
//! keeps the readers' promises.
#![no_main]

use chronicle_read::{read_bytes, InputFormat};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let (name, format) = match selector >> 6 {
        0 => ("news.rss", InputFormat::Auto),
        1 => ("-", InputFormat::Auto),
        _ => ("feed.xml", InputFormat::Feed),
    };
    let mut opts = common::options(format, selector);
    opts.max_bytes = opts.max_bytes.max(1 << 16);
    if selector & 0x20 != 0 {
        let gzipped = common::gzip(bytes);
        common::check(name, &read_bytes(name, &gzipped, &opts));
    } else {
        common::check(name, &read_bytes(name, bytes, &opts));
    }
});
