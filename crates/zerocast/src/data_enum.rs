// SPDX-License-Identifier: MIT OR Apache-2.0
//! The layout facts of an enum with fields, as the derives state them for its validator.
//!
//! `#[derive(TryFromBytes)]` on an enum whose variants carry fields must know each variant's
//! discriminant and where each field lies. The derive does not copy the user's discriminant
//! expressions or field types next to items it generates (a user name equal to a generated
//! one would then resolve to the generated item); it states them in impls of these traits on
//! the user's enum, written where the enum is, so that every user token resolves exactly as
//! in the enum itself. The field offsets, computed from a mirror of the layout that the
//! Reference defines, are stated the same way, and [`EnumLayout::SAME_LAYOUT`] makes the
//! compiler check the mirror against the enum.
//!
//! The traits are safe to implement and to call: a wrong impl written by hand conflicts with
//! the derived one, and the validator reads nothing but these facts and checked bytes.
//!
//! # Examples
//!
//! ```
//! use zerocast::data_enum::{ByTryFromBytes, EnumDiscriminant, EnumField};
//! use zerocast::TryFromBytes;
//!
//! #[derive(TryFromBytes)]
//! #[repr(u8)]
//! enum Msg {
//!     Ping = 7,
//!     Data(u16),
//! }
//!
//! assert_eq!(<Msg as EnumDiscriminant<ByTryFromBytes, u8, 0>>::VALUE, 7);
//! assert_eq!(<Msg as EnumDiscriminant<ByTryFromBytes, u8, 1>>::VALUE, 8);
//! assert_eq!(core::mem::size_of::<<Msg as EnumField<ByTryFromBytes, 1, 0>>::Type>(), 2);
//! ```

/// The derive that stated a fact: `#[derive(TryFromBytes)]` (or `FromZeros`, which brings the
/// `TryFromBytes` impl). Each derive states the facts it uses under its own marker, so that
/// deriving several traits on one enum does not state them twice.
///
/// # Examples
///
/// ```
/// use zerocast::data_enum::{ByIntoBytes, ByTryFromBytes, EnumLayout};
/// use zerocast::{IntoBytes, TryFromBytes};
///
/// #[derive(TryFromBytes, IntoBytes)]
/// #[repr(u8)]
/// enum Word { Byte(u8), Zero([u8; 1]) }
///
/// assert_eq!(<Word as EnumLayout<ByTryFromBytes>>::TAG_SIZE, 1);
/// assert_eq!(<Word as EnumLayout<ByIntoBytes>>::TAG_SIZE, 1);
/// ```
#[derive(Debug)]
pub enum ByTryFromBytes {}

/// The derive that stated a fact: `#[derive(IntoBytes)]`; see [`ByTryFromBytes`].
///
/// # Examples
///
/// ```
/// use zerocast::data_enum::{ByIntoBytes, EnumFieldOffset};
/// use zerocast::IntoBytes;
///
/// #[derive(IntoBytes)]
/// #[repr(u16)]
/// enum Word { A(u16), B([u8; 2]) }
///
/// assert_eq!(<Word as EnumFieldOffset<ByIntoBytes, 1, 0>>::OFFSET, 2);
/// ```
#[derive(Debug)]
pub enum ByIntoBytes {}

/// The discriminant of variant `V` (counted from 0 in declaration order), of the enum's
/// discriminant type `Int` (its integer `repr`, or `isize` for `repr(C)`).
///
/// # Examples
///
/// ```
/// use zerocast::data_enum::{ByTryFromBytes, EnumDiscriminant};
/// use zerocast::TryFromBytes;
///
/// #[derive(TryFromBytes)]
/// #[repr(C, i8)]
/// enum Op { Nop(u8) = -2, Load(u32) }
///
/// assert_eq!(<Op as EnumDiscriminant<ByTryFromBytes, i8, 1>>::VALUE, -1);
/// ```
pub trait EnumDiscriminant<D, Int, const V: usize> {
    /// The discriminant's value.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::data_enum::{ByTryFromBytes, EnumDiscriminant};
    /// use zerocast::TryFromBytes;
    ///
    /// #[derive(TryFromBytes)]
    /// #[repr(u8)]
    /// enum Op { Nop(u8) = 7, Load(u32) }
    ///
    /// assert_eq!(<Op as EnumDiscriminant<ByTryFromBytes, u8, 0>>::VALUE, 7);
    /// assert_eq!(<Op as EnumDiscriminant<ByTryFromBytes, u8, 1>>::VALUE, 8);
    /// ```
    const VALUE: Int;
}

