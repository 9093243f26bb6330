//! Quotes and reported speech with their cues and speaker phrases.
//!
//! Quoted passages (see `marks`) are attributed by, in order: a dash and a
//! name ending the line (`“…” ― Carla Sanchez`); a cue right
//! after the closing mark (`“…,” he said`, `“…,” said Stefano Stefanini`);
//! a cue right before the opening mark (`Austin said: “…”`); the cue verb of
//! the sentence for a partial quote (`Austin emphasized the “ironclad”
//! commitment`); the speaker of the previous quote for a quote that stands
//! alone right after another (`“If there was a misfire, NATO could be at
//! war.”`). A short quoted phrase in a sentence without any cue is a title or
//! a scare quote, not speech, and is left out. A partial quote closing a
//! clause whose cue follows (`America needs leaders “who …,” Clinton said`)
//! also gives that clause as reported speech with the same cue.
//!
//! Reported speech (a cue verb with its clause, "according to X") and
//! labelled lines come from `reported`; this module gathers all candidates.

use crate::clauses::{
    clause_before_quote, continues_split, dash_attribution, noun_use, only_speech,
    opens_after_cue_clause, verb_then_name,
};
use crate::context::Context;
use crate::cue_model::CueModel;
use crate::lexicon::is_cue_verb;
use crate::phrases::{subject_after, subject_before};
use crate::reported::{any_phrase_after, headline_attributions, reported, LINE_LABELS};
use chronicle_core::{QuoteKind, Span};
use std::collections::HashSet;

/// Who a candidate's speaker is, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerRef {
    /// A phrase `a..b` of tokens: a name, a description or a pronoun.
    Phrase(usize, usize),
    /// The speaker of the previous direct quote.
    Previous,
    /// A first-person mention `a..b` inside a line whose speaker is the
    /// phrase `c..d` ("FALLIN: Well, I think …").
    Voiced(usize, usize, usize, usize),
    None,
}

/// A cue token and the speaker phrase it gives, if any.
pub(crate) type Attribution = (usize, Option<(usize, usize)>);

/// A quote before its speaker is resolved.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub content: Span,
    pub kind: QuoteKind,
    pub cue: Option<usize>,
    pub speaker: SpeakerRef,
    /// Token where the attribution is read: speakers resolve in this order.
    pub at: usize,
}

/// Every quote and reported speech of the document, in reading order. With
/// a cue model, its extra words are cue candidates too and every reported
/// speech candidate must pass it.
pub fn candidates(cx: &Context, model: Option<&CueModel>) -> Vec<Candidate> {
    let mut features = Vec::new();
    candidates_gated(cx, model.map(|m| m.words()), &mut |c| match model {
        Some(m) => {
            crate::cue_features::features(cx, c, &mut features);
            m.accepts(&features)
        }
        None => true,
    })
}

