//! The strict scorer: sets of trigger, typed-trigger, argument and
//! typed-argument tuples per document, compared exactly (see the module
//! above for the definitions); overall and for the conflict-news types.

use super::{Dataset, GoldDoc};
use crate::table::EventTable;
use chronicle_core::metrics::{f1, ratio};
use chronicle_core::Span;
use std::collections::{BTreeMap, HashSet};

/// True positives, predictions and gold items of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.pred)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    fn add<T: Eq + std::hash::Hash>(&mut self, pred: &HashSet<T>, gold: &HashSet<T>) {
        self.tp += pred.intersection(gold).count();
        self.pred += pred.len();
        self.gold += gold.len();
    }
}

/// Trigger identification and classification, argument identification and
/// classification.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub trigger_id: Counts,
    pub trigger_class: Counts,
    pub arg_id: Counts,
    pub arg_class: Counts,
}

/// Scores overall and on the conflict-news types, with the misses.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub all: Scores,
    pub conflict: Scores,
    /// Argument classification per role (lower case), all types.
    pub roles: BTreeMap<String, Counts>,
    /// Missed gold arguments of the conflict-news types, by role and cause.
    pub arg_misses: super::causes::Breakdown,
    pub misses: Vec<String>,
}

/// Whether a KAIROS or AIDA type is one of the conflict-news types (attack,
/// die, injure, transport, meet, arrest, demonstrate, sanction).
pub fn is_conflict(kind: &str) -> bool {
    let k = kind.to_lowercase();
    [
        "conflict.attack",
        "life.die",
        "life.injure",
        "movement.transport",
        "arrestjaildetain",
        "demonstrate",
        "embargosanction",
    ]
    .iter()
    .any(|p| k.contains(p))
        || k.ends_with(".meet")
}

/// Words that end an argument's head search: the head is the last token
/// before the first of them (after the first token).
const HEAD_STOPS: &[&str] = &[
    "of", ",", "who", "which", "that", "in", "at", "from", "with", "(", "near", "on", "for", "–",
    "—", "’", "'", "’s", "'s", "\"", "“", "”",
];

/// The head token of a gold token range.
pub fn head(doc: &GoldDoc, (a, b): (usize, usize)) -> usize {
    let body = doc.doc.body();
    (a + 1..b)
        .find(|&i| HEAD_STOPS.contains(&doc.tokens[i].text(body).to_lowercase().as_str()))
        .map_or(b - 1, |stop| stop - 1)
}

/// The gold tokens a predicted span covers, when it starts and ends on
/// gold token boundaries; a span that cuts a gold token ("bomb" in
/// "car-bomb") matches nothing.
fn covered(doc: &GoldDoc, span: Span) -> Option<(usize, usize)> {
    let first = doc.tokens.partition_point(|t| t.end <= span.start);
    let end = doc.tokens.partition_point(|t| t.start < span.end);
    let aligned =
        first < end && doc.tokens[first].start == span.start && doc.tokens[end - 1].end == span.end;
    aligned.then_some((first, end))
}

/// The type compared: full KAIROS; AIDA `family.subtype`, plus `.meet`
/// when that is the sub-subtype (so meetings stay a conflict-news type).
pub(crate) fn compared(dataset: Dataset, kind: &str) -> String {
    match dataset {
        Dataset::WikiEvents => kind.to_owned(),
        Dataset::Rams if kind.ends_with(".meet") => kind.to_owned(),
        Dataset::Rams => kind.split('.').take(2).collect::<Vec<_>>().join("."),
    }
}

pub(crate) type Trig = (usize, usize);

#[derive(Default)]
pub(crate) struct Tuples {
    pub ti: HashSet<Trig>,
    pub tc: HashSet<(Trig, String)>,
    pub ai: HashSet<(Trig, String, usize)>,
    pub ac: HashSet<(Trig, String, usize, String)>,
}

impl Tuples {
    fn filter(&self, keep: impl Fn(&str) -> bool) -> Tuples {
        Tuples {
            ti: self
                .tc
                .iter()
                .filter(|(_, k)| keep(k))
                .map(|(t, _)| *t)
                .collect(),
            tc: self.tc.iter().filter(|(_, k)| keep(k)).cloned().collect(),
            ai: self
                .ai
                .iter()
                .filter(|(_, k, _)| keep(k))
                .cloned()
                .collect(),
            ac: self
                .ac
                .iter()
                .filter(|(_, k, _, _)| keep(k))
                .cloned()
                .collect(),
        }
    }
}

fn add(scores: &mut Scores, pred: &Tuples, gold: &Tuples) {
    scores.trigger_id.add(&pred.ti, &gold.ti);
    scores.trigger_class.add(&pred.tc, &gold.tc);
    scores.arg_id.add(&pred.ai, &gold.ai);
    scores.arg_class.add(&pred.ac, &gold.ac);
}

fn gold_tuples(doc: &GoldDoc, dataset: Dataset) -> Tuples {
    let mut t = Tuples::default();
    for e in &doc.events {
        let kind = compared(dataset, &e.kind);
        t.ti.insert(e.trigger);
        t.tc.insert((e.trigger, kind.clone()));
        for a in &e.args {
            let h = head(doc, a.range);
            t.ai.insert((e.trigger, kind.clone(), h));
            t.ac.insert((e.trigger, kind.clone(), h, a.role.to_lowercase()));
        }
    }
    t
}

