// SPDX-License-Identifier: MIT OR Apache-2.0
//! Bit fields packed in an integer: the
// The macro exists with the `derive` feature only: a link elsewhere makes rustdoc warn.
#![cfg_attr(feature = "derive", doc = "[`bitfield!`](mod@crate::bitfield)")]
#![cfg_attr(not(feature = "derive"), doc = "`bitfield!` (feature `derive`)")]
//! macro, enums stored in bits ([`BitEnum`]), and integers narrower than their type
//! ([`Bounded`]).
//!
//! # Syntax
//!
//! ```
//! use zerocast::byteorder::{BigEndian, U16};
//! use zerocast::{bitfield, BitEnum};
//!
//! #[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
//! #[repr(u8)]
//! pub enum Ecn { NotEct = 0, Ect1 = 1, Ect0 = 2, Ce = 3 }
//!
//! #[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
//! pub enum Mode { Off = 0, On = 1, Auto = 5 }
//!
//! bitfield! {
//!     /// The IPv4 flags and fragment offset (attributes pass through).
//!     pub struct FlagsFragment(U16<BigEndian>) {
//!         15:15 _ = 0;                   // reserved: must read as zero (validated)
//!         14:14 dont_fragment as bool;   // `hi:lo name as Type;`
//!         13 more_fragments as bool;     // one bit: `n name as Type;`
//!         12:0 fragment_offset as u16;   // 13 bits of a u16: `Bounded<u16, 13>`
//!     }
//! }
//! bitfield! {
//!     pub struct Tos(u8) {
//!         7:2 dscp as u8;                // Bounded<u8, 6>
//!         1:0 ecn as Ecn;                // an enum covering all 4 values of its bits
//!     }
//! }
//! bitfield! {
//!     pub struct Ctrl(u8) {
//!         7:6 _;                         // ignored bits: any value, kept as they are
//!         5:3 mode as? Mode;             // `as?`: not every value is a variant; validated
//!         2:0 level as u8;
//!     }
//! }
//!
//! let tos = Tos::new().with_dscp_const::<46>().with_ecn(Ecn::Ect0);
//! assert_eq!(tos.into_bits(), 46 << 2 | 2);
//! assert_eq!(format!("{tos:?}"), "Tos { dscp: 46, ecn: Ect0 }");
//!
//! let ff = FlagsFragment::try_from_bits(U16::new(0x4000)).unwrap();
//! assert!(ff.dont_fragment());
//! assert_eq!(ff.fragment_offset().get(), 0);
//! assert!(FlagsFragment::try_from_bits(U16::new(0x8000)).is_err()); // reserved bit set
//!
//! let c = Ctrl::try_from_bits(0b11_101_010).unwrap();
//! assert_eq!((c.mode(), c.level().get()), (Mode::Auto, 2));
//! assert!(Ctrl::try_from_bits(0b00_011_000).is_err()); // 3 is not a `Mode`
//! ```
//!
//! The storage is `u8`, `u16`, `u32`, `u64` or `u128`, a [`byteorder`](crate::byteorder)
//! integer `U16`, `U32`, `U64` or `U128` of either byte order, or an aligned one, `Le16`..`Le64`
//! or `Be16`..`Be64` (for device registers and DMA descriptors), named in any way (a type alias
//! too: the compiler tells, through a hidden trait, not the name). Bits are numbered from the least significant (0) of the storage's *value*, so a
//! big-endian `U16`'s bit 15 is the top bit of its first byte. Each line describes one range
//! of bits, `hi:lo` (inclusive) or `n` for one bit, in any order; bits no line names are
//! ignored, like `_`:
//!
//! | line | field type | getter returns |
//! |---|---|---|
//! | `hi:lo x as bool;` | one bit | `bool` |
//! | `hi:lo x as u16;` (range as wide as the type) | `u8`..`u128` | `u16` |
//! | `hi:lo x as u16;` (range narrower than the type) | `u8`..`u128` | [`Bounded<u16, W>`](Bounded) |
//! | `hi:lo x as E;` | an enum with a variant for every value of the bits | `E` |
//! | `hi:lo x as? E;` | an enum, not necessarily covering the bits (validated with the word) | `E` |
//! | `hi:lo x ?=> E;` | an enum, not necessarily covering the bits (checked when read) | `Result<E, InvalidBits>` |
//! | `hi:lo _;` | ignored: any value, kept as it is | |
//! | `hi:lo _ = V;` | reserved: must hold `V` (validated) | |
//!
//! `as?` and `?=>` differ in *when* an enum's bits are checked. An `as?` field is part of the
//! word's validity: [`try_from_bits`] and [`TryFromBytes`](crate::TryFromBytes) refuse the
//! whole word if the field holds no variant, and its getter returns the variant. A `?=>` field
//! (the kernel `register!`'s) is not: the word stays raw storage, [`FromBytes`](crate::FromBytes)
//! if its other lines allow, so a device register holding a reserved value in one field can
//! still be read and its other fields used; the field's getter checks its bits and returns
//! `Ok` of the variant or an [`InvalidBits`](crate::InvalidBits) (the section *Checked when
//! read* below shows one).
//!
//! Enums are stored through [`BitEnum`], derived with `#[derive(BitEnum)]`; they must be
//! `Debug` too, for the bit field's `Debug`. Attributes on the struct (doc comments, `cfg`,
//! ...) and doc comments on a line pass through; `#[zerocast(crate = "path")]` names the crate
//! if it is not `::zerocast`. One `bitfield!` may declare several structs.
//!
//! # Generated API
//!
//! For `struct S(Storage)` the macro generates a `#[repr(transparent)]` tuple struct with a
//! private field, whose value always passes the validation below, and:
//!
//! - `Clone`, `Copy`, `PartialEq`, `Eq`, `Hash`, and `Debug` printing the fields by name;
//! - [`KnownLayout`](crate::KnownLayout), [`Immutable`](crate::Immutable),
//!   [`IntoBytes`](crate::IntoBytes) and [`TryFromBytes`](crate::TryFromBytes) always;
//!   [`Unaligned`](crate::Unaligned) when the storage is (`u8` or an unaligned byteorder
//!   integer such as `U16`);
//! - `const fn try_from_bits(Storage) -> Result<S, InvalidBits>` and
//!   `const fn into_bits(self) -> Storage`;
//! - when every bit pattern is valid (no `as?` field, no `_ = V`; `?=>` fields do not count):
//!   [`FromBytes`](crate::FromBytes) and `const fn from_bits(Storage) -> S`;
//! - when all zeros is valid (every `_ = V` has `V = 0`, and the enum of every `as?` field has a
//!   variant whose discriminant is the literal `0`, which the derive marks with
//!   [`ZeroVariant`]; `?=>` fields do not count): [`FromZeros`](crate::FromZeros), `Default`
//!   and `const fn new() -> S`. (With an `as?` field these carry a `where Enum: ZeroVariant`
//!   bound that holds or not.)
//!
//! Methods have the struct's visibility. A field cannot be named `new`, `from_bits`,
//! `try_from_bits` or `into_bits`.
//!
//! For each field `x` of type `T`: `x(&self) -> T` (const except for enums),
//! `const fn with_x(self, v: T) -> S` and `const fn set_x(&mut self, v: T)`. A `?=>` field's
//! getter returns `Result<T, InvalidBits>` (not const); its setters take a `T`.
//!
//! An integer field has also `const fn try_with_x(self, v: u16) -> Result<S, FieldRangeError>`
//! and `try_set_x` (checked at run time), and `const fn with_x_const::<V>(self) -> S` and
//! `set_x_const::<V>` (checked at compile time). A field narrower than its integer type takes
//! and returns a [`Bounded`], which is always in range; a field as wide as its type takes and
//! returns the integer, and its `try_` setters always return `Ok`: they are there so that code
//! setting a field does not change when the field's width does.
//!
//! `Debug` prints a `?=>` field as `Ok(Variant)`, or `Err(bits)` with the bits found.
//!
//! Getters and setters are the shift and mask on the storage's integer one would write by
//! hand (for a byteorder storage, after one `get()`, before one `new()`). A setter changes its
//! field's bits only: a reserved value in a `?=>` field, or any value in `_` bits, is kept by a
//! read-modify-write of another field.
//!
//! ```
//! zerocast::bitfield! {
//!     pub struct Pair(u16) {
//!         15:8 whole as u8;             // as wide as its type: reads a `u8`
//!         7:0 narrow as u16;            // narrower: reads a `Bounded<u16, 8>`
//!     }
//! }
//! // The same setters for both, whatever their widths.
//! let p = Pair::new().with_whole_const::<0xab>().with_narrow_const::<0xcd>();
//! assert_eq!(p.into_bits(), 0xabcd);
//! assert_eq!(p.try_with_whole(7).map(Pair::into_bits), Ok(0x07cd)); // always `Ok`
//! assert!(p.try_with_narrow(0x100).is_err());                         // 9 bits
//! let mut q = p;
//! q.try_set_whole(0x12).unwrap();
//! q.set_whole_const::<0x34>();
//! assert_eq!(q.whole(), 0x34);
//! ```
//!
//! # Checked when read: `?=>`
//!
//! The NVMe controller status register, whose shutdown status `11b` is reserved: read from a
//! device that reports it, the register is still read, and its other fields are good.
//!
//! ```
//! use zerocast::{bitfield, BitEnum, FromBytes};
//!
//! #[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
//! #[repr(u8)]
//! pub enum Shst { Normal = 0, Occurring = 1, Complete = 2 }
//!
//! bitfield! {
//!     pub struct Csts(u32) {
//!         0 rdy as bool;
//!         1 cfs as bool;
//!         3:2 shst ?=> Shst;
//!         4 nssro as bool;
//!         5 pp as bool;
//!     }
//! }
//!
//! // `Csts` is `FromBytes`: every value is one, SHST = 11b too.
//! let csts = Csts::read_from_bytes(&0b1101u32.to_ne_bytes()).unwrap();
//! assert!(csts.rdy());
//! let e = csts.shst().unwrap_err();
//! assert_eq!((e.field(), e.found()), (Some(("Csts", "shst")), Some(3)));
//! assert_eq!(format!("{csts:?}"), "Csts { rdy: true, cfs: false, shst: Err(3), nssro: false, pp: false }");
//!
//! // Setting another field keeps SHST's bits as they were; setting SHST replaces them.
//! assert_eq!(csts.with_rdy(false).into_bits(), 0b1100);
//! let done = csts.with_shst(Shst::Complete);
//! assert_eq!((done.shst(), done.into_bits()), (Ok(Shst::Complete), 0b1001));
//! // All zeros is valid whatever the `?=>` fields: `new`, `Default`, `FromZeros`.
//! assert_eq!(Csts::new().shst(), Ok(Shst::Normal));
//! ```
//!
//! # Construction in `const`
//!
//! `try_from_bits` is a `const fn` for every bit field (reserved values and `as?` enums are
//! checked in `const`), and so are `from_bits`, `new`, `into_bits` and the setters. Where all
//! zeros is invalid, and so there is no `new`, a `const` is built from raw bits by matching
//! on `try_from_bits`; invalid bits then stop the build, at the `panic!`:
//!
//! ```
//! zerocast::bitfield! {
//!     /// x86 EFLAGS: bit 1 is reserved and always 1.
//!     pub struct Eflags(u32) {
//!         0 cf as bool;
//!         1 _ = 1;
//!         9 if_ as bool;
//!         13:12 iopl as u8;
//!         31:22 _ = 0;
//!     }
//! }
//!
//! const RESET: Eflags = match Eflags::try_from_bits(0x2) {
//!     Ok(f) => f,
//!     Err(_) => panic!("bit 1 of EFLAGS is always 1"),
//! };
//! const USER: Eflags = RESET.with_if_(true).with_iopl_const::<3>();
//! assert_eq!(USER.into_bits(), 0x3202);
//! // The error is inspected in `const` too.
//! const ZERO_FOUND: Option<u128> = match Eflags::try_from_bits(0) {
//!     Ok(_) => None,
//!     Err(e) => e.found(),
//! };
//! assert_eq!(ZERO_FOUND, Some(0));
//! ```
//!
//! ```compile_fail,E0080
//! # zerocast::bitfield! {
//! #     pub struct Eflags(u32) {
//! #         1 _ = 1;
//! #     }
//! # }
//! const ZERO: Eflags = match Eflags::try_from_bits(0) {
//!     Ok(f) => f,
//!     Err(_) => panic!("bit 1 of EFLAGS is always 1"),
//! };
//! # fn main() { let _ = ZERO; }
//! ```
//!
//! # Errors
//!
//! A validation failure ([`try_from_bits`], [`TryFromBytes`](crate::TryFromBytes)) is an
//! [`InvalidBits`](crate::InvalidBits) naming the bitfield, the field (`reserved 15:15` for a `_ = V` range), the
//! value found in the field's bits, and the storage's byte offset. When several lines are
//! invalid, the first in declaration order is reported. The getter of a `?=>` field whose bits
//! are no variant returns the same error, at offset 0 (the bit field's own). A value too wide
//! for a field in `try_with_x` is a [`FieldRangeError`].
//!
//! These are compile errors, each pointing at the offending field: overlapping ranges; a range
//! past the storage's width; `hi < lo`; an integer type narrower than its range; a `bool` wider
//! than one bit; an enum whose largest discriminant does not fit in its range; an `as` enum
//! without a variant for every value of its range (use `as?` or `?=>`); a field type with no
//! mapping (not `bool`, an unsigned integer or a `BitEnum`); a `?=>` field whose type is no
//! `BitEnum` (`bool` and the integers have a value for every pattern: use `as`); a name
//! followed by anything but `as`, `as?` or `?=>`; a reserved value that does not fit.
//!
#![cfg_attr(feature = "derive", doc = "[`try_from_bits`]: crate::bitfield!")]
#![cfg_attr(not(feature = "derive"), doc = "[`try_from_bits`]: self#syntax")]

