//! This crate provides chronicle's pipeline: an ordered list of
//! [`Annotator`]s, checked once when built, run over a stream of documents
//! in parallel across cores while keeping the input order.
//!
//! - [`Pipeline::new`] refuses an order in which an annotator needs a layer
//!   no earlier annotator adds, or two annotators add the same layer.
//! - [`Pipeline::annotate`] runs every annotator on one document and checks
//!   that each added what it declared. A document without a language gets
//!   the detected one ([`detect_language`]); annotators not made for its
//!   language, and those needing their layers, are skipped
//!   ([`Pipeline::skipped`] names them, so callers can count them). A panic inside an annotator is caught
//!   and reported as that document's error, so one bad article never stops a
//!   batch.
//! - [`Pipeline::run`] reads documents in bounded batches (memory stays flat
//!   however long the stream), annotates each batch on the rayon pool while
//!   the calling thread reads the next batch and sinks the previous one, and
//!   hands results to the sink in input order.
//!
//! ```
//! use chronicle_pipeline::Pipeline;
//! use chronicle_core::{Date, Document};
//! let pipeline = Pipeline::standard();
//! let docs = vec![Ok::<_, String>(Document::new("a", Date::from_ymd_opt(2022, 3, 16).unwrap(), "NATO met. Allies agreed."))];
//! let mut seen = Vec::new();
//! pipeline.run(docs.into_iter(), |result| seen.push(result.unwrap().layers.sentences().len()));
//! assert_eq!(seen, [2]);
//! ```

mod language;

pub use language::{detect_language, speaks};

use chronicle_core::{AnnotateError, Annotator, Document, LayerKind};
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use thiserror::Error;

/// The order of annotators is impossible.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PipelineError {
    #[error("annotator {annotator} needs the {layer} layer, which no annotator before it adds")]
    MissingLayer {
        annotator: &'static str,
        layer: LayerKind,
    },
    #[error("annotators {first} and {second} both add the {layer} layer")]
    DuplicateLayer {
        first: &'static str,
        second: &'static str,
        layer: LayerKind,
    },
}

/// Why one item of a run has no annotated document.
#[derive(Debug)]
pub enum Failure<E> {
    /// The reader could not produce the document.
    Read(E),
    /// An annotator failed on the document (`id`, from input `origin`).
    Annotate {
        id: String,
        origin: String,
        error: AnnotateError,
    },
}

/// Documents per batch, and the body bytes at which a batch is cut early.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 64 << 20;

/// An ordered, checked list of annotators.
pub struct Pipeline {
    annotators: Vec<Box<dyn Annotator>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.annotators.iter().map(|a| a.name()))
            .finish()
    }
}

impl Pipeline {
    /// Checks that each annotator's needs are added by an earlier one.
    pub fn new(annotators: Vec<Box<dyn Annotator>>) -> Result<Pipeline, PipelineError> {
        let mut added: Vec<(LayerKind, &'static str)> = Vec::new();
        for a in &annotators {
            for &need in a.needs() {
                if !added.iter().any(|&(k, _)| k == need) {
                    return Err(PipelineError::MissingLayer {
                        annotator: a.name(),
                        layer: need,
                    });
                }
            }
            for &layer in a.adds() {
                if let Some(&(_, first)) = added.iter().find(|&&(k, _)| k == layer) {
                    return Err(PipelineError::DuplicateLayer {
                        first,
                        second: a.name(),
                        layer,
                    });
                }
                added.push((layer, a.name()));
            }
        }
        Ok(Pipeline { annotators })
    }

    /// The standard pipeline: every annotator chronicle has, in order.
    pub fn standard() -> Pipeline {
        Pipeline::new(vec![
            Box::new(chronicle_text::Tokenizer),
            Box::new(chronicle_text::SentenceSplitter),
            Box::new(chronicle_time::TimexAnnotator),
            Box::new(chronicle_ner::EntityTagger),
            Box::new(chronicle_quotes::QuoteAnnotator),
            Box::new(chronicle_figures::FigureAnnotator),
            Box::new(chronicle_places::PlaceAnnotator),
            Box::new(chronicle_events::EventAnnotator),
        ])
        .expect("the standard pipeline is ordered")
    }

    /// The annotators, in order.
    pub fn annotators(&self) -> &[Box<dyn Annotator>] {
        &self.annotators
    }

    /// Names of the annotators, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.annotators.iter().map(|a| a.name()).collect()
    }

