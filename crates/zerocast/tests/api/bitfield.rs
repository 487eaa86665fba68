// SPDX-License-Identifier: MIT OR Apache-2.0
//! `bitfield!` and `#[derive(BitEnum)]`: every generated method of every field kind, on each
//! storage, against shift-and-mask arithmetic written here; exhaustive over every pattern of
//! the 8- and 16-bit storages (a sample under Miri), sampled for the wider ones.

use crate::common::implements;
use core::any::type_name;

use zerocast::bitfield::{BitEnum, Bounded, FieldRangeError, ZeroVariant};
use zerocast::{
    bitfield, BitEnum, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes,
    Unaligned,
};

// ---- Fixtures ---------------------------------------------------------------------------------

#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub(crate) enum Ecn {
    NotEct = 0,
    Ect1 = 1,
    Ect0 = 2,
    Ce = 3,
}
const ECN: [Ecn; 4] = [Ecn::NotEct, Ecn::Ect1, Ecn::Ect0, Ecn::Ce];

#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Off = 0,
    On = 1,
    Auto = 5,
}
/// `Mode` by discriminant, written out.
fn mode_of(v: u32) -> Option<Mode> {
    match v {
        0 => Some(Mode::Off),
        1 => Some(Mode::On),
        5 => Some(Mode::Auto),
        _ => None,
    }
}

/// No variant is 0: a bit field with an `as? Level` field is not all-zeros-valid.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub(crate) enum Level {
    Low = 1,
    High = 2,
}

/// Sixteen variants in declaration order different from their values, `repr(u16)`.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub(crate) enum Nibble {
    N15 = 15,
    N0 = 0,
    N1,
    N2,
    N3,
    N4,
    N5,
    N6,
    N7,
    N8,
    N9,
    N10,
    N11,
    N12,
    N13,
    N14,
}

bitfield! {
    /// Type of service: a narrow integer and a covering enum.
    pub(crate) struct Tos(u8) {
        7:2 dscp as u8;
        1:0 ecn as Ecn;
    }
}
bitfield! {
    /// Ignored bits, a checked enum, a narrow integer.
    pub(crate) struct Ctrl(u8) {
        7:6 _;
        5:3 mode as? Mode;
        2:0 level as u8;
    }
}
bitfield! {
    /// A full-width field.
    pub(crate) struct Whole8(u8) {
        7:0 all as u8;
    }
}
bitfield! {
    /// A field type wider than the storage, a bool, a reserved non-zero value.
    pub(crate) struct Mixed8(u8) {
        7:4 nibble as u16;
        3 flag as bool;
        2 _ = 1;
        1:0 low as? Level;
    }
}
bitfield! {
    /// The IPv4 flags and fragment offset, native.
    pub(crate) struct Ff(u16) {
        15:15 _ = 0;
        14:14 dont_fragment as bool;
        13 more_fragments as bool;
        12:0 fragment_offset as u16;
    }
}
bitfield! {
    /// Fields out of order, a covering 4-bit enum, a checked enum without zero.
    pub(crate) struct Mixed16(u16) {
        3:0 nib as Nibble;
        15:8 high as u8;
        5:4 level as? Level;
        7:6 _;
    }
}
bitfield! {
    pub(crate) struct W32(u32) {
        31 top as bool;
        30:8 mid as u32;
        7:0 low as u8;
    }
}
bitfield! {
    pub(crate) struct W64(u64) {
        63:32 high as u32;
        31:1 mid as u64;
        0 bit as bool;
    }
}
bitfield! {
    pub(crate) struct W128(u128) {
        127:64 high as u64;
        63:60 nib as Nibble;
        59:0 low as u64;
    }
}

bitfield! {
    pub(crate) struct Full128(u128) {
        127:0 all as u128;
    }
}
bitfield! {
    pub(crate) struct Reserved128(u128) {
        127:64 _ = 0xffff_ffff_ffff_ffff;
        63:0 low as u64;
    }
}

// ---- Trait probes -----------------------------------------------------------------------------

/// `(FromBytes, FromZeros, Default, Unaligned)`.
macro_rules! traits {
    ($t:ty) => {
        (
            implements!($t: FromBytes),
            implements!($t: FromZeros),
            implements!($t: Default),
            implements!($t: Unaligned),
        )
    };
}

/// Every bit field has these, whatever its fields.
fn always<T: KnownLayout + Immutable + IntoBytes + TryFromBytes + Copy + Eq + core::hash::Hash>() {}

