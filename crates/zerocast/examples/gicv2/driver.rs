// SPDX-License-Identifier: MIT OR Apache-2.0
//! The driver: the distributor's initialization (Linux's `gic_dist_init` and `gic_dist_config`,
//! in the order docs/device.md gives), enabling an interrupt, its priority, and sending an SGI;
//! written once, generic over zerocast's `Backend`: `Volatile` on the mapped distributor
//! (`Regs::new`), `Fake` on the simulation.

use zerocast::bitfield::FieldRangeError;
use zerocast::byteorder::Le32;
use zerocast::device::{Backend, RegError};

use super::regs::{
    Ctlr, Gicd, SgiFilter, Sgir, CTLR, ICENABLER, ICFGR, ICPENDR, IPRIORITY, IPRIORITYR, ISENABLER,
    ISPENDR, ITARGETSR, SGIR, TYPER,
};

/// Why a request was refused; nothing was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Error {
    /// Interrupt `irq` is not one of the `lines` the distributor implements.
    NoSuchIrq { irq: usize, lines: usize },
    /// An SGI number past 15.
    Field(FieldRangeError),
    /// A register array had no element for an interrupt (never: the arrays hold the 1020
    /// interrupts a distributor has at most, and each request checks `lines` first).
    Reg(RegError),
}

impl From<RegError> for Error {
    fn from(e: RegError) -> Error {
        Error::Reg(e)
    }
}

impl From<FieldRangeError> for Error {
    fn from(e: FieldRangeError) -> Error {
        Error::Field(e)
    }
}

/// An initialized distributor: the number of interrupt IDs it implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dist {
    pub(crate) lines: usize,
}

/// Initializes the distributor: every SPI level-triggered, targeted at the CPU interfaces in
/// `cpus`, priority 0xa0, disabled and not pending; then enables group 0 forwarding.
///
/// # Errors
///
/// [`Error::Reg`] if a register array had no element for an interrupt, which cannot happen:
/// the arrays hold the 1020 interrupts a distributor has at most.
pub(crate) fn dist_init<B: Backend>(gicd: &mut Gicd<'_, B>, cpus: u8) -> Result<Dist, Error> {
    gicd.write::<CTLR>(Ctlr::new()); // W32 0x000 = 0
    let typer = gicd.read_pure::<TYPER>(); // R32 0x004
    let lines = (32 * (usize::from(typer.it_lines_number().get()) + 1)).min(1020);
    for i in (32..lines).step_by(16) {
        gicd.elem::<ICFGR>(i / 16 - 1)?.write(Le32::ZERO); // W32 0xc00 + i / 4
    }
    for i in 32..lines {
        gicd.elem::<ITARGETSR>(i - 32)?.write(cpus); // W8 0x800 + i
    }
    for i in (32..lines).step_by(4) {
        let prio = Le32::new(0xa0a0_a0a0);
        gicd.elem::<IPRIORITYR>(i / 4)?.write(prio); // W32 0x400 + i
    }
    for i in (32..lines).step_by(32) {
        let all = Le32::new(!0);
        gicd.elem::<ICENABLER>(i / 32)?.write(all); // W32 0x180 + i / 8
        gicd.elem::<ICPENDR>(i / 32)?.write(all); // W32 0x280 + i / 8
    }
    gicd.write::<CTLR>(Ctlr::new().with_enable_grp0(true)); // W32 0x000 = 1
    Ok(Dist { lines })
}

impl Dist {
    /// The error for interrupt `irq`, which the distributor does not implement.
    fn lacks(&self, irq: usize) -> Error {
        Error::NoSuchIrq {
            irq,
            lines: self.lines,
        }
    }

    /// Enables interrupt `irq` (one write of its bit; the others are left alone).
    ///
    /// # Errors
    ///
    /// [`Error::NoSuchIrq`] if the distributor does not implement it.
    pub(crate) fn enable<B: Backend>(
        &self,
        gicd: &mut Gicd<'_, B>,
        irq: usize,
    ) -> Result<(), Error> {
        let lacks = self.lacks(irq);
        if irq >= self.lines {
            return Err(lacks);
        }
        let bit = Le32::new(1 << (irq % 32));
        gicd.elem::<ISENABLER>(irq / 32)?.write(bit); // W32 0x100 + irq / 8
        Ok(())
    }
}

/// Sends SGI `sgi` to the CPU interfaces `filter` selects (with `cpus` for `SgiFilter::List`).
///
/// # Errors
///
/// [`Error::Field`] if `sgi` is past 15.
pub(crate) fn send_sgi<B: Backend>(
    gicd: &mut Gicd<'_, B>,
    sgi: u8,
    filter: SgiFilter,
    cpus: u8,
) -> Result<(), Error> {
    let sgir = Sgir::new()
        .with_target_list_filter(filter)
        .with_cpu_target_list(cpus)
        .try_with_sgiintid(sgi)?;
    gicd.write::<SGIR>(sgir); // W32 0xf00
    Ok(())
}

/// More than the sequence needs: reading state, setting one priority.
impl Dist {
    /// Whether interrupt `irq` is enabled and whether it is pending: two reads through a shared
    /// borrow of the block.
    ///
    /// # Errors
    ///
    /// [`Error::NoSuchIrq`] if the distributor does not implement it.
    pub(crate) fn state<B: Backend>(
        &self,
        gicd: &Gicd<'_, B>,
        irq: usize,
    ) -> Result<(bool, bool), Error> {
        let lacks = self.lacks(irq);
        if irq >= self.lines {
            return Err(lacks);
        }
        let (word, bit) = (irq / 32, 1 << (irq % 32));
        let enabled = gicd.elem_pure::<ISENABLER>(word)?.read(); // R32 0x100 + irq / 8
        let pending = gicd.elem_pure::<ISPENDR>(word)?.read(); // R32 0x200 + irq / 8
        Ok((enabled.get() & bit != 0, pending.get() & bit != 0))
    }

    /// Sets the priority of interrupt `irq` (one byte write).
    ///
    /// # Errors
    ///
    /// [`Error::NoSuchIrq`] if the distributor does not implement it.
    pub(crate) fn set_priority<B: Backend>(
        &self,
        gicd: &mut Gicd<'_, B>,
        irq: usize,
        priority: u8,
    ) -> Result<(), Error> {
        let lacks = self.lacks(irq);
        if irq >= self.lines {
            return Err(lacks);
        }
        gicd.elem::<IPRIORITY>(irq)?.write(priority); // W8 0x400 + irq
        Ok(())
    }
}
