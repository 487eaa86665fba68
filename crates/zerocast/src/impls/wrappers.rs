// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits for wrappers with their contents' layout: `PhantomData`, `Wrapping`,
//! `ManuallyDrop`, `MaybeUninit`, the cells, `Unalign` and the byte-order numbers (unaligned and
//! aligned).

use core::cell::{Cell, UnsafeCell};
use core::cmp::Reverse;
use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit};
use core::num::{Saturating, Wrapping};

use crate::byte_rule::ByteRule;
use crate::error::InvalidBits;
use crate::layout::DstLayout;
use crate::{
    Candidate, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned,
};

// ---- Transparent wrappers ------------------------------------------------------------------

known_layout_sized!(
    [T: ?Sized] PhantomData<T>,
    [T] Wrapping<T>,
    [T] Saturating<T>,
    [T] Reverse<T>,
    [T] MaybeUninit<T>,
    [T] Cell<T>,
    [T] UnsafeCell<T>
);
markers!(
    "`PhantomData` has size 0 and alignment 1 (std docs): no bytes at all."
    : Immutable, FromZeros, FromBytes, IntoBytes, Unaligned for [T: ?Sized] PhantomData<T>
);
try_from_bytes_any!([T: ?Sized] PhantomData<T>);

macro_rules! transparent {
    ($($w:ident),*) => {$(
        markers!(
            "`Wrapping`, `Saturating` and `Reverse` are `repr(transparent)` \
             over `T` (std docs): same layout and validity, so they have each property `T` has."
            : Immutable for [T: Immutable] $w<T>
        );
        markers!("As above." : FromZeros for [T: FromZeros] $w<T>);
        markers!("As above." : FromBytes for [T: FromBytes] $w<T>);
        markers!("As above." : IntoBytes for [T: IntoBytes] $w<T>);
        markers!("As above." : Unaligned for [T: Unaligned] $w<T>);

        // SAFETY: `$w<T>` is `repr(transparent)` over `T`: its bytes are valid iff they are a
        // valid `T`, so `T`'s rule is its rule too.
        unsafe impl<T: TryFromBytes> TryFromBytes for $w<T> {
            #[inline(always)]
            fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
                T::validate(candidate.retype())
            }
            const BYTE_RULE: ByteRule = T::BYTE_RULE;
        }
    )*};
}
transparent!(Wrapping, Saturating, Reverse);

// SAFETY: `ManuallyDrop<T>` has the same layout and bit validity as `T` (std docs), slice-tailed
// `T` included (it is `repr(transparent)` and `T: ?Sized`): `T`'s layout and metadata are its
// own. The `as` casts between `*mut T` and `*mut ManuallyDrop<T>` keep address, provenance and
// metadata (both have `T` as their unsized tail).
unsafe impl<T: ?Sized + KnownLayout> KnownLayout for ManuallyDrop<T> {
    type PointerMetadata = T::PointerMetadata;
    const LAYOUT: DstLayout = T::LAYOUT;
    #[inline(always)]
    fn ptr_from_parts(bytes: *mut u8, meta: T::PointerMetadata) -> *mut Self {
        T::ptr_from_parts(bytes, meta) as *mut Self
    }
    #[inline(always)]
    fn pointer_to_metadata(ptr: *mut Self) -> T::PointerMetadata {
        T::pointer_to_metadata(ptr as *mut T)
    }
}
markers!(
    "`ManuallyDrop<T>` has the same layout and bit validity as `T` (std docs), for unsized `T` \
     too: it has each property `T` has."
    : Immutable for [T: ?Sized + Immutable] ManuallyDrop<T>
);
markers!("As above." : FromZeros for [T: ?Sized + FromZeros] ManuallyDrop<T>);
markers!("As above." : FromBytes for [T: ?Sized + FromBytes] ManuallyDrop<T>);
markers!("As above." : IntoBytes for [T: ?Sized + IntoBytes] ManuallyDrop<T>);
markers!("As above." : Unaligned for [T: ?Sized + Unaligned] ManuallyDrop<T>);

// SAFETY: `ManuallyDrop<T>` has the bit validity of `T` (std docs): its bytes are valid iff they
// are a valid `T` with the same metadata, so `T`'s check and rule are its own.
unsafe impl<T: ?Sized + TryFromBytes> TryFromBytes for ManuallyDrop<T> {
    #[inline(always)]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        T::validate(candidate.retype())
    }
    const BYTE_RULE: ByteRule = T::BYTE_RULE;
}

