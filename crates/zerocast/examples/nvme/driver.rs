// SPDX-License-Identifier: MIT OR Apache-2.0
//! The driver: the controller's enable sequence (NVMe 2.0, 3.5.1 "Memory-based Controller
//! Initialization") and one admin command through the admin queues, written once, generic over
//! zerocast's `Backend`: `Volatile` on a mapped BAR (`Regs::new`), `Fake` on the simulation.

use core::fmt;

use zerocast::bitfield::Bounded;
use zerocast::byteorder::{Le32, Le64};
use zerocast::device::{dma_rmb, dma_wmb, Backend, DmaBuf, RegError};
use zerocast::{field, FromZeros, InvalidBits};

use super::regs::{
    doorbells, Ams, Aqa, Bar0, Cap, Cc, Cdw0, Cqe, Css, Csts, Doorbell, QueueBase, Shn, Sqe, ACQ,
    AQA, ASQ, CAP, CC, CNS_CONTROLLER, CSTS, OPC_IDENTIFY,
};

/// Entries of each admin queue.
pub(crate) const ADMIN_ENTRIES: usize = 32;
// CAST: 32 fits.
const ENTRIES: u16 = ADMIN_ENTRIES as u16;

/// Why the controller could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Error {
    /// CSTS did not show what was waited for within CAP.TO.
    Timeout { csts: Csts },
    /// CSTS.CFS: the controller reported a fatal status.
    Fatal,
    /// The host's page size is not one the controller supports (CAP.MPSMIN..=MPSMAX).
    PageSize { shift: u32 },
    /// A queue's address is not aligned to 4 KiB.
    QueueAddr(InvalidBits),
    /// A doorbell outside BAR 0.
    Reg(RegError),
    /// No completion for the command within the time given.
    NoCompletion { cid: u16 },
    /// The next completion is another command's.
    OtherCommand { cid: u16 },
    /// The command completed with a non-zero status (SCT, SC).
    Command { sct: u8, sc: u8 },
}

impl From<RegError> for Error {
    fn from(e: RegError) -> Error {
        Error::Reg(e)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// Reads CSTS until `done`, at most `tries` times, calling `delay_ms(1)` between reads.
fn wait<B: Backend>(
    bar: &mut Bar0<'_, B>,
    tries: u32,
    delay_ms: &mut impl FnMut(u32),
    done: impl Fn(Csts) -> bool,
) -> Result<Csts, Error> {
    let mut csts = Csts::new();
    for n in 0..tries.max(1) {
        if n > 0 {
            delay_ms(1);
        }
        csts = bar.read::<CSTS>(); // R32 0x1c
        if done(csts) {
            return Ok(csts);
        }
    }
    Err(Error::Timeout { csts })
}

/// Enables the controller with admin queues of `ADMIN_ENTRIES` entries at the device
/// addresses `asq` and `acq` and host pages of `1 << page_shift` bytes; returns CAP.
///
/// # Errors
///
/// [`Error::Timeout`] if CSTS.RDY does not change within CAP.TO (one read a millisecond),
/// [`Error::Fatal`] if CSTS.CFS is set instead, [`Error::PageSize`] and
/// [`Error::QueueAddr`] for arguments the controller cannot use (before enabling it).
pub(crate) fn enable<B: Backend>(
    bar: &mut Bar0<'_, B>,
    asq: u64,
    acq: u64,
    page_shift: u32,
    delay_ms: &mut impl FnMut(u32),
) -> Result<Cap, Error> {
    let cap = bar.read::<CAP>(); // R64 0x00
    let tries = 500 * u32::from(cap.to()); // CAP.TO is in 500 ms units
    let mps = (page_shift.checked_sub(12))
        .and_then(|m| Bounded::<u8, 4>::try_new(u8::try_from(m).ok()?))
        .filter(|m| (cap.mpsmin()..=cap.mpsmax()).contains(m))
        .ok_or(Error::PageSize { shift: page_shift })?;
    let base = |addr: u64| QueueBase::try_from_bits(Le64::new(addr)).map_err(Error::QueueAddr);
    let (asq, acq) = (base(asq)?, base(acq)?);

    let cc = bar.read::<CC>(); // R32 0x14
    if cc.en() {
        bar.write::<CC>(cc.with_en(false)); // W32 0x14
        wait(bar, tries, delay_ms, |s| !s.rdy())?;
    }
    let sizes = Aqa::new()
        .with_asqs_const::<{ ENTRIES - 1 }>()
        .with_acqs_const::<{ ENTRIES - 1 }>();
    bar.write::<AQA>(sizes); // W32 0x24
    bar.write::<ASQ>(asq); // W64 0x28
    bar.write::<ACQ>(acq); // W64 0x30
    let cc = Cc::new()
        .with_css(Css::Nvm)
        .with_mps(mps)
        .with_ams(Ams::RoundRobin)
        .with_shn(Shn::None)
        .with_iosqes_const::<6>()
        .with_iocqes_const::<4>()
        .with_en(true);
    bar.write::<CC>(cc); // W32 0x14 = 0x0046_0001 with 4 KiB pages
    let csts = wait(bar, tries, delay_ms, |s| s.rdy() || s.cfs())?;
    if csts.cfs() {
        return Err(Error::Fatal);
    }
    Ok(cap)
}

/// Writes `value` to doorbell `index` (SQ y's tail: `2y`, CQ y's head: `2y + 1`).
///
/// # Errors
///
/// [`Error::Reg`] if the doorbell lies outside BAR 0 (a CAP.DSTRD too large for it).
pub(crate) fn ring<B: Backend>(
    bar: &mut Bar0<'_, B>,
    cap: Cap,
    index: usize,
    value: u16,
) -> Result<(), Error> {
    let doorbell = Doorbell::new().with_value(value);
    bar.elem_at(&doorbells(cap), index)?.write(doorbell); // W32 0x1000 + index * (4 << DSTRD)
    Ok(())
}

/// The admin queue pair: its memory, shared with the controller, and the driver's indexes.
pub(crate) struct AdminQueue<'a> {
    sq: DmaBuf<'a, [Sqe; ADMIN_ENTRIES]>,
    cq: DmaBuf<'a, [Cqe; ADMIN_ENTRIES]>,
    sq_tail: u16,
    cq_head: u16,
    /// The phase tag of the entries the controller posts on this pass through the queue.
    phase: bool,
    cap: Cap,
}

impl<'a> AdminQueue<'a> {
    /// The admin queues over `sq` and `cq`, for a controller enabled with them (`cap`: its
    /// CAP, for the doorbell stride). The completion queue must be zeroed: the controller's
    /// first pass posts entries with the phase tag 1.
    pub(crate) fn new(
        sq: DmaBuf<'a, [Sqe; ADMIN_ENTRIES]>,
        cq: DmaBuf<'a, [Cqe; ADMIN_ENTRIES]>,
        cap: Cap,
    ) -> Self {
        AdminQueue {
            sq,
            cq,
            sq_tail: 0,
            cq_head: 0,
            phase: true,
            cap,
        }
    }

