// SPDX-License-Identifier: MIT OR Apache-2.0
//! Register blocks: registers bound to offsets (plain integers and bit fields), register arrays
//! with a stride, compile-time-checked and run-time-checked blocks, and a 16550 UART driver run
//! against a simulated UART, with the exact accesses each operation performs; registers at
//! run-time offsets and strides (NVMe doorbells, RISC-V PLIC contexts) and sub-blocks (a GICv2
//! mapping), with the exact `RegError` of each refused access.

use core::cell::RefCell;
use std::collections::VecDeque;
use std::vec::Vec;

use zerocast::device::{
    Backend, FakeDevice, ReadOnly, ReadPure, ReadPureWrite, ReadWrite, Reg, RegArray, RegError,
    RegStride, Regs, RegsDyn, Width, WriteOnly,
};
use zerocast::BitEnum;

use crate::device_words::{check_base_aligned, u64_answers, u64_entries, U64_ALIGN};

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
    // The `u64` doorbell: one 64-bit access, or two 32-bit ones where `u64` is aligned to 4.
    let mut expected = vec![
        ('r', 0x102, Width::W16, 0xbeef),
        ('r', 0x101, Width::W8, 0x5a),
    ];
    expected.extend(u64_entries('w', 0x108, 0x0102_0304_0506_0708));
    expected.push(('w', 0x101, Width::W8, 0xff));
    assert_eq!(dev.log(), expected);
    // A base must be aligned to `u64`: 0x102 never is, 0x104 is where `u64` is aligned to 4.
    assert!(
        Regs::<8, _>::fake(&dev, 0x102).is_none(),
        "base not aligned"
    );
    let at_104 = Regs::<8, _>::fake(&dev, 0x104);
    assert_eq!(at_104.is_some(), 0x104 % U64_ALIGN == 0);
    if let Some(mut regs) = at_104 {
        regs.write::<Id>(0x11);
        assert_eq!(dev.log().last(), Some(&('w', 0x105, Width::W8, 0x11)));
    }
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
    assert_eq!(
        regs.elem::<Slots>(3).unwrap_err(),
        RegError::Index { index: 3, len: 3 }
    );
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

// ---------------------------------------------------------------------------------------------
// NVMe (NVM Express Base Specification 2.0, 3.1.4): CAP at 0x0 (DSTRD in bits 35:32), CC at
// 0x14, CSTS at 0x1c; the doorbells from 0x1000, `4 << DSTRD` bytes apart: submission queue y's
// tail doorbell is number 2y, completion queue y's head doorbell 2y + 1.

mod nvme {
    use super::*;

    pub(super) type Cap = Reg<ReadOnly<u64>, 0x00>;
    pub(super) type Cc = Reg<ReadWrite<u32>, 0x14>;

    /// The doorbells of `queues` queue pairs for the `CAP.DSTRD` read from the controller.
    pub(super) fn doorbells(cap: u64, queues: usize) -> RegStride<WriteOnly<u32>> {
        let dstrd = (cap >> 32) & 0xf;
        RegStride::new(0x1000, 4 << dstrd, 2 * queues)
    }

    /// Rings submission queue `qid`'s tail doorbell, then completion queue `qid`'s head.
    pub(super) fn ring<B: Backend>(
        regs: &mut RegsDyn<'_, B>,
        queues: usize,
        qid: usize,
        sq_tail: u32,
        cq_head: u32,
    ) -> Result<(), RegError> {
        let cap = regs.read::<Cap>()?;
        let db = doorbells(cap, queues);
        let sq = qid.checked_mul(2).ok_or(RegError::Index {
            index: qid,
            len: queues,
        })?;
        regs.elem_at(&db, sq)?.write(sq_tail);
        regs.elem_at(&db, sq + 1)?.write(cq_head);
        Ok(())
    }
}

#[test]
fn nvme_doorbells_with_dstrd_0_are_4_bytes_apart() {
    let cap = 0x0000_0000_0000_00ff; // CAP: MQES = 255, DSTRD = 0
    let dev = Script::with(&u64_answers(cap));
    let mut regs = RegsDyn::fake(&dev, 0xfe00_0000, 0x2000).expect("aligned");
    assert_eq!(nvme::ring(&mut regs, 64, 1, 7, 3), Ok(()));
    // SQ1TDBL = 0x1000 + 2 * 4, CQ1HDBL = 0x1000 + 3 * 4.
    let mut expected = u64_entries('r', 0xfe00_0000, cap);
    expected.extend([
        ('w', 0xfe00_1008, Width::W32, 7),
        ('w', 0xfe00_100c, Width::W32, 3),
    ]);
    assert_eq!(dev.log(), expected);
}

