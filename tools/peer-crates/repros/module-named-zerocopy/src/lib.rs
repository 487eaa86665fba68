// SPDX-License-Identifier: MIT OR Apache-2.0
//! s2n-codec 0.91.0 has a public module named after the crate it wraps (`pub mod zerocopy;`,
//! in src/zerocopy.rs). The guide's sed turns the `mod` line into `pub mod zerocast;`, and
//! there is no src/zerocast.rs.
pub mod zerocopy;

pub fn be16(bytes: [u8; 2]) -> u16 {
    zerocopy::U16::from_bytes(bytes).get()
}