#[test]
fn traits_exactly_as_promised() {
    always::<Tos>();
    always::<Ctrl>();
    always::<Mixed8>();
    always::<Ff>();
    always::<Mixed16>();
    always::<W32>();
    always::<W64>();
    always::<W128>();
    // Every pattern valid (no `as?`, no `_ = V`): FromBytes, FromZeros.
    assert_eq!(traits!(Tos), (true, true, true, true));
    assert_eq!(traits!(Whole8), (true, true, true, true));
    assert_eq!(traits!(W32), (true, true, true, false));
    assert_eq!(traits!(W64), (true, true, true, false));
    assert_eq!(traits!(W128), (true, true, true, false));
    assert_eq!(traits!(Full128), (true, true, true, false));
    assert_eq!(traits!(Reserved128), (false, false, false, false));
    // `as?` with a zero variant: zero valid, not every pattern.
    assert_eq!(traits!(Ctrl), (false, true, true, true));
    // `_ = 0`: zero valid.
    assert_eq!(traits!(Ff), (false, true, true, false));
    // `as?` without a zero variant, or `_ = 1`: zero invalid.
    assert_eq!(traits!(Mixed8), (false, false, false, true));
    assert_eq!(traits!(Mixed16), (false, false, false, false));
    assert!(implements!(Mode: ZeroVariant));
    assert!(!implements!(Level: ZeroVariant));
    assert_eq!(size_of::<W128>(), 16);
    assert_eq!(align_of::<W128>(), align_of::<u128>());
}

// ---- BitEnum and Bounded ----------------------------------------------------------------------

#[test]
fn bit_enum_derive() {
    assert_eq!((Ecn::BITS, Ecn::VARIANTS), (2, 4));
    assert_eq!((Mode::BITS, Mode::VARIANTS), (3, 3));
    assert_eq!((Level::BITS, Level::VARIANTS), (2, 2));
    assert_eq!((Nibble::BITS, Nibble::VARIANTS), (4, 16));
    for v in 0..10u32 {
        assert_eq!(Mode::from_bits(u128::from(v)), mode_of(v));
    }
    assert_eq!(Mode::from_bits(u128::MAX), None);
    assert_eq!(Mode::Auto.into_bits(), 5);
    for (i, e) in ECN.into_iter().enumerate() {
        assert_eq!(Ecn::from_bits(i as u128), Some(e));
        assert_eq!(e.into_bits(), i as u128);
    }
    for v in 0..16u16 {
        let n = Nibble::from_bits(u128::from(v)).unwrap();
        assert_eq!(n as u16, v);
    }
}

#[test]
fn bounded_api() {
    type B = Bounded<u16, 13>;
    assert_eq!(B::MAX, (1 << 13) - 1);
    assert_eq!(Bounded::<u8, 8>::MAX, u8::MAX);
    assert_eq!(Bounded::<u128, 128>::MAX, u128::MAX);
    assert_eq!(Bounded::<u128, 127>::MAX, u128::MAX >> 1);
    assert_eq!(B::new::<0>().get(), 0);
    assert_eq!(B::new::<8191>().get(), 8191);
    for v in [0, 1, 4096, 8191] {
        let b = B::try_new(v).unwrap();
        assert_eq!(b.get(), v);
        assert_eq!(u16::from(b), v);
        assert!(b == v);
        assert_eq!(
            format!("{b}|{b:?}|{b:x}|{b:X}|{b:b}|{b:o}"),
            format!("{v}|{v:?}|{v:x}|{v:X}|{v:b}|{v:o}")
        );
    }
    for v in [8192, 8193, u16::MAX] {
        assert_eq!(B::try_new(v), None);
    }
    assert_eq!(B::default().get(), 0);
    assert!(B::new::<3>() < B::new::<4>());
    assert_eq!(B::new::<3>().max(B::new::<9>()).get(), 9);
    assert_eq!(
        Bounded::<u8, 3>::try_new(7).map(Bounded::<u8, 3>::get),
        Some(7)
    );
    assert_eq!(Bounded::<u8, 3>::try_new(8), None);
}

#[test]
fn field_range_error_api() {
    let e = FieldRangeError::new("S", "x", 300, 8);
    assert_eq!(
        (e.container(), e.field(), e.value(), e.width()),
        ("S", "x", 300, 8)
    );
    assert_eq!(
        e.to_string(),
        "300 does not fit in the 8 bits of field `x` of `S` (at most 255)"
    );
    let e = FieldRangeError::new("S", "x", 0, 128);
    assert!(e.to_string().ends_with(&format!("(at most {})", u128::MAX)));
}

// ---- Exhaustive 8-bit ------------------------------------------------------------------------

/// Patterns of a `bits`-bit storage to try: all of them, a sample under Miri.
fn patterns(bits: u32) -> impl Iterator<Item = u128> {
    let n: u128 = 1 << bits;
    let step: u128 = if cfg!(miri) { (n / 24).max(1) | 1 } else { 1 };
    (0..n).step_by(step as usize).chain(core::iter::once(n - 1))
}

