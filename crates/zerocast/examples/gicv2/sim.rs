// SPDX-License-Identifier: MIT OR Apache-2.0
//! A simulated GICv2 distributor (ARM IHI 0048B.b, 4.3 "Distributor register descriptions"),
//! as one CPU interface (`Config::this_cpu`) sees it.
//!
//! Every access is logged. An access the specification forbids, or one the example's driver
//! has no reason to make, is refused (a read answers 0) and recorded as a [`Fault`] (see
//! [`FaultKind`]), so a driver test can assert "no faults". The simulation is stricter than
//! the specification where a register ignores writes (TYPER, IIDR, ITARGETSR0-7, ICFGR0) or
//! reads as zero (reserved space, registers past the implemented interrupts): those are faults.
//!
//! The set/clear pairs work as on hardware: writing 1 to a bit of GICD_ISENABLERn sets it,
//! to GICD_ICENABLERn clears it, zeros do nothing; both read the current state (likewise
//! ISPENDR/ICPENDR and ISACTIVER/ICACTIVER). The pending bits of SGIs are per target CPU:
//! GICD_SGIR sets them, ISPENDR0 shows this CPU's, and writes to them are ignored.

use core::cell::{Cell, RefCell};

use zerocast::device::{Access, BusOrder, FakeDevice, Width};

/// The register offsets (ARM IHI 0048B.b, table 4-1).
pub(crate) mod off {
    pub(crate) const CTLR: usize = 0x000;
    pub(crate) const TYPER: usize = 0x004;
    pub(crate) const IIDR: usize = 0x008;
    pub(crate) const IGROUPR: usize = 0x080;
    pub(crate) const ISENABLER: usize = 0x100;
    pub(crate) const ICENABLER: usize = 0x180;
    pub(crate) const ISPENDR: usize = 0x200;
    pub(crate) const ICPENDR: usize = 0x280;
    pub(crate) const ISACTIVER: usize = 0x300;
    pub(crate) const ICACTIVER: usize = 0x380;
    pub(crate) const IPRIORITYR: usize = 0x400;
    pub(crate) const ITARGETSR: usize = 0x800;
    pub(crate) const ICFGR: usize = 0xc00;
    pub(crate) const SGIR: usize = 0xf00;
}

/// GICD_IIDR of an Arm GIC-400 (r0p1).
pub(crate) const IIDR: u32 = 0x0200_143b;
/// The reserved bits of GICD_SGIR (31:26, 14:4) and of every GICD_ICFGRn (bit 2F of each field).
const SGIR_RESERVED: u32 = 0xfc00_7ff0;
const ICFGR_RESERVED: u32 = 0x5555_5555;

/// The distributor's fixed parameters.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Config {
    /// GICD_TYPER.ITLinesNumber: `32 * (it_lines + 1)` interrupts (at most 1020), 0..=31.
    pub(crate) it_lines: u8,
    /// CPU interfaces, 1..=8 (GICD_TYPER.CPUNumber + 1).
    pub(crate) cpus: u8,
    /// The CPU interface whose view the accesses have (banked registers, SGI pending bits).
    pub(crate) this_cpu: u8,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            it_lines: 1,
            cpus: 2,
            this_cpu: 0,
        }
    }
}

/// Why an access was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FaultKind {
    /// Not aligned, or a width the register does not take: all are 32-bit, IPRIORITYR and
    /// ITARGETSR also 8-bit.
    Width,
    /// Reserved space, or a register past the implemented interrupts.
    Unmapped,
    /// A write to TYPER, IIDR, ITARGETSR0-7 (SGIs and PPIs) or ICFGR0 (SGIs).
    ReadOnly,
    /// A read of GICD_SGIR.
    WriteOnly,
    /// Reserved bits (or GICD_SGIR.TargetListFilter 0b11) written as 1.
    Reserved,
    /// The trigger mode of an enabled interrupt changed (4.3.13: disable it first).
    WhileEnabled,
}

/// One refused access: why, and the access as logged.
pub(crate) type Fault = (FaultKind, Access);

/// The bit maps (one bit per interrupt) after IGROUPR (0): enable, pending, active.
const ENABLE: usize = 1;
const PENDING: usize = 2;
const ACTIVE: usize = 3;

/// A register decoded from an offset.
#[derive(Clone, Copy, Debug)]
enum Reg {
    Ctlr,
    Typer,
    Iidr,
    /// Bit map `.0`, word `.2`: written as is (`.1` `None`), or its 1s set (`Some(true)`) or
    /// cleared.
    Bits(usize, Option<bool>, usize),
    /// ITARGETSR (`.0` true) or IPRIORITYR, at the byte of interrupt `.1`.
    Bytes(bool, usize),
    Icfgr(usize),
    Sgir,
}

/// The simulated distributor. Drive it through [`FakeDevice`] (a zerocast `Fake` backend).
#[derive(Debug)]
pub(crate) struct GicSim {
    cfg: Config,
    ctlr: Cell<u32>,
    bits: [RefCell<Vec<u32>>; 4],
    /// IPRIORITYR and ITARGETSR, one byte per interrupt.
    bytes: [RefCell<Vec<u8>>; 2],
    icfgr: RefCell<Vec<u32>>,
    /// The pending SGIs of each CPU interface, one bit per SGI.
    sgi_pending: RefCell<[u16; 8]>,
    log: RefCell<Vec<Access>>,
    faults: RefCell<Vec<Fault>>,
}

