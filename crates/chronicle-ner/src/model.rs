//! The linear model: a table of weights per (feature bucket, label), label
//! transition weights, constrained Viterbi decoding, and the binary file.
//!
//! File format (little-endian), version [`VERSION`]:
//!
//! ```text
//! magic "CHRNNER\0" | version u32 | resources fingerprint u64 | bits u8 |
//! n_labels u8 | n_passes u8 | n_variants u8 |
//! per variant, per pass: scale f32 | transitions (n+2)·n f32 (start row, rows by
//!   previous label, end row) | rows u32 | bucket bitmap (2^bits / 8 bytes) |
//!   rows · n i16 weights (only buckets with a non-zero weight)
//! ```
//!
//! Weights are quantised to `i16` with one scale per pass; scores are summed
//! in `i32` and only transitions are kept in floating point.

use crate::labels::{allowed, can_end, can_start, N_LABELS};
use thiserror::Error;

pub const MAGIC: &[u8; 8] = b"CHRNNER\0";
pub const VERSION: u32 = 1;

/// Why a model file was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelError {
    #[error("not a chronicle NER model (bad magic)")]
    BadMagic,
    #[error("NER model version {found} is not supported (this build reads {VERSION})")]
    Version { found: u32 },
    #[error("NER model was trained with other resources (fingerprint {found:016x}, expected {expected:016x})")]
    Resources { found: u64, expected: u64 },
    #[error("NER model is malformed: {0}")]
    Malformed(&'static str),
}

/// One pass's weights, ready for decoding.
///
/// Sparse: only buckets with a non-zero weight have a row. A bitmap marks
/// them, and a rank (set bits before each 64-bit word, stored beside the
/// word so that one load gives both) turns a bucket into its row index, so a
/// lookup is a bitmap word, a popcount and one row — a few MB that stay in
/// cache, where a dense table would take 35 MB. Row 0 is all zeros and
/// stands for every bucket without a row, so a lookup never branches on
/// whether the bucket has one (the table is far larger than the caches:
/// a branch-free lookup lets the processor fetch many rows at once).
#[derive(Debug, Clone)]
pub struct Weights {
    pub bits: u8,
    /// One per 64 buckets: which have a row, and how many rows come before.
    blocks: Vec<Block>,
    /// The zero row, then one row per bucket with a non-zero weight,
    /// quantised.
    rows: Vec<[i16; N_LABELS]>,
    /// Multiply a float weight by this to get the stored integer.
    pub scale: f32,
    /// `(N_LABELS + 2) × N_LABELS`: start row, one row per previous label,
    /// end row; already multiplied by `scale`.
    pub trans: Vec<f32>,
}

/// 64 buckets of the bitmap and the rank of the first.
#[derive(Debug, Clone, Copy)]
struct Block {
    bits: u64,
    /// Index in `rows` of the first set bucket's row (the zero row counted).
    rank: u64,
}

