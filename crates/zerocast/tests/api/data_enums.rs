// SPDX-License-Identifier: MIT OR Apache-2.0
//! Derived impls on enums whose variants carry fields, for `repr(u8)`, `repr(i16)`, `repr(C)`
//! and `repr(C, u8)`, generic and nested; and on unions.
//!
//! Every input is built byte by byte (`to_ne_bytes`) at offsets worked out by hand from the
//! Rust Reference's layout rules, which each test restates and cross-checks against
//! `size_of`/`align_of`:
//!
//! - a primitive representation (`repr(u8)`, ...) is a `repr(C)` union of `repr(C)` structs,
//!   one per variant, each the tag followed by the variant's fields;
//! - `repr(C)` and `repr(C, u8)` are a `repr(C)` struct of the tag (a `repr(C)` or `repr(u8)`
//!   fieldless enum) and a `repr(C)` union of `repr(C)` structs of each variant's fields.

use core::cell::UnsafeCell;
use core::mem::ManuallyDrop;

use zerocast::{
    ConvertError, FromBytes, FromZeros, Immutable, IntoBytes, InvalidBits, KnownLayout,
    TryFromBytes, Unaligned,
};

use crate::common::{Aligned, Bad, Oracle};
use crate::conversions::try_sized;
use crate::enums::{invalid_read, Mode};

/// `n` rounded up to a multiple of `align`.
fn round_up(n: usize, align: usize) -> usize {
    n.div_ceil(align) * align
}

/// The facts of an `InvalidBits`: offset, value found, type, field.
type Facts = (
    usize,
    Option<u128>,
    &'static str,
    Option<(&'static str, &'static str)>,
);

fn facts(e: InvalidBits) -> Facts {
    (e.offset(), e.found(), e.type_name(), e.field())
}

// ---- repr(u8), with padding ----------------------------------------------------------------

/// Variant structs (Reference): `Quit {tag: u8}` (size 1), `Data {tag: u8, flag: bool, len:
/// u32}` (flag at 1, len at 4, size 8, align 4), `Pair {tag: u8, u16, Mode}` (the `u16` at 2,
/// `Mode` at 4, size 6, align 2). The enum: size 8, align 4.
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq, Clone, Copy)]
#[repr(u8)]
enum Msg {
    Quit,
    Data { flag: bool, len: u32 },
    Pair(u16, Mode) = 7,
}

/// The bytes of `Msg::Data` (tag 1) with `flag`'s byte and `len`.
fn msg_data(flag: u8, len: u32) -> Aligned<8> {
    let mut b = Aligned([0xEE; 8]); // 0xEE: padding, never read
    b.0[0] = 1;
    b.0[1] = flag;
    b.0[4..8].copy_from_slice(&len.to_ne_bytes());
    b
}

/// The bytes of `Msg::Pair` (tag 7).
fn msg_pair(a: u16, mode: u8) -> Aligned<8> {
    let mut b = Aligned([0xEE; 8]);
    b.0[0] = 7;
    b.0[2..4].copy_from_slice(&a.to_ne_bytes());
    b.0[4] = mode;
    b
}

#[test]
fn repr_u8_layout_follows_the_reference() {
    assert_eq!(size_of::<Msg>(), round_up(8, 4));
    assert_eq!(align_of::<Msg>(), 4);
}