    /// What the controller sees: the bytes of the submission and completion queues, at their
    /// device addresses (for a simulated controller).
    pub(crate) fn device_view(&mut self) -> (DmaBuf<'_, [u8]>, DmaBuf<'_, [u8]>) {
        (
            self.sq.reborrow().into_bytes(),
            self.cq.reborrow().into_bytes(),
        )
    }

    /// Places `cmd` in the submission queue with command identifier `cid` and rings the
    /// queue's tail doorbell.
    ///
    /// # Errors
    ///
    /// [`Error::Reg`] if the doorbell lies outside BAR 0 (a CAP.DSTRD too large for it).
    pub(crate) fn submit<B: Backend>(
        &mut self,
        bar: &mut Bar0<'_, B>,
        mut cmd: Sqe,
        cid: u16,
    ) -> Result<(), Error> {
        cmd.cdw0 = cmd.cdw0.with_cid(cid);
        let slot = usize::from(self.sq_tail) % ADMIN_ENTRIES;
        // PANIC: none, `slot < ADMIN_ENTRIES`.
        self.sq.ptr().get(slot).unwrap().write(cmd);
        self.sq_tail = (self.sq_tail + 1) % ENTRIES;
        dma_wmb(); // the entry before the doorbell that hands it over
        ring(bar, self.cap, 0, self.sq_tail) // SQ 0's tail
    }

    /// Waits for the next completion (its phase tag flips to the current phase), at most
    /// `tries` checks with `delay_ms(1)` between them, then releases the entry by writing the
    /// completion queue's head doorbell.
    ///
    /// # Errors
    ///
    /// [`Error::NoCompletion`] if none came, [`Error::OtherCommand`] if it is not `cid`'s,
    /// [`Error::Command`] if the command failed, [`Error::Reg`] as for
    /// [`submit`](Self::submit). The entry is released in each case but the first.
    pub(crate) fn complete<B: Backend>(
        &mut self,
        bar: &mut Bar0<'_, B>,
        cid: u16,
        tries: u32,
        delay_ms: &mut impl FnMut(u32),
    ) -> Result<Cqe, Error> {
        let slot = usize::from(self.cq_head) % ADMIN_ENTRIES;
        let mut cqe = None;
        for n in 0..tries.max(1) {
            if n > 0 {
                delay_ms(1);
            }
            // PANIC: none, `slot < ADMIN_ENTRIES`.
            let entry = self.cq.shared().get(slot).unwrap();
            if field!(entry, Cqe, status).read().phase() == self.phase {
                dma_rmb(); // the phase tag before the entry it vouches for
                cqe = Some(entry.read());
                break;
            }
        }
        let cqe = cqe.ok_or(Error::NoCompletion { cid })?;
        self.cq_head = (self.cq_head + 1) % ENTRIES;
        if self.cq_head == 0 {
            self.phase = !self.phase;
        }
        ring(bar, self.cap, 1, self.cq_head)?; // CQ 0's head
        match (cqe.cid.get(), cqe.status.sct().get(), cqe.status.sc()) {
            (found, ..) if found != cid => Err(Error::OtherCommand { cid: found }),
            (_, 0, 0) => Ok(cqe),
            (_, sct, sc) => Err(Error::Command { sct, sc }),
        }
    }
}

/// The Identify command for the controller's data, to be written at device address `data`.
pub(crate) fn identify_controller(data: u64) -> Sqe {
    let mut cmd = Sqe::new_zeroed();
    cmd.cdw0 = Cdw0::new().with_opc(OPC_IDENTIFY);
    cmd.prp1 = Le64::new(data);
    cmd.cdw10 = Le32::new(CNS_CONTROLLER);
    cmd
}
