// SPDX-License-Identifier: MIT OR Apache-2.0
//! A simulated NVMe controller: the registers of the enable sequence (NVMe base specification
//! 2.0, 3.1.3 "Controller Properties", 3.5.1 "Memory-based Controller Initialization").
//!
//! Every access is logged. An access the specification forbids, or one the example's driver
//! has no reason to make, is refused (a read answers 0) and recorded as a [`Fault`] (see
//! [`FaultKind`]), so a driver test can assert "no faults". The simulation is stricter than
//! the specification in two places: writes to read-only registers (ignored by a controller)
//! and reads of doorbells (write-only here) are faults.
//!
//! The controller reacts to a change of CC.EN on a later read of CSTS (the first
//! `Config::ready_after` reads still show the old state): enabling sets CSTS.RDY, or CSTS.CFS
//! if the admin queue is unusable (AQA.ASQS or AQA.ACQS zero, ASQ or ACQ not aligned to the
//! CC.MPS page, CC.MPS outside CAP.MPSMIN..=CAP.MPSMAX, CC.CSS or CC.AMS not 0); disabling
//! clears CSTS.

use core::cell::{Cell, RefCell};

use zerocast::device::{Access, BusOrder, FakeDevice, Width};

/// The register offsets (NVMe 2.0, figure 33) and the doorbells' base.
pub(crate) mod off {
    pub(crate) const CAP: usize = 0x00;
    pub(crate) const VS: usize = 0x08;
    pub(crate) const CC: usize = 0x14;
    pub(crate) const CSTS: usize = 0x1c;
    pub(crate) const AQA: usize = 0x24;
    pub(crate) const ASQ: usize = 0x28;
    pub(crate) const ACQ: usize = 0x30;
    pub(crate) const DOORBELLS: usize = 0x1000;
}

/// CC.EN, CSTS.RDY, CSTS.CFS, CSTS.NSSRO.
pub(crate) const EN: u32 = 1;
pub(crate) const RDY: u32 = 1;
pub(crate) const CFS: u32 = 1 << 1;
pub(crate) const NSSRO: u32 = 1 << 4;
/// The reserved bits of CC (3:1, 31:24) and AQA (15:12, 31:28).
const CC_RESERVED: u32 = 0xff00_000e;
const AQA_RESERVED: u32 = 0xf000_f000;
/// CC.CSS, CC.MPS and CC.AMS (bits 13:4): fixed while CC.EN stays 1.
const CC_FIXED_WHILE_ENABLED: u32 = 0x3ff0;

/// The controller's fixed parameters and its state at reset.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Config {
    /// CAP.MQES: the largest queue size supported, minus one.
    pub(crate) mqes: u16,
    /// CAP.DSTRD: the doorbells are `4 << dstrd` bytes apart (0..=15).
    pub(crate) dstrd: u8,
    /// CAP.TO: the worst-case time to change CSTS.RDY, in 500 ms units.
    pub(crate) to: u8,
    /// CAP.MPSMIN and CAP.MPSMAX: page sizes `4096 << n` supported.
    pub(crate) mpsmin: u8,
    /// See `mpsmin`.
    pub(crate) mpsmax: u8,
    /// CSTS reads after a change of CC.EN before the controller reacts.
    pub(crate) ready_after: u32,
    /// Queue pairs with doorbells, the admin queue included.
    pub(crate) queues: u16,
    /// CC.EN and CSTS.RDY are 1 at the start (left enabled by firmware).
    pub(crate) enabled: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            mqes: 1023,
            dstrd: 0,
            to: 20,
            mpsmin: 0,
            mpsmax: 4,
            ready_after: 2,
            queues: 2,
            enabled: false,
        }
    }
}

/// Why an access was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FaultKind {
    /// A width or alignment the register does not accept: 32-bit registers take aligned 32-bit
    /// accesses; CAP, ASQ and ACQ one 64-bit access or 32-bit halves.
    Width,
    /// No modelled register here: reserved, an optional register, a doorbell past the queues.
    Unmapped,
    /// A write to CAP, VS or a read-only bit of CSTS.
    ReadOnly,
    /// A read of a doorbell.
    WriteOnly,
    /// Reserved bits written as 1.
    Reserved,
    /// AQA, ASQ or ACQ changed while CC.EN is 1, or CC.CSS/MPS/AMS by a write keeping CC.EN 1.
    WhileEnabled,
    /// A doorbell written while CSTS.RDY is 0.
    NotReady,
    /// CC.EN set while CSTS.RDY is still 1 (the host did not wait for the disable).
    StillReady,
    /// A doorbell value past the admin queue's last entry.
    BadDoorbell,
}

/// One refused access: why, and the access as logged.
pub(crate) type Fault = (FaultKind, Access);

/// Which doorbell of a queue pair: the submission queue's tail or the completion queue's head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Which {
    SqTail,
    CqHead,
}

/// One accepted doorbell write: the queue pair, which doorbell, the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Doorbell(pub(crate) u16, pub(crate) Which, pub(crate) u32);

