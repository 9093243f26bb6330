//! Duplicate articles in a read stream: exact copies (the same words once
//! case, punctuation and white space are set aside) and near copies — a
//! wire story syndicated under another headline, with a trailer or a
//! dateline added — found by MinHash over word shingles with LSH banding.
//!
//! The first article seen is the original; every later copy keeps its text
//! and gets [`Document::duplicate_of`] set to the original's id, and is
//! counted in [`DedupStats`]. Nothing is dropped here: callers decide
//! (extract prints copies marked, ingest leaves them out).
//!
//! Invariants: memory is bounded whatever the length of the stream: the
//! originals are remembered in two generations of at most [`WINDOW`] each
//! (per original its id, its signature and index entries, about 0.5 KB;
//! not its text); when the newer one is full the older one is forgotten, so
//! a copy is found when its original is among the last `WINDOW` to
//! `2 × WINDOW` originals (a window is about a fifth of a 1 GB CC-NEWS
//! file) — syndicated copies of a wire story arrive close together in a
//! crawl. Within the window the result is what an unbounded index gives. The result is
//! the same whatever the batch boundaries, since the stream is seen in
//! order; a near copy is declared only when the estimated Jaccard
//! similarity of the two shingle sets reaches [`NEAR_THRESHOLD`] — banding
//! proposes, the full signature decides. An original's signature is kept
//! as the low 16 bits of each minimum (b-bit minwise hashing, Li & König
//! 2010): two different minima agree there by chance once in 65,536, which
//! raises an estimated similarity by at most 1/65,536 — half the memory of
//! full values for no visible change. Method: Broder (1997) MinHash;
//! Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3
//! (banding).

use crate::ReadError;
use chronicle_core::Document;
use std::collections::HashMap;

/// Words per shingle.
const SHINGLE: usize = 5;
/// MinHash functions per signature.
const HASHES: usize = 64;
/// LSH bands (of `HASHES / BANDS` rows each): at a similarity of 0.8 a
/// pair shares a band with probability 0.9998, at 0.3 with 0.12.
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
/// Words a text needs before near copies of it are looked for: in a brief,
/// the one number that differs ("Report 7", "shares rose 2%") is the news,
/// so short texts only match exactly.
pub const MIN_NEAR_WORDS: usize = 50;
/// Estimated Jaccard similarity from which a later article is a near copy.
pub const NEAR_THRESHOLD: f64 = 0.7;
/// Originals per generation: copies are looked for among the last
/// `WINDOW` to `2 × WINDOW` originals. 7,168 fills each band's hash table
/// to 7/8 of 8,192 slots, its most before it doubles (8,192 originals took
/// tables of 16,384 slots, half empty).
pub const WINDOW: usize = 7168;

/// What deduplication found so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DedupStats {
    /// Documents seen.
    pub seen: usize,
    /// Copies of an earlier document's words.
    pub exact: usize,
    /// Near copies of an earlier document.
    pub near: usize,
}

impl DedupStats {
    pub fn duplicates(&self) -> usize {
        self.exact + self.near
    }
}

/// Remembers the latest originals and finds the one a document copies.
#[derive(Debug)]
pub struct Deduplicator {
    /// The originals being added to, and the ones before them.
    current: Generation,
    previous: Generation,
    window: usize,
    stats: DedupStats,
}

/// One generation of originals. Memory per original is kept small: its id,
/// its signature, an exact-text entry, and per band one 32-bit table entry
/// plus one link of a chain through the earlier originals in the same
/// bucket — where a table of per-band lists took 2.5 KB.
#[derive(Debug, Default)]
struct Generation {
    exact: HashMap<u64, u32>,
    /// Per band, per bucket (the band's rows hashed to 32 bits), the latest
    /// original in it. One table per band: a bucket shared by two bands
    /// would join their chains, and a walk along one band's links would
    /// leave the bucket and miss originals in it.
    buckets: [HashMap<u32, u32>; BANDS],
    /// At `original * BANDS + band`: the previous original in the same
    /// bucket of that band, or [`NONE`].
    chain: Vec<u32>,
    originals: Vec<Original>,
}

