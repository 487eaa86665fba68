// SPDX-License-Identifier: MIT OR Apache-2.0
//! Adversarial probes, round 6 (branch `attack`): safe programs aimed at the device and bit-field
//! changes of issue 17 (commit ea9abbb): the aligned byte-order integers, register permissions,
//! run-time offsets and strides, sub-blocks, sub-slices and byte views, DMA sub-buffers, the
//! recording device's per-offset queues, `?=>` fields, `const` `try_from_bits` and `Bounded`.
//!
//! Each probe tried to obtain an invalid value, read uninitialized or misaligned memory, alias a
//! unique pointer, or panic, and asserts the exact value or error the API answered instead
//! (computed here: from the standard library's slice rules, `to_le_bytes`, byte arithmetic).
//! They run under Miri (`-Zmiri-strict-provenance -Zmiri-symbolic-alignment-check`), which checks
//! that every typed read of the memory afterwards finds a valid value and that no access leaves
//! its allocation. What must not compile is in `tests/ui/probe6_*`.
//!
//! Findings of this round (none is undefined behaviour; each is reported with a proposed fix):
//! - `Permission` is not sealed: any `TryFromBytes` type of one's own becomes a register cell
//!   with `impl Permission for T {}` (`tests/ui-pass/probe6_finding_permission_user_impl.rs`).
//! - `Regs::elem` refuses an array of zero-sized registers with stride 0 by dividing by zero in
//!   a `const` (`tests/ui/probe6_reg_array_zst_stride_zero.rs`); `RegsDyn::elem` accepts it
//!   (`regs_dyn_accepts_zero_sized_registers_at_stride_zero` below).
//! - A refused access with two reasons (`read` of a `WriteOnly<bool>`, `write` of a
//!   `ReadOnly<Padded>`) is two errors, not the one the permission design promises
//!   (`tests/ui/probe6_read_write_only_invalid_value.rs`, `probe6_write_read_only_padded.rs`);
//!   so is a shared read of a `WriteOnly` register, whose second error ("needs unique access")
//!   misleads (`probe6_shared_read_write_only.rs`, `probe6_read_pure_write_only.rs`).
//! - `AnyBytes`'s error note advises "a `bitfield!` with `?=>` or `as?` fields" for DMA
//!   memory, but an `as?` field makes a bit field not `FromBytes`, so not `AnyBytes`
//!   (`tests/ui/probe6_into_bytes_word_checked_bit_field.rs`).
//! - `reg_at`/`elem_at` of an over-aligned cell is refused with a note that points into
//!   zerocast only, not at the caller (`tests/ui/probe6_reg_at_over_aligned.rs`).
//! - On targets where `u64` is aligned to 4 (i686), `RegsDyn::from_mut`'s base was not aligned
//!   to 8 as its invariant said (no undefined behaviour, since every access is of `u64` words,
//!   which are aligned to 4 there), and `Regs::from_mut(&mut [0_u64; N])` did not compile
//!   there. Fixed in 9209e49: a block's base alignment is `align_of::<u64>()` on every target
//!   (`regs_dyn_from_mut_base_is_aligned_to_u64`), so on i686 block offsets that are multiples
//!   of 4 are accepted and `Le64`/`u64` registers are two 32-bit accesses.

// The probe types are built to be converted, not read field by field.
#![allow(dead_code)]

use core::cell::Cell;
use core::mem::{align_of, size_of};
use core::ops::Bound;
use std::format;
use std::vec::Vec;

use zerocast::bitfield::__private::Validity;
use zerocast::bitfield::{BitEnum, Bounded, FieldType};
use zerocast::byteorder::{Be16, Be32, Le16, Le32, Le64};
use zerocast::device::{
    Access, AccessKind, DevicePtrMut, DmaBuf, FakeDevice, ReadPure, ReadPureWrite, ReadWrite,
    RecordingDevice, Reg, RegArray, RegError, RegStride, Regs, RegsDyn, Width,
};
use zerocast::{field, FromBytes, Immutable, IntoBytes, InvalidBits, KnownLayout, TryFromBytes};

use crate::common::addr_of;
use crate::device_words::{check_base_aligned, expect_u64_access, U64_ALIGN};

// ---- Run-time offsets, strides and sub-blocks ----------------------------------------------

/// Probe: an array of zero-sized registers with stride 0 (markers that take no bytes) is a
/// valid array on a run-time block: every element at the same offset, one live at a time, no
/// access at all. (`Regs::elem` accepts it too: `tests/ui-pass/probe6_reg_array_zst_stride_zero.rs`.)
#[test]
fn regs_dyn_accepts_zero_sized_registers_at_stride_zero() {
    type Markers = RegArray<ReadWrite<()>, 0, 0, 2>;
    type AtEnd = RegArray<ReadWrite<()>, 8, 0, 3>;
    let dev = RecordingDevice::new(8);
    let mut regs = RegsDyn::fake(&dev, 0, 8).expect("aligned, inside");
    for i in 0..2 {
        let mut m = regs.elem::<Markers>(i).expect("inside");
        assert_eq!(m.addr(), 0);
        m.write(());
        let () = m.read();
    }
    assert_eq!(
        regs.elem::<Markers>(2).map(|p| p.addr()),
        Err(RegError::Index { index: 2, len: 2 })
    );
    assert_eq!(regs.elem::<AtEnd>(2).map(|p| p.addr()), Ok(8));
    assert!(dev.log().is_empty(), "zero-sized registers are no access");
}

