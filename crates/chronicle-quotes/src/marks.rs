//! Pairing quotation marks into quoted passages.
//!
//! Curly marks say which way they face; straight ones are judged by what
//! touches them (`"` after a space opens, `"` before a space closes). A
//! passage may run over several paragraphs: by news convention an opening
//! mark with no closing one at the paragraph's end continues when the next
//! paragraph starts with an opening mark. Marks of different families nest
//! (“…” inside "…", ‘…’ inside “…”); only outermost passages are returned.
//! A single ’ closes only a ‘ that is open, since it is also the apostrophe.
//!
//! Invariant: passages are returned sorted by their opening mark and do not
//! overlap.

use chronicle_core::{Span, Token, TokenKind};

/// A quoted passage: the token indices of its marks and the text inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    pub open: usize,
    /// The closing mark, or one past the last token of the passage when it
    /// is never closed.
    pub close: usize,
    /// Whether the passage has a closing mark.
    pub closed: bool,
    /// The text between the marks, without a trailing comma.
    pub content: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    Either,
}

/// Marks of one family pair with each other: “ with ”, " with ".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    CurlyDouble,
    StraightDouble,
    Guillemet,
    CurlySingle,
    StraightSingle,
    DoubleApostrophe,
}

impl Family {
    fn is_single(self) -> bool {
        matches!(self, Family::CurlySingle | Family::StraightSingle)
    }
}

fn classify(body: &str, tokens: &[Token], i: usize) -> Option<(Family, Facing)> {
    let t = tokens[i];
    if t.kind != TokenKind::Quote {
        return None;
    }
    let glued_before =
        i > 0 && tokens[i - 1].span.end == t.span.start && !opens_after(body, tokens, i);
    let glued_after = i + 1 < tokens.len() && tokens[i + 1].span.start == t.span.end;
    let next_is_punct = tokens
        .get(i + 1)
        .is_some_and(|n| n.kind == TokenKind::Punct);
    let facing = match (glued_before, glued_after && !next_is_punct) {
        (true, false) => Facing::Close,
        (false, true) => Facing::Open,
        _ => Facing::Either,
    };
    match t.span.text(body) {
        // A curly mark facing the wrong way (`unusual,“ said`) is judged by
        // what touches it, as a straight one.
        "“" | "„" if facing == Facing::Close => Some((Family::CurlyDouble, Facing::Close)),
        "“" | "„" => Some((Family::CurlyDouble, Facing::Open)),
        "”" if facing == Facing::Open => Some((Family::CurlyDouble, Facing::Open)),
        "”" => Some((Family::CurlyDouble, Facing::Close)),
        "«" => Some((Family::Guillemet, Facing::Open)),
        "»" => Some((Family::Guillemet, Facing::Close)),
        "\"" => Some((Family::StraightDouble, facing)),
        "‘" => Some((Family::CurlySingle, Facing::Open)),
        // ’ is also the apostrophe: it closes only when glued to the word
        // before and not to the one after.
        "’" if facing == Facing::Close => Some((Family::CurlySingle, Facing::Close)),
        "'" if facing != Facing::Either => Some((Family::StraightSingle, facing)),
        _ => None,
    }
}

/// Two glued apostrophes used as a double quote, and which way they face.
fn double_apostrophe(body: &str, tokens: &[Token], i: usize) -> Option<Facing> {
    let is_apos = |j: usize| {
        tokens
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Quote && t.span.text(body) == "'")
    };
    if !(is_apos(i) && is_apos(i + 1) && tokens[i].span.end == tokens[i + 1].span.start) {
        return None;
    }
    let glued_before =
        i > 0 && tokens[i - 1].span.end == tokens[i].span.start && !opens_after(body, tokens, i);
    let glued_after = tokens
        .get(i + 2)
        .is_some_and(|n| n.span.start == tokens[i + 1].span.end && n.kind != TokenKind::Punct);
    Some(match (glued_before, glued_after) {
        (true, false) => Facing::Close,
        (false, true) => Facing::Open,
        _ => Facing::Either,
    })
}

/// A mark glued to an opening bracket or dash before it still opens: `("Yes`.
fn opens_after(body: &str, tokens: &[Token], i: usize) -> bool {
    i > 0
        && matches!(
            tokens[i - 1].span.text(body),
            "(" | "[" | "—" | "–" | ":" | "-"
        )
}

/// Paragraph number of every token: a blank line starts a new paragraph.
pub fn paragraphs(body: &str, tokens: &[Token]) -> Vec<u32> {
    let mut para = 0u32;
    let mut out = Vec::with_capacity(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            let gap = &body[tokens[i - 1].span.end()..t.span.start()];
            if gap.matches('\n').count() >= 2 || gap.contains('\u{2029}') {
                para += 1;
            }
        }
        out.push(para);
    }
    out
}

