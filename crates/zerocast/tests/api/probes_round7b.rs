// SPDX-License-Identifier: MIT OR Apache-2.0
//! Adversarial probes, round 7b (branch `attack7`): safe programs aimed at the write-1-to-set/
//! clear permissions, the fake devices' bus order and the `Strided` view's edge arithmetic.
//!
//! Each probe tries to obtain an invalid value, a wrong value or offset, or a panic inside
//! zerocast, and asserts the exact value or error the API answers instead, computed here from
//! the standard library (`from_le_bytes`, `to_be`, checked arithmetic), never from zerocast.
//! They run natively, under Miri (`-Zmiri-strict-provenance -Zmiri-symbolic-alignment-check`)
//! and on a big-endian target (`--target s390x-unknown-linux-gnu`). What must not compile is in
//! `tests/ui/probe7b_*`, what must compile in `tests/ui-pass/probe7b_*`.

use core::cell::{Cell, RefCell};
use core::num::{NonZeroU16, NonZeroU32, NonZeroU64};
use std::panic::{catch_unwind, AssertUnwindSafe};

use zerocast::byteorder::{Be16, Be32, Be64, Le16, Le32, Le64};
use zerocast::device::{
    BusOrder, DevicePtrMut, FakeDevice, ReadOnly, ReadPure, ReadPureWrite, ReadWrite, Reg,
    RegError, RegStride, Regs, RegsDyn, Width, WriteOneToClear, WriteOneToSet,
};
use zerocast::{Immutable, IntoBytes, KnownLayout, TryFromBytes};

const ORDERS: [BusOrder; 3] = [BusOrder::Native, BusOrder::Little, BusOrder::Big];

/// A byte-addressed device behind a bus of a chosen order: its registers' bytes are `mem`, and
/// a number it answers or observes is those bytes in the bus's order, as a real bus maps them.
/// So whatever the order, a cell must read the native integer of `mem`'s bytes, and a write
/// must leave exactly the value's native bytes in `mem`.
struct ByteBus {
    mem: RefCell<Vec<u8>>,
    order: Cell<BusOrder>,
    accesses: Cell<usize>,
}

impl ByteBus {
    fn new(len: usize, order: BusOrder) -> ByteBus {
        ByteBus {
            mem: RefCell::new(vec![0; len]),
            order: Cell::new(order),
            accesses: Cell::new(0),
        }
    }

    fn bytes(&self, offset: usize, n: usize) -> Vec<u8> {
        self.mem.borrow()[offset..offset + n].to_vec()
    }

    fn set_bytes(&self, offset: usize, bytes: &[u8]) {
        self.mem.borrow_mut()[offset..offset + bytes.len()].copy_from_slice(bytes);
    }
}

impl FakeDevice for ByteBus {
    fn read(&self, offset: usize, width: Width) -> u64 {
        self.accesses.set(self.accesses.get() + 1);
        let n = width.bytes();
        let b = self.bytes(offset, n);
        let mut le = [0_u8; 8];
        let mut be = [0_u8; 8];
        le[..n].copy_from_slice(&b);
        be[8 - n..].copy_from_slice(&b);
        let little = u64::from_le_bytes(le);
        let big = u64::from_be_bytes(be);
        let number = match self.order.get() {
            BusOrder::Little => little,
            BusOrder::Big => big,
            BusOrder::Native if cfg!(target_endian = "little") => little,
            BusOrder::Native => big,
        };
        // Garbage above the access width, which zerocast must drop.
        number | (u64::MAX.checked_shl(width.bits()).unwrap_or(0) & 0xa5a5_a5a5_a5a5_a5a5)
    }

    fn write(&self, offset: usize, width: Width, value: u64) {
        self.accesses.set(self.accesses.get() + 1);
        let n = width.bytes();
        assert!(
            width == Width::W64 || value >> width.bits() == 0,
            "a write's value is zero-extended from its width"
        );
        let little = value.to_le_bytes();
        let big = value.to_be_bytes();
        let le = &little[..n];
        let be = &big[8 - n..];
        let bytes = match self.order.get() {
            BusOrder::Little => le,
            BusOrder::Big => be,
            BusOrder::Native if cfg!(target_endian = "little") => le,
            BusOrder::Native => be,
        };
        self.set_bytes(offset, bytes);
    }