#[test]
fn nvme_doorbells_with_dstrd_2_are_16_bytes_apart() {
    let cap = 2 << 32; // DSTRD = 2
    let dev = Script::with(&u64_answers(cap).repeat(2));
    let mut regs = RegsDyn::fake(&dev, 0, 0x2000).expect("aligned");
    assert_eq!(nvme::ring(&mut regs, 64, 1, 9, 4), Ok(()));
    assert_eq!(nvme::ring(&mut regs, 64, 0, 1, 2), Ok(()));
    // SQ1TDBL = 0x1000 + 2 * 16, CQ1HDBL = 0x1000 + 3 * 16; SQ0TDBL, CQ0HDBL = 0x1000, 0x1010.
    let mut expected = u64_entries('r', 0, cap);
    expected.extend([('w', 0x1020, Width::W32, 9), ('w', 0x1030, Width::W32, 4)]);
    expected.extend(u64_entries('r', 0, cap));
    expected.extend([('w', 0x1000, Width::W32, 1), ('w', 0x1010, Width::W32, 2)]);
    assert_eq!(dev.log(), expected);
}

#[test]
fn nvme_doorbells_past_the_mapping_or_the_queue_count_are_refused_without_access() {
    let cap = 2 << 32; // 16-byte stride
    let dev = Script::with(&u64_answers(cap).repeat(4));
    // A mapping of 0x1040 bytes holds the doorbells of queue pairs 0 and 1 only.
    let mut regs = RegsDyn::fake(&dev, 0, 0x1040).expect("aligned");
    assert_eq!(
        nvme::ring(&mut regs, 64, 2, 1, 1),
        Err(RegError::OutOfBlock {
            offset: 0x1040,
            width: 4,
            size: 0x1040
        })
    );
    assert_eq!(
        nvme::ring(&mut regs, 2, 2, 1, 1),
        Err(RegError::Index { index: 4, len: 4 })
    );
    // A qid whose doorbell number overflows.
    assert_eq!(
        nvme::ring(&mut regs, 2, usize::MAX, 1, 1),
        Err(RegError::Index {
            index: usize::MAX,
            len: 2
        })
    );
    // A DSTRD so large that the offset of doorbell 1 overflows: the largest is 15, so build
    // the stride by hand.
    let huge = RegStride::<WriteOnly<u32>>::new(0x1000, usize::MAX / 2, 4);
    assert_eq!(
        regs.elem_at(&huge, 2).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: usize::MAX,
            width: 4,
            size: 0x1040
        })
    );
    // Only the CAP reads happened.
    assert_eq!(dev.log(), u64_entries('r', 0, cap).repeat(3));
}

#[test]
fn nvme_doorbells_on_ordinary_memory_land_at_their_offsets() {
    let mut mem = [0_u64; 0x1100 / 8];
    mem[0] = 1 << 32; // DSTRD = 1: 8 bytes apart
    let mut regs = Regs::<0x1100>::from_mut(&mut mem);
    regs.update::<nvme::Cc>(|cc| cc | 1);
    let db = nvme::doorbells(regs.read::<nvme::Cap>(), 16);
    regs.elem_at(&db, 2).expect("SQ1TDBL").write(0x11);
    regs.elem_at(&db, 3).expect("CQ1HDBL").write(0x22);
    regs.reg_at::<WriteOnly<u32>>(0x1000)
        .expect("SQ0TDBL")
        .write(0x33);
    assert_eq!(
        regs.elem_at(&db, 32).map(|_| ()),
        Err(RegError::Index { index: 32, len: 32 })
    );
    let word = |offset: usize| {
        let b = mem[offset / 8].to_ne_bytes();
        let i = offset % 8;
        u32::from_ne_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
    };
    assert_eq!(
        (word(0x14), word(0x1000), word(0x1010), word(0x1018)),
        (1, 0x33, 0x11, 0x22)
    );
    assert_eq!((word(0x1004), word(0x1008), word(0x100c)), (0, 0, 0));
}

