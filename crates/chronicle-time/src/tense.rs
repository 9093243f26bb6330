//! Which side of the publication date an underspecified expression lies on.
//!
//! A weekday or a bare month names a date on either side of the report's
//! date; news resolves it by tense: "said Sunday" is the Sunday before,
//! "will meet Friday" the Friday after. We look for the verb cue nearest the
//! expression inside its sentence (modals — "will", "would", "can", "may",
//! "must", "should", not the past "could" — future markers, past forms),
//! preferring cues before it, and fall back to the past, which is what news
//! mostly reports. This follows HeidelTime's tense-based disambiguation of
//! underspecified expressions (Strötgen & Gertz 2013, §4.2).

use crate::Ctx;

/// The side a cue puts the expression on: `-1` past, `+1` future.
fn cue(low: &str) -> Option<i32> {
    match low {
        "will" | "'ll" | "’ll" | "shall" | "would" | "scheduled" | "expected" | "due"
        | "upcoming" | "next" | "tomorrow" | "wo" | "soon" | "can" | "ca" | "may" | "might"
        | "must" | "should" | "await" | "awaits" | "awaiting" | "expect" | "expects"
        | "expecting" => Some(1),
        "said" | "was" | "were" | "had" | "did" | "ago" | "last" | "yesterday" | "earlier"
        | "since" | "came" | "met" | "told" | "took" | "began" | "went" | "made" | "gave"
        | "announced" | "reported" | "killed" | "died" | "held" | "left" | "won" | "lost"
        | "fell" | "rose" | "closed" | "struck" | "hit" | "sent" | "brought" | "bought"
        | "sold" | "became" | "saw" | "found" | "paid" | "thought" | "kept" | "led" | "ran"
        | "wrote" | "spent" | "stood" | "fought" | "built" | "caught" | "knew" | "grew"
        | "drew" | "threw" | "flew" | "chose" | "spoke" | "broke" | "shot" | "fled" | "sought"
        | "taught" => Some(-1),
        w if w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") => Some(-1),
        _ => None,
    }
}

/// The side of the publication date for the expression at tokens
/// `start..end`: `-1` before (or on), `+1` after (or on); past by default.
pub fn side(cx: &Ctx, start: usize, end: usize) -> i32 {
    match cue_side(cx, start, end) {
        0 => -1,
        s => s,
    }
}

/// Present-tense verbs of scheduled events.
fn scheduled_present(low: &str) -> bool {
    matches!(
        low,
        "meet"
            | "meets"
            | "begins"
            | "starts"
            | "opens"
            | "resumes"
            | "arrives"
            | "leaves"
            | "visits"
            | "travels"
            | "returns"
            | "hears"
            | "convenes"
            | "kicks"
    )
}

/// Words after which `to` and a verb look ahead: "plans to meet Friday",
/// "is to resume trading Tuesday", "ready to leave on Thursday".
fn intends(low: &str) -> bool {
    matches!(
        low,
        "is" | "are"
            | "am"
            | "plan"
            | "plans"
            | "planned"
            | "planning"
            | "expected"
            | "expects"
            | "scheduled"
            | "set"
            | "ready"
            | "going"
            | "due"
            | "likely"
            | "hopes"
            | "hope"
            | "hoped"
            | "wants"
            | "want"
            | "intends"
            | "intend"
            | "intended"
            | "promised"
            | "vowed"
            | "threatened"
            | "prepared"
            | "preparing"
            | "poised"
    )
}

/// The side the cue at token `k` gives. A future cue in the past perfect
/// ("had been scheduled to expire Friday", "had been due") looks back: the
/// plan was for a time already past.
///
/// A past participle after `be` is a passive with no tense of its own ("would
/// be paid in January", "will be held on April 24"): the search goes on to
/// the modal.
///
/// Inside a sentence a capitalized word is a name ("the United States",
/// "Will Smith"), and "next to" a preposition: neither is a cue.
fn cue_at(cx: &Ctx, k: usize) -> Option<i32> {
    let t = cx.tok(k)?;
    if (k > cx.sent.start && t.cap()) || (t.low == "next" && cx.low(k + 1) == "to") {
        return None;
    }
    // "Arafat and Netanyahu meet Monday", "the court hears the case
    // Tuesday": a present-tense verb of a scheduled event looks ahead
    // (not after "did" or a negation, nor as an infinitive).
    if scheduled_present(t.low)
        && k > cx.sent.start
        && !matches!(cx.low(k - 1), "did" | "not" | "n't" | "never" | "to")
    {
        return Some(1);
    }
    let s = cue(t.low)?;
    if s > 0 && past_perfect(cx, k) {
        return Some(-1);
    }
    if s < 0 && k > cx.sent.start && matches!(cx.low(k - 1), "be" | "being") {
        return None;
    }
    // "a still unspecified date", "the previously announced deal": a
    // participle after a determiner or an adverb of time is an adjective.
    if s < 0
        && k > cx.sent.start
        && t.low.ends_with("ed")
        && matches!(
            cx.low(k - 1),
            "a" | "an"
                | "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "still"
                | "yet"
                | "previously"
                | "newly"
                | "recently"
                | "as-yet"
        )
    {
        return None;
    }
    Some(s)
}

