//! Lexical resources the features read: gazetteers (lists of names by
//! category), word clusters (Brown-style bit strings) and word-vector
//! classes.
//!
//! All three are plain text in `resources/` (see its README for their
//! sources, licences and the commands that rebuild them); the first two are
//! compiled into the binary as text and parsed at load, the third as the
//! table the build script makes of it ([`embeddings`]):
//!
//! - `gazetteers.tsv`: `CATEGORY<TAB>phrase` per line; phrases are matched
//!   case-insensitively on whole tokens, up to [`MAX_PHRASE`] tokens long;
//! - `clusters.tsv`: `ids<TAB>word[<TAB>count]` per line, where `ids` is
//!   the word's class at up to four granularities, coarse to fine, joined by
//!   `:` (built by `examples/build_clusters.rs`); each level is a feature;
//! - `embeddings.tsv`: `ids<TAB>word` per line, the class of a lower-cased
//!   word's GloVe vector at up to four granularities (k-means, built by
//!   `scripts/build_embedding_clusters.py`); the vectors were trained on
//!   billions of words, so they know names the clusters never saw.
//!
//! A model records a fingerprint of the resources it was trained with and
//! refuses to load beside different ones.

use crate::embeddings::{self, Classes, Table};
use crate::features::lower_key;
use crate::hash::FastMap;
use crate::hash::{hash_bytes, hash_str, mix};
use std::borrow::Cow;

/// Longest gazetteer phrase, in tokens.
pub const MAX_PHRASE: usize = 6;
/// At most this many gazetteer categories (each takes 4 bits of a `u64`).
pub const MAX_CATEGORIES: usize = 16;

/// Gazetteers, clusters and word-vector classes.
#[derive(Debug, Default)]
pub struct Resources {
    /// Phrase hash (over lower-cased tokens) → category bits; bit 63 marks a
    /// proper prefix of a longer phrase.
    phrases: FastMap<u64, u64>,
    /// Category names, index = bit.
    pub categories: Vec<String>,
    /// Word (its [`hash_str`]) → hashes of its class at each granularity (0
    /// where absent). Keyed by hash: a token's hash is computed anyway, and
    /// a lookup then neither hashes nor compares the string again.
    clusters: FastMap<u64, [u64; 4]>,
    /// Lower-case key → its word-vector class at each granularity, plus
    /// one: a compiled [`embeddings`] table, read in
    /// place (the shipped one is static); empty when there is none.
    embeddings: Cow<'static, [u8]>,
    /// log2 of the table's slot count, as [`embeddings::check`] read it.
    embeddings_log2: u8,
    /// Fingerprint of the resource texts.
    pub fingerprint: u64,
}

const PREFIX_BIT: u64 = 1 << 63;

impl Resources {
    /// Parses the three resource texts. Malformed lines are skipped.
    pub fn parse(gazetteers: &str, clusters: &str, embeddings: &str) -> Resources {
        let table = match embeddings {
            "" => Cow::Borrowed(&[][..]),
            text => Cow::Owned(embeddings::compile(text)),
        };
        Resources::with_table(gazetteers, clusters, table)
    }

    /// As [`Resources::parse`], with the word-vector classes already
    /// compiled ([`embeddings::compile`]; the shipped ones are, by the build
    /// script). A table that fails its check counts as none, so a model
    /// trained with one refuses these resources.
    pub fn with_table(gazetteers: &str, clusters: &str, table: Cow<'static, [u8]>) -> Resources {
        let mut fingerprint = mix(hash_str(gazetteers), hash_str(clusters));
        let (table, log2) = match embeddings::check(&table).map(|t| (t.source_hash(), t.log2())) {
            Some((source, log2)) => {
                fingerprint = mix(fingerprint, source);
                (table, log2)
            }
            None => (Cow::Borrowed(&[][..]), 0),
        };
        let mut r = Resources {
            fingerprint,
            embeddings: table,
            embeddings_log2: log2,
            ..Resources::default()
        };
        for line in gazetteers.lines() {
            let Some((cat, phrase)) = line.split_once('\t') else {
                continue;
            };
            let cat_index = match r.categories.iter().position(|c| c == cat) {
                Some(i) => i,
                None if r.categories.len() < MAX_CATEGORIES => {
                    r.categories.push(cat.to_string());
                    r.categories.len() - 1
                }
                None => continue,
            };
            let toks: Vec<&str> = phrase.split_whitespace().collect();
            if toks.is_empty() || toks.len() > MAX_PHRASE {
                continue;
            }
            let keys: Vec<u64> = toks.iter().map(|t| token_key(&lower_key(t))).collect();
            add_phrase(&mut r.phrases, &keys, cat_index);
        }
        for line in clusters.lines() {
            let mut cols = line.split('\t');
            let (Some(path), Some(word)) = (cols.next(), cols.next()) else {
                continue;
            };
            let mut levels = [0u64; 4];
            for (k, (l, id)) in levels.iter_mut().zip(path.split(':')).enumerate() {
                *l = hash_bytes(k as u64 + 1, id.as_bytes());
            }
            r.clusters.insert(hash_str(word), levels);
        }
        r
    }

    /// Word-vector classes (plus one) of a lower-case key ([`lower_key`]).
    #[inline]
    pub fn embedding(&self, lower: &str) -> Option<Classes> {
        self.embedding_keyed(token_key(lower))
    }

