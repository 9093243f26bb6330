//! Shared by the fuzz targets: options from the first input byte, and the
//! promises every result must keep.

use chronicle_core::{is_space, Date, Document};
use chronicle_read::{InputFormat, ReadError, ReadOptions};

/// Options chosen by `selector`, so the fuzzer explores small limits and the
/// absence of a default date too.
pub fn options(format: InputFormat, selector: u8) -> ReadOptions {
    ReadOptions {
        format,
        default_date: (selector & 1 == 0).then(|| Date::from_ymd_opt(2022, 3, 16).unwrap()),
        max_bytes: match (selector >> 1) & 3 {
            0 => 0,
            1 => 16,
            2 => 256,
            _ => 1 << 20,
        },
    }
}

pub fn check(name: &str, results: &[Result<Document, ReadError>]) {
    for result in results {
        match result {
            Ok(doc) => {
                assert!(!doc.body().chars().all(is_space), "empty body: {doc:?}");
                assert!(!doc.id.is_empty());
                assert_eq!(doc.origin.input, name);
                assert!(doc.origin.line.is_some());
                assert_eq!(chronicle_core::validate(doc), Ok(()));
            }
            Err(e) => {
                assert_eq!(e.input, name);
                assert!(!e.reason.is_empty());
                assert!(!e.to_string().contains('\n'), "{e}");
            }
        }
    }
}

/// `bytes` as one gzip member.
#[allow(dead_code)]
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}