impl Weights {
    /// Quantises dense float weights (`2^bits × N_LABELS`).
    pub fn quantize(bits: u8, w: &[f32], trans: &[f32]) -> Weights {
        let max = w.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-6);
        let scale = 32767.0 / max;
        let n_buckets = 1usize << bits;
        let mut bitmap = vec![0u64; n_buckets.div_ceil(64)];
        let mut rows = Vec::new();
        for (b, row) in w.chunks_exact(N_LABELS).enumerate().take(n_buckets) {
            let mut q = [0i16; N_LABELS];
            for (q, &x) in q.iter_mut().zip(row) {
                *q = (x * scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            if q.iter().any(|&x| x != 0) {
                bitmap[b / 64] |= 1 << (b % 64);
                rows.push(q);
            }
        }
        Weights::from_parts(
            bits,
            &bitmap,
            rows,
            scale,
            trans.iter().map(|&t| t * scale).collect(),
        )
    }

    /// `rows`: one per set bit of `bitmap`, in bucket order.
    fn from_parts(
        bits: u8,
        bitmap: &[u64],
        rows: Vec<[i16; N_LABELS]>,
        scale: f32,
        trans: Vec<f32>,
    ) -> Weights {
        let mut blocks = Vec::with_capacity(bitmap.len());
        let mut n = 1u64;
        for &w in bitmap {
            blocks.push(Block { bits: w, rank: n });
            n += w.count_ones() as u64;
        }
        let mut all = Vec::with_capacity(rows.len() + 1);
        all.push([0i16; N_LABELS]);
        all.extend(rows);
        Weights {
            bits,
            blocks,
            rows: all,
            scale,
            trans,
        }
    }

    /// Number of buckets with a row.
    pub fn n_rows(&self) -> usize {
        self.rows.len() - 1
    }

    /// The index in `rows` of a bucket's row, 0 (the zero row) if it has
    /// none. Branch-free but for the range check.
    #[inline]
    fn index(&self, b: u32) -> usize {
        let Some(block) = self.blocks.get(b as usize >> 6) else {
            return 0;
        };
        let shift = b & 63;
        let present = (block.bits >> shift) & 1;
        let below = (block.bits & ((1u64 << shift) - 1)).count_ones() as u64;
        ((block.rank + below) * present) as usize
    }

    /// The row of a bucket, if it has one.
    #[inline]
    pub fn row(&self, b: u32) -> Option<&[i16; N_LABELS]> {
        match self.index(b) {
            0 => None,
            i => self.rows.get(i),
        }
    }

    /// Emission scores of every token of a sentence: the sum of the rows of
    /// its features in `local` and, when given, in `extra`.
    pub fn emissions(
        &self,
        local: &crate::features::SentFeatures,
        extra: Option<&crate::features::SentFeatures>,
        out: &mut Vec<[i32; N_LABELS]>,
    ) {
        out.clear();
        let mut rows: Vec<u32> = Vec::with_capacity(128);
        for t in 0..local.len() {
            // All row indices first, then the rows: the loads of each loop
            // are independent of one another and overlap.
            rows.clear();
            rows.extend(local.token(t).iter().map(|&b| self.index(b) as u32));
            if let Some(extra) = extra {
                rows.extend(extra.token(t).iter().map(|&b| self.index(b) as u32));
            }
            let mut acc = [0i32; N_LABELS];
            for &r in &rows {
                for (a, &w) in acc.iter_mut().zip(&self.rows[r as usize]) {
                    *a += w as i32;
                }
            }
            out.push(acc);
        }
    }
}

/// Precomputed allowed predecessors of each label.
pub struct Lattice {
    /// `prev[y][..n_prev[y]]`: the labels that may precede `y`, ascending.
    prev: [[u8; N_LABELS]; N_LABELS],
    n_prev: [usize; N_LABELS],
}

impl Default for Lattice {
    fn default() -> Self {
        Lattice::new()
    }
}

impl Lattice {
    pub fn new() -> Lattice {
        let mut prev = [[0u8; N_LABELS]; N_LABELS];
        let mut n_prev = [0usize; N_LABELS];
        for y in 0..N_LABELS as u8 {
            for p in (0..N_LABELS as u8).filter(|&p| allowed(p, y)) {
                prev[y as usize][n_prev[y as usize]] = p;
                n_prev[y as usize] += 1;
            }
        }
        Lattice { prev, n_prev }
    }