use core::fmt;

mod bounded;
mod traits;
mod valid;
pub use bounded::Bounded;
#[doc(hidden)]
pub use bounded::BoundedValue;
#[doc(hidden)]
pub use traits::{FieldType, Storage};

/// An enum stored in a range of bits by [`bitfield!`](mod@crate::bitfield); derive it with
/// `#[derive(BitEnum)]`.
///
/// The derive accepts enums without fields; discriminants are read as `u128` (`E::A as u128`),
/// so a negative one needs all 128 bits and fits in no range.
///
/// # Examples
///
/// ```
/// use zerocast::bitfield::BitEnum;
///
/// #[derive(zerocast::BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
/// enum Mode { Off = 0, On = 1, Auto = 5 }
///
/// assert_eq!(Mode::BITS, 3);
/// assert_eq!(Mode::VARIANTS, 3);
/// assert_eq!(Mode::from_bits(5), Some(Mode::Auto));
/// assert_eq!(Mode::from_bits(2), None);
/// assert_eq!(Mode::On.into_bits(), 1);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `BitEnum`",
    label = "not a `BitEnum`",
    note = "derive it on a fieldless enum: `#[derive(zerocast::BitEnum)]`"
)]
pub trait BitEnum: Copy + Sized + 'static {
    /// The number of bits needed for the largest discriminant.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::bitfield::BitEnum;
    ///
    /// #[derive(zerocast::BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
    /// enum Mode { Off = 0, On = 1, Auto = 5 }
    ///
    /// assert_eq!(Mode::BITS, 3); // 5 is 0b101
    /// ```
    const BITS: u32;
    /// The number of variants (discriminants are distinct).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::bitfield::BitEnum;
    ///
    /// #[derive(zerocast::BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
    /// enum Mode { Off = 0, On = 1, Auto = 5 }
    ///
    /// assert_eq!(Mode::VARIANTS, 3);
    /// ```
    const VARIANTS: u128;
    /// The variant whose discriminant is `bits`, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::bitfield::BitEnum;
    ///
    /// #[derive(zerocast::BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
    /// enum Mode { Off = 0, On = 1, Auto = 5 }
    ///
    /// assert_eq!(Mode::from_bits(1), Some(Mode::On));
    /// assert_eq!(Mode::from_bits(2), None);
    /// ```
    fn from_bits(bits: u128) -> Option<Self>;
    /// The discriminant of `self`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::bitfield::BitEnum;
    ///
    /// #[derive(zerocast::BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
    /// enum Mode { Off = 0, On = 1, Auto = 5 }
    ///
    /// assert_eq!(Mode::Auto.into_bits(), 5);
    /// assert_eq!(Mode::from_bits(Mode::On.into_bits()), Some(Mode::On));
    /// ```
    fn into_bits(self) -> u128;
    /// The variant whose discriminant is `bits`, or another one if none is (`bits` comes from
    /// a validated bit field, where it is always one).
    #[doc(hidden)]
    fn __from_valid_bits(bits: u128) -> Self;
    /// The enum's name in a validation error: its module path and name.
    #[doc(hidden)]
    const __ZC_NAME: &'static str;
    /// Every discriminant, for the `const` validation (trait functions cannot be called in
    /// `const`, associated constants can).
    #[doc(hidden)]
    const __ZC_DISCRIMINANTS: &'static [u128];
}