/// The type of field `F` of variant `V`.
///
/// # Examples
///
/// ```
/// use zerocast::data_enum::{ByTryFromBytes, EnumField};
/// use zerocast::TryFromBytes;
///
/// #[derive(TryFromBytes)]
/// #[repr(u8)]
/// enum Shape { Dot, Line(u8, [u16; 2]) }
///
/// let len: <Shape as EnumField<ByTryFromBytes, 1, 1>>::Type = [3, 4];
/// assert_eq!(len, [3, 4]);
/// ```
pub trait EnumField<D, const V: usize, const F: usize> {
    /// The field's type, as written in the enum.
    type Type;
}

/// The offset in bytes, from the start of the enum, of field `F` of variant `V`.
///
/// # Examples
///
/// ```
/// use zerocast::data_enum::{ByTryFromBytes, EnumFieldOffset};
/// use zerocast::TryFromBytes;
///
/// #[derive(TryFromBytes)]
/// #[repr(u8)]
/// enum Shape { Dot, Line(u8, u16) }
///
/// // `repr(u8)`: each variant is a `repr(C)` struct of the tag and its fields.
/// assert_eq!(<Shape as EnumFieldOffset<ByTryFromBytes, 1, 0>>::OFFSET, 1);
/// assert_eq!(<Shape as EnumFieldOffset<ByTryFromBytes, 1, 1>>::OFFSET, 2);
/// ```
pub trait EnumFieldOffset<D, const V: usize, const F: usize> {
    /// The field's offset.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::data_enum::{ByTryFromBytes, EnumFieldOffset};
    /// use zerocast::TryFromBytes;
    ///
    /// #[derive(TryFromBytes)]
    /// #[repr(u8)]
    /// enum Shape { Dot, Line(u8, u16) }
    ///
    /// assert_eq!(<Shape as EnumFieldOffset<ByTryFromBytes, 1, 1>>::OFFSET, 2); // after the tag and a `u8`
    /// ```
    const OFFSET: usize;
}

/// The tag of an enum with fields, and the check that the derive's mirror of its layout is the
/// compiler's.
///
/// # Examples
///
/// ```
/// use zerocast::data_enum::{ByTryFromBytes, EnumLayout};
/// use zerocast::TryFromBytes;
///
/// #[derive(TryFromBytes)]
/// #[repr(C, u16)]
/// enum Cmd { Stop, Move(u32) }
///
/// assert_eq!(<Cmd as EnumLayout<ByTryFromBytes>>::TAG_SIZE, 2);
/// let () = <Cmd as EnumLayout<ByTryFromBytes>>::SAME_LAYOUT;
/// ```
pub trait EnumLayout<D> {
    /// The size of the tag, in bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::data_enum::{ByTryFromBytes, EnumLayout};
    /// use zerocast::TryFromBytes;
    ///
    /// #[derive(TryFromBytes)]
    /// #[repr(u32)]
    /// enum Cmd { Stop, Move(u8) }
    ///
    /// assert_eq!(<Cmd as EnumLayout<ByTryFromBytes>>::TAG_SIZE, 4);
    /// ```
    const TAG_SIZE: usize;
    /// Evaluates to `()` if the mirror has the enum's size and alignment; fails to compile
    /// otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::data_enum::{ByTryFromBytes, EnumLayout};
    /// use zerocast::TryFromBytes;
    ///
    /// #[derive(TryFromBytes)]
    /// #[repr(C, u16)]
    /// enum Cmd { Stop, Move(u32) }
    ///
    /// // Compiles, so the derive's mirror of `Cmd` has its size and alignment.
    /// let () = <Cmd as EnumLayout<ByTryFromBytes>>::SAME_LAYOUT;
    /// assert_eq!(<Cmd as EnumLayout<ByTryFromBytes>>::TAG_SIZE, 2);
    /// ```
    const SAME_LAYOUT: ();
}

