// SPDX-License-Identifier: MIT OR Apache-2.0
//! Cost of the byte-order numbers' `get` and `set`, side by side with hand-written
//! `from_be_bytes`/`to_be_bytes` over byte arrays and with zerocopy 0.8's byte-order types, on
//! the same data in one run.
//!
//! Each workload is a module; each implementation is a function in it, so divan prints
//! `get_u32_be::zerocast`, `get_u32_be::hand_written`, and so on. The work sits in
//! `#[inline(never)]` kernels (`kernel_*`) with the same loop shape for every implementation:
//!
//! - `get_u32_be`, `get_u64_le`: sum (wrapping) `get()` over a 16 KiB slice of
//!   `U32<BigEndian>` / `U64<LittleEndian>` (hand-written: `u32::from_be_bytes` over
//!   `[u8; 4]`).
//! - `set_u32_be`, `set_u64_le`: `set(seed ^ i)` into every element of such a slice
//!   (hand-written: `to_be_bytes`).
//!
//! With optimizations, LLVM compiles the three kernels of each workload to the same machine
//! code and merges them into one function: `nm -C <bench binary> | grep kernel_` shows the
//! three names at one address (Rust 1.95, x86_64). That identity is the real result; the timings
//! then differ by measurement noise only, which the spread of `tools/bench-ratio.py`'s per-round
//! ratios shows.
//!
//! 16 KiB fits in the L1 cache, so the loops measure the conversions, not memory. `main`
//! first checks that the implementations compute the same results (a correctness check, not a
//! timing assertion).
//!
//! Run: `cargo bench -p zerocast --bench byteorder`; `tools/bench-ratio.py --bench byteorder`
//! runs it in rotating order over several rounds and prints zerocast / hand-written ratios.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};

mod common;
use common::noise;

/// Bytes per pass of every workload.
const LEN: usize = 16 << 10;

/// One number type in one order: a `get` workload and a `set` workload.
macro_rules! workloads {
    ($get:ident, $set:ident, $native:ident, $n:literal, $from:ident, $to:ident,
     $zc:ty, $zcopy:ty, $seed:literal) => {
        mod $get {
            use super::*;

            #[inline(never)]
            pub(super) fn kernel_hand_written(words: &[[u8; $n]]) -> $native {
                let mut sum: $native = 0;
                for w in words {
                    sum = sum.wrapping_add($native::$from(*w));
                }
                sum
            }

            #[inline(never)]
            pub(super) fn kernel_zerocast(words: &[$zc]) -> $native {
                let mut sum: $native = 0;
                for w in words {
                    sum = sum.wrapping_add(w.get());
                }
                sum
            }

            #[inline(never)]
            pub(super) fn kernel_zerocopy(words: &[$zcopy]) -> $native {
                let mut sum: $native = 0;
                for w in words {
                    sum = sum.wrapping_add(w.get());
                }
                sum
            }

            pub(super) fn data() -> Vec<u8> {
                noise(LEN, $seed)
            }

            /// The three kernels' results on `bytes`, viewed as each slice type.
            pub(super) fn results(bytes: &[u8]) -> [$native; 3] {
                [
                    kernel_hand_written(
                        <[[u8; $n]] as zerocast::FromBytes>::ref_from_bytes(bytes).unwrap(),
                    ),
                    kernel_zerocast(<[$zc] as zerocast::FromBytes>::ref_from_bytes(bytes).unwrap()),
                    kernel_zerocopy(
                        <[$zcopy] as zerocopy::FromBytes>::ref_from_bytes(bytes).unwrap(),
                    ),
                ]
            }

            #[divan::bench(sample_count = 500)]
            fn hand_written(bencher: Bencher<'_, '_>) {
                let bytes = data();
                let words = <[[u8; $n]] as zerocast::FromBytes>::ref_from_bytes(&bytes).unwrap();
                bencher
                    .counter(BytesCount::new(LEN))
                    .bench(|| kernel_hand_written(black_box(words)));
            }

            #[divan::bench(sample_count = 500)]
            fn zerocast(bencher: Bencher<'_, '_>) {
                let bytes = data();
                let words = <[$zc] as zerocast::FromBytes>::ref_from_bytes(&bytes).unwrap();
                bencher
                    .counter(BytesCount::new(LEN))
                    .bench(|| kernel_zerocast(black_box(words)));
            }

            #[divan::bench(sample_count = 500)]
            fn zerocopy(bencher: Bencher<'_, '_>) {
                let bytes = data();
                let words = <[$zcopy] as zerocopy::FromBytes>::ref_from_bytes(&bytes).unwrap();
                bencher
                    .counter(BytesCount::new(LEN))
                    .bench(|| kernel_zerocopy(black_box(words)));
            }
        }

        mod $set {
            use super::*;

            #[inline(never)]
            pub(super) fn kernel_hand_written(words: &mut [[u8; $n]], seed: $native) {
                let mut v = seed;
                for w in words {
                    *w = v.$to();
                    v = v.wrapping_add(seed);
                }
            }

            #[inline(never)]
            pub(super) fn kernel_zerocast(words: &mut [$zc], seed: $native) {
                let mut v = seed;
                for w in words {
                    w.set(v);
                    v = v.wrapping_add(seed);
                }
            }

            #[inline(never)]
            pub(super) fn kernel_zerocopy(words: &mut [$zcopy], seed: $native) {
                let mut v = seed;
                for w in words {
                    w.set(v);
                    v = v.wrapping_add(seed);
                }
            }

            /// The bytes each kernel writes, from the same seed.
            pub(super) fn results(seed: $native) -> [Vec<u8>; 3] {
                let mut out = [vec![0u8; LEN], vec![0u8; LEN], vec![0u8; LEN]];
                kernel_hand_written(
                    <[[u8; $n]] as zerocast::FromBytes>::mut_from_bytes(&mut out[0]).unwrap(),
                    seed,
                );
                kernel_zerocast(
                    <[$zc] as zerocast::FromBytes>::mut_from_bytes(&mut out[1]).unwrap(),
                    seed,
                );
                kernel_zerocopy(
                    <[$zcopy] as zerocopy::FromBytes>::mut_from_bytes(&mut out[2]).unwrap(),
                    seed,
                );
                out
            }

            #[divan::bench(sample_count = 500)]
            fn hand_written(bencher: Bencher<'_, '_>) {
                let mut bytes = vec![0u8; LEN];
                let words =
                    <[[u8; $n]] as zerocast::FromBytes>::mut_from_bytes(&mut bytes).unwrap();
                bencher
                    .counter(BytesCount::new(LEN))
                    .bench_local(|| kernel_hand_written(black_box(&mut *words), black_box(0x9e37)));
            }

            #[divan::bench(sample_count = 500)]
            fn zerocast(bencher: Bencher<'_, '_>) {
                let mut bytes = vec![0u8; LEN];
                let words = <[$zc] as zerocast::FromBytes>::mut_from_bytes(&mut bytes).unwrap();
                bencher
                    .counter(BytesCount::new(LEN))
                    .bench_local(|| kernel_zerocast(black_box(&mut *words), black_box(0x9e37)));
            }

            #[divan::bench(sample_count = 500)]
            fn zerocopy(bencher: Bencher<'_, '_>) {
                let mut bytes = vec![0u8; LEN];
                let words = <[$zcopy] as zerocopy::FromBytes>::mut_from_bytes(&mut bytes).unwrap();
                bencher
                    .counter(BytesCount::new(LEN))
                    .bench_local(|| kernel_zerocopy(black_box(&mut *words), black_box(0x9e37)));
            }
        }
    };
}

