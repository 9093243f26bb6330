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

/// Rows for band 0 and for band 1 whose buckets are the same 32-bit value,
/// found by a birthday search (about four pairs expected in 2 × 2^17).
fn rows_colliding_across_bands() -> ([u32; ROWS], [u32; ROWS]) {
    let band = |b: usize, i: u32| {
        let mut sig = [0u32; HASHES];
        sig[b * ROWS] = i;
        sig[b * ROWS + 1] = b as u32;
        let rows: [u32; ROWS] = sig[b * ROWS..(b + 1) * ROWS].try_into().unwrap();
        let bucket = buckets(&sig).nth(b).unwrap();
        (bucket, rows)
    };
    let first: HashMap<u32, [u32; ROWS]> = (0..1u32 << 17).map(|i| band(0, i)).collect();
    (0..1u32 << 17)
        .find_map(|i| {
            let (bucket, rows) = band(1, i);
            first.get(&bucket).map(|&other| (other, rows))
        })
        .expect("a cross-band collision in 2^34 pairs")
}

#[test]
fn a_bucket_shared_by_two_bands_does_not_hide_an_original() {
    // Regression: with one table for all bands, `c`'s band-1 bucket equal
    // to `o`'s band-0 bucket put `c` at the head of `o`'s chain, and the
    // walk of band 0 went on along `c`'s band-0 link, missing `o`.
    let (band0, band1) = rows_colliding_across_bands();
    let unique = |base: u32| Box::new(std::array::from_fn(|i| base + i as u32));
    let mut o = unique(1_000);
    o[..ROWS].copy_from_slice(&band0);
    let mut c = unique(5_000);
    c[ROWS..2 * ROWS].copy_from_slice(&band1);
    assert_eq!(buckets(&o).next(), buckets(&c).nth(1));
    // `d` shares band 0 with `o` and no other band: 49 of 64 slots equal.
    let mut d = o.clone();
    for band in 1..BANDS {
        d[band * ROWS] = 9_000 + band as u32;
    }
    assert!(similarity(&d, &low_bits(&o)) >= NEAR_THRESHOLD);
    assert!(similarity(&d, &low_bits(&c)) < NEAR_THRESHOLD);
    let mut dedup = Deduplicator::new();
    assert_eq!(dedup.check_keys("o", 1, Some(o)), None);
    assert_eq!(dedup.check_keys("c", 2, Some(c)), None);
    assert_eq!(dedup.check_keys("d", 3, Some(d)).as_deref(), Some("o"));
}

#[test]
fn originals_are_remembered_for_one_to_two_windows() {
    let mut dedup = Deduplicator::with_window(2);
    let mut mark = |id: &str, body: &str| {
        let mut d = doc(id, body);
        dedup.check(&mut d);
        d.duplicate_of
    };
    assert_eq!(mark("a", "Alpha fell."), None);
    assert_eq!(mark("b", "Beta rose."), None);
    assert_eq!(mark("c", STORY), None);
    assert_eq!(mark("d", "Delta held."), None);
    // `a` and `b` are the previous generation, `c` and `d` the current one.
    assert_eq!(mark("a2", "alpha FELL").as_deref(), Some("a"));
    let trailer = format!("{STORY} Reporting by Sabine Siebold.");
    assert_eq!(mark("c2", &trailer).as_deref(), Some("c"));
    // A new original starts a generation; `a` and `b` are forgotten.
    assert_eq!(mark("e", OTHER), None);
    assert_eq!(mark("b2", "Beta rose"), None);
    assert_eq!(mark("c3", STORY).as_deref(), Some("c"));
    assert_eq!(dedup.stats().duplicates(), 3);
}

#[test]
fn kept_signatures_compare_the_low_bits_of_the_minima() {
    // Minima are small numbers: their high bits are mostly zero, so only
    // the low ones tell two apart.
    let a: Box<[u32; HASHES]> = Box::new(std::array::from_fn(|i| 1_000 + i as u32));
    let b: Box<[u32; HASHES]> = Box::new(std::array::from_fn(|i| 2_000 + i as u32));
    assert_eq!(similarity(&a, &low_bits(&a)), 1.0);
    assert_eq!(similarity(&a, &low_bits(&b)), 0.0);
    let mut c = a.clone();
    c[..HASHES / 4].copy_from_slice(&b[..HASHES / 4]);
    assert_eq!(similarity(&c, &low_bits(&a)), 0.75);
}
