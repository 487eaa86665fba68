// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probes against the write-1-to-set/clear permissions and the fake devices' bus order, in
//! safe code only (run under Miri in CI): a fake that changes its bus order between accesses
//! or answers garbage cannot make a read return an invalid value; a struct of write-1 cells is
//! reached through field projections with the permission kept; a big-endian bus swaps every
//! width exactly.

use core::cell::Cell;

use zerocast::byteorder::{Be32, Le16, Le32, Le64};
use zerocast::device::{
    BusOrder, DevicePtrMut, FakeDevice, ReadOnly, ReadPure, ReadWrite, Width, WriteOneToClear,
    WriteOneToSet,
};
use zerocast::{field, split_fields};

/// A fake whose bus order changes at every access, and whose reads answer `answer` with all
/// the bits above the access width set.
struct Fickle {
    calls: Cell<u32>,
    answer: u64,
    writes: Cell<Vec<(usize, Width, u64)>>,
}

impl Fickle {
    fn new(answer: u64) -> Fickle {
        Fickle {
            calls: Cell::new(0),
            answer,
            writes: Cell::new(Vec::new()),
        }
    }
}

impl FakeDevice for Fickle {
    fn read(&self, _: usize, width: Width) -> u64 {
        if width == Width::W64 {
            self.answer
        } else {
            self.answer | u64::MAX << width.bits()
        }
    }
    fn write(&self, offset: usize, width: Width, value: u64) {
        let mut w = self.writes.take();
        w.push((offset, width, value));
        self.writes.set(w);
    }
    fn bus_order(&self) -> BusOrder {
        let n = self.calls.get();
        self.calls.set(n.wrapping_add(1));
        [BusOrder::Native, BusOrder::Little, BusOrder::Big][(n % 3) as usize]
    }
}

/// Probe: whatever order the fake claims, and whatever it answers above the access width, a
/// validated read of a type with invalid bit patterns checks the bytes the cell received: a
/// `char` from 0xd800 (a surrogate in host order, past `char::MAX` swapped) is refused in every
/// order, and a `bool` from 2 (a byte access, which no order swaps) too.
#[test]
fn a_fickle_bus_order_never_yields_an_invalid_value() {
    let dev = Fickle::new(0xd800);
    for _ in 0..6 {
        // (`calls` counts the orders asked: one per 32-bit access, cycling through the three.)
        let mut c = DevicePtrMut::<ReadOnly<char>, _>::fake(&dev, 0).expect("aligned");
        // 0x0000d800 in host order is a surrogate; swapped it is 0x00d80000, past char::MAX.
        assert!(c.try_read().is_err());
    }
    assert_eq!(dev.calls.get(), 6);
    let dev = Fickle::new(2);
    for _ in 0..3 {
        let mut b = DevicePtrMut::<ReadOnly<bool>, _>::fake(&dev, 1).expect("bytes align to 1");
        assert!(b.try_read().is_err(), "2 is no bool, in any order");
    }
    assert_eq!(
        dev.calls.get(),
        0,
        "a byte access has no byte order to ask for"
    );
}

/// A big-endian fake with one value per width.
struct BigEndianDevice;
impl FakeDevice for BigEndianDevice {
    fn read(&self, _: usize, width: Width) -> u64 {
        match width {
            Width::W8 => 0x11,
            Width::W16 => 0x1122,
            Width::W32 => 0x1122_3344,
            Width::W64 => 0x1122_3344_5566_7788,
        }
    }
    fn write(&self, _: usize, _: Width, _: u64) {}
    fn bus_order(&self) -> BusOrder {
        BusOrder::Big
    }
}

/// Probe: on a big-endian bus, a `Be32` cell reads the device's number and an `Le32` cell its
/// bytes reversed, at every width, on every host.
#[test]
fn a_big_endian_bus_swaps_every_width() {
    let dev = BigEndianDevice;
    let mut be = DevicePtrMut::<ReadPure<Be32>, _>::fake(&dev, 0).expect("aligned");
    assert_eq!(be.read().get(), 0x1122_3344);
    let mut le = DevicePtrMut::<ReadPure<Le32>, _>::fake(&dev, 0).expect("aligned");
    assert_eq!(le.read().get(), 0x4433_2211);
    let mut le16 = DevicePtrMut::<ReadPure<Le16>, _>::fake(&dev, 0).expect("aligned");
    assert_eq!(le16.read().get(), 0x2211);
    let mut le64 = DevicePtrMut::<ReadPure<Le64>, _>::fake(&dev, 0).expect("aligned");
    let expected = if align_of::<u64>() == 8 {
        0x8877_6655_4433_2211
    } else {
        // Two 32-bit accesses, each the device's 32-bit number in big-endian order.
        0x4433_2211_4433_2211
    };
    assert_eq!(le64.read().get(), expected);
    let mut byte = DevicePtrMut::<ReadPure<u8>, _>::fake(&dev, 3).expect("aligned");
    assert_eq!(byte.read(), 0x11);
}

#[repr(C)]
struct Port {
    is: WriteOneToClear<u32>,
    ie: ReadWrite<u32>,
    set: WriteOneToSet<u32>,
}

/// Probe: a struct of write-1 cells is reached with `field!` and `split_fields!`; each field
/// keeps its permission (read through a shared pointer, written), and the accesses are the
/// ones asked for, at the fields' offsets.
#[test]
fn write_one_cells_in_a_struct_keep_their_permission_through_projections() {
    let dev = Fickle::new(0b101);
    let mut port = DevicePtrMut::<Port, _>::fake(&dev, 0x100).expect("aligned");
    {
        let (mut is, mut ie) = split_fields!(port.reborrow(), Port, is, ie);
        let pending = is.as_shared().read() & 0b1;
        is.write(pending);
        ie.update(|v| v | 0b10);
    }
    field!(port, Port, set).write(1 << 4);
    let writes = dev.writes.take();
    assert_eq!(writes.len(), 3);
    assert_eq!(
        writes.iter().map(|w| (w.0, w.1)).collect::<Vec<_>>(),
        [
            (0x100, Width::W32),
            (0x104, Width::W32),
            (0x108, Width::W32)
        ]
    );
}
