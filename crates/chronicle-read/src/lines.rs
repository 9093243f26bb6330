//! Bounded line reading for JSON Lines.
//!
//! Invariant: memory is bounded by the limit, not by the input. A line longer
//! than `max_bytes` is consumed chunk by chunk straight from the reader's
//! buffer (`fill_buf`/`consume`) and dropped, so a 50 MB single-line record
//! costs nothing beyond the reader's own buffer; the next line is read as
//! usual.

use crate::sniff::Reader;
use std::io;

/// What [`LineReader::next_line`] found.
#[derive(Debug)]
pub(crate) enum Next {
    /// Line number `n` (1-based) is in [`LineReader::line`].
    Line(u64),
    /// Line `n` was longer than the limit and has been skipped.
    TooLong(u64),
    /// Reading failed while on line `n`; nothing more can be read.
    Failed(u64, io::Error),
    End,
}

/// Splits a stream into lines of at most `max` bytes, without the `\n` and
/// without the `\r` of a CRLF ending.
pub(crate) struct LineReader<'a> {
    reader: Reader<'a>,
    buf: Vec<u8>,
    line: u64,
    max: usize,
    done: bool,
}

impl<'a> LineReader<'a> {
    pub fn new(reader: Reader<'a>, max: usize) -> LineReader<'a> {
        LineReader {
            reader,
            buf: Vec::new(),
            line: 0,
            max,
            done: false,
        }
    }

    /// The line last returned by [`Next::Line`].
    pub fn line(&self) -> &[u8] {
        &self.buf
    }

    pub fn next_line(&mut self) -> Next {
        if self.done {
            return Next::End;
        }
        self.buf.clear();
        // One byte of slack for the `\r` of a CRLF ending, which is not
        // part of the record.
        let cap = self.max.saturating_add(1);
        let mut too_long = false;
        let mut started = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    return Next::Failed(self.line + 1, e);
                }
            };
            if available.is_empty() {
                self.done = true;
                if !started {
                    return Next::End;
                }
                break;
            }
            started = true;
            let newline = memchr::memchr(b'\n', available);
            let chunk = match newline {
                Some(at) => available.get(..at).unwrap_or(available),
                None => available,
            };
            if !too_long {
                if self.buf.len().saturating_add(chunk.len()) > cap {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(chunk);
                }
            }
            let used = chunk.len() + usize::from(newline.is_some());
            self.reader.consume(used);
            if newline.is_some() {
                break;
            }
        }
        self.line += 1;
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        if too_long || self.buf.len() > self.max {
            self.buf.clear();
            return Next::TooLong(self.line);
        }
        Next::Line(self.line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    fn lines(data: &[u8], max: usize, capacity: usize) -> Vec<String> {
        let mut r = LineReader::new(Box::new(BufReader::with_capacity(capacity, data)), max);
        let mut out = Vec::new();
        loop {
            match r.next_line() {
                Next::Line(n) => out.push(format!("{n}:{}", String::from_utf8_lossy(r.line()))),
                Next::TooLong(n) => out.push(format!("{n}:too long")),
                Next::Failed(n, e) => out.push(format!("{n}:failed {e}")),
                Next::End => return out,
            }
        }
    }

    #[test]
    fn splits_crlf_and_keeps_inner_cr() {
        for capacity in [1, 2, 3, 64] {
            assert_eq!(
                lines(b"ab\r\n\r\nc\rd\ne", 10, capacity),
                ["1:ab", "2:", "3:c\rd", "4:e"],
                "buffer of {capacity}"
            );
        }
        assert!(lines(b"", 10, 8).is_empty());
        assert_eq!(lines(b"\n", 10, 8), ["1:"]);
    }

    #[test]
    fn skips_long_lines_and_goes_on() {
        for capacity in [1, 4, 64] {
            assert_eq!(
                lines(b"12345\n123456\n1234\r\n123456\r\nx", 5, capacity),
                ["1:12345", "2:too long", "3:1234", "4:too long", "5:x"],
                "buffer of {capacity}"
            );
        }
    }

    #[test]
    fn a_long_line_is_never_buffered() {
        let mut data = vec![b'a'; 1 << 20];
        data.extend_from_slice(b"\nnext\n");
        let mut r = LineReader::new(Box::new(&data[..]), 100);
        assert!(matches!(r.next_line(), Next::TooLong(1)));
        assert!(r.buf.capacity() <= 101, "{}", r.buf.capacity());
        assert!(matches!(r.next_line(), Next::Line(2)));
        assert_eq!(r.line(), b"next");
    }
}
