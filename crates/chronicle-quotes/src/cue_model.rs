//! The learned cue model: a linear classifier that decides, for each
//! candidate cue the reported-speech rules turn into an attribution, whether
//! it really introduces one ("Officials said the plan failed" yes, "he said
//! no to the deal" no, "they want the refugees to leave" yes in PolNeAR).
//! It also carries the words, beyond the hand-written and learned cue
//! lists, that are worth asking about ("want", "believes").
//!
//! Trained by `chronicle train quotes` (see `train`) on PolNeAR's train
//! split and shipped as `data/cue_model.bin`, embedded in the executable
//! and parsed once.
//!
//! File format (little-endian), version [`VERSION`]:
//! `MAGIC` (8 bytes), `u32` version, `u32` table bits, `u32` word count and
//! each word as `u8` length plus UTF-8 bytes, `u32` weight count and each
//! weight as `u32` row plus `f32` value. Anything else — another magic or
//! version, a truncated file, rows outside the table, bytes left over — is
//! refused with an error naming the byte offset.

use std::collections::HashSet;

pub const MAGIC: &[u8; 8] = b"CHRQCUE\0";
pub const VERSION: u32 = 1;
/// Largest table accepted when reading (2^24 rows, 64 MiB of weights).
const MAX_BITS: u32 = 24;

/// A linear model over hashed features plus the extra candidate words.
#[derive(Debug, Clone, PartialEq)]
pub struct CueModel {
    bits: u32,
    weights: Vec<f32>,
    words: HashSet<String>,
}

/// Why a model file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cue model: {what} at byte {offset}")]
pub struct ModelError {
    pub what: &'static str,
    pub offset: usize,
}

impl CueModel {
    /// A model with all weights zero over `2^bits` rows.
    pub fn new(bits: u32, words: HashSet<String>) -> CueModel {
        CueModel {
            bits,
            weights: vec![0.0; 1 << bits],
            words,
        }
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The row of a feature hash.
    pub fn row(&self, hash: u64) -> usize {
        (hash & ((1u64 << self.bits) - 1)) as usize
    }

    pub fn weights_mut(&mut self) -> &mut [f32] {
        &mut self.weights
    }

    /// The score of a feature set (hashes); above zero means "attribution".
    pub fn score(&self, features: &[u64]) -> f32 {
        features.iter().map(|&h| self.weights[self.row(h)]).sum()
    }

    pub fn accepts(&self, features: &[u64]) -> bool {
        self.score(features) > 0.0
    }

    /// Whether the lower-cased word is one of the model's extra cue words.
    pub fn is_extra_word(&self, lower: &str) -> bool {
        self.words.contains(lower)
    }

    pub fn words(&self) -> &HashSet<String> {
        &self.words
    }

    /// The model as file bytes; words sorted and zero weights left out, so
    /// the same model always gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        let mut words: Vec<&String> = self.words.iter().filter(|w| w.len() < 256).collect();
        words.sort();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for w in words {
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
        }
        let nonzero: Vec<(usize, f32)> = self
            .weights
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, w)| w != 0.0)
            .collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        for (row, w) in nonzero {
            out.extend_from_slice(&(row as u32).to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads a model file, checking its header and every count.
    pub fn from_bytes(bytes: &[u8]) -> Result<CueModel, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(r.error("not a chronicle cue model (bad magic)"));
        }
        if r.u32()? != VERSION {
            return Err(r.error("unsupported cue model version"));
        }
        let bits = r.u32()?;
        if bits == 0 || bits > MAX_BITS {
            return Err(r.error("table bits out of range"));
        }
        let n_words = r.u32()? as usize;
        let mut words = HashSet::new();
        for _ in 0..n_words {
            let len = r.take(1)?[0] as usize;
            let w = std::str::from_utf8(r.take(len)?).map_err(|_| r.error("word not UTF-8"))?;
            words.insert(w.to_owned());
        }
        let mut model = CueModel::new(bits, words);
        let n_weights = r.u32()? as usize;
        for _ in 0..n_weights {
            let row = r.u32()? as usize;
            let w = f32::from_le_bytes(r.array()?);
            if row >= model.weights.len() || !w.is_finite() {
                return Err(r.error("weight row out of range or not finite"));
            }
            model.weights[row] = w;
        }
        if r.at != bytes.len() {
            return Err(r.error("bytes left after the weights"));
        }
        Ok(model)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, what: &'static str) -> ModelError {
        ModelError {
            what,
            offset: self.at,
        }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| self.error("truncated"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn array(&mut self) -> Result<[u8; 4], ModelError> {
        let b = self.take(4)?;
        Ok([b[0], b[1], b[2], b[3]])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
}

/// The model built into the executable (`data/cue_model.bin`), parsed once.
pub fn shipped() -> &'static CueModel {
    static MODEL: std::sync::OnceLock<CueModel> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| {
        CueModel::from_bytes(include_bytes!("../data/cue_model.bin"))
            .expect("the shipped cue model is checked by the crate's tests")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_loads_and_knows_extra_words() {
        let m = CueModel::from_bytes(include_bytes!("../data/cue_model.bin")).unwrap();
        assert!(!m.words().is_empty());
        assert!(m.weights.iter().any(|&w| w != 0.0));
    }

    #[test]
    fn round_trips_and_refuses_bad_files() {
        let mut m = CueModel::new(4, ["want".to_owned()].into_iter().collect());
        m.weights_mut()[3] = 1.5;
        let bytes = m.to_bytes();
        assert_eq!(CueModel::from_bytes(&bytes).unwrap(), m);
        let err = CueModel::from_bytes(&bytes[..bytes.len() - 2]).unwrap_err();
        assert_eq!(err.what, "truncated");
        let mut bad = bytes.clone();
        bad[8] = 9; // version
        assert_eq!(
            CueModel::from_bytes(&bad).unwrap_err().what,
            "unsupported cue model version"
        );
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(CueModel::from_bytes(&extra).is_err());
        assert!(CueModel::from_bytes(b"CHRQCUE").is_err());
        assert!(CueModel::from_bytes(b"NOTAMODELxxxxxxxxxxxxxx").is_err());
    }
}
