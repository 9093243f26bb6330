//! Fuzzes the JSON Lines reader (with gzip sniffing) on arbitrary bytes.
#![no_main]

use chronicle_read::{read_bytes, InputFormat};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let opts = common::options(InputFormat::Jsonl, selector);
    common::check("fuzz.jsonl", &read_bytes("fuzz.jsonl", bytes, &opts));
});
