//! The bundled gazetteer: GeoNames places and a demonym table, compiled by
//! `data/build_gazetteer.py` into `data/gazetteer.tsv.gz` and embedded in
//! the binary.
//!
//! Format version 1 (checked on load; any other header is refused): a gzip
//! stream of UTF-8 lines. The first is `#chronicle-gazetteer<TAB>1`. `P`
//! rows are places (`id name lat lon cc admin1 fclass fcode population
//! alt|alt|…`), `D` rows map a demonym or adjective to a place name and
//! country (`D Polish Poland PL`).
//!
//! Names are indexed by a normal form (lower case, curly apostrophes and
//! periods folded, "St." = "Saint") so lookups are one hash probe per
//! candidate span. The gazetteer is parsed once per process ([`Gazetteer::get`]).

use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

/// The embedded gazetteer file.
pub static GAZETTEER_GZ: &[u8] = include_bytes!("../data/gazetteer.tsv.gz");

const MAGIC: &str = "#chronicle-gazetteer\t1";

/// Size of the name filter in bits (a power of two; 1 MiB).
const FILTER_BITS: u64 = 1 << 23;

/// Why the gazetteer file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("gazetteer: not a chronicle gazetteer of version 1 (header {0:?})")]
    Header(String),
    #[error("gazetteer: line {line}: {reason}")]
    Line { line: usize, reason: String },
    #[error("gazetteer: {0}")]
    Io(#[from] std::io::Error),
}

/// A GeoNames feature, reduced to what resolution weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub geonameid: u32,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country: String,
    pub admin1: String,
    pub feature: Feature,
    pub population: u64,
}

/// Places by normalised name, plus demonyms.
#[derive(Debug)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// (key of a normalised name, entry index), sorted: one binary search
    /// per lookup, and no allocation per name at load time.
    names: Vec<(u64, u32)>,
    /// A bit per name key modulo [`FILTER_BITS`]: most probes are ordinary
    /// capitalised words, rejected here without a binary search.
    filter: Vec<u64>,
    /// Demonym key → index of the place it names.
    demonyms: HashMap<u64, u32>,
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
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn key_of(name: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    each_norm_char(name, |c| {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    });
    h
}

fn feature(fcl: &str, fcode: &str) -> Feature {
    match (fcl, fcode) {
        (_, "CONT") => Feature::Continent,
        (_, "PCLI") => Feature::Country,
        (_, "ADM1") => Feature::Admin1,
        (_, "ADM2") => Feature::Admin2,
        (_, "PPLC") => Feature::Capital,
        (_, "GOVSEAT") => Feature::Seat,
        ("H", _) => Feature::Water,
        ("P", _) => Feature::City,
        _ => Feature::Region,
    }
}

impl Gazetteer {
    /// The embedded gazetteer, parsed on first use.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::parse_gz(GAZETTEER_GZ).expect("the embedded gazetteer is valid")
        })
    }

    /// Reads a gzip-compressed gazetteer file.
    pub fn parse_gz(bytes: &[u8]) -> Result<Gazetteer, GazetteerError> {
        let mut text = String::with_capacity(bytes.len() * 3);
        GzDecoder::new(bytes).read_to_string(&mut text)?;
        Gazetteer::parse(&text)
    }

    /// Reads the text form.
    pub fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut lines = text.lines();
        let header = lines.next().unwrap_or("");
        if header != MAGIC {
            return Err(GazetteerError::Header(header.chars().take(40).collect()));
        }
        let mut g = Gazetteer {
            entries: Vec::with_capacity(180_000),
            names: Vec::with_capacity(600_000),
            filter: vec![0; (FILTER_BITS / 64) as usize],
            demonyms: HashMap::new(),
        };
        let mut pending_demonyms = Vec::new();
        for (i, line) in lines.enumerate() {
            let bad = |reason: &str| GazetteerError::Line {
                line: i + 2,
                reason: reason.to_owned(),
            };
            let mut f = [""; 11];
            let mut n = 0;
            for (k, part) in line.splitn(11, '\t').enumerate() {
                f[k] = part;
                n = k + 1;
            }
            match (n > 0).then_some(f[0]) {
                Some("P") if n == 11 => {
                    let num = |s: &str| s.parse::<f64>().map_err(|_| bad("bad number"));
                    let idx = g.entries.len() as u32;
                    let e = Entry {
                        geonameid: f[1].parse().map_err(|_| bad("bad id"))?,
                        name: f[2].to_owned(),
                        lat: num(f[3])?,
                        lon: num(f[4])?,
                        country: f[5].to_owned(),
                        admin1: f[6].to_owned(),
                        feature: feature(f[7], f[8]),
                        population: f[9].parse().unwrap_or(0),
                    };
                    if !(-90.0..=90.0).contains(&e.lat) || !(-180.0..=180.0).contains(&e.lon) {
                        return Err(bad("coordinates out of range"));
                    }
                    g.add_name(f[2], idx);
                    for alt in f[10].split('|').filter(|a| !a.is_empty()) {
                        g.add_name(alt, idx);
                    }
                    g.entries.push(e);
                }
                Some("D") if n == 4 => pending_demonyms.push((f[1], f[2], f[3])),
                _ => return Err(bad("unknown row")),
            }
        }
        g.names.sort_unstable();
        g.names.dedup();
        for &(k, _) in &g.names {
            let bit = k % FILTER_BITS;
            g.filter[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        for (form, target, cc) in pending_demonyms {
            let best = g
                .lookup(target)
                .into_iter()
                .filter(|&i| {
                    let e = &g.entries[i as usize];
                    cc.is_empty() || e.country == cc
                })
                .max_by_key(|&i| rank_key(&g.entries[i as usize]));
            if let Some(i) = best {
                g.demonyms.entry(key_of(form)).or_insert(i);
            }
        }
        Ok(g)
    }

    fn add_name(&mut self, name: &str, idx: u32) {
        self.names.push((key_of(name), idx));
    }

    fn by_key(&self, key: u64) -> Vec<u32> {
        let bit = key % FILTER_BITS;
        if self.filter[(bit / 64) as usize] & (1 << (bit % 64)) == 0 {
            return Vec::new();
        }
        let from = self.names.partition_point(|&(k, _)| k < key);
        self.names[from..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, i)| i)
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
        self.demonyms.get(&key_of(form)).copied()
    }

    pub fn entry(&self, idx: u32) -> &Entry {
        &self.entries[idx as usize]
    }
}

/// Prior preference among same-named places: countries and first-level
/// regions before cities, then population.
pub fn rank_key(e: &Entry) -> (u8, u64) {
    let class = match e.feature {
        Feature::Country | Feature::Continent => 4,
        Feature::Admin1 | Feature::Region | Feature::Water | Feature::Seat => 3,
        Feature::Capital => 2,
        Feature::City | Feature::Admin2 => 1,
    };
    (class, e.population)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_gazetteer_loads_with_header_and_demonyms() {
        let g = Gazetteer::get();
        assert!(g.entries.len() > 100_000);
        let pl = g.demonym("Polish").map(|i| g.entry(i).name.as_str());
        assert_eq!(pl, Some("Poland"));
        assert!(!g.lookup("Paris").is_empty());
        assert!(!g.lookup("St. Louis").is_empty());
    }

    #[test]
    fn wrong_header_is_refused() {
        assert!(matches!(
            Gazetteer::parse("#chronicle-gazetteer\t2\n"),
            Err(GazetteerError::Header(_))
        ));
        assert!(Gazetteer::parse("#chronicle-gazetteer\t1\nX\n").is_err());
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
