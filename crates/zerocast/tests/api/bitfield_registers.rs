// SPDX-License-Identifier: MIT OR Apache-2.0
//! `bitfield!` on real register layouts: fields checked when read (`?=>`: NVMe CSTS, the xHCI
//! event TRB), `const` construction from raw bits where all-zero is invalid (x86 EFLAGS), the
//! `try_`/`_const` setters of full-width integer fields, and `Bounded::new` inferring its type.
//! Expected values are written from the specifications' bit positions, not from the macro.

use crate::common::implements;
use core::any::type_name;

use zerocast::bitfield::{BitEnum, Bounded, FieldRangeError};
use zerocast::byteorder::{LittleEndian, U32};
use zerocast::{
    bitfield, BitEnum, FromBytes, FromZeros, Immutable, IntoBytes, InvalidBits, KnownLayout,
    TryFromBytes,
};

/// `(FromBytes, FromZeros, Default)`.
macro_rules! traits {
    ($t:ty) => {
        (
            implements!($t: FromBytes),
            implements!($t: FromZeros),
            implements!($t: Default),
        )
    };
}

/// Every bit field has these, whatever its fields.
fn always<T: KnownLayout + Immutable + IntoBytes + TryFromBytes + Copy + Eq>() {}

/// `(offset, found, field)` of a validation error.
fn facts(e: InvalidBits) -> (usize, Option<u128>, Option<(&'static str, &'static str)>) {
    (e.offset(), e.found(), e.field())
}

/// Bits `hi:lo` of `p`.
fn take(p: u32, hi: u32, lo: u32) -> u32 {
    (p >> lo) & (u32::MAX >> (31 - (hi - lo)))
}

// ---- NVMe CSTS: a reserved value in one field hides none of the others -------------------------

/// CSTS.SHST, the shutdown status; `11b` is reserved.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Shst {
    Normal = 0,
    Occurring = 1,
    Complete = 2,
}

bitfield! {
    /// NVMe Controller Status (CSTS, offset 0x1c of the controller registers); bits 31:6 are
    /// left alone.
    pub(crate) struct Csts(u32) {
        0 rdy as bool;
        1 cfs as bool;
        3:2 shst ?=> Shst;
        4 nssro as bool;
        5 pp as bool;
    }
}

/// `Shst` by value, written out.
fn shst_of(v: u32) -> Option<Shst> {
    match v {
        0 => Some(Shst::Normal),
        1 => Some(Shst::Occurring),
        2 => Some(Shst::Complete),
        _ => None,
    }
}

#[test]
fn csts_is_raw_storage_with_a_checked_field() {
    always::<Csts>();
    // SHST's reserved value does not make the register invalid: raw storage, zero valid.
    assert_eq!(traits!(Csts), (true, true, true));
    assert_eq!(Csts::new().into_bits(), 0);
    assert_eq!(Csts::default(), Csts::new());
    assert_eq!(Csts::new_zeroed(), Csts::new());
    assert_eq!(Csts::new().shst(), Ok(Shst::Normal));
}

