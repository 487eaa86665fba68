// SPDX-License-Identifier: MIT OR Apache-2.0
//! Wire formats over untrusted bytes: bit fields, byte-order integers and the real-format
//! parsers of the `zerocast-formats` crate (`crates/formats`), each checked against an independent model written here with
//! plain shifts, masks and byte arithmetic.
//!
//! - `bitfield!`: `try_read_from_prefix`, `try_ref_from_bytes` (at every misalignment) and
//!   `try_from_bits` accept exactly the patterns the model accepts; a rejection names the
//!   first failing line in declaration order, its value and offset; on acceptance every getter
//!   is the model's extraction, `into_bits` round-trips, `with_x(x())` is the identity,
//!   `with_x`/`set_x` store the model's bits, `try_with_x` accepts iff the value fits.
//! - `byteorder`: `get` is `from_{be,le}_bytes`, `to_bytes` gives the bytes back, `new(get())`
//!   is the identity, bitwise operators and order are the native ones.
//! - `formats`: ELF header and section table (then `render`), IPv4, TCP (header, options,
//!   checksum) and pcap on arbitrary bytes and on copies repaired to get past magic numbers and
//!   checksums: never a panic; success exactly when the model says, with the same values.
#![no_main]

use core::any::type_name;
use core::fmt::Debug;
use std::net::Ipv4Addr;

use libfuzzer_sys::fuzz_target;
use zerocast::byteorder::{
    BigEndian, LittleEndian, F32, F64, I128, I16, I32, I64, U128, U16, U32, U64,
};
use zerocast::{
    bitfield, BitEnum, ConvertError, FromBytes, Immutable, IntoBytes, InvalidBits, KnownLayout,
    TryFromBytes, Unaligned,
};

use zerocast_formats::{elf, ipv4, pcap, tcp};

// ---- Bit fields -------------------------------------------------------------------------------

/// A partial enum with a zero variant, no `repr`.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Off = 0,
    On = 1,
    Auto = 5,
}
const MODES: [Mode; 3] = [Mode::Off, Mode::On, Mode::Auto];

/// A partial enum without a zero variant.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
enum Level {
    Low = 1,
    High = 2,
}
const LEVELS: [Level; 2] = [Level::Low, Level::High];

/// A total 2-bit enum.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Ecn {
    NotEct = 0,
    Ect1 = 1,
    Ect0 = 2,
    Ce = 3,
}
const ECNS: [Ecn; 4] = [Ecn::NotEct, Ecn::Ect1, Ecn::Ect0, Ecn::Ce];

/// A total 3-bit enum, declared out of order.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Dir {
    D7 = 7,
    D0 = 0,
    D1,
    D2,
    D3,
    D4,
    D5,
    D6,
}
const DIRS: [Dir; 8] = [
    Dir::D0,
    Dir::D1,
    Dir::D2,
    Dir::D3,
    Dir::D4,
    Dir::D5,
    Dir::D6,
    Dir::D7,
];

bitfield! {
    /// A reserved bit that must be 1, declared before a checked enum at higher bits.
    struct Ctrl8(u8) {
        0 _ = 1;
        5:3 mode as? Mode;
        7:6 _;
        2:1 level as u8;
    }
}
bitfield! {
    /// A checked enum without zero in a wider range, a reserved zero, a full-width `u8`.
    struct N16(u16) {
        15:12 nib as? Level;
        11 _ = 0;
        10:9 ecn as Ecn;
        8:1 byte as u8;
        0 on as bool;
    }
}
bitfield! {
    /// Aligned to 4; a checked enum declared before a reserved non-zero nibble.
    struct W32(u32) {
        7:6 level as? Level;
        31:28 _ = 0xa;
        27:16 count as u16;
        15:8 tag as u8;
        5:3 dir as Dir;
        2 flag as bool;
        1:0 _;
    }
}
bitfield! {
    /// Big-endian storage.
    struct Be16(U16<BigEndian>) {
        15 _ = 0;
        14:12 mode as? Mode;
        11 df as bool;
        10:0 off as u16;
    }
}
bitfield! {
    /// Little-endian storage; a field type wider than the storage.
    struct Le32(U32<LittleEndian>) {
        31:24 hi as u8;
        23:22 ecn as Ecn;
        21:19 mode as? Mode;
        18 _ = 0;
        17:0 big as u64;
    }
}
bitfield! {
    /// Every pattern valid: `FromBytes` and `from_bits`.
    struct Plain(U16<LittleEndian>) {
        15:14 ecn as Ecn;
        13:11 dir as Dir;
        10 _;
        9:0 val as u16;
    }
}

/// Bit fields inside a derived struct, at byte offsets 1, 2 and 4.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
struct Frame {
    tag: u8,
    ctrl: Ctrl8,
    be: Be16,
    le: Le32,
}

/// What one line of a bit field accepts, in the model.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// Every value (total enums, integers, `bool`, `_`).
    Any,
    /// `_ = V`.
    Reserved(u128),
    /// `as? E`: the discriminants of `E`, and `E`'s type name.
    Variants(&'static [u128], fn() -> &'static str),
}

/// One line: the name a rejection reports, its bits, its rule.
#[derive(Debug)]
struct Line {
    label: &'static str,
    hi: u32,
    lo: u32,
    rule: Rule,
}

const fn line(label: &'static str, hi: u32, lo: u32, rule: Rule) -> Line {
    Line {
        label,
        hi,
        lo,
        rule,
    }
}

const MODE_VALUES: &[u128] = &[0, 1, 5];
const LEVEL_VALUES: &[u128] = &[1, 2];
const MODE: Rule = Rule::Variants(MODE_VALUES, type_name::<Mode>);
const LEVEL: Rule = Rule::Variants(LEVEL_VALUES, type_name::<Level>);

/// `w` one bits (`w < 128`).
fn mask(w: u32) -> u128 {
    (1u128 << w) - 1
}

/// Bits `hi:lo` of `bits`, shifted down.
fn field(bits: u128, hi: u32, lo: u32) -> u128 {
    (bits >> lo) & mask(hi - lo + 1)
}

/// `bits` with bits `hi:lo` replaced by `v`.
fn put(bits: u128, hi: u32, lo: u32, v: u128) -> u128 {
    let m = mask(hi - lo + 1);
    (bits & !(m << lo)) | ((v & m) << lo)
}

