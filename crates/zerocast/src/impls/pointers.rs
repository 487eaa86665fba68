// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits for pointers, references, function pointers and `Option`: a pointer's own bytes
//! are an address, so all-zero (null) is the only pattern made from bytes, and hold no
//! `UnsafeCell`.

use core::ptr::NonNull;

use crate::error::InvalidBits;
use crate::layout::DstLayout;
use crate::{Candidate, FromZeros, Immutable, KnownLayout, TryFromBytes};

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