    fn bus_order(&self) -> BusOrder {
        self.order.get()
    }
}

/// Probe: on every bus order, every width (16, 32, 64 bits) and every cell kind (native, `Le*`,
/// `Be*`), a read returns the native integer of the register's bytes and a write leaves the
/// value's native bytes; a 64-bit cell split into halves (where `u64` is aligned to 4) keeps
/// its bytes in place too. Checked both ways, through byte cells at the same offsets.
#[test]
fn every_order_and_width_maps_a_cell_to_the_registers_bytes() {
    let pattern: [u8; 8] = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef];
    for order in ORDERS {
        let dev = ByteBus::new(32, order);
        dev.set_bytes(8, &pattern);
        let p16 = [pattern[0], pattern[1]];
        let p32 = [pattern[0], pattern[1], pattern[2], pattern[3]];
        macro_rules! reads {
            ($($cell:ty => $expected:expr),+ $(,)?) => {$(
                let mut p = DevicePtrMut::<ReadPure<$cell>, _>::fake(&dev, 8).expect("aligned");
                assert_eq!(p.read(), $expected, "{order:?}, {}", stringify!($cell));
                assert_eq!(p.as_shared().read(), $expected, "{order:?}, {}", stringify!($cell));
            )+};
        }
        reads!(
            u16 => u16::from_ne_bytes(p16),
            u32 => u32::from_ne_bytes(p32),
            u64 => u64::from_ne_bytes(pattern),
            Le16 => Le16::new(u16::from_le_bytes(p16)),
            Le32 => Le32::new(u32::from_le_bytes(p32)),
            Le64 => Le64::new(u64::from_le_bytes(pattern)),
            Be16 => Be16::new(u16::from_be_bytes(p16)),
            Be32 => Be32::new(u32::from_be_bytes(p32)),
            Be64 => Be64::new(u64::from_be_bytes(pattern)),
        );

        macro_rules! writes {
            ($($cell:ty => $value:expr),+ $(,)?) => {$(
                dev.set_bytes(16, &[0; 8]);
                let v: $cell = $value;
                DevicePtrMut::<ReadPureWrite<$cell>, _>::fake(&dev, 16)
                    .expect("aligned")
                    .write(v);
                let n = size_of::<$cell>();
                assert_eq!(dev.bytes(16, n), v.as_bytes(), "{order:?}, {}", stringify!($cell));
                // And each byte, through a byte cell (no order to apply).
                for (i, b) in v.as_bytes().iter().enumerate() {
                    let mut byte =
                        DevicePtrMut::<ReadPure<u8>, _>::fake(&dev, 16 + i).expect("bytes");
                    assert_eq!(byte.read(), *b);
                }
            )+};
        }
        writes!(
            u16 => 0x8001,
            u32 => 0x8000_0102,
            u64 => 0x8000_0000_0000_0102,
            Le16 => Le16::new(0x8001),
            Le32 => Le32::new(0x8000_0102),
            Le64 => Le64::new(0x8000_0000_0000_0102),
            Be16 => Be16::new(0x8001),
            Be32 => Be32::new(0x8000_0102),
            Be64 => Be64::new(0x8000_0000_0000_0102),
        );
        // A write of a register's value as a write-1 cell, then a read back as another kind.
        let mut w1c = DevicePtrMut::<WriteOneToClear<Le32>, _>::fake(&dev, 0).expect("aligned");
        w1c.write(Le32::new(0x1234_5678));
        assert_eq!(dev.bytes(0, 4), [0x78, 0x56, 0x34, 0x12], "{order:?}");
        let mut w1s = DevicePtrMut::<WriteOneToSet<Be32>, _>::fake(&dev, 0).expect("aligned");
        assert_eq!(w1s.as_shared().read().get(), 0x7856_3412, "{order:?}");
        assert_eq!(w1s.read().get(), 0x7856_3412, "{order:?}");
    }
}

