//! A tokenizer for news text.
//!
//! Splits at white space ([`chronicle_core::is_space`]), then splits each
//! white-space-free chunk into words, numbers, punctuation, quote marks and
//! symbols, following Penn Treebank conventions where they help later layers
//! (clitics `’s` and `n’t` are tokens of their own, as in CoNLL-2003) and
//! keeping together what news writes as one unit:
//!
//! - abbreviations and initials with their periods: `U.S.`, `Gen.`, `Jan.`, `J.`;
//! - numbers with separators: `100,000`, `3.5`, `10:30`, `3/16/22`;
//! - hyphenated words and designations: `30-member`, `Russian-made`, `MiG-29`;
//! - URLs, e-mail addresses, `@handles` and `#hashtags`;
//! - `...` as one token; each dash, quote mark and bracket as its own.
//!
//! Invariants (checked by `chronicle_core::validate` and property tests):
//! tokens are non-empty, sorted, disjoint, hold no white space, and every
//! non-white-space character of the text lies in a token.

use crate::abbrev::abbreviation;
use chronicle_core::{is_space, Span, Token, TokenKind};

/// Tokenizes `text`, returning tokens in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        // ASCII fast path for the common separators.
        let b = bytes[i];
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        let c = char_at(text, i);
        if is_space(c) {
            i += c.len_utf8();
            continue;
        }
        let end = chunk_end(text, i);
        Chunk {
            text,
            end,
            out: &mut tokens,
        }
        .split(i);
        i = end;
    }
    tokens
}

fn chunk_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = start;
    while j < bytes.len() {
        let b = bytes[j];
        if b < 0x80 {
            if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' || b == 0x0b || b == 0x0c {
                break;
            }
            j += 1;
        } else {
            let c = char_at(text, j);
            if is_space(c) {
                break;
            }
            j += c.len_utf8();
        }
    }
    j
}

/// The character starting at byte `i`, which must be a char boundary.
#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

/// The character ending at byte `i`, if any.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Letters, digits and the combining marks that belong to them.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining(c) || c == '\u{200C}' || c == '\u{200D}'
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Straight and typographic quotation marks (and apostrophes, which share
/// them; inside a word an apostrophe is part of the word).
#[inline]
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‟'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '%'
            | '&'
            | '+'
            | '='
            | '<'
            | '>'
            | '^'
            | '|'
            | '~'
            | '*'
            | '#'
            | '@'
            | '\\'
            | '/'
            | '°'
            | '§'
            | '©'
            | '®'
            | '™'
            | '€'
            | '£'
            | '¥'
            | '₽'
            | '₴'
            | '₹'
            | '¢'
            | '‰'
            | '±'
            | '×'
            | '÷'
    ) || !(c.is_ascii_punctuation() || is_general_punct(c))
}

fn is_general_punct(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3000}'..='\u{303F}' | '¡' | '¿' | '·' | '«' | '»')
}

struct Chunk<'t, 'o> {
    text: &'t str,
    end: usize,
    out: &'o mut Vec<Token>,
}