#[test]
fn repr_u8_every_variant() {
    let b = msg_data(1, 0xDEAD_BEEF);
    let want = Msg::Data {
        flag: true,
        len: 0xDEAD_BEEF,
    };
    assert_eq!(Msg::try_read_from_bytes(&b.0).unwrap(), want);
    assert_eq!(Msg::try_ref_from_bytes(&b.0).unwrap(), &want);
    let b = msg_pair(0x1234, 7);
    assert_eq!(
        Msg::try_read_from_bytes(&b.0).unwrap(),
        Msg::Pair(0x1234, Mode::Auto)
    );
    // `Quit`: the tag alone; the other 7 bytes are padding, whatever they hold.
    let mut b = Aligned([0xAB; 8]);
    b.0[0] = 0;
    assert_eq!(Msg::try_ref_from_bytes(&b.0).unwrap(), &Msg::Quit);
    let (m, rest) = Msg::try_read_from_prefix(&[0, 1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
    assert_eq!((m, rest), (Msg::Quit, &[8u8][..]));
}

#[test]
fn repr_u8_every_invalid_tag() {
    for tag in 0..=u8::MAX {
        // `len`'s bytes are all 5, whatever the byte order: an invalid `Mode` for tag 7.
        let mut b = msg_data(0, 0x0505_0505);
        b.0[0] = tag;
        match tag {
            0 => assert_eq!(Msg::try_read_from_bytes(&b.0).unwrap(), Msg::Quit),
            1 => assert!(Msg::try_read_from_bytes(&b.0).is_ok()),
            // Tag 7 reads byte 4 (0x05) as a `Mode`: invalid, but as a field, not as a tag.
            7 => assert_eq!(invalid_read::<Msg>(&b.0).field(), Some(("Msg::Pair", "1"))),
            _ => assert_eq!(
                facts(invalid_read::<Msg>(&b.0)),
                (
                    0,
                    Some(u128::from(tag)),
                    core::any::type_name::<Msg>(),
                    None
                ),
                "tag {tag}"
            ),
        }
    }
}

#[test]
fn repr_u8_invalid_fields() {
    let e = invalid_read::<Msg>(&msg_data(2, 0).0);
    assert_eq!(facts(e), (1, Some(2), "bool", Some(("Msg::Data", "flag"))));
    assert!(e
        .to_string()
        .ends_with("0x2 is not a valid `bool` at byte offset 1 (field `flag` of `Msg::Data`)"));
    // A nested fieldless enum: `Mode` is 0, 1 or 7.
    for mode in [2u8, 3, 0xFF] {
        let e = invalid_read::<Msg>(&msg_pair(0, mode).0);
        assert_eq!(
            facts(e),
            (
                4,
                Some(u128::from(mode)),
                core::any::type_name::<Mode>(),
                Some(("Msg::Pair", "1"))
            )
        );
    }
    // Too short for the tag, and for a field: size errors, before validity.
    assert!(matches!(
        Msg::try_read_from_bytes(&[1, 1, 0]),
        Err(ConvertError::Size(_))
    ));
}

// ---- repr(u8), no padding: IntoBytes, mutable views, the conversion matrix ------------------

/// Every variant is 4 bytes with no padding: `Ping {tag, [u8; 3]}`, `Data {tag, flag: bool at
/// 1, len: u16 at 2}`, `Ack {tag, Mode at 1, u8 at 2, u8 at 3}`. Size 4, align 2.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug, PartialEq, Clone, Copy)]
#[repr(u8)]
enum Packet {
    Ping([u8; 3]),
    Data { flag: bool, len: u16 },
    Ack(Mode, u8, u8) = 9,
}

impl Oracle for Packet {
    fn decode(b: &[u8]) -> Result<Self, Bad> {
        let bad = |offset, v: u8| {
            Err(Bad {
                offset,
                found: Some(u128::from(v)),
            })
        };
        match b[0] {
            0 => Ok(Packet::Ping([b[1], b[2], b[3]])),
            1 => match b[1] {
                0 | 1 => Ok(Packet::Data {
                    flag: b[1] == 1,
                    len: u16::from_ne_bytes([b[2], b[3]]),
                }),
                v => bad(1, v),
            },
            9 => match Mode::decode(&b[1..2]) {
                Ok(m) => Ok(Packet::Ack(m, b[2], b[3])),
                Err(_) => bad(1, b[1]),
            },
            t => bad(0, t),
        }
    }
    fn alt() -> Vec<u8> {
        let mut v = vec![1, 1];
        v.extend_from_slice(&0x0102u16.to_ne_bytes());
        v
    }
    fn sample(i: usize) -> u8 {
        [0, 1, 9, 1, 0, 7, 2, 9, 1, 0, 0, 3][i % 12]
    }
}

#[test]
fn no_padding_enum_is_into_bytes() {
    assert_eq!((size_of::<Packet>(), align_of::<Packet>()), (4, 2));
    assert_eq!(Packet::Ping([1, 2, 3]).as_bytes(), [0, 1, 2, 3]);
    let mut want = vec![1, 0];
    want.extend_from_slice(&0xBEEFu16.to_ne_bytes());
    let d = Packet::Data {
        flag: false,
        len: 0xBEEF,
    };
    assert_eq!(d.as_bytes(), want);
    assert_eq!(Packet::Ack(Mode::Auto, 5, 6).as_bytes(), [9, 7, 5, 6]);
}

#[test]
fn mutable_view_switches_variant() {
    let mut buf = Aligned([0u8, 4, 5, 6]);
    let p = Packet::try_mut_from_bytes(&mut buf.0).unwrap();
    assert_eq!(*p, Packet::Ping([4, 5, 6]));
    *p = Packet::Ack(Mode::On, 0xAA, 0xBB);
    assert_eq!(buf.0, [9, 1, 0xAA, 0xBB]);
    assert_eq!(
        Packet::try_ref_from_bytes(&buf.0).unwrap(),
        &Packet::Ack(Mode::On, 0xAA, 0xBB)
    );
    let (p, rest) = Packet::try_mut_from_prefix(&mut buf.0).unwrap();
    assert!(rest.is_empty());
    *p = Packet::Data {
        flag: true,
        len: 0x0304,
    };
    let mut want = [1u8, 1, 0, 0];
    want[2..].copy_from_slice(&0x0304u16.to_ne_bytes());
    assert_eq!(buf.0, want);
    assert_eq!(
        Packet::try_read_from_bytes(&buf.0).unwrap(),
        Packet::alt_value()
    );
    // An invalid `flag` is refused before any view exists.
    let mut bad = Aligned([1u8, 3, 0, 0]);
    match Packet::try_mut_from_bytes(&mut bad.0) {
        Err(ConvertError::Validity(e)) => assert_eq!(
            facts(e.invalid()),
            (1, Some(3), "bool", Some(("Packet::Data", "flag")))
        ),
        other => panic!("{other:?}"),
    }
}

impl Packet {
    fn alt_value() -> Packet {
        Packet::Data {
            flag: true,
            len: 0x0304,
        }
    }
}

#[test]
fn packet_matrix() {
    try_sized::<Packet>();
    try_sized::<[Packet; 2]>();
}

#[test]
fn transmute_macros_into_a_data_enum() {
    let p: Packet = zerocast::try_transmute!([9u8, 7, 1, 2]).unwrap();
    assert_eq!(p, Packet::Ack(Mode::Auto, 1, 2));
    let bad: Result<Packet, _> = zerocast::try_transmute!([9u8, 8, 1, 2]);
    let e = bad.unwrap_err();
    assert_eq!(facts(e.invalid()).3, Some(("Packet::Ack", "0")));
    assert_eq!(e.into_src(), [9, 8, 1, 2]);

    // `[u16; 2]` has `Packet`'s alignment, as the by-reference macros require.
    let words = [u16::from_ne_bytes([0, 1]), u16::from_ne_bytes([2, 3])];
    let r: &Packet = zerocast::try_transmute_ref!(&words).unwrap();
    assert_eq!(r, &Packet::Ping([1, 2, 3]));
    let bad_words = [u16::from_ne_bytes([5, 0]), 0];
    let bad: Result<&Packet, _> = zerocast::try_transmute_ref!(&bad_words);
    assert_eq!(facts(bad.unwrap_err().invalid()).0, 0);

    let mut words = words;
    let m: &mut Packet = zerocast::try_transmute_mut!(&mut words).unwrap();
    *m = Packet::Ack(Mode::Off, 3, 4);
    assert_eq!(words.as_bytes(), [9, 0, 3, 4]);
}

// ---- repr(i16): a wider, signed tag --------------------------------------------------------

/// `Neg {tag: i16, u8 at 2}` (size 4), `Pos {tag: i16, v: i16 at 2}` (size 4). Size 4, align 2.
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(i16)]
enum Signed {
    Neg(bool) = -2,
    Pos { v: i16 } = 300,
}

#[test]
fn repr_i16_tags() {
    assert_eq!((size_of::<Signed>(), align_of::<Signed>()), (4, 2));
    let mut b = [0u8; 4];
    b[..2].copy_from_slice(&(-2i16).to_ne_bytes());
    b[2] = 1;
    assert_eq!(Signed::try_read_from_bytes(&b).unwrap(), Signed::Neg(true));
    b[2] = 9;
    assert_eq!(
        facts(invalid_read::<Signed>(&b)),
        (2, Some(9), "bool", Some(("Signed::Neg", "0")))
    );
    b[..2].copy_from_slice(&300i16.to_ne_bytes());
    b[2..].copy_from_slice(&(-7i16).to_ne_bytes());
    assert_eq!(
        Signed::try_read_from_bytes(&b).unwrap(),
        Signed::Pos { v: -7 }
    );
    for tag in [-1i16, 0, 299, 301, i16::MIN] {
        b[..2].copy_from_slice(&tag.to_ne_bytes());
        let e = invalid_read::<Signed>(&b);
        // The tag's bits, as an unsigned number.
        assert_eq!((e.offset(), e.found()), (0, Some(u128::from(tag as u16))));
    }
}

// ---- repr(C) and repr(C, u8) ----------------------------------------------------------------

/// The tag of `CMsg`: the enum with its fields removed, `repr(C)` (a C `int`).
#[repr(C)]
#[expect(dead_code, reason = "only its size is used")]
enum CTag {
    A,
    B,
    C,
}

/// `repr(C)`: the tag, then a union of `A {u8}`, `B {x: u64, y: bool at 8}` (9 bytes rounded
/// up to `align_of::<u64>()`: size 16 and align 8, or 12 and 4 on i686) and `C {}`, at the
/// tag's size rounded up to `align_of::<u64>()`. `FromZeros`: `A` is 0, `u8` is.
#[derive(FromZeros, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(C)]
enum CMsg {
    A(u8),
    B { x: u64, y: bool },
    C,
}

/// Where `CMsg`'s fields start: the union is aligned like `u64`.
fn cmsg_fields() -> usize {
    round_up(size_of::<CTag>(), align_of::<u64>())
}

/// `CMsg`'s bytes, tag `tag`, in a buffer aligned for it.
fn cmsg(tag: u32, fill: impl Fn(&mut [u8])) -> Aligned<32> {
    let mut b = Aligned([0xEE; 32]);
    // A C `int` is 4 bytes on every target this is tested on; `size_of::<CTag>()` says so.
    assert_eq!(size_of::<CTag>(), 4);
    b.0[..4].copy_from_slice(&tag.to_ne_bytes());
    fill(&mut b.0[cmsg_fields()..]);
    b
}

#[test]
fn repr_c_layout_and_variants() {
    // The union: `B`'s 9 bytes, rounded up to its alignment, `u64`'s. The enum: aligned like
    // the stricter of the tag and the union.
    let union_size = round_up(9, align_of::<u64>());
    let align = align_of::<CTag>().max(align_of::<u64>());
    let size = round_up(cmsg_fields() + union_size, align);
    assert_eq!((size_of::<CMsg>(), align_of::<CMsg>()), (size, align));
    let b = cmsg(0, |f| f[0] = 0x42);
    assert_eq!(
        CMsg::try_ref_from_bytes(&b.0[..size]).unwrap(),
        &CMsg::A(0x42)
    );
    let b = cmsg(1, |f| {
        f[..8].copy_from_slice(&0x0102_0304_0506_0708u64.to_ne_bytes());
        f[8] = 1;
    });
    assert_eq!(
        CMsg::try_read_from_bytes(&b.0[..size]).unwrap(),
        CMsg::B {
            x: 0x0102_0304_0506_0708,
            y: true
        }
    );
    let b = cmsg(2, |_| {});
    assert_eq!(CMsg::try_read_from_bytes(&b.0[..size]).unwrap(), CMsg::C);
    let b = cmsg(1, |f| f[8] = 2);
    assert_eq!(
        facts(invalid_read::<CMsg>(&b.0[..size])),
        (cmsg_fields() + 8, Some(2), "bool", Some(("CMsg::B", "y")))
    );
    for tag in [3u32, 4, 0x100, u32::MAX] {
        let b = cmsg(tag, |_| {});
        let e = invalid_read::<CMsg>(&b.0[..size]);
        assert_eq!(
            (e.offset(), e.found(), e.field()),
            (0, Some(u128::from(tag)), None)
        );
    }
    assert_eq!(CMsg::new_zeroed(), CMsg::A(0));
}

/// `repr(C, u8)`: a one-byte tag, then the union of `A {u8, u32 at 4}` (size 8, align 4) and
/// `B {bool}` at offset 4 (the tag's size rounded up to 4). Size 12, align 4; the same fields
/// under `repr(u8)` would sit at 1 and 4.
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(C, u8)]
enum CU8 {
    A(u8, u32),
    B(bool),
}

