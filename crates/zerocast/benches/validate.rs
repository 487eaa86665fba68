// SPDX-License-Identifier: MIT OR Apache-2.0
//! Validating large byte slices as `[bool]`, `[Mode]` (a sparse one-byte enum) and `[Flags]`
//! (a `repr(C)` struct of a `bool` and a `Mode`): zerocast side by side with a plain read of
//! the bytes (the memory-speed limit), a hand-written chunked check, zerocopy 0.8 and bytemuck,
//! on the same valid bytes in one run.
//!
//! Each workload is a module named `<type>_<size>` (`mode_16mib`, `flags_64kib`, ...): 16 MiB
//! (memory-bound) and 64 KiB (cache-resident); each implementation is a function in it. The
//! work sits in `#[inline(never)]` kernels (`kernel_*`), one call per pass, so that they can be
//! found in the bench binary's disassembly (`objdump -d --no-show-raw-insn <binary>`).
//!
//! Before benchmarking, `main` checks that every kernel accepts the valid bytes and rejects
//! copies with one invalid byte: a correctness check, not a timing assertion.
//!
//! Run: `cargo bench -p zerocast --bench validate`; `tools/bench-ratio.py --bench validate`
//! runs it several times and prints ns/byte and the ratios zerocast/hand-written and
//! zerocopy/zerocast.

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};

mod common;
use common::Rng;

/// A sparse one-byte enum: discriminants in three ranges.
#[derive(
    zerocast::TryFromBytes,
    zerocast::KnownLayout,
    zerocast::Immutable,
    zerocopy::TryFromBytes,
    zerocopy::KnownLayout,
    zerocopy::Immutable,
    bytemuck::CheckedBitPattern,
    Clone,
    Copy,
    Debug,
)]
#[repr(u8)]
enum Mode {
    Off = 0,
    On = 1,
    Auto = 2,
    Test = 7,
    Fault = 200,
}

/// A struct of one-byte fields with invalid values.
#[derive(
    zerocast::TryFromBytes,
    zerocast::KnownLayout,
    zerocast::Immutable,
    zerocopy::TryFromBytes,
    zerocopy::KnownLayout,
    zerocopy::Immutable,
    bytemuck::CheckedBitPattern,
    Clone,
    Copy,
    Debug,
)]
#[repr(C)]
struct Flags {
    a: bool,
    mode: Mode,
}

/// The valid `Mode` bytes, for the hand-written checks (`|`, not `||`: no branch).
#[inline(always)]
fn mode_ok(b: u8) -> bool {
    (b <= 2) | (b == 7) | (b == 200)
}

/// `len` valid bytes for an element type whose byte `i % period` must satisfy `ok`,
/// pseudo-random ([`Rng`]) and the same on every run.
fn valid_bytes(len: usize, seed: u64, ok: fn(usize, u8) -> bool) -> Vec<u8> {
    let mut rng = Rng(seed);
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        let b = rng.byte();
        if ok(out.len(), b) {
            out.push(b);
        } else if ok(out.len(), b & 1) {
            out.push(b & 1);
        }
    }
    out
}

/// The memory-speed limit: every byte read and ORed, no decision per byte.
#[inline(never)]
fn kernel_plain_read(buf: &[u8]) -> usize {
    black_box(buf.iter().fold(0u8, |acc, &b| acc | b));
    buf.len()
}

/// A hand-written chunked check: per 256-byte block, a branch-free OR of `bad(lane, byte)`
/// (`lane`: the byte's index modulo 32, for multi-byte elements), one test per block; returns
/// the element count, or `usize::MAX` if invalid.
#[inline(always)]
fn chunked(buf: &[u8], size: usize, bad: impl Fn(usize, u8) -> bool) -> usize {
    let mut blocks = buf.chunks_exact(256);
    for block in &mut blocks {
        let mut any = 0u8;
        for (i, &b) in block.iter().enumerate() {
            any |= u8::from(bad(i % 32, b));
        }
        if any != 0 {
            return usize::MAX;
        }
    }
    let rest = blocks.remainder();
    if rest.iter().enumerate().any(|(i, &b)| bad(i % 32, b)) {
        return usize::MAX;
    }
    buf.len() / size
}

