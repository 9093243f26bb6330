//! Sense filters: a trigger word that names no event of its type here.
//! Each rule reads only the words next to the trigger (and, for labour
//! strikes, its sentence), so it is cheap and explains itself:
//!
//! - medical and figurative senses: "heart attack", "cardiac arrest",
//!   "trade war", "legal battle", "panic attack";
//! - verbal attacks and legislation: "attacked the decision", "killed the
//!   bill", "executed the plan";
//! - fixed phrases: "strike a deal", "in order to", "meet the needs",
//!   "a close call", "a great deal", "in charge", "signs of";
//! - a verb-only form after a determiner is a noun ("the station", "the
//!   order"), so no verb trigger;
//! - a strike among workers, unions or pay is a labour protest, retyped;
//! - an attempted killing ("attempted murder", "assassination attempt") is
//!   an attack, retyped.
//!
//! The word lists are written by hand from general knowledge of English
//! news, not from any annotated corpus.

use crate::ctx::{Ctx, Range};
use crate::lexicon::Pos;
use crate::words;

/// What a sense rule decides about a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    /// The word names an event of its lexicon subtype.
    Event,
    /// The word names no event here.
    Other,
    /// The word names an event of this other subtype.
    Retype(&'static str),
}

/// Words before an attack, war or battle noun that make it medical or
/// figurative.
const FIGURATIVE_BEFORE: &[&str] = &[
    "heart",
    "panic",
    "anxiety",
    "asthma",
    "verbal",
    "personal",
    "trade",
    "price",
    "tariff",
    "currency",
    "culture",
    "culture-war",
    "bidding",
    "legal",
    "court",
    "courtroom",
    "custody",
    "political",
    "uphill",
    "election",
    "electoral",
    "budget",
    "ratings",
    "ad",
    "pillow",
    "snowball",
    "food",
    "flame",
    "bidding",
    "cyber",
    "charm",
    "media",
    "public-relations",
];

/// Nouns after "war on" / "fight against" / "battle with" that make the
/// fight figurative.
const FIGURATIVE_OBJECTS: &[&str] = &[
    "drugs",
    "poverty",
    "cancer",
    "corruption",
    "climate",
    "inflation",
    "disease",
    "covid",
    "covid-19",
    "obesity",
    "hunger",
    "racism",
    "discrimination",
    "crime",
    "addiction",
    "words",
    "christmas",
    "coal",
    "science",
    "women",
    "illness",
    "depression",
    "fires",
    "wildfires",
    "fire",
];

/// Objects of "attack", "kill", "execute", "hit", "capture", "meet" that
/// are no person, place or thing attacked.
const ABSTRACT_OBJECTS: &[&str] = &[
    "decision",
    "decisions",
    "policy",
    "policies",
    "plan",
    "plans",
    "proposal",
    "proposals",
    "bill",
    "bills",
    "law",
    "laws",
    "idea",
    "ideas",
    "remarks",
    "comments",
    "report",
    "reports",
    "record",
    "records",
    "high",
    "highs",
    "low",
    "lows",
    "deal",
    "deals",
    "strategy",
    "order",
    "orders",
    "needs",
    "need",
    "demand",
    "demands",
    "requirements",
    "standards",
    "standard",
    "goal",
    "goals",
    "deadline",
    "criteria",
    "expectations",
    "imagination",
    "market",
    "moment",
    "time",
    "mood",
    "balance",
    "chord",
    "note",
    "tone",
    "transaction",
    "trade",
    "trades",
    "contract",
    "warrant",
    "program",
    "programme",
    "motion",
    "measure",
    "legislation",
    "amendment",
    "agreement",
    "press",
    "media",
    "rumors",
    "rumours",
    "threshold",
    "milestone",
    "jackpot",
    "shelves",
    "stores",
    "headlines",
    "obligations",
    "virus",
    "viruses",
    "disease",
    "problem",
    "problems",
];

/// Words that place a strike in a labour dispute.
const LABOUR: &[&str] = &[
    "workers",
    "worker",
    "union",
    "unions",
    "pay",
    "wage",
    "wages",
    "teachers",
    "nurses",
    "doctors",
    "drivers",
    "staff",
    "employees",
    "walkout",
    "picket",
    "pickets",
    "strikers",
    "pension",
    "pensions",
    "salaries",
    "salary",
    "labor",
    "labour",
    "dockworkers",
    "miners",
    "general",
];

/// Determiners and prepositions after which a bare or -s form is a noun.
const NOUN_BEFORE: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "’s", "'s", "in",
];

