//! Builds `resources/clusters.tsv`: word clusters from unlabeled news text,
//! at several granularities, as `ids<TAB>word<TAB>count` lines where `ids`
//! is the word's class at each granularity joined by `:` (coarse to fine).
//!
//! Method: the exchange algorithm (Kneser & Ney 1993; Martin, Liermann &
//! Ney 1998) maximising the likelihood of a class bigram model — the same
//! objective as Brown clustering — run once for each number of classes in
//! [`LEVELS`]. Deterministic: words start in classes by frequency rank and
//! are visited in frequency order.
//!
//! ```text
//! cargo run --release -p chronicle-ner --example build_clusters -- \
//!     crates/chronicle-ner/resources/clusters.tsv \
//!     ../shared/corpus/wikinews_en_2019_2024.jsonl \
//!     ../shared/data/quotes/polnear/*/text \
//!     ../shared/data/conll2003/train.txt
//! ```
//!
//! Inputs: `.jsonl` (the `text` field of each line), CoNLL column files
//! (starting with `-DOCSTART-`; words only), folders of plain-text files, or
//! plain-text files. Text is tokenized by chronicle's tokenizer and
//! normalised as the tagger's features are.

use chronicle_ner::conll::read_conll;
use chronicle_ner::features::normalize;
use std::collections::HashMap;
use std::path::Path;

const MIN_COUNT: usize = 3;
const LEVELS: [usize; 3] = [32, 128, 512];
const ITERATIONS: usize = 8;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, inputs)) = args.split_first() else {
        eprintln!("usage: build_clusters OUT INPUT...");
        std::process::exit(2);
    };
    let mut docs: Vec<Vec<String>> = Vec::new();
    for input in inputs {
        read_input(Path::new(input), &mut docs);
    }
    let n_tokens: usize = docs.iter().map(Vec::len).sum();
    eprintln!("{} documents, {} tokens", docs.len(), n_tokens);

    let mut counts: HashMap<&str, usize> = HashMap::new();
    for d in &docs {
        for w in d {
            *counts.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    // Vocabulary by frequency; id `vocab.len()` stands for every rarer word.
    let mut vocab: Vec<(&str, usize)> = counts
        .iter()
        .filter(|(_, &c)| c >= MIN_COUNT)
        .map(|(&w, &c)| (w, c))
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let index: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    let rare = vocab.len() as u32;
    let n = vocab.len() + 1;
    // Word bigram counts, both directions.
    let mut right: Vec<HashMap<u32, f64>> = vec![HashMap::new(); n];
    let mut left: Vec<HashMap<u32, f64>> = vec![HashMap::new(); n];
    let mut unigram = vec![0f64; n];
    for d in &docs {
        let ids: Vec<u32> = d
            .iter()
            .map(|w| index.get(w.as_str()).copied().unwrap_or(rare))
            .collect();
        for &i in &ids {
            unigram[i as usize] += 1.0;
        }
        for w in ids.windows(2) {
            *right[w[0] as usize].entry(w[1]).or_insert(0.0) += 1.0;
            *left[w[1] as usize].entry(w[0]).or_insert(0.0) += 1.0;
        }
    }
    let right: Vec<Vec<(u32, f64)>> = right.into_iter().map(sorted).collect();
    let left: Vec<Vec<(u32, f64)>> = left.into_iter().map(sorted).collect();
    eprintln!("{} words with count >= {MIN_COUNT}", vocab.len());

    let mut ids: Vec<Vec<usize>> = vec![Vec::new(); vocab.len()];
    for &k in &LEVELS {
        let class = exchange(k, &unigram, &right, &left);
        for (w, c) in class.iter().take(vocab.len()).enumerate() {
            ids[w].push(*c);
        }
        eprintln!("{k} classes done");
    }
    let mut lines: Vec<String> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, c))| {
            let path: Vec<String> = ids[i].iter().map(|x| x.to_string()).collect();
            format!("{}\t{}\t{}", path.join(":"), w, c)
        })
        .collect();
    lines.sort();
    std::fs::write(out, lines.join("\n") + "\n").expect("writing the cluster file");
    eprintln!("wrote {} words to {out}", lines.len());
}