#[test]
fn repr_c_u8_layout_and_variants() {
    assert_eq!((size_of::<CU8>(), align_of::<CU8>()), (4 + 8, 4));
    let mut b = Aligned([0xEE; 12]);
    b.0[0] = 0;
    b.0[4] = 0x11;
    b.0[8..12].copy_from_slice(&0x2233_4455u32.to_ne_bytes());
    assert_eq!(
        CU8::try_ref_from_bytes(&b.0).unwrap(),
        &CU8::A(0x11, 0x2233_4455)
    );
    b.0[0] = 1;
    b.0[4] = 1;
    assert_eq!(CU8::try_read_from_bytes(&b.0).unwrap(), CU8::B(true));
    b.0[4] = 0x11;
    assert_eq!(
        facts(invalid_read::<CU8>(&b.0)),
        (4, Some(0x11), "bool", Some(("CU8::B", "0")))
    );
    b.0[0] = 2;
    assert_eq!(facts(invalid_read::<CU8>(&b.0)).1, Some(2));
}

// ---- generic, and nested in a struct -------------------------------------------------------

/// `repr(u8)`, generic: `Val(T)` sits at `T`'s alignment after the tag.
#[derive(FromZeros, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(u8)]
enum Opt<T> {
    Nothing,
    Val(T),
}