/// Probe: `RegStride` takes any offset, stride and length (zero stride, a stride that is no
/// multiple of the alignment, odd offsets, `usize::MAX`): every element is checked when it is
/// reached, each refusal an exact `RegError`, never a panic or a wrapped offset.
#[test]
fn reg_stride_edges_are_errors_never_panics() {
    type R32 = ReadWrite<u32>;
    let dev = RecordingDevice::new(64);
    let mut regs = RegsDyn::fake(&dev, 0, 64).expect("aligned, inside");

    // Stride 0, or any stride below the register's 4 bytes: the registers would overlap (a
    // `RegArray` like it does not compile), refused for every index, before any access.
    let same = RegStride::<R32>::new(8, 0, 3);
    assert_eq!(same.offset_of(2), Some(8));
    for i in [0, 2, 3] {
        assert_eq!(
            regs.elem_at(&same, i).map(|p| p.addr()),
            Err(RegError::Overlap {
                stride: 0,
                width: 4
            })
        );
    }
    let half = RegStride::<R32>::new(0, 2, 4);
    assert_eq!(
        regs.elem_at(&half, 2).map(|p| p.addr()),
        Err(RegError::Overlap {
            stride: 2,
            width: 4
        })
    );
    // A single register needs no stride.
    let one = RegStride::<R32>::new(8, 0, 1);
    regs.elem_at(&one, 0).expect("inside").write(1);

    // A stride of 6 for 4-byte registers: odd elements are misaligned, even ones are fine.
    let six = RegStride::<R32>::new(0, 6, 4);
    assert_eq!(
        regs.elem_at(&six, 1).map(|p| p.addr()),
        Err(RegError::Misaligned {
            offset: 6,
            align: 4
        })
    );
    regs.elem_at(&six, 2).expect("at 12").write(2);

    // An odd first offset.
    let odd = RegStride::<R32>::new(1, 4, 2);
    assert_eq!(
        regs.elem_at(&odd, 0).map(|p| p.addr()),
        Err(RegError::Misaligned {
            offset: 1,
            align: 4
        })
    );

    // Past the end and misaligned: the bounds are reported (checked first).
    let tail = RegStride::<R32>::new(62, 0, 1);
    assert_eq!(
        regs.elem_at(&tail, 0).map(|p| p.addr()),
        Err(RegError::OutOfBlock {
            offset: 62,
            width: 4,
            size: 64
        })
    );

    // At the end of `usize`: an offset that overflows is reported as `usize::MAX`.
    let top = RegStride::<R32>::new(usize::MAX, 4, 2);
    assert_eq!(top.offset_of(1), None);
    for i in 0..2 {
        assert_eq!(
            regs.elem_at(&top, i).map(|p| p.addr()),
            Err(RegError::OutOfBlock {
                offset: usize::MAX,
                width: 4,
                size: 64
            })
        );
    }
    let wide = RegStride::<R32>::new(0, usize::MAX, usize::MAX);
    assert_eq!(
        (wide.offset_of(1), wide.offset_of(2)),
        (Some(usize::MAX), None)
    );
    assert_eq!(
        regs.elem_at(&wide, usize::MAX).map(|p| p.addr()),
        Err(RegError::Index {
            index: usize::MAX,
            len: usize::MAX
        })
    );
    let empty = RegStride::<R32>::new(0, 4, 0);
    assert!(empty.is_empty());
    assert_eq!(
        regs.elem_at(&empty, 0).map(|p| p.addr()),
        Err(RegError::Index { index: 0, len: 0 })
    );

    assert_eq!(
        dev.log(),
        [
            Access::write(8, Width::W32, 1),
            Access::write(12, Width::W32, 2)
        ],
        "only the two writes reached the device"
    );
}

/// Probe: `reg_at` at odd offsets, at the end of the block and at `usize::MAX`, for cells of
/// every width (a zero-sized one too): exact errors, and the accepted ones write where asked.
#[test]
fn reg_at_odd_offsets_and_edges() {
    let mut mem = [0_u64; 2];
    let mut regs = Regs::<16>::from_mut(&mut mem);
    let at = |regs: &mut Regs<'_, 16>, off: usize| regs.reg_at::<ReadWrite<u16>>(off).map(|_| ());
    assert_eq!(
        at(&mut regs, 1),
        Err(RegError::Misaligned {
            offset: 1,
            align: 2
        })
    );
    assert_eq!(
        at(&mut regs, 15),
        Err(RegError::OutOfBlock {
            offset: 15,
            width: 2,
            size: 16
        })
    );
    assert_eq!(
        at(&mut regs, usize::MAX),
        Err(RegError::OutOfBlock {
            offset: usize::MAX,
            width: 2,
            size: 16
        })
    );
    regs.reg_at::<ReadWrite<u16>>(14)
        .expect("inside, aligned")
        .write(0xabcd);
    // `u64`'s alignment is the target's (4 on i686): offset 4 is refused where it is 8.
    let want = if align_of::<u64>() == 8 {
        Err(RegError::Misaligned {
            offset: 4,
            align: 8,
        })
    } else {
        Ok(())
    };
    assert_eq!(regs.reg_at::<ReadWrite<u64>>(4).map(|_| ()), want);
    regs.reg_at::<ReadWrite<u64>>(0)
        .expect("aligned")
        .write(0x0102_0304_0506_0708);
    // A 12-byte cell of alignment 4: its bounds first, then its alignment.
    assert_eq!(
        regs.reg_at::<ReadWrite<[u32; 3]>>(5).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 5,
            width: 12,
            size: 16
        })
    );
    assert_eq!(
        regs.reg_at::<ReadWrite<[u32; 3]>>(1).map(|_| ()),
        Err(RegError::Misaligned {
            offset: 1,
            align: 4
        })
    );
    // A zero-sized cell at the very end is inside; one byte further is not.
    assert!(regs.reg_at::<ReadWrite<()>>(16).is_ok());
    assert_eq!(
        regs.reg_at::<ReadWrite<()>>(17).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 17,
            width: 0,
            size: 16
        })
    );
    let mut high = [0_u8; 8];
    high[6..].copy_from_slice(&0xabcd_u16.to_ne_bytes());
    assert_eq!(mem, [0x0102_0304_0506_0708, u64::from_ne_bytes(high)]);
}

/// Probe: sub-blocks at offsets that are no multiple of 8, past the end, of size 0 at the end,
/// and at `usize::MAX`: exact errors; nested sub-blocks write at the sum of their offsets. Offset
/// 4 is refused where a block's base alignment (`u64`'s) is 8, and is a working sub-block where
/// it is 4.
#[test]
fn block_at_and_sub_offsets_not_multiples_of_eight() {
    let mut mem = [0_u64; 4];
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    let mut first = [0_u8; 8];
    if let Some(mut at_4) = check_base_aligned(4, regs.block_at::<8>(4)) {
        at_4.write::<Reg<ReadWrite<u32>, 0>>(0x1111_1111);
        first[4..].copy_from_slice(&0x1111_1111_u32.to_ne_bytes());
    }
    assert_eq!(
        regs.block_at::<8>(28).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 28,
            width: 8,
            size: 32
        })
    );
    assert!(regs.block_at::<0>(32).is_ok());
    assert_eq!(
        regs.block_at::<0>(40).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 40,
            width: 0,
            size: 32
        })
    );
    assert_eq!(
        regs.block_at::<16>(usize::MAX - 7).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: usize::MAX - 7,
            width: 16,
            size: 32
        })
    );
    regs.block_at::<8>(24)
        .expect("inside, aligned")
        .write::<Reg<ReadWrite<u32>, 4>>(0x5a5a_5a5a);

    // `sub`: the same checks, relative to the sub-block for the nested ones.
    assert_eq!(regs.sub(32, 0).map(|s| s.size()), Ok(0));
    assert_eq!(
        regs.sub(0, 33).map(|s| s.size()),
        Err(RegError::OutOfBlock {
            offset: 0,
            width: 33,
            size: 32
        })
    );
    assert_eq!(
        regs.sub(usize::MAX, 2).map(|s| s.size()),
        Err(RegError::OutOfBlock {
            offset: usize::MAX,
            width: 2,
            size: 32
        })
    );
    assert_eq!(
        regs.sub(8, usize::MAX).map(|s| s.size()),
        Err(RegError::OutOfBlock {
            offset: 8,
            width: usize::MAX,
            size: 32
        })
    );
    if let Some(size) = check_base_aligned(4, regs.sub(4, 4).map(|s| s.size())) {
        assert_eq!(size, 4);
    }
    {
        let mut mid = regs.sub(8, 16).expect("inside, aligned");
        assert_eq!(
            mid.reg_at::<ReadWrite<u32>>(16).map(|_| ()),
            Err(RegError::OutOfBlock {
                offset: 16,
                width: 4,
                size: 16
            })
        );
        let mut inner = mid.sub(8, 8).expect("inside the sub-block");
        assert_eq!(inner.sub(8, 0).map(|s| s.size()), Ok(0));
        assert_eq!(
            inner.sub(8, 8).map(|s| s.size()),
            Err(RegError::OutOfBlock {
                offset: 8,
                width: 8,
                size: 8
            })
        );
        inner
            .block_at::<8>(0)
            .expect("inside")
            .write::<Reg<ReadWrite<u64>, 0>>(7);
    }
    let mut top = [0_u8; 8];
    top[4..].copy_from_slice(&0x5a5a_5a5a_u32.to_ne_bytes());
    assert_eq!(
        mem,
        [u64::from_ne_bytes(first), 0, 7, u64::from_ne_bytes(top)]
    );

    // `Regs::block` then `block_at` inside it: offsets add up.
    let mut mem = [0_u64; 4];
    let mut regs = Regs::<32>::from_mut(&mut mem);
    let mut mid = regs.block::<8, 16>();
    assert_eq!(
        mid.block_at::<8>(16).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 16,
            width: 8,
            size: 16
        })
    );
    mid.block_at::<8>(8)
        .expect("inside")
        .write::<Reg<ReadWrite<u64>, 0>>(9);
    assert_eq!(mem, [0, 0, 9, 0]);
}