#[test]
fn csts_every_low_pattern() {
    // Every value of the six defined bits, under a few patterns of the reserved ones.
    for high in [0, 0xffff_ffc0, 0x8000_0040, 0x1234_5600] {
        for low in 0..64u32 {
            let p = high | low;
            let c = Csts::from_bits(p);
            assert_eq!(Csts::try_from_bits(p), Ok(c), "every pattern is valid");
            assert_eq!(Csts::read_from_bytes(&p.to_ne_bytes()), Ok(c));
            assert_eq!(Csts::try_read_from_bytes(&p.to_ne_bytes()), Ok(c));
            assert_eq!(c.into_bits(), p);
            assert_eq!(
                (c.rdy(), c.cfs(), c.nssro(), c.pp()),
                (
                    p & 1 == 1,
                    p >> 1 & 1 == 1,
                    p >> 4 & 1 == 1,
                    p >> 5 & 1 == 1
                )
            );
            let raw = take(p, 3, 2);
            match shst_of(raw) {
                Some(s) => {
                    assert_eq!(c.shst(), Ok(s));
                    assert_eq!(
                        format!("{c:?}"),
                        format!(
                            "Csts {{ rdy: {}, cfs: {}, shst: Ok({s:?}), nssro: {}, pp: {} }}",
                            c.rdy(),
                            c.cfs(),
                            c.nssro(),
                            c.pp()
                        )
                    );
                }
                None => {
                    let e = c.shst().unwrap_err();
                    assert_eq!(facts(e), (0, Some(3), Some(("Csts", "shst"))));
                    assert_eq!(e.type_name(), type_name::<Shst>());
                    assert_eq!(
                        e.to_string(),
                        format!(
                            "0x3 is not a valid `{}` at byte offset 0 (field `shst` of `Csts`)",
                            type_name::<Shst>()
                        )
                    );
                    assert_eq!(
                        format!("{c:?}"),
                        format!(
                            "Csts {{ rdy: {}, cfs: {}, shst: Err(3), nssro: {}, pp: {} }}",
                            c.rdy(),
                            c.cfs(),
                            c.nssro(),
                            c.pp()
                        )
                    );
                }
            }
            // Setting SHST replaces its two bits only, whatever they held.
            for (v, s) in [(0, Shst::Normal), (1, Shst::Occurring), (2, Shst::Complete)] {
                let want = (p & !0b1100) | v << 2;
                assert_eq!(c.with_shst(s).into_bits(), want);
                let mut m = c;
                m.set_shst(s);
                assert_eq!(m.into_bits(), want);
                assert_eq!(m.shst(), Ok(s));
            }
            // Read-modify-write of another field keeps SHST's bits, reserved value included.
            let mut m = c;
            m.set_rdy(!c.rdy());
            assert_eq!(m.into_bits(), p ^ 1);
            assert_eq!(take(m.into_bits(), 3, 2), raw);
        }
    }
}

#[test]
fn csts_the_issues_case() {
    // SHST = 11b (reserved), RDY = 1, PP = 1: RDY and PP are still read.
    let c = Csts::read_from_bytes(&0b10_1101u32.to_ne_bytes()).unwrap();
    assert!(c.rdy());
    assert!(c.pp());
    assert!(!c.cfs());
    let e = c.shst().unwrap_err();
    assert_eq!((e.field(), e.found()), (Some(("Csts", "shst")), Some(3)));
    // A driver clearing RDY's shadow leaves SHST as the device wrote it.
    let cleared = c.with_rdy(false);
    assert_eq!(cleared.into_bits(), 0b10_1100);
    assert_eq!(cleared.shst().unwrap_err().found(), Some(3));
    const SHUT_DOWN: Csts = Csts::new().with_rdy(true).with_shst(Shst::Complete);
    assert_eq!(SHUT_DOWN.into_bits(), 0b1001);
    const RAW: Csts = Csts::from_bits(0b1100);
    assert_eq!(RAW.into_bits(), 0b1100);
}

// ---- xHCI event TRB: a completion code and a TRB type with reserved values ---------------------

/// xHCI completion codes (xHCI 1.2, table 6-90): 30 and 37..=191 are reserved, 192..=255 are
/// vendor defined.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum CompletionCode {
    Invalid = 0,
    Success = 1,
    DataBufferError = 2,
    BabbleDetected = 3,
    UsbTransactionError = 4,
    TrbError = 5,
    StallError = 6,
    ResourceError = 7,
    BandwidthError = 8,
    NoSlotsAvailable = 9,
    InvalidStreamType = 10,
    SlotNotEnabled = 11,
    EndpointNotEnabled = 12,
    ShortPacket = 13,
    RingUnderrun = 14,
    RingOverrun = 15,
    VfEventRingFull = 16,
    ParameterError = 17,
    BandwidthOverrun = 18,
    ContextStateError = 19,
    NoPingResponse = 20,
    EventRingFull = 21,
    IncompatibleDevice = 22,
    MissedService = 23,
    CommandRingStopped = 24,
    CommandAborted = 25,
    Stopped = 26,
    StoppedLengthInvalid = 27,
    StoppedShortPacket = 28,
    MaxExitLatencyTooLarge = 29,
    IsochBufferOverrun = 31,
    EventLost = 32,
    UndefinedError = 33,
    InvalidStreamId = 34,
    SecondaryBandwidthError = 35,
    SplitTransactionError = 36,
}

