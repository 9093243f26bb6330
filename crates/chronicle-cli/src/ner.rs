//! `chronicle ner`, `chronicle train ner`, `chronicle eval ner` and
//! `chronicle bench ner`: the named-entity tagger on CoNLL-2003 column files.
//!
//! Gold tags are read as conlleval reads them (IOB1 or IOB2); predictions
//! are printed in IOB2. Scores are entity-level exact match, micro-averaged.

use crate::bench::{median_secs, peak_rss_mb};
use crate::extract::rayon_pool;
use crate::Outcome;
use anyhow::{bail, Context, Result};
use chronicle_core::Annotator;
use chronicle_ner::conll::{is_docstart, read_conll, ConllDoc, EntityStrings, Scores};
use chronicle_ner::labels::iob2;
use chronicle_ner::train::{train, TrainDoc, TrainOptions};
use chronicle_ner::{model::write_model, shipped_resources, Tagger};
use chronicle_read::{read_inputs, Input, ReadOptions};
use clap::Args;
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::time::Instant;

#[derive(Debug, Args)]
pub struct TagArgs {
    /// A CoNLL column file; each line is printed with the predicted IOB2 tag
    /// appended.
    #[arg(long)]
    conll: String,
    /// A model file to use instead of the shipped one.
    #[arg(long)]
    model: Option<String>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A CoNLL column file with gold tags in the last column (IOB1 or IOB2).
    file: String,
    /// Lower-case every word before tagging (the case-robustness figure).
    #[arg(long)]
    lowercase: bool,
    /// A training file (CoNLL columns): also score the entities whose exact
    /// string is one of its gold entities ("seen") apart from the others
    /// ("unseen", the proxy for a held-out test set).
    #[arg(long)]
    seen_from: Option<String>,
    /// A model file to use instead of the shipped one.
    #[arg(long)]
    model: Option<String>,
}

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Training file (CoNLL columns); repeat to train on several files
    /// (their documents in the order given, e.g. train and dev for a final
    /// model).
    #[arg(long, required = true)]
    train: Vec<String>,
    /// Development file, scored after every epoch.
    #[arg(long)]
    dev: Option<String>,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// Seed of the sentence orders (the only randomness).
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    seed: u64,
    /// log2 of the number of rows of the weight table.
    #[arg(long, default_value_t = TrainOptions::default().bits)]
    bits: u8,
    /// 1: one pass; 2: a second pass over the first pass's labels.
    #[arg(long, default_value_t = TrainOptions::default().passes)]
    passes: usize,
    /// Folds for the second pass's jackknifed first-pass labels.
    #[arg(long, default_value_t = TrainOptions::default().folds)]
    folds: usize,
    /// Share of training documents added again lower-cased.
    #[arg(long, default_value_t = TrainOptions::default().lowercase_share)]
    lowercase_share: f64,
    /// Share of training documents added again upper-cased.
    #[arg(long, default_value_t = TrainOptions::default().uppercase_share)]
    uppercase_share: f64,
    /// Perceptrons per pass, trained on different sentence orders and
    /// averaged.
    #[arg(long, default_value_t = TrainOptions::default().members)]
    members: usize,
    /// Skip the variant for text without capitals (trained on a lower-cased
    /// copy of the training set).
    #[arg(long)]
    no_uncased: bool,
    /// Where to write the model.
    #[arg(long, default_value = "crates/chronicle-ner/model/ner.bin")]
    out: String,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// A CoNLL column file to tag (its own tokenization).
    #[arg(long)]
    conll: Option<String>,
    /// Corpus files or folders (any input `extract` reads), tokenized by
    /// chronicle first; used when --conll is not given.
    #[arg(default_value = "examples/wikinews-sample.jsonl")]
    paths: Vec<String>,
    /// Timed runs per configuration; the median is reported.
    #[arg(long, default_value_t = 5)]
    repeat: usize,
}

fn read_file(path: &str) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {path}"))
}

fn load_tagger(model: Option<&str>) -> Result<TaggerRef> {
    match model {
        None => Ok(TaggerRef::Shipped(
            chronicle_ner::shipped().context("loading the shipped NER model")?,
        )),
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("reading {path}"))?;
            let t = Tagger::from_bytes(&bytes, shipped_resources())
                .with_context(|| format!("loading NER model {path}"))?;
            Ok(TaggerRef::Owned(Box::new(t)))
        }
    }
}

