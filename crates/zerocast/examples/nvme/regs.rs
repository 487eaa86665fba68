// SPDX-License-Identifier: MIT OR Apache-2.0
//! The NVMe controller registers of the enable sequence (NVMe base specification 2.0, 3.1.3
//! "Controller Properties") and the admin queue entries (4.2 "Submission Queue Entry", 4.6
//! "Completion Queue Entry"), declared with zerocast.
//!
//! The registers and the entries are little-endian (PCI Express, and the specification's
//! byte order): each is stored in a `Le32`/`Le64`, so a big-endian host reads the same fields.

// A register is two types: its value (`Csts`, a bit field) and its place (`CSTS`, the value's
// cell at an offset), named as the specification names the register.
#![expect(
    clippy::upper_case_acronyms,
    reason = "the registers' names in the specification"
)]

use zerocast::byteorder::{Le16, Le32, Le64};
use zerocast::device::{ReadOnly, ReadPure, ReadWrite, Reg, RegStride, Regs, WriteOnly};
use zerocast::{bitfield, BitEnum, FromBytes, Immutable, IntoBytes, KnownLayout};

/// BAR 0 of a controller: the registers and the doorbells of the first queue pairs.
pub(crate) type Bar0<'a, B> = Regs<'a, 0x2000, B>;

bitfield! {
    /// Controller Capabilities.
    pub(crate) struct Cap(Le64) {
        55:52 mpsmax as u8;
        51:48 mpsmin as u8;
        44:37 css as u8;
        35:32 dstrd as u8;
        31:24 to as u8;
        16 cqr as bool;
        15:0 mqes as u16;
    }

    /// Version.
    pub(crate) struct Vs(Le32) {
        31:16 mjr as u16;
        15:8 mnr as u8;
        7:0 ter as u8;
    }

    /// Controller Configuration.
    pub(crate) struct Cc(Le32) {
        23:20 iocqes as u8;
        19:16 iosqes as u8;
        15:14 shn ?=> Shn;
        13:11 ams ?=> Ams;
        10:7 mps as u8;
        6:4 css ?=> Css;
        0 en as bool;
    }

    /// Controller Status. NSSRO is write-1-to-clear, which this driver never does.
    pub(crate) struct Csts(Le32) {
        5 pp as bool;
        4 nssro as bool;
        3:2 shst ?=> Shst;
        1 cfs as bool;
        0 rdy as bool;
    }

    /// Admin Queue Attributes: the queue sizes, minus one.
    pub(crate) struct Aqa(Le32) {
        27:16 acqs as u16;
        11:0 asqs as u16;
    }

    /// Admin Submission or Completion Queue Base Address: a 4 KiB aligned address.
    pub(crate) struct QueueBase(Le64) {
        63:12 base as u64;
        11:0 _ = 0;
    }

    /// A doorbell: a submission queue's new tail or a completion queue's new head.
    pub(crate) struct Doorbell(Le32) {
        31:16 _ = 0;
        15:0 value as u16;
    }
}

/// CC.CSS: the command sets enabled.
#[derive(BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Css {
    Nvm = 0b000,
    AllIo = 0b110,
    AdminOnly = 0b111,
}

/// CC.AMS: the arbitration mechanism.
#[derive(BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ams {
    RoundRobin = 0b000,
    WeightedUrgent = 0b001,
    VendorSpecific = 0b111,
}

/// CC.SHN: the shutdown notification (11b reserved).
#[derive(BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shn {
    None = 0,
    Normal = 1,
    Abrupt = 2,
}

/// CSTS.SHST: the shutdown status (11b reserved).
#[derive(BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shst {
    Normal = 0,
    Occurring = 1,
    Complete = 2,
}

pub(crate) type CAP = Reg<ReadPure<Cap>, 0x00>;
pub(crate) type VS = Reg<ReadPure<Vs>, 0x08>;
pub(crate) type CC = Reg<ReadWrite<Cc>, 0x14>;
pub(crate) type CSTS = Reg<ReadOnly<Csts>, 0x1c>;
pub(crate) type AQA = Reg<ReadWrite<Aqa>, 0x24>;
pub(crate) type ASQ = Reg<ReadWrite<QueueBase>, 0x28>;
pub(crate) type ACQ = Reg<ReadWrite<QueueBase>, 0x30>;

/// The doorbells, `4 << CAP.DSTRD` bytes apart from 0x1000: SQ y's tail is element `2y`, CQ
/// y's head element `2y + 1`, for queue identifiers up to 65535 (`Regs::elem_at` checks that
/// an element lies inside BAR 0).
pub(crate) fn doorbells(cap: Cap) -> RegStride<WriteOnly<Doorbell>> {
    RegStride::new(0x1000, 4 << cap.dstrd().get(), 2 << 16)
}

bitfield! {
    /// Command Dword 0 of a submission queue entry.
    pub(crate) struct Cdw0(Le32) {
        31:16 cid as u16;
        15:14 psdt as u8;
        9:8 fuse as u8;
        7:0 opc as u8;
    }

    /// The status field of a completion queue entry, with the phase tag.
    pub(crate) struct Status(Le16) {
        15 dnr as bool;
        14 more as bool;
        13:12 crd as u8;
        11:9 sct as u8;
        8:1 sc as u8;
        0 phase as bool;
    }
}

/// A submission queue entry (64 bytes).
#[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Clone, Copy, Debug)]
#[repr(C)]
pub(crate) struct Sqe {
    pub(crate) cdw0: Cdw0,
    pub(crate) nsid: Le32,
    pub(crate) cdw2: Le32,
    pub(crate) cdw3: Le32,
    pub(crate) mptr: Le64,
    pub(crate) prp1: Le64,
    pub(crate) prp2: Le64,
    pub(crate) cdw10: Le32,
    pub(crate) cdw11: Le32,
    pub(crate) cdw12: Le32,
    pub(crate) cdw13: Le32,
    pub(crate) cdw14: Le32,
    pub(crate) cdw15: Le32,
}

/// A completion queue entry (16 bytes).
#[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Clone, Copy, Debug)]
#[repr(C)]
pub(crate) struct Cqe {
    pub(crate) dw0: Le32,
    pub(crate) dw1: Le32,
    pub(crate) sqhd: Le16,
    pub(crate) sqid: Le16,
    pub(crate) cid: Le16,
    pub(crate) status: Status,
}

/// The first bytes of the Identify Controller data structure (4096 bytes, CNS 01h).
#[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
pub(crate) struct IdCtrl {
    pub(crate) vid: Le16,
    pub(crate) ssvid: Le16,
    pub(crate) sn: [u8; 20],
    pub(crate) mn: [u8; 40],
    pub(crate) fr: [u8; 8],
    pub(crate) rest: [u8; 4024],
}

/// The Identify admin command's opcode, and its CNS value for the controller's data.
pub(crate) const OPC_IDENTIFY: u8 = 0x06;
pub(crate) const CNS_CONTROLLER: u32 = 0x01;

const _: () = assert!(size_of::<Sqe>() == 64 && size_of::<Cqe>() == 16);
const _: () = assert!(size_of::<IdCtrl>() == 4096);
