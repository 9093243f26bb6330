//! The bundled gazetteer: GeoNames places and a demonym table, embedded in
//! the binary as `data/gazetteer.bin` (format version 2, `format.rs`),
//! compiled by `chronicle train gazetteer` from the text form that
//! `data/build_gazetteer.py` writes (`text.rs`).
//!
//! Loading checks the header, version, checksum and every record once, then
//! reads records in place: no parsing, no allocation per entry. Names are
//! indexed by the FNV-1a key of a normal form (lower case, curly
//! apostrophes and periods folded, "St." = "Saint"), pre-sorted at build
//! time, so a lookup is a bit-filter probe and a binary search. The embedded
//! file is loaded once per process ([`Gazetteer::get`]).

mod format;
mod text;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

pub use text::{compile, compile_text};

/// The embedded gazetteer file (format version 2; a gzip-compressed file
/// is accepted too).
pub static GAZETTEER_FILE: &[u8] = include_bytes!("../data/gazetteer.bin");

/// FNV-1a as a [`std::hash::Hasher`]: the per-article maps and sets of
/// the places layer hold short keys, for which SipHash's cost shows in
/// profiles (keys come from our own text, not from an adversary).
pub(crate) struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(FNV_OFFSET)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FnvHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FnvHasher>>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Size of the name filter in bits (a power of two; 1 MiB).
const FILTER_BITS: u64 = 1 << 23;
/// Leading key bits that pick a bucket of the name index.
const BUCKET_BITS: u32 = 16;

/// Why a gazetteer file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("gazetteer: not a chronicle gazetteer of version 2 (header {0:?})")]
    Header(String),
    #[error("gazetteer: line {line}: {reason}")]
    Line { line: usize, reason: String },
    #[error("gazetteer: corrupt file at byte {at}: {reason}")]
    Corrupt { at: usize, reason: String },
    #[error("gazetteer: {0}")]
    Io(#[from] std::io::Error),
}

/// A GeoNames feature, reduced to what resolution weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Feature {
    Continent,
    Country,
    Admin1,
    Admin2,
    Capital,
    City,
    Region,
    Water,
    /// A building or street that stands for a government ("the Kremlin").
    Seat,
}

impl Feature {
    const ALL: [Feature; format::FEATURES as usize] = [
        Feature::Continent,
        Feature::Country,
        Feature::Admin1,
        Feature::Admin2,
        Feature::Capital,
        Feature::City,
        Feature::Region,
        Feature::Water,
        Feature::Seat,
    ];

    /// The feature of a stored code (codes are checked on load).
    fn from_code(code: u8) -> Feature {
        Feature::ALL[(code as usize).min(Feature::ALL.len() - 1)]
    }
}

/// One gazetteer entry, read from the loaded file.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub geonameid: u32,
    pub name: &'a str,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166 code, or "" (continents, some hand-listed regions).
    pub country: &'a str,
    pub admin1: &'a str,
    pub feature: Feature,
    pub population: u64,
}

/// Places by normalised name, plus demonyms.
pub struct Gazetteer {
    /// A version-2 file up to its pool, checked.
    data: Cow<'static, [u8]>,
    /// The file's string pool.
    pool: Cow<'static, str>,
    layout: format::Layout,
    /// A bit per name key modulo [`FILTER_BITS`]: most probes are ordinary
    /// capitalised words, rejected here without a binary search.
    filter: Vec<u64>,
    /// For each value of a key's leading [`BUCKET_BITS`] bits, the first
    /// name record whose key has them or more (one more at the end): a
    /// lookup searches ~10 records, not all.
    buckets: Vec<u32>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.layout.n_entries)
            .field("names", &self.layout.n_names)
            .field("demonyms", &self.layout.n_demonyms)
            .finish()
    }
}