/// `repr(C)`, generic, with a lifetime and a const parameter.
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(C)]
enum Either<'a, T, const N: usize> {
    Left([T; N]),
    Right(core::marker::PhantomData<&'a ()>, u8),
}

#[test]
fn generic_enums() {
    assert_eq!(
        Opt::<bool>::try_read_from_bytes(&[1, 1]).unwrap(),
        Opt::Val(true)
    );
    assert_eq!(
        facts(invalid_read::<Opt<bool>>(&[1, 2])),
        (1, Some(2), "bool", Some(("Opt::Val", "0")))
    );
    let mut b = [0xEEu8; 8];
    b[0] = 1;
    b[4..].copy_from_slice(&7u32.to_ne_bytes());
    assert_eq!(Opt::<u32>::try_read_from_bytes(&b).unwrap(), Opt::Val(7));
    b[0] = 0;
    assert_eq!(Opt::<u32>::try_read_from_bytes(&b).unwrap(), Opt::Nothing);
    assert_eq!(Opt::<u32>::new_zeroed(), Opt::Nothing);
    assert_eq!(
        facts(invalid_read::<Opt<Mode>>(&[1, 3])),
        (
            1,
            Some(3),
            core::any::type_name::<Mode>(),
            Some(("Opt::Val", "0"))
        )
    );

    type E = Either<'static, u16, 3>;
    // Tag (C `int`, 4 bytes), then the union of `[u16; 3]` and `(PhantomData, u8)` at 4.
    assert_eq!((size_of::<E>(), align_of::<E>()), (4 + round_up(6, 4), 4));
    let mut b = [0u8; 12];
    b[..4].copy_from_slice(&1u32.to_ne_bytes());
    b[4] = 9;
    assert_eq!(
        E::try_read_from_bytes(&b).unwrap(),
        Either::Right(core::marker::PhantomData, 9)
    );
    b[..4].copy_from_slice(&0u32.to_ne_bytes());
    b[4..10].copy_from_slice(&[1, 0, 2, 0, 3, 0]);
    let want = [1u16, 2, 3].map(|v| u16::from_ne_bytes(v.to_le_bytes()));
    assert_eq!(E::try_read_from_bytes(&b).unwrap(), Either::Left(want));
    let e = invalid_read::<Either<'static, bool, 2>>(&[0, 0, 0, 0, 1, 5, 0, 0]);
    assert_eq!(facts(e), (5, Some(5), "bool", Some(("Either::Left", "0"))));
}

