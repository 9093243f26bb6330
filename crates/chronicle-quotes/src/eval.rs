//! Scoring against PolNeAR (Newell, Margolin & Ruths, LREC 2018): brat
//! standoff attributions with Source, Cue and Content spans over raw news
//! text.
//!
//! Measures, as the project defines them: a system quote matches a gold
//! attribution when it overlaps more than half of the gold content (pairs
//! are matched one to one, largest overlap first); precision and recall count
//! matched items; speaker accuracy is the share of matched pairs whose system
//! speaker mention overlaps the gold source — or, for a gold attribution with
//! no source, whose system speaker is unknown (a guess there is wrong).
//! The parts of one system item are united before overlaps are counted, so
//! nothing is counted twice. System quotes
//! that share a cue are one item, since PolNeAR annotates a quote split by
//! its attribution ("…,” said X. “…") as one attribution with a
//! discontinuous content. "Direct" gold
//! items are attributions whose content opens with a quotation mark (any
//! family, including the `''` of NYT copy, or a mark right before the span);
//! they
//! are compared with the system's direct quotes. "All" compares every gold
//! attribution with every system quote.
//!
//! Offsets in the `.ann` files are code points into the `.txt` file.

use chronicle_core::{CharOffsets, Document, QuoteKind, Span};
use std::collections::HashMap;

/// One gold attribution, in byte spans of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttribution {
    pub content: Vec<Span>,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub direct: bool,
}

/// Parses a brat `.ann` file of PolNeAR over `text`. Malformed lines are
/// skipped and counted.
pub fn parse_ann(text: &str, ann: &str) -> (Vec<GoldAttribution>, usize) {
    let offsets = CharOffsets::new(text);
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut malformed = 0;
    let mut relations = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let mut parts = body.splitn(2, ' ');
            let (_kind, ranges) = (parts.next(), parts.next().unwrap_or(""));
            let mut list = Vec::new();
            for r in ranges.split(';') {
                let mut nums = r.split_whitespace().map(|n| n.parse::<usize>().ok());
                match (nums.next().flatten(), nums.next().flatten()) {
                    (Some(a), Some(b)) if a <= b => {
                        match (offsets.byte_of(a), offsets.byte_of(b)) {
                            (Some(a), Some(b)) => list.push(Span::new(a, b)),
                            _ => malformed += 1,
                        }
                    }
                    _ => malformed += 1,
                }
            }
            spans.insert(id, list);
        } else if id.starts_with('E') {
            relations.push(body);
        }
    }
    let mut out = Vec::new();
    for rel in relations {
        let mut content = Vec::new();
        let mut source = Vec::new();
        let mut cue = Vec::new();
        for arg in rel.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            let target = spans.get(id).cloned().unwrap_or_default();
            match role {
                "Content" => content = target,
                "Source" => source = target,
                "Cue" => cue = target,
                _ => {}
            }
        }
        if content.is_empty() {
            malformed += 1;
            continue;
        }
        let first = content[0].text(text).trim_start();
        let direct = first.starts_with(QUOTE_MARKS) || opens_after_mark(text, content[0].start());
        out.push(GoldAttribution {
            content,
            source,
            cue,
            direct,
        });
    }
    (out, malformed)
}

/// Marks that open a quotation: curly, straight, low, guillemets, single
/// ones, and the `''` NYT copy writes for a double quote.
const QUOTE_MARKS: [char; 7] = ['“', '"', '‘', '\'', '„', '«', '”'];

/// A content whose text begins right after an opening mark (some annotators
/// leave the mark outside the span): the mark touches the content and stands
/// at the start of the text or after a space or bracket, so a closing mark
/// (`the "targeted area," which …`) does not count.
fn opens_after_mark(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    let Some(mark) = before.next() else {
        return false;
    };
    if !QUOTE_MARKS.contains(&mark) || mark == '”' {
        return false;
    }
    let prev = before.find(|&c| !QUOTE_MARKS.contains(&c));
    prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | ':'))
}

/// Shared code points of `a` (possibly discontinuous) and `b`.
pub(crate) fn overlap(text: &str, a: &[Span], b: Span) -> usize {
    a.iter()
        .map(|s| {
            let lo = s.start().max(b.start());
            let hi = s.end().min(b.end());
            text.get(lo..hi).map_or(0, |t| t.chars().count())
        })
        .sum()
}

/// The union of `spans` as sorted disjoint spans, so that parts of one
/// system item never count a gold character twice.
fn disjoint(spans: &[Span]) -> Vec<Span> {
    let mut sorted = spans.to_vec();
    sorted.sort_by_key(|s| (s.start(), s.end()));
    let mut out: Vec<Span> = Vec::with_capacity(sorted.len());
    for s in sorted {
        match out.last_mut() {
            Some(last) if s.start() <= last.end() => {
                *last = Span::new(last.start(), last.end().max(s.end()));
            }
            _ => out.push(s),
        }
    }
    out
}

