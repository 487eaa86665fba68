// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits' implementations for core and alloc types, each argued from the Reference or the
//! standard library's documented layout guarantees.

use core::cell::{Cell, UnsafeCell};
use core::cmp::Reverse;
use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit};
use core::num::{
    NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU128,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8, NonZeroUsize, Saturating, Wrapping,
};
use core::ptr::{self, NonNull};

use crate::byte_rule::{validate_elems, ByteRule};
use crate::error::InvalidBits;
use crate::layout::DstLayout;
use crate::{
    Candidate, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned,
};

/// `KnownLayout` for sized types: `for_sized` is their exact layout, their metadata is `()`,
/// and a pointer `cast` keeps address and provenance.
macro_rules! known_layout_sized {
    ($([$($g:tt)*] $ty:ty),* $(,)?) => {$(
        // SAFETY: `Self` is sized; see the macro's documentation.
        unsafe impl<$($g)*> KnownLayout for $ty {
            type PointerMetadata = ();
            const LAYOUT: DstLayout = DstLayout::for_sized::<Self>();
            #[inline(always)]
            fn ptr_from_parts(bytes: *mut u8, _meta: ()) -> *mut Self {
                bytes.cast()
            }
            #[inline(always)]
            fn pointer_to_metadata(_ptr: *mut Self) {}
        }
    )*};
}

/// `TryFromBytes` with a check that always passes, for types that are also `FromBytes`.
macro_rules! try_from_bytes_any {
    ($([$($g:tt)*] $ty:ty),* $(,)?) => {$(
        // SAFETY: accepting every candidate is correct because every byte sequence of the right
        // size is a valid `Self`; each use of this macro is next to the `FromBytes` impl that
        // argues why.
        unsafe impl<$($g)*> TryFromBytes for $ty {
            #[inline(always)]
            fn validate(_: Candidate<'_, Self>) -> Result<(), InvalidBits> {
                Ok(())
            }
            const BYTE_RULE: ByteRule = ByteRule::from_bytes::<Self>();
        }
    )*};
}

/// Implements the listed marker traits (traits with no items), with the reason given.
macro_rules! markers {
    ($reason:literal: $($trait:ident),+ for $($rest:tt)*) => {
        markers!(@types $reason [$($trait),+] $($rest)*);
    };
    (@types $reason:literal $traits:tt $([$($g:tt)*] $ty:ty),* $(,)?) => {
        $( markers!(@traits $reason $traits [$($g)*] $ty); )*
    };
    (@traits $reason:literal [$trait:ident $(, $more:ident)*] $gen:tt $ty:ty) => {
        markers!(@impl $reason $trait $gen $ty);
        markers!(@traits $reason [$($more),*] $gen $ty);
    };
    (@traits $reason:literal [] $gen:tt $ty:ty) => {};
    (@impl $reason:literal $trait:ident [$($g:tt)*] $ty:ty) => {
        #[doc = $reason]
        // SAFETY: the attribute above states why this type meets the trait's contract.
        unsafe impl<$($g)*> $trait for $ty {}
    };
}

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

// ---- Arrays and slices ---------------------------------------------------------------------

known_layout_sized!([T, const N: usize] [T; N]);

// SAFETY: `[T]` has alignment `align_of::<T>()` and size `n * size_of::<T>()` (Reference,
// 'Slice types'), which is `DstLayout::for_slice::<T>()`; its metadata is its length;
// `slice_from_raw_parts` keeps address and provenance.
unsafe impl<T> KnownLayout for [T] {
    type PointerMetadata = usize;
    const LAYOUT: DstLayout = DstLayout::for_slice::<T>();
    #[inline(always)]
    fn ptr_from_parts(bytes: *mut u8, len: usize) -> *mut Self {
        ptr::slice_from_raw_parts_mut(bytes.cast::<T>(), len)
    }
    #[inline(always)]
    fn pointer_to_metadata(ptr: *mut Self) -> usize {
        ptr.len()
    }
}

