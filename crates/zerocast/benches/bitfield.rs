// SPDX-License-Identifier: MIT OR Apache-2.0
//! Runtime cost of `bitfield!` accessors against the same shift and mask written by hand, on a
//! big-endian 16-bit field as on the wire (`U16<BigEndian>` storage against `[u8; 2]` pairs
//! with `from_be_bytes`/`to_be_bytes`):
//!
//! - `getter`: sum the 13-bit `offset` field over 1 MiB of words;
//! - `const_setter`: set it to a constant (`set_offset_const::<185>()`) in every word.
//!
//! `main` checks that each pair computes the same result before benchmarking: a correctness
//! check, not a timing assertion.
//!
//! Run: `cargo bench -p zerocast --bench bitfield`.

use std::hint::black_box as std_black_box;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use zerocast::byteorder::{BigEndian, U16};
use zerocast::{bitfield, FromBytes};

bitfield! {
    /// A flags-and-offset word, every pattern valid.
    struct FragWord(U16<BigEndian>) {
        15:13 flags as u8;
        12:0 offset as u16;
    }
}

/// Bytes per pass.
const LEN: usize = 1 << 20;

fn input() -> Vec<u8> {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    (0..LEN)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8
        })
        .collect()
}

#[inline(never)]
fn get_zerocast(bytes: &[u8]) -> u64 {
    // PANIC: `LEN` is even and `FragWord` has alignment 1.
    let words = <[FragWord]>::ref_from_bytes(bytes).unwrap();
    words
        .iter()
        .map(|w| u64::from(w.offset().get()))
        .fold(0, u64::wrapping_add)
}

#[inline(never)]
fn get_hand_written(bytes: &[u8]) -> u64 {
    // PANIC: `LEN` is even. (zerocast only splits the bytes into pairs here, as
    // `as_chunks` would; the field arithmetic is by hand.)
    let words = <[[u8; 2]]>::ref_from_bytes(bytes).unwrap();
    words
        .iter()
        .map(|w| u64::from(u16::from_be_bytes(*w) & 0x1fff))
        .fold(0, u64::wrapping_add)
}

#[inline(never)]
fn set_zerocast(bytes: &mut [u8]) {
    // PANIC: as in `get_zerocast`.
    let words = <[FragWord]>::mut_from_bytes(bytes).unwrap();
    for w in words {
        w.set_offset_const::<185>();
    }
}

#[inline(never)]
fn set_hand_written(bytes: &mut [u8]) {
    // PANIC: as in `get_hand_written`.
    let words = <[[u8; 2]]>::mut_from_bytes(bytes).unwrap();
    for w in words {
        *w = ((u16::from_be_bytes(*w) & !0x1fff) | 185).to_be_bytes();
    }
}

#[divan::bench_group(sample_count = 500)]
mod getter {
    use super::*;

    fn run(bencher: Bencher<'_, '_>, kernel: fn(&[u8]) -> u64) {
        let bytes = input();
        bencher
            .counter(BytesCount::new(LEN))
            .bench(|| kernel(black_box(&bytes)));
    }

    #[divan::bench]
    fn hand_written(bencher: Bencher<'_, '_>) {
        run(bencher, get_hand_written);
    }

    #[divan::bench]
    fn zerocast(bencher: Bencher<'_, '_>) {
        run(bencher, get_zerocast);
    }
}

#[divan::bench_group(sample_count = 500)]
mod const_setter {
    use super::*;

    fn run(bencher: Bencher<'_, '_>, kernel: fn(&mut [u8])) {
        let mut bytes = input();
        bencher
            .counter(BytesCount::new(LEN))
            .bench_local(|| kernel(black_box(&mut bytes)));
    }

    #[divan::bench]
    fn hand_written(bencher: Bencher<'_, '_>) {
        run(bencher, set_hand_written);
    }

    #[divan::bench]
    fn zerocast(bencher: Bencher<'_, '_>) {
        run(bencher, set_zerocast);
    }
}

fn main() {
    let bytes = input();
    assert_eq!(
        get_zerocast(std_black_box(&bytes)),
        get_hand_written(std_black_box(&bytes)),
        "the getters disagree"
    );
    let (mut a, mut b) = (bytes.clone(), bytes);
    set_zerocast(std_black_box(&mut a));
    set_hand_written(std_black_box(&mut b));
    assert_eq!(a, b, "the setters disagree");
    divan::main();
}
