//! Features of a reported-speech candidate for the cue model: the cue word
//! and its neighbours, the shape of the speaker phrase, where the content
//! lies and how it opens, and the sentence around it. Every feature is a
//! 64-bit FNV-1a hash of a template number and its strings, so the same
//! candidate gives the same hashes on every machine and nothing is
//! allocated per feature.

use crate::attribution::{Candidate, SpeakerRef};
use crate::context::Context;
use crate::lexicon::{is_cue_verb, pronoun};
use chronicle_core::EntityType;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn hash(template: u8, parts: &[&str]) -> u64 {
    let mut h = FNV_OFFSET;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    };
    eat(template);
    for p in parts {
        for &b in p.as_bytes() {
            eat(b);
        }
        eat(0xff);
    }
    h
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2..=3 => "2-3",
        4..=7 => "4-7",
        8..=15 => "8-15",
        16..=31 => "16-31",
        _ => "32+",
    }
}

/// The word at `i`, or a boundary marker outside `lo..hi`.
fn word_at<'a>(cx: &'a Context, i: isize, lo: usize, hi: usize) -> &'a str {
    if i < lo as isize {
        "<s>"
    } else if i as usize >= hi {
        "</s>"
    } else {
        &cx.lower[i as usize]
    }
}

/// What kind of phrase the speaker is.
fn speaker_shape<'a>(cx: &'a Context, speaker: SpeakerRef) -> (&'static str, &'a str) {
    let SpeakerRef::Phrase(a, b) = speaker else {
        return ("none", "");
    };
    let head = cx.lower[b - 1].as_str();
    if b - a == 1 && pronoun(head).is_some() {
        return ("pronoun", head);
    }
    if head == "who" {
        return ("who", head);
    }
    let shape = match (a..b).find_map(|i| cx.entity_type(i)) {
        Some(EntityType::Person) => "per",
        Some(EntityType::Organization) => "org",
        Some(EntityType::Location) => "loc",
        Some(EntityType::Misc) => "misc",
        None if (a..b).any(|i| cx.is_capitalized(i)) => "cap",
        None => "lower",
    };
    (shape, head)
}

/// The feature hashes of `c`, a reported-speech candidate with its cue.
pub fn features(cx: &Context, c: &Candidate, out: &mut Vec<u64>) {
    out.clear();
    let Some(cue) = c.cue else {
        return;
    };
    let (s0, s1) = cx.sentence_range(cue);
    let w = cx.lower[cue].as_str();
    let at = |d: isize| word_at(cx, cue as isize + d, s0, s1);
    let content_start = cx
        .tokens
        .partition_point(|t| t.span.start() < c.content.start());
    let content_end = cx
        .tokens
        .partition_point(|t| t.span.end() <= c.content.end());
    let mode = if content_start > cue {
        "after"
    } else if content_end <= cue {
        "before"
    } else {
        "around"
    };
    let (shape, head) = speaker_shape(cx, c.speaker);
    let first = word_at(cx, content_start as isize, 0, cx.tokens.len());
    let before_content = word_at(cx, content_start as isize - 1, 0, cx.tokens.len());
    let lexicon = if is_cue_verb(w) { "lex" } else { "extra" };
    let quoted = if (s0..s1).any(|i| cx.is_quote_mark(i)) {
        "q"
    } else {
        "-"
    };
    let tense = if w.ends_with("ing") {
        "ing"
    } else if w.ends_with("ed") {
        "ed"
    } else if w.ends_with('s') {
        "s"
    } else {
        "other"
    };
    // Context the first templates miss: a modal or negation before the cue,
    // a quote inside the content, the content's first two words, and where
    // the subject starts (the sentence's start, after a comma, elsewhere).
    let before2 = at(-2);
    let modal = if matches!(
        at(-1),
        "will" | "would" | "could" | "may" | "might" | "should" | "to" | "must" | "can"
    ) || matches!(before2, "will" | "would" | "could" | "to")
    {
        "modal"
    } else if matches!(at(-1), "not" | "never" | "n't" | "didn’t" | "didn't") {
        "neg"
    } else {
        "-"
    };
    let inner_quote =
        if (content_start..content_end.min(cx.tokens.len())).any(|i| cx.is_quote_mark(i)) {
            "q"
        } else {
            "-"
        };
    let second = word_at(cx, content_start as isize + 1, 0, cx.tokens.len());
    let subject_at = match c.speaker {
        SpeakerRef::Phrase(a, _) if a == s0 => "start",
        SpeakerRef::Phrase(a, _) if a > s0 && cx.is_punct(a - 1, ",") => "comma",
        SpeakerRef::Phrase(..) => "mid",
        _ => "none",
    };
    let pushes: [u64; 30] = [
        hash(0, &[]),
        hash(1, &[w]),
        hash(2, &[lexicon]),
        hash(3, &[at(-1)]),
        hash(4, &[at(1)]),
        hash(5, &[w, at(1)]),
        hash(6, &[at(-1), w]),
        hash(7, &[at(-2)]),
        hash(8, &[at(2)]),
        hash(9, &[shape]),
        hash(10, &[shape, w]),
        hash(11, &[head]),
        hash(12, &[mode]),
        hash(13, &[mode, w]),
        hash(14, &[first]),
        hash(15, &[before_content]),
        hash(16, &[bucket(content_end.saturating_sub(content_start))]),
        hash(17, &[bucket(cue - s0)]),
        hash(18, &[quoted]),
        hash(19, &[tense, mode]),
        hash(20, &[w, before_content]),
        hash(21, &[lexicon, shape, mode]),
        hash(22, &[bucket(s1 - cue)]),
        hash(23, &[head, w]),
        hash(24, &[modal, w]),
        hash(25, &[inner_quote, mode]),
        hash(26, &[first, second]),
        hash(27, &[w, first]),
        hash(28, &[subject_at, mode]),
        hash(29, &[subject_at, shape, w]),
    ];
    out.extend_from_slice(&pushes);
}