/// Probe: the run-time block that `RegsDyn::from_mut` makes has its base aligned to
/// `BASE_ALIGN` = `align_of::<u64>()`, as its invariant says and as `block_at`'s alignment check
/// relies on. The slice here starts right after a `u32` in a struct aligned to 8: at 8 where
/// `u64` is aligned to 8, at 4 where it is aligned to 4 (i686), so there the base is not
/// aligned to 8 and a sub-block at a multiple of 8 from it is not either, which is fine: no
/// register may need more than `BASE_ALIGN`.
#[test]
fn regs_dyn_from_mut_base_is_aligned_to_u64() {
    #[repr(C, align(8))]
    struct Skewed {
        pad: u32,
        words: [u64; 2],
    }
    let mut s = Skewed {
        pad: 0,
        words: [0; 2],
    };
    let base = addr_of(&s.words);
    assert_eq!(base - addr_of(&s), U64_ALIGN, "the words follow the u32");
    let mut regs = RegsDyn::from_mut(&mut s.words[..]);
    let mut block = regs.block_at::<8>(8).expect("inside, 8 from the base");
    block.write::<Reg<ReadWrite<u64>, 0>>(3);
    assert_eq!(s.words, [0, 3]);
    assert_eq!(
        base % U64_ALIGN,
        0,
        "a register block's base must be aligned to BASE_ALIGN = align_of::<u64>()"
    );
}

/// Probe: `Le64` has `u64`'s alignment, whatever it is on the target: a register of it at
/// offset 4 is refused exactly where a `u64` one is.
#[test]
fn le64_register_alignment_is_u64s() {
    assert_eq!(align_of::<Le64>(), align_of::<u64>());
    let mut mem = [0_u64; 2];
    let mut regs = Regs::<16>::from_mut(&mut mem);
    let le = regs.reg_at::<ReadWrite<Le64>>(4).map(|_| ());
    let native = regs.reg_at::<ReadWrite<u64>>(4).map(|_| ());
    assert_eq!(le, native);
    if align_of::<u64>() == 8 {
        assert_eq!(
            le,
            Err(RegError::Misaligned {
                offset: 4,
                align: 8
            })
        );
    }
}

// ---- Sub-slices, splits and DMA sub-buffers ------------------------------------------------

/// The bounds the sub-slice model tries: every kind, at 0, 1, the length and around it, and at
/// `usize::MAX`.
fn bound_cases(len: usize) -> Vec<Bound<usize>> {
    let mut out = Vec::from([Bound::Unbounded]);
    for v in [0, 1, len.saturating_sub(1), len, len + 1, usize::MAX] {
        out.push(Bound::Included(v));
        out.push(Bound::Excluded(v));
    }
    out
}

/// Probe: `get_range` of unique and shared pointers and of DMA buffers, with every pair of
/// bounds (inverted, empty, overflowing, `usize::MAX`), answers exactly what the standard
/// library's `<[T]>::get` answers for the same bounds: the same start and length, or `None`.
#[test]
fn get_range_matches_std_for_every_bound_pair() {
    for len in [0_usize, 1, 3] {
        let mut model: Vec<u32> = (0..len).map(|i| 10 + i as u32).collect();
        let model_base = model.as_ptr().addr();
        let mut mem = model.clone();
        let cases = bound_cases(len);
        for &s in &cases {
            for &e in &cases {
                let want = model
                    .get((s, e))
                    .map(|r| ((r.as_ptr().addr() - model_base) / 4, r.len()));
                let mut p = DevicePtrMut::from_mut(&mut mem[..]);
                let base = p.addr();
                let got = p
                    .reborrow()
                    .get_range((s, e))
                    .map(|q| ((q.addr() - base) / 4, q.len()));
                assert_eq!(got, want, "unique {s:?}..{e:?} of {len}");
                let shared = p.into_shared();
                let got = shared
                    .get_range((s, e))
                    .map(|q| ((q.addr() - base) / 4, q.len()));
                assert_eq!(got, want, "shared {s:?}..{e:?} of {len}");
                let buf = DmaBuf::new(&mut mem[..], 0x1000);
                let got = buf.get_range((s, e)).map(|b| (b.dma_addr(), b.len()));
                let want_dma = want.map(|(start, n)| (0x1000 + 4 * start as u64, n));
                assert_eq!(got, want_dma, "DMA {s:?}..{e:?} of {len}");
            }
        }
        // Writing through the last sub-slice of each start writes its elements only.
        for start in 0..=len {
            let mut p = DevicePtrMut::from_mut(&mut mem[..]);
            let mut tail = p.reborrow().get_range(start..).expect("inside");
            let n = tail.len();
            assert_eq!(tail.write_slice(&[7_u32; 3][..n]), Ok(()));
            model[start..].fill(7);
            assert_eq!(mem, model);
        }
    }
}