pub use crate::marker::ZeroVariant;

/// A value too wide for a field of a [`bitfield!`](mod@crate::bitfield), from its `try_with_x`
/// setter.
///
/// # Examples
///
/// ```
/// zerocast::bitfield! {
///     pub struct Ctrl(u8) {
///         2:0 level as u8;
///     }
/// }
/// let e = Ctrl::new().try_with_level(9).unwrap_err();
/// assert_eq!((e.container(), e.field(), e.value(), e.width()), ("Ctrl", "level", 9, 3));
/// assert_eq!(e.to_string(), "9 does not fit in the 3 bits of field `level` of `Ctrl` (at most 7)");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldRangeError {
    container: &'static str,
    field: &'static str,
    value: u128,
    width: u32,
}

impl FieldRangeError {
    /// `value` does not fit in the `width` bits of field `field` of `container`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::bitfield::FieldRangeError;
    /// let e = FieldRangeError::new("Ctrl", "level", 9, 3);
    /// assert_eq!(e.value(), 9);
    /// ```
    #[must_use]
    #[inline]
    pub const fn new(
        container: &'static str,
        field: &'static str,
        value: u128,
        width: u32,
    ) -> FieldRangeError {
        FieldRangeError {
            container,
            field,
            value,
            width,
        }
    }