/// Probe: a 64-bit cell is one access where `u64` is aligned to 8, else two 32-bit halves at
/// ascending offsets; on every order the fake sees the halves' numbers, never swapped across.
#[test]
fn a_64_bit_write_reaches_the_device_as_its_native_bytes_in_every_order() {
    for order in ORDERS {
        let dev = ByteBus::new(16, order);
        let mut reg = DevicePtrMut::<ReadWrite<u64>, _>::fake(&dev, 8).expect("aligned");
        reg.write(0x0011_2233_4455_6677);
        let accesses = if align_of::<u64>() == 8 { 1 } else { 2 };
        assert_eq!(dev.accesses.get(), accesses);
        assert_eq!(dev.bytes(8, 8), 0x0011_2233_4455_6677_u64.to_ne_bytes());
        reg.update(|v| v ^ 0xff);
        assert_eq!(dev.bytes(8, 8), 0x0011_2233_4455_6688_u64.to_ne_bytes());
    }
}

/// A fake that answers a fixed number with garbage above the width, under a given order.
struct Fixed {
    answer: u64,
    order: BusOrder,
}

impl FakeDevice for Fixed {
    fn read(&self, _: usize, width: Width) -> u64 {
        if width == Width::W64 {
            self.answer
        } else {
            self.answer & (u64::MAX >> (64 - width.bits())) | u64::MAX << width.bits()
        }
    }
    fn write(&self, _: usize, _: Width, _: u64) {}
    fn bus_order(&self) -> BusOrder {
        self.order
    }
}

#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug, PartialEq, Eq, Clone, Copy)]
#[repr(u16)]
enum Mode {
    Low = 0x0001,
    High = 0x0100,
}

/// Probe: `NonZero*` cells at 16, 32 and 64 bits refuse a zero number whatever garbage lies
/// above the width and whatever the order; a `repr(u16)` enum reads the variant of the bytes
/// the order gives (0x0001 swapped is 0x0100), and refuses 0x0002 (0x0200 swapped) in all.
#[test]
fn validated_reads_check_the_bytes_after_the_swap_in_every_order() {
    for order in ORDERS {
        let zero = Fixed { answer: 0, order };
        let mut a = DevicePtrMut::<WriteOneToSet<NonZeroU16>, _>::fake(&zero, 0).expect("ok");
        assert!(a.try_read().is_err() && a.as_shared().try_read().is_err());
        let mut b = DevicePtrMut::<WriteOneToClear<NonZeroU32>, _>::fake(&zero, 0).expect("ok");
        assert!(b.try_read().is_err() && b.as_shared().try_read().is_err());
        let mut c = DevicePtrMut::<ReadOnly<NonZeroU64>, _>::fake(&zero, 0).expect("ok");
        assert!(c.try_read().is_err());

        let one = Fixed { answer: 1, order };
        let mut m = DevicePtrMut::<WriteOneToSet<Mode>, _>::fake(&one, 0).expect("ok");
        let expected = match (order, cfg!(target_endian = "little")) {
            (BusOrder::Native, _) | (BusOrder::Little, true) | (BusOrder::Big, false) => Mode::Low,
            _ => Mode::High,
        };
        assert_eq!(m.try_read(), Ok(expected), "{order:?}");
        assert_eq!(m.as_shared().try_read(), Ok(expected), "{order:?}");

        let two = Fixed { answer: 2, order };
        let mut bad = DevicePtrMut::<WriteOneToClear<Mode>, _>::fake(&two, 0).expect("ok");
        assert!(bad.try_read().is_err(), "{order:?}");
        let mut flag = DevicePtrMut::<WriteOneToClear<bool>, _>::fake(&two, 0).expect("ok");
        assert!(flag.try_read().is_err(), "{order:?}");
        let surrogate = Fixed {
            answer: 0xd800,
            order,
        };
        let mut ch = DevicePtrMut::<WriteOneToSet<char>, _>::fake(&surrogate, 0).expect("ok");
        assert!(ch.try_read().is_err(), "{order:?}");
    }
}