/// Counts for one comparison (direct quotes, or all attributions).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub system: usize,
    pub gold: usize,
    pub matched: usize,
    /// Matched pairs whose speaker is judged (every matched pair).
    pub judged: usize,
    /// … of which the system speaker mention overlaps the gold source, or
    /// both have none.
    pub speaker_right: usize,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.system += other.system;
        self.gold += other.gold;
        self.matched += other.matched;
        self.judged += other.judged;
        self.speaker_right += other.speaker_right;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.system)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        chronicle_core::metrics::f1(self.precision(), self.recall())
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.judged)
    }
}

use chronicle_core::metrics::ratio;

/// What went wrong on one item, for study.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// A gold item no system quote matched.
    Missed {
        content: String,
        source: String,
        cue: String,
    },
    /// A system quote that matched no gold item.
    Spurious { content: String, speaker: String },
    /// Matched, but the speaker mention does not overlap the gold source.
    WrongSpeaker {
        content: String,
        gold: String,
        system: String,
    },
}

/// Scores one annotated document against its gold attributions; `direct`
/// chooses the direct-quote comparison.
pub fn score(doc: &Document, gold: &[GoldAttribution], direct: bool) -> (Counts, Vec<Miss>) {
    let text = doc.body();
    let clip = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(120)
            .collect::<String>()
    };
    let gold: Vec<&GoldAttribution> = gold.iter().filter(|g| !direct || g.direct).collect();
    // Parts of one attribution (the same cue: a quote split by "he said",
    // or continued in the next paragraph) are one system item, as in PolNeAR.
    let mut system: Vec<(Vec<Span>, &chronicle_core::Quote)> = Vec::new();
    for q in doc
        .layers
        .quotes()
        .iter()
        .filter(|q| !direct || q.kind == QuoteKind::Direct)
    {
        match system
            .iter_mut()
            .find(|(_, first)| q.cue.is_some() && first.cue == q.cue)
        {
            Some((spans, _)) => spans.push(q.span),
            None => system.push((vec![q.span], q)),
        }
    }
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let len: usize = g.content.iter().map(|s| s.text(text).chars().count()).sum();
        for (si, (spans, _)) in system.iter().enumerate() {
            let o: usize = disjoint(spans)
                .into_iter()
                .map(|s| overlap(text, &g.content, s))
                .sum();
            if 2 * o > len {
                pairs.push((o, gi, si));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let mut gold_used = vec![false; gold.len()];
    let mut sys_used = vec![false; system.len()];
    let mut counts = Counts {
        system: system.len(),
        gold: gold.len(),
        ..Counts::default()
    };
    let mut misses = Vec::new();
    for (_, gi, si) in pairs {
        if gold_used[gi] || sys_used[si] {
            continue;
        }
        gold_used[gi] = true;
        sys_used[si] = true;
        counts.matched += 1;
        let g = gold[gi];
        counts.judged += 1;
        let (spans, q) = &system[si];
        // No gold source: only "speaker unknown" is right.
        let right = match &q.speaker {
            None => g.source.is_empty(),
            Some(s) => overlap(text, &g.source, s.mention) > 0,
        };
        if right {
            counts.speaker_right += 1;
        } else {
            misses.push(Miss::WrongSpeaker {
                content: clip(spans[0].text(text)),
                gold: if g.source.is_empty() {
                    "(none)".into()
                } else {
                    g.source
                        .iter()
                        .map(|s| s.text(text))
                        .collect::<Vec<_>>()
                        .join(" … ")
                },
                system: q.speaker.as_ref().map_or("(none)".into(), |s| {
                    format!("{} [{}]", s.mention.text(text), s.name)
                }),
            });
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if !gold_used[gi] {
            misses.push(Miss::Missed {
                content: clip(
                    &g.content
                        .iter()
                        .map(|s| s.text(text))
                        .collect::<Vec<_>>()
                        .join(" … "),
                ),
                source: g
                    .source
                    .iter()
                    .map(|s| s.text(text))
                    .collect::<Vec<_>>()
                    .join(" … "),
                cue: g
                    .cue
                    .iter()
                    .map(|s| s.text(text))
                    .collect::<Vec<_>>()
                    .join(" … "),
            });
        }
    }
    for (si, (spans, q)) in system.iter().enumerate() {
        if !sys_used[si] {
            misses.push(Miss::Spurious {
                content: clip(spans[0].text(text)),
                speaker: q
                    .speaker
                    .as_ref()
                    .map_or("(none)".into(), |s| s.name.clone()),
            });
        }
    }
    (counts, misses)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_brat_and_scores_strictly() {
        let text = "“We will win,” she said. Officials said the plan failed.";
        let ann = "T1\tSource 15 18\tshe\nT2\tCue 19 23\tsaid\nT3\tContent 0 13\t“We will win,\nT4\tAttribution 19 23\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tSource 25 34\tOfficials\nT6\tContent 40 55\tthe plan failed\nE2\tContent:T6 Source:T5\nbroken line\n";
        let (gold, malformed) = parse_ann(text, ann);
        assert_eq!(malformed, 0);
        assert_eq!(gold.len(), 2);
        assert!(gold[0].direct && !gold[1].direct);
        assert_eq!(gold[0].source[0].text(text), "she");
        let mut doc = Document::new(
            "t",
            chronicle_core::Date::from_ymd_opt(2016, 9, 1).unwrap(),
            text,
        );
        // A system that finds only the direct quote, with the wrong speaker.
        let start = text.find("We").unwrap();
        doc.layers.quotes = Some(chronicle_core::Layer::new(
            "test",
            vec![chronicle_core::Quote {
                span: Span::new(start, text.find(",”").unwrap()),
                kind: QuoteKind::Direct,
                cue: None,
                speaker: None,
            }],
        ));
        let (all, misses) = score(&doc, &gold, false);
        assert_eq!(
            (
                all.system,
                all.gold,
                all.matched,
                all.judged,
                all.speaker_right
            ),
            (1, 2, 1, 1, 0)
        );
        assert_eq!(misses.len(), 2, "{misses:?}");
        let (direct, _) = score(&doc, &gold, true);
        assert_eq!((direct.gold, direct.matched), (1, 1));
        assert!((direct.f1() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn direct_means_an_opening_mark() {
        let text = "''It is fine,'' he said. The \"big area,\" which grew, failed. He said \"no way\" twice.";
        let span = |s: &str| {
            let a = text.char_indices().count() - text[text.find(s).unwrap()..].chars().count();
            format!("{} {}", a, a + s.chars().count())
        };
        let ann = format!(
            "T1\tContent {}\tx\nE1\tContent:T1\nT2\tContent {}\tx\nE2\tContent:T2\nT3\tContent {}\tx\nE3\tContent:T3\n",
            span("''It is fine,''"),
            span("which grew"),
            span("no way"),
        );
        let (gold, _) = parse_ann(text, &ann);
        let direct: Vec<bool> = gold.iter().map(|g| g.direct).collect();
        assert_eq!(direct, [true, false, true]);
    }

    fn doc_with(text: &str, quotes: Vec<chronicle_core::Quote>) -> Document {
        let date = chronicle_core::Date::from_ymd_opt(2016, 9, 1).unwrap();
        let mut doc = Document::new("t", date, text);
        doc.layers.quotes = Some(chronicle_core::Layer::new("test", quotes));
        doc
    }

    #[test]
    fn a_guessed_speaker_for_an_unsourced_attribution_is_wrong() {
        let text = "It is said that the plan failed badly. It seems that taxes rose.";
        let ann = "T1\tContent 16 37\tx\nE1\tContent:T1\nT2\tContent 51 63\tx\nE2\tContent:T2\n";
        let (gold, _) = parse_ann(text, ann);
        let quote = |a: &str, speaker: Option<chronicle_core::Speaker>| chronicle_core::Quote {
            span: Span::new(text.find(a).unwrap(), text.find(a).unwrap() + a.len()),
            kind: QuoteKind::Reported,
            cue: None,
            speaker,
        };
        let guess = chronicle_core::Speaker {
            name: "It".into(),
            mention: Span::new(39, 41),
        };
        let doc = doc_with(
            text,
            vec![
                quote("the plan failed badly", None),
                quote("taxes rose", Some(guess)),
            ],
        );
        let (all, _) = score(&doc, &gold, false);
        assert_eq!((all.matched, all.judged, all.speaker_right), (2, 2, 1));
    }

    #[test]
    fn parts_of_one_item_never_count_a_character_twice() {
        // Gold content of 20 characters; two system parts sharing a cue both
        // cover the same 8 characters: 8 shared, not 16, so no match.
        let text = "He said: aaaaaaaa bbbbbbbbbbb and more.";
        let ann = "T1\tContent 9 29\tx\nE1\tContent:T1\n";
        let (gold, _) = parse_ann(text, ann);
        let part = chronicle_core::Quote {
            span: Span::new(9, 17),
            kind: QuoteKind::Reported,
            cue: Some(Span::new(3, 7)),
            speaker: None,
        };
        let doc = doc_with(text, vec![part.clone(), part]);
        let (all, _) = score(&doc, &gold, false);
        assert_eq!((all.system, all.matched), (1, 0));
    }
}