markers!(
    "`MaybeUninit<T>` has the layout of `T` and any bytes, even uninitialized ones, are valid \
     (std docs); it is never `IntoBytes`, since its bytes may be uninitialized."
    : FromZeros, FromBytes for [T] MaybeUninit<T>
);
markers!("As above; it holds a `T`, so it is as immutable as `T`." : Immutable for [T: Immutable] MaybeUninit<T>);
markers!("As above; same alignment as `T`." : Unaligned for [T: Unaligned] MaybeUninit<T>);
try_from_bytes_any!([T] MaybeUninit<T>);

markers!(
    "`UnsafeCell<T>` and `Cell<T>` have the layout and validity of `T` (std docs), so they \
     have each property `T` has, except `Immutable`: changing their contents through a shared \
     reference is their purpose."
    : FromZeros for [T: FromZeros] UnsafeCell<T>, [T: FromZeros] Cell<T>
);
markers!("As above." : FromBytes for [T: FromBytes] UnsafeCell<T>, [T: FromBytes] Cell<T>);
markers!("As above." : IntoBytes for [T: IntoBytes] UnsafeCell<T>, [T: IntoBytes] Cell<T>);
markers!("As above." : Unaligned for [T: Unaligned] UnsafeCell<T>, [T: Unaligned] Cell<T>);

// SAFETY: `UnsafeCell<T>` has the same validity as `T` (so `T`'s rule too). Candidates are byte copies or
// exclusively borrowed bytes, so reading them cannot race with a write through the cell.
unsafe impl<T: TryFromBytes> TryFromBytes for UnsafeCell<T> {
    #[inline(always)]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        T::validate(candidate.retype())
    }
    const BYTE_RULE: ByteRule = T::BYTE_RULE;
}
// SAFETY: `Cell<T>` is `repr(transparent)` over `UnsafeCell<T>`; as above.
unsafe impl<T: TryFromBytes> TryFromBytes for Cell<T> {
    #[inline(always)]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        T::validate(candidate.retype())
    }
    const BYTE_RULE: ByteRule = T::BYTE_RULE;
}

// ---- Unalign -------------------------------------------------------------------------------

known_layout_sized!([T] crate::Unalign<T>);
markers!(
    "`Unalign<T>` is `repr(C, packed)` around one `T`: the bytes and validity of `T` with \
     alignment 1 (Reference, 'The `packed` modifier'), and no padding a `T` would not have."
    : Unaligned for [T] crate::Unalign<T>
);
markers!("As above." : Immutable for [T: Immutable] crate::Unalign<T>);
markers!("As above." : FromZeros for [T: FromZeros] crate::Unalign<T>);
markers!("As above." : FromBytes for [T: FromBytes] crate::Unalign<T>);
markers!("As above." : IntoBytes for [T: IntoBytes] crate::Unalign<T>);

// SAFETY: `Unalign<T>` has the bytes and validity of `T`: valid iff they are a valid `T`
// (so `T`'s rule is its rule too).
unsafe impl<T: TryFromBytes> TryFromBytes for crate::Unalign<T> {
    #[inline(always)]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        T::validate(candidate.retype())
    }
    const BYTE_RULE: ByteRule = T::BYTE_RULE;
}

// ---- Byte-order numbers ------------------------------------------------------------------

macro_rules! byteorder_types {
    ($($name:ident),*) => {
        known_layout_sized!($([O] crate::byteorder::$name<O>),*);
        markers!(
            "The `byteorder` types are `repr(transparent)` around a `[u8; N]` and a \
             `PhantomData<O>` (size 0, alignment 1): they have exactly the layout and validity \
             of `[u8; N]` (Reference, 'The `transparent` representation'): every byte pattern \
             is a value, no padding, alignment 1, no interior mutability, whatever `O` is."
            : Immutable, FromZeros, FromBytes, IntoBytes, Unaligned
            for $([O] crate::byteorder::$name<O>),*
        );
        try_from_bytes_any!($([O] crate::byteorder::$name<O>),*);
    };
}
byteorder_types!(U16, U32, U64, U128, Usize, I16, I32, I64, I128, Isize, F32, F64);

/// The aligned byte-order integers, each `repr(transparent)` over its native integer.
macro_rules! aligned_byteorder_types {
    ($($name:ident),*) => {
        known_layout_sized!($([] crate::byteorder::$name),*);
        markers!(
            "The aligned `byteorder` types (`Le16`..`Be64`) are `repr(transparent)` around one \
             `u16`, `u32` or `u64`: exactly its layout and validity (Reference, 'The \
             `transparent` representation'): every bit pattern is a value, no padding, no \
             interior mutability. Not `Unaligned`: their alignment is the integer's."
            : Immutable, FromZeros, FromBytes, IntoBytes
            for $([] crate::byteorder::$name),*
        );
        try_from_bytes_any!($([] crate::byteorder::$name),*);
    };
}
aligned_byteorder_types!(Le16, Le32, Le64, Be16, Be32, Be64);