/// A data enum inside a struct: `pkt` at 2, `crc` at 6.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(C)]
struct Frame {
    seq: u16,
    pkt: Packet,
    crc: u16,
}

#[test]
fn nested_in_a_struct() {
    assert_eq!(size_of::<Frame>(), 8);
    let mut b = Aligned([0u8; 8]);
    b.0[2..6].copy_from_slice(&[1, 1, 0, 0]);
    let f = Frame::try_ref_from_bytes(&b.0).unwrap();
    assert_eq!(f.pkt, Packet::Data { flag: true, len: 0 });
    b.0[3] = 4;
    let e = Frame::try_ref_from_bytes(&b.0).unwrap_err();
    let ConvertError::Validity(e) = e else {
        panic!("{e:?}")
    };
    // The innermost field is named.
    assert_eq!(
        facts(e.invalid()),
        (3, Some(4), "bool", Some(("Packet::Data", "flag")))
    );
    b.0[2] = 5;
    let e = invalid_read::<Frame>(&b.0);
    assert_eq!(
        facts(e),
        (
            2,
            Some(5),
            core::any::type_name::<Packet>(),
            Some(("Frame", "pkt"))
        )
    );
}

/// A variant removed by `#[cfg]` takes no discriminant: `C` is 1. (Derives see the enum after
/// `cfg` stripping; a mirror that kept `B` would number `C` 2 and read `B`'s fields for 1.)
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(u8)]
enum Configured {
    A(u8),
    #[cfg(any())]
    B(u32),
    C(bool),
}