/// A fake whose `bus_order` panics at its `fuse`-th call.
struct Fuse {
    calls: Cell<u32>,
    fuse: u32,
    writes: Cell<u32>,
}

impl FakeDevice for Fuse {
    fn read(&self, _: usize, _: Width) -> u64 {
        0x0041
    }
    fn write(&self, _: usize, _: Width, _: u64) {
        self.writes.set(self.writes.get() + 1);
    }
    fn bus_order(&self) -> BusOrder {
        let n = self.calls.get() + 1;
        self.calls.set(n);
        assert!(n != self.fuse, "the fake's bus_order panics");
        BusOrder::Big
    }
}

/// Probe: a panic inside the fake's `bus_order` (in a read, a validated read, an update, a
/// slice copy) unwinds out of zerocast without a value: nothing half-read is returned, an
/// update writes nothing, and the pointer keeps working afterwards.
#[test]
fn a_panicking_bus_order_unwinds_without_a_value() {
    let dev = Fuse {
        calls: Cell::new(0),
        fuse: 1,
        writes: Cell::new(0),
    };
    let mut ch = DevicePtrMut::<ReadPure<char>, _>::fake(&dev, 0).expect("aligned");
    assert!(catch_unwind(AssertUnwindSafe(|| ch.try_read())).is_err());
    // 0x0041 swapped from a big-endian bus on either host: the bytes [0, 0, 0, 0x41].
    let expected = char::from_u32(u32::from_ne_bytes([0, 0, 0, 0x41]));
    assert_eq!(ch.try_read().ok(), expected);

    dev.calls.set(0);
    let mut rw = DevicePtrMut::<ReadWrite<u32>, _>::fake(&dev, 0).expect("aligned");
    assert!(catch_unwind(AssertUnwindSafe(|| rw.update(|v| v + 1))).is_err());
    assert_eq!(dev.writes.get(), 0, "the read panicked: nothing written");

    let mut words = [7_u32; 4];
    let dev = Fuse {
        calls: Cell::new(0),
        fuse: 3,
        writes: Cell::new(0),
    };
    let mut slice =
        DevicePtrMut::<[WriteOneToClear<u32>], _>::fake_slice(&dev, 0, 4).expect("inside");
    assert!(catch_unwind(AssertUnwindSafe(|| slice.read_slice(&mut words))).is_err());
    let read = u32::from_ne_bytes([0, 0, 0, 0x41]);
    assert_eq!(
        words,
        [read, read, 7, 7],
        "the copy stopped at the third element"
    );
}

/// A write-1-to-clear status register array, as hardware acts on it.
struct W1cBank {
    status: RefCell<[u32; 4]>,
}

impl FakeDevice for W1cBank {
    fn read(&self, offset: usize, width: Width) -> u64 {
        assert_eq!(width, Width::W32);
        u64::from(self.status.borrow()[offset / 4])
    }
    fn write(&self, offset: usize, width: Width, value: u64) {
        assert_eq!(width, Width::W32);
        // CAST: a 32-bit write's value fits in 32 bits.
        self.status.borrow_mut()[offset / 4] &= !(value as u32);
    }
}

/// Probe (footgun, legitimate): a slice of write-1-to-clear cells has `read_slice` and
/// `write_slice`, so copying the state out and back is two explicit calls that compile, and
/// clear every bit set, which `update` exists to refuse. Documented here as the behaviour.
#[test]
fn a_slice_copy_back_of_write_one_to_clear_cells_clears_everything() {
    let dev = W1cBank {
        status: RefCell::new([0b1001, 0b10, 0, 0xffff_0000]),
    };
    let mut bank =
        DevicePtrMut::<[WriteOneToClear<u32>], _>::fake_slice(&dev, 0, 4).expect("inside");
    let mut state = [0_u32; 4];
    bank.as_shared().read_slice(&mut state).expect("fits");
    state[0] &= 1; // meant: acknowledge event 0 of word 0 only
    bank.write_slice(&state).expect("fits");
    assert_eq!(*dev.status.borrow(), [0b1000, 0, 0, 0]);
}

