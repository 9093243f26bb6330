//! Reading one token as a number: digits with separators and decimals
//! (`100,000`, `2.5`), glued scales and units (`40k`, `2.3bn`, `15km`),
//! ranges inside a token (`30-40`), compounds (`30-member`, `ten-storey`),
//! and number words (`seven`, `thirty-five`).
//!
//! What is refused here, because the token itself says it is not a count:
//! times and dates (`10:30`, `3/16/22`, `6am`), decades (`1990s`), ordinals
//! (`21st`), ages and durations written as compounds (`66-year-old`,
//! `24-hour`, `eleven-month-old`), odds (`three-in-five`), phone-like digit
//! groups (`555-1234-5`),
//! and anything with letters we do not know (`4x4`, `5G`).

use crate::lexicon::{scale_suffix, small_number_word, time_unit, unit};

/// What one token says as a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Atom {
    pub value: f64,
    /// Upper end of a range written in the token (`30-40`).
    pub high: Option<f64>,
    /// A scale glued to the digits (`40k`, `2.3bn`, `5m`).
    pub scale: Option<f64>,
    /// A unit glued to the digits (`15km`), with whether it is a length.
    pub unit: Option<(&'static str, bool)>,
    /// Byte length of the number part (`30` in `30-member`).
    pub num_len: usize,
    /// Byte range, inside the token, of a compound's noun (`member`).
    pub compound: Option<(usize, usize)>,
    /// Written with digits (designations and years only apply to those).
    pub digits: bool,
    /// A plain integer of four digits without separators (a possible year).
    pub year_like: bool,
}

/// Reads the leading number of `s` (digits, `,` thousands groups, one `.`
/// decimal part). Returns the value and its byte length.
fn leading_number(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut seen_dot = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            if n < buf.len() {
                buf[n] = c;
                n += 1;
            } else {
                return None;
            }
        } else if c == b',' && !seen_dot && i + 3 < b.len() + 1 {
            // A thousands separator needs three digits after it.
            let next3 = b.get(i + 1..i + 4);
            let ok = next3.is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
            if !ok {
                break;
            }
        } else if c == b'.' && !seen_dot && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            seen_dot = true;
            if n < buf.len() {
                buf[n] = b'.';
                n += 1;
            }
        } else {
            break;
        }
        i += 1;
    }
    if n == 0 {
        return None;
    }
    let text = std::str::from_utf8(&buf[..n]).ok()?;
    let v: f64 = text.parse().ok()?;
    v.is_finite().then_some((v, i))
}

/// Reads a token of kind Number. `None` when the token is not a count.
pub fn digits_atom(s: &str) -> Option<Atom> {
    if s.contains([':', '/']) {
        return None;
    }
    let (value, len) = leading_number(s)?;
    let digit_only = s[..len].bytes().all(|c| c.is_ascii_digit());
    let mut atom = Atom {
        value,
        high: None,
        scale: None,
        unit: None,
        num_len: len,
        compound: None,
        digits: true,
        year_like: digit_only && len == 4,
    };
    let mut rest = &s[len..];
    let mut at = len;
    // A range inside the token: 30-40, 1.5-2bn.
    if let Some(r) = rest.strip_prefix('-') {
        if let Some((hi, hl)) = leading_number(r) {
            // Digit groups joined by hyphens twice or more: phone numbers.
            if r[hl..].starts_with('-') && r[hl + 1..].starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            // Scores and tallies (3-1, 220-211) run downwards; ranges up.
            if hi <= value {
                return None;
            }
            atom.high = Some(hi);
            atom.year_like = false;
            at += 1 + hl;
            rest = &r[hl..];
        }
    }
    if rest.is_empty() {
        return Some(atom);
    }
    let lower = rest.to_ascii_lowercase();
    let word = lower.trim_start_matches('-');
    if word.is_empty() {
        return None;
    }
    if time_unit(word)
        || word.starts_with("year")
        || word.starts_with("day")
        || word.starts_with("hour")
        || word.starts_with("minute")
        || word.starts_with("month")
        || word.starts_with("week")
        || word.contains("-year")
        || word.contains("-old")
        || matches!(word, "s" | "st" | "nd" | "rd" | "th" | "'s" | "am" | "pm")
    {
        return None;
    }
    atom.year_like = false;
    if !rest.starts_with('-') {
        if let Some(k) = scale_suffix(word) {
            atom.scale = Some(k);
            return Some(atom);
        }
        if let Some(u) = unit(word) {
            atom.unit = Some(u);
            return Some(atom);
        }
        return None;
    }
    // A compound: 30-member, 1,000-strong, 6.3-magnitude, 15-mile.
    if !word.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-') {
        return None;
    }
    if let Some(u) = unit(word) {
        atom.unit = Some(u);
        return Some(atom);
    }
    // "2019-nCoV", "737-MAX": a name, not a count of something.
    if s[at..].bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let start = at + 1;
    atom.compound = Some((start, s.len()));
    Some(atom)
}

