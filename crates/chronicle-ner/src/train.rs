//! Training: an averaged structured perceptron (Collins 2002) over the
//! hashed features, decoded with the same constrained Viterbi as tagging.
//!
//! Reproducible: the only randomness is the sentence order of each epoch,
//! drawn from a seeded generator. The second pass is trained on first-pass
//! labels of the training documents obtained by k-fold jackknifing, so it
//! learns from labels as noisy as the ones it sees at tagging time.
//!
//! Case robustness: a small share of the training documents is added again
//! upper-cased (shouted headlines and wire alerts); text without capitals
//! gets its own variant, trained on a lower-cased copy of the training set
//! (`uncased`), which the tagger picks per document.

use crate::conll::{ConllDoc, Scores};
use crate::features::{Extractor, SentFeatures};
use crate::labels::{decode, encode, N_LABELS};
use crate::model::{Lattice, Weights, N_TRANS};
use crate::resources::Resources;
use crate::tagger::{label_sentences, label_with};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// The weight table has `2^bits` rows.
    pub bits: u8,
    /// 1: local and document-statistics features only; 2: plus a second
    /// pass over the first pass's labels.
    pub passes: usize,
    /// Folds for the second pass's jackknifed first-pass labels.
    pub folds: usize,
    /// Share of training documents added again lower-cased.
    pub lowercase_share: f64,
    /// Share of training documents added again upper-cased.
    pub uppercase_share: f64,
    /// Train the uncased variant: every document lower-cased.
    pub uncased: bool,
    /// Perceptrons trained with different sentence orders whose averaged
    /// weights are averaged again (the first one's epochs are logged).
    pub members: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            seed: 1,
            bits: 20,
            passes: 2,
            folds: 5,
            lowercase_share: 0.0,
            uppercase_share: 0.05,
            uncased: false,
            members: 3,
        }
    }
}

/// A document ready for training: words and gold BILOU labels per sentence.
#[derive(Debug, Clone)]
pub struct TrainDoc {
    pub words: Vec<Vec<String>>,
    pub labels: Vec<Vec<u8>>,
}

impl TrainDoc {
    pub fn from_conll(doc: &ConllDoc) -> TrainDoc {
        TrainDoc {
            words: doc.sentences.iter().map(|s| s.words.clone()).collect(),
            labels: doc
                .sentences
                .iter()
                .map(|s| encode(s.words.len(), &s.gold_spans()))
                .collect(),
        }
    }

    /// The same document, every word lower-cased.
    pub fn lowercased(&self) -> TrainDoc {
        self.recased(|w| w.to_lowercase())
    }

    fn recased(&self, f: impl Fn(&str) -> String) -> TrainDoc {
        TrainDoc {
            words: self
                .words
                .iter()
                .map(|s| s.iter().map(|w| f(w)).collect())
                .collect(),
            labels: self.labels.clone(),
        }
    }
}

/// A small, seeded generator (xorshift64*), for shuffling.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Adds the re-cased copies of documents to a training set.
pub fn augment(docs: &[TrainDoc], opts: &TrainOptions) -> Vec<TrainDoc> {
    if opts.uncased {
        return docs.iter().map(|d| d.lowercased()).collect();
    }
    let mut rng = Rng::new(opts.seed ^ 0xa5a5);
    let mut out = docs.to_vec();
    for d in docs {
        let u = rng.unit();
        if u < opts.lowercase_share {
            out.push(d.recased(|w| w.to_lowercase()));
        } else if u < opts.lowercase_share + opts.uppercase_share {
            out.push(d.recased(|w| w.to_uppercase()));
        }
    }
    out
}

/// The perceptron's state.
struct Perceptron {
    w: Vec<f32>,
    /// Sum of `time × update`, for averaging (Daumé's trick).
    u: Vec<f64>,
    tw: Vec<f32>,
    tu: Vec<f64>,
    time: f64,
}

impl Perceptron {
    fn new(bits: u8) -> Perceptron {
        let n = (1usize << bits) * N_LABELS;
        Perceptron {
            w: vec![0.0; n],
            u: vec![0.0; n],
            tw: vec![0.0; N_TRANS],
            tu: vec![0.0; N_TRANS],
            time: 1.0,
        }
    }

    fn update_feats(&mut self, feats: &[u32], y: u8, d: f32) {
        for &b in feats {
            let i = b as usize * N_LABELS + y as usize;
            self.w[i] += d;
            self.u[i] += self.time * d as f64;
        }
    }

    fn update_trans(&mut self, i: usize, d: f32) {
        self.tw[i] += d;
        self.tu[i] += self.time * d as f64;
    }

    fn averaged(&self, bits: u8) -> Weights {
        let (w, t) = self.averaged_float();
        Weights::quantize(bits, &w, &t)
    }

