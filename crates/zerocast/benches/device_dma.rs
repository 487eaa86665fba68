// SPDX-License-Identifier: MIT OR Apache-2.0
//! Runtime cost of publishing virtio split-virtqueue descriptors through a [`DmaBuf`] against the
//! same stores written by hand with `write_volatile` and a release fence:
//!
//! - `publish`: for each of the ring's 256 slots, write a 16-byte descriptor (two 64-bit
//!   stores), its available-ring entry (one 16-bit store), `dma_wmb`, then the available index
//!   (one 16-bit store).
//!
//! `main` checks that both leave the same bytes in the queue before benchmarking: a
//! correctness check, not a timing assertion. The asm snapshot `zc_dma_desc_publish` shows the
//! per-descriptor code is instruction-for-instruction the hand-written one.
//!
//! Run: `cargo bench -p zerocast --bench device_dma`.

use std::hint::black_box as std_black_box;

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use zerocast::device::{dma_wmb, DmaBuf};
use zerocast::{split_fields, FromBytes, Immutable, IntoBytes};

/// Ring size.
const N: usize = 256;

/// A descriptor: `le64 addr; le32 len; le16 flags; le16 next;`.
#[repr(C, align(16))]
#[derive(FromBytes, IntoBytes, Immutable, Clone, Copy)]
struct Desc {
    addr: u64,
    len: u32,
    flags: u16,
    next: u16,
}

/// The descriptor table, then the available ring's flags, index and ring.
#[repr(C)]
#[derive(FromBytes, IntoBytes)]
struct Queue {
    desc: [Desc; N],
    avail_flags: u16,
    avail_idx: u16,
    avail_ring: [u16; N],
    /// The trailing padding made explicit: DMA memory is `IntoBytes`.
    _pad: [u8; 12],
}

/// Byte offsets in `Queue`, from its `repr(C)` layout.
const AVAIL_IDX: usize = 16 * N + 2;
const AVAIL_RING: usize = 16 * N + 4;

fn queue() -> Box<Queue> {
    let zero = Desc {
        addr: 0,
        len: 0,
        flags: 0,
        next: 0,
    };
    Box::new(Queue {
        desc: [zero; N],
        avail_flags: 0,
        avail_idx: 0,
        avail_ring: [0; N],
        _pad: [0; 12],
    })
}

/// Descriptor `i`'s buffer address and length.
fn buffer(base: u64, i: usize) -> (u64, u32) {
    (base + 4096 * i as u64, 1500)
}

#[inline(never)]
fn publish_zerocast(q: &mut DmaBuf<'_, Queue>, base: u64) {
    for i in 0..N {
        let (desc, ring, mut idx) = split_fields!(q.ptr(), Queue, desc, avail_ring, avail_idx);
        let (addr, len) = buffer(base, i);
        // PANIC: `i < N`, the length of both arrays (and the compiler sees it).
        desc.get(i).unwrap().write(Desc {
            addr: addr.to_le(),
            len: len.to_le(),
            flags: 0,
            next: 0,
        });
        // PANIC: as above.
        ring.get(i).unwrap().write((i as u16).to_le());
        dma_wmb();
        idx.write((i as u16).wrapping_add(1).to_le());
    }
}

#[inline(never)]
fn publish_hand_written(q: &mut Queue, base: u64) {
    let p = std::ptr::from_mut(q).cast::<u8>();
    for i in 0..N {
        let (addr, len) = buffer(base, i);
        // SAFETY: descriptor `i < N` lies in `*q` at `16 * i`, aligned to 16; `q` is a live
        // `&mut`, so the pointer is valid for writes.
        unsafe {
            p.wrapping_add(16 * i)
                .cast::<u64>()
                .write_volatile(addr.to_le())
        };
        // SAFETY: as above; its second word (le32 len, flags 0, next 0) is at `16 * i + 8`.
        unsafe {
            p.wrapping_add(16 * i + 8)
                .cast::<u64>()
                .write_volatile(u64::from(len.to_le()))
        };
        // SAFETY: ring slot `i < N` lies in `*q` at `AVAIL_RING + 2 * i`, aligned to 2.
        unsafe {
            p.wrapping_add(AVAIL_RING + 2 * i)
                .cast::<u16>()
                .write_volatile((i as u16).to_le())
        };
        std::sync::atomic::fence(std::sync::atomic::Ordering::Release);
        // SAFETY: the index lies in `*q` at `AVAIL_IDX`, aligned to 2.
        unsafe {
            p.wrapping_add(AVAIL_IDX)
                .cast::<u16>()
                .write_volatile((i as u16).wrapping_add(1).to_le())
        };
    }
}

fn main() {
    let (mut a, mut b) = (queue(), queue());
    publish_zerocast(&mut DmaBuf::new(&mut *a, 0), std_black_box(0x1000_0000));
    publish_hand_written(&mut b, std_black_box(0x1000_0000));
    assert_eq!(
        a.desc.as_bytes(),
        b.desc.as_bytes(),
        "the descriptors differ"
    );
    assert_eq!(a.avail_ring, b.avail_ring, "the rings differ");
    assert_eq!(a.avail_idx, b.avail_idx, "the indices differ");
    assert_eq!(u16::from_le(a.avail_idx), N as u16);
    divan::main();
}

#[divan::bench_group(sample_count = 500)]
mod publish {
    use super::*;

    #[divan::bench]
    fn hand_written(bencher: Bencher<'_, '_>) {
        let mut q = queue();
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| publish_hand_written(&mut q, black_box(0x1000_0000)));
    }

    #[divan::bench]
    fn zerocast(bencher: Bencher<'_, '_>) {
        let mut q = queue();
        let mut buf = DmaBuf::new(&mut *q, 0x4000);
        bencher
            .counter(ItemsCount::new(N))
            .bench_local(|| publish_zerocast(&mut buf, black_box(0x1000_0000)));
    }
}