/// `p` with bits `hi:lo` replaced by `v` (`v` in range).
fn put(p: u128, hi: u32, lo: u32, v: u128) -> u128 {
    let m = (1u128 << (hi - lo + 1)) - 1;
    assert!(v <= m);
    (p & !(m << lo)) | (v << lo)
}

/// Bits `hi:lo` of `p`.
fn take(p: u128, hi: u32, lo: u32) -> u128 {
    (p >> lo) & ((1u128 << (hi - lo + 1)) - 1)
}

#[test]
fn tos_every_pattern() {
    for p in patterns(8) {
        let p8 = p as u8;
        let t = Tos::from_bits(p8);
        assert_eq!(Tos::try_from_bits(p8), Ok(t));
        assert_eq!(Tos::try_read_from_bytes(&[p8]).map(Tos::into_bits), Ok(p8));
        assert_eq!(Tos::read_from_bytes(&[p8]).unwrap(), t);
        assert_eq!(t.into_bits(), p8);
        assert_eq!(t.as_bytes(), &[p8]);
        assert_eq!(u128::from(t.dscp().get()), take(p, 7, 2));
        assert_eq!(t.ecn(), ECN[take(p, 1, 0) as usize]);
        assert_eq!(
            format!("{t:?}"),
            format!(
                "Tos {{ dscp: {}, ecn: {:?} }}",
                take(p, 7, 2),
                ECN[take(p, 1, 0) as usize]
            )
        );
        for v in 0..=u8::MAX {
            let r = t.try_with_dscp(v);
            if v < 64 {
                let want = put(p, 7, 2, u128::from(v)) as u8;
                let b = Bounded::<u8, 6>::try_new(v).unwrap();
                assert_eq!(r.map(Tos::into_bits), Ok(want));
                assert_eq!(t.with_dscp(b).into_bits(), want);
                let mut s = t;
                s.set_dscp(b);
                assert_eq!(s.into_bits(), want);
                let mut s = t;
                assert_eq!(s.try_set_dscp(v), Ok(()));
                assert_eq!(s.into_bits(), want);
            } else {
                let e = r.unwrap_err();
                assert_eq!(e, FieldRangeError::new("Tos", "dscp", u128::from(v), 6));
                let mut s = t;
                assert_eq!(s.try_set_dscp(v), Err(e));
                assert_eq!(s, t, "a failed try_set leaves the value unchanged");
            }
        }
        for (i, e) in ECN.into_iter().enumerate() {
            let want = put(p, 1, 0, i as u128) as u8;
            assert_eq!(t.with_ecn(e).into_bits(), want);
            let mut s = t;
            s.set_ecn(e);
            assert_eq!(s.into_bits(), want);
        }
        assert_eq!(
            t.with_dscp_const::<63>().into_bits(),
            put(p, 7, 2, 63) as u8
        );
        let mut s = t;
        s.set_dscp_const::<5>();
        assert_eq!(s.into_bits(), put(p, 7, 2, 5) as u8);
    }
    assert_eq!(Tos::new().into_bits(), 0);
    assert_eq!(Tos::default(), Tos::new());
    assert_eq!(Tos::new_zeroed(), Tos::new());
}

#[test]
fn ctrl_every_pattern() {
    for p in patterns(8) {
        let p8 = p as u8;
        let mode = mode_of(take(p, 5, 3) as u32);
        match mode {
            Some(m) => {
                let c = Ctrl::try_from_bits(p8).unwrap();
                assert_eq!(Ctrl::try_read_from_bytes(&[p8]).unwrap(), c);
                assert_eq!(c.into_bits(), p8, "ignored bits are kept");
                assert_eq!(c.mode(), m);
                assert_eq!(u128::from(c.level().get()), take(p, 2, 0));
                assert_eq!(
                    format!("{c:?}"),
                    format!("Ctrl {{ mode: {m:?}, level: {} }}", take(p, 2, 0))
                );
                for (d, m2) in [(0, Mode::Off), (1, Mode::On), (5, Mode::Auto)] {
                    assert_eq!(c.with_mode(m2).into_bits(), put(p, 5, 3, d) as u8);
                    let mut s = c;
                    s.set_mode(m2);
                    assert_eq!(s.into_bits(), put(p, 5, 3, d) as u8);
                }
                for v in 0..=u8::MAX {
                    match c.try_with_level(v) {
                        Ok(s) => {
                            assert!(v < 8);
                            assert_eq!(s.into_bits(), put(p, 2, 0, u128::from(v)) as u8);
                        }
                        Err(e) => {
                            assert!(v >= 8);
                            assert_eq!(
                                (e.field(), e.value(), e.width()),
                                ("level", u128::from(v), 3)
                            );
                        }
                    }
                }
            }
            None => {
                let bits = take(p, 5, 3);
                let e = Ctrl::try_from_bits(p8).unwrap_err();
                assert_eq!(e.found(), Some(bits));
                assert_eq!(e.offset(), 0);
                assert_eq!(e.field(), Some(("Ctrl", "mode")));
                assert_eq!(e.type_name(), type_name::<Mode>());
                assert_eq!(
                    e.to_string(),
                    format!(
                        "{bits:#x} is not a valid `{}` at byte offset 0 (field `mode` of `Ctrl`)",
                        type_name::<Mode>()
                    )
                );
                let one = [p8];
                let zerocast::ConvertError::Validity(e2) =
                    Ctrl::try_read_from_bytes(&one).unwrap_err()
                else {
                    panic!("not a validity error")
                };
                assert_eq!(e2.invalid(), e);
                // Behind a valid one, the offset is 1.
                let two = [0, p8];
                let e3 = <[Ctrl]>::try_ref_from_bytes(&two).unwrap_err();
                let zerocast::ConvertError::Validity(v) = e3 else {
                    panic!("{e3:?}")
                };
                assert_eq!((v.invalid().offset(), v.invalid().found()), (1, Some(bits)));
            }
        }
    }
    assert_eq!(Ctrl::new().into_bits(), 0);
    assert_eq!(Ctrl::new().mode(), Mode::Off);
    assert_eq!(Ctrl::default(), Ctrl::new());
}