// ---------------------------------------------------------------------------------------------
// RISC-V PLIC (RISC-V Platform-Level Interrupt Controller Specification 1.0.0): source
// priorities at 4 * source, per-context enable bits at 0x2000 + 0x80 * context, per-context
// threshold and claim/complete at 0x200000 + 0x1000 * context (+0, +4); 64 MiB in all.

mod plic {
    use super::*;

    pub(super) const SIZE: usize = 0x400_0000;
    /// The per-context block: threshold, claim/complete.
    pub(super) type Threshold = Reg<ReadWrite<u32>, 0x0>;
    pub(super) type Claim = Reg<ReadWrite<u32>, 0x4>;

    pub(super) fn priorities() -> RegStride<ReadWrite<u32>> {
        RegStride::new(0, 4, 1024)
    }
    pub(super) fn enables(ctx: usize) -> Option<RegStride<ReadWrite<u32>>> {
        let base = ctx.checked_mul(0x80)?.checked_add(0x2000)?;
        Some(RegStride::new(base, 4, 32))
    }
    pub(super) fn context(ctx: usize) -> Option<usize> {
        RegStride::<ReadWrite<u32>>::new(0x20_0000, 0x1000, 15872).offset_of(ctx)
    }

    /// Enables `source` for context `ctx` at priority 1, threshold 0.
    pub(super) fn enable<B: Backend>(
        regs: &mut Regs<'_, SIZE, B>,
        ctx: usize,
        source: usize,
    ) -> Result<(), RegError> {
        regs.elem_at(&priorities(), source)?.write(1);
        let en = enables(ctx).ok_or(RegError::Index {
            index: ctx,
            len: 15872,
        })?;
        regs.elem_at(&en, source / 32)?
            .update(|w| w | 1 << (source % 32));
        let offset = context(ctx).ok_or(RegError::Index {
            index: ctx,
            len: 15872,
        })?;
        regs.block_at::<0x1000>(offset)?.write::<Threshold>(0);
        Ok(())
    }

    /// Claims the pending interrupt of context `ctx` and completes it; the source claimed.
    pub(super) fn claim_complete<B: Backend>(
        regs: &mut Regs<'_, SIZE, B>,
        ctx: usize,
    ) -> Result<u32, RegError> {
        let offset = context(ctx).ok_or(RegError::Index {
            index: ctx,
            len: 15872,
        })?;
        let mut block = regs.block_at::<0x1000>(offset)?;
        let source = block.read::<Claim>();
        if source != 0 {
            block.write::<Claim>(source);
        }
        Ok(source)
    }
}

#[test]
fn plic_context_blocks_are_0x1000_apart_from_0x200000() {
    let dev = Script::with(&[0, 10]); // the enable word, then the claim
    let mut regs = Regs::<{ plic::SIZE }, _>::fake(&dev, 0x0c00_0000).expect("aligned");
    assert_eq!(plic::enable(&mut regs, 3, 42), Ok(()));
    assert_eq!(plic::claim_complete(&mut regs, 3), Ok(10));
    assert_eq!(
        dev.log(),
        [
            ('w', 0x0c00_0000 + 4 * 42, Width::W32, 1),
            // Context 3's enable word 1 (sources 32..64): bit 10.
            ('r', 0x0c00_2000 + 3 * 0x80 + 4, Width::W32, 0),
            ('w', 0x0c00_2000 + 3 * 0x80 + 4, Width::W32, 1 << 10),
            ('w', 0x0c20_3000, Width::W32, 0),
            ('r', 0x0c20_3004, Width::W32, 10),
            ('w', 0x0c20_3004, Width::W32, 10),
        ]
    );
}