/// The model's verdict: the first line (in declaration order) whose bits its rule rejects,
/// and the value of those bits.
fn model_validate(bits: u128, lines: &'static [Line]) -> Result<(), (&'static Line, u128)> {
    for l in lines {
        let v = field(bits, l.hi, l.lo);
        let ok = match l.rule {
            Rule::Any => true,
            Rule::Reserved(r) => v == r,
            Rule::Variants(vs, _) => vs.contains(&v),
        };
        if !ok {
            return Err((l, v));
        }
    }
    Ok(())
}

static CTRL8_LINES: &[Line] = &[
    line("reserved 0:0", 0, 0, Rule::Reserved(1)),
    line("mode", 5, 3, MODE),
    line("_", 7, 6, Rule::Any),
    line("level", 2, 1, Rule::Any),
];
static N16_LINES: &[Line] = &[
    line("nib", 15, 12, LEVEL),
    line("reserved 11:11", 11, 11, Rule::Reserved(0)),
    line("ecn", 10, 9, Rule::Any),
    line("byte", 8, 1, Rule::Any),
    line("on", 0, 0, Rule::Any),
];
static W32_LINES: &[Line] = &[
    line("level", 7, 6, LEVEL),
    line("reserved 31:28", 31, 28, Rule::Reserved(0xa)),
    line("count", 27, 16, Rule::Any),
    line("tag", 15, 8, Rule::Any),
    line("dir", 5, 3, Rule::Any),
    line("flag", 2, 2, Rule::Any),
];
static BE16_LINES: &[Line] = &[
    line("reserved 15:15", 15, 15, Rule::Reserved(0)),
    line("mode", 14, 12, MODE),
    line("df", 11, 11, Rule::Any),
    line("off", 10, 0, Rule::Any),
];
static LE32_LINES: &[Line] = &[
    line("hi", 31, 24, Rule::Any),
    line("ecn", 23, 22, Rule::Any),
    line("mode", 21, 19, MODE),
    line("reserved 18:18", 18, 18, Rule::Reserved(0)),
    line("big", 17, 0, Rule::Any),
];
static PLAIN_LINES: &[Line] = &[
    line("ecn", 15, 14, Rule::Any),
    line("dir", 13, 11, Rule::Any),
    line("val", 9, 0, Rule::Any),
];

/// Arbitrary values for setters, drawn from the input.
struct Knobs<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Knobs<'_> {
    fn byte(&mut self) -> u8 {
        let b = match self.bytes.len() {
            0 => 0,
            n => self.bytes[self.at % n],
        };
        self.at = self.at.wrapping_add(1);
        b
    }

    fn u128(&mut self) -> u128 {
        (0..16).fold(0, |acc, _| acc << 8 | u128::from(self.byte()))
    }

    /// A value for a `w`-bit field: in range or just out of it half the time each, or any.
    fn near(&mut self, w: u32) -> u128 {
        let r = self.u128();
        match self.byte() % 4 {
            0 => r,
            1 => mask(w) + 1 + (r % 4),
            _ => r % (2u128 << w),
        }
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[usize::from(self.byte()) % from.len()]
    }
}

/// A bit field, its model table and its storage's value.
trait Model:
    TryFromBytes + IntoBytes + KnownLayout + Immutable + Copy + PartialEq + Debug + 'static
{
    const NAME: &'static str;
    fn lines() -> &'static [Line];
    /// The storage's value from its bytes in memory (`from_ne/be/le_bytes`).
    fn value_of(bytes: &[u8]) -> u128;
    /// `try_from_bits` of the storage holding `v`.
    fn try_from_value(v: u128) -> Result<Self, InvalidBits>;
    /// `into_bits`, as a number.
    fn value(self) -> u128;
    /// Getters against the model, and every setter.
    fn check_fields(self, bits: u128, k: &mut Knobs<'_>);
}

/// Checks one field: the getter, `with_x(x())`, `with_x`/`set_x` of a value from the knobs.
macro_rules! check_field {
    ($t:ident, $bits:ident, $hi:literal : $lo:literal, $get:ident, $with:ident, $set:ident,
     |$g:ident| $to:expr, $new:expr) => {{
        let $g = $t.$get();
        assert_eq!($to, field($bits, $hi, $lo), "getter {}", stringify!($get));
        assert_eq!(
            $t.$with($t.$get()).value(),
            $bits,
            "{}(x()) is the identity",
            stringify!($with)
        );
        let new = $new;
        let w = $t.$with(new);
        let $g = new;
        let new_bits = put($bits, $hi, $lo, $to);
        assert_eq!(
            w.value(),
            new_bits,
            "{} stores the model's bits",
            stringify!($with)
        );
        assert_eq!(
            Self::try_from_value(new_bits),
            Ok(w),
            "a setter keeps the value valid"
        );
        let mut s = $t;
        s.$set(new);
        assert_eq!(s, w, "{} is {}", stringify!($set), stringify!($with));
    }};
}

/// Checks `try_with_x`/`try_set_x` of a `Bounded<$ty, W>` field of `$hi:$lo` (`W` bits).
macro_rules! check_try_with {
    ($t:ident, $bits:ident, $k:ident, $hi:literal : $lo:literal, $ty:ty, $name:literal,
     $try_with:ident, $try_set:ident) => {{
        let w = $hi - $lo + 1;
        let raw = $k.near(w) as $ty;
        let fits = u128::from(raw) <= mask(w);
        match $t.$try_with(raw) {
            Ok(s) => {
                assert!(fits, "{} accepted {raw}", stringify!($try_with));
                assert_eq!(s.value(), put($bits, $hi, $lo, u128::from(raw)));
            }
            Err(e) => {
                assert!(!fits, "{} rejected {raw}", stringify!($try_with));
                assert_eq!(
                    (e.container(), e.field(), e.value(), e.width()),
                    (Self::NAME, $name, u128::from(raw), w)
                );
                let _ = e.to_string();
            }
        }
        let mut s = $t;
        let r = s.$try_set(raw);
        assert_eq!(r.is_ok(), fits);
        let expected = if fits {
            put($bits, $hi, $lo, u128::from(raw))
        } else {
            $bits
        };
        assert_eq!(
            s.value(),
            expected,
            "{} stores or leaves",
            stringify!($try_set)
        );
    }};
}

/// `Bounded` of a value masked to fit (`with_x` takes only in-range values).
macro_rules! bounded {
    ($k:ident, $ty:ty, $w:literal) => {
        zerocast::bitfield::Bounded::<$ty, $w>::try_new(($k.u128() & mask($w)) as $ty)
            .expect("masked to the width")
    };
}

impl Model for Ctrl8 {
    const NAME: &'static str = "Ctrl8";
    fn lines() -> &'static [Line] {
        CTRL8_LINES
    }
    fn value_of(b: &[u8]) -> u128 {
        u128::from(b[0])
    }
    fn try_from_value(v: u128) -> Result<Self, InvalidBits> {
        Ctrl8::try_from_bits(v as u8)
    }
    fn value(self) -> u128 {
        u128::from(self.into_bits())
    }
    fn check_fields(self, bits: u128, k: &mut Knobs<'_>) {
        let t = self;
        check_field!(t, bits, 5:3, mode, with_mode, set_mode, |g| g as u128, k.pick(&MODES));
        check_field!(t, bits, 2:1, level, with_level, set_level, |g| u128::from(g.get()),
            bounded!(k, u8, 2));
        check_try_with!(t, bits, k, 2:1, u8, "level", try_with_level, try_set_level);
        assert_eq!(t.with_level_const::<3>().level().get(), 3);
    }
}