macro_rules! workload {
    ($name:ident, $ty:ty, $len:expr, $samples:expr, $seed:expr, $ok:expr, $hand:expr) => {
        mod $name {
            //! One element type at one size.

            use super::*;

            pub(super) static BUF: LazyLock<Vec<u8>> =
                LazyLock::new(|| valid_bytes($len, $seed, $ok));

            pub(super) use super::kernel_plain_read;

            #[inline(never)]
            pub(super) fn kernel_hand_written(buf: &[u8]) -> usize {
                $hand(buf)
            }

            #[inline(never)]
            pub(super) fn kernel_zerocast(buf: &[u8]) -> usize {
                use zerocast::TryFromBytes;
                <[$ty]>::try_ref_from_bytes(buf).map_or(usize::MAX, |s| s.len())
            }

            #[inline(never)]
            pub(super) fn kernel_zerocopy(buf: &[u8]) -> usize {
                use zerocopy::TryFromBytes;
                <[$ty]>::try_ref_from_bytes(buf).map_or(usize::MAX, |s| s.len())
            }

            #[inline(never)]
            pub(super) fn kernel_bytemuck(buf: &[u8]) -> usize {
                bytemuck::checked::try_cast_slice::<u8, $ty>(buf).map_or(usize::MAX, |s| s.len())
            }

            fn run(bencher: Bencher<'_, '_>, kernel: fn(&[u8]) -> usize) {
                let buf: &[u8] = &BUF;
                bencher
                    .counter(BytesCount::of_slice(buf))
                    .bench(|| kernel(black_box(buf)));
            }

            #[divan::bench(sample_count = $samples)]
            fn plain_read(bencher: Bencher<'_, '_>) {
                run(bencher, kernel_plain_read);
            }

            #[divan::bench(sample_count = $samples)]
            fn hand_written(bencher: Bencher<'_, '_>) {
                run(bencher, kernel_hand_written);
            }

            #[divan::bench(sample_count = $samples)]
            fn zerocast(bencher: Bencher<'_, '_>) {
                run(bencher, kernel_zerocast);
            }

            #[divan::bench(sample_count = $samples)]
            fn zerocopy(bencher: Bencher<'_, '_>) {
                run(bencher, kernel_zerocopy);
            }

            #[divan::bench(sample_count = $samples)]
            fn bytemuck(bencher: Bencher<'_, '_>) {
                run(bencher, kernel_bytemuck);
            }

            /// Every kernel accepts the valid bytes and rejects each of a few corrupted copies.
            pub(super) fn agree() {
                let kernels: [(&str, fn(&[u8]) -> usize); 4] = [
                    ("hand_written", kernel_hand_written),
                    ("zerocast", kernel_zerocast),
                    ("zerocopy", kernel_zerocopy),
                    ("bytemuck", kernel_bytemuck),
                ];
                let buf: &[u8] = &BUF;
                let n = buf.len() / size_of::<$ty>();
                let ok: fn(usize, u8) -> bool = $ok;
                for (name, k) in kernels {
                    assert_eq!(
                        k(buf),
                        n,
                        "{}: {name} rejects valid bytes",
                        stringify!($name)
                    );
                    for at in [0, 1, 255, 256, 4097, buf.len() / 2 + 3, buf.len() - 1] {
                        let mut bad = buf.to_vec();
                        bad[at] = (0..=255u8).find(|&b| !ok(at, b)).unwrap();
                        assert_eq!(k(&bad), usize::MAX, "{}: {name} @ {at}", stringify!($name));
                    }
                }
            }
        }
    };
}

const BIG: usize = 16 << 20;
const SMALL: usize = 64 << 10;

fn bool_ok(_: usize, b: u8) -> bool {
    b <= 1
}
fn mode_ok_at(_: usize, b: u8) -> bool {
    mode_ok(b)
}
fn flags_ok(i: usize, b: u8) -> bool {
    if i % 2 == 0 {
        b <= 1
    } else {
        mode_ok(b)
    }
}
fn hand_bool(buf: &[u8]) -> usize {
    chunked(buf, 1, |_, b| b > 1)
}
fn hand_mode(buf: &[u8]) -> usize {
    chunked(buf, 1, |_, b| !mode_ok(b))
}
fn hand_flags(buf: &[u8]) -> usize {
    if buf.len() % 2 != 0 {
        return usize::MAX;
    }
    // Per 256-byte block, the two fields' checks on the even and odd bytes.
    let mut blocks = buf.chunks_exact(256);
    for block in &mut blocks {
        let mut any = 0u8;
        for pair in block.chunks_exact(2) {
            any |= u8::from(pair[0] > 1) | u8::from(!mode_ok(pair[1]));
        }
        if any != 0 {
            return usize::MAX;
        }
    }
    let rest = blocks.remainder();
    if rest.chunks_exact(2).any(|p| p[0] > 1 || !mode_ok(p[1])) {
        return usize::MAX;
    }
    buf.len() / 2
}

workload!(bool_16mib, bool, BIG, 50, 11, bool_ok, hand_bool);
workload!(bool_64kib, bool, SMALL, 500, 12, bool_ok, hand_bool);
workload!(mode_16mib, Mode, BIG, 50, 13, mode_ok_at, hand_mode);
workload!(mode_64kib, Mode, SMALL, 500, 14, mode_ok_at, hand_mode);
workload!(flags_16mib, Flags, BIG, 50, 15, flags_ok, hand_flags);
workload!(flags_64kib, Flags, SMALL, 500, 16, flags_ok, hand_flags);

fn main() {
    bool_16mib::agree();
    bool_64kib::agree();
    mode_16mib::agree();
    mode_64kib::agree();
    flags_16mib::agree();
    flags_64kib::agree();
    divan::main();
}
