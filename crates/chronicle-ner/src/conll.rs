//! CoNLL-2003 column files: reading them into documents of sentences, and
//! scoring predictions exactly as the shared task's `conlleval` script does.
//!
//! The format: one token per line, the word first and the NER tag last,
//! blank lines between sentences, `-DOCSTART-` lines between documents.
//! Gold tags may be IOB1 (the original files) or IOB2; [`chunks`] is a
//! transcription of conlleval's `endOfChunk` / `startOfChunk`, so both read
//! the same way the official scorer reads them, and a stray `I-` after `O`
//! or after another type opens a new entity.

use crate::labels::TokenSpan;
use chronicle_core::EntityType;
use std::collections::HashSet;

/// One sentence: words and, when the file has them, gold tags.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllSentence {
    pub words: Vec<String>,
    /// The last column of each line (empty when lines have one column).
    pub tags: Vec<String>,
    /// 0-based line of each token in the file.
    pub lines: Vec<usize>,
}

impl ConllSentence {
    /// Gold entities, read as conlleval reads them.
    pub fn gold_spans(&self) -> Vec<TokenSpan> {
        chunks(&self.tags)
    }
}

/// One document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllDoc {
    pub sentences: Vec<ConllSentence>,
}

/// Whether a line is a document separator.
pub fn is_docstart(line: &str) -> bool {
    line.split_whitespace().next() == Some("-DOCSTART-")
}

/// Reads a CoNLL file's text. Never fails: a line with one column is a word
/// without a tag; a file without `-DOCSTART-` is one document.
pub fn read_conll(text: &str) -> Vec<ConllDoc> {
    let mut docs = Vec::new();
    let mut doc = ConllDoc::default();
    let mut sent = ConllSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if is_docstart(line) {
            flush_sentence(&mut doc, &mut sent);
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else {
            flush_sentence(&mut doc, &mut sent);
            continue;
        };
        let tag = cols.last().unwrap_or("");
        sent.words.push(word.to_string());
        sent.tags.push(tag.to_string());
        sent.lines.push(n);
    }
    flush_sentence(&mut doc, &mut sent);
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    docs
}

fn flush_sentence(doc: &mut ConllDoc, sent: &mut ConllSentence) {
    if !sent.words.is_empty() {
        doc.sentences.push(std::mem::take(sent));
    }
}

/// Splits a tag into conlleval's (prefix, type): `I-PER` → (`I`, `PER`),
/// `O` → (`O`, ``). A tag without a dash is a prefix with no type.
fn split_tag(tag: &str) -> (&str, &str) {
    match tag.split_once('-') {
        Some((p, t)) => (p, t),
        None => (tag, ""),
    }
}

fn end_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, ty: &str) -> bool {
    matches!(
        (prev_tag, tag),
        ("B", "B") | ("B", "O") | ("I", "B") | ("I", "O") | ("E", "E") | ("E", "I") | ("E", "O")
    ) || (prev_tag != "O" && prev_tag != "." && prev_type != ty)
        || prev_tag == "]"
        || prev_tag == "["
}

fn start_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, ty: &str) -> bool {
    matches!(
        (prev_tag, tag),
        ("B", "B") | ("I", "B") | ("O", "B") | ("O", "I") | ("E", "E") | ("E", "I") | ("O", "E")
    ) || (tag != "O" && tag != "." && prev_type != ty)
        || tag == "["
        || tag == "]"
}

/// Entity spans of one sentence's tags, as conlleval finds them. Types that
/// are not one of the four CoNLL types are dropped after chunking.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let (mut prev_tag, mut prev_type) = ("O", "");
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (t, ty) = split_tag(tag.as_ref());
        if open.is_some() && end_of_chunk(prev_tag, t, prev_type, ty) {
            let (start, kind) = open.take().unwrap_or((0, ""));
            push_chunk(&mut out, start, i, kind);
        }
        if start_of_chunk(prev_tag, t, prev_type, ty) && t != "O" {
            open = Some((i, ty));
        }
        prev_tag = t;
        prev_type = ty;
    }
    if let Some((start, kind)) = open {
        push_chunk(&mut out, start, tags.len(), kind);
    }
    out
}

fn push_chunk(out: &mut Vec<TokenSpan>, start: usize, end: usize, kind: &str) {
    if let Some(kind) = EntityType::from_label(kind) {
        out.push(TokenSpan { start, end, kind });
    }
}

