//! The word-vector class table: `resources/embeddings.tsv` (`ids<TAB>word`
//! lines, see `resources/README.md`) compiled into an open-addressing hash
//! table that is read in place, so the shipped 340,000 words cost no parsing
//! and no heap when a process starts.
//!
//! The build script compiles the shipped file with this same module (it is
//! included there by path), and [`Resources::parse`](crate::Resources::parse)
//! compiles small texts the same way, so both are looked up by one code path.
//!
//! Layout, little-endian: magic `CHRNEMB\0` | version `u32` | log2 of the
//! slot count `u32` | hash of the source text `u64` | words `u64`, then the
//! slots, 16 bytes each: the word's key `u64` (its `token_key`, the key
//! the tagger computes for every token anyway, with 0 made 1; 0 marks an
//! empty slot) and its class at four granularities, plus one, as
//! four `u16` (0 where absent). A word's slot is found by linear probing
//! from `bucket(key, log2)`. [`check`] verifies the header and the length;
//! a probe stops after visiting every slot, so even a damaged table in
//! which no slot is empty cannot loop.

use crate::hash::{bucket, hash_str, token_key};

const MAGIC: &[u8; 8] = b"CHRNEMB\0";
const VERSION: u32 = 1;
const HEADER: usize = 32;
const SLOT: usize = 16;

/// Classes of one word at each granularity, plus one (0 where absent).
pub type Classes = [u16; 4];

/// The key of a word in the table.
#[inline]
fn key_of(word: &str) -> u64 {
    token_key(word).max(1)
}

/// Compiles `ids<TAB>word` lines into a table. Malformed lines are skipped;
/// of two lines for one word the first is kept.
pub fn compile(text: &str) -> Vec<u8> {
    let mut entries: Vec<(u64, Classes)> = Vec::new();
    for line in text.lines() {
        let Some((path, word)) = line.split_once('\t') else {
            continue;
        };
        let mut classes = [0u16; 4];
        for (c, id) in classes.iter_mut().zip(path.split(':')) {
            *c = id.parse::<u16>().map_or(0, |id| id.saturating_add(1));
        }
        entries.push((key_of(word), classes));
    }
    let mut log2 = 4u32;
    while (1usize << log2) < entries.len() + entries.len() / 2 + 1 {
        log2 += 1;
    }
    let slots = 1usize << log2;
    let mut out = Vec::with_capacity(HEADER + slots * SLOT);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&log2.to_le_bytes());
    out.extend_from_slice(&hash_str(text).to_le_bytes());
    out.extend_from_slice(&0u64.to_le_bytes()); // words, known once placed
    out.resize(HEADER + slots * SLOT, 0);
    let mut words = 0u64;
    for (key, classes) in entries {
        let mut i = bucket(key, log2 as u8) as usize;
        loop {
            let at = HEADER + i * SLOT;
            let here = read_u64(&out, at);
            if here == key {
                break;
            }
            if here == 0 {
                out[at..at + 8].copy_from_slice(&key.to_le_bytes());
                for (k, c) in classes.iter().enumerate() {
                    let p = at + 8 + 2 * k;
                    out[p..p + 2].copy_from_slice(&c.to_le_bytes());
                }
                words += 1;
                break;
            }
            i = (i + 1) & (slots - 1);
        }
    }
    out[24..32].copy_from_slice(&words.to_le_bytes());
    out
}

/// A compiled table, checked.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    bytes: &'a [u8],
    log2: u8,
}

impl<'a> Table<'a> {
    /// A table [`check`] accepted before, with the `log2` it read.
    pub(crate) fn trusted(bytes: &'a [u8], log2: u8) -> Table<'a> {
        Table { bytes, log2 }
    }

    pub(crate) fn log2(&self) -> u8 {
        self.log2
    }
}

/// Checks a compiled table's header and length: `None` if it is not one.
pub fn check(bytes: &[u8]) -> Option<Table<'_>> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return None;
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().ok()?);
    let log2 = u32::from_le_bytes(bytes[12..16].try_into().ok()?);
    let words = read_u64(bytes, 24);
    if version != VERSION || !(4..32).contains(&log2) {
        return None;
    }
    let slots = 1u64 << log2;
    if words >= slots || bytes.len() as u64 != HEADER as u64 + slots * SLOT as u64 {
        return None;
    }
    Some(Table {
        bytes,
        log2: log2 as u8,
    })
}

impl Table<'_> {
    /// Hash of the text the table was compiled from.
    pub fn source_hash(&self) -> u64 {
        read_u64(self.bytes, 16)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        read_u64(self.bytes, 24) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The classes of a word, if the table has it.
    #[inline]
    pub fn get(&self, word: &str) -> Option<Classes> {
        self.get_keyed(token_key(word))
    }

    /// As [`Table::get`], given the word's `token_key`.
    #[inline]
    pub fn get_keyed(&self, token_key: u64) -> Option<Classes> {
        let key = token_key.max(1);
        let mask = (1usize << self.log2) - 1;
        let mut i = bucket(key, self.log2) as usize;
        for _ in 0..=mask {
            let at = HEADER + i * SLOT;
            let here = read_u64(self.bytes, at);
            if here == key {
                let s = &self.bytes[at + 8..at + SLOT];
                return Some(std::array::from_fn(|k| {
                    u16::from_le_bytes([s[2 * k], s[2 * k + 1]])
                }));
            }
            if here == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
        None
    }
}

#[inline]
fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_words_are_found_and_others_are_not() {
        let text = "1:2:3:4\tparis\n0:0:0:0\tlviv\nbad line\n9:9:9:9\tparis\n7:8\tkyiv\n";
        let bytes = compile(text);
        let t = check(&bytes).expect("a compiled table checks");
        assert_eq!(t.len(), 3); // paris (the first line), lviv, kyiv
        assert_eq!(t.get("paris"), Some([2, 3, 4, 5]));
        assert_eq!(t.get("lviv"), Some([1, 1, 1, 1]));
        assert_eq!(t.get("kyiv"), Some([8, 9, 0, 0]));
        assert_eq!(t.get("Paris"), None);
        assert_eq!(t.source_hash(), hash_str(text));
    }

    #[test]
    fn a_full_table_still_ends_every_probe() {
        let text: String = (0..1000).map(|i| format!("{i}:0:0:0\tw{i}\n")).collect();
        let bytes = compile(&text);
        let t = check(&bytes).unwrap();
        assert_eq!(t.len(), 1000);
        assert!((0..1000).all(|i| t.get(&format!("w{i}")).is_some()));
        assert!((0..1000).all(|i| t.get(&format!("x{i}")).is_none()));
    }

    #[test]
    fn damaged_tables_are_refused() {
        let bytes = compile("1:2:3:4\tparis\n");
        assert!(check(&bytes[..bytes.len() - 1]).is_none());
        let mut other = bytes.clone();
        other[0] = b'X';
        assert!(check(&other).is_none());
        let mut version = bytes.clone();
        version[8] = 9;
        assert!(check(&version).is_none());
        assert!(check(&[]).is_none());
    }
}