#[test]
fn whole_and_mixed_8() {
    for p in patterns(8) {
        let p8 = p as u8;
        let w = Whole8::from_bits(p8);
        assert_eq!(w.all(), p8);
        assert_eq!(w.with_all(!p8).into_bits(), !p8);
        assert_eq!(format!("{w:?}"), format!("Whole8 {{ all: {p8} }}"));

        let level = match take(p, 1, 0) {
            1 => Some(Level::Low),
            2 => Some(Level::High),
            _ => None,
        };
        let ok = take(p, 2, 2) == 1 && level.is_some();
        let r = Mixed8::try_from_bits(p8);
        assert_eq!(r.is_ok(), ok, "{p:#x}");
        assert_eq!(Mixed8::try_read_from_bytes(&[p8]).is_ok(), ok);
        match r {
            Ok(m) => {
                assert_eq!(u128::from(m.nibble().get()), take(p, 7, 4));
                assert_eq!(m.flag(), take(p, 3, 3) == 1);
                assert_eq!(Some(m.low()), level);
                for v in 0..16u16 {
                    let b = Bounded::<u16, 4>::try_new(v).unwrap();
                    assert_eq!(
                        m.with_nibble(b).into_bits(),
                        put(p, 7, 4, u128::from(v)) as u8
                    );
                }
                assert_eq!(
                    m.try_with_nibble(16),
                    Err(FieldRangeError::new("Mixed8", "nibble", 16, 4))
                );
                for f in [false, true] {
                    assert_eq!(
                        m.with_flag(f).into_bits(),
                        put(p, 3, 3, u128::from(f)) as u8
                    );
                    let mut s = m;
                    s.set_flag(f);
                    assert_eq!(s.flag(), f);
                }
            }
            Err(e) if take(p, 2, 2) != 1 => {
                assert_eq!(e.field(), Some(("Mixed8", "reserved 2:2")));
                assert_eq!(e.found(), Some(0));
                assert_eq!(e.type_name(), "u8");
            }
            Err(e) => {
                assert_eq!(e.field(), Some(("Mixed8", "low")));
                assert_eq!(e.found(), Some(take(p, 1, 0)));
                assert_eq!(e.type_name(), type_name::<Level>());
            }
        }
    }
}

// ---- Exhaustive 16-bit ------------------------------------------------------------------------

