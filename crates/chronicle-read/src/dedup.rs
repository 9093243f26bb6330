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
//! Invariants: memory is a fixed-size record per original (its id, its
//! signature and index entries, about 0.8 KB; not its text), so it grows
//! with the number of distinct articles only; the result is the
//! same whatever the batch boundaries, since the stream is seen in order; a
//! near copy is declared only when the estimated Jaccard similarity of the
//! two shingle sets reaches [`NEAR_THRESHOLD`] — banding proposes, the full
//! signature decides. Method: Broder (1997) MinHash; Leskovec, Rajaraman &
//! Ullman, *Mining of Massive Datasets*, ch. 3 (banding).

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

/// Remembers originals and finds the one a document copies.
///
/// Memory per original is kept small, since it is what grows with the
/// input (a CC-NEWS file holds tens of thousands of articles): its id, its
/// signature, an exact-text entry, and per band one 32-bit table entry plus
/// one link of a chain through the earlier originals in the same bucket —
/// about 0.8 KB, where a table of per-band lists took 2.5 KB.
#[derive(Debug, Default)]
pub struct Deduplicator {
    exact: HashMap<u64, u32>,
    /// Per bucket (a band's key with the band mixed in, 32 bits), the
    /// latest original in it.
    buckets: HashMap<u32, u32>,
    /// At `original * BANDS + band`: the previous original in the same
    /// bucket, or [`NONE`].
    chain: Vec<u32>,
    originals: Vec<Original>,
    stats: DedupStats,
}

/// The end of a bucket's chain.
const NONE: u32 = u32::MAX;

#[derive(Debug)]
struct Original {
    id: Box<str>,
    signature: Option<Box<[u32; HASHES]>>,
}

impl Deduplicator {
    pub fn new() -> Deduplicator {
        Deduplicator::default()
    }

    pub fn stats(&self) -> DedupStats {
        self.stats
    }

    /// Sets `doc.duplicate_of` when it copies an earlier document, else
    /// remembers it as an original.
    pub fn check(&mut self, doc: &mut Document) {
        self.stats.seen += 1;
        let words = word_hashes(doc.body());
        let exact_key = hash_words(&words, 0x9e37_79b9_7f4a_7c15);
        if let Some(&original) = self.exact.get(&exact_key) {
            self.stats.exact += 1;
            doc.duplicate_of = Some(self.originals[original as usize].id.to_string());
            return;
        }
        let signature = (words.len() >= MIN_NEAR_WORDS).then(|| minhash(&words));
        if let Some(sig) = &signature {
            if let Some(original) = self.near_original(sig) {
                self.stats.near += 1;
                doc.duplicate_of = Some(self.originals[original].id.to_string());
                return;
            }
        }
        // Past 4 billion originals, later ones are still checked but no
        // longer remembered.
        let Ok(index) = u32::try_from(self.originals.len()) else {
            return;
        };
        if index == NONE {
            return;
        }
        self.exact.insert(exact_key, index);
        match &signature {
            Some(sig) => {
                for bucket in buckets(sig) {
                    let previous = self.buckets.insert(bucket, index).unwrap_or(NONE);
                    self.chain.push(previous);
                }
            }
            None => self.chain.extend([NONE; BANDS]),
        }
        self.originals.push(Original {
            id: doc.id.as_str().into(),
            signature,
        });
    }

    /// The earliest original sharing a band with `sig` whose estimated
    /// similarity reaches the threshold (a 32-bit bucket shared by chance
    /// only adds a candidate, which the full signature then rejects).
    fn near_original(&self, sig: &[u32; HASHES]) -> Option<usize> {
        let mut candidates: Vec<usize> = Vec::new();
        for (band, bucket) in buckets(sig).enumerate() {
            let mut at = self.buckets.get(&bucket).copied().unwrap_or(NONE);
            while at != NONE {
                candidates.push(at as usize);
                at = self.chain[at as usize * BANDS + band];
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates.into_iter().find(|&c| {
            self.originals[c]
                .signature
                .as_ref()
                .is_some_and(|other| similarity(sig, other) >= NEAR_THRESHOLD)
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

/// The share of equal signature slots: an estimate of Jaccard similarity.
fn similarity(a: &[u32; HASHES], b: &[u32; HASHES]) -> f64 {
    let same = a.iter().zip(b.iter()).filter(|(x, y)| x == y).count();
    same as f64 / HASHES as f64
}

#[cfg(test)]
mod tests;
