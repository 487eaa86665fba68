// SPDX-License-Identifier: MIT OR Apache-2.0
//! The GICv2 distributor registers (ARM IHI 0048B.b, 4.1.2 table 4-1 and 4.3), declared with
//! zerocast.
//!
//! The registers are little-endian (`Le32`). No distributor register has a read side effect
//! (the acknowledging read is the CPU interface's GICC_IAR), so the readable ones are
//! `ReadPure`/`ReadPureWrite`: readable through a shared borrow of the block. The set/clear
//! pairs (ISENABLER/ICENABLER, ISPENDR/ICPENDR) act on the ones written:
//! `WriteOneToSet`/`WriteOneToClear`, which refuse a read-modify-write.

// A register is two types: its value (`Ctlr`, a bit field) and its place (`CTLR`, the value's
// cell at an offset), named as the specification names the register.
#![expect(
    clippy::upper_case_acronyms,
    reason = "the registers' names in the specification"
)]

use zerocast::byteorder::Le32;
use zerocast::device::{
    ReadPure, ReadPureWrite, Reg, RegArray, Regs, WriteOneToClear, WriteOneToSet, WriteOnly,
};
use zerocast::{bitfield, BitEnum};

/// The distributor's 4 KiB.
pub(crate) type Gicd<'a, B> = Regs<'a, 0x1000, B>;

bitfield! {
    /// Distributor Control Register.
    pub(crate) struct Ctlr(Le32) {
        1 enable_grp1 as bool;
        0 enable_grp0 as bool;
    }

    /// Interrupt Controller Type Register.
    pub(crate) struct Typer(Le32) {
        15:11 lspi as u8;
        10 security_extn as bool;
        7:5 cpu_number as u8;
        4:0 it_lines_number as u8;
    }

    /// Distributor Implementer Identification Register.
    pub(crate) struct Iidr(Le32) {
        31:24 product_id as u8;
        19:16 variant as u8;
        15:12 revision as u8;
        11:0 implementer as u16;
    }

    /// Software Generated Interrupt Register.
    pub(crate) struct Sgir(Le32) {
        25:24 target_list_filter ?=> SgiFilter;
        23:16 cpu_target_list as u8;
        15 nsatt as bool;
        3:0 sgiintid as u8;
    }
}

/// GICD_SGIR.TargetListFilter (11b reserved).
#[derive(BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SgiFilter {
    /// The CPU interfaces in CPUTargetList.
    List = 0,
    /// All but the requesting one.
    AllButSelf = 1,
    /// The requesting one only.
    SelfOnly = 2,
}

pub(crate) type CTLR = Reg<ReadPureWrite<Ctlr>, 0x000>;
pub(crate) type TYPER = Reg<ReadPure<Typer>, 0x004>;
pub(crate) type IIDR = Reg<ReadPure<Iidr>, 0x008>;
/// Write 1 to enable, 0 to leave alone; reads give the enabled state (as ICENABLER).
pub(crate) type ISENABLER = RegArray<WriteOneToSet<Le32>, 0x100, 4, 32>;
/// Write 1 to disable.
pub(crate) type ICENABLER = RegArray<WriteOneToClear<Le32>, 0x180, 4, 32>;
/// Write 1 to make pending, 0 to leave alone; reads give the pending state.
pub(crate) type ISPENDR = RegArray<WriteOneToSet<Le32>, 0x200, 4, 32>;
/// Write 1 to clear the pending state.
pub(crate) type ICPENDR = RegArray<WriteOneToClear<Le32>, 0x280, 4, 32>;
/// One priority byte per interrupt, written four at a time.
pub(crate) type IPRIORITYR = RegArray<ReadPureWrite<Le32>, 0x400, 4, 255>;
/// The same priorities, one byte per interrupt.
pub(crate) type IPRIORITY = RegArray<ReadPureWrite<u8>, 0x400, 1, 1020>;
/// The CPU targets of the SGIs and PPIs (interrupts 0-31, GICD_ITARGETSR0-7): read-only,
/// each reads the reading CPU interface's bit.
#[expect(non_camel_case_types, reason = "the specification's name and the part")]
pub(crate) type ITARGETSR_SGI_PPI = RegArray<ReadPure<u8>, 0x800, 1, 32>;
/// The CPU targets of the SPIs, one byte each: element `i` is interrupt `32 + i`'s.
pub(crate) type ITARGETSR = RegArray<ReadPureWrite<u8>, 0x820, 1, 988>;
/// The trigger mode of the SGIs (interrupts 0-15): read-only, edge.
pub(crate) type ICFGR0 = Reg<ReadPure<Le32>, 0xc00>;
/// Two bits per interrupt (bit 2F+1: edge-triggered); element `i` is GICD_ICFGR(i + 1).
pub(crate) type ICFGR = RegArray<ReadPureWrite<Le32>, 0xc04, 4, 63>;
pub(crate) type SGIR = Reg<WriteOnly<Sgir>, 0xf00>;