#[test]
fn plic_contexts_and_sources_past_the_controller_are_refused_without_access() {
    let dev = Script::with(&[]);
    let mut regs = Regs::<{ plic::SIZE }, _>::fake(&dev, 0).expect("aligned");
    // The last context's block ends at the end of the 64 MiB; the next one is past it.
    assert_eq!(plic::context(15871), Some(plic::SIZE - 0x1000));
    assert_eq!(
        regs.block_at::<0x1000>(plic::SIZE).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: plic::SIZE,
            width: 0x1000,
            size: plic::SIZE
        })
    );
    assert_eq!(
        plic::claim_complete(&mut regs, 15872),
        Err(RegError::Index {
            index: 15872,
            len: 15872
        })
    );
    assert_eq!(
        plic::enable(&mut regs, 0, 1024),
        Err(RegError::Index {
            index: 1024,
            len: 1024
        })
    );
    assert_eq!(
        plic::enable(&mut regs, usize::MAX, 1),
        Err(RegError::Index {
            index: usize::MAX,
            len: 15872
        })
    );
    // A context block at an offset that is not a multiple of 8: refused where a block's base
    // is aligned to 8 (`u64`'s alignment); where that is 4, the block is there.
    let mut expected = vec![('w', 4, Width::W32, 1)];
    if let Some(mut block) = check_base_aligned(0x20_0004, regs.block_at::<0x1000>(0x20_0004)) {
        block.write::<Reg<WriteOnly<u32>, 4>>(7);
        expected.push(('w', 0x20_0008, Width::W32, 7));
    }
    // Only the priority write of the last call happened (its enable word was refused later),
    // and the write through the block where it was accepted.
    assert_eq!(dev.log(), expected);
}

// ---------------------------------------------------------------------------------------------
// A GICv2 mapping (ARM IHI 0048B): the distributor's 4 KiB at 0x0 and the CPU interface's at
// 0x1000 of one 8 KiB mapping, each seen as its own block.

mod gic {
    use super::*;

    pub(super) type GicdCtlr = Reg<ReadWrite<u32>, 0x000>;
    pub(super) type GicdTyper = Reg<ReadPure<u32>, 0x004>;
    pub(super) type GicdIsenabler = RegArray<ReadWrite<u32>, 0x100, 4, 32>;
    pub(super) type GicdIpriorityr = RegArray<ReadWrite<u8>, 0x400, 1, 1020>;
    pub(super) type GicdItargetsr = RegArray<ReadWrite<u8>, 0x800, 1, 1020>;
    pub(super) type GicdPidr = RegArray<ReadPure<u32>, 0xfd0, 4, 8>;
    pub(super) type GiccCtlr = Reg<ReadWrite<u32>, 0x00>;
    pub(super) type GiccPmr = Reg<ReadWrite<u32>, 0x04>;
    pub(super) type GiccIar = Reg<ReadOnly<u32>, 0x0c>;
    pub(super) type GiccEoir = Reg<WriteOnly<u32>, 0x10>;

    /// Routes `irq` to CPU 0 at priority 0xa0 and turns both halves on; the line count.
    pub(super) fn init<B: Backend>(gic: &mut Regs<'_, 0x2000, B>, irq: usize) -> Option<u32> {
        let mut d = gic.block::<0, 0x1000>();
        d.write::<GicdCtlr>(0);
        let lines = 32 * ((d.read_pure::<GicdTyper>() & 0x1f) + 1);
        d.elem::<GicdIpriorityr>(irq).ok()?.write(0xa0);
        d.elem::<GicdItargetsr>(irq).ok()?.write(1);
        d.elem::<GicdIsenabler>(irq / 32)
            .ok()?
            .write(1 << (irq % 32));
        d.write::<GicdCtlr>(1);
        let mut c = gic.block::<0x1000, 0x1000>();
        c.write::<GiccPmr>(0xf0);
        c.write::<GiccCtlr>(1);
        Some(lines)
    }

    /// Acknowledges the pending interrupt and ends it; its ID.
    pub(super) fn handle<B: Backend>(gic: &mut Regs<'_, 0x2000, B>) -> u32 {
        let mut c = gic.block::<0x1000, 0x1000>();
        let iar = c.read::<GiccIar>();
        c.write::<GiccEoir>(iar);
        iar & 0x3ff
    }
}

#[test]
fn gicv2_distributor_and_cpu_interface_are_sub_blocks_of_one_mapping() {
    let dev = Script::with(&[0b0_0010, 33]); // TYPER: ITLinesNumber = 2; then IAR = 33
    let mut regs = Regs::<0x2000, _>::fake(&dev, 0x0800_0000).expect("aligned");
    assert_eq!(gic::init(&mut regs, 33), Some(96));
    assert_eq!(gic::handle(&mut regs), 33);
    let d = 0x0800_0000;
    let c = d + 0x1000;
    assert_eq!(
        dev.log(),
        [
            ('w', d, Width::W32, 0),
            ('r', d + 0x004, Width::W32, 2),
            ('w', d + 0x400 + 33, Width::W8, 0xa0),
            ('w', d + 0x800 + 33, Width::W8, 1),
            ('w', d + 0x104, Width::W32, 1 << 1),
            ('w', d, Width::W32, 1),
            ('w', c + 0x04, Width::W32, 0xf0),
            ('w', c, Width::W32, 1),
            ('r', c + 0x0c, Width::W32, 33),
            ('w', c + 0x10, Width::W32, 33),
        ]
    );
}

