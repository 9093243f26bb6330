//! Feature hashing: 64-bit hashes of strings and of combinations, cut to a
//! bucket of the weight table. Stable across platforms and releases of Rust
//! (no `std` hasher), because the shipped model's weights are stored by
//! bucket.

/// FNV-1a over bytes, seeded.
#[inline]
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(0, s.as_bytes())
}

/// The key of one lower-cased token, for phrase matching and the
/// word-vector table.
#[inline]
pub fn token_key(lower: &str) -> u64 {
    hash_bytes(7, lower.as_bytes())
}

/// Combines two hashes (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut h = a.rotate_left(23) ^ b;
    h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 29)
}

/// The bucket of a feature hash in a table of `2^bits` rows.
#[inline]
pub fn bucket(h: u64, bits: u8) -> u32 {
    let h = (h ^ (h >> 31)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (h >> (64 - bits as u32)) as u32
}

/// A fast, deterministic hasher for the tagger's maps (keys are short
/// strings or already-hashed `u64`s; no untrusted-key flooding concern that
/// would call for SipHash, since a map lives for one document or one model).
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.0 = mix(self.0, n as u64);
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = mix(self.0, n);
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;