/// The registers, decoded from an offset: which one, and the byte offset inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reg {
    Cap,
    Vs,
    Cc,
    Csts,
    Aqa,
    /// ASQ (0) or ACQ (1).
    Base(usize),
    Doorbell(u16, Which),
}

/// The simulated controller. Drive it through [`FakeDevice`] (a zerocast `Fake` backend).
#[derive(Debug)]
pub(crate) struct NvmeSim {
    cfg: Config,
    cc: Cell<u32>,
    csts: Cell<u32>,
    aqa: Cell<u32>,
    /// ASQ and ACQ.
    bases: [Cell<u64>; 2],
    /// CSTS reads left before CSTS becomes the second value.
    pending: Cell<Option<(u32, u32)>>,
    log: RefCell<Vec<Access>>,
    faults: RefCell<Vec<Fault>>,
    doorbells: RefCell<Vec<Doorbell>>,
}

impl NvmeSim {
    /// A controller in the state `cfg` describes.
    pub(crate) fn new(cfg: Config) -> NvmeSim {
        let on = u32::from(cfg.enabled);
        NvmeSim {
            cfg,
            cc: Cell::new(on * EN),
            csts: Cell::new(on * RDY),
            aqa: Cell::new(0),
            bases: [Cell::new(0), Cell::new(0)],
            pending: Cell::new(None),
            log: RefCell::default(),
            faults: RefCell::default(),
            doorbells: RefCell::default(),
        }
    }

    /// The value of CAP: MQES, CQR = 1, TO, DSTRD, CSS = NVM command set only, MPSMIN, MPSMAX.
    pub(crate) fn cap(&self) -> u64 {
        let c = &self.cfg;
        u64::from(c.mqes)
            | 1 << 16
            | u64::from(c.to) << 24
            | u64::from(c.dstrd & 0xf) << 32
            | 1 << 37
            | u64::from(c.mpsmin & 0xf) << 48
            | u64::from(c.mpsmax & 0xf) << 52
    }

    /// The accesses so far, oldest first.
    pub(crate) fn log(&self) -> Vec<Access> {
        self.log.borrow().clone()
    }

    /// The refused or flagged accesses so far.
    pub(crate) fn faults(&self) -> Vec<Fault> {
        self.faults.borrow().clone()
    }

    /// The accepted doorbell writes so far.
    pub(crate) fn doorbells(&self) -> Vec<Doorbell> {
        self.doorbells.borrow().clone()
    }

    /// The current CC, CSTS, AQA, ASQ and ACQ, without an access.
    pub(crate) fn state(&self) -> (u32, u32, u32, u64, u64) {
        let (cc, csts, aqa) = (self.cc.get(), self.csts.get(), self.aqa.get());
        (cc, csts, aqa, self.bases[0].get(), self.bases[1].get())
    }

    /// The register at `offset` and the offset inside it, if the width fits it.
    fn decode(&self, offset: usize, width: Width) -> Result<(Reg, usize), FaultKind> {
        let (reg, base, wide) = match offset & !7 {
            off::CAP => (Reg::Cap, off::CAP, true),
            off::ASQ => (Reg::Base(0), off::ASQ, true),
            off::ACQ => (Reg::Base(1), off::ACQ, true),
            _ => match offset & !3 {
                off::VS => (Reg::Vs, off::VS, false),
                off::CC => (Reg::Cc, off::CC, false),
                off::CSTS => (Reg::Csts, off::CSTS, false),
                off::AQA => (Reg::Aqa, off::AQA, false),
                o => (self.doorbell(o).ok_or(FaultKind::Unmapped)?, o, false),
            },
        };
        let inside = offset - base;
        match (wide, width, inside) {
            (true, Width::W64, 0) | (true, Width::W32, 0 | 4) | (false, Width::W32, 0) => {
                Ok((reg, inside))
            }
            _ => Err(FaultKind::Width),
        }
    }

    /// The doorbell at the 4-byte-aligned `offset`, if there is one.
    fn doorbell(&self, offset: usize) -> Option<Reg> {
        let stride = 4_usize << (self.cfg.dstrd & 0xf);
        let rel = offset.checked_sub(off::DOORBELLS)?;
        let index = u16::try_from(rel / stride).ok()?;
        let which = if index % 2 == 0 {
            Which::SqTail
        } else {
            Which::CqHead
        };
        (rel % stride == 0 && index / 2 < self.cfg.queues)
            .then_some(Reg::Doorbell(index / 2, which))
    }

    /// A read of CSTS: counts down to the controller's reaction to CC.EN.
    fn read_csts(&self) -> u32 {
        match self.pending.get() {
            Some((0, next)) => {
                self.csts.set(next);
                self.pending.set(None);
            }
            Some((n, next)) => self.pending.set(Some((n - 1, next))),
            None => {}
        }
        self.csts.get()
    }

