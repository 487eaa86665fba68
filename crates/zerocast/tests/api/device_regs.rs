// SPDX-License-Identifier: MIT OR Apache-2.0
//! Register blocks: registers bound to offsets (plain integers and bit fields), register arrays
//! with a stride, compile-time-checked and run-time-checked blocks, and a 16550 UART driver run
//! against a simulated UART, with the exact accesses each operation performs.

use core::cell::RefCell;
use std::collections::VecDeque;
use std::vec::Vec;

use zerocast::device::{
    Backend, FakeDevice, ReadOnly, ReadPure, ReadPureWrite, ReadWrite, Reg, RegArray, RegError,
    Regs, RegsDyn, Width, WriteOnly,
};
use zerocast::BitEnum;

/// One access seen by a fake: (`'r'` or `'w'`, offset, width, value).
type Entry = (char, usize, Width, u64);

/// A fake that answers reads from a script (then 0) and logs every access.
struct Script {
    answers: RefCell<VecDeque<u64>>,
    log: RefCell<Vec<Entry>>,
}

impl Script {
    fn with(answers: &[u64]) -> Script {
        Script {
            answers: RefCell::new(answers.iter().copied().collect()),
            log: RefCell::new(Vec::new()),
        }
    }
    fn log(&self) -> Vec<Entry> {
        self.log.borrow().clone()
    }
}

impl FakeDevice for Script {
    fn read(&self, offset: usize, width: Width) -> u64 {
        let v = self.answers.borrow_mut().pop_front().unwrap_or(0);
        self.log.borrow_mut().push(('r', offset, width, v));
        v
    }
    fn write(&self, offset: usize, width: Width, value: u64) {
        self.log.borrow_mut().push(('w', offset, width, value));
    }
}

zerocast::bitfield! {
    /// A control register: enable, a 3-bit mode, an 8-bit divisor.
    struct Ctrl(u32) {
        12:5 divisor as u8;
        3:1 mode as u8;
        0 enable as bool;
    }
}

type CtrlReg = Reg<ReadWrite<Ctrl>, 0x4>;
type Status = Reg<ReadOnly<u16>, 0x2>;
type Doorbell = Reg<WriteOnly<u64>, 0x8>;
type Id = Reg<ReadPureWrite<u8>, 0x1>;
type Slots = RegArray<ReadWrite<u32>, 0x10, 8, 3>; // 0x10, 0x18, 0x20

#[test]
fn regs_each_access_is_one_access_of_the_register_width_at_its_offset() {
    let dev = Script::with(&[0xbeef, 0x5a]);
    let mut regs = Regs::<0x28, _>::fake(&dev, 0x100).expect("aligned base");
    assert_eq!(regs.read::<Status>(), 0xbeef);
    assert_eq!(regs.read::<Id>(), 0x5a);
    regs.write::<Doorbell>(0x0102_0304_0506_0708);
    regs.write::<Id>(0xff);
    assert_eq!(
        dev.log(),
        [
            ('r', 0x102, Width::W16, 0xbeef),
            ('r', 0x101, Width::W8, 0x5a),
            ('w', 0x108, Width::W64, 0x0102_0304_0506_0708),
            ('w', 0x101, Width::W8, 0xff),
        ]
    );
    assert!(
        Regs::<8, _>::fake(&dev, 0x104).is_none(),
        "base not aligned to 8"
    );
}

#[test]
fn regs_update_of_a_bitfield_register_is_one_read_then_one_write() {
    let before = 0b0110 | (3 << 5); // mode 3, divisor 3, disabled
    let dev = Script::with(&[before]);
    let mut regs = Regs::<0x28, _>::fake(&dev, 0).expect("aligned base");
    regs.update::<CtrlReg>(|c| c.with_enable(true).with_divisor(200));
    let after = 0b0111 | (200 << 5);
    assert_eq!(
        dev.log(),
        [('r', 4, Width::W32, before), ('w', 4, Width::W32, after)]
    );
}

#[test]
fn regs_array_elements_are_stride_apart_and_bounded() {
    let dev = Script::with(&[]);
    let mut regs = Regs::<0x28, _>::fake(&dev, 0).expect("aligned base");
    for i in 0..3_u32 {
        regs.elem::<Slots>(i as usize)
            .expect("in bounds")
            .write(i + 10);
    }
    assert!(regs.elem::<Slots>(3).is_none());
    assert_eq!(
        dev.log(),
        [
            ('w', 0x10, Width::W32, 10),
            ('w', 0x18, Width::W32, 11),
            ('w', 0x20, Width::W32, 12),
        ]
    );
}