/// Probe: `split_at` at 0, at the length, past it and at `usize::MAX`, of empty slices and of
/// zero-sized elements, for device pointers and DMA buffers: the halves cover exactly the two
/// parts (addresses and device addresses checked), and each writes its own part only.
#[test]
fn split_at_edges_for_pointers_and_dma_buffers() {
    let mut ring = [0_u16; 4];
    let mut p = DevicePtrMut::from_mut(&mut ring[..]);
    let base = p.addr();
    for mid in [0, 1, 4] {
        let (low, high) = p.reborrow().split_at(mid).expect("mid <= len");
        assert_eq!(
            (low.addr(), low.len(), high.addr(), high.len()),
            (base, mid, base + 2 * mid, 4 - mid)
        );
    }
    for mid in [5, usize::MAX] {
        assert!(p.reborrow().split_at(mid).is_none());
        assert!(p.as_shared().split_at(mid).is_none());
    }
    let (mut low, mut high) = p.split_at(3).expect("3 <= 4");
    assert_eq!(low.write_slice(&[1, 2, 3]), Ok(()));
    assert_eq!(high.write_slice(&[4]), Ok(()));
    assert_eq!(high.write_slice_at(1, &[]), Ok(()));
    assert!(high.write_slice_at(1, &[9]).is_err());
    assert_eq!(ring, [1, 2, 3, 4]);

    let mut none: [u16; 0] = [];
    let e = DevicePtrMut::from_mut(&mut none[..]);
    assert!(e.as_shared().split_at(1).is_none());
    let (a, b) = e.split_at(0).expect("0 <= 0");
    assert_eq!((a.len(), b.len()), (0, 0));

    // DMA buffers: the high half's device address, and its overflow.
    let mut pool = [0_u32; 4];
    let mut buf = DmaBuf::new(&mut pool[..], 0x1000);
    let (l, h) = buf.reborrow().split_at(0).expect("0 <= 4");
    assert_eq!(
        (l.dma_addr(), l.len(), h.dma_addr(), h.len()),
        (0x1000, 0, 0x1000, 4)
    );
    let (l, h) = buf.reborrow().split_at(4).expect("4 <= 4");
    assert_eq!(
        (l.dma_addr(), l.len(), h.dma_addr(), h.len()),
        (0x1000, 4, 0x1010, 0)
    );
    assert!(buf.reborrow().split_at(5).is_none());
    assert!(buf.reborrow().split_at(usize::MAX).is_none());
    let (mut l, mut h) = buf.split_at(1).expect("1 <= 4");
    l.ptr().write_slice(&[0xaa]).expect("one element");
    h.ptr().write_slice(&[0xbb; 3]).expect("three elements");
    assert_eq!(pool, [0xaa, 0xbb, 0xbb, 0xbb]);

    let mut top = [0_u32; 2];
    let high = DmaBuf::new(&mut top[..], u64::MAX - 7);
    assert!(
        high.split_at(2).is_none(),
        "the empty high half's address u64::MAX + 1 does not fit"
    );
    let high = DmaBuf::new(&mut top[..], u64::MAX - 7);
    let (a, b) = high.split_at(1).expect("fits");
    assert_eq!((a.dma_addr(), b.dma_addr()), (u64::MAX - 7, u64::MAX - 3));

    let mut units = [(); 3];
    let zst = DmaBuf::new(&mut units[..], 0x40);
    let (a, b) = zst.split_at(2).expect("2 <= 3");
    assert_eq!(
        (a.len(), b.len(), a.dma_addr(), b.dma_addr()),
        (2, 1, 0x40, 0x40)
    );
}

/// Probe: a DMA sub-buffer's byte view covers the sub-buffer's elements only, at its device
/// address; bytes written through it leave valid values behind, in those elements only.
#[test]
fn dma_sub_buffer_byte_views_stay_inside() {
    let mut pool = [0_u32; 4];
    let buf = DmaBuf::new(&mut pool[..], 0x2000);
    let mut bytes = buf.get_range(1..3).expect("inside").into_bytes();
    assert_eq!((bytes.len(), bytes.dma_addr()), (8, 0x2004));
    assert_eq!(bytes.ptr().write_slice(&[0xff; 8]), Ok(()));
    assert!(bytes.ptr().write_slice_at(8, &[1]).is_err());
    assert_eq!(pool, [0, u32::MAX, u32::MAX, 0]);

    let mut words = [Le32::ZERO; 2];
    let arr = DmaBuf::new(&mut words, 0x3000);
    let tail = arr.into_slice().get_range(2..).expect("empty, at the end");
    assert_eq!((tail.len(), tail.dma_addr()), (0, 0x3008));
    let bytes = tail.into_bytes();
    assert_eq!((bytes.len(), bytes.dma_addr()), (0, 0x3008));
}

// ---- Byte views of aligned byte-order integers and bit fields ------------------------------

/// An NVMe-style completion entry of aligned byte-order integers: no padding, any bytes valid.
#[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Cqe {
    result: Le32,
    sq_head: Le16,
    sq_id: Be16,
    cid: Le64,
}

/// Probe: a simulated device writes raw bytes into a structure of `Le*`/`Be*` fields through a
/// byte view; the driver's typed reads decode each field in its own byte order, and the shared
/// byte view reads back exactly the bytes written.
#[test]
fn byte_views_of_aligned_endian_structures() {
    assert_eq!(size_of::<Cqe>(), 16);
    let mut mem = Cqe {
        result: Le32::ZERO,
        sq_head: Le16::ZERO,
        sq_id: Be16::ZERO,
        cid: Le64::ZERO,
    };
    let mut raw = [0_u8; 16];
    raw[..4].copy_from_slice(&0x1122_3344_u32.to_le_bytes());
    raw[4..6].copy_from_slice(&0x1234_u16.to_le_bytes());
    raw[6..8].copy_from_slice(&0x1234_u16.to_be_bytes());
    raw[8..].copy_from_slice(&0x0102_0304_0506_0708_u64.to_le_bytes());
    let mut p = DevicePtrMut::from_mut(&mut mem);
    assert_eq!(p.reborrow().into_bytes().write_slice(&raw), Ok(()));
    assert_eq!(field!(p.reborrow(), Cqe, result).read().get(), 0x1122_3344);
    assert_eq!(field!(p.reborrow(), Cqe, sq_head).read().get(), 0x1234);
    assert_eq!(field!(p.reborrow(), Cqe, sq_id).read().get(), 0x1234);
    assert_eq!(
        field!(p.reborrow(), Cqe, cid).read().get(),
        0x0102_0304_0506_0708
    );
    let mut back = [0_u8; 16];
    assert_eq!(p.into_shared().into_bytes().read_slice(&mut back), Ok(()));
    assert_eq!(back, raw);
    assert_eq!(mem.cid.to_bytes(), 0x0102_0304_0506_0708_u64.to_le_bytes());
}

#[derive(zerocast::BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Shst {
    Normal = 0,
    Occurring = 1,
    Complete = 2,
}

zerocast::bitfield! {
    /// NVMe CSTS: the shutdown status `11b` is reserved, checked when read.
    struct Csts(u32) {
        0 rdy as bool;
        3:2 shst ?=> Shst;
    }
}

/// Probe: a bit field whose only checked field is `?=>` is `FromBytes + IntoBytes`, so it has a
/// byte view and can be DMA memory; a reserved value written as raw bytes is read, and the
/// field's getter (not the word) reports it; setting the field through the typed pointer writes
/// a variant.
#[test]
fn byte_view_of_read_checked_bit_field() {
    let mut mem = [Csts::new(); 2];
    let mut buf = DmaBuf::new(&mut mem[..], 0x100);
    let mut bytes = buf.reborrow().get_range(1..).expect("inside").into_bytes();
    assert_eq!(bytes.dma_addr(), 0x104);
    assert_eq!(bytes.ptr().write_slice(&0b1101_u32.to_ne_bytes()), Ok(()));
    let mut entry = buf.ptr().get(1).expect("inside");
    let csts = entry.read();
    assert!(csts.rdy());
    let err = csts.shst().expect_err("11b is reserved");
    assert_eq!(
        (err.found(), err.field(), err.offset()),
        (Some(3), Some(("Csts", "shst")), 0)
    );
    entry.write(csts.with_shst(Shst::Complete));
    assert_eq!(mem[1].into_bits(), 0b1001);
    assert_eq!(mem[0].into_bits(), 0);
}

#[derive(zerocast::BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Mode {
    Off = 0,
    On = 1,
    Auto = 5,
}

