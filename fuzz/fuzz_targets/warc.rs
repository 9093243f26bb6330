//! Fuzzes the WARC reader (record headers, HTTP responses, chunked and
//! gzip/deflate content, the HTML pages inside) on arbitrary bytes, plain,
//! gzipped whole (`.warc.gz`) and gzipped in several members as Common
//! Crawl writes them: nothing may panic, errors carry a byte offset, and
//! every document read keeps the readers' promises.
#![no_main]

use chronicle_read::{read_bytes, InputFormat, Position};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let (name, format) = match selector >> 6 {
        0 => ("cc.warc", InputFormat::Auto),
        1 => ("-", InputFormat::Auto),
        _ => ("archive.bin", InputFormat::Warc),
    };
    let opts = common::options(format, selector);
    let input = match (selector >> 4) & 3 {
        0 | 1 => bytes.to_vec(),
        2 => common::gzip(bytes),
        // One gzip member per `WARC/` record start, as in CC-NEWS files.
        _ => {
            let mut starts: Vec<usize> = memchr_starts(bytes);
            starts.push(bytes.len());
            let mut out = common::gzip(&bytes[..starts[0]]);
            for pair in starts.windows(2) {
                out.extend(common::gzip(&bytes[pair[0]..pair[1]]));
            }
            out
        }
    };
    let name = if (selector >> 4) & 3 >= 2 && name == "cc.warc" {
        "cc.warc.gz"
    } else {
        name
    };
    let results = read_bytes(name, &input, &opts);
    common::check(name, &results);
    if format == InputFormat::Warc {
        for e in results.iter().filter_map(|r| r.as_ref().err()) {
            assert!(matches!(e.position, Position::Byte(_)), "{e}");
        }
    }
});

fn memchr_starts(bytes: &[u8]) -> Vec<usize> {
    (0..bytes.len())
        .filter(|&i| bytes[i..].starts_with(b"WARC/"))
        .collect()
}
