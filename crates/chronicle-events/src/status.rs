//! Status of an event mention: polarity (negated or not), modality
//! (asserted, future or planned, possible or hypothetical) from the words
//! before the trigger in its clause, and the claimed source from the quotes
//! layer ("the Ministry said the site was …").

use crate::ctx::Ctx;
use crate::lexicon::Pos;
use crate::words::{self, AUXILIARIES, FUTURE, NEGATIONS, POSSIBLE};
use chronicle_core::{Argument, Modality, Polarity, Quote, Span};

/// How far before the trigger the cues are looked for, in tokens.
const REACH: usize = 5;

/// Polarity and modality of the trigger at token `i`: for a verb, from
/// its auxiliary chain ("will not fight", "could include", "plans to
/// meet"); for a noun, from the words just before it ("no attack",
/// "possible strike", "could be at war"). "if" earlier in the sentence makes
/// any event hypothetical.
pub fn status(ctx: &Ctx, i: usize, pos: Pos) -> (Polarity, Modality) {
    let floor = ctx.clause_start(i).max(i.saturating_sub(REACH));
    let (chain, negation_from) = match pos {
        Pos::Verb => {
            let mut j = i;
            while j > floor {
                let w = ctx.word(j - 1);
                if words::is(AUXILIARIES, w) || (w.ends_with("ly") && w.len() > 4) {
                    j -= 1;
                } else {
                    break;
                }
            }
            // The words that govern the chain ("plans to", "could include").
            (j.saturating_sub(3).max(floor), j)
        }
        Pos::Noun => (
            i.saturating_sub(4).max(floor),
            i.saturating_sub(1).max(floor),
        ),
    };
    let no_before = i >= floor + 2 && matches!(ctx.word(i - 2), "no" | "without");
    let negated = (negation_from..i).any(|j| words::is(NEGATIONS, ctx.word(j)));
    let polarity = if no_before || negated {
        Polarity::Negative
    } else {
        Polarity::Positive
    };
    let before = || (chain..i).map(|j| ctx.word(j));
    let (start, _) = ctx.sentence_range(i);
    let hypothetical = (start..i).any(|j| ctx.word(j) == "if");
    let modality = if hypothetical || before().any(|w| words::is(POSSIBLE, w)) {
        Modality::Possible
    } else if before().any(|w| words::is(FUTURE, w))
        || before()
            .zip(before().skip(1))
            .any(|(a, b)| a == "going" && b == "to")
    {
        Modality::Future
    } else {
        Modality::Asserted
    };
    (polarity, modality)
}

/// The innermost quote holding the trigger, if any.
pub fn quote_of<'a>(ctx: &Ctx<'a>, trigger: Span) -> Option<&'a Quote> {
    ctx.doc
        .layers
        .quotes()
        .iter()
        .filter(|q| q.span.contains(trigger))
        .min_by_key(|q| q.span.len())
}

/// Who claims the event: the speaker of the innermost quote holding the
/// trigger.
pub fn source(quote: Option<&Quote>) -> Option<Argument> {
    quote.and_then(|q| q.speaker.as_ref()).map(|s| Argument {
        span: s.mention,
        name: Some(s.name.clone()),
    })
}
