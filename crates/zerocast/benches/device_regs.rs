// SPDX-License-Identifier: MIT OR Apache-2.0
//! Runtime cost of the register accessors against the same accesses written by hand with
//! `read_volatile`/`write_volatile`, on ordinary memory standing for a 32-byte register block:
//!
//! - `regs_read`: `Regs::read` of a 32-bit register at offset 4, 256 times;
//! - `regs_update`: `Regs::update` (one read, one write) of a 32-bit register at offset 0,
//!   256 times;
//! - `ptr_read` / `ptr_write`: `DevicePtrMut::read` / `write` of a `u32`, 256 times;
//! - `regs_elem_at`: `Regs::elem_at` writes of the 4 doorbells of a `RegStride` whose stride is
//!   known at run time only (each offset checked: index, overflow, bounds, alignment), 256
//!   writes, against a hand-written loop that checks the stride once.
//!
//! Each runs with the default `Volatile` backend (`zerocast`) and with the `Explicit` backend
//! (`explicit`: one `asm!` instruction per access, which LLVM neither folds nor unrolls around).
//!
//! Every loop is one `#[inline(never)]` function per side, so both sides pay the same call,
//! and works on a fresh heap allocation of the same size, so that no side gets a luckier
//! address (each implementation runs in its own process under `tools/bench-ratio.py`).
//! `main` checks that both sides read the same values and leave the same bytes before
//! benchmarking: a correctness check, not a timing assertion.
//!
//! Run: `cargo bench -p zerocast --bench device_regs`.

use std::hint::black_box as std_black_box;

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use zerocast::device::{
    Backend, DevicePtrMut, ReadOnly, ReadWrite, Reg, RegStride, Regs, WriteOnly,
};

/// Accesses per benchmark iteration.
const N: u32 = 256;

/// The block: `Ctrl` at 0, `Stat` at 4, in 32 bytes.
type Ctrl = Reg<ReadWrite<u32>, 0x0>;
type Stat = Reg<ReadOnly<u32>, 0x4>;
const SIZE: usize = 32;

/// The block's memory, `Stat` holding `stat`.
fn block(stat: u32) -> [u64; SIZE / 8] {
    let mut mem = [0_u64; SIZE / 8];
    let mut first = [0_u8; 8];
    first[4..].copy_from_slice(&stat.to_ne_bytes());
    mem[0] = u64::from_ne_bytes(first);
    mem
}

#[inline(never)]
fn regs_read_zerocast<B: Backend>(regs: &mut Regs<'_, SIZE, B>) -> u32 {
    let mut acc = 0_u32;
    for _ in 0..N {
        acc = acc.wrapping_add(regs.read::<Stat>());
    }
    acc
}

#[inline(never)]
fn regs_read_hand_written(mem: &mut [u64; SIZE / 8]) -> u32 {
    let p = std::ptr::from_mut(mem)
        .cast::<u8>()
        .wrapping_add(4)
        .cast::<u32>();
    let mut acc = 0_u32;
    for _ in 0..N {
        // SAFETY: `p` is offset 4 of the live `&mut` block (32 bytes, aligned to 8), so it is
        // inside it, aligned to 4 and valid for reads of a `u32`.
        acc = acc.wrapping_add(unsafe { p.read_volatile() });
    }
    acc
}

#[inline(never)]
fn regs_update_zerocast<B: Backend>(regs: &mut Regs<'_, SIZE, B>) {
    for _ in 0..N {
        regs.update::<Ctrl>(|v| v.wrapping_add(3));
    }
}

#[inline(never)]
fn regs_update_hand_written(mem: &mut [u64; SIZE / 8]) {
    let p = std::ptr::from_mut(mem).cast::<u32>();
    for _ in 0..N {
        // SAFETY: `p` is offset 0 of the live `&mut` block (32 bytes, aligned to 8), so it is
        // aligned to 4 and valid for reads of a `u32`.
        let v = unsafe { p.read_volatile() };
        // SAFETY: as above, valid for writes of a `u32`.
        unsafe { p.write_volatile(v.wrapping_add(3)) };
    }
}

/// Four doorbells from offset 4, `stride` bytes apart (`stride` known at run time).
fn doorbells(stride: usize) -> RegStride<WriteOnly<u32>> {
    RegStride::new(4, stride, 4)
}

#[inline(never)]
fn regs_elem_at_zerocast<B: Backend>(regs: &mut Regs<'_, SIZE, B>, db: &RegStride<WriteOnly<u32>>) {
    for i in 0..N {
        if let Ok(mut p) = regs.elem_at(db, (i % 4) as usize) {
            p.write(i);
        }
    }
}