    fn averaged_float(&self) -> (Vec<f32>, Vec<f32>) {
        let c = self.time;
        let w: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / c) as f32)
            .collect();
        let t: Vec<f32> = self
            .tw
            .iter()
            .zip(&self.tu)
            .map(|(&w, &u)| (w as f64 - u / c) as f32)
            .collect();
        (w, t)
    }

    fn step(
        &mut self,
        lattice: &Lattice,
        sf: &SentFeatures,
        gold: &[u8],
        em: &mut Vec<[f32; N_LABELS]>,
        pred: &mut Vec<u8>,
    ) {
        em.clear();
        for t in 0..sf.len() {
            let mut acc = [0f32; N_LABELS];
            for &b in sf.token(t) {
                let row = &self.w[b as usize * N_LABELS..(b as usize + 1) * N_LABELS];
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w;
                }
            }
            em.push(acc);
        }
        lattice.viterbi(sf.len(), |t, y| em[t][y], &self.tw, pred);
        if pred.as_slice() != gold {
            for t in 0..gold.len() {
                if pred[t] != gold[t] {
                    self.update_feats(sf.token(t), gold[t], 1.0);
                    self.update_feats(sf.token(t), pred[t], -1.0);
                }
            }
            for (seq, d) in [(gold, 1.0f32), (pred.as_slice(), -1.0)] {
                let mut prev = None::<u8>;
                for &y in seq {
                    let row = prev.map_or(0, |p| p as usize + 1);
                    self.update_trans(row * N_LABELS + y as usize, d);
                    prev = Some(y);
                }
                if let Some(p) = prev {
                    self.update_trans((N_LABELS + 1) * N_LABELS + p as usize, d);
                }
            }
        }
        self.time += 1.0;
    }
}

/// Trains one pass on prepared sentences; `on_epoch` sees the averaged
/// weights after each epoch.
fn train_pass(
    data: &[(SentFeatures, Vec<u8>)],
    opts: &TrainOptions,
    seed: u64,
    members: usize,
    mut on_epoch: impl FnMut(usize, &Weights),
) -> Weights {
    let lattice = Lattice::new();
    let (mut em, mut pred) = (Vec::new(), Vec::new());
    let mut sum: Option<(Vec<f32>, Vec<f32>)> = None;
    let members = members.max(1);
    for m in 0..members {
        let mut p = Perceptron::new(opts.bits);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng::new(seed.wrapping_add(7919 * m as u64));
        for epoch in 1..=opts.epochs.max(1) {
            rng.shuffle(&mut order);
            for &i in &order {
                let (sf, gold) = &data[i];
                if gold.len() == sf.len() && !gold.is_empty() {
                    p.step(&lattice, sf, gold, &mut em, &mut pred);
                }
            }
            if m == 0 {
                on_epoch(epoch, &p.averaged(opts.bits));
            }
        }
        let (w, t) = p.averaged_float();
        sum = Some(match sum {
            None => (w, t),
            Some((mut sw, mut st)) => {
                sw.iter_mut().zip(&w).for_each(|(a, b)| *a += b);
                st.iter_mut().zip(&t).for_each(|(a, b)| *a += b);
                (sw, st)
            }
        });
    }
    let (mut w, mut t) = sum.unwrap_or_default();
    let k = members as f32;
    w.iter_mut().for_each(|x| *x /= k);
    t.iter_mut().for_each(|x| *x /= k);
    Weights::quantize(opts.bits, &w, &t)
}

fn features_of(
    x: &Extractor<'_>,
    docs: &[TrainDoc],
    pass1: Option<&[Vec<Vec<u8>>]>,
) -> Vec<(SentFeatures, Vec<u8>)> {
    let mut data = Vec::new();
    for (k, d) in docs.iter().enumerate() {
        let p1 = pass1.map(|p| p[k].as_slice());
        for (sf, gold) in x.document(&d.words, p1).into_iter().zip(&d.labels) {
            data.push((sf, gold.clone()));
        }
    }
    data
}

/// Scores passes on gold documents.
pub fn evaluate(resources: &Resources, passes: &[Weights], docs: &[TrainDoc]) -> Scores {
    let x = Extractor {
        resources,
        bits: passes.first().map_or(20, |p| p.bits),
    };
    let lattice = Lattice::new();
    let mut scores = Scores::default();
    for d in docs {
        let labels = label_with(&x, passes, &lattice, &d.words);
        for (pred, gold) in labels.iter().zip(&d.labels) {
            scores.add(&decode(gold), &decode(pred));
            scores.tokens += gold.len();
            scores.tokens_correct += pred.iter().zip(gold).filter(|(a, b)| a == b).count();
        }
    }
    scores
}