zerocast::bitfield! {
    /// A control word whose `mode` is validated with the word (`as?`).
    struct Ctrl(u32) {
        7:5 mode as? Mode;
        0 en as bool;
    }
}

/// Probe: registers of different types at the same offset of a register block (the block's
/// memory accepts any bytes): a value written through one that is invalid for the other is
/// refused by the other's `try_read`/`try_update`, which then write nothing; `RegsDyn` reports
/// the register's offset.
#[test]
fn aliasing_registers_never_yield_invalid_values() {
    let mut mem = [0_u64; 1];
    {
        let mut regs = Regs::<8>::from_mut(&mut mem);
        regs.write::<Reg<ReadWrite<u8>, 1>>(2);
        let e = regs
            .try_read::<Reg<ReadWrite<bool>, 1>>()
            .expect_err("2 is no bool");
        assert_eq!((e.invalid().found(), e.invalid().offset()), (Some(2), 0));
        assert!(regs.try_update::<Reg<ReadWrite<bool>, 1>>(|b| !b).is_err());

        regs.write::<Reg<ReadWrite<u32>, 4>>(3 << 5 | 1);
        let e = regs
            .try_read::<Reg<ReadWrite<Ctrl>, 4>>()
            .expect_err("3 is no Mode");
        assert_eq!(
            (e.invalid().found(), e.invalid().field()),
            (Some(3), Some(("Ctrl", "mode")))
        );
        let mut dynamic = regs.as_dyn();
        match dynamic.try_read::<Reg<ReadWrite<bool>, 1>>() {
            Err(RegError::Invalid { offset, bits }) => {
                assert_eq!((offset, bits.found(), bits.offset()), (1, Some(2), 0));
            }
            other => panic!("expected an invalid value, got {other:?}"),
        }
        assert!(matches!(
            dynamic.try_update::<Reg<ReadWrite<Ctrl>, 4>>(|c| c.with_en(false)),
            Err(RegError::Invalid { offset: 4, .. })
        ));
        let good = Ctrl::try_from_bits(5 << 5).expect("Auto");
        assert_eq!(dynamic.write::<Reg<ReadWrite<Ctrl>, 4>>(good), Ok(()));
        assert_eq!(
            dynamic
                .try_read::<Reg<ReadWrite<Ctrl>, 4>>()
                .map(|c| c.mode()),
            Ok(Mode::Auto)
        );
    }
    let mut expect = [0_u8; 8];
    expect[1] = 2;
    expect[4..].copy_from_slice(&(5_u32 << 5).to_ne_bytes());
    assert_eq!(mem, [u64::from_ne_bytes(expect)]);
}

// ---- Bit fields: `?=>`, `as?`, reserved values, `const` `try_from_bits` ----------------------

#[derive(zerocast::BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Mode2 {
    Off = 0,
    On = 1,
    Auto = 3,
}

zerocast::bitfield! {
    /// Every kind of line: reserved, validated with the word, checked when read, ignored.
    struct Mixed(u8) {
        7 _ = 1;
        6:5 mode as? Mode2;
        3:2 shst ?=> Shst;
        1:0 _;
    }
}

/// `Mixed`'s validity, from its lines: bit 7 set, bits 6:5 not 2.
fn mixed_valid(b: u8) -> Result<(), (&'static str, u128)> {
    if b >> 7 != 1 {
        Err(("reserved 7:7", 0))
    } else if (b >> 5) & 3 == 2 {
        Err(("mode", 2))
    } else {
        Ok(())
    }
}

/// `Mixed::try_from_bits` in `const`, its error's value.
const MIXED_BAD_MODE: Option<u128> = match Mixed::try_from_bits(0b1100_0000) {
    Ok(_) => None,
    Err(e) => e.found(),
};
const MIXED_GOOD: Option<u8> = match Mixed::try_from_bits(0b1010_1111) {
    Ok(m) => Some(m.into_bits()),
    Err(_) => None,
};

/// Probe: for every byte, `try_from_bits` (at run time), `TryFromBytes`, and the `const`
/// evaluation agree with the lines' rules (the first failing line reported); no setter of a
/// valid value, `?=>` field included, makes it invalid or changes bits outside its field.
#[test]
fn bit_field_lines_validate_alike_and_setters_keep_validity() {
    assert_eq!(MIXED_BAD_MODE, Some(2));
    assert_eq!(MIXED_GOOD, Some(0b1010_1111));
    for b in 0..=u8::MAX {
        let want = mixed_valid(b);
        let got = Mixed::try_from_bits(b).map(|m| m.into_bits());
        match want {
            Ok(()) => assert_eq!(got, Ok(b)),
            Err((field, found)) => {
                let e = got.expect_err("invalid");
                assert_eq!(
                    (e.field(), e.found(), e.offset()),
                    (Some(("Mixed", field)), Some(found), 0),
                    "{b:#010b}"
                );
            }
        }
        let bytes = Mixed::try_read_from_bytes(&[b]).ok().map(Mixed::into_bits);
        assert_eq!(bytes, want.ok().map(|()| b), "{b:#010b}");
        let Ok(m) = Mixed::try_from_bits(b) else {
            continue;
        };
        let shst_bits = (b >> 2) & 3;
        assert_eq!(
            m.shst().ok(),
            <Shst as BitEnum>::from_bits(u128::from(shst_bits))
        );
        for s in [Shst::Normal, Shst::Occurring, Shst::Complete] {
            let set = m.with_shst(s).into_bits();
            assert_eq!(set, (b & !0b1100) | (s as u8) << 2);
            assert!(Mixed::try_from_bits(set).is_ok());
        }
        for md in [Mode2::Off, Mode2::On, Mode2::Auto] {
            let set = m.with_mode(md).into_bits();
            assert_eq!(set, (b & !0b0110_0000) | (md as u8) << 5);
            assert_eq!(Mixed::try_from_bits(set).map(|x| x.mode()), Ok(md));
        }
    }
}

#[derive(zerocast::BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Digit {
    D0 = 0,
    D1,
    D2,
    D3,
    D4,
    D5,
    D6,
    D7,
    D8,
    D9,
}

zerocast::bitfield! {
    /// A big-endian word: bit 15 reserved 0, a digit in bits 3:0 validated with the word.
    struct BeWord(Be16) {
        15 _ = 0;
        3:0 digit as? Digit;
    }
}

/// Probe: a bit field stored in an aligned big-endian integer validates the same value from its
/// bytes (`TryFromBytes`, and through a device pointer) and from its storage (`try_from_bits`):
/// the byte order is applied once, in both paths.
#[test]
fn big_endian_bit_field_validates_the_value_not_the_bytes() {
    let step = if cfg!(miri) { 251 } else { 1 };
    let edges = [
        0_u16, 9, 10, 15, 0x7fff, 0x8000, 0x8009, 0xffff, 0x0900, 0x0009,
    ];
    let dev = RecordingDevice::new(2);
    for v in (0..=u16::MAX).step_by(step).chain(edges) {
        let want = v >> 15 == 0 && v & 0xf <= 9;
        let from_bits = BeWord::try_from_bits(Be16::new(v));
        assert_eq!(from_bits.is_ok(), want, "{v:#06x}");
        let from_bytes = BeWord::try_read_from_bytes(&v.to_be_bytes()).ok();
        assert_eq!(
            from_bytes.map(BeWord::into_bits),
            from_bits.ok().map(BeWord::into_bits)
        );
        dev.queue_read(0, u64::from(u16::from_ne_bytes(v.to_be_bytes())));
        let mut p = DevicePtrMut::<ReadWrite<BeWord>, _>::fake(&dev, 0).expect("aligned");
        assert_eq!(p.try_read().is_ok(), want, "{v:#06x} from a device");
    }
}

