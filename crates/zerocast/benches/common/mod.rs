// SPDX-License-Identifier: MIT OR Apache-2.0
//! Helpers shared by the benchmarks (included with `mod common;`; a directory, so that cargo
//! does not take it for a benchmark of its own).

/// Deterministic pseudo-random bytes (xorshift64*), the same on every run.
pub(crate) fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        out.extend_from_slice(&state.wrapping_mul(0x2545_f491_4f6c_dd1d).to_le_bytes());
    }
    out.truncate(len);
    out
}
