//! Format version 2 of the gazetteer file: its byte layout, its writer and
//! the checks run on load.
//!
//! All integers are little-endian. The file is a 32-byte header followed by
//! four sections, each a run of fixed-size records or bytes:
//!
//! | part | size | content |
//! |---|---|---|
//! | header | 32 | magic `CHRGAZ\0\0`, version `2`, entry count, name count, demonym count, pool length, CRC-32 of everything after the header (six `u32`) |
//! | entries | 32 each | geonameid `u32`, lat and lon `i32` in 1e-5 degrees, population `u32`, name offset `u32`, admin1 offset `u32`, name length `u16`, admin1 length `u16`, country (2 ASCII bytes, or two zeros), feature `u8`, a zero byte |
//! | names | 12 each | (key `u64`, entry `u32`), sorted by key then entry |
//! | demonyms | 12 each | (key `u64`, entry `u32`), sorted by key, keys distinct |
//! | pool | pool length | the UTF-8 text that entries' names and regions point into |
//!
//! Coordinates have at most five decimals in GeoNames, so 1e-5 degrees
//! round-trips them exactly: `i as f64 / 1e5` is the same `f64` the decimal
//! text parses to. [`check`] validates every offset, range and ordering once,
//! so reading a record afterwards cannot fail.

use super::GazetteerError;

pub const MAGIC: [u8; 8] = *b"CHRGAZ\0\0";
pub const VERSION: u32 = 2;
pub const HEADER_LEN: usize = 32;
pub const ENTRY_LEN: usize = 32;
pub const PAIR_LEN: usize = 12;
/// Units of a stored coordinate per degree.
pub const COORD_SCALE: f64 = 1e5;
/// Number of [`super::Feature`] codes.
pub const FEATURES: u8 = 9;

/// One entry as stored: strings are (offset, length) in the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawEntry {
    pub geonameid: u32,
    pub lat: i32,
    pub lon: i32,
    pub population: u32,
    pub name: (u32, u16),
    pub admin1: (u32, u16),
    pub country: [u8; 2],
    pub feature: u8,
}

/// Where each section starts, and how many records it holds.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub n_entries: usize,
    pub n_names: usize,
    pub n_demonyms: usize,
    pub entries: usize,
    pub names: usize,
    pub demonyms: usize,
    pub pool: usize,
    pub pool_len: usize,
}

impl Layout {
    fn new(n_entries: usize, n_names: usize, n_demonyms: usize, pool_len: usize) -> Layout {
        let entries = HEADER_LEN;
        let names = entries + n_entries * ENTRY_LEN;
        let demonyms = names + n_names * PAIR_LEN;
        let pool = demonyms + n_demonyms * PAIR_LEN;
        Layout {
            n_entries,
            n_names,
            n_demonyms,
            entries,
            names,
            demonyms,
            pool,
            pool_len,
        }
    }

    fn total(&self) -> usize {
        self.pool + self.pool_len
    }
}

pub fn u16_at(d: &[u8], o: usize) -> u16 {
    u16::from_le_bytes([d[o], d[o + 1]])
}

pub fn u32_at(d: &[u8], o: usize) -> u32 {
    u32::from_le_bytes([d[o], d[o + 1], d[o + 2], d[o + 3]])
}

pub fn u64_at(d: &[u8], o: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[o..o + 8]);
    u64::from_le_bytes(b)
}

/// Decodes entry `i` (in range: [`check`] has run).
pub fn raw_entry(d: &[u8], l: &Layout, i: usize) -> RawEntry {
    let o = l.entries + i * ENTRY_LEN;
    RawEntry {
        geonameid: u32_at(d, o),
        lat: u32_at(d, o + 4) as i32,
        lon: u32_at(d, o + 8) as i32,
        population: u32_at(d, o + 12),
        name: (u32_at(d, o + 16), u16_at(d, o + 24)),
        admin1: (u32_at(d, o + 20), u16_at(d, o + 26)),
        country: [d[o + 28], d[o + 29]],
        feature: d[o + 30],
    }
}