enum TaggerRef {
    Shipped(&'static Tagger),
    Owned(Box<Tagger>),
}

impl std::ops::Deref for TaggerRef {
    type Target = Tagger;
    fn deref(&self) -> &Tagger {
        match self {
            TaggerRef::Shipped(t) => t,
            TaggerRef::Owned(t) => t,
        }
    }
}

fn words_of(doc: &ConllDoc, lowercase: bool) -> Vec<Vec<String>> {
    doc.sentences
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| {
                    if lowercase {
                        w.to_lowercase()
                    } else {
                        w.clone()
                    }
                })
                .collect()
        })
        .collect()
}

/// `chronicle ner --conll FILE`.
pub fn run_tag(args: TagArgs) -> Result<Outcome> {
    let tagger = load_tagger(args.model.as_deref())?;
    let text = read_file(&args.conll)?;
    let docs = read_conll(&text);
    // Predicted tag per line number.
    let mut tags: Vec<Option<String>> = vec![None; text.lines().count()];
    let predicted: Vec<Vec<Vec<String>>> = docs
        .par_iter()
        .map(|d| {
            tagger
                .tag_document(&words_of(d, false))
                .iter()
                .zip(&d.sentences)
                .map(|(spans, s)| iob2(s.words.len(), spans))
                .collect()
        })
        .collect();
    for (d, p) in docs.iter().zip(predicted) {
        for (s, ptags) in d.sentences.iter().zip(p) {
            for (&line, tag) in s.lines.iter().zip(ptags) {
                if let Some(slot) = tags.get_mut(line) {
                    *slot = Some(tag);
                }
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (line, tag) in text.lines().zip(&tags) {
        let line = line.trim_end_matches('\r');
        match tag {
            Some(t) if !is_docstart(line) => writeln!(out, "{line} {t}")?,
            _ => writeln!(out, "{line}")?,
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// `chronicle eval ner FILE`.
pub fn run_eval(args: EvalArgs) -> Result<Outcome> {
    let tagger = load_tagger(args.model.as_deref())?;
    let docs = read_conll(&read_file(&args.file)?);
    let reference = match &args.seen_from {
        Some(path) => EntityStrings::from_docs(&read_conll(&read_file(path)?)),
        None => EntityStrings::default(),
    };
    let scores = score(&tagger, &docs, args.lowercase, &reference);
    println!(
        "NER on {}{}",
        args.file,
        if args.lowercase { " (lower-cased)" } else { "" }
    );
    print!("{}", scores.report());
    Ok(Outcome::Clean)
}

/// Scores a tagger on gold documents; with a non-empty `reference`, also
/// split into entities seen and unseen there.
fn score(tagger: &Tagger, docs: &[ConllDoc], lowercase: bool, reference: &EntityStrings) -> Scores {
    let per_doc: Vec<Scores> = docs
        .par_iter()
        .map(|d| {
            let mut s = Scores::default();
            let pred = tagger.tag_document(&words_of(d, lowercase));
            for (sent, p) in d.sentences.iter().zip(&pred) {
                let gold = sent.gold_spans();
                if reference.is_empty() {
                    s.add(&gold, p);
                } else {
                    s.add_split(&sent.words, &gold, p, reference);
                }
                s.tokens += sent.words.len();
                let g = iob2(sent.words.len(), &gold);
                let q = iob2(sent.words.len(), p);
                s.tokens_correct += g.iter().zip(&q).filter(|(a, b)| a == b).count();
            }
            s
        })
        .collect();
    let mut total = Scores::default();
    for s in &per_doc {
        total.merge(s);
    }
    total
}

/// `chronicle train ner`.
pub fn run_train(args: TrainArgs) -> Result<Outcome> {
    let mut train_conll = Vec::new();
    for path in &args.train {
        let docs = read_conll(&read_file(path)?);
        if docs.is_empty() {
            bail!("no sentences in {path}");
        }
        train_conll.extend(docs);
    }
    let reference = EntityStrings::from_docs(&train_conll);
    let train_docs: Vec<TrainDoc> = train_conll.iter().map(TrainDoc::from_conll).collect();
    drop(train_conll);
    let dev_docs: Vec<TrainDoc> = match &args.dev {
        Some(p) => read_conll(&read_file(p)?)
            .iter()
            .map(TrainDoc::from_conll)
            .collect(),
        None => Vec::new(),
    };
    if !(8..=24).contains(&args.bits) {
        bail!("--bits must be within 8..=24");
    }
    let opts = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        bits: args.bits,
        passes: args.passes.clamp(1, 2),
        folds: args.folds,
        lowercase_share: args.lowercase_share,
        uppercase_share: args.uppercase_share,
        uncased: false,
        members: args.members.clamp(1, 16),
    };
    let resources = shipped_resources();
    let started = Instant::now();
    let mut log = |line: &str| println!("[{:>6.1}s] {line}", started.elapsed().as_secs_f64());
    log("cased variant");
    let mut variants = vec![train(&train_docs, &dev_docs, &resources, &opts, &mut log)];
    if !args.no_uncased {
        log("uncased variant (lower-cased training and dev text)");
        let uncased = TrainOptions {
            uncased: true,
            ..opts.clone()
        };
        variants.push(train(
            &train_docs,
            &dev_docs,
            &resources,
            &uncased,
            &mut log,
        ));
    }
    let bytes = write_model(resources.fingerprint, &variants);
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out))?;
    println!(
        "wrote {} ({:.1} MB) in {:.0}s",
        args.out,
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    if let Some(dev) = &args.dev {
        let tagger = Tagger::new(resources, variants);
        let docs = read_conll(&read_file(dev)?);
        print!(
            "final model on {dev}\n{}",
            score(&tagger, &docs, false, &reference).report()
        );
        print!(
            "lower-cased\n{}",
            score(&tagger, &docs, true, &reference).report()
        );
    }
    Ok(Outcome::Clean)
}

/// `chronicle bench ner`.
pub fn run_bench(args: BenchArgs) -> Result<Outcome> {
    let repeat = args.repeat.max(1);
    // Model load time: parse the embedded resources and model afresh.
    let load = median_secs(repeat, || {
        let t = Tagger::from_bytes(chronicle_ner::MODEL_BYTES, shipped_resources());
        assert!(t.is_ok(), "the shipped model loads");
    });
    let tagger = chronicle_ner::shipped().context("loading the shipped NER model")?;
    let (docs, source): (Vec<Vec<Vec<String>>>, String) = match &args.conll {
        Some(path) => (
            read_conll(&read_file(path)?)
                .iter()
                .map(|d| words_of(d, false))
                .collect(),
            path.clone(),
        ),
        None => (corpus_docs(&args.paths)?, args.paths.join(", ")),
    };
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    if tokens == 0 {
        bail!("no tokens in {source}");
    }
    let entities: usize = docs
        .iter()
        .map(|d| tagger.tag_document(d).iter().map(Vec::len).sum::<usize>())
        .sum();
    assert!(entities > 0, "the bench found no entities");
    let single = median_secs(repeat, || {
        let n: usize = docs
            .iter()
            .map(|d| tagger.tag_document(d).iter().map(Vec::len).sum::<usize>())
            .sum();
        assert_eq!(n, entities);
    });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon_pool(None)?;
    let parallel = median_secs(repeat, || {
        let n: usize = pool.install(|| {
            docs.par_iter()
                .map(|d| tagger.tag_document(d).iter().map(Vec::len).sum::<usize>())
                .sum()
        });
        assert_eq!(n, entities);
    });
    println!("NER (feature extraction + two-pass tagging), median of {repeat} runs");
    println!(
        "corpus     {source}: {} documents, {tokens} tokens, {entities} entities found",
        docs.len()
    );
    for (label, secs) in [
        ("1 thread  ".to_string(), single),
        (format!("{cores} threads"), parallel),
    ] {
        println!(
            "{label} {:>12.0} tokens/s  ({:.1} ms per pass)",
            tokens as f64 / secs,
            secs * 1e3
        );
    }
    println!(
        "model      {:.1} MB file, loads in {:.1} ms ({} variants, 2^{} rows per pass)",
        chronicle_ner::MODEL_BYTES.len() as f64 / 1e6,
        load * 1e3,
        tagger.variants.len(),
        tagger.bits()
    );
    match peak_rss_mb() {
        Some(peak) => println!("peak RSS   {peak:.1} MB (the corpus held in memory included)"),
        None => println!("peak RSS   unknown (no /proc/self/status)"),
    }
    Ok(Outcome::Clean)
}

/// Articles tokenized and split by chronicle, as sentences of words.
fn corpus_docs(paths: &[String]) -> Result<Vec<Vec<Vec<String>>>> {
    let inputs = paths.iter().map(Input::from_arg).collect();
    let mut docs = Vec::new();
    for doc in read_inputs(inputs, ReadOptions::default()) {
        let mut doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {e}");
                continue;
            }
        };
        chronicle_text::Tokenizer.annotate(&mut doc)?;
        chronicle_text::SentenceSplitter.annotate(&mut doc)?;
        let body = doc.body();
        let tokens = doc.layers.tokens();
        docs.push(
            doc.layers
                .sentences()
                .iter()
                .map(|s| {
                    tokens[s.token_range()]
                        .iter()
                        .map(|t| t.span.text(body).to_string())
                        .collect()
                })
                .collect(),
        );
    }
    if docs.is_empty() {
        bail!("no articles read from {}", paths.join(", "));
    }
    Ok(docs)
}