/// A fieldless enum with a hand-written `FieldType` whose hidden `__ZC_VALIDITY` lies: it says
/// all four values of two bits are valid, but `from_bits` knows two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Liar {
    A = 0,
    B = 1,
}

impl FieldType for Liar {
    const BITS: u32 = 2;
    const COVERS: bool = false;
    fn from_bits(bits: u128) -> Option<Liar> {
        match bits {
            0 => Some(Liar::A),
            1 => Some(Liar::B),
            _ => None,
        }
    }
    fn __from_valid_bits(bits: u128) -> Liar {
        if bits == 0 {
            Liar::A
        } else {
            Liar::B
        }
    }
    const __ZC_NAME: &'static str = "Liar";
    const __ZC_VALIDITY: Validity = Validity::covering(2);
}

/// A fieldless enum with a hand-written `BitEnum` whose hidden discriminant list names a value
/// (1) that is no variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Forged {
    X = 0,
    Y = 2,
}

impl BitEnum for Forged {
    const BITS: u32 = 2;
    const VARIANTS: u128 = 2;
    fn from_bits(bits: u128) -> Option<Forged> {
        match bits {
            0 => Some(Forged::X),
            2 => Some(Forged::Y),
            _ => None,
        }
    }
    fn into_bits(self) -> u128 {
        self as u128
    }
    fn __from_valid_bits(bits: u128) -> Forged {
        if bits == 2 {
            Forged::Y
        } else {
            Forged::X
        }
    }
    const __ZC_NAME: &'static str = "Forged";
    const __ZC_DISCRIMINANTS: &'static [u128] = &[0, 1, 2];
}

zerocast::bitfield! {
    /// Fields of the two hand-written types.
    struct Lies(u8) {
        1:0 liar as? Liar;
        3:2 forged as? Forged;
        5:4 checked ?=> Forged;
    }
}

/// Probe: the hidden `FieldType`/`BitEnum` items can be implemented by hand in safe code, and a
/// lying `__ZC_VALIDITY` or `__ZC_DISCRIMINANTS` makes `as?` accept bits that are no variant.
/// What the getter then returns comes from the same hand-written impl (`__from_valid_bits`),
/// a valid value of that type: the lie stays inside the liar's type, no invalid value of any
/// type results (nothing `unsafe` relies on these items). `?=>` asks `from_bits`, which is
/// honest here, so the two lines disagree on the same bits.
#[test]
fn hand_written_field_traits_lie_only_about_their_own_type() {
    let l = Lies::try_from_bits(0b01_01_11).expect("the liars accept 3 and 1");
    assert_eq!(l.liar(), Liar::B);
    assert_eq!(l.forged(), Forged::X);
    let e = l.checked().expect_err("1 is no Forged");
    assert_eq!((e.found(), e.field()), (Some(1), Some(("Lies", "checked"))));
    assert_eq!(
        l.with_forged(Forged::Y).with_liar(Liar::A).into_bits(),
        0b01_10_00
    );
    // Bits a lie does not cover are still refused, by the lie's own rule.
    let e = Lies::try_from_bits(0b00_11_00).expect_err("3 is not listed");
    assert_eq!((e.found(), e.field()), (Some(3), Some(("Lies", "forged"))));
    assert_eq!(<Liar as FieldType>::from_bits(3), None);
}

/// Probe: every way to make a `Bounded` (`try_new`, `new::<V>`, `Default`, and the hidden
/// `__masked` the generated getters call) yields a value within its `W` bits, for widths from 0
/// to past the type's own.
#[test]
fn bounded_values_stay_in_range() {
    fn check<const W: u32>() {
        let max: u32 = if W >= 8 { 0xff } else { (1 << W) - 1 };
        assert_eq!(u32::from(Bounded::<u8, W>::MAX), max);
        for v in 0..=u8::MAX {
            let fits = u32::from(v) <= max;
            assert_eq!(
                Bounded::<u8, W>::try_new(v).map(|b| b.get()),
                fits.then_some(v)
            );
            let masked = Bounded::<u8, W>::__masked(v).get();
            assert!(u32::from(masked) <= max);
            assert_eq!(u32::from(masked), u32::from(v) & max);
        }
        assert_eq!(Bounded::<u8, W>::default().get(), 0);
        assert_eq!(Bounded::<u8, W>::new::<0>().get(), 0);
    }
    check::<0>();
    check::<1>();
    check::<7>();
    check::<8>();
    check::<200>();
    assert_eq!(Bounded::<u8, 3>::new::<7>().get(), 7);
    assert_eq!(Bounded::<u128, 128>::MAX, u128::MAX);
    assert_eq!(
        Bounded::<u128, 128>::new::<{ u128::MAX }>().get(),
        u128::MAX
    );
    assert_eq!(Bounded::<u16, 200>::MAX, u16::MAX);
    assert_eq!(
        Bounded::<u64, 64>::try_new(u64::MAX).map(|b| b.get()),
        Some(u64::MAX)
    );
}

// ---- Aligned byte-order registers and the recording device ---------------------------------

/// Probe: `Le*`/`Be*` registers are accessed as the native integer of their size is (one
/// access of their width each; a `Le64` two 32-bit ones where `u64` is aligned to 4), whose
/// logged value is the stored integer (the bytes in memory, native-endian), and whose memory
/// bytes are the value's bytes in the named order; an array of `Le16` at stride 2 reaches its
/// last element.
#[test]
fn aligned_endian_registers_are_accessed_as_native_integers() {
    let dev = RecordingDevice::new(32);
    let mut regs = Regs::<32, _>::fake(&dev, 0).expect("aligned");
    regs.write::<Reg<ReadWrite<Le32>, 0>>(Le32::new(0x1122_3344));
    regs.write::<Reg<ReadWrite<Be32>, 4>>(Be32::new(0x1122_3344));
    regs.write::<Reg<ReadWrite<Le64>, 8>>(Le64::new(0x0102_0304_0506_0708));
    regs.elem::<RegArray<ReadWrite<Le16>, 16, 2, 8>>(7)
        .expect("inside")
        .write(Le16::new(0xbeef));
    let ne32 = |b: [u8; 4]| u64::from(u32::from_ne_bytes(b));
    let mut expected = vec![
        Access::write(0, Width::W32, ne32(0x1122_3344_u32.to_le_bytes())),
        Access::write(4, Width::W32, ne32(0x1122_3344_u32.to_be_bytes())),
    ];
    expected.extend(expect_u64_access(
        AccessKind::Write,
        8,
        u64::from_ne_bytes(0x0102_0304_0506_0708_u64.to_le_bytes()),
    ));
    expected.push(Access::write(
        30,
        Width::W16,
        u64::from(u16::from_ne_bytes(0xbeef_u16.to_le_bytes())),
    ));
    assert_eq!(dev.take_log(), expected);
    let m = dev.memory();
    assert_eq!(m[..4], 0x1122_3344_u32.to_le_bytes());
    assert_eq!(m[4..8], 0x1122_3344_u32.to_be_bytes());
    assert_eq!(m[8..16], 0x0102_0304_0506_0708_u64.to_le_bytes());
    assert_eq!(m[30..], 0xbeef_u16.to_le_bytes());
    dev.queue_read(0, ne32(0xdead_beef_u32.to_le_bytes()));
    assert_eq!(regs.read::<Reg<ReadWrite<Le32>, 0>>().get(), 0xdead_beef);
    assert_eq!(regs.read::<Reg<ReadWrite<Be32>, 4>>().get(), 0x1122_3344);
    assert_eq!(
        dev.log(),
        [
            Access::read(0, Width::W32, ne32(0xdead_beef_u32.to_le_bytes())),
            Access::read(4, Width::W32, ne32(0x1122_3344_u32.to_be_bytes())),
        ]
    );
}