/// The end of a bucket's chain.
const NONE: u32 = u32::MAX;

#[derive(Debug)]
struct Original {
    id: Box<str>,
    /// The low 16 bits of each minimum (see the module documentation).
    signature: Option<Box<[u16; HASHES]>>,
}

impl Default for Deduplicator {
    fn default() -> Self {
        Deduplicator::with_window(WINDOW)
    }
}

impl Deduplicator {
    pub fn new() -> Deduplicator {
        Deduplicator::default()
    }

    /// A deduplicator whose generations hold `window` originals (at least 1).
    pub fn with_window(window: usize) -> Deduplicator {
        Deduplicator {
            current: Generation::default(),
            previous: Generation::default(),
            window: window.clamp(1, NONE as usize - 1),
            stats: DedupStats::default(),
        }
    }

    pub fn stats(&self) -> DedupStats {
        self.stats
    }

    /// Sets `doc.duplicate_of` when it copies an earlier document, else
    /// remembers it as an original.
    pub fn check(&mut self, doc: &mut Document) {
        let words = word_hashes(doc.body());
        let exact_key = hash_words(&words, 0x9e37_79b9_7f4a_7c15);
        let signature = (words.len() >= MIN_NEAR_WORDS).then(|| minhash(&words));
        doc.duplicate_of = self.check_keys(&doc.id, exact_key, signature);
    }

    /// The id of the original a document with these keys copies, or `None`
    /// after remembering it as an original.
    fn check_keys(
        &mut self,
        id: &str,
        exact_key: u64,
        signature: Option<Box<[u32; HASHES]>>,
    ) -> Option<String> {
        self.stats.seen += 1;
        let generations = [&self.previous, &self.current];
        if let Some(found) = generations.iter().find_map(|g| g.exact_original(exact_key)) {
            self.stats.exact += 1;
            return Some(found.to_owned());
        }
        if let Some(sig) = &signature {
            // The previous generation's originals came first.
            if let Some(found) = generations.iter().find_map(|g| g.near_original(sig)) {
                self.stats.near += 1;
                return Some(found.to_owned());
            }
        }
        if self.current.originals.len() >= self.window {
            self.previous = std::mem::take(&mut self.current);
        }
        self.current.add(id, exact_key, signature);
        None
    }
}

impl Generation {
    fn exact_original(&self, key: u64) -> Option<&str> {
        let &original = self.exact.get(&key)?;
        Some(&self.originals[original as usize].id)
    }

    /// Remembers an original (the caller keeps a generation under
    /// [`NONE`] originals).
    fn add(&mut self, id: &str, exact_key: u64, signature: Option<Box<[u32; HASHES]>>) {
        let index = self.originals.len() as u32;
        self.exact.insert(exact_key, index);
        match &signature {
            Some(sig) => {
                for (band, bucket) in buckets(sig).enumerate() {
                    let previous = self.buckets[band].insert(bucket, index).unwrap_or(NONE);
                    self.chain.push(previous);
                }
            }
            None => self.chain.extend([NONE; BANDS]),
        }
        self.originals.push(Original {
            id: id.into(),
            signature: signature.as_deref().map(low_bits),
        });
    }