// The indexes into the vectors come from `decode`, which keeps them below `lines()`.
impl GicSim {
    /// A distributor after reset: everything disabled, not pending, priority 0, no targets,
    /// level-triggered.
    pub(crate) fn new(cfg: Config) -> GicSim {
        let cfg = Config {
            it_lines: cfg.it_lines.min(31),
            cpus: cfg.cpus.clamp(1, 8),
            ..cfg
        };
        let lines = usize::from(cfg.it_lines + 1) * 32;
        let words = || RefCell::new(vec![0; lines / 32]);
        let icfgr = (0..lines / 16)
            .map(|n| if n == 0 { 0xaaaa_aaaa } else { 0 })
            .collect();
        GicSim {
            cfg,
            ctlr: Cell::new(0),
            bits: [words(), words(), words(), words()],
            bytes: [RefCell::new(vec![0; lines]), RefCell::new(vec![0; lines])],
            icfgr: RefCell::new(icfgr),
            sgi_pending: RefCell::new([0; 8]),
            log: RefCell::default(),
            faults: RefCell::default(),
        }
    }

    /// The number of interrupt IDs implemented: `32 * (ITLinesNumber + 1)`, at most 1020.
    pub(crate) fn lines(&self) -> usize {
        (usize::from(self.cfg.it_lines + 1) * 32).min(1020)
    }

    /// GICD_TYPER: ITLinesNumber, CPUNumber, no Security Extensions.
    pub(crate) fn typer(&self) -> u32 {
        u32::from(self.cfg.it_lines) | u32::from(self.cfg.cpus - 1) << 5
    }

    /// The accesses so far, oldest first.
    pub(crate) fn log(&self) -> Vec<Access> {
        self.log.borrow().clone()
    }

    /// The refused accesses so far.
    pub(crate) fn faults(&self) -> Vec<Fault> {
        self.faults.borrow().clone()
    }

    /// GICD_CTLR, without an access.
    pub(crate) fn ctlr(&self) -> u32 {
        self.ctlr.get()
    }

    /// Whether interrupt `irq` is enabled, pending (for an SGI: on this CPU), active.
    pub(crate) fn state(&self, irq: usize) -> (bool, bool, bool) {
        let bit = |map: usize| self.word(map, irq / 32) >> (irq % 32) & 1 == 1;
        (bit(ENABLE), bit(PENDING), bit(ACTIVE))
    }

    /// The priority, target CPUs and edge-triggered flag of interrupt `irq`.
    pub(crate) fn setup(&self, irq: usize) -> (u8, u8, bool) {
        let edge = self.icfgr.borrow()[irq / 16] >> (irq % 16 * 2 + 1) & 1 == 1;
        (self.byte(false, irq), self.byte(true, irq), edge)
    }

    /// The pending SGIs of CPU interface `cpu`, one bit per SGI.
    pub(crate) fn sgi_pending(&self, cpu: usize) -> u16 {
        self.sgi_pending.borrow()[cpu]
    }

    /// Word `n` of bit map `map`, with this CPU's pending SGIs in the pending map.
    fn word(&self, map: usize, n: usize) -> u32 {
        let w = self.bits[map].borrow()[n];
        match (map, n) {
            (PENDING, 0) => w & !0xffff | u32::from(self.sgi_pending(self.this_cpu())),
            _ => w,
        }
    }

    fn this_cpu(&self) -> usize {
        usize::from(self.cfg.this_cpu & 7)
    }

    /// Byte `irq` of ITARGETSR (`targets`) or IPRIORITYR; SGIs and PPIs target this CPU.
    fn byte(&self, targets: bool, irq: usize) -> u8 {
        match (targets, irq) {
            (true, 0..=31) => 1 << self.this_cpu(),
            _ => self.bytes[usize::from(targets)].borrow()[irq],
        }
    }

    /// The register at `offset`, if `width` fits it.
    fn decode(&self, offset: usize, width: Width) -> Result<Reg, FaultKind> {
        let lines = self.lines();
        let (n, icfgr) = (offset % 0x80 / 4, offset.wrapping_sub(off::ICFGR) / 4);
        let reg = match offset {
            off::CTLR => Reg::Ctlr,
            off::TYPER => Reg::Typer,
            off::IIDR => Reg::Iidr,
            // IGROUPR, then the set/clear pairs ISENABLER/ICENABLER .. ISACTIVER/ICACTIVER.
            0x080..=0x3ff if n < lines.div_ceil(32) => {
                let set = (offset >= off::ISENABLER).then_some(offset % 0x100 < 0x80);
                Reg::Bits(offset / 0x100, set, n)
            }
            0x400..=0xbff if offset % 0x400 < lines => {
                Reg::Bytes(offset >= off::ITARGETSR, offset % 0x400)
            }
            0xc00..=0xcff if icfgr < lines.div_ceil(16) => Reg::Icfgr(icfgr),
            off::SGIR => Reg::Sgir,
            _ => return Err(FaultKind::Unmapped),
        };
        let byte = matches!(reg, Reg::Bytes(..)) && width == Width::W8;
        (byte || width == Width::W32 && offset % 4 == 0)
            .then_some(reg)
            .ok_or(FaultKind::Width)
    }