#[test]
fn pure_reads_through_a_shared_block_are_one_access_each_and_checked() {
    type Version = Reg<ReadPure<u32>, 0xc>;
    let dev = Script::with(&[7, 8, 9]);
    let regs = Regs::<16, _>::fake(&dev, 0x100).expect("aligned");
    // Two shared borrows of one block read side by side.
    let (a, b) = (&regs, &regs);
    assert_eq!((a.read_pure::<Version>(), b.read_pure::<Id>()), (7, 8));
    let dyn_dev = Script::with(&[9]);
    let dyn_regs = RegsDyn::fake(&dyn_dev, 0x200, 16).expect("aligned");
    assert_eq!(dyn_regs.read_pure::<Version>(), Ok(9));
    assert_eq!(
        dyn_regs.read_pure::<Reg<ReadPure<u32>, 0x10>>(),
        Err(RegError::OutOfBlock {
            offset: 0x10,
            width: 4,
            size: 16
        })
    );
    assert_eq!(
        dev.log(),
        [('r', 0x10c, Width::W32, 7), ('r', 0x101, Width::W8, 8)]
    );
    // The refused read touched nothing.
    assert_eq!(dyn_dev.log(), [('r', 0x20c, Width::W32, 9)]);

    // On ordinary memory: the bytes at the register's offset.
    let mut mem = [0_u64; 2];
    mem[1] = u64::from_ne_bytes([0, 0, 0, 0, 1, 2, 3, 4]);
    let regs = Regs::<16>::from_mut(&mut mem);
    assert_eq!(
        regs.read_pure::<Version>(),
        u32::from_ne_bytes([1, 2, 3, 4])
    );
}

#[test]
fn regs_on_ordinary_memory_read_and_write_its_bytes() {
    let mut mem = [0_u64; 5];
    let mut regs = Regs::<40>::from_mut(&mut mem);
    regs.write::<Doorbell>(0x1122_3344_5566_7788);
    regs.write::<Id>(0x42);
    regs.update::<CtrlReg>(|c| c.with_mode_const::<5>());
    regs.elem::<Slots>(2).expect("in bounds").write(0xdead_beef);
    assert_eq!(regs.read::<Id>(), 0x42);
    assert_eq!(regs.read::<CtrlReg>().mode().get(), 5);

    let mut bytes = [0_u8; 40];
    for (chunk, w) in bytes.chunks_exact_mut(8).zip(mem) {
        chunk.copy_from_slice(&w.to_ne_bytes());
    }
    assert_eq!(bytes[1], 0x42);
    assert_eq!(bytes[4..8], (5_u32 << 1).to_ne_bytes());
    assert_eq!(bytes[8..16], 0x1122_3344_5566_7788_u64.to_ne_bytes());
    assert_eq!(bytes[0x20..0x24], 0xdead_beef_u32.to_ne_bytes());
    assert_eq!(bytes[0x10..0x20], [0; 16]);
}

#[test]
fn regs_dyn_checks_offsets_at_run_time() {
    let dev = Script::with(&[7]);
    // Room for `Status` and `CtrlReg` (8 bytes), not `Doorbell` (8..16) or the slots.
    let mut regs = RegsDyn::fake(&dev, 0x40, 8).expect("aligned base");
    assert_eq!(regs.size(), 8);
    assert_eq!(regs.read::<Status>(), Ok(7));
    assert_eq!(
        regs.write::<Doorbell>(1),
        Err(RegError::OutOfBlock {
            offset: 8,
            width: 8,
            size: 8
        })
    );
    assert_eq!(regs.update::<CtrlReg>(|c| c.with_enable(true)), Ok(()));
    assert_eq!(
        regs.elem::<Slots>(0).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 0x10,
            width: 4,
            size: 8
        })
    );
    assert_eq!(
        regs.elem::<Slots>(usize::MAX).map(|_| ()),
        Err(RegError::Index {
            index: usize::MAX,
            len: 3
        })
    );
    // Refused accesses touch nothing.
    assert_eq!(
        dev.log(),
        [
            ('r', 0x42, Width::W16, 7),
            ('r', 0x44, Width::W32, 0),
            ('w', 0x44, Width::W32, 1),
        ]
    );
    assert!(
        RegsDyn::fake(&dev, 0x41, 8).is_none(),
        "base not aligned to 8"
    );
}