/// The outermost quoted passages of the text, sorted by opening mark.
/// Marks nest as a stack: a mark of another family inside a passage opens a
/// nested quote (“As you know, …” inside "…"), which is part of the outer
/// passage.
pub fn find_quoted(body: &str, tokens: &[Token], paras: &[u32]) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, Family)> = Vec::new();
    // The paragraph the open passage has reached.
    let mut open_para = 0u32;
    let para_end = |from: usize| {
        let mut j = from;
        while j < tokens.len() && paras[j] == paras[from] {
            j += 1;
        }
        j
    };
    let mut next = 0;
    while next < tokens.len() {
        let i = next;
        next += 1;
        // `''` (two apostrophes, as NYT copy writes double quotes) is one
        // mark: it opens after its second half and closes before its first.
        let (mark, family, facing) = match double_apostrophe(body, tokens, i) {
            Some(facing) => {
                next += 1;
                let mark = if facing == Facing::Close { i } else { i + 1 };
                (mark, Family::DoubleApostrophe, facing)
            }
            None => match classify(body, tokens, i) {
                Some((family, facing)) => (i, family, facing),
                None => continue,
            },
        };
        let i = mark;
        if let Some(&(o, outer)) = stack.first() {
            if paras[i] != open_para {
                // The passage reached its paragraph's end without closing: it
                // goes on only if the next paragraph opens with the same mark.
                let first_of_para = paras[i - 1] != paras[i];
                let continues = facing != Facing::Close
                    && family == outer
                    && first_of_para
                    && paras[i] == open_para + 1;
                stack.truncate(1);
                if continues {
                    open_para = paras[i];
                    continue;
                }
                let last = (0..i).rev().find(|&j| paras[j] == open_para).unwrap_or(o);
                push(body, tokens, &mut out, o, last + 1, false, outer);
                stack.clear();
            }
        }
        let top = stack.last().copied();
        let closes = match (facing, top) {
            (Facing::Close, _) => stack.iter().rposition(|&(_, f)| f == family),
            (Facing::Either, Some((_, f))) if f == family => Some(stack.len() - 1),
            _ => None,
        };
        if let Some(depth) = closes {
            let (o, f) = stack[depth];
            stack.truncate(depth);
            if depth == 0 {
                push(body, tokens, &mut out, o, i, true, f);
            }
        } else if facing != Facing::Close {
            // A single mark opens only at the start of a word, and an
            // apostrophe-like ’ never opens.
            if family.is_single() && facing == Facing::Either {
                continue;
            }
            if stack.is_empty() {
                open_para = paras[i];
            }
            stack.push((i, family));
        }
    }
    if let Some(&(o, f)) = stack.first() {
        let last = (0..tokens.len())
            .rev()
            .find(|&j| paras[j] == open_para)
            .unwrap_or(o);
        push(body, tokens, &mut out, o, para_end(last), false, f);
    }
    out
}

fn push(
    body: &str,
    tokens: &[Token],
    out: &mut Vec<Quoted>,
    open: usize,
    close: usize,
    closed: bool,
    family: Family,
) {
    let mut last = close;
    while last > open + 1 && matches!(tokens[last - 1].span.text(body), "," | ";") {
        last -= 1;
    }
    if last <= open + 1 {
        return;
    }
    let words = last - open - 1;
    // An unclosed mark or a lone single quote must hold a real passage.
    if (!closed && words < 4) || (family.is_single() && words < 2) {
        return;
    }
    out.push(Quoted {
        open,
        close,
        closed,
        content: Span::new(tokens[open + 1].span.start(), tokens[last - 1].span.end()),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_text::tokenize;

    fn quoted(body: &str) -> Vec<&str> {
        let tokens = tokenize(body);
        let paras = paragraphs(body, &tokens);
        find_quoted(body, &tokens, &paras)
            .iter()
            .map(|q| q.content.text(body))
            .collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(
            quoted("“It is high,” he said. “If not, war.”"),
            ["It is high", "If not, war."]
        );
        assert_eq!(
            quoted("\"Yes,\" she said, \"we will.\""),
            ["Yes", "we will."]
        );
        assert_eq!(quoted("the “ironclad” commitment"), ["ironclad"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quoted("the allies’ security and NATO’s role"),
            Vec::<&str>::new()
        );
        assert_eq!(
            quoted("He called it ‘a clear warning’ to Moscow."),
            ["a clear warning"]
        );
    }

    #[test]
    fn quotes_continue_across_paragraphs() {
        let body = "“We will stay the course,\n\n“and we will win,” she said.";
        assert_eq!(
            quoted(body),
            ["We will stay the course,\n\n“and we will win"]
        );
        let body = "“An opening mark never closed in this paragraph\n\nA new paragraph with “a quote” in it.";
        assert_eq!(
            quoted(body),
            ["An opening mark never closed in this paragraph", "a quote"]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            quoted("“He said ‘no way’ to us,” she said."),
            ["He said ‘no way’ to us"]
        );
        assert_eq!(
            quoted("\"Read it: “As you know, it was late.” Yes.\" Next."),
            ["Read it: “As you know, it was late.” Yes."]
        );
        assert_eq!(
            quoted("He said ''there could be'' a line."),
            ["there could be"]
        );
        assert_eq!(quoted("“It's unusual,“ said Noble."), ["It's unusual"]);
    }
}
