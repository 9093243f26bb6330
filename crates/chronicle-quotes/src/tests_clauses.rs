//! Tests of the rules that bound reported clauses around quotes and
//! attribute quotes by layout, on sentences of our own (see `tests` for the
//! helpers).

use crate::tests::{annotate, quotes};
use chronicle_core::EntityType::Person as Per;
use chronicle_core::QuoteKind::{Direct, Partial, Reported};

#[test]
fn a_dash_and_a_name_ending_the_line_attribute_the_quote() {
    let doc = annotate(
        "“The new bridge is the best thing that happened to this town.” ― Maria Lopez\n“We waited twenty years for it and it was worth it.” ― Tom Reed.\n\nPhoto.",
        &[("Maria Lopez", Per), ("Tom Reed", Per)],
    );
    let q = quotes(&doc);
    assert_eq!(
        q,
        [
            (
                Direct,
                "The new bridge is the best thing that happened to this town.",
                Some("Maria Lopez")
            ),
            (
                Direct,
                "We waited twenty years for it and it was worth it.",
                Some("Tom Reed")
            ),
        ],
        "{q:?}"
    );
    // A dash followed by more of the sentence is no attribution.
    let doc = annotate(
        "“Twenty years” ― that is how long the town waited for its bridge.",
        &[],
    );
    assert!(quotes(&doc).is_empty(), "{:?}", quotes(&doc));
}

#[test]
fn a_partial_quote_belongs_to_the_clause_it_closes() {
    // Cue after the quote: the clause from the sentence start is reported.
    let doc = annotate(
        "The town needs a mayor “who listens to the people who live here,” Maria Lopez said.",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(
            Reported,
            "The town needs a mayor “who listens to the people who live here",
            Some("Maria Lopez")
        )),
        "{q:?}"
    );
    assert!(
        q.contains(&(
            Partial,
            "who listens to the people who live here",
            Some("Maria Lopez")
        )),
        "{q:?}"
    );
    // Cue before, clause opening with the quote and running on after it.
    let doc = annotate(
        "Tom Reed said that “we need more time” before the council decides on the bridge.",
        &[("Tom Reed", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.iter().any(|&(k, text, who)| k == Reported
            && text.starts_with("“we need more time” before the council")
            && who == Some("Tom Reed")),
        "{q:?}"
    );
}

#[test]
fn a_reported_clause_ends_before_a_second_cue_of_its_subject() {
    let doc = annotate(
        "Maria Lopez says she respects the council but argues that the bridge came too late.",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(Reported, "she respects the council", Some("Maria Lopez"))),
        "{q:?}"
    );
    // A base form after "and" goes on with the same clause.
    let doc = annotate(
        "Tom Reed says he would call the mayor and tell her to open the bridge.",
        &[("Tom Reed", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(
            Reported,
            "he would call the mayor and tell her to open the bridge",
            Some("Tom Reed")
        )),
        "{q:?}"
    );
}

#[test]
fn a_time_or_place_after_a_final_cue_still_ends_the_attribution() {
    let doc = annotate(
        "The bridge will reopen in May, Maria Lopez said on Tuesday in Springfield, adding that tolls would stay.",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(
            Reported,
            "The bridge will reopen in May",
            Some("Maria Lopez")
        )),
        "{q:?}"
    );
}

#[test]
fn according_to_inside_a_sentence_reports_the_whole_sentence() {
    let doc = annotate(
        "At the heart of the dispute, according to Maria Lopez, a former mayor, was the cost of the bridge.",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.iter().any(|&(k, text, who)| k == Reported
            && text.starts_with("At the heart of the dispute")
            && text.ends_with("the cost of the bridge")
            && who == Some("Maria Lopez")),
        "{q:?}"
    );
    // At the end of the sentence the source closes the content.
    let doc = annotate(
        "The bridge cost twice as much as planned, according to Maria Lopez.",
        &[("Maria Lopez", Per)],
    );
    assert_eq!(
        quotes(&doc),
        [(
            Reported,
            "The bridge cost twice as much as planned",
            Some("Maria Lopez")
        )]
    );
}

#[test]
fn a_participle_after_a_quotes_attribution_shares_its_speaker() {
    let doc = annotate(
        "“We are not done yet,” the mayor said, adding that the bridge would reopen in May.",
        &[],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(Reported, "the bridge would reopen in May", Some("mayor"))),
        "{q:?}"
    );
}

#[test]
fn an_opening_adverbial_is_no_coordinated_subject() {
    let doc = annotate(
        "In his speech, Maria Lopez praised the builders, and warned that the bridge was still too narrow.",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.iter().any(|&(k, text, who)| k == Reported
            && text == "the bridge was still too narrow"
            && who == Some("Maria Lopez")),
        "{q:?}"
    );
}