/// Records the offsets accessed.
#[derive(Default)]
struct Offsets(RefCell<Vec<(usize, Width)>>);

impl FakeDevice for Offsets {
    fn read(&self, offset: usize, width: Width) -> u64 {
        self.0.borrow_mut().push((offset, width));
        0
    }
    fn write(&self, offset: usize, width: Width, _: u64) {
        self.0.borrow_mut().push((offset, width));
    }
}

/// Probe: `Strided` at the edges of the address space. Registers closer than their size are
/// `Overlap`; an overflowing second element is
/// `OutOfBlock { offset: usize::MAX }`; an empty array is accepted whatever its offset; a
/// single element ignores the stride; the last element may end exactly at the block's end;
/// every element `Strided::elem` reaches is the one `RegStride::offset_of` and `elem_at` name.
#[test]
fn strided_edges_of_the_address_space() {
    let dev = Offsets::default();
    let mut regs = RegsDyn::fake(&dev, 0, usize::MAX).expect("the whole space");
    type C = WriteOneToSet<u32>;
    let cases: [(usize, usize, usize); 12] = [
        (8, usize::MAX - 3, 2),
        (8, usize::MAX - 7, 2),
        (0, usize::MAX, 2),
        (usize::MAX - 7, 4, 1),
        (usize::MAX - 7, 4, 2),
        (usize::MAX - 3, 4, 1),
        (usize::MAX, 4, 0),
        (4, 3, 1),
        (4, 3, 2),
        (0, 4, usize::MAX),
        (0, usize::MAX / 4 + 1, 4),
        (usize::MAX - 11, 4, 2),
    ];
    for (offset, stride, len) in cases {
        let arr = RegStride::<C>::new(offset, stride, len);
        // The expected answer, from checked arithmetic on the documented rules.
        let last = len.checked_sub(1).map(|l| {
            l.checked_mul(stride)
                .and_then(|d| d.checked_add(offset))
                .unwrap_or(usize::MAX)
        });
        let second = offset.checked_add(stride).filter(|_| len > 1);
        let expected: Result<(), RegError> = match last {
            None => Ok(()),
            Some(_) if len > 1 && stride < 4 => Err(RegError::Overlap { stride, width: 4 }),
            Some(_) if offset % 4 != 0 => Err(RegError::Misaligned { offset, align: 4 }),
            Some(_) if second.is_some_and(|s| s % 4 != 0) => Err(RegError::Misaligned {
                offset: second.unwrap_or(0),
                align: 4,
            }),
            Some(l) if l > usize::MAX - 4 => Err(RegError::OutOfBlock {
                offset: l,
                width: 4,
                size: usize::MAX,
            }),
            Some(_) => Ok(()),
        };
        let got = regs.strided(&arr).map(|_| ());
        assert_eq!(got, expected, "{offset:#x} + i * {stride:#x}, {len}");
        if let Ok(mut s) = regs.strided(&arr) {
            for i in [0, 1, len.saturating_sub(1), len] {
                match s.elem(i) {
                    Ok(p) => assert_eq!(Some(p.addr()), arr.offset_of(i), "elem({i})"),
                    Err(e) => assert_eq!(e, RegError::Index { index: i, len }),
                }
            }
        }
        for i in [0, 1, len.saturating_sub(1)] {
            if let Ok(mut p) = regs.elem_at(&arr, i) {
                assert_eq!(Some(p.addr()), arr.offset_of(i));
                p.write(1);
            }
        }
    }
    assert!(dev
        .0
        .borrow()
        .iter()
        .all(|&(o, w)| o % 4 == 0 && o <= usize::MAX - 4 && w == Width::W32));
}