/// The value of a number word, hyphenated tens included ("thirty-five").
pub fn word_value(w: &str) -> Option<f64> {
    if let Some(v) = small_number_word(w) {
        return Some(v);
    }
    let (tens, ones) = w.split_once('-')?;
    let t = small_number_word(tens)?;
    let o = small_number_word(ones)?;
    (t >= 20.0 && t % 10.0 == 0.0 && (1.0..10.0).contains(&o)).then_some(t + o)
}

/// Reads a word token (lower-cased) as a number: "seven", "thirty-five", or
/// a compound "ten-storey" (the noun's byte range is returned too).
pub fn word_atom(w: &str) -> Option<Atom> {
    let mk = |value, num_len, compound| Atom {
        value,
        high: None,
        scale: None,
        unit: None,
        num_len,
        compound,
        digits: false,
        year_like: false,
    };
    if let Some(v) = word_value(w) {
        return Some(mk(v, w.len(), None));
    }
    // Longest number-word prefix before a hyphen: "thirty-five-member".
    let mut best = None;
    for (i, _) in w.match_indices('-') {
        if let Some(v) = word_value(&w[..i]) {
            best = Some((v, i));
        }
    }
    let (v, i) = best?;
    let noun = &w[i + 1..];
    if noun.is_empty() || !noun.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-') {
        return None;
    }
    if time_unit(noun)
        || noun.starts_with("year")
        || noun.starts_with("day")
        || noun.starts_with("hour")
        || noun.starts_with("minute")
        || noun.starts_with("month")
        || noun.starts_with("week")
        || noun.contains("-old")
        || noun.contains("-year")
        || matches!(
            noun,
            "thirds" | "third" | "fifths" | "quarters" | "time" | "times"
        )
        // Odds: "a three-in-five chance", "one-in-a-million".
        || noun.starts_with("in-")
    {
        return None;
    }
    if let Some(u) = unit(noun) {
        let mut a = mk(v, i, None);
        a.unit = Some(u);
        return Some(a);
    }
    Some(mk(v, i, Some((i + 1, w.len()))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(digits_atom("100,000").unwrap().value, 100_000.0);
        assert_eq!(digits_atom("3.5").unwrap().value, 3.5);
        assert!(digits_atom("1973").unwrap().year_like);
        assert!(!digits_atom("1,973").unwrap().year_like);
    }

    #[test]
    fn glued_scales_units_and_ranges() {
        let a = digits_atom("2.3bn").unwrap();
        assert_eq!((a.value, a.scale), (2.3, Some(1e9)));
        assert_eq!(digits_atom("40k").unwrap().scale, Some(1e3));
        assert_eq!(digits_atom("15km").unwrap().unit, Some(("km", true)));
        let r = digits_atom("30-40").unwrap();
        assert_eq!((r.value, r.high), (30.0, Some(40.0)));
    }

    #[test]
    fn compounds_keep_their_noun() {
        let a = digits_atom("30-member").unwrap();
        assert_eq!((a.value, a.num_len, a.compound), (30.0, 2, Some((3, 9))));
        let w = word_atom("ten-storey").unwrap();
        assert_eq!((w.value, w.compound), (10.0, Some((4, 10))));
        assert_eq!(word_atom("thirty-five").unwrap().value, 35.0);
    }

    #[test]
    fn refuses_times_ages_scores_and_ordinals() {
        for s in [
            "10:30",
            "3/16/22",
            "6am",
            "1990s",
            "21st",
            "66-year-old",
            "24-hour",
            "3-1",
            "220-211",
            "555-123-4567",
            "5G",
        ] {
            assert_eq!(digits_atom(s), None, "{s}");
        }
        assert_eq!(word_atom("eleven-month-old"), None);
        assert_eq!(word_atom("two-thirds"), None);
        assert_eq!(word_atom("four-in-ten"), None);
    }
}