#[test]
fn cfg_removed_variants_take_no_discriminant() {
    assert_eq!(size_of::<Configured>(), 2);
    assert_eq!(
        Configured::try_read_from_bytes(&[0, 5]).unwrap(),
        Configured::A(5)
    );
    assert_eq!(
        Configured::try_read_from_bytes(&[1, 1]).unwrap(),
        Configured::C(true)
    );
    assert_eq!(facts(invalid_read::<Configured>(&[2, 0])).1, Some(2));
}

// ---- other traits ----------------------------------------------------------------------------

/// `Unaligned`: a `u8` tag and `Unaligned` fields.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, PartialEq)]
#[repr(u8)]
enum Tiny {
    A(u8),
    B(Mode),
}

/// `FromZeros` where only the zero variant's fields are `FromZeros`: `NonZeroU8` is not.
#[derive(FromZeros, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(u8)]
enum ZeroLast {
    Some(core::num::NonZeroU8) = 1,
    None(bool) = 0,
}

#[test]
fn unaligned_and_from_zeros() {
    assert_eq!(align_of::<Tiny>(), 1);
    assert_eq!(
        Tiny::try_ref_from_bytes(&[1, 7]).unwrap(),
        &Tiny::B(Mode::Auto)
    );
    assert_eq!(Tiny::A(3).as_bytes(), [0, 3]);
    assert_eq!(ZeroLast::new_zeroed(), ZeroLast::None(false));
    let mut z = ZeroLast::Some(core::num::NonZeroU8::MIN);
    z.zero();
    assert_eq!(z, ZeroLast::None(false));
    assert_eq!(
        facts(invalid_read::<ZeroLast>(&[1, 0])).2,
        core::any::type_name::<core::num::NonZeroU8>()
    );
}

/// `FromBytes` on an enum with fields takes a variant for every tag value and `FromBytes`
/// fields, as on a fieldless enum: then any bytes are a valid value.
macro_rules! wide_enum {
    ($($v:ident)*) => {
        #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, PartialEq)]
        #[repr(u8)]
        enum Wide { $($v(u8)),* }

        /// Each variant's constructor, by discriminant.
        const WIDE: [fn(u8) -> Wide; 256] = [$(Wide::$v),*];
    };
}

wide_enum! {
    W00 W01 W02 W03 W04 W05 W06 W07 W08 W09 W0a W0b W0c W0d W0e W0f
    W10 W11 W12 W13 W14 W15 W16 W17 W18 W19 W1a W1b W1c W1d W1e W1f
    W20 W21 W22 W23 W24 W25 W26 W27 W28 W29 W2a W2b W2c W2d W2e W2f
    W30 W31 W32 W33 W34 W35 W36 W37 W38 W39 W3a W3b W3c W3d W3e W3f
    W40 W41 W42 W43 W44 W45 W46 W47 W48 W49 W4a W4b W4c W4d W4e W4f
    W50 W51 W52 W53 W54 W55 W56 W57 W58 W59 W5a W5b W5c W5d W5e W5f
    W60 W61 W62 W63 W64 W65 W66 W67 W68 W69 W6a W6b W6c W6d W6e W6f
    W70 W71 W72 W73 W74 W75 W76 W77 W78 W79 W7a W7b W7c W7d W7e W7f
    W80 W81 W82 W83 W84 W85 W86 W87 W88 W89 W8a W8b W8c W8d W8e W8f
    W90 W91 W92 W93 W94 W95 W96 W97 W98 W99 W9a W9b W9c W9d W9e W9f
    Wa0 Wa1 Wa2 Wa3 Wa4 Wa5 Wa6 Wa7 Wa8 Wa9 Waa Wab Wac Wad Wae Waf
    Wb0 Wb1 Wb2 Wb3 Wb4 Wb5 Wb6 Wb7 Wb8 Wb9 Wba Wbb Wbc Wbd Wbe Wbf
    Wc0 Wc1 Wc2 Wc3 Wc4 Wc5 Wc6 Wc7 Wc8 Wc9 Wca Wcb Wcc Wcd Wce Wcf
    Wd0 Wd1 Wd2 Wd3 Wd4 Wd5 Wd6 Wd7 Wd8 Wd9 Wda Wdb Wdc Wdd Wde Wdf
    We0 We1 We2 We3 We4 We5 We6 We7 We8 We9 Wea Web Wec Wed Wee Wef
    Wf0 Wf1 Wf2 Wf3 Wf4 Wf5 Wf6 Wf7 Wf8 Wf9 Wfa Wfb Wfc Wfd Wfe Wff
}

