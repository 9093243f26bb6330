//! Deduplication tests with hand-made copies of a wire story.

use super::*;
use chronicle_core::Date;

const STORY: &str = "BRUSSELS (Reuters) - NATO defence ministers agreed on Wednesday to \
    develop plans to reinforce the alliance's eastern flank, as Russia pressed on with its \
    attack on Ukraine and the allies weighed how far to go in supplying Kyiv with weapons. \
    Ministers meeting in Brussels discussed the deployment of more troops to Bulgaria, \
    Hungary, Romania and Slovakia, officials said, and asked military commanders to draw up \
    options within weeks. The decision follows a request from countries on the border that \
    feel threatened by the invasion, which began three weeks ago.";

const OTHER: &str = "The city council voted on Tuesday to approve a new budget for schools, \
    raising teachers' pay by four percent and setting aside money to repair leaking roofs in \
    a dozen buildings, after a debate that lasted late into the night and drew hundreds of \
    parents to the town hall.";

fn doc(id: &str, body: &str) -> Document {
    Document::new(id, Date::from_ymd_opt(2022, 3, 16).unwrap(), body)
}

fn run(docs: Vec<Document>) -> (Vec<Option<String>>, DedupStats) {
    let mut dedup = Deduplicator::new();
    let marks = docs
        .into_iter()
        .map(|mut d| {
            dedup.check(&mut d);
            d.duplicate_of
        })
        .collect();
    (marks, dedup.stats())
}

#[test]
fn exact_copies_differ_only_in_case_space_and_punctuation() {
    let shouted = STORY.to_uppercase().replace(", ", " ,  ");
    let (marks, stats) = run(vec![doc("a", STORY), doc("b", OTHER), doc("c", &shouted)]);
    assert_eq!(marks, [None, None, Some("a".to_owned())]);
    assert_eq!(
        stats,
        DedupStats {
            seen: 3,
            exact: 1,
            near: 0
        }
    );
}

#[test]
fn syndicated_copies_with_another_headline_or_trailer_are_near_duplicates() {
    let headline = format!("Allies to bolster eastern flank\n\n{STORY}");
    let trailer = format!(
        "{STORY}\n\nReporting by Sabine Siebold; additional reporting by Robin Emmott; \
         editing by Alison Williams."
    );
    let dateline = STORY.replace("BRUSSELS (Reuters) - ", "BRUSSELS, March 16 (AP) — ");
    let (marks, stats) = run(vec![
        doc("orig", STORY),
        doc("other", OTHER),
        doc("h", &headline),
        doc("t", &trailer),
        doc("d", &dateline),
    ]);
    let orig = Some("orig".to_owned());
    assert_eq!(marks, [None, None, orig.clone(), orig.clone(), orig]);
    assert_eq!((stats.exact, stats.near, stats.duplicates()), (0, 3, 3));
}

#[test]
fn related_but_different_stories_are_kept() {
    // The same opening, then a different story: not a copy.
    let follow_up = format!(
        "{} On Thursday, leaders will meet in person for an extraordinary summit, where \
         President Joe Biden is expected to announce new sanctions against Russian lawmakers \
         and support for refugees fleeing to Poland, Moldova and other neighbouring countries, \
         while Germany said it would send more air defence systems to Slovakia within days \
         and France pledged fighter jets for patrols over the Baltic states and Poland.",
        &STORY[..200]
    );
    let (marks, stats) = run(vec![doc("a", STORY), doc("b", &follow_up), doc("c", OTHER)]);
    assert_eq!(marks, [None, None, None]);
    assert_eq!(stats.duplicates(), 0);
}

#[test]
fn short_texts_only_match_exactly_and_the_stream_adapter_marks_in_order() {
    let items: Vec<Result<Document, ReadError>> = vec![
        Ok(doc("a", "Markets closed.")),
        Err(ReadError::new("x", crate::Position::None, "bad")),
        Ok(doc("b", "markets closed")),
        Ok(doc("c", "Markets opened.")),
    ];
    let mut stream = Dedup::new(items.into_iter());
    let out: Vec<_> = stream.by_ref().collect();
    assert_eq!(out.len(), 4);
    assert!(out[1].is_err());
    assert_eq!(out[2].as_ref().unwrap().duplicate_of.as_deref(), Some("a"));
    assert_eq!(out[3].as_ref().unwrap().duplicate_of, None);
    assert_eq!(stream.stats().exact, 1);
    let items = vec![Ok(doc("a", STORY)), Ok(doc("b", STORY))];
    let mut off = Dedup::off(items.into_iter());
    assert!(off.by_ref().all(|d| d.unwrap().duplicate_of.is_none()));
    assert_eq!(off.stats(), DedupStats::default());
}