/// Probe: the recording device's per-offset queues at their edges: a queued value wider than
/// the access (masked, as logged), a queue consumed by an access of another width at the same
/// offset, interleaved offsets (first in, first out per offset), reads and writes partly past
/// the memory (0, ignored), a queue at an offset no access reaches, and zero-sized values at
/// `usize::MAX` (no access).
#[test]
fn recording_device_queue_edges() {
    let dev = RecordingDevice::with_memory(Vec::from([0x11, 0x22, 0x33, 0x44, 0x55, 0x66]));
    dev.queue_read(0, 0x1_0000_00ff);
    let b0 = DevicePtrMut::<u8, _>::fake(&dev, 0)
        .expect("inside")
        .into_shared();
    let h0 = DevicePtrMut::<u16, _>::fake(&dev, 0)
        .expect("aligned")
        .into_shared();
    let w4 = DevicePtrMut::<u32, _>::fake(&dev, 4)
        .expect("aligned")
        .into_shared();
    let h4 = DevicePtrMut::<u16, _>::fake(&dev, 4)
        .expect("aligned")
        .into_shared();
    assert_eq!(b0.read(), 0xff, "the queued value, truncated to 8 bits");
    assert_eq!(b0.read(), 0x11, "the queue is empty again: memory");
    dev.queue_read(0, 0xabcd_1234);
    assert_eq!(
        h0.read(),
        0x1234,
        "a 16-bit read at 0 takes the value queued at 0"
    );
    assert_eq!(h0.read(), u16::from_ne_bytes([0x11, 0x22]));
    assert_eq!(
        w4.read(),
        0,
        "bytes 4..8 are partly past the 6 bytes of memory"
    );
    assert_eq!(h4.read(), u16::from_ne_bytes([0x55, 0x66]));
    DevicePtrMut::<u32, _>::fake(&dev, 4)
        .expect("aligned")
        .write(0xffff_ffff);
    assert_eq!(dev.memory(), [0x11, 0x22, 0x33, 0x44, 0x55, 0x66]);

    dev.queue_read(2, 7);
    dev.queue_read(3, 8);
    dev.queue_read(2, 9);
    let b2 = DevicePtrMut::<u8, _>::fake(&dev, 2)
        .expect("inside")
        .into_shared();
    let b3 = DevicePtrMut::<u8, _>::fake(&dev, 3)
        .expect("inside")
        .into_shared();
    assert_eq!(
        (b3.read(), b2.read(), b2.read(), b2.read(), b3.read()),
        (8, 7, 9, 0x33, 0x44)
    );

    dev.queue_read(usize::MAX, 1);
    assert!(DevicePtrMut::<u8, _>::fake(&dev, usize::MAX).is_none());
    let mut unit = DevicePtrMut::<(), _>::fake(&dev, usize::MAX).expect("zero-sized");
    unit.write(());
    let () = unit.read();
    let log = dev.take_log();
    assert_eq!(
        log,
        [
            Access::read(0, Width::W8, 0xff),
            Access::read(0, Width::W8, 0x11),
            Access::read(0, Width::W16, 0x1234),
            Access::read(0, Width::W16, u64::from(u16::from_ne_bytes([0x11, 0x22]))),
            Access::read(4, Width::W32, 0),
            Access::read(4, Width::W16, u64::from(u16::from_ne_bytes([0x55, 0x66]))),
            Access::write(4, Width::W32, 0xffff_ffff),
            Access::read(3, Width::W8, 8),
            Access::read(2, Width::W8, 7),
            Access::read(2, Width::W8, 9),
            Access::read(2, Width::W8, 0x33),
            Access::read(3, Width::W8, 0x44),
        ]
    );
    assert!(dev.log().is_empty());
    assert_eq!(
        format!("{dev:?}"),
        "RecordingDevice { memory: [17, 34, 51, 68, 85, 102], log: [], .. }"
    );
}

/// Probe: slices of zero-sized elements as long as `usize` allows, and empty slices: every
/// index, range and copy is checked (the copies as the standard library's `get` would), no
/// access is made, and the byte views are empty.
#[test]
fn zero_sized_and_empty_slices() {
    let dev = RecordingDevice::new(0);
    let mut units = DevicePtrMut::<[()], _>::fake_slice(&dev, 0, usize::MAX).expect("no bytes");
    assert_eq!(units.len(), usize::MAX);
    assert!(units.reborrow().get(usize::MAX - 1).is_some());
    assert!(units.reborrow().get(usize::MAX).is_none());
    assert_eq!(units.read_slice_at(usize::MAX, &mut []), Ok(()));
    assert_eq!(
        units
            .read_slice_at(usize::MAX - 1, &mut [(), ()])
            .map_err(|e| e.count),
        Err(2)
    );
    assert_eq!(units.write_slice_at(usize::MAX - 2, &[(), ()]), Ok(()));
    let (a, b) = units.reborrow().split_at(usize::MAX).expect("mid == len");
    assert_eq!((a.len(), b.len()), (usize::MAX, 0));
    assert!(units.into_bytes().is_empty());
    assert!(dev.log().is_empty());

    let mut none: [u8; 0] = [];
    let mut e = DevicePtrMut::from_mut(&mut none[..]);
    assert_eq!(e.read_slice_at(0, &mut []), Ok(()));
    let err = e.read_slice_at(1, &mut []).expect_err("1 > len");
    assert_eq!((err.offset, err.count, err.len), (1, 0, 0));
    assert!(none.get(1..1).is_none(), "as the standard library");
    let mut e = DevicePtrMut::from_mut(&mut none[..]);
    assert!(e.reborrow().get_range(0..0).is_some_and(|r| r.is_empty()));
    assert!(e.reborrow().get_range(1..).is_none());
    assert!(e.into_bytes().is_empty());
}

// ---- Threads --------------------------------------------------------------------------------

