//! Sentence splitting over tokens, for news.
//!
//! A sentence ends after `.`, `!`, `?`, `…` or `...` — together with the
//! closing quote marks and brackets written right after it (`war.”`) — when
//! the next token can open a sentence (not lower case, not `,` `;` `)`), and
//! always at a paragraph break (a line that is blank). An abbreviation that
//! keeps its period (`U.S.`, `Inc.`) ends a sentence only when the next word
//! is a clear sentence opener ("…in the U.S. The…"); titles (`Gen.`, `Mr.`)
//! and initials never do. So "U.S. Defense Secretary Lloyd Austin" and "Italy’s
//! former ambassador. “If…" split where a reader would.
//!
//! Invariants: sentences are made of whole tokens, in order, disjoint, and
//! cover every token.

use crate::abbrev::{abbreviation, is_opener, AbbrevKind};
use chronicle_core::{Sentence, Span, Token, TokenKind};

/// Splits `tokens` of `text` into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut first = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let mut last = i; // the last token of the sentence if it ends here
        let ends = match ending(text, &tokens[i]) {
            Ending::No => false,
            ending => {
                // Closing quote marks and brackets glued to the terminal mark.
                while last + 1 < tokens.len()
                    && tokens[last + 1].span.start == tokens[last].span.end
                    && is_closer(text, &tokens[last + 1])
                {
                    last += 1;
                }
                match tokens.get(last + 1) {
                    None => true,
                    Some(next) => opens_sentence(text, next, ending),
                }
            }
        };
        let paragraph_break = tokens.get(last + 1).is_some_and(|next| {
            is_paragraph_break(&text[tokens[last].span.end()..next.span.start()])
                && !continues_across_break(text, &tokens[last], next)
        });
        if ends || paragraph_break || last + 1 == tokens.len() {
            sentences.push(Sentence {
                span: Span::new(tokens[first].span.start(), tokens[last].span.end()),
                first_token: first as u32,
                end_token: (last + 1) as u32,
            });
            first = last + 1;
        }
        i = last + 1;
    }
    sentences
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ending {
    No,
    /// `.` `!` `?` `…`: ends a sentence before any sentence opener.
    Terminal,
    /// An abbreviation with its period: ends a sentence only before a clear
    /// opener.
    Abbreviation,
}

fn ending(text: &str, token: &Token) -> Ending {
    let t = token.span.text(text);
    match token.kind {
        TokenKind::Punct if t.starts_with(['.', '!', '?', '…']) => Ending::Terminal,
        TokenKind::Word if t.len() > 1 && t.ends_with('.') => {
            let stem = &t[..t.len() - 1];
            let single_initial = stem.chars().count() == 1 && stem.chars().all(char::is_uppercase);
            if single_initial
                || abbreviation(stem) == Some(AbbrevKind::Prefix)
                || stem == "No"
                || stem == "Nos"
            {
                Ending::No
            } else {
                Ending::Abbreviation
            }
        }
        _ => Ending::No,
    }
}

fn is_closer(text: &str, token: &Token) -> bool {
    match token.kind {
        TokenKind::Quote => true,
        TokenKind::Punct => matches!(token.span.text(text), ")" | "]" | "}"),
        _ => false,
    }
}

fn opens_sentence(text: &str, next: &Token, ending: Ending) -> bool {
    let t = next.span.text(text);
    let Some(c) = t.chars().next() else {
        return false;
    };
    match ending {
        Ending::No => false,
        Ending::Terminal => match next.kind {
            TokenKind::Punct => matches!(c, '(' | '[' | '—' | '–' | '-' | '¿' | '¡'),
            TokenKind::Quote
            | TokenKind::Number
            | TokenKind::Symbol
            | TokenKind::Url
            | TokenKind::Email => true,
            TokenKind::Word => !c.is_lowercase(),
        },
        Ending::Abbreviation => match next.kind {
            TokenKind::Quote => true,
            TokenKind::Word => is_opener(t),
            _ => false,
        },
    }
}

/// A blank line inside a sentence, as wrapped text extracted from PDFs and
/// transcripts has: the line before ends in a word or a comma, and the next
/// starts in lower case ("…as being an anti-theist; my organisation serves
/// purposes\n\nto engage women…").
fn continues_across_break(text: &str, before: &Token, next: &Token) -> bool {
    let starts_lower =
        next.kind == TokenKind::Word && next.span.text(text).starts_with(char::is_lowercase);
    let before_open = match before.kind {
        TokenKind::Word | TokenKind::Number => true,
        TokenKind::Punct => matches!(before.span.text(text), "," | "—" | "–" | "-"),
        _ => false,
    };
    starts_lower && before_open
}

/// Whether the white space between two tokens holds a blank line.
fn is_paragraph_break(gap: &str) -> bool {
    let mut newlines = 0;
    for c in gap.chars() {
        match c {
            '\n' | '\u{2029}' => {
                newlines += 1;
                if newlines >= 2 || c == '\u{2029}' {
                    return true;
                }
            }
            '\r' => {}
            c if c.is_whitespace() => {}
            _ => newlines = 0,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens)
            .iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_stay_inside() {
        assert_eq!(
            sents("U.S. Defense Secretary Lloyd Austin emphasized it. Gen. Milley agreed."),
            [
                "U.S. Defense Secretary Lloyd Austin emphasized it.",
                "Gen. Milley agreed."
            ]
        );
        assert_eq!(
            sents("100,000 U.S. troops in Europe."),
            ["100,000 U.S. troops in Europe."]
        );
        assert_eq!(
            sents("It was made in the U.S. The plant closed."),
            ["It was made in the U.S.", "The plant closed."]
        );
        assert_eq!(
            sents("Mr. J. R. Smith of Acme Inc. spoke."),
            ["Mr. J. R. Smith of Acme Inc. spoke."]
        );
        assert_eq!(sents("On Jan. 5 they met."), ["On Jan. 5 they met."]);
    }

    #[test]
    fn quotes_end_sentences_inside_the_mark() {
        assert_eq!(
            sents("“It is high,” said Stefano Stefanini, Italy’s former ambassador to NATO. “If there was a misfire, NATO could be at war.”"),
            [
                "“It is high,” said Stefano Stefanini, Italy’s former ambassador to NATO.",
                "“If there was a misfire, NATO could be at war.”"
            ]
        );
        assert_eq!(
            sents("It was used by “foreign countries.” A day earlier, it warned."),
            [
                "It was used by “foreign countries.”",
                "A day earlier, it warned."
            ]
        );
        assert_eq!(
            sents("“Why?” she asked. He left."),
            ["“Why?” she asked.", "He left."]
        );
    }

    #[test]
    fn paragraphs_and_headlines() {
        assert_eq!(
            sents("Headline without stop\n\nBody starts here."),
            ["Headline without stop", "Body starts here."]
        );
        assert_eq!(sents("a line\nwrapped here."), ["a line\nwrapped here."]);
        assert_eq!(
            sents("a system\n\nof oppression. Next"),
            ["a system\n\nof oppression.", "Next"]
        );
        assert_eq!(sents("Title\n\nThe body."), ["Title", "The body."]);
        assert_eq!(sents("Wait... what? Yes!"), ["Wait... what?", "Yes!"]);
        assert_eq!(
            sents("He left (for good). Then"),
            ["He left (for good).", "Then"]
        );
        assert_eq!(
            sents("It rose 5.5 percent. 2022 was worse."),
            ["It rose 5.5 percent.", "2022 was worse."]
        );
    }
}