    /// Best label sequence under the transition constraints. `emit(t, y)`
    /// gives the emission score; `trans` is as in [`Weights::trans`] (missing
    /// weights count as 0). Ties go to the lowest label.
    pub fn viterbi(
        &self,
        n: usize,
        emit: impl Fn(usize, usize) -> f32,
        trans: &[f32],
        out: &mut Vec<u8>,
    ) {
        out.clear();
        if n == 0 {
            return;
        }
        const NEG: f32 = f32::NEG_INFINITY;
        debug_assert_eq!(trans.len(), N_TRANS);
        let mut table = [0f32; N_TRANS];
        for (a, &b) in table.iter_mut().zip(trans) {
            *a = b;
        }
        let trans = &table;
        // By current label, the weight of coming from each label: the
        // inner loop reads one contiguous row.
        let mut from = [[0f32; N_LABELS]; N_LABELS];
        for (y, row) in from.iter_mut().enumerate() {
            for (p, f) in row.iter_mut().enumerate() {
                *f = trans[(p + 1) * N_LABELS + y];
            }
        }
        let mut delta = vec![[NEG; N_LABELS]; n];
        let mut back = vec![[0u8; N_LABELS]; n];
        for y in 0..N_LABELS {
            if can_start(y as u8) {
                delta[0][y] = trans[y] + emit(0, y);
            }
        }
        for t in 1..n {
            let last = delta[t - 1];
            let mut now = [NEG; N_LABELS];
            let mut arg_now = [0u8; N_LABELS];
            for y in 0..N_LABELS {
                let mut best = NEG;
                let mut arg = 0u8;
                for &p in &self.prev[y][..self.n_prev[y]] {
                    let s = last[p as usize] + from[y][p as usize];
                    let better = s > best;
                    best = if better { s } else { best };
                    arg = if better { p } else { arg };
                }
                now[y] = best + emit(t, y);
                arg_now[y] = arg;
            }
            delta[t] = now;
            back[t] = arg_now;
        }
        let end = (N_LABELS + 1) * N_LABELS;
        let mut best = NEG;
        let mut arg = 0u8;
        for y in 0..N_LABELS {
            if can_end(y as u8) {
                let s = delta[n - 1][y] + trans[end + y];
                if s > best {
                    best = s;
                    arg = y as u8;
                }
            }
        }
        out.resize(n, 0);
        out[n - 1] = arg;
        for t in (1..n).rev() {
            out[t - 1] = back[t][out[t] as usize];
        }
    }
}

/// Number of transition weights.
pub const N_TRANS: usize = (N_LABELS + 2) * N_LABELS;

/// Writes passes to the binary format.
/// Writes models to the binary format: `variants[v][p]` is pass `p` of
/// variant `v` (0: cased text, 1: uncased text); every variant has the same
/// number of passes.
pub fn write_model(fingerprint: u64, variants: &[Vec<Weights>]) -> Vec<u8> {
    let passes: Vec<&Weights> = variants.iter().flatten().collect();
    let n_passes = variants.first().map_or(0, Vec::len);
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&fingerprint.to_le_bytes());
    let bits = passes.first().map_or(0, |p| p.bits);
    out.extend_from_slice(&[bits, N_LABELS as u8, n_passes as u8, variants.len() as u8]);
    for p in passes {
        out.extend_from_slice(&p.scale.to_le_bytes());
        for &t in &p.trans {
            out.extend_from_slice(&(t / p.scale).to_le_bytes());
        }
        out.extend_from_slice(&(p.n_rows() as u32).to_le_bytes());
        let n_bytes = (1usize << p.bits).div_ceil(8);
        let bitmap: Vec<u8> = p
            .blocks
            .iter()
            .flat_map(|b| b.bits.to_le_bytes())
            .take(n_bytes)
            .collect();
        out.extend_from_slice(&bitmap);
        for row in &p.rows[1..] {
            for &w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(ModelError::Malformed("truncated"))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or([0; 4]),
        ))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or([0; 4]),
        ))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().unwrap_or([0; 8]),
        ))
    }
}

