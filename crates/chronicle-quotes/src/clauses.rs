//! Where attributions begin and end around their cues: a dash and a name
//! after a quote, the clause a partial quote closes, a time or place after
//! a final cue, a partial quote opening a reported clause, a second verb of
//! saying that ends a clause, the speaker a participle borrows, and
//! questions put by someone unnamed. Used by `attribution`.

use crate::context::Context;
use crate::lexicon::is_cue_verb;
use crate::phrases::{subject_after, subject_before};
use crate::reported::content;
use chronicle_core::{Span, TokenKind};

/// `“…” ― Carla Sanchez`: a dash after the closing mark and a short name
/// that ends the line, as under an epigraph or in a list of reactions. The
/// dash is the cue.
pub(crate) fn dash_attribution(
    cx: &Context,
    close: usize,
) -> Option<(usize, Option<(usize, usize)>)> {
    let n = cx.tokens.len();
    let mut d = close + 1;
    if d < n && (cx.is_punct(d, ",") || cx.is_punct(d, ".")) {
        d += 1;
    }
    if d >= n || !matches!(cx.text(d), "―" | "—" | "–" | "-" | "--") {
        return None;
    }
    let a = d + 1;
    let line_ends = |i: usize| {
        i >= n || cx.body[cx.tokens[i - 1].span.end()..cx.tokens[i].span.start()].contains('\n')
    };
    let mut b = a;
    while b < n && b - a < 6 && !line_ends(b) && cx.tokens[b].kind == TokenKind::Word {
        b += 1;
    }
    let name_like = b > a
        && cx.is_capitalized(a)
        && (a..b).all(|i| {
            cx.is_capitalized(i)
                || matches!(
                    cx.lower[i].as_str(),
                    "de" | "van" | "von" | "da" | "del" | "la" | "al"
                )
        })
        && !(a..b).any(|i| is_cue_verb(&cx.lower[i]));
    // Nothing but a full stop after the name, then the line's end.
    let end = if b < n && !line_ends(b) && cx.is_punct(b, ".") {
        b + 1
    } else {
        b
    };
    (name_like && line_ends(end)).then_some((d, Some((a, b))))
}

/// The clause a partial quote closes when its attribution follows it
/// (`America needs leaders “who understand …,” Clinton said.`): from the
/// sentence's start to the closing mark, if no other quote or cue stands
/// before the opening mark.
pub(crate) fn clause_before_quote(
    cx: &Context,
    open: usize,
    close: usize,
    cue: usize,
) -> Option<Span> {
    let (s0, _) = cx.sentence_range(open);
    if cue < close || open < s0 + 2 {
        return None;
    }
    if (s0..open).any(|i| cx.is_quote_mark(i) || is_cue_verb(&cx.lower[i])) {
        return None;
    }
    content(cx, s0, close)
}

/// `“…,” the mayor said, adding that …`: a participle after a comma whose
/// own subject cannot be read takes the speaker of the cue before it in the
/// sentence.
pub(crate) fn participle_subject(cx: &Context, cue: usize) -> Option<(usize, usize)> {
    let (s0, _) = cx.sentence_range(cue);
    if !cx.lower[cue].ends_with("ing") || cue <= s0 || !cx.is_punct(cue - 1, ",") {
        return None;
    }
    let k = (s0..cue - 1)
        .rev()
        .find(|&k| is_cue_verb(&cx.lower[k]) && !cx.in_quote[k])?;
    subject_before(cx, k).or_else(|| subject_after(cx, k).filter(|&(_, b)| b < cue))
}

/// Past a short time or place phrase right after a cue ("said Tuesday in
/// Paris", "said on Monday", "told reporters at the White House"): the
/// token after it, or `from` itself when none starts there.
pub(crate) fn adjunct_end(cx: &Context, from: usize, end: usize) -> usize {
    if from >= end {
        return from;
    }
    let w = cx.lower[from].as_str();
    let opens = chronicle_core::is_weekday_name(w)
        || chronicle_core::is_month_name(w)
        || matches!(
            w,
            "on" | "in"
                | "at"
                | "during"
                | "yesterday"
                | "today"
                | "tonight"
                | "last"
                | "earlier"
                | "later"
                | "this"
        );
    if !opens {
        return from;
    }
    let stop = (from..end.min(from + 9)).find(|&i| {
        cx.is_punct(i, ",") || cx.is_terminal(i) || matches!(cx.text(i), "—" | "–" | ";")
    });
    match stop {
        Some(i) if !(from..i).any(|k| cx.lower[k] == "that" || cx.is_quote_mark(k)) => i,
        _ => from,
    }
}

/// A quotation mark at `c` opening a passage that closes inside the
/// sentence with more of the clause after it (`said that “we need more
/// information” about how …`): a partial quote within reported speech.
pub(crate) fn opens_partial_quote(cx: &Context, c: usize, end: usize) -> bool {
    let Some(q) = cx.quoted.iter().find(|q| q.open == c) else {
        return false;
    };
    if !q.closed || q.close + 1 >= end {
        return false;
    }
    let rest = q.close + 1..end;
    let words = rest
        .clone()
        .filter(|&i| cx.tokens[i].kind == TokenKind::Word)
        .count();
    // `“…,” he said` after the quote is its own attribution.
    let attributed = rest.take(5).any(|i| is_cue_verb(&cx.lower[i]));
    words >= 2 && !attributed
}

