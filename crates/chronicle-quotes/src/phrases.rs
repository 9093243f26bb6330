//! Finding the speaker phrase next to a cue: the subject before a cue verb
//! ("NATO and U.S. officials have repeatedly stressed", skipping an
//! appositive between commas: "Douglas Lute, a retired …, said"), or the
//! phrase after an inverted cue ("said Stefano Stefanini, Italy’s …").
//!
//! Phrases are token ranges `a..b` inside one sentence. Without a parser we
//! bound them by punctuation, clause words ("that", "but", "as") and other
//! cue verbs; a phrase longer than [`MAX_PHRASE`] tokens is not a speaker.

use crate::context::Context;
use crate::lexicon::{is_cue_filler, is_cue_verb, is_np_boundary};

/// The longest speaker phrase accepted, in tokens.
pub const MAX_PHRASE: usize = 10;

/// Skips back over words that may stand between a subject and its cue:
/// auxiliaries, adverbs, and a day ("X on Sunday said", "X yesterday said").
fn skip_fillers_back(cx: &Context, start: usize, mut j: usize) -> usize {
    loop {
        // A capitalised word is a name ("Kelly said"), never a filler adverb.
        if j > start && is_cue_filler(&cx.lower[j - 1]) && !cx.is_capitalized(j - 1) {
            j -= 1;
        } else if j > start
            && (chronicle_core::is_weekday_name(&cx.lower[j - 1]) || cx.lower[j - 1] == "yesterday")
        {
            j -= 1;
            if j > start && cx.lower[j - 1] == "on" {
                j -= 1;
            }
        } else {
            return j;
        }
    }
}

/// Whether token `i` can be part of a speaker phrase.
fn phrase_token(cx: &Context, i: usize) -> bool {
    use chronicle_core::TokenKind::*;
    match cx.tokens[i].kind {
        Word => !is_np_boundary(&cx.lower[i]) && !is_cue_verb(&cx.lower[i]),
        Number => true,
        // "Rep. Bobby Scott (D-Va.)"
        Punct => {
            matches!(cx.text(i), "-" | "&" | "(" | ")")
                || (cx.text(i) == "." && i + 1 < cx.tokens.len() && cx.text(i + 1) == ")")
        }
        Quote => {
            (cx.text(i) == "’" && i > 0 && cx.tokens[i - 1].span.end == cx.tokens[i].span.start)
                || possessive(cx, i)
        }
        _ => false,
    }
}

/// A straight or curly apostrophe closing a plural possessive ("veterans'
/// families"): glued to a word ending in "s", followed by a space and a
/// lower-case word, and inside no quoted passage of its own.
fn possessive(cx: &Context, i: usize) -> bool {
    matches!(cx.text(i), "'" | "’")
        && i > 0
        && i + 1 < cx.tokens.len()
        && cx.tokens[i - 1].span.end == cx.tokens[i].span.start
        && cx.tokens[i].span.end < cx.tokens[i + 1].span.start
        && cx.lower[i - 1].ends_with('s')
        && cx.tokens[i + 1].kind == chronicle_core::TokenKind::Word
        && !cx.is_capitalized(i + 1)
        && !cx.quoted.iter().any(|q| q.close == i)
}

/// The subject phrase that ends right before the cue at token `cue`.
pub fn subject_before(cx: &Context, cue: usize) -> Option<(usize, usize)> {
    let (start, _) = cx.sentence_range(cue);
    let mut end = skip_fillers_back(cx, start, cue);
    if end > start && cx.is_punct(end - 1, ",") && cx.lower[cue].ends_with("ing") {
        // "Albright urged women to vote, saying": a participle shares the
        // sentence's subject.
        return coordinated_subject(cx, start, end - 1);
    }
    if end > start && cx.is_punct(end - 1, ",") {
        // "Name, appositive, said": the subject ends at the comma before the
        // appositive.
        let mut m = end - 1;
        let mark = |i: usize| cx.is_quote_mark(i) && !possessive(cx, i);
        while m > start && !cx.is_punct(m - 1, ",") && !mark(m - 1) {
            m -= 1;
        }
        if m <= start || mark(m - 1) {
            return None;
        }
        end = m - 1;
    }
    if end > start && cx.lower[end - 1] == "who" {
        // "Shane Shook, a security expert who has helped …, said": the
        // relative pronoun stands for the phrase before it (see `resolve`).
        return Some((end - 1, end));
    }
    if end > start && matches!(cx.lower[end - 1].as_str(), "and" | "but") {
        return coordinated_subject(cx, start, end - 1);
    }
    let mut a = end;
    // A phrase never reaches back over an interview label ("((WN)) And I").
    while a > start
        && end - a < MAX_PHRASE
        && phrase_token(cx, a - 1)
        && !cx.in_quote[a - 1]
        && cx.turn_of[a - 1] == cx.turn_of[end - 1]
    {
        a -= 1;
    }
    // Drop a leading preposition or date word left over from the clause before.
    while a < end
        && matches!(
            cx.lower[a].as_str(),
            "on" | "in" | "at" | "and" | "of" | "to" | "for" | "with"
        )
    {
        a += 1;
    }
    plausible(cx, a, end).then_some((a, end))
}

