// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`KnownLayout`]: the size and alignment of a type, sized or slice-tailed, known to the library.
//!
//! Every conversion first asks where a value of the destination type would sit in the source
//! bytes. That question is answered here, by safe arithmetic on a type's [`DstLayout`]; the
//! pointer casts that act on the answer live in the crate's `cast` module.

use core::fmt::Debug;
use core::ptr::NonNull;

mod dst_layout;
mod locate;

pub use self::dst_layout::{DstLayout, SizeInfo};
pub(crate) use self::locate::{locate, locate_unaligned, Located, Misfit, Part};

/// Types whose size and alignment the library knows, including slices and slice-tailed types.
///
/// For a [`Sized`] type this is just its size and alignment; for `[T]`, `str` and structs
/// whose last field is one of those (slice-tailed structs, or dynamically sized types) it is a
/// fixed prefix plus a number of elements. Every conversion method on
/// [`FromBytes`](crate::FromBytes) and [`TryFromBytes`](crate::TryFromBytes) needs it to find
/// where a value sits in the bytes.
///
/// Derive it with `#[derive(KnownLayout)]`. A slice-tailed struct needs `#[repr(C)]` (or
/// `#[repr(transparent)]`); a last field whose type is itself a slice-tailed struct is marked
/// `#[zerocast(dst)]`, since its name does not say it is dynamically sized.
///
/// # Examples
///
/// ```
/// use zerocast::KnownLayout;
///
/// #[derive(KnownLayout)]
/// #[repr(C)]
/// struct Pair {
///     a: u32,
///     b: u16,
/// }
///
/// assert_eq!(Pair::size_for_metadata(()), Some(8));
/// assert_eq!(<[u16]>::size_for_metadata(5), Some(10));
/// ```
///
/// A header followed by a payload of any length, viewed in place:
///
/// ```
/// use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout};
///
/// #[derive(FromBytes, IntoBytes, KnownLayout, Immutable)]
/// #[repr(C)]
/// struct Datagram {
///     port: [u8; 2],
///     len: u8,
///     payload: [u8],
/// }
///
/// #[derive(FromBytes, KnownLayout, Immutable)]
/// #[repr(C)]
/// struct Frame {
///     kind: u8,
///     #[zerocast(dst)]
///     datagram: Datagram,
/// }
///
/// let bytes = [1, 0x1F, 0x90, 2, b'h', b'i'];
/// let frame = Frame::ref_from_bytes(&bytes).unwrap();
/// assert_eq!(frame.datagram.port, [0x1F, 0x90]);
/// assert_eq!(&frame.datagram.payload, b"hi");
/// assert_eq!(Frame::size_for_metadata(2), Some(6));
/// ```
///
/// # Safety
///
/// *Implementers* promise that:
/// - `LAYOUT` describes `Self` exactly: for a sized type, `LAYOUT.size_info()` is
///   `SizeInfo::Sized { size }` with `size == size_of::<Self>()`, and `LAYOUT.align()` is
///   `align_of::<Self>()`; for a slice-tailed type, a value with `n` trailing elements has
///   `size_of_val` equal to `LAYOUT.size_for_elems(n)` and alignment `LAYOUT.align()`;
/// - `PointerMetadata` is `()` for sized types and `usize` (the element count) for slice-tailed
///   types;
/// - `ptr_from_parts(p, m)` returns a pointer with the same address and provenance as `p` whose
///   metadata is `m`, and `pointer_to_metadata` returns the metadata of its argument.
///
/// *Callers* may rely on those facts to compute sizes and to build pointers before reading or
/// writing through them. The derive checks them; there is no reason to implement this by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `KnownLayout`",
    note = "add `#[derive(zerocast::KnownLayout)]` to `{Self}`"
)]
pub unsafe trait KnownLayout {
    /// The checks derived code runs, reached through this trait so that a
    /// `#[zerocast(crate = ..)]` path cannot replace them (see [`DeriveChecks`]).
    ///
    /// [`DeriveChecks`]: crate::checks::DeriveChecks
    #[doc(hidden)]
    const __ZC_CHECKS: crate::checks::DeriveChecks<crate::checks::for_trait::TheKnownLayout> =
        crate::checks::DeriveChecks::new();

    /// zerocopy's hidden marker method: its derives define it, and so must its traits'
    /// hand-written impls (`kvm-bindings` has such impls). Here it has an empty default, so
    /// that those impls, moved over, compile; nothing calls it.
    #[doc(hidden)]
    #[inline(always)]
    fn only_derive_is_allowed_to_implement_this_trait()
    where
        Self: Sized,
    {
    }

    /// `()` for sized types; `usize`, the number of trailing elements, for slice-tailed types.
    type PointerMetadata: PointerMetadata;