    /// As [`Resources::embedding`], given the key's [`token_key`].
    #[inline]
    pub fn embedding_keyed(&self, key: u64) -> Option<Classes> {
        self.embedding_table()?.get_keyed(key)
    }

    pub fn n_embeddings(&self) -> usize {
        self.embedding_table().map_or(0, |t| t.len())
    }

    #[inline]
    fn embedding_table(&self) -> Option<Table<'_>> {
        (self.embeddings_log2 != 0).then(|| Table::trusted(&self.embeddings, self.embeddings_log2))
    }

    /// Cluster hashes of a (normalised) word: the exact form first,
    /// then its lower case.
    pub fn cluster(&self, word: &str, lower: &str) -> Option<&[u64; 4]> {
        self.cluster_hashed(hash_str(word), lower)
    }

    /// As [`Resources::cluster`], given the exact form's hash (`hash_str`).
    #[inline]
    pub fn cluster_hashed(&self, word: u64, lower: &str) -> Option<&[u64; 4]> {
        self.clusters
            .get(&word)
            .or_else(|| self.clusters.get(&hash_str(lower)))
    }

    pub fn n_clusters(&self) -> usize {
        self.clusters.len()
    }

    pub fn n_phrases(&self) -> usize {
        self.phrases.len()
    }

    /// Marks gazetteer matches in a sentence of lower-cased keys: for each
    /// token, bit `4 * category + position` (B, I, L, U) of every match
    /// covering it. All matches are kept, overlapping or not.
    pub fn gazetteer_bits(&self, keys: &[u64], out: &mut [u64]) {
        mark_matches(&self.phrases, self.categories.len(), keys, out);
    }
}

/// Adds a phrase (token keys) of category `cat` to a phrase table.
pub(crate) fn add_phrase(phrases: &mut FastMap<u64, u64>, keys: &[u64], cat: usize) {
    let mut h = 0;
    for (k, &key) in keys.iter().enumerate() {
        h = mix_key(h, key);
        if k + 1 < keys.len() {
            *phrases.entry(h).or_insert(0) |= PREFIX_BIT;
        }
    }
    *phrases.entry(h).or_insert(0) |= 1 << cat;
}

/// Marks every match of a phrase table in a sentence of token keys: bit
/// `4 * category + position` (B, I, L, U) on each token a match covers.
pub(crate) fn mark_matches(
    phrases: &FastMap<u64, u64>,
    n_categories: usize,
    keys: &[u64],
    out: &mut [u64],
) {
    if phrases.is_empty() {
        return;
    }
    for i in 0..keys.len() {
        let mut h = 0;
        for j in i..keys.len().min(i + MAX_PHRASE) {
            h = mix_key(h, keys[j]);
            let Some(&bits) = phrases.get(&h) else {
                break;
            };
            let cats = bits & !PREFIX_BIT;
            if cats != 0 {
                for c in 0..n_categories {
                    if cats & (1 << c) == 0 {
                        continue;
                    }
                    let c4 = 4 * c;
                    if i == j {
                        out[i] |= 1 << (c4 + 3);
                    } else {
                        out[i] |= 1 << c4;
                        for o in &mut out[i + 1..j] {
                            *o |= 1 << (c4 + 1);
                        }
                        out[j] |= 1 << (c4 + 2);
                    }
                }
            }
            if bits & PREFIX_BIT == 0 {
                break;
            }
        }
    }
}

/// The key of one token for phrase matching (defined beside the hashes,
/// which the build script shares).
pub use crate::hash::token_key;

#[inline]
fn mix_key(h: u64, key: u64) -> u64 {
    mix(h ^ 0x5bd1_e995, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_on_tokens() {
        let r = Resources::parse(
            "LOC\tnew york\nLOC\tyork\nPER\tjohn\nbad line\nLOC\tnew york city\n",
            "3:17\tParis\t10\n",
            "1:2:3:4\tparis\n",
        );
        let words = ["John", "visited", "New", "York", "City", "."];
        let keys: Vec<u64> = words.iter().map(|w| token_key(&lower_key(w))).collect();
        let mut bits = vec![0u64; words.len()];
        r.gazetteer_bits(&keys, &mut bits);
        let loc = r.categories.iter().position(|c| c == "LOC").unwrap();
        let per = r.categories.iter().position(|c| c == "PER").unwrap();
        assert_ne!(bits[0] & (1 << (4 * per + 3)), 0);
        assert_ne!(bits[2] & (1 << (4 * loc)), 0);
        assert_ne!(bits[3] & (1 << (4 * loc + 3)), 0); // "york" alone
        assert_ne!(bits[4] & (1 << (4 * loc + 2)), 0); // "new york city" ends
        assert_eq!(bits[5], 0);
        assert!(r.cluster("paris", "paris").is_none());
        assert!(r.cluster("Paris", "paris").is_some());
        assert_eq!(r.embedding("paris"), Some([2, 3, 4, 5]));
        assert!(r.embedding("Paris").is_none());
    }

    #[test]
    fn the_shipped_word_vector_table_is_whole() {
        let r = crate::shipped_resources();
        assert_eq!(r.n_embeddings(), 337_600);
        for word in ["the", "stoltenberg", "lviv", "pentagon"] {
            assert!(r.embedding(word).is_some(), "{word}");
        }
        assert!(r.embedding("Stoltenberg").is_none()); // keys are lower-case
    }
}
