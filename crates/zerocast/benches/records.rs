// SPDX-License-Identifier: MIT OR Apache-2.0
//! Runtime cost of walking variable-length records with `zerocast::record::Records`, against
//! the same walk written by hand the way the Linux kernel's `nla_ok`/`nla_next` do it (read
//! `nla_len`, check it against the bytes left, step by its 4-aligned value), in safe code with
//! `from_ne_bytes` and slice indexing.
//!
//! The input is 16 MiB of netlink attributes with payloads of 0..=63 bytes (deterministic
//! pseudo-random lengths), each padded to 4. Each kernel sums every attribute's type, payload
//! length and first payload byte, so that all of each record is used. `main` checks that both
//! kernels agree before benchmarking: a correctness check, not a timing assertion.
//!
//! Run: `cargo bench -p zerocast --bench records`.

use std::hint::black_box as std_black_box;
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use zerocast::record::Records;
use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record};

/// Bytes per pass.
const LEN: usize = 16 << 20;

#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = nla_len, includes_header, align = 4)]
struct NlAttr {
    nla_len: u16,
    nla_type: u16,
    data: [u8],
}

/// 16 MiB of attributes in a 4-aligned buffer (a `Vec<u32>`'s).
static ATTRS: LazyLock<Vec<u32>> = LazyLock::new(|| {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut out = Vec::with_capacity(LEN + 80);
    let mut n = 0u16;
    while out.len() + 4 + 64 <= LEN {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let r = state.wrapping_mul(0x2545_f491_4f6c_dd1d);
        let payload = (r % 64) as usize;
        out.extend_from_slice(&(4 + payload as u16).to_ne_bytes());
        out.extend_from_slice(&n.to_ne_bytes());
        out.extend((0..payload).map(|i| (r >> (i % 56)) as u8));
        while out.len() % 4 != 0 {
            out.push(0);
        }
        n = n.wrapping_add(1);
    }
    let mut words = vec![0u32; out.len() / 4];
    words.as_mut_bytes().copy_from_slice(&out);
    words
});

fn bytes() -> &'static [u8] {
    ATTRS.as_bytes()
}

fn digest(ty: u16, data: &[u8]) -> u64 {
    u64::from(ty) + data.len() as u64 + u64::from(data.first().copied().unwrap_or(0))
}

#[inline(never)]
fn kernel_zerocast(bytes: &[u8]) -> u64 {
    let mut sum = 0u64;
    for attr in Records::<NlAttr>::new(bytes) {
        let Ok(attr) = attr else { break };
        sum = sum.wrapping_add(digest(attr.nla_type, &attr.data));
    }
    sum
}

#[inline(never)]
fn kernel_hand_written(bytes: &[u8]) -> u64 {
    let mut sum = 0u64;
    let mut rest = bytes;
    // `nla_ok`: a header fits, and `nla_len` is at least the header and at most what is left.
    while rest.len() >= 4 {
        let len = usize::from(u16::from_ne_bytes([rest[0], rest[1]]));
        if len < 4 || len > rest.len() {
            break;
        }
        let ty = u16::from_ne_bytes([rest[2], rest[3]]);
        sum = sum.wrapping_add(digest(ty, &rest[4..len]));
        // `nla_next`: step by the 4-aligned length, at most to the end.
        rest = &rest[len.next_multiple_of(4).min(rest.len())..];
    }
    sum
}

fn run(bencher: Bencher<'_, '_>, kernel: fn(&[u8]) -> u64) {
    let bytes = bytes();
    bencher
        .counter(BytesCount::of_slice(bytes))
        .bench(|| kernel(black_box(bytes)));
}

#[divan::bench(sample_count = 200, sample_size = 1)]
fn hand_written(bencher: Bencher<'_, '_>) {
    run(bencher, kernel_hand_written);
}

#[divan::bench(sample_count = 200, sample_size = 1)]
fn zerocast(bencher: Bencher<'_, '_>) {
    run(bencher, kernel_zerocast);
}

fn main() {
    let bytes = bytes();
    let a = kernel_hand_written(std_black_box(bytes));
    let b = kernel_zerocast(std_black_box(bytes));
    assert_eq!(a, b, "the two walks disagree");
    assert_eq!(
        Records::<NlAttr>::new(bytes).filter(Result::is_ok).count(),
        Records::<NlAttr>::new(bytes).count(),
        "every attribute is read"
    );
    divan::main();
}