markers!(
    "Arrays and slices are their elements back to back with no padding between them \
     (Reference, 'Array and slice layout'): they have each property their element has."
    : Immutable for [T: Immutable, const N: usize] [T; N], [T: Immutable] [T]
);
markers!("As above." : FromZeros for [T: FromZeros, const N: usize] [T; N], [T: FromZeros] [T]);
markers!("As above." : FromBytes for [T: FromBytes, const N: usize] [T; N], [T: FromBytes] [T]);
markers!("As above." : IntoBytes for [T: IntoBytes, const N: usize] [T; N], [T: IntoBytes] [T]);
markers!("As above." : Unaligned for [T: Unaligned, const N: usize] [T; N], [T: Unaligned] [T]);

// SAFETY: an array is valid iff each of its `N` elements is (Reference, 'Array and slice
// layout'); each is validated at its offset `i * size_of::<T>()`. The rule is `T`'s, `N`
// times over.
unsafe impl<T: TryFromBytes, const N: usize> TryFromBytes for [T; N] {
    const BYTE_RULE: ByteRule = ByteRule::repeat::<T>(N);
    #[inline]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        validate_elems::<T>(candidate.retype(), N)
    }
}

// SAFETY: a slice is valid iff each element is; a candidate for `[T]` is a whole number of
// elements (its length is a size of `[T]`), each validated at its offset. For a zero-sized `T`
// the count cannot be told from the bytes (any count has zero bytes), so one element is
// checked whatever the count: every element has the same (empty) bytes, so this accepts a
// slice only if all its elements are valid (it may reject an empty slice of an uninhabited
// type, which is allowed: a validator may reject valid values, never accept invalid ones).
unsafe impl<T: TryFromBytes> TryFromBytes for [T] {
    #[inline]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        let count = match size_of::<T>() {
            0 => 1,
            size => candidate.bytes().len() / size,
        };
        validate_elems::<T>(candidate, count)
    }
}

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

// ---- Pointers: zero (null) only -----------------------------------------------------------

/// `TryFromBytes` accepting only all-zero bytes, for types whose only value that may be made
/// from bytes is the null pointer (`None`, for `Option` of a non-null pointer).
macro_rules! zeros_only {
    ($reason:literal: $([$($g:tt)*] $ty:ty),* $(,)?) => {
        markers!($reason : FromZeros for $([$($g)*] $ty),*);
        $(
            // SAFETY: all-zero bytes are a valid `Self` (see the `FromZeros` reason above), and
            // they are the only bytes accepted: a pointer's provenance cannot come from bytes.
            unsafe impl<$($g)*> TryFromBytes for $ty {
                #[inline]
                fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
                    if candidate.is_all_zeros() { Ok(()) } else { Err(candidate.invalid(None)) }
                }
            }
        )*
    };
}