#[test]
fn ff_every_pattern() {
    for p in patterns(16) {
        let p16 = p as u16;
        let r = Ff::try_from_bits(p16);
        let bytes = p16.to_ne_bytes();
        assert_eq!(Ff::try_read_from_bytes(&bytes).ok(), r.ok());
        if p16 >> 15 == 1 {
            let e = r.unwrap_err();
            assert_eq!(
                e.to_string(),
                "0x1 is not a valid `u16` at byte offset 0 (field `reserved 15:15` of `Ff`)"
            );
            continue;
        }
        let f = r.unwrap();
        assert_eq!(f.into_bits(), p16);
        assert_eq!(f.dont_fragment(), take(p, 14, 14) == 1);
        assert_eq!(f.more_fragments(), take(p, 13, 13) == 1);
        assert_eq!(u128::from(f.fragment_offset().get()), take(p, 12, 0));
        assert_eq!(
            format!("{f:?}"),
            format!(
                "Ff {{ dont_fragment: {}, more_fragments: {}, fragment_offset: {} }}",
                take(p, 14, 14) == 1,
                take(p, 13, 13) == 1,
                take(p, 12, 0)
            )
        );
        for b in [false, true] {
            assert_eq!(
                u128::from(f.with_dont_fragment(b).into_bits()),
                put(p, 14, 14, u128::from(b))
            );
            assert_eq!(
                u128::from(f.with_more_fragments(b).into_bits()),
                put(p, 13, 13, u128::from(b))
            );
        }
        for v in [0u16, 1, 0x0aaa, 0x1555, 0x1fff, 0x2000, 0x2001, 0xffff] {
            match f.try_with_fragment_offset(v) {
                Ok(s) => {
                    assert!(v < 0x2000);
                    assert_eq!(u128::from(s.into_bits()), put(p, 12, 0, u128::from(v)));
                }
                Err(e) => {
                    assert!(v >= 0x2000);
                    assert_eq!(
                        e,
                        FieldRangeError::new("Ff", "fragment_offset", u128::from(v), 13)
                    );
                }
            }
        }
        assert_eq!(
            u128::from(f.with_fragment_offset_const::<0x1fff>().into_bits()),
            put(p, 12, 0, 0x1fff)
        );
    }
}

#[test]
fn mixed16_every_pattern() {
    for p in patterns(16) {
        let p16 = p as u16;
        let level = match take(p, 5, 4) {
            1 => Some(Level::Low),
            2 => Some(Level::High),
            _ => None,
        };
        let r = Mixed16::try_from_bits(p16);
        let Some(level) = level else {
            let e = r.unwrap_err();
            assert_eq!(
                (e.field(), e.found()),
                (Some(("Mixed16", "level")), Some(take(p, 5, 4)))
            );
            continue;
        };
        let m = r.unwrap();
        assert_eq!(m.level(), level);
        assert_eq!(u128::from(m.nib() as u16), take(p, 3, 0));
        assert_eq!(u128::from(m.high()), take(p, 15, 8));
        assert_eq!(
            u128::from(m.with_high(0xa5).into_bits()),
            put(p, 15, 8, 0xa5)
        );
        assert_eq!(
            u128::from(m.with_nib(Nibble::N15).into_bits()),
            put(p, 3, 0, 15)
        );
        assert_eq!(
            u128::from(m.with_nib(Nibble::N9).into_bits()),
            put(p, 3, 0, 9)
        );
        assert_eq!(
            u128::from(m.with_level(Level::High).into_bits()),
            put(p, 5, 4, 2)
        );
    }
}

// ---- Wider storages, sampled --------------------------------------------------------------------

/// Deterministic pseudo-random patterns (a 128-bit xorshift), plus the extremes.
fn samples() -> impl Iterator<Item = u128> {
    let n = if cfg!(miri) { 16 } else { 4096 };
    let mut rng = crate::common::Rng(0x9e37_79b9_7f4a_7c15);
    [0, u128::MAX, u128::MAX << 64, u128::MAX << 63]
        .into_iter()
        .chain((0..n).map(move |_| (u128::from(rng.next()) << 64) | u128::from(rng.next())))
}

