//! The category of a count: the casualty, troops and thing words, and the
//! cues found after the counted phrase ("were killed", "dead", "lost their
//! lives", "forced to leave"), before the figure in its clause ("killed at
//! least 35", "the death toll rose to"), or inherited from the figure before
//! it ("from 14 to 31"; "killed 1,139 Israelis, including 373 members …").
//!
//! The order in which `counted.rs` consults them is documented there; the
//! word lists come from casualty reporting in Wikinews and AP copy.

use crate::counted::Prev;
use crate::lexicon::category_cue;
use crate::scan::{Ctx, Expr};
use chronicle_core::{FigureCategory, TokenKind};

/// Casualty words used as heads or adjectives of the counted phrase.
pub fn is_noun_cue(w: &str) -> bool {
    matches!(
        w,
        "deaths"
            | "fatalities"
            | "bodies"
            | "lives"
            | "injuries"
            | "casualties"
            | "refugees"
            | "evacuees"
            | "detainees"
            | "arrests"
            | "troops"
            | "soldiers"
            | "forces"
            | "personnel"
            | "servicemen"
            | "marines"
            | "sailors"
            | "paratroopers"
            | "reservists"
            | "conscripts"
            | "gunmen"
            | "fighters"
            | "militants"
            | "insurgents"
            | "rebels"
    )
}

/// Whether a casualty category (not troops or a measure).
pub fn is_casualty(f: FigureCategory) -> bool {
    use FigureCategory::*;
    matches!(f, Killed | Injured | Missing | Arrested | Displaced)
}

/// Things (and places) that are never the victims of a verb like "killed".
pub fn is_thing(w: &str) -> bool {
    matches!(
        w,
        "houses"
            | "homes"
            | "buildings"
            | "apartments"
            | "vehicles"
            | "cars"
            | "churches"
            | "schools"
            | "missiles"
            | "rockets"
            | "drones"
            | "shells"
            | "hectares"
            | "acres"
            | "pieces"
            | "aftershocks"
            | "cases"
            | "infections"
            | "tests"
            | "doses"
            | "votes"
            | "states"
            | "countries"
            | "provinces"
            | "regions"
            | "districts"
            | "counties"
            | "cities"
            | "towns"
    )
}

/// Words that may stand between the counted phrase and a cue after it.
pub fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "being"
            | "be"
            | "reportedly"
            | "confirmed"
            | "reported"
            | "also"
            | "later"
            | "all"
            | "seriously"
            | "critically"
            | "badly"
            | "severely"
            | "fatally"
            | "slightly"
            | "already"
            | "now"
            | "still"
            | "left"
            | "feared"
            | "believed"
            | "presumed"
            | "found"
            | "more"
            | "others"
            | "people"
            | "who"
            | "to"
            | "so"
            | "far"
            | "either"
            | "not"
            | "gone"
            | "went"
            | "aboard"
            | "onboard"
    )
}

/// Whether token `t` opens a number: digits, a number word or a vague
/// plural ("hundreds of Taliban").
fn opens_number(c: &Ctx, t: usize) -> bool {
    c.kind(t) == Some(TokenKind::Number)
        || crate::number::word_value(c.low(t)).is_some()
        || crate::lexicon::vague_plural(c.low(t)).is_some()
}