/// The doorbells through a `Strided` view: the stride and bounds checked once per call, as the
/// hand-written loop checks its stride once; each access checks the index only.
#[inline(never)]
fn regs_strided_zerocast<B: Backend>(regs: &mut Regs<'_, SIZE, B>, db: &RegStride<WriteOnly<u32>>) {
    let Ok(mut view) = regs.strided(db) else {
        return;
    };
    for i in 0..N {
        if let Ok(mut p) = view.elem((i % 4) as usize) {
            p.write(i);
        }
    }
}

#[inline(never)]
fn regs_elem_at_hand_written(mem: &mut [u64; SIZE / 8], stride: usize) {
    // Checked once, not per access, as a hand-written driver would.
    if stride > 8 || stride % 4 != 0 {
        return;
    }
    let base = std::ptr::from_mut(mem).cast::<u8>();
    for i in 0..N {
        let p = base
            .wrapping_add(4 + (i % 4) as usize * stride)
            .cast::<u32>();
        // `write_volatile` needs `p` valid for writes of a `u32` and aligned:
        // - inside: `stride` is at most 8 (checked above), so doorbell `i % 4` starts at most
        //   at `4 + 3 * 8 = 28`, and its 4 bytes end inside the live `&mut` block of 32 bytes;
        // - aligned: the block is aligned to 8 and the offset `4 + (i % 4) * stride` is a
        //   multiple of 4 (`stride` is, checked above).
        // SAFETY: both preconditions hold, as listed above.
        unsafe { p.write_volatile(i) };
    }
}

#[inline(never)]
fn ptr_read_zerocast<B: Backend>(p: &mut DevicePtrMut<'_, u32, B>) -> u32 {
    let mut acc = 0_u32;
    for _ in 0..N {
        acc = acc.wrapping_add(p.read());
    }
    acc
}

#[inline(never)]
fn ptr_read_hand_written(r: &mut u32) -> u32 {
    let p = std::ptr::from_mut(r);
    let mut acc = 0_u32;
    for _ in 0..N {
        // SAFETY: `p` comes from a live `&mut u32`: aligned and valid for reads.
        acc = acc.wrapping_add(unsafe { p.read_volatile() });
    }
    acc
}

#[inline(never)]
fn ptr_write_zerocast<B: Backend>(p: &mut DevicePtrMut<'_, u32, B>) {
    for i in 0..N {
        p.write(i);
    }
}

#[inline(never)]
fn ptr_write_hand_written(r: &mut u32) {
    let p = std::ptr::from_mut(r);
    for i in 0..N {
        // SAFETY: `p` comes from a live `&mut u32`: aligned and valid for writes.
        unsafe { p.write_volatile(i) };
    }
}

fn main() {
    let stat = std_black_box(0x0102_0304_u32);
    let expected = stat.wrapping_mul(N);

    let (mut a, mut b, mut c) = (block(stat), block(stat), block(stat));
    assert_eq!(regs_read_zerocast(&mut Regs::from_mut(&mut a)), expected);
    assert_eq!(regs_read_hand_written(&mut b), expected);
    assert_eq!(
        regs_read_zerocast(&mut Regs::from_mut(&mut c).explicit()),
        expected
    );
    regs_update_zerocast(&mut Regs::from_mut(&mut a));
    regs_update_hand_written(&mut b);
    regs_update_zerocast(&mut Regs::from_mut(&mut c).explicit());
    assert_eq!(a, b, "the blocks differ after update");
    assert_eq!(c, b, "the blocks differ after update (Explicit)");
    let ctrl = u32::from_ne_bytes(a[0].to_ne_bytes()[..4].try_into().expect("4 bytes"));
    assert_eq!(ctrl, 3 * N);

    let (mut x, mut y, mut z) = (stat, stat, stat);
    assert_eq!(
        ptr_read_zerocast(&mut DevicePtrMut::from_mut(&mut x)),
        expected
    );
    assert_eq!(ptr_read_hand_written(&mut y), expected);
    assert_eq!(
        ptr_read_zerocast(&mut DevicePtrMut::from_mut(&mut z).explicit()),
        expected
    );
    ptr_write_zerocast(&mut DevicePtrMut::from_mut(&mut x));
    ptr_write_hand_written(&mut y);
    ptr_write_zerocast(&mut DevicePtrMut::from_mut(&mut z).explicit());
    assert_eq!((x, y, z), (N - 1, N - 1, N - 1));

    let stride = std_black_box(4_usize << 1);
    let (mut a, mut b) = (block(0), block(0));
    regs_elem_at_zerocast(&mut Regs::from_mut(&mut a), &doorbells(stride));
    regs_elem_at_hand_written(&mut b, stride);
    assert_eq!(a, b, "the blocks differ after the doorbell writes");
    let mut c = block(0);
    regs_strided_zerocast(&mut Regs::from_mut(&mut c), &doorbells(stride));
    assert_eq!(c, b, "the blocks differ after the strided doorbell writes");
    assert_eq!(a[3].to_ne_bytes()[4..], (N - 1).to_ne_bytes());

    divan::main();
}

