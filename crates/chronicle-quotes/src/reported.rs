//! Reported speech and labelled lines: the clause a cue verb introduces
//! ("X said (that) …", "…, he stressed", "The irony, she said, is …"),
//! "according to X", and lines that open with a short name and a colon
//! (headlines and transcripts). A clause ends before another attribution: a
//! quote's cue, a participle (", adding …"), "according to", or a second verb
//! of saying joined by "and" or "but". Candidates here have kind `Reported`;
//! `attribution` decides which of them are kept beside the quotes.

use crate::attribution::{Candidate, SpeakerRef};
use crate::clauses::{
    adjunct_end, asked_unnamed, coordinated_cue, opens_partial_quote, participle_subject,
};
use crate::context::Context;
use crate::lexicon::is_cue_verb;
use crate::phrases::{subject_after, subject_before};
use chronicle_core::{QuoteKind, Span, TokenKind};
use std::collections::HashSet;

/// The content span of tokens `a..b`, without final punctuation and marks.
pub(crate) fn content(cx: &Context, a: usize, mut b: usize) -> Option<Span> {
    while b > a
        && (cx.is_terminal(b - 1)
            || cx.is_quote_mark(b - 1)
            || matches!(cx.text(b - 1), "," | "—" | ";"))
    {
        b -= 1;
    }
    (b >= a + 3).then(|| cx.span(a, b))
}

/// Reported speech around the cue verb at `cue`, if it introduces a clause.
pub(crate) fn reported(
    cx: &Context,
    cue: usize,
    used_cues: &[bool],
    extra: Option<&HashSet<String>>,
) -> Option<Candidate> {
    let (s0, end) = cx.sentence_range(cue);
    if cx.lower[cue] == "according" && cue + 1 < end && cx.lower[cue + 1] == "to" {
        let (a, b) = subject_after(cx, cue + 1).or_else(|| any_phrase_after(cx, cue + 1))?;
        // "At the heart of it, according to X, was a decision …": the
        // clause goes on after the source, so the sentence is the content.
        let goes_on = b < end
            && cx.is_punct(b, ",")
            && (b + 1..end)
                .filter(|&i| cx.tokens[i].kind == TokenKind::Word)
                .count()
                >= 4;
        let content = if cue > s0 && cx.is_punct(cue - 1, ",") && goes_on {
            content(cx, s0, end)?
        } else if cue > s0 && cx.is_punct(cue - 1, ",") {
            content(cx, s0, cue - 1)?
        } else if cue == s0 {
            let comma = (b..end).find(|&i| cx.is_punct(i, ","))?;
            content(cx, comma + 1, end)?
        } else {
            return None;
        };
        return Some(Candidate {
            content,
            kind: QuoteKind::Reported,
            cue: Some(cue),
            speaker: SpeakerRef::Phrase(a, b),
            at: cue,
        });
    }
    let word = cx.lower[cue].as_str();
    if !is_cue_verb(word) && (!extra.is_some_and(|e| e.contains(word)) || planned(cx, cue)) {
        return None;
    }
    let subject = subject_before(cx, cue);
    if let Some((a, _)) = subject {
        if a > s0 && cx.is_punct(a - 1, ",") {
            // "…, he stressed." or "The irony, she said, is that …"
            // "…, Hollande said Tuesday in Paris, noting …": a time or
            // place after the cue still ends the attribution.
            let after = adjunct_end(cx, cue + 1, end);
            // "…, she said, adding that …": another attribution follows.
            let next_cue = after + 1 < end
                && cx.is_punct(after, ",")
                && ((cx.lower[after + 1].ends_with("ing") && is_cue_verb(&cx.lower[after + 1]))
                    || cx.lower[after + 1] == "according");
            let tail_ends = after >= end
                || cx.is_terminal(after)
                || matches!(cx.text(after), "—" | "–" | ";")
                || next_cue;
            let parenthetical = after < end && cx.is_punct(after, ",");
            if cx.is_quote_mark(s0) {
                return None; // a quote's attribution, handled with the quote
            }
            if tail_ends {
                let content = content(cx, s0, a - 1)?;
                return Some(reported_candidate(content, cue, subject));
            }
            if parenthetical {
                let content = content(cx, s0, end)?;
                return Some(reported_candidate(content, cue, subject));
            }
        }
    }
    // "X said (that) …": the clause after the cue.
    let mut c = cue + 1;
    // "that" opens the clause when nothing but a short phrase ("reporters",
    // "in a statement") stands before it; after "and" or "but" it opens a
    // second clause or is a determiner ("said a device was found and that
    // location is …").
    let that = (c..(c + 10).min(end))
        .take_while(|&i| {
            !cx.is_punct(i, ",")
                && !cx.is_quote_mark(i)
                && !matches!(cx.lower[i].as_str(), "and" | "but" | "or")
        })
        .find(|&i| cx.lower[i] == "that");
    if let Some(t) = that {
        c = t + 1;
        // "said that, if elected, he would …"
        if c + 1 < end && cx.is_punct(c, ",") {
            c += 1;
        }
    } else if matches!(
        cx.lower[cue].as_str(),
        "told" | "tells" | "tell" | "telling" | "asked"
    ) {
        c += 1; // the person told
    }
    if c >= end
        || (cx.is_quote_mark(c) && !opens_partial_quote(cx, c, end))
        || cx.is_punct(c, ",")
        || cx.is_punct(c, ":")
        || cx.is_terminal(c)
    {
        return None;
    }
    let subject = subject.or_else(|| participle_subject(cx, cue));
    if subject.is_none() && !asked_unnamed(cx, cue) {
        return None;
    }
    // The clause ends where another attribution begins after a comma: a
    // quote's own cue ("urged women to vote, saying, “…”"), a participle
    // (", telling reporters …") or "according to".
    // So does a second cue verb sharing the subject ("says she respects
    // him but argues that …").
    let stop = (c + 1..end)
        .find(|&i| {
            (cx.is_punct(i - 1, ",")
                && (used_cues[i]
                    || (cx.lower[i].ends_with("ing") && is_cue_verb(&cx.lower[i]))
                    || cx.lower[i] == "according"))
                || coordinated_cue(cx, i)
        })
        .unwrap_or(end);
    // An unnamed question ends at its comma ("When asked whether …, she said").
    let stop = match subject {
        None => (c..stop).find(|&i| cx.is_punct(i, ",")).unwrap_or(stop),
        Some(_) => stop,
    };
    let content = content(cx, c, stop)?;
    Some(reported_candidate(content, cue, subject))
}