impl Chunk<'_, '_> {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        debug_assert!(start < end);
        self.out.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }

    fn split(&mut self, mut i: usize) {
        let text = self.text;
        while i < self.end {
            if let Some(e) = self.url_end(i) {
                self.push(i, e, TokenKind::Url);
                i = e;
                continue;
            }
            if let Some(e) = self.email_end(i) {
                self.push(i, e, TokenKind::Email);
                i = e;
                continue;
            }
            let c = char_at(text, i);
            let next = i + c.len_utf8();
            if is_word_char(c) {
                i = self.word(i);
            } else if (c == '@' || c == '#') && next < self.end && is_word_char(char_at(text, next))
            {
                // @handle, #hashtag
                let e = self.word_end(next);
                self.push(i, e, TokenKind::Word);
                i = e;
            } else if c == '.' || c == '-' || c == '!' || c == '?' {
                // runs: "...", "--", "?!", "!!"
                let mut e = next;
                while e < self.end {
                    let d = char_at(text, e);
                    let same_run = d == c || (c != '.' && c != '-' && (d == '!' || d == '?'));
                    if !same_run {
                        break;
                    }
                    e += d.len_utf8();
                }
                self.push(i, e, TokenKind::Punct);
                i = e;
            } else if is_quote_mark(c) {
                self.push(i, next, TokenKind::Quote);
                i = next;
            } else if is_symbol(c) {
                self.push(i, next, TokenKind::Symbol);
                i = next;
            } else {
                self.push(i, next, TokenKind::Punct);
                i = next;
            }
        }
    }

    /// Pushes the word or number starting at `start` (plus any clitic split
    /// off it and any period it keeps) and returns where it ends.
    fn word(&mut self, start: usize) -> usize {
        let text = self.text;
        if let Some(e) = self.dotted_acronym_end(start) {
            self.push(start, e, TokenKind::Word);
            return e;
        }
        let mut e = self.word_end(start);
        let kind = if text.as_bytes()[start].is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        if kind == TokenKind::Word
            && e < self.end
            && text.as_bytes()[e] == b'.'
            && self.keeps_period(start, e)
        {
            e += 1;
            self.push(start, e, kind);
            return e;
        }
        match clitic_start(&text[start..e]) {
            Some(k) if k > 0 => {
                self.push(start, start + k, kind);
                self.push(start + k, e, TokenKind::Word);
            }
            _ => self.push(start, e, kind),
        }
        e
    }

    /// The end of a run of word characters joined by the infixes news uses
    /// inside one word: hyphens between word characters, and between digits
    /// the separators of numbers, times and dates.
    fn word_end(&self, start: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut j = start;
        loop {
            while j < self.end {
                let b = bytes[j];
                if b < 0x80 {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    j += 1;
                } else {
                    let c = char_at(text, j);
                    if !is_word_char(c) {
                        break;
                    }
                    j += c.len_utf8();
                }
            }
            if j >= self.end {
                return j;
            }
            let c = char_at(text, j);
            let after = j + c.len_utf8();
            if after >= self.end {
                return j;
            }
            let next = char_at(text, after);
            let prev = char_before(text, j).unwrap_or(' ');
            let joins = if is_hyphen(c) {
                is_word_char(next)
            } else if is_apostrophe(c) {
                // O'Brien, don't — clitics are split afterwards.
                prev.is_alphabetic() && next.is_alphabetic()
            } else if c == '&' {
                prev.is_uppercase() && next.is_uppercase() // AT&T, S&P
            } else if matches!(c, '.' | ':' | '/') {
                prev.is_ascii_digit() && next.is_ascii_digit()
            } else if c == ',' {
                prev.is_ascii_digit() && thousands_group(&bytes[after..self.end])
            } else {
                false
            };
            if !joins {
                return j;
            }
            j = after;
        }
    }

    /// `U.S.`, `e.g.`, `a.m.`: single letters each followed by a period, at
    /// least two of them.
    fn dotted_acronym_end(&self, start: usize) -> Option<usize> {
        let text = self.text;
        let mut j = start;
        let mut letters = 0;
        while j < self.end {
            let c = char_at(text, j);
            if !c.is_alphabetic() {
                break;
            }
            let dot = j + c.len_utf8();
            if dot >= self.end || text.as_bytes()[dot] != b'.' {
                break;
            }
            letters += 1;
            j = dot + 1;
            // the next letter must stand alone before its own period
            if j < self.end && !char_at(text, j).is_alphabetic() {
                break;
            }
        }
        (letters >= 2).then_some(j)
    }

    /// Whether the word `start..dot` keeps the period at `dot`: a known
    /// abbreviation or a capital initial.
    fn keeps_period(&self, start: usize, dot: usize) -> bool {
        let word = &self.text[start..dot];
        let after = dot + 1;
        // "...." after a word is an ellipsis, not an abbreviation.
        if after < self.end && self.text.as_bytes()[after] == b'.' {
            return false;
        }
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return c.is_uppercase();
        }
        if word == "No" || word == "no" || word == "Nos" {
            // "No. 10" but not "said no."
            let rest = &self.text[after..];
            return rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
        }
        abbreviation(word).is_some()
    }

    fn url_end(&self, i: usize) -> Option<usize> {
        let rest = &self.text[i..self.end];
        let head = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
        let scheme = ["https://", "http://", "ftp://", "www."]
            .iter()
            .find(|p| head.starts_with(*p))?;
        if rest.len() <= scheme.len() {
            return None;
        }
        let mut e = self.end;
        // Trailing punctuation belongs to the sentence, a closing bracket
        // only when the URL opened one.
        loop {
            let c = char_before(self.text, e)?;
            let url = &self.text[i..e];
            let strip = matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '’' | '”' | '»' | '>'
            ) || (c == ')' && url.matches('(').count() < url.matches(')').count())
                || (c == ']' && url.matches('[').count() < url.matches(']').count());
            if !strip || e - c.len_utf8() <= i + scheme.len() {
                break;
            }
            e -= c.len_utf8();
        }
        Some(e)
    }

    fn email_end(&self, i: usize) -> Option<usize> {
        let bytes = &self.text.as_bytes()[i..self.end];
        let local = bytes
            .iter()
            .take_while(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
            })
            .count();
        if local == 0 || bytes.get(local) != Some(&b'@') || !bytes[0].is_ascii_alphanumeric() {
            return None;
        }
        let domain = &bytes[local + 1..];
        let mut len = domain
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
            .count();
        while len > 0 && matches!(domain[len - 1], b'.' | b'-') {
            len -= 1;
        }
        let d = &domain[..len];
        let labels_ok = d.split(|&b| b == b'.').all(|l| !l.is_empty());
        let has_dot = d.contains(&b'.');
        (labels_ok && has_dot).then_some(i + local + 1 + len)
    }
}