/// "When asked whether he would run, …": a question put by someone the
/// text does not name; the question is reported with no speaker.
pub(crate) fn asked_unnamed(cx: &Context, cue: usize) -> bool {
    let (s0, end) = cx.sentence_range(cue);
    cx.lower[cue] == "asked"
        && (cue == s0
            || matches!(
                cx.lower[cue - 1].as_str(),
                "when" | "after" | "was" | "were" | "being" | "if" | "once"
            ))
        && cue + 1 < end
        && matches!(
            cx.lower[cue + 1].as_str(),
            "whether" | "if" | "what" | "which" | "who" | "how" | "why" | "about"
        )
}

/// "and" or "but" at `i` opening a second attribution of speech ("says
/// she respects him but argues that …", "told CNN that …, but he said
/// …"): a verb of saying, after at most a pronoun or a short name, so the
/// clause before ends there. Other verbs after "and" ("said he posed a
/// threat and refused to leave") go on with the clause.
pub(crate) fn coordinated_cue(cx: &Context, i: usize) -> bool {
    if !matches!(cx.lower[i].as_str(), "and" | "but") {
        return false;
    }
    let n = cx.tokens.len();
    let mut j = i + 1;
    if j < n && crate::lexicon::pronoun(&cx.lower[j]).is_some() {
        j += 1;
    } else {
        while j < n && j - i <= 3 && cx.is_capitalized(j) && cx.entity_at[j].is_some() {
            j += 1;
        }
    }
    while j < n && j - i <= 5 && crate::lexicon::is_cue_filler(&cx.lower[j]) {
        j += 1;
    }
    j < n && !cx.in_quote[j] && SAYING.contains(&cx.lower[j].as_str())
}

/// Whether the lower-cased cue word is surely a verb: one that only reports
/// speech, or a participle or past form ("recalling", "dubbed") — not
/// "show" or "calls", which are nouns as often.
pub(crate) fn only_speech(lower: &str) -> bool {
    SAYING.contains(&lower) || lower.ends_with("ing") || lower.ends_with("ed")
}

/// Finite verbs that only report speech, for [`coordinated_cue`] and the
/// cue that introduces a quote attributed again after it.
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "argued",
    "argues",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "warned",
    "warns",
    "insisted",
    "insists",
    "explained",
    "explains",
    "acknowledged",
    "acknowledges",
    "conceded",
    "concedes",
    "claimed",
    "claims",
    "asked",
    "asks",
    "urged",
    "urges",
    "suggested",
    "suggests",
    "predicted",
    "predicts",
    "wrote",
    "writes",
    "tweeted",
    "declared",
    "declares",
    "stated",
    "states",
    "emphasized",
    "emphasizes",
    "maintained",
    "maintains",
    "countered",
    "replied",
    "responded",
    "contended",
    "contends",
    "cautioned",
    "complained",
    "vowed",
    "promised",
    "pledged",
];

/// `“That doesn’t mean no response,” said an Iowa Democrat, “but a muted
/// one.”`: a quote opening after a comma that ends the attribution of the
/// quote closed at `close` in the same sentence (its cue at `cue` between
/// them) is the second part of that quote.
pub(crate) fn continues_split(cx: &Context, close: usize, cue: usize, open: usize) -> bool {
    close < cue
        && cue < open
        && open - close <= 2 * crate::phrases::MAX_PHRASE + 4
        && cx.sentence_of[close] == cx.sentence_of[open]
        && cx.is_punct(open - 1, ",")
        && !(close + 1..open).any(|i| cx.is_quote_mark(i) || cx.is_terminal(i))
}

/// A cue word used as a noun after an article or possessive ("the TV show
/// “Shark Tank”", "a call"): it introduces nothing.
pub(crate) fn noun_use(cx: &Context, c: usize) -> bool {
    c > 0
        && matches!(
            cx.lower[c - 1].as_str(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "tv"
        )
}

/// `“…,” scoffed Arianna Gil, 22, who …`: right after a quote, a past-tense
/// verb outside the cue lexicon and a person's name attribute it.
pub(crate) fn verb_then_name(cx: &Context, j: usize, end: usize) -> Option<(usize, usize)> {
    let verb = cx.lower[j].as_str();
    if j + 1 >= end || !verb.ends_with("ed") || is_cue_verb(verb) || cx.is_capitalized(j) {
        return None;
    }
    let person = |i: usize| cx.entity_type(i) == Some(chronicle_core::EntityType::Person);
    if !person(j + 1) {
        return None;
    }
    let mut b = j + 1;
    while b < end && person(b) {
        b += 1;
    }
    Some((j + 1, b))
}

/// `As one employee told Palo Alto Weekly, “She wants to put fear in our
/// hearts.”`: a quote opening after the comma that ends its cue's clause
/// (the cue at `cue`, no "that" or other quote between) is the cue's whole
/// content, so a direct quote — when it reads as one: closed, opening with
/// a capital and a full sentence or at least five words. A lower-case
/// opening goes on with the sentence (`…, “and I hope …”`).
pub(crate) fn opens_after_cue_clause(cx: &Context, cue: usize, q: &crate::marks::Quoted) -> bool {
    let open = q.open;
    if !q.closed || open < 2 || !cx.is_punct(open - 1, ",") || cue + 26 < open {
        return false;
    }
    if (cue + 1..open - 1).any(|i| cx.lower[i] == "that" || cx.is_quote_mark(i)) {
        return false;
    }
    let words = (open + 1..q.close)
        .filter(|&i| cx.tokens[i].kind == TokenKind::Word)
        .count();
    let sentence = q.close > open + 1 && cx.is_terminal(q.close - 1);
    open + 1 < q.close && cx.is_capitalized(open + 1) && (words >= 5 || sentence)
}