#[test]
fn gicv2_id_registers_are_read_through_shared_borrows_of_the_sub_block() {
    let dev = Script::with(&[0x04, 0x0b, 0xb0]);
    let mut regs = Regs::<0x2000, _>::fake(&dev, 0x0800_0000).expect("aligned");
    let d = regs.block::<0, 0x1000>();
    // PIDR4 (index 0), PIDR0 (index 4): two shared element pointers side by side.
    let (pidr4, pidr0) = (
        d.elem_pure::<gic::GicdPidr>(0),
        d.elem_pure::<gic::GicdPidr>(4),
    );
    let (pidr4, pidr0) = (pidr4.expect("in bounds"), pidr0.expect("in bounds"));
    assert_eq!((pidr4.read(), pidr0.read()), (0x04, 0x0b));
    assert!(matches!(
        d.elem_pure::<gic::GicdPidr>(8),
        Err(RegError::Index { index: 8, .. })
    ));
    // The same through a run-time-sized view, with its error.
    let mut regs = Regs::<0x2000, _>::fake(&dev, 0x0800_0000).expect("aligned");
    let mut dynamic = regs.as_dyn();
    let d = dynamic.sub(0, 0x1000).expect("the distributor");
    assert_eq!(d.elem_pure::<gic::GicdPidr>(2).map(|p| p.read()), Ok(0xb0));
    assert_eq!(
        d.elem_pure::<gic::GicdPidr>(8).map(|_| ()),
        Err(RegError::Index { index: 8, len: 8 })
    );
    assert_eq!(
        dev.log(),
        [
            ('r', 0x0800_0fd0, Width::W32, 0x04),
            ('r', 0x0800_0fe0, Width::W32, 0x0b),
            ('r', 0x0800_0fd8, Width::W32, 0xb0),
        ]
    );
}

#[test]
fn sub_blocks_are_checked_and_their_offsets_start_at_zero() {
    let mut mem = [0_u64; 4];
    for (i, w) in mem.iter_mut().enumerate() {
        *w = u64::from_ne_bytes([i as u8 * 8; 8]);
    }
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    type Byte0 = Reg<ReadOnly<u8>, 0>;
    let mut sub = regs.sub(16, 16).expect("inside");
    assert_eq!((sub.size(), sub.read::<Byte0>()), (16, Ok(16)));
    assert_eq!(
        sub.read::<Reg<ReadOnly<u8>, 16>>(),
        Err(RegError::OutOfBlock {
            offset: 16,
            width: 1,
            size: 16
        })
    );
    assert_eq!(
        regs.sub(8, 32).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 8,
            width: 32,
            size: 32
        })
    );
    // 12 is a multiple of a block's base alignment (`u64`'s) only where that is 4.
    if let Some(mut at_12) = check_base_aligned(12, regs.sub(12, 4)) {
        assert_eq!((at_12.size(), at_12.read::<Byte0>()), (4, Ok(8)));
    }
    assert_eq!(
        regs.sub(usize::MAX, 2).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: usize::MAX,
            width: 2,
            size: 32
        })
    );
    // Empty sub-blocks at the end are fine, and have no registers.
    assert_eq!(regs.sub(32, 0).map(|s| s.size()), Ok(0));
    let mut end = regs.block_at::<0>(32).expect("empty, at the end");
    assert_eq!(end.as_dyn().size(), 0);
    let mut b = regs.block_at::<8>(24).expect("inside");
    assert_eq!(b.read::<Byte0>(), 24);
    // A sub-block of a sub-block.
    let mut outer = Regs::<32>::from_mut(&mut mem);
    let mut inner = outer.block::<8, 24>();
    let mut innermost = inner.block_at::<8>(8).expect("inside");
    assert_eq!(innermost.read::<Byte0>(), 16);
    assert_eq!(
        inner.block_at::<8>(24).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 24,
            width: 8,
            size: 24
        })
    );
}

