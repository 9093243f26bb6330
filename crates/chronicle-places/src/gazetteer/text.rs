//! The text form of the gazetteer (format version 1), which
//! `data/build_gazetteer.py` writes, and its compilation into the binary
//! form (`format.rs`) that chronicle embeds and loads.
//!
//! A gzip stream or plain UTF-8 lines. The first is
//! `#chronicle-gazetteer<TAB>1`. `P` rows are places (`id name lat lon cc
//! admin1 fclass fcode population alt|alt|…`), `D` rows map a demonym or
//! adjective to a place name and country (`D Polish Poland PL`): the
//! place of that name and country ranked first by [`rank`], the first row
//! of a form winning. Compilation is deterministic: the same text gives the
//! same bytes.

use super::format::{self, RawEntry, COORD_SCALE};
use super::{key_of, rank, Feature, GazetteerError};
use std::collections::HashMap;

const MAGIC: &str = "#chronicle-gazetteer\t1";

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

/// Strings stored once each.
#[derive(Default)]
struct Pool {
    text: String,
    at: HashMap<String, u32>,
}

impl Pool {
    fn add(&mut self, s: &str) -> Result<(u32, u16), &'static str> {
        let len = u16::try_from(s.len()).map_err(|_| "name too long")?;
        if let Some(&off) = self.at.get(s) {
            return Ok((off, len));
        }
        let off = u32::try_from(self.text.len()).map_err(|_| "gazetteer too large")?;
        self.text.push_str(s);
        self.at.insert(s.to_owned(), off);
        Ok((off, len))
    }
}

/// A coordinate in stored units, refused unless it round-trips exactly.
fn coordinate(s: &str, limit: f64) -> Result<i32, &'static str> {
    let v: f64 = s.parse().map_err(|_| "bad number")?;
    if !(-limit..=limit).contains(&v) {
        return Err("coordinates out of range");
    }
    let units = (v * COORD_SCALE).round();
    if units / COORD_SCALE != v {
        return Err("coordinate with more than five decimals");
    }
    Ok(units as i32)
}

fn country(cc: &str) -> Result<[u8; 2], &'static str> {
    match cc.as_bytes() {
        [] => Ok([0, 0]),
        &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Ok([a, b]),
        _ => Err("bad country code"),
    }
}

/// Reads a text gazetteer (gzip-compressed or not) and returns the bytes of
/// the binary form.
pub fn compile(bytes: &[u8]) -> Result<Vec<u8>, GazetteerError> {
    let text = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut text = String::with_capacity(bytes.len() * 3);
        std::io::Read::read_to_string(&mut flate2::read::MultiGzDecoder::new(bytes), &mut text)?;
        text
    } else {
        String::from_utf8(bytes.to_vec()).map_err(|e| GazetteerError::Corrupt {
            at: e.utf8_error().valid_up_to(),
            reason: "not UTF-8".to_owned(),
        })?
    };
    compile_text(&text)
}

/// Like [`compile`] for text already in memory.
pub fn compile_text(text: &str) -> Result<Vec<u8>, GazetteerError> {
    let mut lines = text.lines();
    let header = lines.next().unwrap_or("");
    if header != MAGIC {
        return Err(GazetteerError::Header(header.chars().take(40).collect()));
    }
    let mut pool = Pool::default();
    let mut entries: Vec<RawEntry> = Vec::new();
    let mut names: Vec<(u64, u32)> = Vec::new();
    let mut pending_demonyms = Vec::new();
    for (i, line) in lines.enumerate() {
        let bad = |reason: &str| GazetteerError::Line {
            line: i + 2,
            reason: reason.to_owned(),
        };
        let f: Vec<&str> = line.splitn(11, '\t').collect();
        match f[0] {
            "P" if f.len() == 11 => {
                let idx = u32::try_from(entries.len()).map_err(|_| bad("too many entries"))?;
                entries.push(RawEntry {
                    geonameid: f[1].parse().map_err(|_| bad("bad id"))?,
                    lat: coordinate(f[3], 90.0).map_err(bad)?,
                    lon: coordinate(f[4], 180.0).map_err(bad)?,
                    population: u32::try_from(f[9].parse::<u64>().unwrap_or(0))
                        .map_err(|_| bad("population too large"))?,
                    name: pool.add(f[2]).map_err(bad)?,
                    admin1: pool.add(f[6]).map_err(bad)?,
                    country: country(f[5]).map_err(bad)?,
                    feature: feature(f[7], f[8]) as u8,
                });
                names.push((key_of(f[2]), idx));
                for alt in f[10].split('|').filter(|a| !a.is_empty()) {
                    names.push((key_of(alt), idx));
                }
            }
            "D" if f.len() == 4 => pending_demonyms.push((f[1], f[2], f[3])),
            _ => return Err(bad("unknown row")),
        }
    }
    names.sort_unstable();
    names.dedup();
    let mut demonyms: Vec<(u64, u32)> = Vec::new();
    for (form, target, cc) in pending_demonyms {
        let key = key_of(target);
        let from = names.partition_point(|&(k, _)| k < key);
        let best = names[from..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, i)| i)
            .filter(|&i| {
                let c = entries[i as usize].country;
                cc.is_empty() || c[..] == *cc.as_bytes()
            })
            .max_by_key(|&i| {
                let e = &entries[i as usize];
                rank(Feature::from_code(e.feature), e.population as u64)
            });
        if let Some(i) = best {
            demonyms.push((key_of(form), i));
        }
    }
    // Stable: the first row of a form stays first and is kept.
    demonyms.sort_by_key(|&(k, _)| k);
    demonyms.dedup_by_key(|&mut (k, _)| k);
    Ok(format::write(&entries, &names, &demonyms, &pool.text))
}