/// Words that open a labelled line that is no attribution ("Update: …").
pub(crate) const LINE_LABELS: &[&str] = &[
    "update",
    "updated",
    "note",
    "photo",
    "photos",
    "related",
    "editor",
    "watch",
    "read",
    "video",
    "image",
    "caption",
    "credit",
    "correction",
    "click",
    "listen",
    "follow",
    "see",
    "subscribe",
    "advertisement",
    "warning",
    "tags",
    "topics",
    "posted",
    "published",
    "latest",
    "exclusive",
    "breaking",
    "live",
    "opinion",
    "analysis",
    "editorial",
    "review",
    "episode",
    "chapter",
    "part",
];

/// Headlines and transcripts: a line that opens with a short name and a
/// colon ("Graham: Trump’s ‘Incredibly Hateful Rhetoric’ …", "FALLIN: Well,
/// I think …"); the rest of the line is what the name says.
pub(crate) fn headline_attributions(cx: &Context) -> Vec<Candidate> {
    let mut out = Vec::new();
    let line_break = |i: usize| {
        i == 0 || cx.body[cx.tokens[i - 1].span.end()..cx.tokens[i].span.start()].contains('\n')
    };
    for a in (0..cx.tokens.len()).filter(|&a| line_break(a)) {
        let Some(colon) = (a + 1..(a + 7).min(cx.tokens.len()))
            .take_while(|&i| !line_break(i))
            .find(|&i| cx.is_punct(i, ":"))
        else {
            continue;
        };
        let name_like = (a..colon).all(|i| {
            cx.tokens[i].kind == chronicle_core::TokenKind::Word
                || (cx.text(i) == "’" || cx.text(i) == "'")
        }) && cx.is_capitalized(a)
            && (a..colon).filter(|&i| !cx.is_capitalized(i)).count() <= 1
            && !(a..colon).any(|i| is_cue_verb(&cx.lower[i]))
            && !(a..colon).any(|i| LINE_LABELS.contains(&cx.lower[i].as_str()))
            && !cx.in_quote[colon];
        if !name_like {
            continue;
        }
        let end = (colon + 1..cx.tokens.len())
            .find(|&i| line_break(i))
            .unwrap_or(cx.tokens.len());
        let Some(content) = content(cx, colon + 1, end) else {
            continue;
        };
        out.push(Candidate {
            content,
            kind: QuoteKind::Reported,
            cue: Some(colon),
            speaker: SpeakerRef::Phrase(a, colon),
            at: colon,
        });
    }
    out
}

/// A verb under a modal or "to" ("ministers will also discuss", "plans to
/// announce"): something planned, not yet said — only the cue lexicon's
/// verbs report speech there ("he will say that …").
fn planned(cx: &Context, cue: usize) -> bool {
    let (s0, _) = cx.sentence_range(cue);
    (cue.saturating_sub(3).max(s0)..cue).rev().any(|i| {
        matches!(
            cx.lower[i].as_str(),
            "will" | "would" | "could" | "may" | "might" | "should" | "to" | "must" | "can"
        )
    })
}

/// After "according to" any short phrase names the source ("local officials").
pub(crate) fn any_phrase_after(cx: &Context, to: usize) -> Option<(usize, usize)> {
    let (_, end) = cx.sentence_range(to);
    let a = to + 1;
    let b = (a..end.min(a + crate::phrases::MAX_PHRASE))
        .find(|&i| cx.tokens[i].kind != chronicle_core::TokenKind::Word)
        .unwrap_or(end.min(a + crate::phrases::MAX_PHRASE));
    (b > a).then_some((a, b))
}

fn reported_candidate(content: Span, cue: usize, subject: Option<(usize, usize)>) -> Candidate {
    Candidate {
        content,
        kind: QuoteKind::Reported,
        cue: Some(cue),
        speaker: subject.map_or(SpeakerRef::None, |(a, b)| SpeakerRef::Phrase(a, b)),
        at: cue,
    }
}