/// Trains a model: one or two passes. `log` receives progress lines
/// (dev F1 after each epoch).
pub fn train(
    train_docs: &[TrainDoc],
    dev_docs: &[TrainDoc],
    resources: &Resources,
    opts: &TrainOptions,
    mut log: impl FnMut(&str),
) -> Vec<Weights> {
    let x = Extractor {
        resources,
        bits: opts.bits,
    };
    let docs = augment(train_docs, opts);
    let lowered: Vec<TrainDoc>;
    let dev_docs = if opts.uncased {
        lowered = dev_docs.iter().map(TrainDoc::lowercased).collect();
        &lowered
    } else {
        dev_docs
    };
    log(&format!(
        "training on {} documents ({} with re-cased copies), {} epochs, 2^{} buckets",
        train_docs.len(),
        docs.len(),
        opts.epochs,
        opts.bits
    ));
    let data = features_of(&x, &docs, None);
    let pass1 = train_pass(&data, opts, opts.seed, opts.members, |epoch, w| {
        if !dev_docs.is_empty() {
            let s = evaluate(resources, std::slice::from_ref(w), dev_docs);
            log(&format!(
                "pass 1 epoch {epoch:>2}: dev F1 {:.2}",
                100.0 * s.overall.f1()
            ));
        }
    });
    drop(data);
    if opts.members > 1 && !dev_docs.is_empty() {
        let s = evaluate(resources, std::slice::from_ref(&pass1), dev_docs);
        log(&format!(
            "pass 1, {} members averaged: dev F1 {:.2}",
            opts.members,
            100.0 * s.overall.f1()
        ));
    }
    if opts.passes < 2 {
        return vec![pass1];
    }
    // Jackknifed first-pass labels for the training documents.
    let folds = opts.folds.max(2);
    let lattice = Lattice::new();
    let mut p1_labels: Vec<Vec<Vec<u8>>> = vec![Vec::new(); docs.len()];
    for fold in 0..folds {
        let rest: Vec<TrainDoc> = docs
            .iter()
            .enumerate()
            .filter(|(k, _)| k % folds != fold)
            .map(|(_, d)| d.clone())
            .collect();
        let data = features_of(&x, &rest, None);
        let w = train_pass(&data, opts, opts.seed + 1 + fold as u64, 1, |_, _| {});
        drop(data);
        for (k, d) in docs.iter().enumerate() {
            if k % folds == fold {
                let feats = x.document(&d.words, None);
                p1_labels[k] = label_sentences(&w, &lattice, &feats, None);
            }
        }
        log(&format!("jackknife fold {}/{folds} done", fold + 1));
    }
    let data = features_of(&x, &docs, Some(&p1_labels));
    let pass2 = train_pass(&data, opts, opts.seed + 100, opts.members, |epoch, w| {
        if !dev_docs.is_empty() {
            let s = evaluate(resources, &[pass1.clone(), w.clone()], dev_docs);
            log(&format!(
                "pass 2 epoch {epoch:>2}: dev F1 {:.2}",
                100.0 * s.overall.f1()
            ));
        }
    });
    let passes = vec![pass1, pass2];
    if opts.members > 1 && !dev_docs.is_empty() {
        let s = evaluate(resources, &passes, dev_docs);
        log(&format!(
            "pass 2, {} members averaged: dev F1 {:.2}",
            opts.members,
            100.0 * s.overall.f1()
        ));
    }
    passes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::read_conll;
    use crate::model::write_model;

    const TOY: &str = "-DOCSTART- -X- -X- O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nvisited VBD I-VP O\nLondon NNP I-NP I-LOC\n. . O O\n\nJohn NNP I-NP I-PER\nlikes VBZ I-VP O\nParis NNP I-NP I-LOC\n. . O O\n\n-DOCSTART- -X- -X- O\n\nMary NNP I-NP I-PER\nleft VBD I-VP O\nBerlin NNP I-NP I-LOC\nfor IN O O\nReuters NNP I-NP I-ORG\n. . O O\n";

    #[test]
    fn learns_a_toy_corpus_reproducibly() {
        let docs: Vec<TrainDoc> = read_conll(TOY).iter().map(TrainDoc::from_conll).collect();
        let r = Resources::parse("", "", "");
        let opts = TrainOptions {
            epochs: 5,
            bits: 12,
            folds: 2,
            ..TrainOptions::default()
        };
        let mut lines = Vec::new();
        let a = train(&docs, &docs, &r, &opts, |l| lines.push(l.to_string()));
        assert_eq!(a.len(), 2);
        assert!(lines.iter().any(|l| l.contains("dev F1")));
        let s = evaluate(&r, &a, &docs);
        assert!(s.overall.f1() > 0.99, "{}", s.report());
        let b = train(&docs, &docs, &r, &opts, |_| {});
        assert_eq!(write_model(0, &[a]), write_model(0, &[b]));
    }
}
