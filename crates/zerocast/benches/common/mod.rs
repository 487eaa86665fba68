// SPDX-License-Identifier: MIT OR Apache-2.0
//! Helpers shared by the benchmarks (included with `mod common;`; a directory, so that cargo
//! does not take it for a benchmark of its own).

// Each benchmark uses the part it needs.
#![allow(dead_code)]

/// The benchmarks' one pseudo-random generator, SplitMix64 (the same as the tests' `Rng` in
/// `tests/api/common.rs`; benchmarks cannot import test code): seeded by the caller, so every
/// run measures the same bytes.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    /// The next 64 random bits.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A random byte (the top 8 bits).
    pub(crate) fn byte(&mut self) -> u8 {
        self.next().to_le_bytes()[7]
    }
}

/// `len` deterministic pseudo-random bytes, the same on every run.
pub(crate) fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed);
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        out.extend_from_slice(&rng.next().to_le_bytes());
    }
    out.truncate(len);
    out
}