#[test]
fn regs_dyn_element_offsets_that_overflow_are_out_of_the_block() {
    type Huge = RegArray<ReadWrite<u8>, 0, { usize::MAX / 2 + 1 }, 4>;
    let mut mem = [0_u64; 1];
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    assert!(regs.elem::<Huge>(0).is_ok());
    assert_eq!(
        regs.elem::<Huge>(2).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: usize::MAX,
            width: 1,
            size: 8
        })
    );
}

#[test]
fn regs_as_dyn_sees_the_same_registers() {
    let mut mem = [0_u64; 5];
    let mut regs = Regs::<40>::from_mut(&mut mem);
    regs.write::<Id>(9);
    let mut dynamic = regs.as_dyn();
    assert_eq!(dynamic.size(), 40);
    assert_eq!(dynamic.read::<Id>(), Ok(9));
    assert_eq!(
        dynamic.read::<Reg<ReadWrite<u8>, 40>>(),
        Err(RegError::OutOfBlock {
            offset: 40,
            width: 1,
            size: 40
        })
    );
    assert_eq!(
        RegError::Index { index: 3, len: 3 }.to_string(),
        "register index 3 out of bounds for 3 registers"
    );
}

// ---------------------------------------------------------------------------------------------
// A 16550 UART, from the National Semiconductor PC16550D datasheet (register offsets with
// register shift 0: eight 8-bit registers; DLAB = LCR bit 7 selects the divisor latch at 0/1).

mod uart16550 {
    use super::*;

    /// Word length, LCR bits 1:0.
    #[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
    #[repr(u8)]
    pub(super) enum WordLen {
        Five = 0,
        Six = 1,
        Seven = 2,
        Eight = 3,
    }

    zerocast::bitfield! {
        /// Interrupt Enable Register (offset 1, DLAB = 0).
        pub(super) struct Ier(u8) {
            3 modem_status as bool;
            2 line_status as bool;
            1 thr_empty as bool;
            0 rx_data as bool;
        }
        /// FIFO Control Register (offset 2, write-only).
        pub(super) struct Fcr(u8) {
            7:6 rx_trigger as u8;
            3 dma_mode as bool;
            2 clear_tx as bool;
            1 clear_rx as bool;
            0 enable as bool;
        }
        /// Line Control Register (offset 3).
        pub(super) struct Lcr(u8) {
            7 dlab as bool;
            6 set_break as bool;
            5 stick_parity as bool;
            4 even_parity as bool;
            3 parity as bool;
            2 two_stop_bits as bool;
            1:0 word_len as WordLen;
        }
        /// Modem Control Register (offset 4).
        pub(super) struct Mcr(u8) {
            4 loopback as bool;
            3 out2 as bool;
            2 out1 as bool;
            1 rts as bool;
            0 dtr as bool;
        }
        /// Line Status Register (offset 5, read-only).
        pub(super) struct Lsr(u8) {
            7 rx_fifo_error as bool;
            6 tx_empty as bool;
            5 thr_empty as bool;
            4 break_interrupt as bool;
            3 framing_error as bool;
            2 parity_error as bool;
            1 overrun_error as bool;
            0 data_ready as bool;
        }
    }

    pub(super) type Rbr = Reg<ReadOnly<u8>, 0>;
    pub(super) type Thr = Reg<WriteOnly<u8>, 0>;
    pub(super) type Dll = Reg<ReadWrite<u8>, 0>;
    pub(super) type Dlm = Reg<ReadWrite<u8>, 1>;
    pub(super) type IerReg = Reg<ReadWrite<Ier>, 1>;
    pub(super) type FcrReg = Reg<WriteOnly<Fcr>, 2>;
    pub(super) type LcrReg = Reg<ReadWrite<Lcr>, 3>;
    pub(super) type McrReg = Reg<ReadWrite<Mcr>, 4>;
    pub(super) type LsrReg = Reg<ReadOnly<Lsr>, 5>;