/// Feeds the normal form of `s` to `f`, one char at a time: lower case,
/// curly apostrophes folded, inner periods dropped, "St." = "saint",
/// "Ft." = "fort", "Mt." = "mount"; a word's final period is kept so "Va."
/// (Virginia) does not match the word "Va" nor "Miss." the title "Miss".
fn each_norm_char(s: &str, mut f: impl FnMut(char)) {
    for (n, w) in s.split_whitespace().enumerate() {
        if n > 0 {
            f(' ');
        }
        let dotted = w.ends_with('.');
        let w = w.trim_end_matches('.');
        let full = [("st", "saint"), ("ft", "fort"), ("mt", "mount")]
            .iter()
            .find(|(k, _)| w.eq_ignore_ascii_case(k));
        if let Some((_, long)) = full {
            long.chars().for_each(&mut f);
            continue;
        }
        for c in w.chars() {
            match c {
                '’' | '‘' => f('\''),
                '.' => {}
                c if c.is_ascii() => f(c.to_ascii_lowercase()),
                c => c.to_lowercase().for_each(&mut f),
            }
        }
        if dotted {
            f('.');
        }
    }
}

/// The normal form names are indexed by.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    each_norm_char(s, |c| out.push(c));
    out
}

/// FNV-1a over chars: the index key of a normal form.
fn fnv(chars: impl Iterator<Item = char>) -> u64 {
    let mut h = FNV_OFFSET;
    for c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

fn key_of(name: &str) -> u64 {
    let mut h = FNV_OFFSET;
    each_norm_char(name, |c| {
        h ^= c as u64;
        h = h.wrapping_mul(FNV_PRIME);
    });
    h
}

impl Gazetteer {
    /// The embedded gazetteer, loaded on first use.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::load(GAZETTEER_FILE).expect("the embedded gazetteer is valid"))
    }

    /// Reads a binary gazetteer (version 2), in place when it is not
    /// gzip-compressed.
    pub fn load(bytes: &'static [u8]) -> Result<Gazetteer, GazetteerError> {
        if bytes.starts_with(&[0x1f, 0x8b]) {
            let mut data = Vec::with_capacity(bytes.len() * 2);
            std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(bytes), &mut data)?;
            return Gazetteer::from_bytes(Cow::Owned(data));
        }
        Gazetteer::from_bytes(Cow::Borrowed(bytes))
    }

    /// Checks an uncompressed binary gazetteer and indexes it.
    pub fn from_bytes(data: Cow<'static, [u8]>) -> Result<Gazetteer, GazetteerError> {
        let layout = format::check(&data)?;
        let mut filter = vec![0u64; (FILTER_BITS / 64) as usize];
        let mut buckets = vec![0u32; (1 << BUCKET_BITS) + 1];
        for i in 0..layout.n_names {
            let key = format::u64_at(&data, layout.names + i * format::PAIR_LEN);
            let bit = key % FILTER_BITS;
            filter[(bit / 64) as usize] |= 1 << (bit % 64);
            buckets[(key >> (64 - BUCKET_BITS)) as usize + 1] += 1;
        }
        for b in 1..buckets.len() {
            buckets[b] += buckets[b - 1];
        }
        let not_utf8 = |at: usize| GazetteerError::Corrupt {
            at,
            reason: "pool is not UTF-8".to_owned(),
        };
        // The pool was checked; splitting it off lets names be read as &str.
        let (data, pool) = match data {
            Cow::Borrowed(b) => {
                let (head, pool) = b.split_at(layout.pool);
                let pool = std::str::from_utf8(pool).map_err(|_| not_utf8(layout.pool))?;
                (Cow::Borrowed(head), Cow::Borrowed(pool))
            }
            Cow::Owned(mut v) => {
                let pool = String::from_utf8(v.split_off(layout.pool))
                    .map_err(|_| not_utf8(layout.pool))?;
                (Cow::Owned(v), Cow::Owned(pool))
            }
        };
        Ok(Gazetteer {
            data,
            pool,
            layout,
            filter,
            buckets,
        })
    }

    /// Compiles and loads the text form (format version 1).
    pub fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_bytes(Cow::Owned(compile_text(text)?))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.layout.n_entries
    }

    pub fn is_empty(&self) -> bool {
        self.layout.n_entries == 0
    }

    /// The first of the (key, entry) records `lo..hi` of the section at
    /// `start` whose key is not below `key` (`hi` if none).
    fn first_at_least(&self, start: usize, (mut lo, mut hi): (usize, usize), key: u64) -> usize {
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if format::u64_at(&self.data, start + mid * format::PAIR_LEN) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn by_key(&self, key: u64) -> Vec<u32> {
        let bit = key % FILTER_BITS;
        if self.filter[(bit / 64) as usize] & (1 << (bit % 64)) == 0 {
            return Vec::new();
        }
        let (start, count) = (self.layout.names, self.layout.n_names);
        let b = (key >> (64 - BUCKET_BITS)) as usize;
        let range = (self.buckets[b] as usize, self.buckets[b + 1] as usize);
        let d = &self.data;
        (self.first_at_least(start, range, key)..count)
            .map(|i| start + i * format::PAIR_LEN)
            .take_while(|&at| format::u64_at(d, at) == key)
            .map(|at| format::u32_at(d, at + 8))
            .collect()
    }

    /// Entries whose name or alternate name is `name` (any case).
    pub fn lookup(&self, name: &str) -> Vec<u32> {
        self.by_key(key_of(name))
    }

    /// Like [`Gazetteer::lookup`] for an already normalised name.
    pub fn lookup_norm(&self, norm: &str) -> Vec<u32> {
        self.by_key(fnv(norm.chars()))
    }

    /// The place a demonym or adjective names ("Polish" → Poland).
    pub fn demonym(&self, form: &str) -> Option<u32> {
        self.demonym_by_key(key_of(form))
    }

    /// Like [`Gazetteer::demonym`] for an already normalised form.
    pub fn demonym_norm(&self, norm: &str) -> Option<u32> {
        self.demonym_by_key(fnv(norm.chars()))
    }

    fn demonym_by_key(&self, key: u64) -> Option<u32> {
        let (start, count) = (self.layout.demonyms, self.layout.n_demonyms);
        let i = self.first_at_least(start, (0, count), key);
        let at = start + i * format::PAIR_LEN;
        (i < count && format::u64_at(&self.data, at) == key)
            .then(|| format::u32_at(&self.data, at + 8))
    }

    /// The feature of entry `idx`, without reading the rest of it.
    pub fn feature(&self, idx: u32) -> Feature {
        let i = (idx as usize).min(self.layout.n_entries.saturating_sub(1));
        Feature::from_code(self.data[self.layout.entries + i * format::ENTRY_LEN + 30])
    }

    /// Entry `idx` (an index from a lookup).
    pub fn entry(&self, idx: u32) -> Entry<'_> {
        let d: &[u8] = &self.data;
        let l = &self.layout;
        // Indices come from this gazetteer's own lookups.
        let i = (idx as usize).min(l.n_entries.saturating_sub(1));
        let e = format::raw_entry(d, l, i);
        // Checked on load: in the pool, on char boundaries.
        let text = |(off, len): (u32, u16)| {
            let a = off as usize;
            self.pool.get(a..a + len as usize).unwrap_or("")
        };
        let country = &d[l.entries + i * format::ENTRY_LEN + 28..][..2];
        Entry {
            geonameid: e.geonameid,
            name: text(e.name),
            lat: e.lat as f64 / format::COORD_SCALE,
            lon: e.lon as f64 / format::COORD_SCALE,
            country: std::str::from_utf8(country)
                .ok()
                .filter(|_| e.country != [0, 0])
                .unwrap_or(""),
            admin1: text(e.admin1),
            feature: Feature::from_code(e.feature),
            population: e.population as u64,
        }
    }
}