/// A figure that continues the previous one takes its casualty category:
/// "from 14 to 31" after "the death toll rose", and lists — "killed 1,139
/// Israelis, including 373 members …, 695 civilians (including 36
/// children), and 71 foreigners".
pub fn inherited(
    c: &Ctx,
    e: &Expr,
    prev: Option<Prev>,
    head: Option<&str>,
) -> Option<FigureCategory> {
    let p = prev.filter(|p| is_casualty(p.category))?;
    let before = c.low(e.first.wrapping_sub(1));
    if before == "to" && c.low(p.first.wrapping_sub(1)) == "from" && e.first == p.end_tok + 1 {
        return Some(p.category);
    }
    if head.is_some_and(is_thing) || e.first < p.end_tok || e.first - p.end_tok > 8 {
        return None;
    }
    if !matches!(before, "including" | "," | "and" | "(") {
        return None;
    }
    // Nothing between the two but list punctuation and a prepositional
    // phrase ("of the security forces"): no verb of its own.
    let gap_ok = (p.end_tok..e.first).all(|t| {
        let w = c.low(t);
        c.kind(t) != Some(TokenKind::Number)
            && category_cue(w).is_none_or(|f| f == FigureCategory::Troops)
            && !matches!(w, "were" | "was" | "are" | "is" | "have" | "has" | "had")
    });
    gap_ok.then_some(p.category)
}

/// "Casualties" set against deaths in the same sentence are the injured:
/// "at least 116 people died, while the number of casualties rose to at
/// least 1,035". Alone, the word covers dead and hurt and decides nothing.
pub fn casualties_are_injured(c: &Ctx) -> bool {
    (c.lo..c.hi).any(|t| {
        let w = c.low(t);
        matches!(w, "toll" | "tolls") || category_cue(w) == Some(FigureCategory::Killed)
    })
}

/// Whether the sentence opens with a partitive pronoun before token
/// `first` — "Of them, 210 were …", "Out of these, twelve …" — so that its
/// counts divide the set the previous sentence counted.
pub fn partitive_opening(c: &Ctx, first: usize) -> bool {
    let mut t = c.lo;
    if c.low(t) == "out" {
        t += 1;
    }
    c.low(t) == "of"
        && matches!(c.low(t + 1), "them" | "these" | "those")
        && c.low(t + 2) == ","
        && first > t + 2
}

/// What follows the counted phrase.
pub enum After {
    /// A category cue: "were killed", "dead", "lost their lives".
    Cue(FigureCategory),
    /// A verb of its own that is no cue: "more than 500 were rescued".
    Blocked,
    Nothing,
}

/// A category cue after the counted phrase, skipping auxiliaries, quote
/// marks, "on board", a named place ("in Herzliya", "in Northern and
/// Eastern India"), an aside between commas and coordinated figures ("20
/// children and six faculty were killed", "150 soldiers, 95 civilians, and
/// hundreds of fighters killed").
pub fn cue_after(c: &Ctx, mut t: usize) -> After {
    let mut stop = (t + 6).min(c.hi);
    let mut aux = false;
    let mut skipped = 0;
    while t < stop {
        let w = c.low(t);
        if c.kind(t) == Some(TokenKind::Quote) {
            t += 1;
            continue;
        }
        if w == "on" && c.low(t + 1) == "board" {
            t += 2;
            continue;
        }
        if skipped < 2 && matches!(w, "in" | "at" | "near") && c.is_cap(t + 1) {
            t += 1;
            while c.is_cap(t) || (c.low(t) == "and" && c.is_cap(t + 1)) {
                t += 1;
            }
            skipped += 1;
            stop = (t + 5).min(c.hi);
            continue;
        }
        if skipped < 2
            && w == ","
            && !aux
            && matches!(c.low(t + 1), "and" | "or")
            && opens_number(c, t + 2)
        {
            // ", and hundreds of …": the last item of a list.
            t += 1;
            continue;
        }
        if skipped < 2 && w == "," && !aux {
            let close = (t + 1..(t + 9).min(c.hi)).find(|&u| c.low(u) == ",");
            match close {
                Some(u) => {
                    t = u + 1;
                    skipped += 1;
                    stop = (t + 5).min(c.hi);
                    continue;
                }
                None => return After::Nothing,
            }
        }
        if skipped < 2 && matches!(w, "and" | "or") && opens_number(c, t + 1) {
            t += 2;
            while t < c.hi
                && c.kind(t) == Some(TokenKind::Word)
                && !is_aux(c.low(t))
                && category_cue(c.low(t)).is_none()
                && t < stop + 3
            {
                t += 1;
            }
            skipped += 1;
            stop = (t + 5).min(c.hi);
            continue;
        }
        if w == "lost" && (c.low(t + 1) == "lives" || c.low(t + 2) == "lives") {
            return After::Cue(FigureCategory::Killed);
        }
        if w == "forced" && c.low(t + 1) == "to" && matches!(c.low(t + 2), "leave" | "flee") {
            return After::Cue(FigureCategory::Displaced);
        }
        // "eight people in critical condition": hurt badly enough to say so.
        if w == "in" {
            let u = if matches!(c.low(t + 1), "a" | "an") {
                t + 2
            } else {
                t + 1
            };
            if matches!(c.low(u), "critical" | "serious" | "grave") && c.low(u + 1) == "condition" {
                return After::Cue(FigureCategory::Injured);
            }
        }
        if let Some(f) = category_cue(w) {
            return if f == FigureCategory::Troops {
                After::Nothing
            } else {
                After::Cue(f)
            };
        }
        if !is_aux(w) {
            let verb = w.len() > 4 && w.ends_with("ed") && c.kind(t) == Some(TokenKind::Word);
            return if aux && verb {
                After::Blocked
            } else {
                After::Nothing
            };
        }
        aux = true;
        t += 1;
    }
    After::Nothing
}