/// Reads a model file, checking its header against this build.
pub fn read_model(bytes: &[u8], fingerprint: u64) -> Result<Vec<Vec<Weights>>, ModelError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(8).map_err(|_| ModelError::BadMagic)? != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(ModelError::Version { found: version });
    }
    let found = r.u64()?;
    if found != fingerprint {
        return Err(ModelError::Resources {
            found,
            expected: fingerprint,
        });
    }
    let head = r.take(4)?;
    let (bits, n_labels, n_passes, n_variants) = (
        head[0],
        head[1] as usize,
        head[2] as usize,
        head[3] as usize,
    );
    if n_labels != N_LABELS {
        return Err(ModelError::Malformed("label count"));
    }
    if !(8..=24).contains(&bits) || !(1..=4).contains(&n_passes) || !(1..=2).contains(&n_variants) {
        return Err(ModelError::Malformed("table size or pass count"));
    }
    let n_buckets = 1usize << bits;
    let mut passes = Vec::with_capacity(n_passes * n_variants);
    for _ in 0..n_passes * n_variants {
        let scale = r.f32()?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(ModelError::Malformed("scale"));
        }
        let mut trans = Vec::with_capacity(N_TRANS);
        for _ in 0..N_TRANS {
            let t = r.f32()?;
            if !t.is_finite() {
                return Err(ModelError::Malformed("transition weight"));
            }
            trans.push(t * scale);
        }
        let rows = r.u32()? as usize;
        let bitmap = r.take(n_buckets / 8)?;
        let data = r.take(
            rows.checked_mul(N_LABELS * 2)
                .ok_or(ModelError::Malformed("rows"))?,
        )?;
        let mut words = vec![0u64; n_buckets.div_ceil(64)];
        for (i, chunk) in bitmap.chunks(8).enumerate() {
            let mut b8 = [0u8; 8];
            b8[..chunk.len()].copy_from_slice(chunk);
            words[i] = u64::from_le_bytes(b8);
        }
        let set: usize = words.iter().map(|w| w.count_ones() as usize).sum();
        if set != rows {
            return Err(ModelError::Malformed("bitmap and row count disagree"));
        }
        let table: Vec<[i16; N_LABELS]> = data
            .chunks_exact(N_LABELS * 2)
            .map(|row| {
                let mut r = [0i16; N_LABELS];
                for (w, c) in r.iter_mut().zip(row.chunks_exact(2)) {
                    *w = i16::from_le_bytes([c[0], c[1]]);
                }
                r
            })
            .collect();
        passes.push(Weights::from_parts(bits, &words, table, scale, trans));
    }
    if r.at != bytes.len() {
        return Err(ModelError::Malformed("trailing bytes"));
    }
    let mut variants = Vec::with_capacity(n_variants);
    let mut passes = passes.into_iter();
    for _ in 0..n_variants {
        variants.push(passes.by_ref().take(n_passes).collect());
    }
    Ok(variants)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() {
        let bits = 8;
        let mut w = vec![0f32; (1 << bits) * N_LABELS];
        w[5 * N_LABELS + 3] = 2.5;
        w[200 * N_LABELS] = -1.0;
        let trans: Vec<f32> = (0..N_TRANS).map(|i| i as f32 / 100.0).collect();
        let q = Weights::quantize(bits, &w, &trans);
        let bytes = write_model(42, &[vec![q.clone()], vec![q.clone()]]);
        let back = read_model(&bytes, 42).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[1][0].rows, q.rows);
        assert_eq!(q.n_rows(), 2);
        assert_eq!(q.row(5).map(|r| r[3]), Some(32767));
        assert_eq!(q.row(200).map(|r| r[0]), Some(-13107));
        assert!(q.row(6).is_none());
        assert!(q.row(u32::MAX).is_none());
        assert!((back[0][0].trans[7] - q.trans[7]).abs() < 1e-2);
        assert_eq!(
            read_model(&bytes, 43).unwrap_err(),
            ModelError::Resources {
                found: 42,
                expected: 43
            }
        );
        assert_eq!(
            read_model(b"nonsense", 42).unwrap_err(),
            ModelError::BadMagic
        );
        let mut v2 = bytes.clone();
        v2[8] = 2;
        assert_eq!(
            read_model(&v2, 42).unwrap_err(),
            ModelError::Version { found: 2 }
        );
        for cut in [0, 10, 24, 100, bytes.len() - 1] {
            assert!(read_model(&bytes[..cut], 42).is_err());
        }
    }

    #[test]
    fn emissions_add_extra_features_to_local_ones() {
        use crate::features::SentFeatures;
        let bits = 8;
        let w: Vec<f32> = (0..(1 << bits) * N_LABELS)
            .map(|i| {
                if i % 7 == 0 {
                    (i % 13) as f32 - 6.0
                } else {
                    0.0
                }
            })
            .collect();
        let q = Weights::quantize(bits, &w, &[0.0; N_TRANS]);
        let local = SentFeatures {
            feats: vec![0, 7, 300, 14, 7],
            offsets: vec![0, 3, 5],
        };
        let extra = SentFeatures {
            feats: vec![21, 255, 28],
            offsets: vec![0, 1, 3],
        };
        let merged = SentFeatures {
            feats: vec![0, 7, 300, 21, 14, 7, 255, 28],
            offsets: vec![0, 4, 8],
        };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        q.emissions(&local, Some(&extra), &mut a);
        q.emissions(&merged, None, &mut b);
        assert_eq!(a, b);
        let expected: i32 = [0u32, 7, 21]
            .iter()
            .filter_map(|&f| q.row(f))
            .map(|r| r[0] as i32)
            .sum();
        assert_eq!(a[0][0], expected);
        assert_ne!(a[0], [0; N_LABELS]);
    }

    #[test]
    fn viterbi_respects_constraints() {
        let lattice = Lattice::new();
        let trans = vec![0f32; N_TRANS];
        let mut out = Vec::new();
        // Emissions favour I-PER everywhere, which may never start.
        lattice.viterbi(3, |_, y| if y == 2 { 10.0 } else { 0.0 }, &trans, &mut out);
        assert!(can_start(out[0]));
        for w in out.windows(2) {
            assert!(allowed(w[0], w[1]));
        }
        assert!(can_end(out[2]));
        lattice.viterbi(0, |_, _| 0.0, &trans, &mut out);
        assert!(out.is_empty());
    }
}
