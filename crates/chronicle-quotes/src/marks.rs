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

    /// The other family of double marks, which a sloppy text mixes with this
    /// one.
    fn other_double(self) -> Option<Family> {
        match self {
            Family::CurlyDouble => Some(Family::StraightDouble),
            Family::StraightDouble => Some(Family::CurlyDouble),
            _ => None,
        }
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
        // Spaced on both sides (`he said ” there are …”`): it opens when no
        // curly mark is open, as a straight mark would.
        "”" if facing == Facing::Either => Some((Family::CurlyDouble, Facing::Either)),
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

/// Three glued apostrophes right after a word or punctuation: the first
/// closes a single quote, the other two a double one.
fn closes_single_then_double(body: &str, tokens: &[Token], i: usize) -> bool {
    let apos = |j: usize| {
        tokens
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Quote && t.span.text(body) == "'")
    };
    i > 0
        && apos(i)
        && apos(i + 1)
        && apos(i + 2)
        && tokens[i - 1].kind != TokenKind::Quote
        && tokens[i - 1].span.end == tokens[i].span.start
        && tokens[i].span.end == tokens[i + 1].span.start
        && tokens[i + 1].span.end == tokens[i + 2].span.start
}

/// A mark glued to an opening bracket or dash before it still opens: `("Yes`.
fn opens_after(body: &str, tokens: &[Token], i: usize) -> bool {
    i > 0
        && matches!(
            tokens[i - 1].span.text(body),
            "(" | "[" | "—" | "–" | ":" | "-"
        )
}

/// Paragraph number of every token: a blank line starts a new paragraph, and
/// so does a single line break after the end of a sentence (many feeds write
/// one paragraph a line; a hard-wrapped line rarely breaks right there).
pub fn paragraphs(body: &str, tokens: &[Token]) -> Vec<u32> {
    let mut para = 0u32;
    let mut out = Vec::with_capacity(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            let gap = &body[tokens[i - 1].span.end()..t.span.start()];
            let newlines = gap.matches('\n').count();
            let sentence_end = tokens[i - 1]
                .span
                .text(body)
                .ends_with(['.', '!', '?', '…', '”', '"', '’', '\'', ')']);
            if newlines >= 2 || (newlines == 1 && sentence_end) || gap.contains('\u{2029}') {
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
        // `,'''` closes a nested single quote and then the double one
        // (`'You weren't in line,''' Ms. Compton recalled`).
        let (mark, family, facing) = if closes_single_then_double(body, tokens, i) {
            (i, Family::StraightSingle, Facing::Close)
        } else {
            match double_apostrophe(body, tokens, i) {
                Some(facing) => {
                    next += 1;
                    let mark = if facing == Facing::Close { i } else { i + 1 };
                    (mark, Family::DoubleApostrophe, facing)
                }
                None => match classify(body, tokens, i) {
                    Some((family, facing)) => (i, family, facing),
                    None => continue,
                },
            }
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
            // A straight mark closed by a curly one (`"Yes,” he said`), or the
            // reverse, when no mark of its own family is open.
            (Facing::Close, _) => stack.iter().rposition(|&(_, f)| f == family).or_else(|| {
                let other = family.other_double()?;
                stack.iter().rposition(|&(_, f)| f == other)
            }),
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
    let (mut outer_open, mut outer_close) = (open, close);
    if family == Family::DoubleApostrophe {
        // `''` is two tokens: the passage's marks are its outer halves, its
        // content lies between the inner ones.
        let glued_apostrophes = |a: usize| {
            a + 1 < tokens.len()
                && tokens[a].span.text(body) == "'"
                && tokens[a + 1].span.text(body) == "'"
                && tokens[a].span.end == tokens[a + 1].span.start
        };
        if open > 0 && glued_apostrophes(open - 1) {
            outer_open = open - 1;
        }
        if closed && glued_apostrophes(close) {
            outer_close = close + 1;
        } else if closed && close > open + 1 && glued_apostrophes(close - 1) {
            last = close - 1;
        }
    }
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
        open: outer_open,
        close: outer_close,
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
    fn a_line_break_after_a_sentence_ends_an_open_quote() {
        let body = "“An opening mark left open here.\nThe next line has “a quote” and more.";
        assert_eq!(quoted(body), ["An opening mark left open here.", "a quote"]);
        let tokens = tokenize("a wrapped\nline. Next.\nOne");
        let paras = paragraphs("a wrapped\nline. Next.\nOne", &tokens);
        assert_eq!(paras, [0, 0, 0, 0, 0, 0, 1]);
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
        // The passage's marks are the outer halves of `''`.
        let body = "''I felt fine,'' she said.";
        let tokens = tokenize(body);
        let q = find_quoted(body, &tokens, &paragraphs(body, &tokens));
        assert_eq!(q[0].content.text(body), "I felt fine");
        assert_eq!(
            (q[0].open, tokens[q[0].close + 1].span.text(body)),
            (0, "she")
        );
        assert_eq!(quoted("“It's unusual,“ said Noble."), ["It's unusual"]);
        assert_eq!(
            quoted("He says ” there are people never heard.” Then “We wait. ” She left."),
            ["there are people never heard.", "We wait."]
        );
        assert_eq!(
            quoted("''She said, 'You were late,''' Ann recalled. ''Yes.''"),
            ["She said, 'You were late,'", "Yes."]
        );
        assert_eq!(
            quoted("\"They respect us,” he said. \"We agree.\""),
            ["They respect us", "We agree."]
        );
    }
}