/// The nearest category cue before the figure in its clause.
pub fn cue_before(c: &Ctx, first: usize, floor: usize) -> Option<FigureCategory> {
    let floor = floor.max(c.lo).max(first.saturating_sub(10));
    let mut t = first;
    while t > floor {
        t -= 1;
        let w = c.low(t);
        if matches!(w, ";" | ":" | "(" | ")") || c.kind(t) == Some(TokenKind::Number) {
            return None;
        }
        if w == "toll" || w == "tolls" {
            return Some(FigureCategory::Killed);
        }
        if matches!(w, "casualties" | "casualty") {
            return casualties_are_injured(c).then_some(FigureCategory::Injured);
        }
        if let Some(f) = category_cue(w) {
            return (f != FigureCategory::Troops).then_some(f);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::tests_support::figs;
    use chronicle_core::FigureCategory as C;

    fn cats(text: &str) -> Vec<C> {
        figs(text).iter().map(|f| f.category).collect()
    }

    #[test]
    fn cues_after_skip_places_asides_and_coordinations() {
        assert_eq!(
            cats("Two civilians in Herzliya were wounded."),
            [C::Injured]
        );
        assert_eq!(
            cats("20 children and six faculty were killed."),
            [C::Killed, C::Killed]
        );
        assert_eq!(
            cats("At least 18 children, as well as a teacher, were killed."),
            [C::Killed]
        );
        assert_eq!(
            cats("At least a dozen people lost their lives."),
            [C::Killed]
        );
        assert_eq!(
            cats("More than 20,000 were forced to leave their homes."),
            [C::Displaced]
        );
        assert_eq!(
            cats("Raids left 40 policemen, 12 drivers, and dozens of guards dead."),
            [C::Killed, C::Killed, C::Killed]
        );
    }

    #[test]
    fn a_verb_of_its_own_blocks_the_cue_before() {
        assert_eq!(
            cats("Five were injured, and more than 500 were rescued."),
            [C::Injured, C::Other]
        );
    }

    #[test]
    fn lists_and_changes_inherit() {
        assert_eq!(
            cats("The attack killed 1,139 Israelis, including 373 soldiers and 71 foreigners."),
            [C::Killed, C::Killed, C::Killed]
        );
        assert_eq!(
            cats("The death toll rose from 14 to 31."),
            [C::Killed, C::Killed]
        );
        assert_eq!(
            cats("It killed 35 people and destroyed 48 houses."),
            [C::Killed, C::Other]
        );
    }
}