/// xHCI TRB types (xHCI 1.2, table 6-91), the transfer and event ones: 0, 26..=31 and 40..=47
/// are reserved, 48..=63 vendor defined (and the commands, 9..=25, are left out here).
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum TrbType {
    Normal = 1,
    SetupStage = 2,
    DataStage = 3,
    StatusStage = 4,
    Isoch = 5,
    Link = 6,
    EventData = 7,
    NoOp = 8,
    TransferEvent = 32,
    CommandCompletionEvent = 33,
    PortStatusChangeEvent = 34,
    BandwidthRequestEvent = 35,
    DoorbellEvent = 36,
    HostControllerEvent = 37,
    DeviceNotificationEvent = 38,
    MfindexWrapEvent = 39,
}

/// `TrbType` by value, written out.
fn trb_type_of(v: u32) -> Option<TrbType> {
    use TrbType::*;
    let all = [
        (1, Normal),
        (2, SetupStage),
        (3, DataStage),
        (4, StatusStage),
        (5, Isoch),
        (6, Link),
        (7, EventData),
        (8, NoOp),
        (32, TransferEvent),
        (33, CommandCompletionEvent),
        (34, PortStatusChangeEvent),
        (35, BandwidthRequestEvent),
        (36, DoorbellEvent),
        (37, HostControllerEvent),
        (38, DeviceNotificationEvent),
        (39, MfindexWrapEvent),
    ];
    all.into_iter().find(|(d, _)| *d == v).map(|(_, t)| t)
}

bitfield! {
    /// Dword 2 of a Transfer Event TRB (xHCI 1.2, 6.4.2.1), little-endian in memory.
    pub(crate) struct EventStatus(U32<LittleEndian>) {
        31:24 completion_code ?=> CompletionCode;
        23:0 transfer_length as u32;
    }

    /// Dword 3 of a TRB, the control word: its type and cycle bit in every TRB, the slot and
    /// endpoint of a Transfer Event.
    pub(crate) struct TrbControl(U32<LittleEndian>) {
        31:24 slot_id as u8;
        20:16 endpoint_id as u8;
        15:10 trb_type ?=> TrbType;
        2 event_data as bool;
        0 cycle as bool;
    }
}

/// An event TRB's dwords 2 and 3, as the controller writes them.
#[derive(FromBytes, KnownLayout, Immutable, IntoBytes, Debug, PartialEq)]
#[repr(C)]
pub(crate) struct EventTail {
    status: EventStatus,
    control: TrbControl,
}