/// Probe (was a footgun, found by this round): a stride smaller than the register (0, or
/// any other below 4 for a 4-byte register) was accepted at run time, though `RegArray`
/// refuses it at compile time: every element was the same register. It is now refused as
/// `Overlap` by `strided` and `elem_at`, before any access; one register needs no stride.
#[test]
fn strided_with_stride_zero_reaches_one_register_repeatedly() {
    let dev = Offsets::default();
    let mut regs = Regs::<0x20, _>::fake(&dev, 0).expect("aligned");
    let arr = RegStride::<WriteOneToClear<u32>>::new(8, 0, 3);
    let overlap = RegError::Overlap {
        stride: 0,
        width: 4,
    };
    assert_eq!(regs.strided(&arr).map(|_| ()), Err(overlap));
    for i in 0..3 {
        assert_eq!(regs.elem_at(&arr, i).map(|_| ()), Err(overlap));
    }
    assert_eq!(dev.0.borrow().len(), 0);
    let one = RegStride::<WriteOneToClear<u32>>::new(8, 0, 1);
    let mut s = regs.strided(&one).expect("one register");
    for _ in 0..3 {
        s.elem(0).expect("inside").write(1);
    }
    assert_eq!(*dev.0.borrow(), [(8, Width::W32); 3]);

    // Zero-sized registers at stride 0: `usize::MAX` of them, no access at all.
    let zst = RegStride::<ReadPureWrite<()>>::new(0x20, 0, usize::MAX);
    let mut s = regs
        .strided(&zst)
        .expect("a zero-sized register at the block's end");
    s.elem(usize::MAX - 1).expect("inside").write(());
    assert_eq!(
        s.elem(usize::MAX).unwrap_err(),
        RegError::Index {
            index: usize::MAX,
            len: usize::MAX
        }
    );
    assert_eq!(dev.0.borrow().len(), 3);
}

/// Probe: the same misplaced element is reported differently by `strided` (alignment first)
/// and `elem_at` (inside first): a 4-byte register at offset 6 of an 8-byte block. Both
/// refuse it; the two orders are recorded here.
#[test]
fn strided_and_elem_at_report_a_misplaced_element_in_different_orders() {
    let dev = Offsets::default();
    let mut regs = Regs::<8, _>::fake(&dev, 0).expect("aligned");
    let arr = RegStride::<WriteOneToClear<u32>>::new(6, 4, 1);
    assert_eq!(
        regs.strided(&arr).unwrap_err(),
        RegError::Misaligned {
            offset: 6,
            align: 4
        }
    );
    assert_eq!(
        regs.elem_at(&arr, 0).unwrap_err(),
        RegError::OutOfBlock {
            offset: 6,
            width: 4,
            size: 8
        }
    );
    assert!(dev.0.borrow().is_empty());
}

/// Probe: a fake used as a trait object (`dyn FakeDevice`) forwards its bus order: a
/// big-endian fake behind `&dyn FakeDevice` swaps as it does by value.
#[test]
fn a_dyn_fake_device_keeps_its_bus_order() {
    let dev = ByteBus::new(8, BusOrder::Big);
    dev.set_bytes(0, &[0x12, 0x34, 0x56, 0x78]);
    let dyn_dev: &dyn FakeDevice = &dev;
    let mut regs = Regs::<8, _>::fake(dyn_dev, 0).expect("aligned");
    type Id = Reg<ReadPure<Be32>, 0>;
    type Raw = Reg<WriteOneToSet<u32>, 0>;
    assert_eq!(regs.read_pure::<Id>().get(), 0x1234_5678);
    assert_eq!(
        regs.read_pure::<Raw>(),
        u32::from_ne_bytes([0x12, 0x34, 0x56, 0x78])
    );
    regs.write::<Raw>(u32::from_ne_bytes([0xaa, 0, 0, 0x01]));
    assert_eq!(dev.bytes(0, 4), [0xaa, 0, 0, 0x01]);
}