#[divan::bench_group(sample_count = 1000)]
mod regs_read {
    use super::*;

    #[divan::bench]
    fn hand_written(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(black_box(7)));
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_read_hand_written(&mut mem));
    }

    #[divan::bench]
    fn zerocast(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(black_box(7)));
        let mut regs = Regs::from_mut(&mut *mem);
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_read_zerocast(&mut regs));
    }

    #[divan::bench]
    fn explicit(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(black_box(7)));
        let mut regs = Regs::from_mut(&mut *mem).explicit();
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_read_zerocast(&mut regs));
    }
}

#[divan::bench_group(sample_count = 1000)]
mod regs_update {
    use super::*;

    #[divan::bench]
    fn hand_written(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(0));
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_update_hand_written(&mut mem));
    }

    #[divan::bench]
    fn zerocast(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(0));
        let mut regs = Regs::from_mut(&mut *mem);
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_update_zerocast(&mut regs));
    }

    #[divan::bench]
    fn explicit(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(0));
        let mut regs = Regs::from_mut(&mut *mem).explicit();
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_update_zerocast(&mut regs));
    }
}

#[divan::bench_group(sample_count = 1000)]
mod ptr_read {
    use super::*;

    #[divan::bench]
    fn hand_written(bencher: Bencher<'_, '_>) {
        let mut r = Box::new(black_box(7_u32));
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| ptr_read_hand_written(&mut r));
    }

    #[divan::bench]
    fn zerocast(bencher: Bencher<'_, '_>) {
        let mut r = Box::new(black_box(7_u32));
        let mut p = DevicePtrMut::from_mut(&mut *r);
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| ptr_read_zerocast(&mut p));
    }

    #[divan::bench]
    fn explicit(bencher: Bencher<'_, '_>) {
        let mut r = Box::new(black_box(7_u32));
        let mut p = DevicePtrMut::from_mut(&mut *r).explicit();
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| ptr_read_zerocast(&mut p));
    }
}

#[divan::bench_group(sample_count = 1000)]
mod ptr_write {
    use super::*;

    #[divan::bench]
    fn hand_written(bencher: Bencher<'_, '_>) {
        let mut r = Box::new(0_u32);
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| ptr_write_hand_written(&mut r));
    }

    #[divan::bench]
    fn zerocast(bencher: Bencher<'_, '_>) {
        let mut r = Box::new(0_u32);
        let mut p = DevicePtrMut::from_mut(&mut *r);
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| ptr_write_zerocast(&mut p));
    }

    #[divan::bench]
    fn explicit(bencher: Bencher<'_, '_>) {
        let mut r = Box::new(0_u32);
        let mut p = DevicePtrMut::from_mut(&mut *r).explicit();
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| ptr_write_zerocast(&mut p));
    }
}

#[divan::bench_group(sample_count = 1000)]
mod regs_elem_at {
    use super::*;

    #[divan::bench]
    fn hand_written(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(0));
        let stride = black_box(8);
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_elem_at_hand_written(&mut mem, stride));
    }

    #[divan::bench]
    fn zerocast(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(0));
        let mut regs = Regs::from_mut(&mut *mem);
        let db = doorbells(black_box(8));
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_elem_at_zerocast(&mut regs, &db));
    }

    #[divan::bench]
    fn explicit(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(0));
        let mut regs = Regs::from_mut(&mut *mem).explicit();
        let db = doorbells(black_box(8));
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_elem_at_zerocast(&mut regs, &db));
    }
}

#[divan::bench_group(sample_count = 1000)]
mod regs_strided {
    use super::*;

    #[divan::bench]
    fn hand_written(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(0));
        let stride = black_box(8);
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_elem_at_hand_written(&mut mem, stride));
    }

    #[divan::bench]
    fn zerocast(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(0));
        let mut regs = Regs::from_mut(&mut *mem);
        let db = doorbells(black_box(8));
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_strided_zerocast(&mut regs, &db));
    }

    #[divan::bench]
    fn explicit(bencher: Bencher<'_, '_>) {
        let mut mem = Box::new(block(0));
        let mut regs = Regs::from_mut(&mut *mem).explicit();
        let db = doorbells(black_box(8));
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| regs_strided_zerocast(&mut regs, &db));
    }
}
