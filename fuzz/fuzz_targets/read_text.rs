//! Fuzzes the text readers (auto, dated, plain; with gzip sniffing) on
//! arbitrary bytes.
#![no_main]

use chronicle_read::{read_bytes, InputFormat};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector >> 6 {
        0 => InputFormat::Auto,
        1 => InputFormat::DatedText,
        _ => InputFormat::Text,
    };
    let name = if selector & 0x20 == 0 {
        "fuzz.txt"
    } else {
        "-"
    };
    let opts = common::options(format, selector);
    common::check(name, &read_bytes(name, bytes, &opts));
});