#[test]
fn wide_storages() {
    for p in samples() {
        let p32 = p as u32;
        let w = W32::from_bits(p32);
        assert_eq!(W32::try_read_from_bytes(&p32.to_ne_bytes()), Ok(w));
        assert_eq!(w.top(), take(p, 31, 31) == 1);
        assert_eq!(u128::from(w.mid().get()), take(p, 30, 8));
        assert_eq!(u128::from(w.low()), take(p, 7, 0));
        let v = (p >> 64) as u32;
        let r = w.try_with_mid(v);
        if v < 1 << 23 {
            assert_eq!(
                r.map(|s| u128::from(s.into_bits())),
                Ok(put(u128::from(p32), 30, 8, u128::from(v)))
            );
        } else {
            assert_eq!(
                r,
                Err(FieldRangeError::new("W32", "mid", u128::from(v), 23))
            );
        }
        assert_eq!(
            u128::from(w.with_low(v as u8).into_bits()),
            put(u128::from(p32), 7, 0, u128::from(v as u8))
        );
        assert_eq!(
            u128::from(w.with_top(true).into_bits()),
            put(u128::from(p32), 31, 31, 1)
        );

        let p64 = p as u64;
        let w = W64::from_bits(p64);
        assert_eq!(u128::from(w.high()), take(p, 63, 32));
        assert_eq!(u128::from(w.mid().get()), take(p, 31, 1));
        assert_eq!(w.bit(), p & 1 == 1);
        let v = (p >> 70) as u64;
        match w.try_with_mid(v) {
            Ok(s) => assert_eq!(
                u128::from(s.into_bits()),
                put(u128::from(p64), 31, 1, u128::from(v))
            ),
            Err(e) => assert_eq!((v >= 1 << 31, e.width()), (true, 31)),
        }
        assert_eq!(
            u128::from(w.with_high(v as u32).into_bits()),
            put(u128::from(p64), 63, 32, u128::from(v as u32))
        );

        let w = W128::from_bits(p);
        assert_eq!(W128::try_read_from_bytes(&p.to_ne_bytes()), Ok(w));
        assert_eq!(u128::from(w.high()), take(p, 127, 64));
        assert_eq!(u128::from(w.nib() as u16), take(p, 63, 60));
        assert_eq!(u128::from(w.low().get()), take(p, 59, 0));
        let v = p as u64;
        match w.try_with_low(v) {
            Ok(s) => assert_eq!(s.into_bits(), put(p, 59, 0, u128::from(v))),
            Err(e) => assert_eq!((v >= 1 << 60, e.value()), (true, u128::from(v))),
        }
        assert_eq!(w.with_high(!v).into_bits(), put(p, 127, 64, u128::from(!v)));
        assert_eq!(w.with_nib(Nibble::N7).into_bits(), put(p, 63, 60, 7));

        let f = Full128::from_bits(p);
        assert_eq!(f.all(), p);
        assert_eq!(f.with_all(!p).into_bits(), !p);
        let r = Reserved128::try_from_bits(p);
        if p >> 64 == u128::from(u64::MAX) {
            assert_eq!(r.map(|r| u128::from(r.low())), Ok(p & u128::from(u64::MAX)));
        } else {
            let e = r.unwrap_err();
            assert_eq!(e.found(), Some(p >> 64));
            assert_eq!(e.field(), Some(("Reserved128", "reserved 127:64")));
        }
    }
}

#[test]
fn const_context() {
    const T: Tos = Tos::new().with_dscp_const::<10>().with_ecn(Ecn::Ce);
    const D: u8 = T.dscp().get();
    const C: u8 = {
        let mut c = Ctrl::new();
        c.set_level_const::<6>();
        match c.try_set_level(5) {
            Ok(()) => c.into_bits(),
            Err(_) => 0,
        }
    };
    assert_eq!(T.into_bits(), 10 << 2 | 3);
    assert_eq!(D, 10);
    assert_eq!(C, 5);
}

// ---- Byteorder storage ------------------------------------------------------------------------

mod byteorder_storage {
    use super::*;
    use zerocast::byteorder::{BigEndian, LittleEndian, U128, U16, U32, U64};

    bitfield! {
        /// The IPv4 flags and fragment offset as on the wire.
        pub(crate) struct FfBe(U16<BigEndian>) {
            15:15 _ = 0;
            14:14 dont_fragment as bool;
            13 more_fragments as bool;
            12:0 fragment_offset as u16;
        }
    }
    bitfield! {
        pub(crate) struct FfLe(zerocast::byteorder::little_endian::U16) {
            15:15 _ = 0;
            14:14 dont_fragment as bool;
            13 more_fragments as bool;
            12:0 fragment_offset as u16;
        }
    }
    bitfield! {
        pub(crate) struct AllBe(U16<BigEndian>) {
            15:12 nib as Nibble;
            11:0 rest as u16;
        }
    }
    bitfield! {
        pub(crate) struct Le32(U32<LittleEndian>) {
            31:30 ecn as Ecn;
            29:27 mode as? Mode;
            26:0 rest as u32;
        }
    }
    bitfield! {
        pub(crate) struct Be64(U64<BigEndian>) {
            63 top as bool;
            62:0 rest as u64;
        }
    }
    bitfield! {
        pub(crate) struct Le128(U128<LittleEndian>) {
            127:64 high as u64;
            63:0 low as u64;
        }
    }

    #[test]
    fn traits() {
        always::<FfBe>();
        always::<AllBe>();
        always::<Le32>();
        always::<Be64>();
        always::<Le128>();
        assert_eq!(traits!(FfBe), (false, true, true, true));
        assert_eq!(traits!(FfLe), (false, true, true, true));
        assert_eq!(traits!(AllBe), (true, true, true, true));
        assert_eq!(traits!(Le32), (false, true, true, true));
        assert_eq!(traits!(Be64), (true, true, true, true));
        assert_eq!(traits!(Le128), (true, true, true, true));
        assert_eq!(align_of::<Le128>(), 1);
    }