    /// A 16550 driver over any backend.
    pub(super) struct Uart<'a, B: Backend>(pub(super) Regs<'a, 8, B>);

    /// The transmitter stayed busy for all the polls allowed.
    #[derive(Debug, PartialEq, Eq)]
    pub(super) struct TxBusy;

    impl<B: Backend> Uart<'_, B> {
        /// 8N1 at the baud rate of `divisor`, FIFOs on and cleared, interrupts off.
        pub(super) fn init(&mut self, divisor: u16) {
            let [lo, hi] = divisor.to_le_bytes();
            self.0.write::<IerReg>(Ier::new());
            self.0.write::<LcrReg>(Lcr::new().with_dlab(true));
            self.0.write::<Dll>(lo);
            self.0.write::<Dlm>(hi);
            self.0
                .write::<LcrReg>(Lcr::new().with_word_len(WordLen::Eight));
            self.0.write::<FcrReg>(
                Fcr::new()
                    .with_enable(true)
                    .with_clear_rx(true)
                    .with_clear_tx(true),
            );
            self.0
                .write::<McrReg>(Mcr::new().with_dtr(true).with_rts(true).with_out2(true));
        }

        /// Sends `byte` once the holding register is empty, polling LSR at most `polls` times.
        pub(super) fn put(&mut self, byte: u8, polls: usize) -> Result<(), TxBusy> {
            for _ in 0..polls {
                if self.0.read::<LsrReg>().thr_empty() {
                    self.0.write::<Thr>(byte);
                    return Ok(());
                }
            }
            Err(TxBusy)
        }

        /// The next received byte, if any.
        pub(super) fn get(&mut self) -> Option<u8> {
            if self.0.read::<LsrReg>().data_ready() {
                Some(self.0.read::<Rbr>())
            } else {
                None
            }
        }

        /// Sets or clears the break condition (read-modify-write of LCR).
        pub(super) fn set_break(&mut self, on: bool) {
            self.0.update::<LcrReg>(|l| l.with_set_break(on));
        }
    }
}

use uart16550::{TxBusy, Uart};

/// A simulated 16550 at a base offset: registers, divisor latch, receive FIFO, a transmitter
/// busy for a number of LSR polls; logs every access relative to the base.
#[derive(Default)]
struct Sim {
    state: RefCell<SimState>,
}

#[derive(Default)]
struct SimState {
    ier: u8,
    lcr: u8,
    mcr: u8,
    scr: u8,
    fcr: u8,
    divisor: [u8; 2],
    rx: VecDeque<u8>,
    tx: Vec<u8>,
    busy_polls: usize,
    log: Vec<Entry>,
}

/// The PC COM1 address, used as the fake offset (a multiple of 8, as blocks need).
const BASE: usize = 0x3f8;

impl FakeDevice for Sim {
    fn read(&self, offset: usize, width: Width) -> u64 {
        let mut s = self.state.borrow_mut();
        let dlab = s.lcr & 0x80 != 0;
        let v = match offset - BASE {
            0 if dlab => s.divisor[0],
            0 => s.rx.pop_front().unwrap_or(0),
            1 if dlab => s.divisor[1],
            1 => s.ier,
            2 => 0x01 | if s.fcr & 1 != 0 { 0xc0 } else { 0 },
            3 => s.lcr,
            4 => s.mcr,
            5 => {
                let ready = if s.busy_polls == 0 {
                    0x60
                } else {
                    s.busy_polls -= 1;
                    0
                };
                ready | u8::from(!s.rx.is_empty())
            }
            7 => s.scr,
            _ => 0,
        };
        s.log.push(('r', offset - BASE, width, u64::from(v)));
        u64::from(v)
    }

    fn write(&self, offset: usize, width: Width, value: u64) {
        let mut s = self.state.borrow_mut();
        s.log.push(('w', offset - BASE, width, value));
        let v = u8::try_from(value).expect("8-bit registers");
        let dlab = s.lcr & 0x80 != 0;
        match offset - BASE {
            0 if dlab => s.divisor[0] = v,
            0 => s.tx.push(v),
            1 if dlab => s.divisor[1] = v,
            1 => s.ier = v,
            2 => {
                s.fcr = v;
                if v & 2 != 0 {
                    s.rx.clear();
                }
            }
            3 => s.lcr = v,
            4 => s.mcr = v,
            7 => s.scr = v,
            _ => {}
        }
    }
}