#[test]
fn xhci_event_trb() {
    assert_eq!(traits!(EventStatus), (true, true, true));
    assert_eq!(traits!(TrbControl), (true, true, true));
    // A successful transfer event: 512 bytes left, slot 3, endpoint 2, type 32, cycle 1.
    let bytes = [0x00, 0x02, 0x00, 0x01, 0x01, 0x80, 0x02, 0x03];
    let t = EventTail::ref_from_bytes(&bytes).unwrap();
    assert_eq!(t.status.completion_code(), Ok(CompletionCode::Success));
    assert_eq!(t.status.transfer_length().get(), 0x200);
    assert_eq!(t.control.trb_type(), Ok(TrbType::TransferEvent));
    assert_eq!((t.control.slot_id(), t.control.endpoint_id().get()), (3, 2));
    assert!(t.control.cycle());
    assert!(!t.control.event_data());
    // A reserved completion code (30) and a vendor-defined one (0xc0): the rest still reads.
    for code in [30u8, 37, 0xc0, 0xff] {
        let mut b = bytes;
        b[3] = code;
        let t = EventTail::read_from_bytes(&b).unwrap();
        let e = t.status.completion_code().unwrap_err();
        assert_eq!(
            facts(e),
            (
                0,
                Some(u128::from(code)),
                Some(("EventStatus", "completion_code"))
            )
        );
        assert_eq!(e.type_name(), type_name::<CompletionCode>());
        assert_eq!(t.status.transfer_length().get(), 0x200);
        assert_eq!(t.control.trb_type(), Ok(TrbType::TransferEvent));
        assert!(t.control.cycle());
        assert_eq!(
            format!("{:?}", t.status),
            format!("EventStatus {{ completion_code: Err({code}), transfer_length: 512 }}")
        );
    }
    // Every TRB type value, with every other bit set: type and cycle bit read apart.
    for ty in 0..64u32 {
        let word = !(0x3f << 10) | ty << 10;
        let c = TrbControl::read_from_bytes(&word.to_le_bytes()).unwrap();
        assert!(c.cycle());
        assert_eq!(c.slot_id(), 0xff);
        match trb_type_of(ty) {
            Some(t) => assert_eq!(c.trb_type(), Ok(t)),
            None => assert_eq!(
                facts(c.trb_type().unwrap_err()),
                (0, Some(u128::from(ty)), Some(("TrbControl", "trb_type")))
            ),
        }
        // Handing the TRB back: flip the cycle bit, the reserved type stays as it was.
        let back = c.with_cycle(false);
        assert_eq!(back.as_bytes(), &(word & !1).to_le_bytes());
    }
    // Every completion code value.
    for code in 0..=255u32 {
        let s = EventStatus::from_bits(U32::new(code << 24 | 7));
        let want = CompletionCode::from_bits(u128::from(code));
        assert_eq!(want.is_some(), code <= 36 && code != 30, "{code}");
        assert_eq!(s.completion_code().ok(), want);
        if let Some(w) = want {
            assert_eq!(w as u32, code);
        }
    }
    // Building a command TRB's control word: one `const`, with the full-width slot id.
    const NOOP: TrbControl = TrbControl::new()
        .with_trb_type(TrbType::NoOp)
        .with_slot_id_const::<5>()
        .with_cycle(true);
    assert_eq!(NOOP.as_bytes(), &[0x01, 8 << 2, 0x00, 0x05]);
}

// ---- x86 EFLAGS: all-zero is invalid, `const` construction from raw bits ------------------------

bitfield! {
    /// x86 EFLAGS (Intel SDM vol. 1, 3.4.3): bit 1 is reserved and always 1; bits 3, 5, 15
    /// and 31:22 are reserved and 0.
    pub(crate) struct Eflags(u32) {
        0 cf as bool;
        1 _ = 1;
        2 pf as bool;
        3 _ = 0;
        4 af as bool;
        5 _ = 0;
        6 zf as bool;
        7 sf as bool;
        8 tf as bool;
        9 if_ as bool;
        10 df as bool;
        11 of as bool;
        13:12 iopl as u8;
        14 nt as bool;
        15 _ = 0;
        16 rf as bool;
        17 vm as bool;
        18 ac as bool;
        19 vif as bool;
        20 vip as bool;
        21 id as bool;
        31:22 _ = 0;
    }
}

/// The value after reset: only the reserved bit 1.
const EFLAGS_RESET: Eflags = match Eflags::try_from_bits(0x2) {
    Ok(f) => f,
    Err(_) => panic!("0x2 is a valid EFLAGS"),
};

/// Interrupts enabled, IOPL 3, built in `const` from the reset value.
const EFLAGS_USER: Eflags = EFLAGS_RESET.with_if_(true).with_iopl_const::<3>();

/// The first invalid line of a raw value, found in `const`.
const ZERO_ERROR: Option<(u128, &str)> = match Eflags::try_from_bits(0) {
    Ok(_) => None,
    Err(e) => match (e.found(), e.field()) {
        (Some(found), Some((_, field))) => Some((found, field)),
        _ => None,
    },
};