    #[test]
    fn every_u16_pattern_both_orders() {
        for p in patterns(16) {
            let p16 = p as u16;
            let valid = p16 >> 15 == 0;
            let be = FfBe::try_from_bits(U16::new(p16));
            let le = FfLe::try_from_bits(U16::new(p16));
            assert_eq!((be.is_ok(), le.is_ok()), (valid, valid));
            // From bytes in each order: the same value.
            assert_eq!(FfBe::try_read_from_bytes(&p16.to_be_bytes()).ok(), be.ok());
            assert_eq!(FfLe::try_read_from_bytes(&p16.to_le_bytes()).ok(), le.ok());
            let all = AllBe::from_bits(U16::new(p16));
            assert_eq!(AllBe::read_from_bytes(&p16.to_be_bytes()), Ok(all));
            assert_eq!(all.as_bytes(), &p16.to_be_bytes());
            assert_eq!(u128::from(all.nib() as u16), take(p, 15, 12));
            assert_eq!(u128::from(all.rest().get()), take(p, 11, 0));
            assert_eq!(
                all.with_nib(Nibble::N3).into_bits().get(),
                put(p, 15, 12, 3) as u16
            );
            let (Ok(be), Ok(le)) = (be, le) else {
                let e = FfBe::try_from_bits(U16::new(p16)).unwrap_err();
                assert_eq!(
                    e.to_string(),
                    "0x1 is not a valid `u16` at byte offset 0 (field `reserved 15:15` of `FfBe`)"
                );
                continue;
            };
            assert_eq!(be.as_bytes(), &p16.to_be_bytes());
            assert_eq!(le.as_bytes(), &p16.to_le_bytes());
            for f in [&be.into_bits().get(), &le.into_bits().get()] {
                assert_eq!(*f, p16);
            }
            assert_eq!(be.dont_fragment(), take(p, 14, 14) == 1);
            assert_eq!(le.more_fragments(), take(p, 13, 13) == 1);
            assert_eq!(u128::from(be.fragment_offset().get()), take(p, 12, 0));
            assert_eq!(u128::from(le.fragment_offset().get()), take(p, 12, 0));
            let v = p16.rotate_left(5);
            match be.try_with_fragment_offset(v) {
                Ok(s) => {
                    assert!(v < 1 << 13);
                    assert_eq!(
                        u128::from(s.into_bits().get()),
                        put(p, 12, 0, u128::from(v))
                    );
                    let mut l = le;
                    l.try_set_fragment_offset(v).unwrap();
                    assert_eq!(
                        l.as_bytes(),
                        &(put(p, 12, 0, u128::from(v)) as u16).to_le_bytes()
                    );
                }
                Err(e) => {
                    assert!(v >= 1 << 13);
                    assert_eq!(
                        e,
                        FieldRangeError::new("FfBe", "fragment_offset", u128::from(v), 13)
                    );
                }
            }
            let mut s = be;
            s.set_dont_fragment(!be.dont_fragment());
            assert_eq!(u128::from(s.into_bits().get()), p ^ (1 << 14));
            assert_eq!(
                format!("{le:?}"),
                format!(
                    "FfLe {{ dont_fragment: {}, more_fragments: {}, fragment_offset: {} }}",
                    take(p, 14, 14) == 1,
                    take(p, 13, 13) == 1,
                    take(p, 12, 0)
                )
            );
        }
        assert_eq!(FfBe::new().into_bits().get(), 0);
        assert_eq!(FfLe::default(), FfLe::new());
        const C: FfBe = FfBe::new()
            .with_dont_fragment(true)
            .with_fragment_offset_const::<185>();
        assert_eq!(C.as_bytes(), &[0x40, 185]);
    }

    #[test]
    fn wider_sampled() {
        for p in samples() {
            let p32 = p as u32;
            let r = Le32::try_from_bits(U32::new(p32));
            assert_eq!(Le32::try_read_from_bytes(&p32.to_le_bytes()).ok(), r.ok());
            match mode_of(take(p, 29, 27) as u32) {
                Some(m) => {
                    let s = r.unwrap();
                    assert_eq!(s.mode(), m);
                    assert_eq!(s.ecn(), ECN[take(p, 31, 30) as usize]);
                    assert_eq!(u128::from(s.rest().get()), take(p, 26, 0));
                    assert_eq!(
                        u128::from(s.with_mode(Mode::Auto).into_bits().get()),
                        put(u128::from(p32), 29, 27, 5)
                    );
                    assert_eq!(s.as_bytes(), &p32.to_le_bytes());
                }
                None => {
                    let e = r.unwrap_err();
                    assert_eq!(e.found(), Some(take(p, 29, 27)));
                    assert_eq!(e.field(), Some(("Le32", "mode")));
                }
            }
            let p64 = p as u64;
            let b = Be64::from_bits(U64::new(p64));
            assert_eq!(b.as_bytes(), &p64.to_be_bytes());
            assert_eq!(b.top(), p64 >> 63 == 1);
            assert_eq!(u128::from(b.rest().get()), take(p, 62, 0));
            assert_eq!(b.with_top(false).into_bits().get(), p64 & (u64::MAX >> 1));

            let l = Le128::from_bits(U128::new(p));
            assert_eq!(l.as_bytes(), &p.to_le_bytes());
            assert_eq!(u128::from(l.high()), p >> 64);
            assert_eq!(u128::from(l.low()), p & u128::from(u64::MAX));
            assert_eq!(l.with_low(7).into_bits().get(), put(p, 63, 0, 7));
        }
    }
}