/// Counts for one type or overall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        chronicle_core::metrics::f1(self.precision(), self.recall())
    }
}

use chronicle_core::metrics::ratio;

/// Entity-level exact-match scores, overall and per type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub overall: Counts,
    /// In [`EntityType::ALL`] order.
    pub by_type: [Counts; 4],
    pub tokens: usize,
    pub tokens_correct: usize,
    /// Entities whose exact string is a gold entity of a reference (training)
    /// file, and the others: filled by [`Scores::add_split`] only. The unseen
    /// ones are the proxy for a held-out test set, whose names are mostly
    /// new.
    pub seen: Counts,
    pub unseen: Counts,
}

/// The entity strings of a reference file (words joined by one space, of
/// any type): an entity elsewhere is "seen" when its string is one of them.
#[derive(Debug, Clone, Default)]
pub struct EntityStrings(HashSet<String>);

impl EntityStrings {
    pub fn from_docs(docs: &[ConllDoc]) -> EntityStrings {
        let mut set = HashSet::new();
        for s in docs.iter().flat_map(|d| &d.sentences) {
            for span in s.gold_spans() {
                set.insert(span_text(&s.words, &span));
            }
        }
        EntityStrings(set)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether the span's words, joined by one space, are a reference entity.
    pub fn contains<S: AsRef<str>>(&self, words: &[S], span: &TokenSpan) -> bool {
        self.0.contains(&span_text(words, span))
    }
}

fn span_text<S: AsRef<str>>(words: &[S], span: &TokenSpan) -> String {
    let end = span.end.min(words.len());
    let start = span.start.min(end);
    let parts: Vec<&str> = words[start..end].iter().map(AsRef::as_ref).collect();
    parts.join(" ")
}

impl Scores {
    /// As [`Scores::add`], and also counts each gold and predicted entity as
    /// seen or unseen in `reference` (recall of unseen gold entities,
    /// precision of unseen predicted ones).
    pub fn add_split<S: AsRef<str>>(
        &mut self,
        words: &[S],
        gold: &[TokenSpan],
        predicted: &[TokenSpan],
        reference: &EntityStrings,
    ) {
        self.add(gold, predicted);
        let gold_set: HashSet<&TokenSpan> = gold.iter().collect();
        for g in gold {
            self.side(reference.contains(words, g)).gold += 1;
        }
        for p in predicted {
            let c = self.side(reference.contains(words, p));
            c.predicted += 1;
            if gold_set.contains(p) {
                c.correct += 1;
            }
        }
    }

    fn side(&mut self, seen: bool) -> &mut Counts {
        if seen {
            &mut self.seen
        } else {
            &mut self.unseen
        }
    }

    /// Adds another set of scores to this one.
    pub fn merge(&mut self, other: &Scores) {
        let add = |a: &mut Counts, b: &Counts| {
            a.gold += b.gold;
            a.predicted += b.predicted;
            a.correct += b.correct;
        };
        add(&mut self.overall, &other.overall);
        for (a, b) in self.by_type.iter_mut().zip(&other.by_type) {
            add(a, b);
        }
        add(&mut self.seen, &other.seen);
        add(&mut self.unseen, &other.unseen);
        self.tokens += other.tokens;
        self.tokens_correct += other.tokens_correct;
    }

    /// Adds one sentence: gold and predicted spans, token counts.
    pub fn add(&mut self, gold: &[TokenSpan], predicted: &[TokenSpan]) {
        let gold_set: HashSet<&TokenSpan> = gold.iter().collect();
        for g in gold {
            self.overall.gold += 1;
            self.by_type[crate::labels::type_index(g.kind)].gold += 1;
        }
        for p in predicted {
            let k = crate::labels::type_index(p.kind);
            self.overall.predicted += 1;
            self.by_type[k].predicted += 1;
            if gold_set.contains(p) {
                self.overall.correct += 1;
                self.by_type[k].correct += 1;
            }
        }
    }