/// Probe: DMA sub-buffers split three ways go to three threads, a register block is read through
/// `&Regs` (pure reads and `elem_pure`) from two threads at once, a unique pointer is shared by
/// reference for its pure reads, and a run-time block moves to a thread: no data race under
/// Miri, and each thread saw and wrote what it should.
#[test]
fn threads_share_pure_reads_and_split_writes() {
    let mut pool = [0_u32; 6];
    let buf = DmaBuf::new(&mut pool[..], 0x1000);
    let (mut a, rest) = buf.split_at(2).expect("2 <= 6");
    let (mut b, mut c) = rest.split_at(1).expect("1 <= 4");
    std::thread::scope(|s| {
        s.spawn(move || {
            assert_eq!(a.dma_addr(), 0x1000);
            a.ptr().write_slice(&[1, 1]).expect("two");
        });
        s.spawn(move || {
            assert_eq!(b.dma_addr(), 0x1008);
            b.ptr().write_slice(&[2]).expect("one");
        });
        s.spawn(move || {
            assert_eq!(c.dma_addr(), 0x100c);
            c.ptr().write_slice(&[3; 3]).expect("three");
        });
    });
    assert_eq!(pool, [1, 1, 2, 3, 3, 3]);

    let mut mem = [0_u64; 2];
    let mut regs = Regs::<16>::from_mut(&mut mem);
    regs.write::<Reg<ReadPureWrite<u32>, 0>>(0x1d);
    regs.write::<Reg<ReadPureWrite<u32>, 12>>(0x2e);
    let shared = &regs;
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(move || {
                assert_eq!(shared.read_pure::<Reg<ReadPure<u32>, 0>>(), 0x1d);
                let e = shared
                    .elem_pure::<RegArray<ReadPureWrite<u32>, 4, 4, 3>>(2)
                    .expect("inside");
                assert_eq!(e.read(), 0x2e);
            });
        }
    });

    let mut id = ReadPure::new(0x4c50_u16);
    let unique = DevicePtrMut::from_mut(&mut id);
    let by_ref = &unique;
    std::thread::scope(|s| {
        s.spawn(move || assert_eq!(by_ref.as_shared().read(), 0x4c50));
        s.spawn(move || assert_eq!(by_ref.as_shared().read(), 0x4c50));
    });

    let mut words = [0_u64; 2];
    let mut dynamic = RegsDyn::from_mut(&mut words[..]);
    std::thread::scope(|s| {
        s.spawn(move || {
            assert_eq!(dynamic.write::<Reg<ReadWrite<u64>, 8>>(5), Ok(()));
        });
    });
    assert_eq!(words, [0, 5]);
}

/// A fake device whose reads count, to tell a pure read from a side-effect one.
struct Counter(Cell<usize>);

impl FakeDevice for Counter {
    fn read(&self, offset: usize, _: Width) -> u64 {
        self.0.set(self.0.get() + 1);
        offset as u64
    }
    fn write(&self, _: usize, _: Width, _: u64) {}
}

/// Probe: the shared pointers `elem_pure` hands out read the element at its own offset (each
/// read one access), for every element, and not past the array.
#[test]
fn elem_pure_reads_each_element_once() {
    let dev = Counter(Cell::new(0));
    let regs = RegsDyn::fake(&dev, 0x100, 64).expect("aligned");
    type Ids = RegArray<ReadPure<u32>, 8, 12, 4>;
    for i in 0..4 {
        let p = regs.elem_pure::<Ids>(i).expect("inside");
        assert_eq!(p.read(), (0x100 + 8 + 12 * i) as u32);
    }
    assert_eq!(
        regs.elem_pure::<Ids>(4).map(|p| p.addr()),
        Err(RegError::Index { index: 4, len: 4 })
    );
    assert_eq!(dev.0.get(), 4);
}

/// `InvalidBits` is the error of every `?=>` getter: an exact one, to compare with.
#[test]
fn read_checked_error_is_the_documented_one() {
    let c = Csts::from_bits(0b1100);
    let e: InvalidBits = c.shst().expect_err("11b is reserved");
    assert_eq!(
        e.to_string(),
        format!(
            "0x3 is not a valid `{}` at byte offset 0 (field `shst` of `Csts`)",
            core::any::type_name::<Shst>()
        )
    );
}

/// Probe (review of the issue-17 change): a `Strided` view at the edges of its arithmetic,
/// with overflow checks on (this test binary's debug build). A stride of 0 and a length of
/// `usize::MAX` put every element at one offset; a stride near `usize::MAX` overflows for the
/// second element; an index of `usize::MAX` is refused. Nothing panics, every access lands
/// at the offset computed independently here, and refusals happen before any access.
#[test]
fn strided_views_at_the_edges_of_their_arithmetic() {
    let dev = RecordingDevice::new(64);
    let mut regs = RegsDyn::fake(&dev, 0, 64).expect("aligned");
    // Stride 0, as many elements as `usize` counts: overlapping registers, refused before
    // any access.
    let same = RegStride::<ReadWrite<u32>>::new(8, 0, usize::MAX);
    assert_eq!(
        regs.strided(&same).map(|_| ()),
        Err(RegError::Overlap {
            stride: 0,
            width: 4
        })
    );
    // Every `usize::MAX / 16`-th 4-byte register... of which only the first is inside: a
    // long array is checked by its last element, refused as past the block.
    let long = RegStride::<ReadWrite<u32>>::new(8, 16, usize::MAX / 16);
    assert_eq!(
        regs.strided(&long).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 8 + 16 * (usize::MAX / 16 - 1),
            width: 4,
            size: 64
        })
    );
    // One register: any stride; an index of `usize::MAX` is refused.
    let one = RegStride::<ReadWrite<u32>>::new(8, 0, 1);
    let mut view = regs.strided(&one).expect("inside");
    view.elem(0).expect("in range").write(0x1234_5678);
    assert_eq!(
        view.elem(usize::MAX).map(|_| ()),
        Err(RegError::Index {
            index: usize::MAX,
            len: 1
        })
    );
    assert_eq!(view.elem(0).expect("in range").read(), 0x1234_5678);
    // The third element's offset overflows: refused as past the block, before any access.
    let wrapping = RegStride::<ReadWrite<u32>>::new(8, 1 << (usize::BITS - 1), 3);
    assert_eq!(
        regs.strided(&wrapping).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: usize::MAX,
            width: 4,
            size: 64
        })
    );
    // The second element's offset overflows: out of the block (at `usize::MAX`, as every
    // overflowing offset), not misaligned, and before any access.
    let wrapping = RegStride::<ReadWrite<u32>>::new(8, usize::MAX - 3, 2);
    assert_eq!(
        regs.strided(&wrapping).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: usize::MAX,
            width: 4,
            size: 64
        })
    );
    // The same stride from offset 0 does not overflow at element 1: that element is
    // misaligned, and said so with its offset.
    let odd = RegStride::<ReadWrite<u32>>::new(0, usize::MAX - 2, 2);
    assert_eq!(
        regs.strided(&odd).map(|_| ()),
        Err(RegError::Misaligned {
            offset: usize::MAX - 2,
            align: 4
        })
    );
    // Zero-sized cells: any stride, at the block's end.
    let markers = RegStride::<ReadWrite<()>>::new(64, 0, 3);
    regs.strided(&markers)
        .expect("zero-sized, at the end")
        .elem(2)
        .expect("2")
        .write(());
    assert_eq!(
        dev.log(),
        [
            Access::write(8, Width::W32, 0x1234_5678),
            Access::read(8, Width::W32, 0x1234_5678),
        ]
    );
}