    /// A read of `reg` (`width` wide).
    fn load(&self, reg: Reg, width: Width) -> Result<u32, FaultKind> {
        Ok(match reg {
            Reg::Ctlr => self.ctlr.get(),
            Reg::Typer => self.typer(),
            Reg::Iidr => IIDR,
            Reg::Bits(map, _, n) => self.word(map, n),
            Reg::Bytes(targets, irq) if width == Width::W8 => u32::from(self.byte(targets, irq)),
            Reg::Bytes(targets, irq) => (0..4).fold(0, |w, i| {
                w | u32::from(self.byte(targets, irq + i)) << (i * 8)
            }),
            Reg::Icfgr(n) => self.icfgr.borrow()[n],
            Reg::Sgir => return Err(FaultKind::WriteOnly),
        })
    }

    /// A write of `v` to `reg` (`width` wide).
    fn store(&self, reg: Reg, width: Width, v: u32) -> Result<(), FaultKind> {
        match reg {
            Reg::Ctlr if v & !3 != 0 => return Err(FaultKind::Reserved),
            Reg::Ctlr => self.ctlr.set(v),
            Reg::Typer | Reg::Iidr => return Err(FaultKind::ReadOnly),
            Reg::Bits(map, set, n) => {
                // SGI pending bits are set through GICD_SGIR only; IDs 1020..=1023 do not exist.
                let sgis = if map == PENDING && n == 0 { 0xffff } else { 0 };
                let past = (n * 32 + 32).saturating_sub(self.lines());
                let v = v & !sgis & u32::MAX >> past;
                let mut words = self.bits[map].borrow_mut();
                words[n] = match set {
                    None => v,
                    Some(true) => words[n] | v,
                    Some(false) => words[n] & !v,
                };
            }
            Reg::Bytes(true, 0..=31) => return Err(FaultKind::ReadOnly),
            Reg::Bytes(targets, irq) => {
                // CAST: at most 8 CPUs, so at most 8 bits.
                let keep = if targets {
                    ((1_u16 << self.cfg.cpus) - 1) as u8
                } else {
                    0xff
                };
                let count = if width == Width::W8 { 1 } else { 4 };
                let mut bytes = self.bytes[usize::from(targets)].borrow_mut();
                for (i, b) in v.to_le_bytes().into_iter().take(count).enumerate() {
                    bytes[irq + i] = b & keep;
                }
            }
            Reg::Icfgr(0) => return Err(FaultKind::ReadOnly),
            Reg::Icfgr(_) if v & ICFGR_RESERVED != 0 => return Err(FaultKind::Reserved),
            Reg::Icfgr(n) => {
                let mut icfgr = self.icfgr.borrow_mut();
                let mut enabled = (0..16).filter(|i| self.state(n * 16 + i).0);
                if enabled.any(|i| (icfgr[n] ^ v) >> (i * 2 + 1) & 1 == 1) {
                    return Err(FaultKind::WhileEnabled);
                }
                icfgr[n] = v;
            }
            Reg::Sgir => self.send_sgi(v)?,
        }
        Ok(())
    }

    /// A write to GICD_SGIR: SGI `v[3:0]` becomes pending on the CPUs `v[25:16]` selects.
    fn send_sgi(&self, v: u32) -> Result<(), FaultKind> {
        let all = (1_u16 << self.cfg.cpus) - 1;
        let me = 1 << self.this_cpu();
        let cpus = match v >> 24 {
            // CAST: keeps CPUTargetList, bits 23:16.
            0 => u16::from((v >> 16) as u8) & all,
            1 => all & !me,
            2 => me,
            _ => return Err(FaultKind::Reserved),
        };
        if v & SGIR_RESERVED != 0 {
            return Err(FaultKind::Reserved);
        }
        let mut pending = self.sgi_pending.borrow_mut();
        for (cpu, p) in pending.iter_mut().enumerate() {
            if cpus >> cpu & 1 == 1 {
                *p |= 1 << (v & 0xf);
            }
        }
        Ok(())
    }
}

impl FakeDevice for GicSim {
    /// The device's registers are little-endian: the simulation's numbers are the same on a
    /// big-endian host, where the driver's `Le32` cells swap them.
    fn bus_order(&self) -> BusOrder {
        BusOrder::Little
    }

    fn read(&self, offset: usize, width: Width) -> u64 {
        let answer = self
            .decode(offset, width)
            .and_then(|reg| self.load(reg, width));
        let value = u64::from(answer.unwrap_or(0));
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
        // CAST: every register is at most 32 bits wide; `decode` refuses 64-bit accesses.
        let done = self
            .decode(offset, width)
            .and_then(|reg| self.store(reg, width, value as u32));
        if let Err(kind) = done {
            self.faults.borrow_mut().push((kind, access));
        }
    }
}