#[test]
fn registers_at_run_time_offsets_are_checked_inside_and_aligned() {
    let dev = Script::with(&[0xabcd]);
    let mut regs = Regs::<32, _>::fake(&dev, 0x100).expect("aligned");
    assert_eq!(
        regs.reg_at::<ReadOnly<u16>>(6).map(|mut r| r.read()),
        Ok(0xabcd)
    );
    assert_eq!(
        regs.reg_at::<ReadOnly<u16>>(7).map(|_| ()),
        Err(RegError::Misaligned {
            offset: 7,
            align: 2
        })
    );
    assert_eq!(
        regs.reg_at::<WriteOnly<u64>>(28).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 28,
            width: 8,
            size: 32
        })
    );
    assert_eq!(
        regs.reg_at::<WriteOnly<u64>>(usize::MAX).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: usize::MAX,
            width: 8,
            size: 32
        })
    );
    // Misaligned strides: element 0 is aligned, element 1 is not.
    let odd = RegStride::<ReadWrite<u32>>::new(0, 6, 4);
    assert!(regs.elem_at(&odd, 0).is_ok());
    assert_eq!(
        regs.elem_at(&odd, 1).map(|_| ()),
        Err(RegError::Misaligned {
            offset: 6,
            align: 4
        })
    );
    let empty = RegStride::<ReadWrite<u32>>::new(0, 4, 0);
    assert!(empty.is_empty());
    assert_eq!(
        regs.elem_at(&empty, 0).map(|_| ()),
        Err(RegError::Index { index: 0, len: 0 })
    );
    // The same checks on a run-time-sized block.
    let mut dynamic = regs.as_dyn();
    assert_eq!(
        dynamic.reg_at::<ReadWrite<u32>>(30).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 30,
            width: 4,
            size: 32
        })
    );
    assert_eq!(
        dynamic.reg_at::<ReadWrite<u32>>(2).map(|_| ()),
        Err(RegError::Misaligned {
            offset: 2,
            align: 4
        })
    );
    assert_eq!(dynamic.block_at::<8>(8).map(|_| ()), Ok(()));
    assert_eq!(dev.log(), [('r', 0x106, Width::W16, 0xabcd)]);
    assert_eq!(
        RegError::Misaligned {
            offset: 6,
            align: 4
        }
        .to_string(),
        "offset 6 is not a multiple of the 4-byte alignment it needs"
    );
}

#[test]
fn validated_register_reads_report_the_invalid_bits_and_write_nothing() {
    /// NVMe CSTS.SHST as a whole-register enum: 0 normal, 1 occurring, 2 complete.
    #[derive(zerocast::TryFromBytes, zerocast::IntoBytes, Debug, Clone, Copy, PartialEq, Eq)]
    #[repr(u32)]
    enum Shst {
        Normal = 0,
        Occurring = 1,
        Complete = 2,
    }
    type Csts = Reg<ReadWrite<Shst>, 0x1c>;
    let dev = Script::with(&[1, 3, 3, 2]);
    let mut regs = Regs::<0x20, _>::fake(&dev, 0).expect("aligned");
    assert_eq!(regs.try_read::<Csts>(), Ok(Shst::Occurring));
    let err = regs.try_read::<Csts>().expect_err("3 is reserved");
    assert_eq!(
        (err.invalid().offset(), err.invalid().found()),
        (0, Some(3))
    );
    let mut dynamic = regs.as_dyn();
    let err = dynamic
        .try_update::<Csts>(|_| Shst::Normal)
        .expect_err("3 is reserved");
    let RegError::Invalid { offset, bits } = err else {
        panic!("not an Invalid error: {err:?}")
    };
    assert_eq!((offset, bits.offset(), bits.found()), (0x1c, 0, Some(3)));
    assert!(err
        .to_string()
        .starts_with("invalid value in the register at offset 28: 0x3 is not a valid"));
    assert_eq!(dynamic.try_update::<Csts>(|s| s), Ok(()));
    assert_eq!(
        dynamic.try_read::<Reg<ReadWrite<Shst>, 0x20>>(),
        Err(RegError::OutOfBlock {
            offset: 0x20,
            width: 4,
            size: 0x20
        })
    );
    // The refused update wrote nothing; the valid one wrote its value back.
    assert_eq!(
        dev.log(),
        [
            ('r', 0x1c, Width::W32, 1),
            ('r', 0x1c, Width::W32, 3),
            ('r', 0x1c, Width::W32, 3),
            ('r', 0x1c, Width::W32, 2),
            ('w', 0x1c, Width::W32, 2),
        ]
    );
}