    /// The earliest original sharing a band with `sig` whose estimated
    /// similarity reaches the threshold (a 32-bit bucket shared by chance
    /// only adds a candidate, which the full signature then rejects).
    fn near_original(&self, sig: &[u32; HASHES]) -> Option<&str> {
        let mut candidates: Vec<usize> = Vec::new();
        for (band, bucket) in buckets(sig).enumerate() {
            let mut at = self.buckets[band].get(&bucket).copied().unwrap_or(NONE);
            while at != NONE {
                candidates.push(at as usize);
                at = self.chain[at as usize * BANDS + band];
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates.into_iter().find_map(|c| {
            let original = &self.originals[c];
            original
                .signature
                .as_ref()
                .is_some_and(|other| similarity(sig, other) >= NEAR_THRESHOLD)
                .then_some(&*original.id)
        })
    }
}

/// Marks duplicates in a stream of read results (see [`Deduplicator`]),
/// or, turned off, passes the stream through.
pub struct Dedup<I> {
    inner: I,
    dedup: Option<Deduplicator>,
}

impl<I> Dedup<I> {
    pub fn new(inner: I) -> Dedup<I> {
        Dedup {
            inner,
            dedup: Some(Deduplicator::new()),
        }
    }

    /// A stream that marks nothing (`--no-dedup`).
    pub fn off(inner: I) -> Dedup<I> {
        Dedup { inner, dedup: None }
    }

    /// What was found so far (all zero when off).
    pub fn stats(&self) -> DedupStats {
        self.dedup
            .as_ref()
            .map(Deduplicator::stats)
            .unwrap_or_default()
    }
}

impl<I: Iterator<Item = Result<Document, ReadError>>> Iterator for Dedup<I> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut item = self.inner.next()?;
        if let (Ok(doc), Some(dedup)) = (&mut item, &mut self.dedup) {
            dedup.check(doc);
        }
        Some(item)
    }
}

/// FNV-1a offset basis and prime.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// A hash per word of the body: words are runs of alphanumeric characters,
/// compared lower-cased, punctuation and symbols left out. No word is
/// copied: each is hashed (FNV-1a over its lower-cased characters) as it
/// is read.
fn word_hashes(body: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(body.len() / 6);
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    let feed = |h: &mut u64, c: char| {
        *h ^= u64::from(c);
        *h = h.wrapping_mul(FNV_PRIME);
    };
    for c in body.chars() {
        if c.is_alphanumeric() {
            in_word = true;
            if c.is_ascii() {
                feed(&mut h, c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(|l| feed(&mut h, l));
            }
        } else if in_word {
            out.push(h);
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

/// One hash of a sequence of word hashes, in order.
fn hash_words(words: &[u64], seed: u64) -> u64 {
    words
        .iter()
        .fold(mix(seed ^ FNV_OFFSET), |h, &w| mix(h ^ w).wrapping_add(w))
}

/// SplitMix64's finaliser: a cheap, well-mixed permutation of 64-bit values.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The MinHash signature of the body's word shingles. The `HASHES`
/// functions are `h1 + i·h2` of two independent hashes of the shingle
/// (Kirsch & Mitzenmacher's double hashing), keeping the high 32 bits: one
/// multiply-add per function, which the compiler vectorises.
fn minhash(words: &[u64]) -> Box<[u32; HASHES]> {
    let mut sig = Box::new([u32::MAX; HASHES]);
    for shingle in words.windows(SHINGLE) {
        let h1 = hash_words(shingle, 0);
        let h2 = mix(h1 ^ 0x9e37_79b9_7f4a_7c15) | 1;
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = (h1.wrapping_add((i as u64).wrapping_mul(h2)) >> 32) as u32;
            *slot = (*slot).min(h);
        }
    }
    sig
}

/// The bucket of each band of `sig`: the band's rows hashed with the band's
/// number, kept to 32 bits.
fn buckets(sig: &[u32; HASHES]) -> impl Iterator<Item = u32> + '_ {
    sig.chunks(ROWS).enumerate().map(|(band, rows)| {
        let h = rows.iter().fold(band as u64, |h, &r| mix(h ^ u64::from(r)));
        (h >> 32) as u32
    })
}

/// The low 16 bits of each minimum: how an original's signature is kept.
fn low_bits(sig: &[u32; HASHES]) -> Box<[u16; HASHES]> {
    Box::new(std::array::from_fn(|i| sig[i] as u16))
}

/// The share of signature slots where `a`'s low 16 bits equal `kept`'s: an
/// estimate of Jaccard similarity.
fn similarity(a: &[u32; HASHES], kept: &[u16; HASHES]) -> f64 {
    let same = a
        .iter()
        .zip(kept.iter())
        .filter(|&(&x, &y)| x as u16 == y)
        .count();
    same as f64 / HASHES as f64
}

#[cfg(test)]
mod tests;