#[test]
fn eflags_in_const() {
    always::<Eflags>();
    // All-zero is invalid: no `new`, `Default` or `FromZeros`, nor `FromBytes`.
    assert_eq!(traits!(Eflags), (false, false, false));
    assert_eq!(EFLAGS_RESET.into_bits(), 0x2);
    assert_eq!(EFLAGS_USER.into_bits(), 0x2 | 1 << 9 | 3 << 12);
    assert!(EFLAGS_USER.if_());
    assert_eq!(EFLAGS_USER.iopl().get(), 3);
    assert_eq!(ZERO_ERROR, Some((0, "reserved 1:1")));
    let e = Eflags::try_from_bits(0).unwrap_err();
    assert_eq!(facts(e), (0, Some(0), Some(("Eflags", "reserved 1:1"))));
    assert_eq!(e.type_name(), "u32");
    // The first invalid line in declaration order: bit 1 before bit 3 before 31:22.
    let e = Eflags::try_from_bits(0x8000_0008).unwrap_err();
    assert_eq!(e.field(), Some(("Eflags", "reserved 1:1")));
    let e = Eflags::try_from_bits(0x8000_000a).unwrap_err();
    assert_eq!(facts(e), (0, Some(1), Some(("Eflags", "reserved 3:3"))));
    let e = Eflags::try_from_bits(0x8000_0002).unwrap_err();
    assert_eq!(
        facts(e),
        (0, Some(1 << 9), Some(("Eflags", "reserved 31:22")))
    );
    // Every flag, each alone over the reset value, is valid and read back.
    let flags = [0, 2, 4, 6, 7, 8, 9, 10, 11, 14, 16, 17, 18, 19, 20, 21];
    for bit in flags {
        let f = Eflags::try_from_bits(0x2 | 1 << bit).unwrap();
        let got = [
            f.cf(),
            f.pf(),
            f.af(),
            f.zf(),
            f.sf(),
            f.tf(),
            f.if_(),
            f.df(),
            f.of(),
            f.nt(),
            f.rf(),
            f.vm(),
            f.ac(),
            f.vif(),
            f.vip(),
            f.id(),
        ];
        let want = flags.map(|b| b == bit);
        assert_eq!(got, want, "bit {bit}");
        assert_eq!(
            Eflags::try_read_from_bytes(&(0x2u32 | 1 << bit).to_ne_bytes()),
            Ok(f)
        );
    }
}

// ---- `as?` validated in `const` ---------------------------------------------------------------

#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Off = 0,
    On = 1,
    Auto = 5,
}

/// Values on both sides of 64 and 128, for each path of the `const` check.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub(crate) enum Sparse {
    A = 3,
    B = 64,
    C = 127,
    D = 128,
    E = 300,
}

bitfield! {
    pub(crate) struct Ctrl(u16) {
        15:13 mode as? Mode;
        12:4 sparse as? Sparse;
        3:0 _;
    }
}

#[test]
fn word_checked_enums_in_const() {
    const OK: Result<Ctrl, InvalidBits> = Ctrl::try_from_bits(5 << 13 | 300 << 4 | 0xf);
    const BAD_MODE: Result<Ctrl, InvalidBits> = Ctrl::try_from_bits(2 << 13 | 3 << 4);
    let c = OK.unwrap();
    assert_eq!((c.mode(), c.sparse()), (Mode::Auto, Sparse::E));
    let e = BAD_MODE.unwrap_err();
    assert_eq!(facts(e), (0, Some(2), Some(("Ctrl", "mode"))));
    assert_eq!(e.type_name(), type_name::<Mode>());
    for v in 0..512u16 {
        let want = [3, 64, 127, 128, 300].contains(&v);
        let r = Ctrl::try_from_bits(v << 4);
        assert_eq!(r.is_ok(), want, "{v}");
        if let Err(e) = r {
            assert_eq!(facts(e), (0, Some(u128::from(v)), Some(("Ctrl", "sparse"))));
            assert_eq!(e.type_name(), type_name::<Sparse>());
        }
    }
}

// ---- Full-width integer fields: the same setters as narrower ones ------------------------------

bitfield! {
    pub(crate) struct Pair(u16) {
        15:8 whole as u8;
        7:0 narrow as u16;
    }
}