/// A predicted argument as the scorer sees it: its event's trigger and
/// compared type, its gold token range (`None` when it cuts a gold token)
/// and its role, lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PredArg {
    pub trigger: Trig,
    pub kind: String,
    pub range: Option<(usize, usize)>,
    pub role: String,
}

/// The predicted tuples of a document, and its arguments with their ranges.
pub(crate) fn predicted(doc: &GoldDoc, dataset: Dataset) -> (Tuples, Vec<PredArg>) {
    let table = EventTable::get();
    let mut t = Tuples::default();
    let mut list = Vec::new();
    let only_at: Option<HashSet<Trig>> =
        (dataset == Dataset::Rams).then(|| doc.events.iter().map(|e| e.trigger).collect());
    let mut unmatched = 0;
    for e in doc.doc.layers.events() {
        let Some(row) = table.subtype(&e.subtype) else {
            continue;
        };
        let mapped = match dataset {
            Dataset::WikiEvents => row.kairos.as_deref(),
            Dataset::Rams => row.aida.as_deref(),
        };
        let Some(mapped) = mapped else { continue };
        // A misaligned prediction still counts, under a key no gold has.
        unmatched += 1;
        let trigger = covered(doc, e.span).unwrap_or((usize::MAX, unmatched));
        if only_at.as_ref().is_some_and(|at| !at.contains(&trigger)) {
            continue;
        }
        let kind = compared(dataset, mapped);
        t.ti.insert(trigger);
        t.tc.insert((trigger, kind.clone()));
        let args = [&e.actor, &e.target, &e.instrument, &e.place];
        for (arg, roles) in args.into_iter().zip(&row.roles) {
            let role = match dataset {
                Dataset::WikiEvents => roles.kairos.as_deref(),
                Dataset::Rams => roles.aida.as_deref(),
            };
            let (Some(arg), Some(role)) = (arg, role) else {
                continue;
            };
            unmatched += 1;
            let range = covered(doc, arg.span);
            let h = range.map_or(usize::MAX - unmatched, |r| head(doc, r));
            t.ai.insert((trigger, kind.clone(), h));
            t.ac.insert((trigger, kind.clone(), h, role.to_lowercase()));
            list.push(PredArg {
                trigger,
                kind: kind.clone(),
                range,
                role: role.to_lowercase(),
            });
        }
    }
    (t, list)
}

fn token_text(doc: &GoldDoc, (a, b): (usize, usize)) -> String {
    if a >= b || b > doc.tokens.len() {
        return "(not on gold token boundaries)".to_owned();
    }
    doc.doc.body()[doc.tokens[a].start()..doc.tokens[b - 1].end()].replace('\n', " ")
}

fn misses(doc: &GoldDoc, pred: &Tuples, gold: &Tuples, out: &mut Vec<String>) {
    let id = &doc.doc.id;
    for (t, k) in &gold.tc {
        if !pred.tc.contains(&(*t, k.clone())) {
            let got: Vec<&String> = pred
                .tc
                .iter()
                .filter(|(p, _)| p == t)
                .map(|(_, k)| k)
                .collect();
            out.push(format!(
                "{id}: missed trigger {:?} {k} (predicted {got:?})",
                token_text(doc, *t)
            ));
        }
    }
    for (t, k) in &pred.tc {
        if !gold.ti.contains(t) {
            out.push(format!(
                "{id}: spurious trigger {:?} {k}",
                token_text(doc, *t)
            ));
        }
    }
    for (t, k, h, r) in &gold.ac {
        if pred.tc.contains(&(*t, k.clone())) && !pred.ac.contains(&(*t, k.clone(), *h, r.clone()))
        {
            out.push(format!(
                "{id}: missed {r} {:?} of {:?} {k}",
                token_text(doc, (*h, h + 1)),
                token_text(doc, *t)
            ));
        }
    }
    for (t, k, h, r) in &pred.ac {
        if gold.tc.contains(&(*t, k.clone())) && !gold.ac.contains(&(*t, k.clone(), *h, r.clone()))
        {
            out.push(format!(
                "{id}: spurious {r} {:?} of {:?} {k}",
                token_text(doc, (*h, h + 1)),
                token_text(doc, *t)
            ));
        }
    }
}

/// Argument classification counted per role.
fn add_roles(roles: &mut BTreeMap<String, Counts>, pred: &Tuples, gold: &Tuples) {
    for p in &pred.ac {
        let c = roles.entry(p.3.clone()).or_default();
        c.pred += 1;
        c.tp += usize::from(gold.ac.contains(p));
    }
    for g in &gold.ac {
        roles.entry(g.3.clone()).or_default().gold += 1;
    }
}

/// Scores annotated gold documents.
pub fn score(docs: &[GoldDoc], dataset: Dataset) -> Report {
    let mut report = Report::default();
    for doc in docs {
        let gold = gold_tuples(doc, dataset);
        let (pred, args) = predicted(doc, dataset);
        super::causes::add(&mut report.arg_misses, doc, dataset, &pred, &args);
        add(&mut report.all, &pred, &gold);
        add_roles(&mut report.roles, &pred, &gold);
        add(
            &mut report.conflict,
            &pred.filter(is_conflict),
            &gold.filter(is_conflict),
        );
        misses(doc, &pred, &gold, &mut report.misses);
    }
    report
}