#[test]
fn an_unnamed_question_is_reported_without_a_speaker() {
    let doc = annotate(
        "When asked whether the bridge would reopen in May, Maria Lopez said she could not promise it.",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.iter().any(|&(k, text, who)| k == Reported
            && text.contains("the bridge would reopen in May")
            && who.is_none()),
        "{q:?}"
    );
}

#[test]
fn the_second_part_of_a_split_quote_is_direct_with_the_same_cue() {
    let doc = annotate(
        "“The bridge is too narrow,” said a retired city engineer, Maria Lopez, “and the town knows it.”",
        &[("Maria Lopez", Per)],
    );
    let q = doc.layers.quotes();
    assert_eq!(q.len(), 2, "{:?}", quotes(&doc));
    assert!(q.iter().all(|q| q.kind == Direct), "{:?}", quotes(&doc));
    assert!(q[0].cue.is_some() && q[0].cue == q[1].cue, "{q:?}");
}

#[test]
fn a_quote_introduced_by_a_cue_is_direct_even_with_a_cue_after_it() {
    let doc = annotate(
        "After the vote, she warned, “If they cut the budget, the bridge will close,” Maria Lopez told the council.",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert_eq!(
        q,
        [(
            Direct,
            "If they cut the budget, the bridge will close",
            Some("Maria Lopez")
        )],
        "{q:?}"
    );
}

#[test]
fn a_question_closing_a_quote_is_attributed_by_the_next_sentence() {
    let doc = annotate(
        "“Do you think the bridge will close?” Maria Lopez asked reporters during a long news conference on Monday. “It will not.”",
        &[("Maria Lopez", Per)],
    );
    let q = doc.layers.quotes();
    assert_eq!(q.len(), 2, "{:?}", quotes(&doc));
    assert!(q[0].cue.is_some() && q[0].cue == q[1].cue, "{q:?}");
    assert!(q.iter().all(|q| q.kind == Direct), "{:?}", quotes(&doc));
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Maria Lopez")
    );
}

#[test]
fn a_past_verb_and_a_name_after_a_quote_attribute_it() {
    let doc = annotate(
        "“Nobody ever fixes this road,” scoffed Maria Lopez, 22, who drives it daily.",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert_eq!(
        q,
        [(Direct, "Nobody ever fixes this road", Some("Maria Lopez"))],
        "{q:?}"
    );
}

#[test]
fn a_cue_word_after_an_article_is_a_noun() {
    let doc = annotate(
        "“We are late,” said Maria Lopez, who hosts the TV show “Road Trip.” “The bridge was closed.”",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert!(
        !q.iter()
            .any(|&(k, t, _)| k == Direct && t.contains("Road Trip")),
        "{q:?}"
    );
}

#[test]
fn according_to_and_a_comma_before_the_mark_attribute_the_quote() {
    let doc = annotate(
        "According to Maria Lopez, “The bridge will reopen in May.”",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(
            Direct,
            "The bridge will reopen in May.",
            Some("Maria Lopez")
        )),
        "{q:?}"
    );
}

#[test]
fn a_quote_after_the_comma_ending_its_cues_clause_is_direct() {
    let doc = annotate(
        "As one engineer told the city council on Monday, “The bridge will not hold another winter.”",
        &[],
    );
    let q = quotes(&doc);
    assert!(
        q.iter()
            .any(|&(k, t, _)| k == Direct && t == "The bridge will not hold another winter."),
        "{q:?}"
    );
    // A lower-case opening goes on with the sentence: partial.
    let doc = annotate(
        "Maria Lopez said the bridge was fine, “and nobody should worry about it.”",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.iter()
            .any(|&(k, t, _)| k == Partial && t.starts_with("and nobody")),
        "{q:?}"
    );
}

#[test]
fn a_plural_possessive_in_an_appositive_keeps_the_speaker() {
    let doc = annotate(
        "Maria Lopez, who runs the drivers' union in the city, said, “The bridge will close.”",
        &[("Maria Lopez", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(Direct, "The bridge will close.", Some("Maria Lopez"))),
        "{q:?}"
    );
}

#[test]
fn a_cue_between_two_quotes_introduces_the_second_when_the_first_has_its_own() {
    let doc = annotate(
        "When a driver shouted, “Close it,” Maria Lopez said, “Not this year.”",
        &[("Maria Lopez", Per)],
    );
    let q = doc.layers.quotes();
    assert_eq!(q.len(), 2, "{:?}", quotes(&doc));
    assert!(q[0].cue.is_some() && q[0].cue != q[1].cue, "{q:?}");
    assert_eq!(
        q[1].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Maria Lopez")
    );
}