/// Whether the word at `k` follows `had` or `had been`.
fn past_perfect(cx: &Ctx, k: usize) -> bool {
    let before = |d: usize| {
        if k >= cx.sent.start + d {
            cx.low(k - d)
        } else {
            ""
        }
    };
    before(1) == "had" || (before(1) == "been" && before(2) == "had")
}

/// Like [`side`], but `0` when no cue was found.
pub fn cue_side(cx: &Ctx, start: usize, end: usize) -> i32 {
    // A deadline right before the expression looks ahead: "until Tuesday",
    // "as early as Monday", "as soon as Tuesday".
    let before = |k: usize| {
        if start >= cx.sent.start + k {
            cx.low(start - k)
        } else {
            ""
        }
    };
    let (b1, b2) = match before(1) {
        "on" | "at" => (before(2), before(3)),
        w => (w, before(2)),
    };
    // "Until Thursday, they had not called him a suspect": a past perfect
    // after it makes "until" look back, and the cues decide.
    let had_after = (end..(end + 8).min(cx.sent.end)).any(|k| cx.low(k) == "had");
    if (matches!(b1, "until" | "till") && !had_after)
        || (b1 == "as" && matches!(b2, "early" | "soon"))
    {
        return 1;
    }
    // "get around Wednesday's ruling", "a revision to December's figures":
    // a possessive names a day or month whose events are on record, so it
    // looks back whatever the verb ("would look for ways…") — unless it is
    // awaited ("ahead of Monday's vote", "the upcoming Friday's race",
    // "investors await Friday's jobs report"): then the verbs decide.
    if matches!(cx.low(end), "'s" | "’s") {
        let awaited = (b1 == "of" && b2 == "ahead")
            || matches!(
                b1,
                "upcoming" | "before" | "await" | "awaits" | "awaiting" | "awaited"
            );
        if !awaited {
            return -1;
        }
    }
    // "will meet Friday", "said Sunday that…": the closest cue wins; a cue
    // before the expression beats one at the same distance after it.
    let lo = cx.sent.start;
    let hi = cx.sent.end.min(cx.toks.len());
    // "''He will leave at 4 a.m. Thursday,'' Castro said": past a quotation
    // mark the verbs belong to another clause (the reporting one), so the
    // search after the expression stops there.
    let mut ahead_open = true;
    for dist in 1..=12usize {
        if start >= lo + dist {
            if let Some(s) = cue_at(cx, start - dist) {
                return s;
            }
            // "planned to leave Nairobi on Thursday": an infinitive of
            // intention anywhere before the expression looks ahead ("had
            // been due to expire Friday" back).
            if cx.low(start - dist) == "to"
                && start > lo + dist
                && intends(cx.low(start - dist - 1))
                && cx
                    .tok(start - dist + 1)
                    .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_lowercase()))
            {
                return if past_perfect(cx, start - dist - 1) {
                    -1
                } else {
                    1
                };
            }
            // "is to resume Tuesday", "set to meet Friday": an infinitive
            // before the expression looks ahead.
            if dist <= 2
                && cx.low(start - dist) == "to"
                && cx.tok(start - dist + 1).is_some_and(|t| {
                    t.text.starts_with(|c: char| c.is_ascii_lowercase())
                        && !matches!(t.low, "the" | "a" | "an" | "his" | "her" | "their" | "its")
                })
            {
                return 1;
            }
        }
        if ahead_open && end + dist - 1 < hi {
            let k = end + dist - 1;
            if matches!(cx.low(k), "'" | "''" | "\"" | "”" | "``" | "“" | "’") {
                ahead_open = false;
                continue;
            }
            if let Some(s) = cue_at(cx, k) {
                return s;
            }
            // "On Tuesday, the league plans to hold a news conference": an
            // infinitive of intention after the expression looks ahead too.
            if cx.low(k) == "to"
                && k > end
                && intends(cx.low(k - 1))
                && cx
                    .tok(k + 1)
                    .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_lowercase()))
            {
                return if past_perfect(cx, k - 1) { -1 } else { 1 };
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use crate::testing::check;

    #[test]
    fn weekdays_follow_the_tense() {
        check(
            "The minister said Sunday that talks failed.",
            "2022-03-16",
            &[("Sunday", "2022-03-13")],
        );
        check(
            "The ministers will meet Friday in Brussels.",
            "2022-03-16",
            &[("Friday", "2022-03-18")],
        );
        check(
            "The deadline was extended until Tuesday.",
            "2022-03-16",
            &[("Tuesday", "2022-03-22")],
        );
        check(
            "Voting is scheduled for Monday.",
            "2022-03-16",
            &[("Monday", "2022-03-21")],
        );
        // A present-tense verb of a scheduled event looks ahead.
        check(
            "The two leaders meet separately Monday with the envoy.",
            "2022-03-16",
            &[("Monday", "2022-03-21")],
        );
        check(
            "The leaders did not meet Monday.",
            "2022-03-16",
            &[("Monday", "2022-03-14")],
        );
        // Present modals look ahead as "will" does.
        check(
            "Members may vote on the plan in April; they must answer by Friday.",
            "2022-03-16",
            &[("April", "2022-04"), ("Friday", "2022-03-18")],
        );
        check(
            "Nothing happened on Tuesday.",
            "2022-03-16",
            &[("Tuesday", "2022-03-15")],
        );
    }

    #[test]
    fn possessives_look_back_unless_awaited() {
        check(
            "The family said they would look for ways to get around Wednesday's ruling.",
            "2022-03-18",
            &[("Wednesday", "2022-03-16")],
        );
        check(
            "After a revision to December's figures, jobs grew.",
            "2022-02-04",
            &[("December", "2021-12")],
        );
        check(
            "Delegates will arrive ahead of Monday's vote.",
            "2022-03-16",
            &[("Monday", "2022-03-21")],
        );
        check(
            "Investors await Friday's jobs report.",
            "2022-03-16",
            &[("Friday", "2022-03-18")],
        );
        // Awaited at the time of the event, not of the report: the verb decides.
        check(
            "The parties formed a coalition just ahead of Wednesday's deadline.",
            "2022-03-21",
            &[("Wednesday", "2022-03-16")],
        );
    }

    #[test]
    fn participles_after_a_determiner_are_adjectives() {
        check(
            "The bonus would be paid on a still unspecified date in May.",
            "2022-03-16",
            &[("May", "2022-05")],
        );
    }

    #[test]
    fn since_looks_back() {
        check(
            "Police have searched for him since shortly after the July 4 shooting.",
            "2022-03-16",
            &[("July 4", "2021-07-04")],
        );
    }

    #[test]
    fn irregular_past_forms_look_back() {
        check(
            "In January, the firm brought in a new chief.",
            "1989-10-27",
            &[("January", "1989-01")],
        );
    }

    #[test]
    fn intentions_look_ahead_and_past_plans_look_back() {
        check(
            "The delegation plans to fly to Geneva on Thursday.",
            "2022-03-16",
            &[("Thursday", "2022-03-17")],
        );
        check(
            "Trading is to resume in Frankfurt Tuesday.",
            "2022-03-16",
            &[("Tuesday", "2022-03-22")],
        );
        check(
            "The tender offer had been due to expire Friday.",
            "2022-03-16",
            &[("Friday", "2022-03-11")],
        );
        check(
            "On Friday, the union plans to stage a walkout.",
            "2022-03-16",
            &[("Friday", "2022-03-18")],
        );
        check(
            "Until Monday, the police had not named a suspect.",
            "2022-03-16",
            &[("Monday", "2022-03-14")],
        );
        check(
            "The hearing had been scheduled for Monday.",
            "2022-03-16",
            &[("Monday", "2022-03-14")],
        );
        check(
            "The father will fly to the United States Thursday.",
            "2022-03-16",
            &[("Thursday", "2022-03-17")],
        );
        check(
            "''The father will fly to the capital early on Thursday,'' the leader said.",
            "2022-03-16",
            &[("Thursday", "2022-03-17")],
        );
        check(
            "Dozens died in the blast next to the embassy on Friday.",
            "2022-03-19",
            &[("Friday", "2022-03-18")],
        );
        check(
            "A second round will be held on Friday.",
            "2022-03-16",
            &[("Friday", "2022-03-18")],
        );
    }
}