    /// The layout of `Self`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{DstLayout, KnownLayout, SizeInfo};
    ///
    /// assert_eq!(u32::LAYOUT, DstLayout::for_sized::<u32>());
    /// assert_eq!(str::LAYOUT.size_info(), SizeInfo::SliceDst { offset: 0, elem_size: 1 });
    /// ```
    const LAYOUT: DstLayout;

    /// Builds a raw pointer to `Self` from a pointer to its first byte and its metadata.
    ///
    /// The result has the address and provenance of `bytes`; nothing is read or written. This
    /// is the method implementations provide (an `as` cast, for a slice-tailed struct);
    /// [`raw_from_ptr_len`](Self::raw_from_ptr_len) is its non-null form.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::KnownLayout;
    ///
    /// let mut bytes = [0u8; 6];
    /// let start = bytes.as_mut_ptr();
    /// let p: *mut [u16] = <[u16]>::ptr_from_parts(start, 3);
    /// assert_eq!((p.cast::<u8>(), p.len()), (start, 3));
    /// ```
    fn ptr_from_parts(bytes: *mut u8, meta: Self::PointerMetadata) -> *mut Self;

    /// Builds a pointer to `Self` from a pointer to its first byte and its metadata.
    ///
    /// The result has the address and provenance of `bytes`; nothing is read or written.
    ///
    /// # Examples
    ///
    /// ```
    /// use core::ptr::NonNull;
    /// use zerocast::KnownLayout;
    ///
    /// let mut bytes = [0u8; 8];
    /// let start = NonNull::from(&mut bytes).cast::<u8>();
    /// let p = <[u32]>::raw_from_ptr_len(start, 2);
    /// assert_eq!((p.cast::<u8>(), p.len()), (start, 2));
    /// ```
    #[inline(always)]
    fn raw_from_ptr_len(bytes: NonNull<u8>, meta: Self::PointerMetadata) -> NonNull<Self> {
        let raw = Self::ptr_from_parts(bytes.as_ptr(), meta);
        // `new_unchecked` needs a non-null pointer. Implementers promise (the trait's
        // `# Safety` section) that `ptr_from_parts` returns a pointer with the address of its
        // argument, here `bytes`, which is non-null (a `NonNull`).
        // SAFETY: `raw` is non-null, for the reason above.
        unsafe { NonNull::new_unchecked(raw) }
    }

    /// The metadata (element count, or `()`) of a pointer to `Self`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::KnownLayout;
    ///
    /// let mut words = [0u16; 3];
    /// assert_eq!(<[u16]>::pointer_to_metadata(&mut words[..] as *mut [u16]), 3);
    /// assert_eq!(u64::pointer_to_metadata(&mut 7u64 as *mut u64), ());
    /// ```
    fn pointer_to_metadata(ptr: *mut Self) -> Self::PointerMetadata;

    /// The size in bytes of a `Self` with this metadata, or `None` if it overflows `isize`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::KnownLayout;
    /// assert_eq!(<[u64]>::size_for_metadata(3), Some(24));
    /// assert_eq!(<[u64]>::size_for_metadata(usize::MAX), None);
    /// ```
    #[inline]
    fn size_for_metadata(meta: Self::PointerMetadata) -> Option<usize> {
        Self::LAYOUT.size_for_elems(meta.to_elem_count())
    }
}

/// The metadata of a pointer to a [`KnownLayout`] type: `()` or an element count (`usize`).
///
/// This trait is sealed: only `()` and `usize` implement it.
///
/// # Examples
///
/// ```
/// use zerocast::{KnownLayout, PointerMetadata};
///
/// fn elems<T: ?Sized + KnownLayout>(meta: T::PointerMetadata) -> usize {
///     meta.to_elem_count()
/// }
/// assert_eq!(elems::<[u8]>(5), 5);
/// assert_eq!(elems::<u8>(()), 0);
/// ```
pub trait PointerMetadata: Copy + Eq + Debug + sealed::Sealed {
    /// Metadata for `elems` trailing elements (ignored by `()`).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::PointerMetadata;
    ///
    /// assert_eq!(usize::from_elem_count(4), 4);
    /// assert_eq!(<()>::from_elem_count(4), ());
    /// ```
    fn from_elem_count(elems: usize) -> Self;
    /// The element count this metadata stands for (`0` for `()`).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::PointerMetadata;
    ///
    /// assert_eq!(4usize.to_elem_count(), 4);
    /// assert_eq!(().to_elem_count(), 0);
    /// ```
    fn to_elem_count(self) -> usize;
}

impl PointerMetadata for () {
    #[inline(always)]
    fn from_elem_count(_elems: usize) {}
    #[inline(always)]
    fn to_elem_count(self) -> usize {
        0
    }
}

impl PointerMetadata for usize {
    #[inline(always)]
    fn from_elem_count(elems: usize) -> usize {
        elems
    }
    #[inline(always)]
    fn to_elem_count(self) -> usize {
        self
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for () {}
    impl Sealed for usize {}
}
