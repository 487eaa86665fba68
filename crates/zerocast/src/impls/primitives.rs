// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits for integers, floats, `bool`, `char`, `()`, `str` and the `NonZero` integers.

use core::num::{
    NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU128,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8, NonZeroUsize,
};
use core::ptr;

use crate::byte_rule::ByteRule;
use crate::error::InvalidBits;
use crate::layout::DstLayout;
use crate::{
    Candidate, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned,
};

// ---- Integers and floats ----------------------------------------------------------------

macro_rules! numbers {
    ($($ty:ty),*) => {
        known_layout_sized!($([] $ty),*);
        try_from_bytes_any!($([] $ty),*);
        markers!(
            "Integers and floats: every bit pattern is a value (floats: some are NaN), there is no \
             padding and no interior mutability (Reference, 'Numeric types')."
            : Immutable, FromZeros, FromBytes, IntoBytes
            for $([] $ty),*
        );
    };
}
numbers!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64);

markers!(
    "`u8` and `i8` are one byte, so their alignment is 1 (Reference, 'Numeric types')."
    : Unaligned for [] u8, [] i8
);

// ---- bool, char, () ------------------------------------------------------------------------

known_layout_sized!([] bool, [] char, [] ());
markers!(
    "`bool` is one byte, 0 or 1 (Reference, 'Boolean type'): zero is `false`, every byte is \
     initialized, alignment is 1, no interior mutability."
    : Immutable, FromZeros, IntoBytes, Unaligned for [] bool
);
markers!(
    "`char` is a `u32` holding a Unicode scalar value (Reference, 'Textual types'): zero is \
     `'\\0'`, every byte is initialized, no interior mutability."
    : Immutable, FromZeros, IntoBytes for [] char
);
markers!(
    "`()` has size 0 and alignment 1: no bytes, so nothing to validate or initialize."
    : Immutable, FromZeros, FromBytes, IntoBytes, Unaligned for [] ()
);
try_from_bytes_any!([]());

// SAFETY: accepts only the bytes 0 and 1, the only valid `bool`s; the rule says the same.
unsafe impl TryFromBytes for bool {
    const BYTE_RULE: ByteRule = ByteRule::byte_values(&[0, 1]);
    #[inline(always)]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        match candidate.array::<1>() {
            Some([0 | 1]) => Ok(()),
            other => Err(candidate.invalid(other.map(|[b]| u128::from(b)))),
        }
    }
}

// SAFETY: accepts only 4 bytes whose native-endian `u32` is a Unicode scalar value, the only
// valid `char`s (`char::from_u32` checks exactly that).
unsafe impl TryFromBytes for char {
    #[inline(always)]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        match candidate.array::<4>().map(u32::from_ne_bytes) {
            Some(v) if char::from_u32(v).is_some() => Ok(()),
            other => Err(candidate.invalid(other.map(u128::from))),
        }
    }
}

// ---- str -----------------------------------------------------------------------------------

// SAFETY: `str` has the layout of `[u8]` (Reference, 'Textual types'): the layout of a byte
// slice, with the element count (byte length) as metadata. The pointer built from a byte slice
// pointer by an `as` cast keeps address, provenance and length.
unsafe impl KnownLayout for str {
    type PointerMetadata = usize;
    const LAYOUT: DstLayout = DstLayout::for_slice::<u8>();
    #[inline(always)]
    fn ptr_from_parts(bytes: *mut u8, len: usize) -> *mut Self {
        ptr::slice_from_raw_parts_mut(bytes, len) as *mut str
    }
    #[inline(always)]
    fn pointer_to_metadata(ptr: *mut Self) -> usize {
        (ptr as *mut [u8]).len()
    }
}
markers!(
    "`str` is UTF-8 bytes (Reference, 'Textual types'): zero bytes are valid UTF-8 (NUL \
     characters), every byte is initialized, alignment is 1, no interior mutability."
    : Immutable, FromZeros, IntoBytes, Unaligned for [] str
);

// SAFETY: accepts only valid UTF-8, which is what a `str` must hold.
unsafe impl TryFromBytes for str {
    #[inline]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        match core::str::from_utf8(candidate.bytes()) {
            Ok(_) => Ok(()),
            Err(e) => Err(InvalidBits::new::<str>(
                candidate.offset() + e.valid_up_to(),
                None,
            )),
        }
    }
}

// ---- NonZero and Option<NonZero> -----------------------------------------------------------

macro_rules! nonzero {
    ($($nz:ty => $int:ty),*) => {$(
        known_layout_sized!([] $nz);
        markers!(
            "`NonZero*` has the layout of its integer (std docs), so it has no padding and no \
             interior mutability."
            : Immutable, IntoBytes for [] $nz
        );
        markers!(
            "`Option<NonZero*>` has the layout of its integer, with `None` as 0 (std docs, \
             'Option representation'): every bit pattern is a value."
            : FromZeros, FromBytes, IntoBytes for [] Option<$nz>
        );
        try_from_bytes_any!([] Option<$nz>);

        // SAFETY: accepts only `size_of::<$int>()` bytes that are not all zero: the valid
        // values of a `NonZero*`, which has the layout of its integer. The rule (one-byte
        // types only) accepts the bytes 1..=255.
        unsafe impl TryFromBytes for $nz {
            const BYTE_RULE: ByteRule = if size_of::<$int>() == 1 {
                ByteRule::byte_range(1, u8::MAX)
            } else {
                ByteRule::NONE
            };
            #[inline(always)]
            fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
                match candidate.array::<{ size_of::<$int>() }>() {
                    Some(a) if <$int>::from_ne_bytes(a) != 0 => Ok(()),
                    _ => Err(candidate.invalid(Some(0))),
                }
            }
        }
    )*};
}
nonzero!(
    NonZeroU8 => u8, NonZeroU16 => u16, NonZeroU32 => u32, NonZeroU64 => u64,
    NonZeroU128 => u128, NonZeroUsize => usize, NonZeroI8 => i8, NonZeroI16 => i16,
    NonZeroI32 => i32, NonZeroI64 => i64, NonZeroI128 => i128, NonZeroIsize => isize
);
markers!(
    "One-byte `NonZero*` types and their `Option`s have alignment 1."
    : Unaligned for [] NonZeroU8, [] NonZeroI8, [] Option<NonZeroU8>, [] Option<NonZeroI8>
);