    /// A conlleval-style report.
    pub fn report(&self) -> String {
        let o = &self.overall;
        let mut s = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, o.gold, o.predicted, o.correct
        );
        if self.tokens > 0 {
            s += &format!(
                "accuracy: {:6.2}%; ",
                100.0 * self.tokens_correct as f64 / self.tokens as f64
            );
        }
        s += &format!(
            "precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
            100.0 * o.precision(),
            100.0 * o.recall(),
            100.0 * o.f1()
        );
        for (t, c) in EntityType::ALL.iter().zip(&self.by_type) {
            s += &format!(
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}\n",
                t.label(),
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.predicted
            );
        }
        for (name, c) in [("seen", &self.seen), ("unseen", &self.unseen)] {
            if c.gold + c.predicted > 0 {
                s += &format!(
                    "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {} gold, {} found\n",
                    name,
                    100.0 * c.precision(),
                    100.0 * c.recall(),
                    100.0 * c.f1(),
                    c.gold,
                    c.predicted
                );
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(start: usize, end: usize, kind: EntityType) -> TokenSpan {
        TokenSpan { start, end, kind }
    }

    #[test]
    fn iob1_reads_like_conlleval() {
        use EntityType::*;
        // I- opens an entity; B- splits two of the same type; a type change
        // splits without B-.
        let tags = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "I-ORG"];
        assert_eq!(
            chunks(&tags),
            vec![
                sp(0, 2, Person),
                sp(2, 3, Person),
                sp(4, 5, Location),
                sp(5, 7, Organization)
            ]
        );
        // IOB2 reads the same.
        let tags = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG", "I-ORG"];
        assert_eq!(chunks(&tags).len(), 4);
        // Strays: I- after O opens; B- then I- of another type splits.
        let tags = ["O", "I-MISC", "B-LOC", "I-ORG"];
        assert_eq!(
            chunks(&tags),
            vec![sp(1, 2, Misc), sp(2, 3, Location), sp(3, 4, Organization)]
        );
    }

    #[test]
    fn reads_documents_and_scores() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBRUSSELS NNP I-NP I-LOC\n";
        let docs = read_conll(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[1].words, ["Peter", "Blackburn"]);
        assert_eq!(docs[0].sentences[1].lines, [6, 7]);
        let mut scores = Scores::default();
        let gold = docs[0].sentences[0].gold_spans();
        scores.add(&gold, &[sp(0, 1, EntityType::Organization)]);
        assert_eq!(scores.overall.correct, 1);
        assert_eq!(scores.overall.gold, 2);
        assert!((scores.overall.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert!(scores.report().contains("FB1"));
    }

    #[test]
    fn splits_scores_by_seen_entity_strings() {
        use EntityType::*;
        let reference =
            "Anna NNP I-NP I-PER\nKarlsson NNP I-NP I-PER\nmet VBD I-VP O\nOslo NNP I-NP I-LOC\n";
        let reference = EntityStrings::from_docs(&read_conll(reference));
        assert_eq!(reference.len(), 2);
        let words = ["Anna", "Karlsson", "flew", "to", "Oslo", "and", "Bergen"];
        // Gold: Anna Karlsson (seen), Oslo (seen), Bergen (unseen).
        let gold = [sp(0, 2, Person), sp(4, 5, Location), sp(6, 7, Location)];
        // Predicted: "Anna" alone (unseen string, wrong), Oslo, Bergen.
        let pred = [sp(0, 1, Person), sp(4, 5, Location), sp(6, 7, Location)];
        let mut scores = Scores::default();
        scores.add_split(&words, &gold, &pred, &reference);
        assert_eq!(
            (scores.seen.gold, scores.seen.predicted, scores.seen.correct),
            (2, 1, 1)
        );
        assert_eq!(
            (
                scores.unseen.gold,
                scores.unseen.predicted,
                scores.unseen.correct
            ),
            (1, 2, 1)
        );
        let mut total = Scores::default();
        total.merge(&scores);
        total.merge(&scores);
        assert_eq!(total.unseen.predicted, 4);
        assert_eq!(total.overall.correct, 4);
        assert!(total.report().contains("unseen"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "\n\n",
            "-DOCSTART-",
            "x",
            "a b c\n\n\n-\n",
            "I-",
            "w B-\n",
        ] {
            for doc in read_conll(text) {
                for s in doc.sentences {
                    let _ = s.gold_spans();
                }
            }
        }
        assert!(chunks(&["-", "B-", "I-XYZ", "E-PER", "S-LOC", "[", "]"]).len() <= 7);
    }
}