zeros_only!(
    "`Option<&T>`, `Option<&mut T>` and `Option<NonNull<T>>` for sized `T` are one pointer \
     with `None` as all zeros (std docs, 'Option representation'); raw pointers are null when \
     zero. A pointer's own bytes hold no `UnsafeCell`."
    : [T] *const T, [T] *mut T, [T] Option<NonNull<T>>,
      ['a, T] Option<&'a T>, ['a, T] Option<&'a mut T>
);
// References, as in zerocopy: a reference's own bytes are an address (and metadata for an
// unsized pointee); they hold no `UnsafeCell`, whatever the pointee holds. They are not
// recommended in diagnostics, so an error about a type of the user's own is not answered
// with "consider borrowing here" where rustc can avoid it. `Option<&T>` is `Immutable`
// through `Option<T: Immutable>`.
macro_rules! references {
    ($($ty:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        // SAFETY: `Self` is a reference, which is sized (a thin or wide pointer), so its layout
        // is its `size_of`/`align_of` and a pointer to it has no metadata.
        unsafe impl<'a, T: ?Sized> KnownLayout for $ty {
            type PointerMetadata = ();
            const LAYOUT: DstLayout = DstLayout::for_sized::<Self>();
            #[inline(always)]
            fn ptr_from_parts(bytes: *mut u8, _meta: ()) -> *mut Self {
                bytes.cast()
            }
            #[inline(always)]
            fn pointer_to_metadata(_ptr: *mut Self) {}
        }
        #[diagnostic::do_not_recommend]
        // SAFETY: the bytes of a reference are its address and metadata, never an
        // `UnsafeCell`; `Immutable` is about the value's own bytes, not the pointee's.
        unsafe impl<'a, T: ?Sized> Immutable for $ty {}
    )*};
}
references!(&'a T, &'a mut T);
known_layout_sized!([T] *const T, [T] *mut T, [T] Option<T>);
markers!(
    "A pointer's own bytes are an address (and, for a slice-tailed or `dyn` pointee, its \
     metadata): they hold no `UnsafeCell`, whatever the pointee holds. `Immutable` is about \
     the bytes of the value, not what it points to."
    : Immutable for [T] *const T, [T] *mut T, [T: ?Sized] NonNull<T>
);
markers!(
    "`Option<T>` is a `T` or nothing, plus a discriminant if it needs one (std docs, 'Option'; \
     it is not `#[non_exhaustive]`): the only `UnsafeCell` it can hold is one in the `T`."
    : Immutable for [T: Immutable] Option<T>
);

#[cfg(feature = "alloc")]
zeros_only!(
    "`Option<Box<T>>` for sized `T` is one pointer with `None` as all zeros (std docs, \
     'Option representation')."
    : [T] Option<alloc::boxed::Box<T>>
);
#[cfg(feature = "alloc")]
markers!(
    "For sized `T`, a `Box<T>` is one pointer (std docs, 'Memory layout' of `alloc::boxed`): \
     its bytes are an address, with no `UnsafeCell`, whatever the `T` it owns holds."
    : Immutable for [T] alloc::boxed::Box<T>
);

macro_rules! fn_pointers {
    ($($arg:ident),*) => {
        known_layout_sized!(
            [R, $($arg),*] fn($($arg),*) -> R,
            [R, $($arg),*] unsafe fn($($arg),*) -> R,
            [R, $($arg),*] extern "C" fn($($arg),*) -> R,
            [R, $($arg),*] unsafe extern "C" fn($($arg),*) -> R
        );
        markers!(
            "A function pointer's bytes are an address, with no `UnsafeCell`."
            : Immutable for
            [R, $($arg),*] fn($($arg),*) -> R,
            [R, $($arg),*] unsafe fn($($arg),*) -> R,
            [R, $($arg),*] extern "C" fn($($arg),*) -> R,
            [R, $($arg),*] unsafe extern "C" fn($($arg),*) -> R
        );
        zeros_only!(
            "`Option` of a function pointer is one pointer with `None` as all zeros (std docs, \
             'Option representation'), with no `UnsafeCell`."
            : [R, $($arg),*] Option<fn($($arg),*) -> R>,
              [R, $($arg),*] Option<unsafe fn($($arg),*) -> R>,
              [R, $($arg),*] Option<extern "C" fn($($arg),*) -> R>,
              [R, $($arg),*] Option<unsafe extern "C" fn($($arg),*) -> R>
        );
    };
}
fn_pointers!();
fn_pointers!(A);
fn_pointers!(A, B);
fn_pointers!(A, B, C);
fn_pointers!(A, B, C, D);
fn_pointers!(A, B, C, D, E);
fn_pointers!(A, B, C, D, E, F);
fn_pointers!(A, B, C, D, E, F, G);
fn_pointers!(A, B, C, D, E, F, G, H);
fn_pointers!(A, B, C, D, E, F, G, H, I);
fn_pointers!(A, B, C, D, E, F, G, H, I, J);
fn_pointers!(A, B, C, D, E, F, G, H, I, J, K);
fn_pointers!(A, B, C, D, E, F, G, H, I, J, K, L);

// ---- Tuples --------------------------------------------------------------------------------

macro_rules! tuples {
    ($(($($t:ident . $i:tt),+))*) => {$(
        known_layout_sized!([$($t),+] ($($t,)+));
        markers!(
            "A tuple holds its fields and padding only (Reference, 'Tuple layout'): it is \
             immutable if they are, zero-valid if they are, and any bytes are valid if any are \
             for each field (padding may hold anything). Its layout is unspecified, so it is \
             never `IntoBytes`."
            : Immutable for [$($t: Immutable),+] ($($t,)+)
        );
        markers!("As above." : FromZeros for [$($t: FromZeros),+] ($($t,)+));
        markers!("As above." : FromBytes for [$($t: FromBytes),+] ($($t,)+));

        // SAFETY: a tuple is valid iff each field is; each is validated at the offset the
        // compiler reports for it (`offset_of!`), with its own size.
        unsafe impl<$($t: TryFromBytes),+> TryFromBytes for ($($t,)+) {
            #[inline]
            fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
                $( candidate.validate_field::<$t>(
                    core::mem::offset_of!(Self, $i),
                    core::any::type_name::<Self>(),
                    stringify!($i),
                )?; )+
                Ok(())
            }
        }
    )*};
}
tuples! {
    (A.0)
    (A.0, B.1)
    (A.0, B.1, C.2)
    (A.0, B.1, C.2, D.3)
    (A.0, B.1, C.2, D.3, E.4)
    (A.0, B.1, C.2, D.3, E.4, F.5)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20, V.21)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20, V.21, W.22)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20, V.21, W.22, X.23)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20, V.21, W.22, X.23, Y.24)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20, V.21, W.22, X.23, Y.24, Z.25)
}