#[test]
fn full_width_setters() {
    for v in 0..=u8::MAX {
        let p = Pair::from_bits(0x1234);
        assert_eq!(
            p.try_with_whole(v).map(Pair::into_bits),
            Ok(u16::from(v) << 8 | 0x34)
        );
        let mut q = p;
        assert_eq!(q.try_set_whole(v), Ok(()));
        assert_eq!(q.whole(), v);
        assert_eq!(q.into_bits(), u16::from(v) << 8 | 0x34);
        // The narrower field, a `u16` in 8 bits, refuses what does not fit.
        let r = p.try_with_narrow(u16::from(v) << 1);
        if v < 128 {
            assert_eq!(r.map(Pair::into_bits), Ok(0x1200 | u16::from(v) << 1));
        } else {
            assert_eq!(
                r,
                Err(FieldRangeError::new(
                    "Pair",
                    "narrow",
                    u128::from(v) << 1,
                    8
                ))
            );
        }
    }
    const P: Pair = Pair::new()
        .with_whole_const::<0xff>()
        .with_narrow_const::<0x80>();
    assert_eq!(P.into_bits(), 0xff80);
    let mut p = P;
    p.set_whole_const::<7>();
    assert_eq!((p.whole(), p.narrow().get()), (7, 0x80));
    const Q: Pair = match Pair::new().try_with_whole(9) {
        Ok(p) => p,
        Err(_) => Pair::new(),
    };
    assert_eq!(Q.into_bits(), 9 << 8);
}

// ---- Bounded::new infers its integer type ----------------------------------------------------

#[test]
fn bounded_new_infers_its_type() {
    let b: Bounded<u16, 13> = Bounded::new::<8191>();
    assert_eq!(b.get(), 8191);
    let p = Pair::new().with_narrow(Bounded::new::<0x7f>());
    assert_eq!(p.into_bits(), 0x7f);
    const C: Bounded<u128, 128> = Bounded::new::<{ u128::MAX }>();
    assert_eq!(C.get(), u128::MAX);
    const D: Bounded<u64, 64> = Bounded::new::<{ u64::MAX as u128 }>();
    assert_eq!(D.get(), u64::MAX);
    assert_eq!(Bounded::<u8, 8>::new::<255>().get(), 255);
    assert_eq!(Bounded::<u32, 1>::new::<1>().get(), 1);
}

// ---- the same register through a register block: read, update and try_update --------------------

/// CSTS in a register block holding SHST = 11b (reserved): `Regs::read` still gives RDY, and
/// `update`/`try_update` (of a read-write twin, as a simulation would declare it) change the
/// bits they set and keep the reserved value, with one read and one write each.
#[test]
fn checked_field_register_reads_and_updates_through_regs() {
    use zerocast::device::{ReadOnly, ReadWrite, Reg, Regs};

    type CstsRo = Reg<ReadOnly<Csts>, 0x1c>;
    type CstsRw = Reg<ReadWrite<Csts>, 0x1c>;
    let raw = 0b1101_u32; // RDY = 1, CFS = 0, SHST = 11b
    let mut mem = [0_u64; 4];
    mem[3] = u64::from_ne_bytes({
        let mut b = [0_u8; 8];
        b[4..].copy_from_slice(&raw.to_ne_bytes());
        b
    });
    let mut regs = Regs::<32>::from_mut(&mut mem);
    let csts = regs.read::<CstsRo>();
    assert!(csts.rdy());
    assert!(!csts.cfs());
    let err = csts.shst().unwrap_err();
    assert_eq!(err.found(), Some(3));
    assert_eq!(err.field(), Some(("Csts", "shst")));
    // A validated read of the whole word succeeds: `?=>` fields are not part of it.
    assert_eq!(regs.try_read::<CstsRo>().map(Csts::into_bits), Ok(raw));
    regs.update::<CstsRw>(|c| c.with_pp(true));
    assert_eq!(regs.read::<CstsRo>().into_bits(), raw | 1 << 5);
    regs.try_update::<CstsRw>(|c| c.with_cfs(true)).unwrap();
    assert_eq!(regs.read::<CstsRo>().into_bits(), raw | 1 << 5 | 1 << 1);
    assert_eq!(
        regs.read::<CstsRo>().shst().map_err(|e| e.found()),
        Err(Some(3))
    );
    regs.update::<CstsRw>(|c| c.with_shst(Shst::Complete));
    assert_eq!(regs.read::<CstsRo>().shst(), Ok(Shst::Complete));
    assert_eq!(regs.read::<CstsRo>().into_bits() >> 2 & 3, 2);
}