fn sorted(m: HashMap<u32, f64>) -> Vec<(u32, f64)> {
    let mut v: Vec<(u32, f64)> = m.into_iter().collect();
    v.sort_by_key(|p| p.0);
    v
}

#[inline]
fn xlogx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// The exchange algorithm with `k` classes; returns each word's class.
/// The last word id (all rare words) stays in its own class.
fn exchange(
    k: usize,
    unigram: &[f64],
    right: &[Vec<(u32, f64)>],
    left: &[Vec<(u32, f64)>],
) -> Vec<usize> {
    let n = unigram.len();
    let rare = n - 1;
    let k = k.min(n.saturating_sub(1)).max(2);
    let mut class: Vec<usize> = (0..n).map(|w| w % (k - 1)).collect();
    class[rare] = k - 1;
    let mut m = vec![0f64; k * k];
    let mut nc = vec![0f64; k];
    for w in 0..n {
        nc[class[w]] += unigram[w];
        for &(v, c) in &right[w] {
            m[class[w] * k + class[v as usize]] += c;
        }
    }
    let mut r = vec![0f64; k];
    let mut l = vec![0f64; k];
    let mut touched: Vec<usize> = Vec::new();
    for iter in 0..ITERATIONS {
        let mut moved = 0;
        for w in 0..rare {
            let a = class[w];
            let self_loop = right[w]
                .binary_search_by_key(&(w as u32), |p| p.0)
                .map_or(0.0, |i| right[w][i].1);
            touched.clear();
            for &(v, c) in &right[w] {
                if v as usize != w {
                    let cv = class[v as usize];
                    if r[cv] == 0.0 && l[cv] == 0.0 {
                        touched.push(cv);
                    }
                    r[cv] += c;
                }
            }
            for &(v, c) in &left[w] {
                if v as usize != w {
                    let cv = class[v as usize];
                    if r[cv] == 0.0 && l[cv] == 0.0 {
                        touched.push(cv);
                    }
                    l[cv] += c;
                }
            }
            touched.sort_unstable();
            touched.dedup();
            // Remove w from a.
            for &c in &touched {
                m[a * k + c] -= r[c];
                m[c * k + a] -= l[c];
            }
            m[a * k + a] -= self_loop;
            nc[a] -= unigram[w];
            // Gain of putting w into b (terms that change), best b.
            let mut best = (f64::NEG_INFINITY, a);
            for b in 0..k - 1 {
                let mut g = 0.0;
                for &c in &touched {
                    if c == b {
                        continue;
                    }
                    g += xlogx(m[b * k + c] + r[c]) - xlogx(m[b * k + c]);
                    g += xlogx(m[c * k + b] + l[c]) - xlogx(m[c * k + b]);
                }
                let diag = m[b * k + b];
                g += xlogx(diag + r[b] + l[b] + self_loop) - xlogx(diag);
                g -= 2.0 * (xlogx(nc[b] + unigram[w]) - xlogx(nc[b]));
                if g > best.0 + 1e-9 {
                    best = (g, b);
                }
            }
            let b = best.1;
            for &c in &touched {
                m[b * k + c] += r[c];
                m[c * k + b] += l[c];
            }
            m[b * k + b] += self_loop;
            nc[b] += unigram[w];
            if b != a {
                class[w] = b;
                moved += 1;
            }
            for &c in &touched {
                r[c] = 0.0;
                l[c] = 0.0;
            }
        }
        eprintln!("  k={k} iteration {}: {moved} words moved", iter + 1);
        if moved == 0 {
            break;
        }
    }
    class
}

fn read_input(path: &Path, docs: &mut Vec<Vec<String>>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            read_input(&e, docs);
        }
        return;
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipping unreadable {}", path.display());
        return;
    };
    let name = path.to_string_lossy();
    if name.ends_with(".jsonl") {
        for line in text.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                    docs.push(tokens(t));
                }
            }
        }
    } else if text.starts_with("-DOCSTART-") {
        for d in read_conll(&text) {
            docs.push(d.sentences.into_iter().flat_map(|s| s.words).collect());
        }
    } else {
        docs.push(tokens(&text));
    }
}

fn tokens(text: &str) -> Vec<String> {
    chronicle_text::tokenize(text)
        .iter()
        .map(|t| normalize(t.span.text(text)).into_owned())
        .collect()
}