/// Serialises a gazetteer; `names` and `demonyms` must be sorted as the
/// layout says (checked by [`check`] when the file is loaded).
pub fn write(
    entries: &[RawEntry],
    names: &[(u64, u32)],
    demonyms: &[(u64, u32)],
    pool: &str,
) -> Vec<u8> {
    let l = Layout::new(entries.len(), names.len(), demonyms.len(), pool.len());
    let mut out = Vec::with_capacity(l.total());
    out.extend_from_slice(&MAGIC);
    for n in [
        VERSION as usize,
        l.n_entries,
        l.n_names,
        l.n_demonyms,
        l.pool_len,
        0,
    ] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    for e in entries {
        for n in [
            e.geonameid,
            e.lat as u32,
            e.lon as u32,
            e.population,
            e.name.0,
            e.admin1.0,
        ] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.extend_from_slice(&e.name.1.to_le_bytes());
        out.extend_from_slice(&e.admin1.1.to_le_bytes());
        out.extend_from_slice(&[e.country[0], e.country[1], e.feature, 0]);
    }
    for &(k, i) in names.iter().chain(demonyms) {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&i.to_le_bytes());
    }
    out.extend_from_slice(pool.as_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&out[HEADER_LEN..]);
    out[28..32].copy_from_slice(&crc.sum().to_le_bytes());
    out
}

/// Validates a whole file: header, version, length, checksum, and every
/// record's offsets, ranges and order.
pub fn check(d: &[u8]) -> Result<Layout, GazetteerError> {
    if d.len() < HEADER_LEN || d[..8] != MAGIC {
        let head = String::from_utf8_lossy(&d[..d.len().min(24)]).into_owned();
        return Err(GazetteerError::Header(head));
    }
    let version = u32_at(d, 8);
    if version != VERSION {
        return Err(GazetteerError::Header(format!("version {version}")));
    }
    let n = |o: usize| u32_at(d, o) as usize;
    let l = Layout::new(n(12), n(16), n(20), n(24));
    let bad = |at: usize, what: &str| GazetteerError::Corrupt {
        at,
        reason: what.to_owned(),
    };
    if l.total() != d.len() {
        return Err(bad(
            d.len(),
            &format!("length {} where the header says {}", d.len(), l.total()),
        ));
    }
    let mut crc = flate2::Crc::new();
    crc.update(&d[HEADER_LEN..]);
    if crc.sum() != u32_at(d, 28) {
        return Err(bad(28, "checksum mismatch"));
    }
    let pool = std::str::from_utf8(&d[l.pool..])
        .map_err(|e| bad(l.pool + e.valid_up_to(), "pool is not UTF-8"))?;
    let in_pool = |(off, len): (u32, u16)| {
        let (a, b) = (off as usize, off as usize + len as usize);
        b <= pool.len() && pool.is_char_boundary(a) && pool.is_char_boundary(b)
    };
    for i in 0..l.n_entries {
        let e = raw_entry(d, &l, i);
        let at = l.entries + i * ENTRY_LEN;
        let country_ok = e.country == [0, 0] || e.country.iter().all(u8::is_ascii_uppercase);
        if !in_pool(e.name) || !in_pool(e.admin1) {
            return Err(bad(at, "string outside the pool"));
        }
        if !country_ok || e.feature >= FEATURES {
            return Err(bad(at, "bad country or feature code"));
        }
        if e.lat.unsigned_abs() > 9_000_000 || e.lon.unsigned_abs() > 18_000_000 {
            return Err(bad(at, "coordinates out of range"));
        }
    }
    for (start, count, strict) in [
        (l.names, l.n_names, false),
        (l.demonyms, l.n_demonyms, true),
    ] {
        let mut last = None;
        for i in 0..count {
            let at = start + i * PAIR_LEN;
            let pair = (u64_at(d, at), u32_at(d, at + 8));
            if pair.1 as usize >= l.n_entries {
                return Err(bad(at, "entry index out of range"));
            }
            let ordered = match last {
                None => true,
                Some((k, _)) if strict => k < pair.0,
                Some(prev) => prev <= pair,
            };
            if !ordered {
                return Err(bad(at, "index out of order"));
            }
            last = Some(pair);
        }
    }
    Ok(l)
}
