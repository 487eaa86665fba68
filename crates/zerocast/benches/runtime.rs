// SPDX-License-Identifier: MIT OR Apache-2.0
//! Runtime cost of zerocast's conversions, side by side with hand-written unsafe code,
//! zerocopy 0.8 and bytemuck, on the same workloads and the same data in one run.
//!
//! Each workload is a module; each implementation is a function in it, so divan prints
//! `header_every_offset::zerocast`, `header_every_offset::hand_written`, and so on. The work
//! itself sits in `#[inline(never)]` kernels (`kernel_*`), one call per 16 MiB pass, so that the
//! kernels can be compared in the bench binary's disassembly (`objdump -d --no-show-raw-insn
//! <bench binary> | less`, search for `kernel_zerocast`).
//!
//! - `header_every_offset`: a 20-byte big-endian, alignment-1 header parsed at every offset of
//!   16 MiB (`ref_from_prefix`; bytemuck: `try_from_bytes` on a 20-byte sub-slice), a few fields
//!   decoded with `from_be_bytes` into a checksum.
//! - `sum_u32_slice`: 16 MiB of aligned bytes viewed as `[u32]` and summed.
//! - `read_record`: a 64-byte record of `u32`/`u64` fields copied out (`read_from_bytes`;
//!   bytemuck: `try_pod_read_unaligned`) from every 64-byte chunk of 16 MiB that starts at a
//!   misaligned address.
//!
//! Before benchmarking, `main` checks that the four implementations of each workload compute
//! the same result as a plain safe-std reference: a correctness check, not a timing assertion.
//!
//! Run: `cargo bench -p zerocast --bench runtime` (add `-- header` to run one workload);
//! `tools/bench-ratio.py` runs it and prints zerocast / hand-written ratios.

use std::hint::black_box as std_black_box;
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};

mod common;
use common::noise;

/// Bytes per pass of every workload.
const LEN: usize = 16 << 20;

/// An IPv4-like header: 20 bytes, alignment 1, multi-byte fields big-endian byte arrays.
#[derive(
    zerocast::FromBytes,
    zerocast::IntoBytes,
    zerocast::KnownLayout,
    zerocast::Immutable,
    zerocast::Unaligned,
    zerocopy::FromBytes,
    zerocopy::IntoBytes,
    zerocopy::KnownLayout,
    zerocopy::Immutable,
    zerocopy::Unaligned,
    bytemuck::Pod,
    bytemuck::Zeroable,
    Clone,
    Copy,
)]
#[repr(C)]
struct Header {
    version_ihl: u8,
    tos: u8,
    total_len: [u8; 2],
    ident: [u8; 2],
    flags_frag: [u8; 2],
    ttl: u8,
    protocol: u8,
    checksum: [u8; 2],
    src: [u8; 4],
    dst: [u8; 4],
}

/// A 64-byte record of `u64`/`u32` fields, alignment 8, no padding.
#[derive(
    zerocast::FromBytes,
    zerocast::IntoBytes,
    zerocast::KnownLayout,
    zerocast::Immutable,
    zerocopy::FromBytes,
    zerocopy::IntoBytes,
    zerocopy::KnownLayout,
    zerocopy::Immutable,
    bytemuck::Pod,
    bytemuck::Zeroable,
    Clone,
    Copy,
)]
#[repr(C)]
struct Record {
    id: u64,
    timestamp: u64,
    flags: u32,
    kind: u32,
    len: u32,
    crc: u32,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
}

mod header_every_offset {
    //! Workload (a): parse a header at every offset.

    use std::mem::size_of;

    use super::{black_box, Bencher, BytesCount, Header, LazyLock, LEN};

    pub(super) static BUF: LazyLock<Vec<u8>> = LazyLock::new(|| super::noise(LEN, 0x1f2e_3d4c));

    /// The per-header work shared by every implementation.
    #[inline(always)]
    fn digest(h: &Header) -> u64 {
        let total_len = u16::from_be_bytes(h.total_len);
        let frag = u16::from_be_bytes(h.flags_frag) & 0x1fff;
        let src = u32::from_be_bytes(h.src);
        let dst = u32::from_be_bytes(h.dst);
        u64::from(h.version_ihl & 0x0f)
            + u64::from(total_len)
            + u64::from(frag)
            + u64::from(h.ttl)
            + (u64::from(src) << 8 ^ u64::from(dst))
    }