impl Model for N16 {
    const NAME: &'static str = "N16";
    fn lines() -> &'static [Line] {
        N16_LINES
    }
    fn value_of(b: &[u8]) -> u128 {
        u128::from(u16::from_ne_bytes([b[0], b[1]]))
    }
    fn try_from_value(v: u128) -> Result<Self, InvalidBits> {
        N16::try_from_bits(v as u16)
    }
    fn value(self) -> u128 {
        u128::from(self.into_bits())
    }
    fn check_fields(self, bits: u128, k: &mut Knobs<'_>) {
        let t = self;
        check_field!(t, bits, 15:12, nib, with_nib, set_nib, |g| g as u128, k.pick(&LEVELS));
        check_field!(t, bits, 10:9, ecn, with_ecn, set_ecn, |g| g as u128, k.pick(&ECNS));
        check_field!(t, bits, 8:1, byte, with_byte, set_byte, |g| u128::from(g), k.byte());
        check_field!(t, bits, 0:0, on, with_on, set_on, |g| u128::from(g), k.byte() & 1 == 1);
    }
}

impl Model for W32 {
    const NAME: &'static str = "W32";
    fn lines() -> &'static [Line] {
        W32_LINES
    }
    fn value_of(b: &[u8]) -> u128 {
        u128::from(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn try_from_value(v: u128) -> Result<Self, InvalidBits> {
        W32::try_from_bits(v as u32)
    }
    fn value(self) -> u128 {
        u128::from(self.into_bits())
    }
    fn check_fields(self, bits: u128, k: &mut Knobs<'_>) {
        let t = self;
        check_field!(t, bits, 7:6, level, with_level, set_level, |g| g as u128, k.pick(&LEVELS));
        check_field!(t, bits, 27:16, count, with_count, set_count, |g| u128::from(g.get()),
            bounded!(k, u16, 12));
        check_try_with!(t, bits, k, 27:16, u16, "count", try_with_count, try_set_count);
        check_field!(t, bits, 15:8, tag, with_tag, set_tag, |g| u128::from(g), k.byte());
        check_field!(t, bits, 5:3, dir, with_dir, set_dir, |g| g as u128, k.pick(&DIRS));
        check_field!(t, bits, 2:2, flag, with_flag, set_flag, |g| u128::from(g),
            k.byte() & 1 == 1);
    }
}

impl Model for Be16 {
    const NAME: &'static str = "Be16";
    fn lines() -> &'static [Line] {
        BE16_LINES
    }
    fn value_of(b: &[u8]) -> u128 {
        u128::from(u16::from_be_bytes([b[0], b[1]]))
    }
    fn try_from_value(v: u128) -> Result<Self, InvalidBits> {
        Be16::try_from_bits(U16::new(v as u16))
    }
    fn value(self) -> u128 {
        u128::from(self.into_bits().get())
    }
    fn check_fields(self, bits: u128, k: &mut Knobs<'_>) {
        let t = self;
        check_field!(t, bits, 14:12, mode, with_mode, set_mode, |g| g as u128, k.pick(&MODES));
        check_field!(t, bits, 11:11, df, with_df, set_df, |g| u128::from(g), k.byte() & 1 == 1);
        check_field!(t, bits, 10:0, off, with_off, set_off, |g| u128::from(g.get()),
            bounded!(k, u16, 11));
        check_try_with!(t, bits, k, 10:0, u16, "off", try_with_off, try_set_off);
    }
}

impl Model for Le32 {
    const NAME: &'static str = "Le32";
    fn lines() -> &'static [Line] {
        LE32_LINES
    }
    fn value_of(b: &[u8]) -> u128 {
        u128::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn try_from_value(v: u128) -> Result<Self, InvalidBits> {
        Le32::try_from_bits(U32::new(v as u32))
    }
    fn value(self) -> u128 {
        u128::from(self.into_bits().get())
    }
    fn check_fields(self, bits: u128, k: &mut Knobs<'_>) {
        let t = self;
        check_field!(t, bits, 31:24, hi, with_hi, set_hi, |g| u128::from(g), k.byte());
        check_field!(t, bits, 23:22, ecn, with_ecn, set_ecn, |g| g as u128, k.pick(&ECNS));
        check_field!(t, bits, 21:19, mode, with_mode, set_mode, |g| g as u128, k.pick(&MODES));
        check_field!(t, bits, 17:0, big, with_big, set_big, |g| u128::from(g.get()),
            bounded!(k, u64, 18));
        check_try_with!(t, bits, k, 17:0, u64, "big", try_with_big, try_set_big);
    }
}

impl Model for Plain {
    const NAME: &'static str = "Plain";
    fn lines() -> &'static [Line] {
        PLAIN_LINES
    }
    fn value_of(b: &[u8]) -> u128 {
        u128::from(u16::from_le_bytes([b[0], b[1]]))
    }
    fn try_from_value(v: u128) -> Result<Self, InvalidBits> {
        Plain::try_from_bits(U16::new(v as u16))
    }
    fn value(self) -> u128 {
        u128::from(self.into_bits().get())
    }
    fn check_fields(self, bits: u128, k: &mut Knobs<'_>) {
        let t = self;
        assert_eq!(Plain::from_bits(U16::new(bits as u16)), t);
        check_field!(t, bits, 15:14, ecn, with_ecn, set_ecn, |g| g as u128, k.pick(&ECNS));
        check_field!(t, bits, 13:11, dir, with_dir, set_dir, |g| g as u128, k.pick(&DIRS));
        check_field!(t, bits, 9:0, val, with_val, set_val, |g| u128::from(g.get()),
            bounded!(k, u16, 10));
        check_try_with!(t, bits, k, 9:0, u16, "val", try_with_val, try_set_val);
    }
}