#[test]
fn from_bytes_enum_with_fields() {
    assert_eq!((size_of::<Wide>(), align_of::<Wide>()), (2, 1));
    for tag in 0..=u8::MAX {
        let x = tag.wrapping_mul(31) ^ 0x5A;
        let w = Wide::read_from_bytes(&[tag, x]).unwrap();
        assert_eq!(w, WIDE[usize::from(tag)](x));
        assert_eq!(w.as_bytes(), [tag, x]);
    }
    assert_eq!(Wide::new_zeroed(), WIDE[0](0));
}

// ---- unions -----------------------------------------------------------------------------------

/// Valid if either field is: a `bool` (0, 1) or a `Mode` (0, 1, 7).
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(C)]
union BoolOrMode {
    b: bool,
    m: Mode,
}

/// A union whose fields have different sizes: the bytes past the short one are not checked
/// when it is the valid field.
#[derive(TryFromBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(C)]
union Short {
    flag: bool,
    wide: [bool; 2],
}

/// Interior mutability is no obstacle: validation reads a frozen copy-free `&[u8]`.
#[derive(FromZeros, KnownLayout)]
#[repr(C)]
union WithCell {
    cell: ManuallyDrop<UnsafeCell<bool>>,
    byte: bool,
}

/// `FromBytes` fields: any bytes.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(C)]
union Word {
    raw: [u8; 4],
    value: u32,
}

#[test]
fn unions_are_valid_if_any_field_is() {
    for byte in 0..=u8::MAX {
        let valid = BoolOrMode::try_read_from_bytes(&[byte]).is_ok();
        match byte {
            0 | 1 | 7 => assert!(valid, "{byte}"),
            _ => {
                // The first field's error.
                let e = invalid_read_union::<BoolOrMode>(&[byte]);
                assert_eq!(
                    facts(e),
                    (0, Some(u128::from(byte)), "bool", Some(("BoolOrMode", "b")))
                );
            }
        }
    }
    let m = BoolOrMode::try_read_from_bytes(&[7]).unwrap();
    // Reading a union field needs `unsafe`; its bytes say the same.
    assert_eq!(m.as_bytes(), [7]);

    assert!(
        Short::try_read_from_bytes(&[1, 9]).is_ok(),
        "`flag` is valid"
    );
    assert!(Short::try_read_from_bytes(&[9, 1]).is_err());
    let e = invalid_read_union::<Short>(&[3, 0]);
    assert_eq!(facts(e), (0, Some(3), "bool", Some(("Short", "flag"))));

    assert!(WithCell::try_read_from_bytes(&[1]).is_ok());
    assert!(WithCell::try_read_from_bytes(&[2]).is_err());
    let mut buf = [0u8];
    assert!(WithCell::try_read_from_bytes(&buf).is_ok());
    buf[0] = 1;
    assert!(WithCell::try_read_from_bytes(&buf).is_ok());
    let _zeroed = WithCell::new_zeroed();

    let w = Word::read_from_bytes(&0x0102_0304u32.to_ne_bytes()).unwrap();
    assert_eq!(w.as_bytes(), 0x0102_0304u32.to_ne_bytes());
}

/// `invalid_read` for a type without `Debug` (unions).
#[track_caller]
fn invalid_read_union<T: TryFromBytes>(bytes: &[u8]) -> InvalidBits {
    match T::try_read_from_bytes(bytes) {
        Err(ConvertError::Validity(e)) => e.invalid(),
        Err(_) => panic!("expected a validity error"),
        Ok(_) => panic!("expected a validity error, got a value"),
    }
}
