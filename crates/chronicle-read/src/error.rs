//! The one error type of the readers: which input, where in it, and why.
//!
//! Invariant: an error renders on exactly one line (`INPUT: line N: reason`,
//! `INPUT: byte N: reason` or `INPUT: reason`), so a batch run can print one
//! line per bad article and users can grep them. Reasons that quote input
//! data are escaped when built, and [`ReadError::new`] replaces any line break
//! that slips through.

use std::fmt;
use thiserror::Error;

/// Where in an input an error was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Position {
    /// The error concerns the input as a whole (it cannot be opened, it is
    /// too large, it has no date).
    #[default]
    None,
    /// A 1-based line: the JSON Lines record, or the line a damaged
    /// compressed stream had reached.
    Line(u64),
    /// A 0-based byte offset into the (decompressed) input.
    Byte(u64),
}

impl Position {
    /// The text between the input's name and the reason, colons included.
    fn separator(self) -> PositionSep {
        PositionSep(self)
    }
}

/// Renders a [`Position`] as the middle part of an error line.
struct PositionSep(Position);

impl fmt::Display for PositionSep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Position::None => f.write_str(": "),
            Position::Line(n) => write!(f, ": line {n}: "),
            Position::Byte(n) => write!(f, ": byte {n}: "),
        }
    }
}

/// An article that could not be read. The other articles of the same input
/// and of the other inputs are still read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{input}{}{reason}", .position.separator())]
pub struct ReadError {
    /// The input's name: a path, or `-` for standard input.
    pub input: String,
    pub position: Position,
    pub reason: String,
}

impl ReadError {
    pub fn new(input: impl Into<String>, position: Position, reason: impl Into<String>) -> Self {
        let mut reason = reason.into();
        if reason.contains(['\n', '\r']) {
            reason = reason.replace(['\n', '\r'], " ");
        }
        ReadError {
            input: input.into(),
            position,
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_each_position_on_one_line() {
        let e = ReadError::new("news.jsonl", Position::Line(3), "empty body");
        assert_eq!(e.to_string(), "news.jsonl: line 3: empty body");
        let e = ReadError::new("a.txt", Position::Byte(120), "invalid UTF-8");
        assert_eq!(e.to_string(), "a.txt: byte 120: invalid UTF-8");
        let e = ReadError::new("a.txt", Position::None, "binary file");
        assert_eq!(e.to_string(), "a.txt: binary file");
        let e = ReadError::new("-", Position::None, "two\nlines\r\n");
        assert_eq!(e.to_string(), "-: two lines  ");
    }
}