workloads!(
    get_u32_be,
    set_u32_be,
    u32,
    4,
    from_be_bytes,
    to_be_bytes,
    zerocast::byteorder::U32<zerocast::byteorder::BigEndian>,
    zerocopy::byteorder::U32<zerocopy::byteorder::BigEndian>,
    0x3a5c
);
workloads!(
    get_u64_le,
    set_u64_le,
    u64,
    8,
    from_le_bytes,
    to_le_bytes,
    zerocast::byteorder::U64<zerocast::byteorder::LittleEndian>,
    zerocopy::byteorder::U64<zerocopy::byteorder::LittleEndian>,
    0x64e1
);

fn main() {
    // The kernels agree with each other before anything is timed.
    let bytes = get_u32_be::data();
    let [hand, zc, zcopy] = get_u32_be::results(&bytes);
    let want = bytes.chunks_exact(4).fold(0u32, |s, c| {
        s.wrapping_add(
            u32::from(c[0]) << 24 | u32::from(c[1]) << 16 | u32::from(c[2]) << 8 | u32::from(c[3]),
        )
    });
    assert!(
        hand == want && zc == want && zcopy == want,
        "get_u32_be disagree"
    );
    let bytes = get_u64_le::data();
    let [hand, zc, zcopy] = get_u64_le::results(&bytes);
    let want = bytes.chunks_exact(8).fold(0u64, |s, c| {
        s.wrapping_add(c.iter().rev().fold(0u64, |v, &b| v << 8 | u64::from(b)))
    });
    assert!(
        hand == want && zc == want && zcopy == want,
        "get_u64_le disagree"
    );
    let [hand, zc, zcopy] = set_u32_be::results(0x1234_5679);
    assert!(hand == zc && zc == zcopy, "set_u32_be disagree");
    assert_eq!(&hand[4..8], &0x2468_acf2u32.to_be_bytes());
    let [hand, zc, zcopy] = set_u64_le::results(0x1234_5679);
    assert!(hand == zc && zc == zcopy, "set_u64_le disagree");
    assert_eq!(&hand[8..16], &0x2468_acf2u64.to_le_bytes());
    divan::main();
}