    /// Safe-std reference: decodes the fields straight from byte ranges.
    pub(super) fn reference(buf: &[u8]) -> u64 {
        let mut sum = 0u64;
        for w in buf.windows(size_of::<Header>()) {
            let be16 = |i: usize| u64::from(u16::from_be_bytes([w[i], w[i + 1]]));
            let be32 =
                |i: usize| u64::from(u32::from_be_bytes([w[i], w[i + 1], w[i + 2], w[i + 3]]));
            let d = u64::from(w[0] & 0x0f)
                + be16(2)
                + (be16(6) & 0x1fff)
                + u64::from(w[8])
                + (be32(12) << 8 ^ be32(16));
            sum = sum.wrapping_add(d);
        }
        sum
    }

    #[inline(never)]
    pub(super) fn kernel_hand_written(buf: &[u8]) -> u64 {
        let mut sum = 0u64;
        for off in 0..buf.len() {
            let rest = &buf[off..];
            if rest.len() < size_of::<Header>() {
                break;
            }
            // SAFETY: `rest` holds at least `size_of::<Header>()` readable bytes (checked above),
            // borrowed shared for this iteration; `Header` has alignment 1 (all fields are `u8`
            // or `[u8; N]`, `repr(C)`) and any bytes are a valid `Header`, with no interior
            // mutability.
            let h = unsafe { &*rest.as_ptr().cast::<Header>() };
            sum = sum.wrapping_add(digest(h));
        }
        sum
    }

    #[inline(never)]
    pub(super) fn kernel_zerocast(buf: &[u8]) -> u64 {
        use zerocast::FromBytes;
        let mut sum = 0u64;
        for off in 0..buf.len() {
            let Ok((h, _)) = Header::ref_from_prefix(&buf[off..]) else {
                break;
            };
            sum = sum.wrapping_add(digest(h));
        }
        sum
    }

    #[inline(never)]
    pub(super) fn kernel_zerocopy(buf: &[u8]) -> u64 {
        use zerocopy::FromBytes;
        let mut sum = 0u64;
        for off in 0..buf.len() {
            let Ok((h, _)) = Header::ref_from_prefix(&buf[off..]) else {
                break;
            };
            sum = sum.wrapping_add(digest(h));
        }
        sum
    }

    #[inline(never)]
    pub(super) fn kernel_bytemuck(buf: &[u8]) -> u64 {
        let mut sum = 0u64;
        for off in 0..buf.len() {
            let Some(bytes) = buf[off..].get(..size_of::<Header>()) else {
                break;
            };
            let Ok(h) = bytemuck::try_from_bytes::<Header>(bytes) else {
                break;
            };
            sum = sum.wrapping_add(digest(h));
        }
        sum
    }

    fn run(bencher: Bencher<'_, '_>, kernel: fn(&[u8]) -> u64) {
        let buf: &[u8] = &BUF;
        bencher
            .counter(BytesCount::of_slice(buf))
            .bench(|| kernel(black_box(buf)));
    }

    #[divan::bench(sample_count = 50, sample_size = 1)]
    fn hand_written(bencher: Bencher<'_, '_>) {
        run(bencher, kernel_hand_written);
    }

    #[divan::bench(sample_count = 50, sample_size = 1)]
    fn zerocast(bencher: Bencher<'_, '_>) {
        run(bencher, kernel_zerocast);
    }

    #[divan::bench(sample_count = 50, sample_size = 1)]
    fn zerocopy(bencher: Bencher<'_, '_>) {
        run(bencher, kernel_zerocopy);
    }

    #[divan::bench(sample_count = 50, sample_size = 1)]
    fn bytemuck(bencher: Bencher<'_, '_>) {
        run(bencher, kernel_bytemuck);
    }
}

mod sum_u32_slice {
    //! Workload (b): view aligned bytes as `[u32]` and sum them.

    use super::{black_box, Bencher, BytesCount, LazyLock, LEN};

    /// 16 MiB of noise in `u64` storage, so that its bytes are aligned for `u32`.
    pub(super) static WORDS: LazyLock<Vec<u64>> = LazyLock::new(|| {
        super::noise(LEN, 0x5a5a_0f0f)
            .chunks_exact(8)
            .map(|c| u64::from_ne_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect()
    });

    /// The aligned bytes every implementation starts from.
    pub(super) fn bytes() -> &'static [u8] {
        zerocast::IntoBytes::as_bytes(&WORDS[..])
    }