/// Whether `rest` starts with exactly three digits not followed by another
/// digit: the group after a thousands comma.
fn thousands_group(rest: &[u8]) -> bool {
    rest.len() >= 3
        && rest[..3].iter().all(u8::is_ascii_digit)
        && !rest.get(3).is_some_and(u8::is_ascii_digit)
}

/// Where a clitic starts in `word`, in bytes: `NATO’s` → 4, `doesn't` → 4.
fn clitic_start(word: &str) -> Option<usize> {
    // The last `n` characters of the word, if the word is longer than that.
    let lower_tail = |n: usize| -> Option<(usize, &str)> {
        let idx = word.char_indices().rev().nth(n - 1)?.0;
        (idx > 0).then(|| (idx, &word[idx..]))
    };
    // n't / n’t
    if let Some((idx, tail)) = lower_tail(3) {
        let mut cs = tail.chars();
        let (n, a, t) = (cs.next()?, cs.next()?, cs.next()?);
        if n.eq_ignore_ascii_case(&'n') && is_apostrophe(a) && t.eq_ignore_ascii_case(&'t') {
            return Some(idx);
        }
    }
    // 's 're 've 'll 'd 'm
    for n in [2, 3] {
        if let Some((idx, tail)) = lower_tail(n) {
            let mut cs = tail.chars();
            let a = cs.next()?;
            if !is_apostrophe(a) {
                continue;
            }
            let rest: String = cs.flat_map(char::to_lowercase).collect();
            if matches!(rest.as_str(), "s" | "d" | "m" | "re" | "ve" | "ll") {
                return Some(idx);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.text(text)).collect()
    }

    #[test]
    fn news_units_stay_whole() {
        assert_eq!(
            toks("U.S. Defense Secretary Lloyd Austin sent 100,000 troops."),
            [
                "U.S.",
                "Defense",
                "Secretary",
                "Lloyd",
                "Austin",
                "sent",
                "100,000",
                "troops",
                "."
            ]
        );
        assert_eq!(
            toks("the 30-member alliance"),
            ["the", "30-member", "alliance"]
        );
        assert_eq!(
            toks("MiG-29 and S-300, 3.5 km"),
            ["MiG-29", "and", "S-300", ",", "3.5", "km"]
        );
        assert_eq!(
            toks("on 3/16/22 at 10:30"),
            ["on", "3/16/22", "at", "10:30"]
        );
        assert_eq!(
            toks("Gen. Mark Milley and J. R. Smith"),
            ["Gen.", "Mark", "Milley", "and", "J.", "R.", "Smith"]
        );
        assert_eq!(toks("at 5 p.m. today"), ["at", "5", "p.m.", "today"]);
        assert_eq!(
            toks("AT&T's Jan. 5 deal"),
            ["AT&T", "'s", "Jan.", "5", "deal"]
        );
    }

    #[test]
    fn clitics_and_quotes() {
        assert_eq!(toks("NATO’s"), ["NATO", "’s"]);
        assert_eq!(toks("NATO doesn’t"), ["NATO", "does", "n’t"]);
        assert_eq!(
            toks("“ironclad” commitment"),
            ["“", "ironclad", "”", "commitment"]
        );
        assert_eq!(toks("O'Brien said"), ["O'Brien", "said"]);
        assert_eq!(toks("allies’ security"), ["allies", "’", "security"]);
        assert_eq!(
            toks("\"Yes,\" he said."),
            ["\"", "Yes", ",", "\"", "he", "said", "."]
        );
    }

    #[test]
    fn punctuation_and_dashes() {
        assert_eq!(
            toks("he stressed — something"),
            ["he", "stressed", "—", "something"]
        );
        assert_eq!(toks("war--and"), ["war", "--", "and"]);
        assert_eq!(toks("Wait... what?!"), ["Wait", "...", "what", "?!"]);
        assert_eq!(toks("(15 miles)."), ["(", "15", "miles", ")", "."]);
        assert_eq!(toks("$2.3bn, 5%"), ["$", "2.3bn", ",", "5", "%"]);
        assert_eq!(toks("said no. Then"), ["said", "no", ".", "Then"]);
        assert_eq!(toks("No. 10 Downing"), ["No.", "10", "Downing"]);
        assert_eq!(toks("in 2001."), ["in", "2001", "."]);
    }

    #[test]
    fn urls_and_addresses() {
        assert_eq!(
            toks("See https://nato.int/a_(b)/c?x=1. Or (www.example.com)."),
            [
                "See",
                "https://nato.int/a_(b)/c?x=1",
                ".",
                "Or",
                "(",
                "www.example.com",
                ")",
                "."
            ]
        );
        assert_eq!(
            toks("mail press@nato.int."),
            ["mail", "press@nato.int", "."]
        );
        assert_eq!(
            toks("@NATO #StandWithUkraine"),
            ["@NATO", "#StandWithUkraine"]
        );
    }

    #[test]
    fn kinds() {
        let text = "“35 killed,” U.S. said $5";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            [Quote, Number, Word, Punct, Quote, Word, Word, Symbol, Number]
        );
    }

    #[test]
    fn unusual_text() {
        assert_eq!(toks("\u{FEFF}Hello\u{200B}world"), ["Hello", "world"]);
        assert_eq!(toks("café naïve"), ["café", "naïve"]);
        assert_eq!(toks("Київ, 24 лютого"), ["Київ", ",", "24", "лютого"]);
        assert_eq!(toks("🙂👍"), ["🙂", "👍"]);
        assert!(toks("").is_empty());
        assert!(toks(" \n\t ").is_empty());
    }
}