    /// Whether the admin queue and CC allow the controller to start.
    fn can_start(&self, cc: u32) -> bool {
        let mps = (cc >> 7) & 0xf;
        let page = 4096_u64 << mps;
        let aqa = self.aqa.get();
        aqa & 0xfff != 0
            && (aqa >> 16) & 0xfff != 0
            && self.bases.iter().all(|b| b.get() % page == 0)
            && (u32::from(self.cfg.mpsmin)..=u32::from(self.cfg.mpsmax)).contains(&mps)
            && cc & 0x3870 == 0
    }

    /// A write to CC.
    fn write_cc(&self, new: u32) -> Result<(), FaultKind> {
        let old = self.cc.get();
        if new & CC_RESERVED != 0 {
            return Err(FaultKind::Reserved);
        }
        if old & new & EN != 0 && (old ^ new) & CC_FIXED_WHILE_ENABLED != 0 {
            return Err(FaultKind::WhileEnabled);
        }
        let after = self.cfg.ready_after;
        if old & EN == 0 && new & EN != 0 && self.csts.get() & RDY != 0 {
            return Err(FaultKind::StillReady);
        }
        match (old & EN, new & EN) {
            (0, 1) if self.can_start(new) => self.pending.set(Some((after, RDY))),
            (0, 1) => self.pending.set(Some((after, CFS))),
            (1, 0) => self.pending.set(Some((after, 0))),
            _ => {}
        }
        self.cc.set(new);
        Ok(())
    }

    /// A write of `value` (`width` wide, `inside` bytes into the register) to `reg`.
    fn store(&self, reg: Reg, inside: usize, width: Width, value: u64) -> Result<(), FaultKind> {
        let enabled = self.cc.get() & EN != 0;
        // CAST: 32-bit registers take 32-bit writes only (`decode`), so `value` fits.
        let v32 = value as u32;
        match reg {
            Reg::Cap | Reg::Vs => Err(FaultKind::ReadOnly),
            Reg::Cc => self.write_cc(v32),
            Reg::Csts if v32 & !NSSRO != 0 => Err(FaultKind::ReadOnly),
            Reg::Csts => {
                self.csts.set(self.csts.get() & !v32);
                Ok(())
            }
            Reg::Aqa if v32 & AQA_RESERVED != 0 => Err(FaultKind::Reserved),
            Reg::Aqa if enabled && v32 != self.aqa.get() => Err(FaultKind::WhileEnabled),
            Reg::Aqa => {
                self.aqa.set(v32);
                Ok(())
            }
            // Bits 11:0 of ASQ and ACQ are reserved.
            Reg::Base(_) if inside == 0 && value & 0xfff != 0 => Err(FaultKind::Reserved),
            Reg::Base(i) => {
                let cell = &self.bases[i];
                let new = match (width, inside) {
                    (Width::W64, _) => value,
                    (_, 0) => cell.get() & !0xffff_ffff | value,
                    _ => cell.get() & 0xffff_ffff | value << 32,
                };
                if enabled && new != cell.get() {
                    return Err(FaultKind::WhileEnabled);
                }
                cell.set(new);
                Ok(())
            }
            Reg::Doorbell(qid, which) => {
                let aqa = self.aqa.get();
                let last = if which == Which::CqHead {
                    aqa >> 16
                } else {
                    aqa
                } & 0xfff;
                if v32 > 0xffff {
                    Err(FaultKind::Reserved)
                } else if self.csts.get() & RDY == 0 {
                    Err(FaultKind::NotReady)
                } else if qid == 0 && v32 > last {
                    Err(FaultKind::BadDoorbell)
                } else {
                    self.doorbells.borrow_mut().push(Doorbell(qid, which, v32));
                    Ok(())
                }
            }
        }
    }
}

impl FakeDevice for NvmeSim {
    /// The device's registers are little-endian: the simulation's numbers are the same on a
    /// big-endian host, where the driver's `Le32` cells swap them.
    fn bus_order(&self) -> BusOrder {
        BusOrder::Little
    }

    fn read(&self, offset: usize, width: Width) -> u64 {
        let answer = self.decode(offset, width).and_then(|(reg, inside)| {
            let v = match reg {
                Reg::Cap => self.cap(),
                Reg::Vs => 0x0002_0000,
                Reg::Cc => u64::from(self.cc.get()),
                Reg::Csts => u64::from(self.read_csts()),
                Reg::Aqa => u64::from(self.aqa.get()),
                Reg::Base(i) => self.bases[i].get(),
                Reg::Doorbell(..) => return Err(FaultKind::WriteOnly),
            };
            Ok(v >> (inside * 8) & u64::MAX >> (64 - width.bits()))
        });
        let value = answer.unwrap_or(0);
        let access = Access::read(offset, width, value);
        self.log.borrow_mut().push(access);
        if let Err(kind) = answer {
            self.faults.borrow_mut().push((kind, access));
        }
        value
    }

    fn write(&self, offset: usize, width: Width, value: u64) {
        let access = Access::write(offset, width, value);
        self.log.borrow_mut().push(access);
        let done = self
            .decode(offset, width)
            .and_then(|(reg, inside)| self.store(reg, inside, width, value));
        if let Err(kind) = done {
            self.faults.borrow_mut().push((kind, access));
        }
    }
}