    /// Layers this pipeline adds.
    pub fn layers(&self) -> Vec<LayerKind> {
        self.annotators
            .iter()
            .flat_map(|a| a.adds().iter().copied())
            .collect()
    }

    /// Names of the annotators that do not run on `doc` because of its
    /// language: those not made for it, and those needing their layers.
    pub fn skipped(&self, doc: &Document) -> Vec<&'static str> {
        let mut missing: Vec<LayerKind> = Vec::new();
        let mut skipped = Vec::new();
        for a in &self.annotators {
            let lacks = a.needs().iter().any(|k| missing.contains(k));
            if lacks || !speaks(a.as_ref(), doc.language.as_deref()) {
                missing.extend_from_slice(a.adds());
                skipped.push(a.name());
            }
        }
        skipped
    }

    /// Records the detected language when `doc` has none, then runs every
    /// annotator made for its language on it.
    pub fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError> {
        if doc.language.is_none() {
            doc.language = detect_language(doc.body());
        }
        let skipped = self.skipped(doc);
        for a in &self.annotators {
            if skipped.contains(&a.name()) {
                continue;
            }
            let outcome = catch_unwind(AssertUnwindSafe(|| a.annotate(doc)));
            match outcome {
                Ok(result) => result?,
                Err(panic) => {
                    let msg = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".into());
                    return Err(AnnotateError::new(
                        a.name(),
                        format!("internal error: {msg}"),
                    ));
                }
            }
            if let Some(&missing) = a.adds().iter().find(|&&k| !doc.layers.has(k)) {
                return Err(AnnotateError::new(
                    a.name(),
                    format!("did not add the {missing} layer it declares"),
                ));
            }
        }
        Ok(())
    }

    /// Annotates a stream of documents on rayon's global pool, in bounded
    /// batches, giving each result to `sink` in input order.
    pub fn run<E, I, S>(&self, docs: I, sink: S)
    where
        E: Send,
        I: Iterator<Item = Result<Document, E>>,
        S: FnMut(Result<Document, Failure<E>>),
    {
        self.run_batches(None, docs, BATCH_DOCS, sink);
    }

    /// Like [`Pipeline::run`], on the given pool. Reading and the sink stay on
    /// the calling thread; only annotation moves to the pool.
    pub fn run_on<E, I, S>(&self, pool: &rayon::ThreadPool, docs: I, sink: S)
    where
        E: Send,
        I: Iterator<Item = Result<Document, E>>,
        S: FnMut(Result<Document, Failure<E>>),
    {
        self.run_on_in_batches(pool, docs, BATCH_DOCS, sink);
    }

    /// Like [`Pipeline::run_on`], handing results to `sink` in batches of at
    /// most `batch_docs` documents: smaller batches reach a consumer that
    /// works beside the pool (a database writer) sooner, at the cost of
    /// more waits for a batch's slowest document.
    pub fn run_on_in_batches<E, I, S>(
        &self,
        pool: &rayon::ThreadPool,
        docs: I,
        batch_docs: usize,
        sink: S,
    ) where
        E: Send,
        I: Iterator<Item = Result<Document, E>>,
        S: FnMut(Result<Document, Failure<E>>),
    {
        self.run_batches(Some(pool), docs, batch_docs.max(1), sink);
    }

    /// The batch loop: while the pool annotates batch `k`, the calling
    /// thread hands batch `k - 1` to the sink and reads batch `k + 1`, so
    /// reading and writing (JSON output, a database writer's queue) overlap
    /// annotation instead of leaving the pool idle between batches. At most
    /// three batches are alive at once; results still reach the sink in
    /// input order, each batch after the next one has been read.
    fn run_batches<E, I, S>(
        &self,
        pool: Option<&rayon::ThreadPool>,
        docs: I,
        batch_docs: usize,
        mut sink: S,
    ) where
        E: Send,
        I: Iterator<Item = Result<Document, E>>,
        S: FnMut(Result<Document, Failure<E>>),
    {
        let mut docs = docs.peekable();
        let mut annotated: Vec<Result<Document, Failure<E>>> = Vec::new();
        let mut current = read_batch(&mut docs, batch_docs);
        while !current.is_empty() {
            let (batch, done) = (&mut current, &mut annotated);
            let next = match pool {
                Some(pool) => pool.in_place_scope(|scope| {
                    self.overlap(scope, batch, done, &mut sink, &mut docs, batch_docs)
                }),
                None => rayon::in_place_scope(|scope| {
                    self.overlap(scope, batch, done, &mut sink, &mut docs, batch_docs)
                }),
            };
            annotated = std::mem::replace(&mut current, next);
        }
        annotated.drain(..).for_each(&mut sink);
    }

    /// One step of [`Pipeline::run_batches`]: annotates `current` on the
    /// scope's pool while this thread empties `annotated` into the sink and
    /// reads the next batch, which it returns.
    fn overlap<'s, E, I, S>(
        &'s self,
        scope: &rayon::Scope<'s>,
        current: &'s mut [Result<Document, Failure<E>>],
        annotated: &mut Vec<Result<Document, Failure<E>>>,
        sink: &mut S,
        docs: &mut I,
        batch_docs: usize,
    ) -> Vec<Result<Document, Failure<E>>>
    where
        E: Send,
        I: Iterator<Item = Result<Document, E>>,
        S: FnMut(Result<Document, Failure<E>>),
    {
        scope.spawn(move |_| self.annotate_batch(current));
        annotated.drain(..).for_each(sink);
        read_batch(docs, batch_docs)
    }

    fn annotate_batch<E: Send>(&self, batch: &mut [Result<Document, Failure<E>>]) {
        batch.par_iter_mut().for_each(|item| {
            if let Ok(doc) = item {
                if let Err(error) = self.annotate(doc) {
                    *item = Err(Failure::Annotate {
                        id: doc.id.clone(),
                        origin: doc.origin.input.clone(),
                        error,
                    });
                }
            }
        });
    }
}

