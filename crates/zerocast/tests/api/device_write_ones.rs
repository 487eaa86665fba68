// SPDX-License-Identifier: MIT OR Apache-2.0
//! Write-1-to-set/clear registers (`WriteOneToSet`, `WriteOneToClear`) on a simulated GICv2
//! distributor whose set/clear pairs act on the ones written, as the hardware's do: the
//! driver's writes touch only the bits meant, state is read through a shared borrow of the
//! block, and every access is the one expected. (`update` of such a register is a compile
//! error: tests/ui/device_*write_one*.rs.)

use std::cell::Cell;

use zerocast::byteorder::Le32;
use zerocast::device::{
    Access, BusOrder, DevicePtrMut, FakeDevice, Reg, RegArray, RegStride, Regs, RegsDyn, Width,
    WriteOneToClear, WriteOneToSet,
};

type Isenabler = RegArray<WriteOneToSet<Le32>, 0x100, 4, 32>;
type Icenabler = RegArray<WriteOneToClear<Le32>, 0x180, 4, 32>;
/// An interrupt status register whose events are acknowledged by writing 1 (AHCI's PxIS).
type Status = Reg<WriteOneToClear<Le32>, 0x200>;

/// The enable bits of 64 interrupts behind a set register and a clear register, and a status
/// register whose bits are cleared by writing 1; every access logged.
struct Distributor {
    enabled: Cell<u64>,
    status: Cell<u32>,
    log: Cell<Vec<Access>>,
}

impl Distributor {
    fn new(enabled: u64, status: u32) -> Distributor {
        Distributor {
            enabled: Cell::new(enabled),
            status: Cell::new(status),
            log: Cell::new(Vec::new()),
        }
    }

    fn log(&self) -> Vec<Access> {
        self.log.take()
    }

    fn push(&self, access: Access) {
        let mut log = self.log.take();
        log.push(access);
        self.log.set(log);
    }

    /// The enable word `offset` selects in the set (0x100) or clear (0x180) bank.
    fn word(offset: usize) -> Option<u32> {
        match offset {
            0x100..0x108 => Some(((offset - 0x100) / 4) as u32),
            0x180..0x188 => Some(((offset - 0x180) / 4) as u32),
            _ => None,
        }
    }
}

impl FakeDevice for Distributor {
    fn read(&self, offset: usize, width: Width) -> u64 {
        assert_eq!(width, Width::W32, "32-bit accesses only");
        let value = match (Distributor::word(offset), offset) {
            (Some(w), _) => (self.enabled.get() >> (32 * w)) & 0xffff_ffff,
            (None, 0x200) => u64::from(self.status.get()),
            _ => panic!("unmapped read at {offset:#x}"),
        };
        self.push(Access::read(offset, width, value));
        value
    }

    fn write(&self, offset: usize, width: Width, value: u64) {
        assert_eq!(width, Width::W32, "32-bit accesses only");
        self.push(Access::write(offset, width, value));
        match (Distributor::word(offset), offset) {
            (Some(w), 0x100..0x108) => self.enabled.set(self.enabled.get() | value << (32 * w)),
            (Some(w), _) => self.enabled.set(self.enabled.get() & !(value << (32 * w))),
            // CAST: a 32-bit write's value fits in 32 bits.
            (None, 0x200) => self.status.set(self.status.get() & !(value as u32)),
            _ => panic!("unmapped write at {offset:#x}"),
        }
    }

    /// The GIC's registers are little-endian (its cells are `Le32`).
    fn bus_order(&self) -> BusOrder {
        BusOrder::Little
    }
}

fn is_enabled(gicd: &Regs<'_, 0x400, zerocast::device::Fake<'_, Distributor>>, irq: usize) -> bool {
    let word = gicd
        .elem_pure::<Isenabler>(irq / 32)
        .expect("inside the array")
        .read();
    word.get() & (1 << (irq % 32)) != 0
}

#[test]
fn set_and_clear_registers_act_on_the_bits_written_only() {
    // Interrupts 33 and 63 are enabled already; the driver enables 40, then disables 33.
    let dev = Distributor::new(1 << 33 | 1 << 63, 0);
    let mut gicd = Regs::<0x400, _>::fake(&dev, 0).expect("aligned");
    gicd.elem::<Isenabler>(1)
        .expect("inside")
        .write(Le32::new(1 << 8));
    assert!(is_enabled(&gicd, 40));
    gicd.elem::<Icenabler>(1)
        .expect("inside")
        .write(Le32::new(1 << 1));
    assert!(!is_enabled(&gicd, 33));
    assert!(is_enabled(&gicd, 63) && is_enabled(&gicd, 40));
    assert_eq!(dev.enabled.get(), 1 << 40 | 1 << 63);
    assert_eq!(
        dev.log(),
        [
            Access::write(0x104, Width::W32, 1 << 8),
            Access::read(0x104, Width::W32, 1 << 31 | 1 << 8 | 1 << 1),
            Access::write(0x184, Width::W32, 1 << 1),
            Access::read(0x104, Width::W32, 1 << 31 | 1 << 8),
            Access::read(0x104, Width::W32, 1 << 31 | 1 << 8),
            Access::read(0x104, Width::W32, 1 << 31 | 1 << 8),
        ]
    );
}

#[test]
fn a_status_register_acknowledges_each_event_read_once() {
    // Events 0 and 3 are pending; the handler reads the state through a shared pointer, then
    // acknowledges each with its own bit, as a driver of a write-1-to-clear status does.
    let dev = Distributor::new(0, 0b1001);
    let mut gicd = Regs::<0x400, _>::fake(&dev, 0).expect("aligned");
    let pending = gicd.read_pure::<Status>().get();
    for event in (0..32).filter(|e| pending & (1 << e) != 0) {
        gicd.write::<Status>(Le32::new(1 << event));
    }
    assert_eq!(dev.status.get(), 0);
    assert_eq!(
        dev.log(),
        [
            Access::read(0x200, Width::W32, 0b1001),
            Access::write(0x200, Width::W32, 0b0001),
            Access::write(0x200, Width::W32, 0b1000),
        ]
    );
}

#[test]
fn run_time_offsets_and_plain_memory_reach_the_same_registers() {
    // Through `RegsDyn` and a stride: the same accesses, checked at run time.
    let dev = Distributor::new(0, 0b10);
    let mut regs = RegsDyn::fake(&dev, 0, 0x400).expect("aligned");
    let set = RegStride::<WriteOneToSet<Le32>>::new(0x100, 4, 2);
    regs.elem_at(&set, 1).expect("inside").write(Le32::new(1));
    assert_eq!(regs.read_pure::<Status>().map(Le32::get), Ok(0b10));
    regs.write::<Status>(Le32::new(0b10)).expect("inside");
    assert_eq!((dev.enabled.get(), dev.status.get()), (1 << 32, 0));
    assert_eq!(
        dev.log(),
        [
            Access::write(0x104, Width::W32, 1),
            Access::read(0x200, Width::W32, 0b10),
            Access::write(0x200, Width::W32, 0b10),
        ]
    );

    // In plain memory a write simply stores (there is no device acting on it): the wrappers
    // are `repr(transparent)`, so the bytes are the value's.
    let mut cell = WriteOneToClear::new(7_u16);
    let mut p = DevicePtrMut::from_mut(&mut cell);
    assert_eq!(p.as_shared().read(), 7);
    p.write(2);
    assert_eq!(p.read(), 2);
    assert_eq!(
        (
            size_of::<WriteOneToSet<u64>>(),
            align_of::<WriteOneToSet<u64>>()
        ),
        (size_of::<u64>(), align_of::<u64>())
    );
}