/// `e` is the model's rejection: line `l` holding `found`, at byte `offset`, in `container`.
fn check_invalid(e: InvalidBits, container: &str, l: &Line, found: u128, offset: usize) {
    assert_eq!(
        e.field(),
        Some((container, l.label)),
        "the first failing line: {e}"
    );
    assert_eq!(e.found(), Some(found), "{e}");
    assert_eq!(e.offset(), offset, "{e}");
    if let Rule::Variants(_, name) = l.rule {
        assert_eq!(e.type_name(), name(), "{e}");
    }
    let _ = e.to_string();
}

/// Every conversion of `bytes` to `T`, against the model.
fn bitfield_case<T: Model>(bytes: &[u8], k: &mut Knobs<'_>) {
    let size = size_of::<T>();
    let model = bytes.get(..size).map(|b| {
        let v = T::value_of(b);
        (v, model_validate(v, T::lines()))
    });

    // Copies: no alignment needed.
    match (T::try_read_from_prefix(bytes), &model) {
        (Err(ConvertError::Size(e)), None) => assert_eq!(e.found(), bytes.len()),
        (Ok((t, rest)), Some((v, Ok(())))) => {
            assert_eq!(rest.len(), bytes.len() - size);
            assert_eq!(t.as_bytes(), &bytes[..size]);
            assert_eq!(t.value(), *v);
            assert_eq!(T::try_from_value(t.value()), Ok(t), "into_bits round-trips");
            let _ = format!("{t:?}");
            t.check_fields(*v, k);
        }
        (Err(ConvertError::Validity(e)), Some((_, Err((l, found))))) => {
            check_invalid(e.invalid(), T::NAME, l, *found, 0);
        }
        (r, m) => panic!("{}: try_read_from_prefix {r:?}, model {m:?}", T::NAME),
    }

    let Some((v, verdict)) = model else { return };
    // `try_from_bits`.
    match (T::try_from_value(v), verdict) {
        (Ok(t), Ok(())) => assert_eq!(t.value(), v),
        (Err(e), Err((l, found))) => check_invalid(e, T::NAME, l, found, 0),
        (r, m) => panic!("{}: try_from_bits({v:#x}) {r:?}, model {m:?}", T::NAME),
    }
    // In place: alignment first.
    let exact = &bytes[..size];
    let aligned = (exact.as_ptr() as usize).is_multiple_of(align_of::<T>());
    match (T::try_ref_from_bytes(exact), aligned, verdict) {
        (Err(ConvertError::Alignment(e)), false, _) => {
            assert_eq!(e.align(), align_of::<T>());
        }
        (Ok(t), true, Ok(())) => {
            assert!(core::ptr::eq(t.as_bytes(), exact));
            assert_eq!(t.value(), v);
        }
        (Err(ConvertError::Validity(e)), true, Err((l, found))) => {
            check_invalid(e.invalid(), T::NAME, l, found, 0);
        }
        (r, a, m) => panic!(
            "{}: try_ref_from_bytes {r:?}, aligned {a}, model {m:?}",
            T::NAME
        ),
    }
}