/// Every quote, and the reported speech candidates `keep` accepts; words in
/// `extra` are cue candidates besides the cue lexicon.
pub fn candidates_gated(
    cx: &Context,
    extra: Option<&HashSet<String>>,
    keep: &mut dyn FnMut(&Candidate) -> bool,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    // Tokens already serving as a quote's cue.
    let mut used_cues = vec![false; cx.tokens.len()];
    let headlines = headline_attributions(cx);
    let mut prev_direct: Option<usize> = None; // index into `out`
                                               // The last quote's closing mark, kind and attribution, for the second
                                               // part of a quote split by it (`“…,” said an Iowa Democrat, “and …”`).
    let mut split_from: Option<(usize, QuoteKind, Attribution)> = None;
    for (n, q) in cx.quoted.iter().enumerate() {
        let (s0, _) = cx.sentence_range(q.open);
        // A mark opening a line opens a sentence too, even when the line
        // before ends without a full stop (`… ― Carla Sanchez\n“I …`).
        let starts_sentence = q.open == s0
            || (q.open > s0 && matches!(cx.text(q.open - 1), ":" | "—"))
            || (q.open > 0
                && cx.body[cx.tokens[q.open - 1].span.end()..cx.tokens[q.open].span.start()]
                    .contains('\n'));
        let words = q.close.saturating_sub(q.open + 1);
        let mut found = if q.closed {
            dash_attribution(cx, q.close).or_else(|| after_quote(cx, q.close))
        } else {
            None
        };
        // A cue introducing the quote (`he warned, “…,” Trump told NBC`)
        // makes its content start at the mark even when another follows.
        let before = before_quote(cx, q.open);
        let introduced = before.is_some_and(|(c, _)| c < q.open && only_speech(&cx.lower[c]));
        // `X shouted, “Cruz,” Beck joked, “Amen!”`: the cue after the quote
        // introduces the next one, so this one keeps the cue before it.
        let after_owned_by_next = matches!(
            (found, cx.quoted.get(n + 1)),
            (Some((c, _)), Some(next)) if introduced && c > q.close && continues_split(cx, q.close, c, next.open)
        );
        if after_owned_by_next {
            found = before;
        }
        if let Some((c, _)) = before.filter(|_| found.is_some()) {
            used_cues[c] = true;
        }
        if found.is_none() {
            found = before;
        }
        let split = match split_from {
            Some((close, kind, attr)) if found.is_none() => {
                continues_split(cx, close, attr.0, q.open).then_some((kind, attr))
            }
            _ => None,
        };
        if let Some((_, attr)) = split {
            found = Some(attr);
        }
        if found.is_none() && q.open > 0 {
            // `Kasich: “We Are Going To Go All The Way …”`: a headline's name.
            found = headlines.iter().find_map(|h| match (h.cue, h.speaker) {
                (Some(colon), SpeakerRef::Phrase(a, b)) if colon + 1 == q.open => {
                    Some((colon, Some((a, b))))
                }
                _ => None,
            });
        }
        if let Some((cue, _)) = found {
            used_cues[cue] = true;
        }
        let introduced = introduced
            || (found.is_none()
                && sentence_cue_before(cx, q.open)
                    .is_some_and(|c| opens_after_cue_clause(cx, c, q)));
        let mut kind = if starts_sentence || introduced || found.is_some_and(|(c, _)| c < q.open) {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        if let Some((k, _)) = split {
            kind = k;
        }
        if found.is_none() {
            found = sentence_cue_before(cx, q.open).map(|c| (c, subject_before(cx, c)));
        }
        // The cue of the sentence before, when it gives the speaker.
        let mut previous_cue = None;
        let speaker = match found {
            Some((_, Some((a, b)))) => SpeakerRef::Phrase(a, b),
            Some((_, None)) => SpeakerRef::None,
            None if kind == QuoteKind::Direct && follows_quote(cx, &out, prev_direct, q.open) => {
                SpeakerRef::Previous
            }
            None if starts_sentence => match previous_sentence_speaker(cx, q.open) {
                Some((cue, (a, b))) => {
                    previous_cue = Some(cue);
                    SpeakerRef::Phrase(a, b)
                }
                None if words >= 6 => SpeakerRef::None,
                None => continue,
            },
            None if words >= 6 => SpeakerRef::None,
            // A short quoted phrase with no cue: a title, a slogan or a
            // scare quote ("Orange Is the New Black", “Quick Question”).
            None => continue,
        };
        if kind == QuoteKind::Partial && words >= 6 && starts_sentence {
            kind = QuoteKind::Direct;
        }
        // A quote that continues the previous one shares its cue: one
        // attribution written in two parts (“…?” Trump asked. “I think
        // …”), as does a quote whose speaker the sentence before introduced.
        let cue = match (found, speaker) {
            (Some((c, _)), _) => Some(c),
            (None, SpeakerRef::Previous) => prev_direct.and_then(|p| out[p].cue),
            _ => previous_cue,
        };
        // `America needs leaders “who understand …,” Clinton said.`: the
        // attribution's content is the whole clause the quote closes.
        if let (QuoteKind::Partial, Some((c, _))) = (kind, found) {
            if let Some(clause) = clause_before_quote(cx, q.open, q.close, c) {
                out.push(Candidate {
                    content: clause,
                    kind: QuoteKind::Reported,
                    cue,
                    speaker,
                    at: c,
                });
            }
        }
        out.push(Candidate {
            content: q.content,
            kind,
            cue,
            speaker,
            at: found.map_or(q.open, |(c, _)| c),
        });
        split_from = found.filter(|_| q.closed).map(|f| (q.close, kind, f));
        if kind == QuoteKind::Direct {
            prev_direct = Some(out.len() - 1);
        }
    }
    let mut lines = Vec::new();
    for c in headlines {
        if c.cue.is_some_and(|cue| used_cues[cue]) {
            continue;
        }
        if let Some(cue) = c.cue {
            used_cues[cue] = true;
        }
        lines.push((c.content, c.speaker));
        out.push(c);
    }
    for cue in 0..cx.tokens.len() {
        if cx.in_quote[cue] || used_cues[cue] {
            continue;
        }
        if let Some(mut c) = reported(cx, cue, &used_cues, extra) {
            if keep(&c) {
                // "FALLIN: Well, I think …": the line's speaker is the "I".
                if let SpeakerRef::Phrase(a, b) = c.speaker {
                    let first_person = b == a + 1 && matches!(cx.lower[a].as_str(), "i" | "we");
                    let line = lines
                        .iter()
                        .find(|(content, _)| content.contains(cx.tokens[a].span));
                    if let (true, Some(&(_, SpeakerRef::Phrase(c0, d)))) = (first_person, line) {
                        c.speaker = SpeakerRef::Voiced(a, b, c0, d);
                    }
                }
                out.push(c);
            }
        }
    }
    out.sort_by_key(|c| c.at);
    out
}

/// A direct quote with no cue of its own continues the previous direct
/// quote when nothing but quotes stands between them in the paragraph (or
/// it opens the paragraph right after).
fn follows_quote(cx: &Context, out: &[Candidate], prev: Option<usize>, open: usize) -> bool {
    let Some(p) = prev.map(|p| &out[p]) else {
        return false;
    };
    let prev_end = cx.tokens.partition_point(|t| t.span.end <= p.content.end);
    if prev_end >= open {
        return false;
    }
    let para_gap = cx.paras[open] - cx.paras[prev_end.min(open)];
    if para_gap > 1 {
        return false;
    }
    // Between the previous quote's end and this opening mark: only its
    // closing mark, its attribution and punctuation — no sentence of narrative.
    let (s_prev, _) = cx.sentence_range(prev_end);
    let (s_this, _) = cx.sentence_range(open);
    s_this == open && cx.sentence_of[open] <= cx.sentence_of[s_prev] + 1
}

/// A quote that opens its sentence right after a sentence with a speech cue
/// ("Trump also tweeted a response.\n\n“Crooked Hillary …”"): the speaker
/// of that cue, with the cue.
fn previous_sentence_speaker(cx: &Context, open: usize) -> Option<(usize, (usize, usize))> {
    if open == 0 {
        return None;
    }
    let (p0, p1) = cx.sentence_range(open - 1);
    if cx.paras[open] > cx.paras[p1 - 1] + 1 || (p0..p1).any(|i| cx.is_quote_mark(i)) {
        return None;
    }
    let cue = (p0..p1).rev().find(|&c| is_cue_verb(&cx.lower[c]))?;
    subject_before(cx, cue).map(|phrase| (cue, phrase))
}

/// `“…,” he said` / `“…,” said X`: a cue within a few tokens after the
/// closing mark, in the same sentence.
fn after_quote(cx: &Context, close: usize) -> Option<(usize, Option<(usize, usize)>)> {
    let (_, end) = cx.sentence_range(close);
    let mut j = close + 1;
    if j < end && cx.is_punct(j, ",") {
        j += 1;
    }
    if j >= end {
        return next_sentence_attribution(cx, close);
    }
    if let Some(found) = name_then_verb(cx, j, end) {
        return Some(found);
    }
    if let Some(phrase) = verb_then_name(cx, j, end) {
        return Some((j, Some(phrase)));
    }
    // The speaker may carry one appositive between commas: `“…,” Sam
    // Nunberg, a former Trump aide, said`.
    let mut commas = 0;
    // Inside brackets a full stop ends no sentence: `Rep. Earl Blumenauer
    // (D-Ore.) said`.
    let mut in_brackets = false;
    for k in j..(j + 30).min(end) {
        match cx.text(k) {
            "(" => in_brackets = true,
            ")" => in_brackets = false,
            _ => {}
        }
        if cx.is_quote_mark(k) || (cx.is_terminal(k) && !in_brackets) || cx.in_quote[k] {
            return None;
        }
        if cx.is_punct(k, ",") {
            commas += 1;
            if commas > 2 {
                return None;
            }
        }
        if commas == 0 && k > j + crate::phrases::MAX_PHRASE {
            return None;
        }
        if cx.lower[k] == "according" && k + 1 < end && cx.lower[k + 1] == "to" {
            // `“…,” according to the ministry.`
            let phrase = subject_after(cx, k + 1).or_else(|| any_phrase_after(cx, k + 1));
            return phrase.map(|p| (k, Some(p)));
        }
        if is_cue_verb(&cx.lower[k]) && !noun_use(cx, k) {
            let phrase = if k == j {
                subject_after(cx, k)
            } else {
                subject_before(cx, k).filter(|&(a, _)| a >= j)
            };
            return phrase.map(|p| (k, Some(p)));
        }
    }
    None
}

/// `“…,” Trump shot back.` / `“…?” Trump went on, …`: right after a
/// quote, a name or pronoun and a past-tense verb near the sentence's end
/// attribute it even when the verb is no cue word.
fn name_then_verb(cx: &Context, j: usize, end: usize) -> Option<(usize, Option<(usize, usize)>)> {
    let mut b = j;
    if crate::lexicon::pronoun(&cx.lower[j]).is_some_and(|p| p != crate::lexicon::Pronoun::Other) {
        b = j + 1;
    } else {
        while b < end
            && b - j < 4
            && matches!(
                cx.entity_type(b),
                Some(chronicle_core::EntityType::Person | chronicle_core::EntityType::Organization)
            )
        {
            b += 1;
        }
    }
    if b == j
        || b >= end
        || cx.is_capitalized(b)
        || cx.tokens[b].kind != chronicle_core::TokenKind::Word
    {
        return None;
    }
    let verb = cx.lower[b].as_str();
    let past =
        verb.ends_with("ed") || matches!(verb, "went" | "shot" | "fired" | "wrote" | "spoke");
    let near_end =
        (b + 1..(b + 4).min(end)).any(|i| cx.is_terminal(i) || cx.is_punct(i, ",")) || b + 1 == end;
    (past && near_end && !is_cue_verb(verb)).then_some((b, Some((j, b))))
}

/// `“… missing.” Trump said.`: the quote ends its sentence and the next,
/// in the same paragraph, is only an attribution.
fn next_sentence_attribution(
    cx: &Context,
    close: usize,
) -> Option<(usize, Option<(usize, usize)>)> {
    let s = close + 1;
    if s >= cx.tokens.len() || cx.paras[s] != cx.paras[close] {
        return None;
    }
    let (s0, end) = cx.sentence_range(s);
    // A question or exclamation closing the quote ends no sentence of the
    // text: `“You think I'm going to change?” Trump asked reporters during a
    // news conference.` — the next sentence may go on after its cue.
    let asked = close > 0 && matches!(cx.text(close - 1), "?" | "!");
    if s0 != s || (end - s > 7 && !asked) || !cx.is_terminal(end - 1) {
        return None;
    }
    let k = (s..end).find(|&k| is_cue_verb(&cx.lower[k]))?;
    let phrase = if k == s {
        subject_after(cx, k)
    } else {
        subject_before(cx, k).filter(|&(a, _)| a >= s)
    }?;
    // Nothing but the phrase, the cue and the full stop.
    let covered = if k == s {
        phrase.1 + 1 == end || asked
    } else {
        phrase.0 == s && (k + 2 == end || asked)
    };
    covered.then_some((k, Some(phrase)))
}

/// `X said: “…”` / `X said, “…”` / `X said “…”`: the cue right before the
/// opening mark, or right before a colon or comma before it.
fn before_quote(cx: &Context, open: usize) -> Option<(usize, Option<(usize, usize)>)> {
    let (s0, _) = cx.sentence_range(open);
    if open == s0 && open > 0 && cx.is_punct(open - 1, ":") {
        // "Caddell continued:" closing the sentence or paragraph before.
        let (p0, _) = cx.sentence_range(open - 1);
        let lo = (open - 1).saturating_sub(4).max(p0);
        return (lo..open - 1)
            .rev()
            .find(|&c| is_cue_verb(&cx.lower[c]) && !cx.in_quote[c])
            .map(|c| (c, subject_before(cx, c)));
    }
    let mut k = open;
    if k > s0 && matches!(cx.text(k - 1), ":" | ",") {
        k -= 1;
    }
    // "said on Tuesday:" — allow a short time phrase between cue and colon.
    let lo = k.saturating_sub(if k < open { 3 } else { 1 }).max(s0);
    let cued = (lo..k)
        .rev()
        .find(|&c| is_cue_verb(&cx.lower[c]) && !cx.in_quote[c] && !noun_use(cx, c))
        .map(|c| (c, subject_before(cx, c)));
    if cued.is_none() && k < open && cx.is_punct(k, ":") {
        return name_before_colon(cx, k).map(|p| (k, Some(p)));
    }
    if cued.is_none() && k < open && cx.is_punct(k, ",") {
        return according_to_before(cx, s0, k);
    }
    cued
}

/// `According to the campaign, “The speech will be …”`: "according to" and
/// its source end right at the comma before the opening mark.
fn according_to_before(cx: &Context, s0: usize, comma: usize) -> Option<Attribution> {
    let lo = comma.saturating_sub(crate::phrases::MAX_PHRASE + 2).max(s0);
    let i = (lo..comma.saturating_sub(2))
        .find(|&i| cx.lower[i] == "according" && cx.lower[i + 1] == "to")?;
    let phrase = subject_after(cx, i + 1).or_else(|| any_phrase_after(cx, i + 1))?;
    (phrase.1 == comma).then_some((i, Some(phrase)))
}

/// `Pew Research: “All the samples …”`, `- Carl Bialik: “One of …”`: a
/// short run of capitalised words (joined by "and" or "of") right before
/// the colon, opening its sentence or following a dash.
fn name_before_colon(cx: &Context, colon: usize) -> Option<(usize, usize)> {
    let (s0, _) = cx.sentence_range(colon);
    let mut a = colon;
    while a > s0
        && colon - a < 6
        && cx.tokens[a - 1].kind == chronicle_core::TokenKind::Word
        && !cx.in_quote[a - 1]
        && (cx.is_capitalized(a - 1) || matches!(cx.lower[a - 1].as_str(), "and" | "of"))
    {
        a -= 1;
    }
    let opens = a == s0 || matches!(cx.text(a - 1), "-" | "—" | "–");
    (a < colon
        && opens
        && cx.is_capitalized(a)
        && !(a..colon).any(|i| LINE_LABELS.contains(&cx.lower[i].as_str())))
    .then_some((a, colon))
}

/// The nearest cue verb before `open` in its sentence, outside quotes,
/// whose subject is not "it" ("the Kremlin warned that it viewed the
/// shipments as “legitimate targets”": the Kremlin's words).
fn sentence_cue_before(cx: &Context, open: usize) -> Option<usize> {
    let (s0, _) = cx.sentence_range(open);
    (s0..open).rev().find(|&c| {
        is_cue_verb(&cx.lower[c])
            && !cx.in_quote[c]
            && !noun_use(cx, c)
            && subject_before(cx, c).is_none_or(|(a, b)| b != a + 1 || cx.lower[a] != "it")
    })
}
