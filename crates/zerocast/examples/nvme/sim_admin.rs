// SPDX-License-Identifier: MIT OR Apache-2.0
//! The simulated controller's admin command processing, the part of the controller that works
//! on host memory (DMA): it reads the submission queue entries up to SQ 0's last tail doorbell
//! write (`NvmeSim::doorbells`), executes Identify Controller, and posts completion queue
//! entries with the phase tag (NVMe 2.0, 4.6).
//!
//! A real controller does this on its own; the simulation does it when the test calls
//! [`AdminSim::run`], with the DMA buffers the driver shares (their byte views): a test plays the
//! device between the driver's steps. Entries are decoded from the bytes as the specification
//! lays them out (little-endian), independently of the driver's types.

use zerocast::device::DmaBuf;

use super::sim::{NvmeSim, Which, RDY};

/// The Identify Controller data the simulation answers with: PCI vendor and subsystem vendor
/// IDs (0x1b36), serial number, model number, firmware revision, each space-padded.
pub(crate) const VID: u16 = 0x1b36;
pub(crate) const SN: &[u8; 20] = b"ZC0001              ";
pub(crate) const MN: &[u8; 40] = b"zerocast simulated NVMe controller      ";
pub(crate) const FR: &[u8; 8] = b"1.0     ";

/// Why the simulation could not process the admin queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AdminFault {
    /// CSTS.RDY is 0: the controller processes no commands.
    NotReady,
    /// The buffer given is not at the address programmed in ASQ (`Which::SqTail`) or ACQ.
    WrongQueue(Which),
    /// A queue buffer smaller than the queue size programmed in AQA.
    QueueTooSmall(Which),
}

/// The admin queue state of the simulated controller: SQ 0's head, CQ 0's tail and the phase
/// tag of the entries it posts.
#[derive(Debug)]
pub(crate) struct AdminSim {
    sq_head: u16,
    cq_tail: u16,
    phase: bool,
}

impl Default for AdminSim {
    fn default() -> AdminSim {
        AdminSim {
            sq_head: 0,
            cq_tail: 0,
            phase: true,
        }
    }
}

impl AdminSim {
    /// Executes the commands between SQ 0's head and its last tail doorbell; returns how many.
    /// Identify with CNS 01h whose PRP1 is `data`'s address writes the Identify data there;
    /// another opcode completes with status Invalid Command Opcode (SC 01h), another Identify
    /// with Invalid Field in Command (SC 02h).
    pub(crate) fn run(
        &mut self,
        sim: &NvmeSim,
        mut sq: DmaBuf<'_, [u8]>,
        mut cq: DmaBuf<'_, [u8]>,
        mut data: DmaBuf<'_, [u8]>,
    ) -> Result<usize, AdminFault> {
        let (_, csts, aqa, asq, acq) = sim.state();
        if csts & RDY == 0 {
            return Err(AdminFault::NotReady);
        }
        if sq.dma_addr() != asq {
            return Err(AdminFault::WrongQueue(Which::SqTail));
        }
        if cq.dma_addr() != acq {
            return Err(AdminFault::WrongQueue(Which::CqHead));
        }
        // CAST: AQA's fields are 12 bits wide.
        let (sq_size, cq_size) = ((aqa & 0xfff) as u16 + 1, (aqa >> 16 & 0xfff) as u16 + 1);
        if sq.len() < usize::from(sq_size) * 64 {
            return Err(AdminFault::QueueTooSmall(Which::SqTail));
        }
        if cq.len() < usize::from(cq_size) * 16 {
            return Err(AdminFault::QueueTooSmall(Which::CqHead));
        }
        let tail = sim
            .doorbells()
            .iter()
            .rev()
            .find(|d| d.0 == 0 && d.1 == Which::SqTail)
            .map_or(self.sq_head, |d| d.2 as u16);
        let mut done = 0;
        while self.sq_head != tail {
            let mut sqe = [0_u8; 64];
            let at = usize::from(self.sq_head) * 64;
            // PANIC: none, `sq` holds `sq_size` entries (checked above).
            sq.ptr().read_slice_at(at, &mut sqe).unwrap();
            self.sq_head = (self.sq_head + 1) % sq_size;
            let sc = self.execute(&sqe, &mut data);
            let mut cqe = [0_u8; 16];
            cqe[8..10].copy_from_slice(&self.sq_head.to_le_bytes()); // SQHD; SQID 0
            cqe[12..14].copy_from_slice(&sqe[2..4]); // CID
            let status = u16::from(sc) << 1 | u16::from(self.phase);
            cqe[14..16].copy_from_slice(&status.to_le_bytes());
            let at = usize::from(self.cq_tail) * 16;
            // PANIC: none, `cq` holds `cq_size` entries (checked above). The bytes are
            // written in address order, the status with the phase tag last.
            cq.ptr().write_slice_at(at, &cqe).unwrap();
            self.cq_tail = (self.cq_tail + 1) % cq_size;
            if self.cq_tail == 0 {
                self.phase = !self.phase;
            }
            done += 1;
        }
        Ok(done)
    }

    /// Executes one command; returns its status code (status code type 0, generic).
    fn execute(&self, sqe: &[u8; 64], data: &mut DmaBuf<'_, [u8]>) -> u8 {
        let le64 = |at: usize| {
            sqe[at..at + 8]
                .iter()
                .rev()
                .fold(0, |v, &b| v << 8 | u64::from(b))
        };
        let (opc, prp1, cns) = (sqe[0], le64(24), sqe[40]);
        if opc != 0x06 {
            return 0x01;
        }
        if cns != 0x01 || prp1 != data.dma_addr() || data.len() < 4096 {
            return 0x02;
        }
        let mut id = [0_u8; 72];
        id[0..2].copy_from_slice(&VID.to_le_bytes());
        id[2..4].copy_from_slice(&VID.to_le_bytes());
        id[4..24].copy_from_slice(SN);
        id[24..64].copy_from_slice(MN);
        id[64..72].copy_from_slice(FR);
        // PANIC: none, `data` holds at least 4096 bytes (checked above).
        data.ptr().write_slice_at(0, &id).unwrap();
        0x00
    }
}