// ---- Inside derived structs -------------------------------------------------------------------

mod nested {
    use super::byteorder_storage::FfBe;
    use super::*;
    use zerocast::byteorder::{BigEndian, U16};

    /// Part of an IPv4 header: bit fields as fields of a derived `repr(C)` struct.
    #[derive(TryFromBytes, KnownLayout, Immutable, IntoBytes, Unaligned, Debug, PartialEq)]
    #[repr(C)]
    pub(crate) struct Part {
        tos: Tos,
        ctrl: Ctrl,
        total_len: U16<BigEndian>,
        ff: FfBe,
    }

    #[test]
    fn validated_through_the_struct() {
        let ok = [0xb8, 0b00_101_011, 0x05, 0xdc, 0x40, 0x00];
        let p = Part::try_ref_from_bytes(&ok).unwrap();
        assert_eq!(p.tos.dscp().get(), 46);
        assert_eq!(p.ctrl.mode(), Mode::Auto);
        assert_eq!(p.total_len.get(), 1500);
        assert!(p.ff.dont_fragment());
        assert_eq!(p.as_bytes(), &ok);

        // `Ctrl::mode` = 3 at offset 1: the error names the innermost field.
        let bad = [0xb8, 0b00_011_000, 0x05, 0xdc, 0x40, 0x00];
        let e = Part::try_ref_from_bytes(&bad).unwrap_err();
        let zerocast::ConvertError::Validity(v) = e else {
            panic!("{e:?}")
        };
        let i = v.invalid();
        assert_eq!(
            (i.offset(), i.found(), i.field()),
            (1, Some(3), Some(("Ctrl", "mode")))
        );

        // The reserved bit of the flags at offset 4.
        let bad = [0xb8, 0, 0x05, 0xdc, 0x80, 0x00];
        let e = Part::try_read_from_bytes(&bad).unwrap_err();
        let zerocast::ConvertError::Validity(v) = e else {
            panic!("{e:?}")
        };
        assert_eq!(
            v.invalid().to_string(),
            "0x1 is not a valid `u16` at byte offset 4 (field `reserved 15:15` of `FfBe`)"
        );
    }
}

// ---- Types named through aliases (the compiler classifies them, not their spelling) ----------

type Reg = u16;
type BeReg = zerocast::byteorder::U16<zerocast::byteorder::BigEndian>;
type Flag = bool;
type Small = u8;
type EcnAlias = Ecn;

bitfield! {
    /// Stored in `u16` through an alias; the same lines as `AliasedBe`.
    pub struct Aliased(Reg) {
        15:14 ecn as EcnAlias;
        13 flag as Flag;
        12:8 _;
        7:0 small as Small;
    }
}

bitfield! {
    /// Stored in a big-endian `U16` through an alias.
    pub struct AliasedBe(BeReg) {
        15:14 ecn as EcnAlias;
        13 flag as Flag;
        7:0 small as Small;
    }
}

#[test]
fn aliased_storage_and_field_types() {
    for bits in 0..=u16::MAX {
        let a = Aliased::from_bits(bits);
        let be = AliasedBe::from_bits(BeReg::new(bits));
        assert_eq!(a.into_bits(), bits);
        assert_eq!(a.ecn(), ECN[usize::from(bits >> 14)]);
        assert_eq!(a.flag(), bits >> 13 & 1 == 1);
        assert_eq!(a.small(), bits as u8);
        assert_eq!(
            (be.ecn(), be.flag(), be.small()),
            (a.ecn(), a.flag(), a.small())
        );
        assert_eq!(be.as_bytes(), &bits.to_be_bytes());
    }
    let a = Aliased::new()
        .with_ecn(Ecn::Ce)
        .with_flag(true)
        .with_small(0xa5);
    assert_eq!(a.into_bits(), 0b1110_0000_1010_0101);
    let be = AliasedBe::new().with_flag(true).with_small(0xff);
    assert_eq!(be.into_bits().get(), 0x20ff);
    assert_eq!(
        format!("{a:?}"),
        "Aliased { ecn: Ce, flag: true, small: 165 }"
    );
    // The alias's traits are the aliased storage's: a `u16` is not `Unaligned`, a `U16` is.
    assert_eq!(traits!(Aliased), (true, true, true, false));
    assert_eq!(traits!(AliasedBe), (true, true, true, true));
}