/// Prior preference among same-named places: countries and first-level
/// regions before cities, then population.
pub fn rank_key(e: &Entry) -> (u8, u64) {
    rank(e.feature, e.population)
}

fn rank(feature: Feature, population: u64) -> (u8, u64) {
    let class = match feature {
        Feature::Country | Feature::Continent => 4,
        Feature::Admin1 | Feature::Region | Feature::Water | Feature::Seat => 3,
        Feature::Capital => 2,
        Feature::City | Feature::Admin2 => 1,
    };
    (class, population)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "#chronicle-gazetteer\t1\n\
P\t798544\tPoland\t52.00000\t20.00000\tPL\t\tA\tPCLI\t38500000\tPolska|Republic of Poland\n\
P\t4717560\tParis\t33.66094\t-95.55551\tUS\tTexas\tP\tPPL\t24782\t\n\
P\t2988507\tParis\t48.85341\t2.3488\tFR\tÎle-de-France\tP\tPPLC\t2138551\tParigi\n\
D\tPolish\tPoland\tPL\n\
D\tPolish\tParis\t\n";

    #[test]
    fn embedded_gazetteer_loads_with_header_and_demonyms() {
        let g = Gazetteer::get();
        assert!(g.len() > 100_000);
        let pl = g.demonym("Polish").map(|i| g.entry(i).name);
        assert_eq!(pl, Some("Poland"));
        assert!(!g.lookup("Paris").is_empty());
        assert!(!g.lookup("St. Louis").is_empty());
    }

    #[test]
    fn text_form_compiles_to_a_file_that_reads_back() {
        let g = Gazetteer::parse(SMALL).unwrap();
        assert_eq!(g.len(), 3);
        let paris: Vec<_> = g.lookup("PARIS").into_iter().map(|i| g.entry(i)).collect();
        assert_eq!(paris.len(), 2);
        let fr = paris.iter().find(|e| e.country == "FR").unwrap();
        assert_eq!((fr.geonameid, fr.lat, fr.lon), (2988507, 48.85341, 2.3488));
        assert_eq!(
            (fr.admin1, fr.feature, fr.population),
            ("Île-de-France", Feature::Capital, 2138551)
        );
        assert_eq!(
            g.lookup("Parigi"),
            g.lookup("Paris")
                .into_iter()
                .filter(|&i| g.entry(i).country == "FR")
                .collect::<Vec<_>>()
        );
        // The first row of a form wins.
        assert_eq!(g.demonym("polish").map(|i| g.entry(i).name), Some("Poland"));
        assert!(g.lookup("Warsaw").is_empty() && g.demonym("French").is_none());
        assert_eq!(compile_text(SMALL).unwrap(), compile_text(SMALL).unwrap());
    }

    #[test]
    fn wrong_header_is_refused() {
        assert!(matches!(
            Gazetteer::parse("#chronicle-gazetteer\t2\n"),
            Err(GazetteerError::Header(_))
        ));
        assert!(Gazetteer::parse("#chronicle-gazetteer\t1\nX\n").is_err());
        assert!(matches!(
            Gazetteer::load(b"#chronicle-gazetteer\t1\n"),
            Err(GazetteerError::Header(_))
        ));
    }

    #[test]
    fn bad_text_rows_name_their_line() {
        let err = |row: &str| {
            Gazetteer::parse(&format!("#chronicle-gazetteer\t1\n{row}\n"))
                .unwrap_err()
                .to_string()
        };
        let p = |lat: &str, cc: &str| format!("P\t1\tX\t{lat}\t0\t{cc}\t\tP\tPPL\t0\t");
        assert!(err(&p("91", "US")).contains("line 2: coordinates out of range"));
        assert!(err(&p("1.123456", "US")).contains("five decimals"));
        assert!(err(&p("1", "usa")).contains("bad country code"));
    }

    #[test]
    fn damaged_files_are_refused_not_read() {
        let good = compile_text(SMALL).unwrap();
        assert!(Gazetteer::from_bytes(Cow::Owned(good.clone())).is_ok());
        for at in [40, good.len() / 2, good.len() - 1] {
            let mut bad = good.clone();
            bad[at] ^= 0x20;
            let e = Gazetteer::from_bytes(Cow::Owned(bad)).unwrap_err();
            assert!(e.to_string().contains("checksum"), "{e}");
        }
        let e = Gazetteer::from_bytes(Cow::Owned(good[..good.len() - 3].to_vec())).unwrap_err();
        assert!(e.to_string().contains("length"), "{e}");
        let mut v3 = good.clone();
        v3[8] = 3;
        assert!(matches!(
            Gazetteer::from_bytes(Cow::Owned(v3)),
            Err(GazetteerError::Header(_))
        ));
        // A record pointing outside the pool, with a recomputed checksum.
        let mut off = good.clone();
        off[format::HEADER_LEN + 16..][..4].copy_from_slice(&u32::MAX.to_le_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(&off[format::HEADER_LEN..]);
        off[28..32].copy_from_slice(&crc.sum().to_le_bytes());
        let e = Gazetteer::from_bytes(Cow::Owned(off)).unwrap_err();
        assert!(e.to_string().contains("outside the pool"), "{e}");
    }

    #[test]
    fn normal_form_folds_case_apostrophes_and_saint() {
        assert_eq!(normalize("St. Louis"), "saint louis");
        assert_eq!(normalize("Côte d’Ivoire"), "côte d'ivoire");
        assert_eq!(normalize("U.S."), "us.");
        assert_eq!(normalize("Va."), "va.");
        assert_eq!(key_of("St. Louis"), fnv(normalize("St. Louis").chars()));
    }
}