/// Reads up to `batch_docs` documents, or fewer once their bodies reach
/// [`BATCH_BYTES`]; empty only at the end of the stream.
fn read_batch<E, I>(docs: &mut I, batch_docs: usize) -> Vec<Result<Document, Failure<E>>>
where
    I: Iterator<Item = Result<Document, E>>,
{
    let mut batch = Vec::with_capacity(batch_docs);
    let mut bytes = 0;
    while batch.len() < batch_docs && bytes < BATCH_BYTES {
        let Some(item) = docs.next() else { break };
        if let Ok(doc) = &item {
            bytes += doc.body().len();
        }
        batch.push(item.map_err(Failure::Read));
    }
    batch
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::{Date, Layer, Token, TokenKind};

    struct Needy;
    impl Annotator for Needy {
        fn name(&self) -> &'static str {
            "needy"
        }
        fn needs(&self) -> &'static [LayerKind] {
            &[LayerKind::Sentences]
        }
        fn adds(&self) -> &'static [LayerKind] {
            &[LayerKind::Entities]
        }
        fn annotate(&self, _doc: &mut Document) -> Result<(), AnnotateError> {
            Ok(())
        }
    }

    /// Panics on documents whose body contains "boom"; otherwise tokenizes.
    struct Fragile;
    impl Annotator for Fragile {
        fn name(&self) -> &'static str {
            "fragile"
        }
        fn needs(&self) -> &'static [LayerKind] {
            &[]
        }
        fn adds(&self) -> &'static [LayerKind] {
            &[LayerKind::Tokens]
        }
        fn annotate(&self, doc: &mut Document) -> Result<(), AnnotateError> {
            assert!(!doc.body().contains("boom"), "boom in {}", doc.id);
            doc.layers.tokens = Some(Layer::new(
                "fragile",
                vec![Token {
                    span: (0..1).into(),
                    kind: TokenKind::Word,
                }],
            ));
            Ok(())
        }
    }

    fn date() -> Date {
        Date::from_ymd_opt(2022, 3, 16).unwrap()
    }

    #[test]
    fn order_is_checked_up_front() {
        let err = Pipeline::new(vec![Box::new(Needy)]).unwrap_err();
        assert_eq!(
            err,
            PipelineError::MissingLayer {
                annotator: "needy",
                layer: LayerKind::Sentences
            }
        );
        let err = Pipeline::new(vec![Box::new(chronicle_text::Tokenizer), Box::new(Fragile)])
            .unwrap_err();
        assert!(matches!(
            err,
            PipelineError::DuplicateLayer {
                layer: LayerKind::Tokens,
                ..
            }
        ));
        assert_eq!(
            Pipeline::standard().names(),
            [
                "tokenizer",
                "sentences",
                "timex",
                "ner",
                "quotes",
                "figures",
                "places",
                "events"
            ]
        );
    }

    #[test]
    fn other_languages_skip_english_only_annotators() {
        let p = Pipeline::standard();
        let mut de = Document::new(
            "de",
            date(),
            "Der Stadtrat hat am Dienstag in Berlin den neuen Haushalt für die Schulen der \
             Stadt beschlossen, nach einer langen Debatte über die Bezahlung der Lehrer.",
        );
        assert_eq!(p.skipped(&de), Vec::<&str>::new(), "no language yet");
        p.annotate(&mut de).unwrap();
        assert_eq!(de.language.as_deref(), Some("de"));
        assert_eq!(
            p.skipped(&de),
            ["timex", "ner", "quotes", "figures", "places", "events"]
        );
        assert!(de.layers.has(LayerKind::Sentences));
        assert!(!de.layers.has(LayerKind::Entities));
        chronicle_core::validate(&de).unwrap();
        let mut en = Document::new("en", date(), "NATO met in Brussels on Wednesday.");
        en.language = Some("en-GB".into());
        p.annotate(&mut en).unwrap();
        assert!(p.skipped(&en).is_empty());
        assert!(en.layers.has(LayerKind::Entities));
    }

    #[test]
    fn unfulfilled_declaration_is_an_error() {
        let p = Pipeline::new(vec![
            Box::new(chronicle_text::Tokenizer),
            Box::new(chronicle_text::SentenceSplitter),
            Box::new(Needy),
        ])
        .unwrap();
        let mut doc = Document::new("x", date(), "Text.");
        let err = p.annotate(&mut doc).unwrap_err();
        assert_eq!(err.annotator, "needy");
    }

    #[test]
    fn run_keeps_order_and_survives_panics_and_read_errors() {
        let p = Pipeline::new(vec![Box::new(Fragile)]).unwrap();
        let inputs: Vec<Result<Document, String>> = (0..1000)
            .map(|i| match i % 97 {
                13 => Err(format!("read error {i}")),
                50 => Ok(Document::new(format!("d{i}"), date(), "boom")),
                _ => Ok(Document::new(format!("d{i}"), date(), format!("doc {i}"))),
            })
            .collect();
        let mut out = Vec::new();
        p.run(inputs.into_iter(), |r| out.push(r));
        assert_eq!(out.len(), 1000);
        for (i, r) in out.iter().enumerate() {
            match (i % 97, r) {
                (13, Err(Failure::Read(e))) => assert_eq!(e, &format!("read error {i}")),
                (50, Err(Failure::Annotate { id, error, .. })) => {
                    assert_eq!(id, &format!("d{i}"));
                    assert!(error.reason.contains("boom"), "{error}");
                }
                (_, Ok(doc)) => assert_eq!(doc.id, format!("d{i}")),
                (k, other) => panic!(
                    "item {i} (class {k}) unexpected: {:?}",
                    other.as_ref().map(|d| &d.id).err().is_some()
                ),
            }
        }
    }

    #[test]
    fn small_batches_on_a_pool_come_back_annotated_and_in_order() {
        let p = Pipeline::new(vec![Box::new(Fragile)]).unwrap();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        for (count, batch) in [(0, 7), (1, 7), (7, 7), (8, 7), (100, 7), (50, 1)] {
            let inputs = (0..count).map(|i| {
                Ok::<_, String>(Document::new(format!("d{i}"), date(), format!("doc {i}.")))
            });
            let mut out = Vec::new();
            p.run_on_in_batches(&pool, inputs, batch, |r| out.push(r.unwrap()));
            let ids: Vec<String> = out.iter().map(|d| d.id.clone()).collect();
            let expected: Vec<String> = (0..count).map(|i| format!("d{i}")).collect();
            assert_eq!(ids, expected, "{count} documents in batches of {batch}");
            assert!(out.iter().all(|d| d.layers.tokens().len() == 1));
        }
    }
}