    /// The bit field type's name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use zerocast::bitfield::FieldRangeError;
    /// assert_eq!(FieldRangeError::new("Ctrl", "level", 9, 3).container(), "Ctrl");
    /// ```
    #[must_use]
    pub const fn container(&self) -> &'static str {
        self.container
    }

    /// The field's name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use zerocast::bitfield::FieldRangeError;
    /// assert_eq!(FieldRangeError::new("Ctrl", "level", 9, 3).field(), "level");
    /// ```
    #[must_use]
    pub const fn field(&self) -> &'static str {
        self.field
    }

    /// The value that did not fit.
    ///
    /// # Examples
    ///
    /// ```
    /// # use zerocast::bitfield::FieldRangeError;
    /// assert_eq!(FieldRangeError::new("Ctrl", "level", 9, 3).value(), 9);
    /// ```
    #[must_use]
    pub const fn value(&self) -> u128 {
        self.value
    }

    /// The field's width in bits.
    ///
    /// # Examples
    ///
    /// ```
    /// # use zerocast::bitfield::FieldRangeError;
    /// assert_eq!(FieldRangeError::new("Ctrl", "level", 9, 3).width(), 3);
    /// ```
    #[must_use]
    pub const fn width(&self) -> u32 {
        self.width
    }
}

impl fmt::Display for FieldRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = if self.width >= 128 {
            u128::MAX
        } else {
            (1u128 << self.width) - 1
        };
        write!(
            f,
            "{} does not fit in the {} bits of field `{}` of `{}` (at most {max})",
            self.value, self.width, self.field, self.container
        )
    }
}

impl core::error::Error for FieldRangeError {}

/// Helpers the generated code calls; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use super::traits::Via;
    pub use crate::error::InvalidBits;

    /// The error for a field's `bits` that are not a valid `T`, at byte `offset`.
    #[cold]
    #[inline(never)]
    pub fn invalid<T>(
        offset: usize,
        bits: u128,
        container: &'static str,
        field: &'static str,
    ) -> InvalidBits {
        InvalidBits::new::<T>(offset, Some(bits)).in_field(container, field)
    }

    /// The error for a field's `bits` that are not a valid value of the type named
    /// `type_name` (`<T as FieldType>::__ZC_NAME`), at byte `offset`; `const`.
    #[cold]
    #[inline(never)]
    pub const fn invalid_named(
        offset: usize,
        bits: u128,
        type_name: &'static str,
        container: &'static str,
        field: &'static str,
    ) -> InvalidBits {
        InvalidBits::in_named_field(offset, type_name, bits, (container, field))
    }

    pub use super::valid::Validity;
}