fn word_at<'c>(ctx: &'c Ctx, i: usize, start: usize, end: usize) -> &'c str {
    if i >= start && i < end {
        ctx.word(i)
    } else {
        ""
    }
}

/// The head of the object after a verb at `end` (past a determiner and
/// one or two modifiers), lower case, or "".
fn object_head<'c>(ctx: &'c Ctx, end: usize, sentence_end: usize) -> &'c str {
    let mut j = end;
    let mut last = "";
    while j < sentence_end && j < end + 4 {
        let w = ctx.word(j);
        if ctx.is_punct(j) || (words::is(words::FUNCTION_WORDS, w) && j > end) {
            break;
        }
        if !words::is(words::DETERMINERS, w) && !matches!(w, "’s" | "'s") {
            last = w;
        }
        j += 1;
    }
    last
}

/// The sense of the trigger over tokens `r` with lexicon subtype `subtype`.
pub fn sense(ctx: &Ctx, r: Range, pos: Pos, subtype: &str, past: bool) -> Sense {
    let (start, end) = ctx.sentence_range(r.0);
    let first = ctx.word(r.0);
    let prev = word_at(ctx, r.0.wrapping_sub(1), start, end);
    let next = word_at(ctx, r.1, start, end);
    let after_next = word_at(ctx, r.1 + 1, start, end);
    let lemma_like = |stems: &[&str]| stems.iter().any(|s| first.starts_with(s));

    // A verb-only form after a determiner: "the station", "in order to".
    if pos == Pos::Verb
        && !past
        && !first.ends_with("ing")
        && r.1 - r.0 == 1
        && words::is(NOUN_BEFORE, prev)
    {
        return Sense::Other;
    }
    if words::is(FIGURATIVE_BEFORE, prev) && matches!(subtype, "attack" | "battle" | "arrest") {
        return Sense::Other;
    }
    if prev == "cardiac" && subtype == "arrest" {
        return Sense::Other;
    }
    if matches!(next, "on" | "against" | "with")
        && matches!(subtype, "battle" | "attack")
        && words::is(FIGURATIVE_OBJECTS, object_head(ctx, r.1 + 1, end))
    {
        return Sense::Other;
    }
    if pos == Pos::Verb && words::is(ABSTRACT_OBJECTS, object_head(ctx, r.1, end)) {
        let verbal = lemma_like(&[
            "attack", "kill", "execut", "hit", "captur", "meet", "met", "strik", "struck", "shot",
            "shoot", "fire",
        ]);
        if verbal && !matches!(subtype, "agree" | "ban") {
            return Sense::Other;
        }
    }
    // "attempted murder", "an assassination attempt", "a failed
    // assassination": an attack that killed no one.
    if subtype == "kill"
        && (matches!(prev, "attempted" | "failed" | "foiled" | "thwarted")
            || matches!(next, "attempt" | "attempts" | "bid" | "plot"))
    {
        return Sense::Retype("attack");
    }
    if lemma_like(&["strik", "struck"]) {
        // "strike a deal", "struck down the law", "strike out".
        if matches!(next, "down" | "out" | "up")
            || (matches!(next, "a" | "an") && words::is(ABSTRACT_OBJECTS, after_next))
        {
            return Sense::Other;
        }
        if (start..end).any(|j| words::is(LABOUR, ctx.word(j)))
            && !(start..end).any(|j| words::is(words::WEAPONS, ctx.word(j)))
        {
            return Sense::Retype("protest");
        }
    }
    match (first, prev, next) {
        (_, "close" | "wake-up" | "judgment" | "judgement" | "roll" | "curtain", _)
            if subtype == "call" =>
        {
            Sense::Other
        }
        (_, "great" | "good" | "big", "of") if subtype == "agree" => Sense::Other,
        (_, "in", _) if subtype == "charge" => Sense::Other,
        ("charge", _, "for" | "fees" | "customers") => Sense::Other,
        ("signs" | "sign", _, "of" | "that") => Sense::Other,
        ("visit" | "visited" | "visiting" | "visits", _, "www" | "website" | "site" | "our") => {
            Sense::Other
        }
        ("rallied" | "rally" | "rallies" | "rallying", _, _)
            if (start..r.0).any(|j| {
                matches!(
                    ctx.word(j),
                    "stocks"
                        | "shares"
                        | "markets"
                        | "market"
                        | "dollar"
                        | "prices"
                        | "index"
                        | "bonds"
                        | "oil"
                        | "euro"
                )
            }) =>
        {
            Sense::Other
        }
        _ => Sense::Event,
    }
}
