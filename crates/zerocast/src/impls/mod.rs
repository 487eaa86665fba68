// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits' implementations for core and alloc types, each argued from the Reference or the
//! standard library's documented layout guarantees.

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

// The modules come after the macros above, which they use.
mod arrays_tuples;
mod atomics;
mod pointers;
mod primitives;
mod wrappers;