// ---- Atomics -------------------------------------------------------------------------------

macro_rules! atomics {
    ($($(#[$cfg:meta])* $atomic:ident => $int:ty),*) => {$(
        $(#[$cfg])*
        const _: () = {
            use core::sync::atomic::$atomic;
            known_layout_sized!([] $atomic);
            markers!(
                "Atomic integers have the size and bit validity of their integer (std docs); \
                 they are not `Immutable`, since they change through shared references."
                : FromZeros, FromBytes, IntoBytes for [] $atomic
            );
            try_from_bytes_any!([] $atomic);
        };
    )*};
}
atomics!(
    #[cfg(target_has_atomic = "8")] AtomicU8 => u8,
    #[cfg(target_has_atomic = "8")] AtomicI8 => i8,
    #[cfg(target_has_atomic = "16")] AtomicU16 => u16,
    #[cfg(target_has_atomic = "16")] AtomicI16 => i16,
    #[cfg(target_has_atomic = "32")] AtomicU32 => u32,
    #[cfg(target_has_atomic = "32")] AtomicI32 => i32,
    #[cfg(target_has_atomic = "64")] AtomicU64 => u64,
    #[cfg(target_has_atomic = "64")] AtomicI64 => i64,
    #[cfg(target_has_atomic = "ptr")] AtomicUsize => usize,
    #[cfg(target_has_atomic = "ptr")] AtomicIsize => isize
);

#[cfg(target_has_atomic = "8")]
const _: () = {
    use core::sync::atomic::AtomicBool;
    known_layout_sized!([] AtomicBool);
    markers!(
        "`AtomicBool` has the size, alignment and bit validity of `bool` (std docs)."
        : FromZeros, IntoBytes, Unaligned for [] AtomicBool
    );
    markers!(
        "`AtomicU8` and `AtomicI8` have alignment 1 (std docs)."
        : Unaligned for [] core::sync::atomic::AtomicU8, [] core::sync::atomic::AtomicI8
    );

    // SAFETY: `AtomicBool` has the bit validity of `bool` (so `bool`'s rule too).
    unsafe impl TryFromBytes for AtomicBool {
        #[inline(always)]
        fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
            bool::validate(candidate.retype())
        }
        const BYTE_RULE: ByteRule = bool::BYTE_RULE;
    }
};

#[cfg(target_has_atomic = "ptr")]
const _: () = {
    use core::sync::atomic::AtomicPtr;
    known_layout_sized!([T] AtomicPtr<T>);
    markers!(
        "`AtomicPtr<T>` has the layout of `*mut T` (std docs): null when zero."
        : FromZeros for [T] AtomicPtr<T>
    );

    // SAFETY: all-zero bytes are a null `AtomicPtr`, and they are the only bytes accepted.
    unsafe impl<T> TryFromBytes for AtomicPtr<T> {
        #[inline]
        fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
            if candidate.is_all_zeros() {
                Ok(())
            } else {
                Err(candidate.invalid(None))
            }
        }
    }
};

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