    #[inline(always)]
    fn sum(words: &[u32]) -> u64 {
        u64::from(words.iter().fold(0u32, |acc, &w| acc.wrapping_add(w)))
    }

    /// Safe-std reference.
    pub(super) fn reference(bytes: &[u8]) -> u64 {
        let s = bytes.chunks_exact(4).fold(0u32, |acc, c| {
            acc.wrapping_add(u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
        });
        u64::from(s)
    }

    #[inline(never)]
    pub(super) fn kernel_hand_written(bytes: &[u8]) -> u64 {
        let ptr = bytes.as_ptr().cast::<u32>();
        if !ptr.is_aligned() || bytes.len() % size_of::<u32>() != 0 {
            return u64::MAX;
        }
        // SAFETY: `from_raw_parts` needs `len * 4` readable, initialized bytes at a non-null
        // pointer aligned for `u32`, unchanged for the slice's lifetime, `len * 4 <= isize::MAX`:
        // `bytes` is exactly that many bytes (its length is a multiple of 4, checked above),
        // borrowed shared, at an address checked to be aligned; any bytes are a valid `u32`.
        let words = unsafe { std::slice::from_raw_parts(ptr, bytes.len() / size_of::<u32>()) };
        sum(words)
    }

    #[inline(never)]
    pub(super) fn kernel_zerocast(bytes: &[u8]) -> u64 {
        use zerocast::FromBytes;
        match <[u32]>::ref_from_bytes(bytes) {
            Ok(words) => sum(words),
            Err(_) => u64::MAX,
        }
    }

    #[inline(never)]
    pub(super) fn kernel_zerocopy(bytes: &[u8]) -> u64 {
        use zerocopy::FromBytes;
        match <[u32]>::ref_from_bytes(bytes) {
            Ok(words) => sum(words),
            Err(_) => u64::MAX,
        }
    }

    #[inline(never)]
    pub(super) fn kernel_bytemuck(bytes: &[u8]) -> u64 {
        match bytemuck::try_cast_slice::<u8, u32>(bytes) {
            Ok(words) => sum(words),
            Err(_) => u64::MAX,
        }
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

    #[divan::bench(sample_count = 200, sample_size = 1)]
    fn zerocopy(bencher: Bencher<'_, '_>) {
        run(bencher, kernel_zerocopy);
    }

    #[divan::bench(sample_count = 200, sample_size = 1)]
    fn bytemuck(bencher: Bencher<'_, '_>) {
        run(bencher, kernel_bytemuck);
    }
}

mod read_record {
    //! Workload (c): copy a 64-byte record out of every 64-byte chunk at a misaligned address.

    use std::mem::size_of;

    use super::{black_box, Bencher, BytesCount, LazyLock, Record, LEN};

    /// How far the chunks start past the (8-aligned) allocation: misaligned for `Record`.
    const MISALIGN: usize = 3;

    pub(super) static BUF: LazyLock<Vec<u8>> =
        LazyLock::new(|| super::noise(LEN + MISALIGN, 0x0bad_cafe));

    /// The misaligned bytes every implementation starts from.
    pub(super) fn bytes() -> &'static [u8] {
        &BUF[MISALIGN..]
    }

    /// The per-record work shared by every implementation: touches every field.
    #[inline(always)]
    fn digest(r: &Record) -> u64 {
        let small = u64::from(r.flags) ^ u64::from(r.kind) << 7 ^ u64::from(r.len) << 13;
        r.id.wrapping_add(r.timestamp.rotate_left(5))
            ^ small.wrapping_add(u64::from(r.crc))
            ^ r.a.wrapping_mul(3)
            ^ r.b.rotate_left(17)
            ^ r.c.wrapping_add(r.d)
    }

    /// Safe-std reference: decodes native-endian fields from byte ranges.
    pub(super) fn reference(bytes: &[u8]) -> u64 {
        let u64_at = |c: &[u8], i: usize| {
            let mut a = [0u8; 8];
            a.copy_from_slice(&c[i..i + 8]);
            u64::from_ne_bytes(a)
        };
        let u32_at = |c: &[u8], i: usize| {
            let mut a = [0u8; 4];
            a.copy_from_slice(&c[i..i + 4]);
            u32::from_ne_bytes(a)
        };
        let mut sum = 0u64;
        for c in bytes.chunks_exact(size_of::<Record>()) {
            let r = Record {
                id: u64_at(c, 0),
                timestamp: u64_at(c, 8),
                flags: u32_at(c, 16),
                kind: u32_at(c, 20),
                len: u32_at(c, 24),
                crc: u32_at(c, 28),
                a: u64_at(c, 32),
                b: u64_at(c, 40),
                c: u64_at(c, 48),
                d: u64_at(c, 56),
            };
            sum = sum.wrapping_add(digest(&r));
        }
        sum
    }

    #[inline(never)]
    pub(super) fn kernel_hand_written(bytes: &[u8]) -> u64 {
        let mut sum = 0u64;
        for chunk in bytes.chunks_exact(size_of::<Record>()) {
            if chunk.len() != size_of::<Record>() {
                continue;
            }
            // SAFETY: `read_unaligned` needs a pointer valid for reads of `size_of::<Record>()`
            // bytes (no alignment needed) that form a valid `Record`: `chunk` is exactly that
            // many readable bytes (checked above), and any bytes are a valid `Record` (`u32` and
            // `u64` fields, `repr(C)` with no padding).
            let r = unsafe { std::ptr::read_unaligned(chunk.as_ptr().cast::<Record>()) };
            sum = sum.wrapping_add(digest(&r));
        }
        sum
    }

    #[inline(never)]
    pub(super) fn kernel_zerocast(bytes: &[u8]) -> u64 {
        use zerocast::FromBytes;
        let mut sum = 0u64;
        for chunk in bytes.chunks_exact(size_of::<Record>()) {
            let Ok(r) = Record::read_from_bytes(chunk) else {
                continue;
            };
            sum = sum.wrapping_add(digest(&r));
        }
        sum
    }

    #[inline(never)]
    pub(super) fn kernel_zerocopy(bytes: &[u8]) -> u64 {
        use zerocopy::FromBytes;
        let mut sum = 0u64;
        for chunk in bytes.chunks_exact(size_of::<Record>()) {
            let Ok(r) = Record::read_from_bytes(chunk) else {
                continue;
            };
            sum = sum.wrapping_add(digest(&r));
        }
        sum
    }

    #[inline(never)]
    pub(super) fn kernel_bytemuck(bytes: &[u8]) -> u64 {
        let mut sum = 0u64;
        for chunk in bytes.chunks_exact(size_of::<Record>()) {
            let Ok(r) = bytemuck::try_pod_read_unaligned::<Record>(chunk) else {
                continue;
            };
            sum = sum.wrapping_add(digest(&r));
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

    #[divan::bench(sample_count = 200, sample_size = 1)]
    fn zerocopy(bencher: Bencher<'_, '_>) {
        run(bencher, kernel_zerocopy);
    }

    #[divan::bench(sample_count = 200, sample_size = 1)]
    fn bytemuck(bencher: Bencher<'_, '_>) {
        run(bencher, kernel_bytemuck);
    }
}

/// Asserts that the four implementations of `workload` agree with its safe-std reference.
fn agree(workload: &str, input: &[u8], reference: u64, kernels: [(&str, fn(&[u8]) -> u64); 4]) {
    for (name, kernel) in kernels {
        let got = kernel(std_black_box(input));
        assert_eq!(
            got, reference,
            "{workload}::{name} computed {got:#x}, the safe-std reference {reference:#x}"
        );
    }
}

fn main() {
    {
        use header_every_offset as w;
        let buf: &[u8] = &w::BUF;
        agree(
            "header_every_offset",
            buf,
            w::reference(buf),
            [
                ("hand_written", w::kernel_hand_written),
                ("zerocast", w::kernel_zerocast),
                ("zerocopy", w::kernel_zerocopy),
                ("bytemuck", w::kernel_bytemuck),
            ],
        );
    }
    {
        use sum_u32_slice as w;
        let bytes = w::bytes();
        agree(
            "sum_u32_slice",
            bytes,
            w::reference(bytes),
            [
                ("hand_written", w::kernel_hand_written),
                ("zerocast", w::kernel_zerocast),
                ("zerocopy", w::kernel_zerocopy),
                ("bytemuck", w::kernel_bytemuck),
            ],
        );
    }
    {
        use read_record as w;
        let bytes = w::bytes();
        assert_ne!(bytes.as_ptr().addr() % align_of::<Record>(), 0);
        agree(
            "read_record",
            bytes,
            w::reference(bytes),
            [
                ("hand_written", w::kernel_hand_written),
                ("zerocast", w::kernel_zerocast),
                ("zerocopy", w::kernel_zerocopy),
                ("bytemuck", w::kernel_bytemuck),
            ],
        );
    }
    divan::main();
}