impl Sim {
    fn take_log(&self) -> Vec<Entry> {
        core::mem::take(&mut self.state.borrow_mut().log)
    }
}

fn w(offset: usize, value: u8) -> Entry {
    ('w', offset, Width::W8, u64::from(value))
}
fn r(offset: usize, value: u8) -> Entry {
    ('r', offset, Width::W8, u64::from(value))
}

#[test]
fn uart16550_init_programs_divisor_8n1_fifos_and_modem_lines() {
    let sim = Sim::default();
    sim.state.borrow_mut().rx.push_back(b'?'); // stale byte, cleared by the FIFO reset
    let mut uart = Uart(Regs::fake(&sim, BASE).expect("aligned base"));
    uart.init(0x0301); // 115200 / 0x301, about 150 baud from a 1.8432 MHz clock
                       // Datasheet bit positions: LCR.DLAB = 7, word length 8 = 0b11; FCR enable 0, clear RX 1,
                       // clear TX 2; MCR DTR 0, RTS 1, OUT2 3.
    assert_eq!(
        sim.take_log(),
        [
            w(1, 0),
            w(3, 1 << 7),
            w(0, 0x01),
            w(1, 0x03),
            w(3, 0b11),
            w(2, 0b111),
            w(4, 0b1011),
        ]
    );
    let s = sim.state.borrow();
    assert_eq!(u16::from_le_bytes(s.divisor), 0x0301);
    assert_eq!((s.ier, s.lcr, s.mcr), (0, 3, 0b1011));
    assert!(s.rx.is_empty());
}

#[test]
fn uart16550_put_waits_for_thre_then_writes_thr() {
    let sim = Sim::default();
    sim.state.borrow_mut().busy_polls = 2;
    let mut uart = Uart(Regs::fake(&sim, BASE).expect("aligned base"));
    assert_eq!(uart.put(b'A', 10), Ok(()));
    assert_eq!(uart.put(b'B', 10), Ok(()));
    assert_eq!(
        sim.take_log(),
        [
            r(5, 0),
            r(5, 0),
            r(5, 0x60),
            w(0, b'A'),
            r(5, 0x60),
            w(0, b'B')
        ]
    );
    assert_eq!(sim.state.borrow().tx, b"AB");

    // A transmitter that stays busy: `polls` reads of LSR, no write.
    sim.state.borrow_mut().busy_polls = usize::MAX;
    assert_eq!(uart.put(b'C', 3), Err(TxBusy));
    assert_eq!(sim.take_log(), [r(5, 0), r(5, 0), r(5, 0)]);
}

#[test]
fn uart16550_get_reads_rbr_only_when_data_ready() {
    let sim = Sim::default();
    sim.state.borrow_mut().rx.extend(*b"ok");
    let mut uart = Uart(Regs::fake(&sim, BASE).expect("aligned base"));
    assert_eq!(uart.get(), Some(b'o'));
    assert_eq!(uart.get(), Some(b'k'));
    assert_eq!(uart.get(), None);
    // LSR: THRE | TEMT (0x60), plus DR (bit 0) while the FIFO holds bytes.
    assert_eq!(
        sim.take_log(),
        [r(5, 0x61), r(0, b'o'), r(5, 0x61), r(0, b'k'), r(5, 0x60)]
    );
}

#[test]
fn uart16550_set_break_is_one_read_and_one_write_of_lcr() {
    let sim = Sim::default();
    let mut uart = Uart(Regs::fake(&sim, BASE).expect("aligned base"));
    uart.init(1);
    sim.take_log();
    uart.set_break(true);
    uart.set_break(false);
    assert_eq!(
        sim.take_log(),
        [
            r(3, 0b11),
            w(3, 0b11 | 1 << 6),
            r(3, 0b11 | 1 << 6),
            w(3, 0b11)
        ]
    );
}

#[test]
fn uart16550_driver_runs_on_ordinary_memory_too() {
    let mut mem = [0_u64; 1];
    Uart(Regs::from_mut(&mut mem)).init(0x1234);
    // Plain memory has no DLAB: offsets 0 and 1 keep the divisor (written after IER), then
    // FCR = 7, LCR = 3, MCR = 0b1011.
    let b = mem[0].to_ne_bytes();
    assert_eq!(b, [0x34, 0x12, 0b111, 0b11, 0b1011, 0, 0, 0]);
}