/// "Trump called on her to resign and said": the cue shares the sentence's
/// subject, a name at the sentence start.
fn coordinated_subject(cx: &Context, start: usize, and: usize) -> Option<(usize, usize)> {
    // "In his speech, Graham urged …, and criticized": the subject follows
    // an opening adverbial and its comma.
    let mut start = start;
    if start < and && is_opener(&cx.lower[start]) {
        start = (start..and).find(|&i| cx.is_punct(i, ","))? + 1;
    }
    let mut b = start;
    while b < and
        && b - start < MAX_PHRASE
        && (cx.entity_at[b].is_some()
            || cx.is_capitalized(b)
            || phrase_token_det(cx, b)
            || (cx.lower[b] == "of" && b + 1 < and && cx.is_capitalized(b + 1)))
    {
        b += 1;
    }
    // A determiner takes its noun along: "The attacker … claimed", never
    // "The" alone.
    while b > start && b < and && b - start < MAX_PHRASE && phrase_token_det(cx, b - 1) {
        let noun_end = b;
        while b < and && b - start < MAX_PHRASE && phrase_token(cx, b) && !cx.is_capitalized(b) {
            b += 1;
        }
        if b == noun_end {
            break;
        }
    }
    (b > start
        && (start..b).any(|i| cx.entity_at[i].is_some() || cx.is_capitalized(i))
        && plausible(cx, start, b))
    .then_some((start, b))
}

/// Words that open an adverbial before a sentence's subject ("In 1986,",
/// "After the vote,", "Still,").
fn is_opener(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "since"
            | "when"
            | "while"
            | "though"
            | "although"
            | "as"
            | "recently"
            | "earlier"
            | "later"
            | "last"
            | "yesterday"
            | "today"
            | "meanwhile"
            | "however"
            | "still"
            | "also"
            | "but"
            | "and"
            | "so"
            | "then"
            | "for"
            | "with"
            | "without"
            | "under"
            | "by"
            | "from"
            | "despite"
            | "because"
            | "if"
            | "unlike"
            | "instead"
            | "now"
            | "once"
            | "speaking"
    )
}

fn phrase_token_det(cx: &Context, i: usize) -> bool {
    matches!(cx.lower[i].as_str(), "the" | "a" | "an") || (i > 0 && cx.text(i) == "’s")
}

/// The phrase after an inverted cue at token `cue`: "said Stefano Stefanini,".
pub fn subject_after(cx: &Context, cue: usize) -> Option<(usize, usize)> {
    let (_, end) = cx.sentence_range(cue);
    let a = cue + 1;
    let mut b = a;
    while b < end && b - a < MAX_PHRASE && phrase_token(cx, b) && !cx.in_quote[b] {
        b += 1;
    }
    plausible(cx, a, b).then_some((a, b))
}

/// A speaker phrase is a pronoun, or holds a capitalised word or a
/// determiner ("a senior U.S. defense official"); never a bare lower-case run.
fn plausible(cx: &Context, a: usize, b: usize) -> bool {
    if a >= b || b - a > MAX_PHRASE {
        return false;
    }
    if b - a == 1 && crate::lexicon::pronoun(&cx.lower[a]).is_some() {
        return true;
    }
    // A date is not a speaker ("in January said" is a clause boundary).
    let dated = |i: usize| {
        chronicle_core::is_month_name(&cx.lower[i]) || chronicle_core::is_weekday_name(&cx.lower[i])
    };
    if (a..b).all(|i| dated(i) || !cx.is_capitalized(i)) && (a..b).any(dated) {
        return false;
    }
    // "21 percent said", "those people say"
    (a..b).any(|i| cx.is_capitalized(i) || cx.entity_at[i].is_some())
        || cx.tokens[a].kind == chronicle_core::TokenKind::Number
        || matches!(
            cx.lower[a].as_str(),
            "a" | "an"
                | "the"
                | "one"
                | "two"
                | "several"
                | "some"
                | "many"
                | "most"
                | "those"
                | "these"
                | "both"
                | "all"
                | "few"
                | "other"
                | "others"
        )
}