/// The size in bytes of a `repr(C)` enum's tag whose discriminants are `values`: the smallest
/// integer that holds them all (unsigned if none is negative), but at least a C `int` as this
/// target's C compiler sizes an `enum` (rustc's rule for `repr(C)` enums).
///
/// # Examples
///
/// ```
/// use zerocast::data_enum::c_enum_tag_size;
///
/// #[repr(C)]
/// enum Small { A = 1, B = 2 }
/// #[repr(C)]
/// enum Wide { A = 0, B = 1 << 40 }
/// assert_eq!(c_enum_tag_size(&[1, 2]), core::mem::size_of::<Small>());
/// assert_eq!(c_enum_tag_size(&[0, 1 << 40]), core::mem::size_of::<Wide>());
/// ```
#[must_use]
pub const fn c_enum_tag_size(values: &[i128]) -> usize {
    /// A C `enum`'s minimum size on this target.
    #[repr(C)]
    #[allow(dead_code)]
    enum CEnum {
        Zero,
    }
    let (mut min, mut max) = (0i128, 0i128);
    let mut i = 0;
    while i < values.len() {
        let v = values[i];
        if v < min {
            min = v;
        }
        if v > max {
            max = v;
        }
        i += 1;
    }
    let mut size = size_of::<CEnum>();
    while size < 16 {
        let bits = 8 * size as u32;
        let fits = if min >= 0 {
            (max as u128) >> bits == 0
        } else {
            min >= -(1i128 << (bits - 1)) && max < (1i128 << (bits - 1))
        };
        if fits {
            break;
        }
        size *= 2;
    }
    size
}

/// The alignment of the unsigned integer of `size` bytes (1, 2, 4, 8 or 16), a tag's
/// alignment; 1 for any other size.
///
/// # Examples
///
/// ```
/// use zerocast::data_enum::int_align;
///
/// assert_eq!(int_align(4), core::mem::align_of::<u32>());
/// assert_eq!(int_align(16), core::mem::align_of::<u128>());
/// ```
#[must_use]
pub const fn int_align(size: usize) -> usize {
    match size {
        2 => align_of::<u16>(),
        4 => align_of::<u32>(),
        8 => align_of::<u64>(),
        16 => align_of::<u128>(),
        _ => 1,
    }
}

/// `value` truncated to its low `size` bytes, as a tag of that size reads zero-extended.
///
/// # Examples
///
/// ```
/// use zerocast::data_enum::tag_bits;
///
/// assert_eq!(tag_bits(-1, 4), 0xffff_ffff);
/// assert_eq!(tag_bits(5, 1), 5);
/// ```
#[must_use]
pub const fn tag_bits(value: i128, size: usize) -> u128 {
    if size >= 16 {
        value as u128
    } else {
        (value as u128) & ((1u128 << (8 * size)) - 1)
    }
}

/// `n` rounded up to a multiple of `align` (a power of two); `n` if that would overflow
/// (a layout that large does not exist).
///
/// # Examples
///
/// ```
/// use zerocast::data_enum::round_up;
///
/// assert_eq!(round_up(5, 4), 8);
/// assert_eq!(round_up(8, 4), 8);
/// ```
#[must_use]
pub const fn round_up(n: usize, align: usize) -> usize {
    let mask = align.wrapping_sub(1);
    match n.checked_add(mask) {
        Some(v) => v & !mask,
        None => n,
    }
}

/// The larger of `a` and `b`, in `const` code.
///
/// # Examples
///
/// ```
/// assert_eq!(zerocast::data_enum::max(3, 8), 8);
/// ```
#[must_use]
pub const fn max(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}
