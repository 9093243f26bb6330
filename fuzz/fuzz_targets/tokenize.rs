//! Fuzzes the tokenizer and sentence splitter on arbitrary UTF-8: no panic,
//! and every document invariant holds afterwards.
#![no_main]

use chronicle_core::{validate, Annotator, Date, Document};
use chronicle_text::{SentenceSplitter, Tokenizer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut doc = Document::new("fuzz", Date::from_ymd_opt(2022, 3, 16).unwrap(), text);
    Tokenizer.annotate(&mut doc).unwrap();
    SentenceSplitter.annotate(&mut doc).unwrap();
    if let Err(v) = validate(&doc) {
        panic!("{v} in {text:?}");
    }
});