#[test]
fn pure_elements_are_read_by_threads_sharing_the_block() {
    type Ids = RegArray<ReadPure<u16>, 0, 2, 8>;
    let mut mem = [u64::from_ne_bytes([1, 0, 2, 0, 3, 0, 4, 0]); 2];
    let regs = Regs::<16>::from_mut(&mut mem);
    let expect = |i: u8| u16::from_ne_bytes([(i % 4) + 1, 0]);
    std::thread::scope(|s| {
        let r = &regs;
        s.spawn(move || assert_eq!(r.elem_pure::<Ids>(1).map(|p| p.read()), Ok(expect(1))));
        s.spawn(move || assert_eq!(r.elem_pure::<Ids>(6).map(|p| p.read()), Ok(expect(6))));
    });
}

#[test]
fn strided_doorbells_are_checked_once_and_land_at_their_offsets() {
    let dev = Script::with(&[]);
    let mut regs = RegsDyn::fake(&dev, 0, 0x2000).expect("aligned");
    // DSTRD = 2: 16-byte stride; two queue pairs' doorbells.
    let db = RegStride::<WriteOnly<u32>>::new(0x1000, 4 << 2, 4);
    let mut view = regs.strided(&db).expect("inside and aligned");
    assert_eq!(view.len(), 4);
    for (i, v) in [5_u64, 6, 7, 8].into_iter().enumerate() {
        view.elem(i).expect("in range").write(v as u32);
    }
    assert_eq!(
        view.elem(4).map(|_| ()),
        Err(RegError::Index { index: 4, len: 4 })
    );
    assert_eq!(
        dev.log(),
        [
            ('w', 0x1000, Width::W32, 5),
            ('w', 0x1010, Width::W32, 6),
            ('w', 0x1020, Width::W32, 7),
            ('w', 0x1030, Width::W32, 8),
        ]
    );
}

#[test]
fn strided_views_refuse_what_elem_at_would_refuse_before_any_access() {
    let dev = Script::with(&[]);
    let mut regs = RegsDyn::fake(&dev, 0, 0x1040).expect("aligned");
    let misaligned_first = RegStride::<WriteOnly<u32>>::new(0x1002, 4, 2);
    assert_eq!(
        regs.strided(&misaligned_first).map(|_| ()),
        Err(RegError::Misaligned {
            offset: 0x1002,
            align: 4
        })
    );
    let misaligned_stride = RegStride::<WriteOnly<u32>>::new(0x1000, 6, 2);
    assert_eq!(
        regs.strided(&misaligned_stride).map(|_| ()),
        Err(RegError::Misaligned {
            offset: 0x1006,
            align: 4
        })
    );
    let past_end = RegStride::<WriteOnly<u32>>::new(0x1000, 16, 5);
    assert_eq!(
        regs.strided(&past_end).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: 0x1040,
            width: 4,
            size: 0x1040
        })
    );
    let overflowing = RegStride::<WriteOnly<u32>>::new(0x1000, usize::MAX / 2 + 1, 3);
    assert_eq!(
        regs.strided(&overflowing).map(|_| ()),
        Err(RegError::OutOfBlock {
            offset: usize::MAX,
            width: 4,
            size: 0x1040
        })
    );
    // An empty array is accepted whatever its offset, and has no element.
    let empty = RegStride::<WriteOnly<u32>>::new(usize::MAX, 3, 0);
    let mut view = regs.strided(&empty).expect("empty");
    assert!(view.is_empty());
    assert_eq!(
        view.elem(0).map(|_| ()),
        Err(RegError::Index { index: 0, len: 0 })
    );
    // A single element needs no aligned stride.
    let one = RegStride::<ReadWrite<u32>>::new(0x103c, 3, 1);
    regs.strided(&one)
        .expect("one element")
        .elem(0)
        .expect("0")
        .write(9);
    assert_eq!(dev.log(), [('w', 0x103c, Width::W32, 9)]);
    // The same arrays through a compile-time block.
    let mut mem = [0_u64; 4];
    let mut block = Regs::<32>::from_mut(&mut mem);
    let four = RegStride::<ReadWrite<u64>>::new(0, 8, 4);
    let mut view = block.strided(&four).expect("inside");
    for i in 0..4 {
        view.elem(i).expect("in range").write(i as u64 + 1);
    }
    assert_eq!(mem, [1, 2, 3, 4]);
}