/// The derived struct validates its bit fields in field order, at their byte offsets.
fn frame_case(bytes: &[u8]) {
    let model = bytes.get(..8).map(|b| {
        let parts: [(&str, &'static [Line], usize, u128); 3] = [
            ("Ctrl8", CTRL8_LINES, 1, Ctrl8::value_of(&b[1..2])),
            ("Be16", BE16_LINES, 2, Be16::value_of(&b[2..4])),
            ("Le32", LE32_LINES, 4, Le32::value_of(&b[4..8])),
        ];
        parts.into_iter().find_map(|(name, lines, at, v)| {
            model_validate(v, lines)
                .err()
                .map(|(l, found)| (name, l, found, at))
        })
    });
    match (Frame::try_ref_from_prefix(bytes), model) {
        (Err(ConvertError::Size(_)), None) => {}
        (Ok((f, _)), Some(None)) => {
            assert_eq!(f.as_bytes(), &bytes[..8]);
            assert_eq!(f.tag, bytes[0]);
        }
        (Err(ConvertError::Validity(e)), Some(Some((name, l, found, at)))) => {
            check_invalid(e.invalid(), name, l, found, at);
        }
        (r, _) => panic!("Frame: {r:?}"),
    }
}

// ---- Byte-order integers ----------------------------------------------------------------------

/// `$t<$o>` over the first bytes of `b`: `get` is `$from`, `to_bytes` is the bytes, `new(get())`
/// is the value, bitwise operators and order are the native ones.
macro_rules! byteorder_int {
    ($b:ident, $t:ident, $o:ty, $native:ty, $n:literal, $from:ident) => {{
        if let (Some(x), Some(y)) = ($b.get(..$n), $b.get($n..2 * $n)) {
            let (xa, ya): ([u8; $n], [u8; $n]) = (x.try_into().unwrap(), y.try_into().unwrap());
            let (a, c) = (<$t<$o>>::from_bytes(xa), <$t<$o>>::from_bytes(ya));
            let (na, nc) = (<$native>::$from(xa), <$native>::$from(ya));
            assert_eq!(a.get(), na);
            assert_eq!(a.to_bytes(), xa);
            assert_eq!(<$t<$o>>::new(na), a);
            assert_eq!(<$t<$o>>::new(na).to_bytes(), xa);
            assert_eq!(<$t<$o>>::read_from_bytes(x).unwrap(), a);
            assert_eq!(<$t<$o>>::ref_from_bytes(x).unwrap().get(), na);
            assert_eq!((a & c).get(), na & nc);
            assert_eq!((a | c).get(), na | nc);
            assert_eq!((a ^ c).get(), na ^ nc);
            assert_eq!((!a).get(), !na);
            assert_eq!(a.cmp(&c), na.cmp(&nc));
            assert_eq!(
                format!("{a} {a:x} {a:?}"),
                format!("{na} {na:x} {}({na})", stringify!($t))
            );
        }
    }};
}

/// The same for floats, compared by their bits (`NaN` payloads included).
macro_rules! byteorder_float {
    ($b:ident, $t:ident, $o:ty, $native:ty, $n:literal, $from:ident) => {{
        if let Some(x) = $b.get(..$n) {
            let xa: [u8; $n] = x.try_into().unwrap();
            let a = <$t<$o>>::from_bytes(xa);
            let na = <$native>::$from(xa);
            assert_eq!(a.get().to_bits(), na.to_bits());
            assert_eq!(a.to_bytes(), xa);
            assert_eq!(<$t<$o>>::new(na).to_bytes(), xa);
            assert_eq!(
                <$t<$o>>::ref_from_bytes(x).unwrap().get().to_bits(),
                na.to_bits()
            );
            assert_eq!(a.partial_cmp(&a), na.partial_cmp(&na));
        }
    }};
}

fn byteorder_case(b: &[u8]) {
    byteorder_int!(b, U16, BigEndian, u16, 2, from_be_bytes);
    byteorder_int!(b, U16, LittleEndian, u16, 2, from_le_bytes);
    byteorder_int!(b, U32, BigEndian, u32, 4, from_be_bytes);
    byteorder_int!(b, U32, LittleEndian, u32, 4, from_le_bytes);
    byteorder_int!(b, U64, BigEndian, u64, 8, from_be_bytes);
    byteorder_int!(b, U64, LittleEndian, u64, 8, from_le_bytes);
    byteorder_int!(b, U128, BigEndian, u128, 16, from_be_bytes);
    byteorder_int!(b, U128, LittleEndian, u128, 16, from_le_bytes);
    byteorder_int!(b, I16, BigEndian, i16, 2, from_be_bytes);
    byteorder_int!(b, I32, LittleEndian, i32, 4, from_le_bytes);
    byteorder_int!(b, I64, BigEndian, i64, 8, from_be_bytes);
    byteorder_int!(b, I128, LittleEndian, i128, 16, from_le_bytes);
    byteorder_float!(b, F32, BigEndian, f32, 4, from_be_bytes);
    byteorder_float!(b, F32, LittleEndian, f32, 4, from_le_bytes);
    byteorder_float!(b, F64, BigEndian, f64, 8, from_be_bytes);
    byteorder_float!(b, F64, LittleEndian, f64, 8, from_le_bytes);
    // Widening and narrowing conversions across orders.
    if let Some(x) = b.get(..4) {
        let v = U32::<BigEndian>::from_bytes(x.try_into().unwrap());
        let n = u32::from_be_bytes(x.try_into().unwrap());
        assert_eq!(U64::<LittleEndian>::from(v).get(), u64::from(n));
        assert_eq!(
            U16::<LittleEndian>::try_from(v).map(|s| s.get()).ok(),
            u16::try_from(n).ok()
        );
    }
}

// ---- Formats: a model of each -----------------------------------------------------------------

/// A big- or little-endian unsigned number of `n` bytes at `at`, if there.
fn uint(b: &[u8], at: usize, n: usize, big: bool) -> Option<u64> {
    let bytes = b.get(at..at.checked_add(n)?)?;
    let fold = |acc: u64, x: &u8| acc << 8 | u64::from(*x);
    Some(if big {
        bytes.iter().fold(0, fold)
    } else {
        bytes.iter().rev().fold(0, fold)
    })
}

/// The Internet checksum of `parts` (RFC 1071), written again: 16-bit big-endian words of the
/// concatenation, end-around carry, complement.
fn inet_checksum(parts: &[&[u8]]) -> u16 {
    let all: Vec<u8> = parts.concat();
    let mut sum: u32 = 0;
    for pair in all.chunks(2) {
        let word = u32::from(pair[0]) << 8 | u32::from(*pair.get(1).unwrap_or(&0));
        sum += word;
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// The model's reading of an IPv4 packet.
#[derive(Debug, PartialEq)]
enum IpModel {
    Header,
    Checksum { found: u16, computed: u16 },
    TotalLength,
    Ok { hl: usize, total: usize },
}

fn ip_model(b: &[u8]) -> IpModel {
    if b.len() < 20 {
        return IpModel::Header;
    }
    let (version, ihl) = (b[0] >> 4, usize::from(b[0] & 0xf));
    if version != 4 || b[6] & 0x80 != 0 || ihl < 5 || ihl * 4 > b.len() {
        return IpModel::Header;
    }
    let hl = ihl * 4;
    let found = u16::from_be_bytes([b[10], b[11]]);
    let computed = inet_checksum(&[&b[..10], &b[12..hl]]);
    if found != computed {
        return IpModel::Checksum { found, computed };
    }
    let total = usize::from(u16::from_be_bytes([b[2], b[3]]));
    if total < hl || total > b.len() {
        return IpModel::TotalLength;
    }
    IpModel::Ok { hl, total }
}

/// IPv4 (and TCP inside) on `b`, against the models.
fn ip_case(b: &[u8]) {
    let model = ip_model(b);
    let ip = match (ipv4::parse(b), &model) {
        (Ok(ip), IpModel::Ok { hl, total }) => {
            let h = ip.header;
            assert!(core::ptr::eq(h.as_bytes(), &b[..*hl]));
            assert_eq!(h.len(), usize::from(b[0] & 0xf) * 4);
            assert!(h.len() >= ipv4::MIN_HEADER && h.len() <= b.len());
            assert_eq!(usize::from(h.total_length.get()), *total);
            assert!(core::ptr::eq(ip.payload, &b[*hl..*total]));
            assert_eq!(usize::from(h.version_ihl.ihl().get()) * 4, *hl);
            assert_eq!(h.tos.dscp().get(), b[1] >> 2);
            assert_eq!(h.tos.ecn() as u8, b[1] & 3);
            let ff = u16::from_be_bytes([b[6], b[7]]);
            assert_eq!(h.flags_fragment.dont_fragment(), ff & 0x4000 != 0);
            assert_eq!(h.flags_fragment.more_fragments(), ff & 0x2000 != 0);
            assert_eq!(h.flags_fragment.fragment_offset().get(), ff & 0x1fff);
            assert_eq!(h.identification.get(), u16::from_be_bytes([b[4], b[5]]));
            assert_eq!((h.ttl, h.protocol), (b[8], b[9]));
            assert_eq!(h.source(), Ipv4Addr::new(b[12], b[13], b[14], b[15]));
            assert_eq!(h.destination(), Ipv4Addr::new(b[16], b[17], b[18], b[19]));
            assert_eq!(h.options(), &b[20..*hl]);
            assert_eq!(h.computed_checksum(), h.checksum.get());
            let _ = ip.to_string();
            ip
        }
        (Err(ipv4::Ipv4Error::Header(e)), IpModel::Header) => {
            assert_eq!(e.record_offset(), 0);
            let _ = e.to_string();
            return;
        }
        (
            Err(ipv4::Ipv4Error::Checksum { found, computed }),
            IpModel::Checksum {
                found: f,
                computed: c,
            },
        ) => {
            assert_eq!((found, computed), (*f, *c));
            return;
        }
        (Err(e @ ipv4::Ipv4Error::TotalLength { available, .. }), IpModel::TotalLength) => {
            assert_eq!(available, b.len());
            let _ = e.to_string();
            return;
        }
        (r, m) => panic!("ipv4::parse {r:?}, model {m:?}"),
    };
    tcp_case(&ip);
}

/// TCP inside a parsed IPv4 packet.
fn tcp_case(ip: &ipv4::Ipv4<'_>) {
    let p = ip.payload;
    let h = ip.header;
    let unchecked = tcp::parse_unchecked(ip);
    let dl = if h.protocol != ipv4::PROTOCOL_TCP {
        assert!(
            matches!(unchecked, Err(tcp::TcpError::NotTcp { protocol }) if protocol == h.protocol)
        );
        None
    } else if p.len() < 20 || p[12] >> 4 < 5 || usize::from(p[12] >> 4) * 4 > p.len() {
        assert!(
            matches!(unchecked, Err(tcp::TcpError::Header(_))),
            "{unchecked:?}"
        );
        None
    } else {
        Some(usize::from(p[12] >> 4) * 4)
    };
    let checked = tcp::parse(ip);
    let Some(dl) = dl else {
        assert_eq!(checked.map(|_| ()), unchecked.map(|_| ()));
        return;
    };
    let t = unchecked.expect("the model accepts the header");
    assert!(core::ptr::eq(t.header.as_bytes(), &p[..dl]));
    assert!(core::ptr::eq(t.data, &p[dl..]));
    assert_eq!(t.header.len(), dl);
    assert_eq!(
        usize::from(t.header.offset_flags.data_offset().get()) * 4,
        dl
    );
    assert_eq!(t.header.source_port.get(), u16::from_be_bytes([p[0], p[1]]));
    assert_eq!(
        t.header.destination_port.get(),
        u16::from_be_bytes([p[2], p[3]])
    );
    assert_eq!(
        t.header.sequence.get(),
        u32::from_be_bytes([p[4], p[5], p[6], p[7]])
    );
    assert_eq!(
        t.header.acknowledgment.get(),
        u32::from_be_bytes([p[8], p[9], p[10], p[11]])
    );
    assert_eq!(
        t.header.offset_flags.names().count(),
        p[13].count_ones() as usize
    );
    let _ = t.to_string();
    options_case(t.header, &p[20..dl]);

    // The checksum over the pseudo-header, written again.
    let len = u16::try_from(p.len()).expect("an IPv4 payload is shorter than 64 KiB");
    let pseudo = [
        &h.source[..],
        &h.destination[..],
        &[0, 6],
        &len.to_be_bytes(),
    ]
    .concat();
    let computed = inet_checksum(&[&pseudo, &p[..16], &p[18..]]);
    let found = u16::from_be_bytes([p[16], p[17]]);
    match checked {
        Ok(c) => {
            assert_eq!(found, computed);
            assert!(core::ptr::eq(c.header, t.header));
        }
        Err(tcp::TcpError::Checksum {
            found: f,
            computed: c,
        }) => assert_eq!((f, c, found == computed), (found, computed, false)),
        Err(e) => panic!("tcp::parse {e:?} after parse_unchecked succeeded"),
    }
}

/// The options iterator against a walk written here.
fn options_case(h: &tcp::TcpHeader, o: &[u8]) {
    let mut it = h.options();
    let mut at = 0;
    loop {
        let got = it.next();
        let Some(&kind) = o.get(at) else {
            assert!(got.is_none(), "options end with the bytes: {got:?}");
            break;
        };
        let got = got.expect("an option where bytes remain");
        if kind == 0 {
            assert_eq!(got, Ok(tcp::TcpOption::End));
            assert!(it.next().is_none());
            break;
        }
        if kind == 1 {
            assert_eq!(got, Ok(tcp::TcpOption::Nop));
            at += 1;
            continue;
        }
        let len = o.get(at + 1).map(|&l| usize::from(l));
        let Some(len) = len.filter(|&l| l >= 2 && at + l <= o.len()) else {
            assert!(
                matches!(got, Err(tcp::OptionError::Record { offset, .. }) if offset == at),
                "{got:?}"
            );
            assert!(it.next().is_none(), "the walk stops at a malformed option");
            break;
        };
        let data = &o[at + 2..at + len];
        let be32 = |i: usize| u32::from_be_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
        let expected = match (kind, data.len()) {
            (2, 2) => Some(tcp::TcpOption::Mss(u16::from_be_bytes([data[0], data[1]]))),
            (3, 1) => Some(tcp::TcpOption::WindowScale(data[0])),
            (4, 0) => Some(tcp::TcpOption::SackPermitted),
            (5, n) if n % 8 == 0 => {
                let Ok(tcp::TcpOption::Sack(blocks)) = got else {
                    panic!("SACK of {n} bytes: {got:?}");
                };
                assert_eq!(blocks.len(), n / 8);
                for (i, blk) in blocks.iter().enumerate() {
                    assert_eq!(
                        (blk.left.get(), blk.right.get()),
                        (be32(8 * i), be32(8 * i + 4))
                    );
                }
                at += len;
                continue;
            }
            (8, 8) => Some(tcp::TcpOption::Timestamps(be32(0), be32(4))),
            (2..=5 | 8, _) => None,
            _ => Some(tcp::TcpOption::Other { kind, data }),
        };
        match expected {
            Some(e) => assert_eq!(got, Ok(e)),
            None => assert_eq!(
                got,
                Err(tcp::OptionError::BadLength {
                    offset: at,
                    kind,
                    length: o[at + 1],
                })
            ),
        }
        if let Err(e) = got {
            let _ = e.to_string();
        }
        at += len;
    }
}

/// A copy of `b` with the version, reserved flag and protocol set for TCP, the total length
/// made to fit and both checksums made right (by the model's arithmetic), so that the parsers
/// get past them.
fn repaired_ip(b: &[u8]) -> Vec<u8> {
    let mut r = b.to_vec();
    if r.len() < 20 {
        return r;
    }
    r[0] = 0x40 | (r[0] & 0xf);
    r[6] &= 0x7f;
    r[9] = ipv4::PROTOCOL_TCP;
    let hl = usize::from(r[0] & 0xf) * 4;
    if hl < 20 || hl > r.len() {
        return r;
    }
    let total = usize::from(u16::from_be_bytes([r[2], r[3]]));
    let total = if (hl..=r.len()).contains(&total) {
        total
    } else {
        r.len().min(0xffff)
    };
    r[2..4].copy_from_slice(&(total as u16).to_be_bytes());
    let sum = inet_checksum(&[&r[..10], &r[12..hl]]);
    r[10..12].copy_from_slice(&sum.to_be_bytes());
    let p = &r[hl..total];
    if p.len() >= 18 {
        let len = (p.len() as u16).to_be_bytes();
        let pseudo = [&r[12..20], &[0, 6], &len[..]].concat();
        let sum = inet_checksum(&[&pseudo, &p[..16], &p[18..]]);
        r[hl + 16..hl + 18].copy_from_slice(&sum.to_be_bytes());
    }
    r
}

/// pcap on `b` against a walk written here; each packet's IPv4 through `ip_case`.
fn pcap_case(b: &[u8]) {
    let r = pcap::parse(b);
    let Some(magic) = uint(b, 0, 4, false) else {
        assert_eq!(r, Err(pcap::PcapError::Short { len: b.len() }));
        return;
    };
    let magic = magic as u32;
    let (big, nanos) = match (magic, magic.swap_bytes()) {
        (pcap::MAGIC | pcap::MAGIC_NANOS, _) => (false, magic == pcap::MAGIC_NANOS),
        (_, m @ (pcap::MAGIC | pcap::MAGIC_NANOS)) => (true, m == pcap::MAGIC_NANOS),
        _ => {
            assert!(matches!(r, Err(pcap::PcapError::BadMagic(m)) if m == b[..4]));
            return;
        }
    };
    if b.len() < 24 {
        assert_eq!(r, Err(pcap::PcapError::Short { len: b.len() }));
        return;
    }
    let u32_at = |at: usize| uint(b, at, 4, big).map(|v| v as u32);
    let mut at = 24;
    let mut packets = Vec::new();
    while at < b.len() {
        let incl = u32_at(at + 8).map(|v| v as usize);
        match incl.and_then(|n| b.get(at + 16..at + 16 + n)) {
            Some(data) => {
                packets.push((u32_at(at), u32_at(at + 4), u32_at(at + 12), data));
                at += 16 + data.len();
            }
            None => {
                let Err(pcap::PcapError::Record(e)) = r else {
                    panic!("pcap: record at {at} runs past the end: {r:?}");
                };
                assert_eq!(e.record_offset(), at - 24);
                let _ = pcap::PcapError::Record(e).to_string();
                return;
            }
        }
    }
    let c = r.expect("the model walks the records");
    assert_eq!(c.linktype, u32_at(20).unwrap());
    assert_eq!(c.nanos, nanos);
    assert_eq!(c.packets.len(), packets.len());
    for (p, (sec, frac, orig, data)) in c.packets.iter().zip(packets) {
        assert_eq!(
            (Some(p.ts_sec), Some(p.ts_frac), Some(p.orig_len)),
            (sec, frac, orig)
        );
        assert!(core::ptr::eq(p.data, data));
        let ip = match c.linktype {
            pcap::LINKTYPE_ETHERNET => data
                .get(12..14)
                .filter(|t| t == &[0x08, 0x00])
                .map(|_| &data[14..]),
            pcap::LINKTYPE_RAW | pcap::LINKTYPE_IPV4 => Some(data),
            _ => None,
        };
        let got = pcap::ipv4_of(c.linktype, p.data);
        assert_eq!(got.map(<[u8]>::as_ptr_range), ip.map(<[u8]>::as_ptr_range));
        if let Some(ip) = ip {
            ip_case(ip);
        }
    }
}

/// The model's ELF error: which variant, what, at what offset.
#[derive(Debug, PartialEq)]
enum ElfModelError {
    NotElf,
    Truncated(&'static str, u64),
    Invalid(&'static str, u64, &'static str),
    OutOfBounds(&'static str, u64),
    BadEntrySize,
}

fn elf_error(e: &elf::ElfError) -> ElfModelError {
    let _ = e.to_string();
    match *e {
        elf::ElfError::NotElf(_) => ElfModelError::NotElf,
        elf::ElfError::Truncated { what, offset, .. } => ElfModelError::Truncated(what, offset),
        elf::ElfError::Invalid { what, offset, bits } => {
            ElfModelError::Invalid(what, offset, bits.field().map_or("", |f| f.1))
        }
        elf::ElfError::OutOfBounds { what, offset } => ElfModelError::OutOfBounds(what, offset),
        elf::ElfError::BadEntrySize { .. } => ElfModelError::BadEntrySize,
    }
}

/// The ELF header and section table of `b`, decoded here field by field from the gABI's
/// offsets: the header (what `parse_header` gives) and the whole file (what `parse` gives).
#[allow(clippy::type_complexity)]
fn elf_model(
    b: &[u8],
) -> Result<(elf::Header, Result<elf::Elf<'_>, ElfModelError>), ElfModelError> {
    if b.get(..4) != Some(b"\x7fELF") {
        return Err(ElfModelError::NotElf);
    }
    if b.len() < 16 {
        return Err(ElfModelError::Truncated("identification", 0));
    }
    let class = match b[4] {
        1 => elf::Class::Elf32,
        2 => elf::Class::Elf64,
        _ => return Err(ElfModelError::Invalid("identification", 0, "class")),
    };
    let (data, big) = match b[5] {
        1 => (elf::Encoding::Little, false),
        2 => (elf::Encoding::Big, true),
        _ => return Err(ElfModelError::Invalid("identification", 0, "data")),
    };
    let wide = class == elf::Class::Elf64;
    let (what, hsize) = if wide {
        ("ELF64 header", 64)
    } else {
        ("ELF32 header", 52)
    };
    if b.len() < hsize {
        return Err(ElfModelError::Truncated(what, 0));
    }
    let u = |at: usize, n: usize| uint(b, at, n, big).unwrap();
    // Offsets after e_version: 32-bit addresses are 4 bytes, 64-bit ones 8.
    let a = if wide { 8 } else { 4 };
    let after = 24 + 3 * a;
    let header = elf::Header {
        ident: b[..16].try_into().unwrap(),
        class,
        data,
        os_abi: b[7],
        abi_version: b[8],
        e_type: u(16, 2) as u16,
        e_machine: u(18, 2) as u16,
        e_version: u(20, 4) as u32,
        e_entry: u(24, a),
        e_phoff: u(24 + a, a),
        e_shoff: u(24 + 2 * a, a),
        e_flags: u(after, 4) as u32,
        e_ehsize: u(after + 4, 2) as u16,
        e_phentsize: u(after + 6, 2) as u16,
        e_phnum: u(after + 8, 2) as u16,
        e_shentsize: u(after + 10, 2) as u16,
        e_shnum: u(after + 12, 2) as u16,
        e_shstrndx: u(after + 14, 2) as u16,
    };
    Ok((header, elf_sections(b, header, big, wide)))
}

fn elf_sections<'a>(
    b: &'a [u8],
    header: elf::Header,
    big: bool,
    wide: bool,
) -> Result<elf::Elf<'a>, ElfModelError> {
    let what = "section header table";
    let mut out = elf::Elf {
        header,
        sections: Vec::new(),
        shstrndx: header.e_shstrndx.into(),
    };
    if header.e_shoff == 0 {
        return Ok(out);
    }
    let entsize = if wide { 64 } else { 40 };
    if usize::from(header.e_shentsize) != entsize {
        return Err(ElfModelError::BadEntrySize);
    }
    let shoff = header.e_shoff;
    let Some(table) = usize::try_from(shoff).ok().and_then(|o| b.get(o..)) else {
        return Err(ElfModelError::OutOfBounds(what, shoff));
    };
    let section = |i: usize| {
        let at = i * entsize;
        let u = |off: usize, n: usize| uint(table, at + off, n, big).unwrap();
        let a = if wide { 8 } else { 4 };
        elf::Section {
            name: None,
            sh_name: u(0, 4) as u32,
            sh_type: u(4, 4) as u32,
            sh_flags: u(8, a),
            sh_addr: u(8 + a, a),
            sh_offset: u(8 + 2 * a, a),
            sh_size: u(8 + 3 * a, a),
            sh_link: u(8 + 4 * a, 4) as u32,
            sh_info: u(12 + 4 * a, 4) as u32,
            sh_addralign: u(16 + 4 * a, a),
            sh_entsize: u(16 + 5 * a, a),
        }
    };
    if table.len() < entsize {
        return Err(ElfModelError::Truncated(what, shoff));
    }
    let first = section(0);
    let count = match header.e_shnum {
        0 => usize::try_from(first.sh_size).unwrap_or(usize::MAX),
        n => usize::from(n),
    };
    if header.e_shstrndx == 0xffff {
        out.shstrndx = first.sh_link;
    }
    if count.checked_mul(entsize).is_none_or(|n| n > table.len()) {
        return Err(ElfModelError::Truncated(what, shoff));
    }
    out.sections = (0..count).map(section).collect();
    let strtab = match out.sections.get(out.shstrndx as usize) {
        Some(s) => {
            let Some(start) = usize::try_from(s.sh_offset).ok().and_then(|o| b.get(o..)) else {
                return Err(ElfModelError::OutOfBounds(
                    "section name string table",
                    s.sh_offset,
                ));
            };
            let len = usize::try_from(s.sh_size).unwrap_or(usize::MAX);
            &start[..len.min(start.len())]
        }
        None => &[],
    };
    for s in &mut out.sections {
        let i = s.sh_name as usize;
        if i <= strtab.len() {
            let rest = &strtab[i..];
            let end = rest.iter().position(|&c| c == 0).unwrap_or(rest.len());
            s.name = Some(&rest[..end]);
        }
    }
    Ok(out)
}

fn elf_case(b: &[u8]) {
    let model = elf_model(b);
    let header = elf::parse_header(b);
    let parsed = elf::parse(b);
    match (&model, header, parsed) {
        (Err(m), Err(h), Err(p)) => {
            assert_eq!(&elf_error(&h), m);
            assert_eq!(&elf_error(&p), m);
        }
        (Ok((mh, Err(me))), Ok(h), Err(p)) => {
            assert_eq!(&h, mh);
            assert_eq!(&elf_error(&p), me);
        }
        (Ok((mh, Ok(me))), Ok(h), Ok(p)) => {
            assert_eq!(&h, mh);
            assert_eq!(&p, me);
            let text = elf::render(&p);
            assert!(text.starts_with("ELF Header:\n"));
            let rows = text.lines().filter(|l| l.starts_with("  [")).count();
            let expected = if p.sections.is_empty() {
                0
            } else {
                p.sections.len() + 1
            };
            assert_eq!(rows, expected, "{text}");
        }
        (m, h, p) => panic!("elf: model {m:?}, parse_header {h:?}, parse {p:?}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut k = Knobs {
        bytes: data,
        at: data.len() / 2,
    };
    // Bit fields at every misalignment.
    for start in 0..data.len().min(4) {
        let b = &data[start..];
        bitfield_case::<Ctrl8>(b, &mut k);
        bitfield_case::<N16>(b, &mut k);
        bitfield_case::<W32>(b, &mut k);
        bitfield_case::<Be16>(b, &mut k);
        bitfield_case::<Le32>(b, &mut k);
        bitfield_case::<Plain>(b, &mut k);
        frame_case(b);
    }
    byteorder_case(data);

    // Formats, as they are and repaired past magic numbers and checksums.
    elf_case(data);
    if data.len() >= 6 {
        let mut e = data.to_vec();
        e[..4].copy_from_slice(b"\x7fELF");
        e[4] = 1 + (e[4] & 1);
        e[5] = 1 + (e[5] & 1);
        elf_case(&e);
    }
    ip_case(data);
    ip_case(&repaired_ip(data));
    pcap_case(data);
    if let Some(&sel) = data.first() {
        let mut p = data.to_vec();
        let magic = [pcap::MAGIC, pcap::MAGIC_NANOS][usize::from(sel & 1)];
        let bytes = if sel & 2 == 0 {
            magic.to_le_bytes()
        } else {
            magic.to_be_bytes()
        };
        let n = p.len().min(4);
        p[..n].copy_from_slice(&bytes[..n]);
        pcap_case(&p);
    }
});
