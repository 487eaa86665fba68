// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`KnownLayout`]: the size and alignment of a type, sized or slice-tailed, known to the library.
//!
//! Every conversion first asks where a value of the destination type would sit in the source
//! bytes. That question is answered here, by safe arithmetic on a type's [`DstLayout`]; the
//! pointer casts that act on the answer live in the crate's `cast` module.

use core::fmt::Debug;
use core::ptr::NonNull;

use crate::error::{AlignmentError, ConvertError, SizeError, SizeNeeded};

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
        // SAFETY: `new_unchecked` needs a non-null pointer. Implementers promise (the trait's
        // `# Safety` section) that `ptr_from_parts` returns a pointer with the address of its
        // argument, here `bytes`, which is non-null.
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

/// How the size of a [`KnownLayout`] type is determined.
///
/// # Examples
///
/// ```
/// use zerocast::{KnownLayout, SizeInfo};
///
/// #[derive(KnownLayout)]
/// #[repr(C)]
/// struct Msg {
///     len: u16,
///     data: [u8],
/// }
///
/// assert_eq!(u16::LAYOUT.size_info(), SizeInfo::Sized { size: 2 });
/// assert_eq!(Msg::LAYOUT.size_info(), SizeInfo::SliceDst { offset: 2, elem_size: 1 });
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SizeInfo {
    /// A sized type of exactly `size` bytes.
    Sized {
        /// `size_of::<T>()`.
        size: usize,
    },
    /// A type made of `offset` bytes followed by any number of `elem_size`-byte elements,
    /// padded at the end to the type's alignment.
    SliceDst {
        /// Where the trailing slice starts.
        offset: usize,
        /// The size of one trailing element.
        elem_size: usize,
    },
}

/// The layout of a [`KnownLayout`] type: its alignment and how its size is determined.
///
/// # Invariants
///
/// `align` is a power of two; for `SizeInfo::Sized { size }`, `size` is a multiple of `align`;
/// every size this layout produces is at most `isize::MAX`.
///
/// # Examples
///
/// ```
/// use zerocast::{DstLayout, KnownLayout};
///
/// #[derive(KnownLayout)]
/// #[repr(C)]
/// struct Msg {
///     len: u16,
///     data: [u8],
/// }
///
/// let layout: DstLayout = Msg::LAYOUT;
/// assert_eq!((layout.align(), layout.is_sized()), (2, false));
/// assert_eq!(layout.size_for_elems(3), Some(6)); // 2 + 3, padded to a multiple of 2
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DstLayout {
    align: usize,
    size_info: SizeInfo,
}

impl DstLayout {
    /// The layout of the sized type `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{DstLayout, SizeInfo};
    ///
    /// let layout = DstLayout::for_sized::<[u32; 3]>();
    /// assert_eq!(layout.align(), 4);
    /// assert_eq!(layout.size_info(), SizeInfo::Sized { size: 12 });
    /// ```
    #[must_use]
    pub const fn for_sized<T>() -> DstLayout {
        // INVARIANT: the compiler guarantees `align_of` is a power of two and that `size_of` is a
        // multiple of it, and no type is larger than `isize::MAX`.
        DstLayout {
            align: align_of::<T>(),
            size_info: SizeInfo::Sized {
                size: size_of::<T>(),
            },
        }
    }

    /// The layout of the slice type `[T]`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{DstLayout, SizeInfo};
    ///
    /// let layout = DstLayout::for_slice::<u32>();
    /// assert_eq!(layout.size_info(), SizeInfo::SliceDst { offset: 0, elem_size: 4 });
    /// assert_eq!(layout.size_for_elems(3), Some(12));
    /// ```
    #[must_use]
    pub const fn for_slice<T>() -> DstLayout {
        // INVARIANT: a slice has its element's alignment; sizes are checked against `isize::MAX`
        // by `size_for_elems`.
        DstLayout {
            align: align_of::<T>(),
            size_info: SizeInfo::SliceDst {
                offset: 0,
                elem_size: size_of::<T>(),
            },
        }
    }

    /// The alignment, in bytes: a power of two.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::DstLayout;
    ///
    /// assert_eq!(DstLayout::for_sized::<u64>().align(), core::mem::align_of::<u64>());
    /// assert_eq!(DstLayout::for_slice::<u8>().align(), 1);
    /// ```
    #[must_use]
    pub const fn align(&self) -> usize {
        self.align
    }

    /// How the size is determined.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{DstLayout, SizeInfo};
    ///
    /// assert_eq!(DstLayout::for_sized::<u16>().size_info(), SizeInfo::Sized { size: 2 });
    /// ```
    #[must_use]
    pub const fn size_info(&self) -> SizeInfo {
        self.size_info
    }

    /// `true` for sized types.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::DstLayout;
    ///
    /// assert!(DstLayout::for_sized::<[u8; 4]>().is_sized());
    /// assert!(!DstLayout::for_slice::<u8>().is_sized());
    /// ```
    #[must_use]
    pub const fn is_sized(&self) -> bool {
        matches!(self.size_info, SizeInfo::Sized { .. })
    }

    /// The size of a value with `elems` trailing elements (ignored for sized types), or `None`
    /// if that size would exceed `isize::MAX`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::DstLayout;
    ///
    /// assert_eq!(DstLayout::for_sized::<u32>().size_for_elems(9), Some(4)); // sized: ignored
    /// assert_eq!(DstLayout::for_slice::<u32>().size_for_elems(9), Some(36));
    /// assert_eq!(DstLayout::for_slice::<u32>().size_for_elems(usize::MAX / 2), None);
    /// ```
    #[must_use]
    #[inline]
    pub const fn size_for_elems(&self, elems: usize) -> Option<usize> {
        match self.size_info {
            SizeInfo::Sized { size } => Some(size),
            SizeInfo::SliceDst { offset, elem_size } => {
                let Some(tail) = elems.checked_mul(elem_size) else {
                    return None;
                };
                let Some(unpadded) = offset.checked_add(tail) else {
                    return None;
                };
                let Some(size) = round_up(unpadded, self.align) else {
                    return None;
                };
                if size > isize::MAX as usize {
                    return None;
                }
                Some(size)
            }
        }
    }
}

impl DstLayout {
    /// The bytes before the trailing elements: the whole size of a sized type, the offset of
    /// the trailing slice of a slice-tailed one.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::DstLayout;
    /// assert_eq!(DstLayout::for_sized::<u64>().fixed_size(), 8);
    /// assert_eq!(DstLayout::for_slice::<u64>().fixed_size(), 0);
    /// ```
    #[must_use]
    pub const fn fixed_size(&self) -> usize {
        match self.size_info {
            SizeInfo::Sized { size } => size,
            SizeInfo::SliceDst { offset, .. } => offset,
        }
    }

    /// Where the last field of a `repr(C)` struct starts, if the fields before it end at
    /// `fields_end` and the last field has the layout `tail`; `packed` is the `N` of
    /// `repr(packed(N))`, or 0.
    ///
    /// This is the `repr(C)` rule (Reference, 'The C Representation'): a field starts at the
    /// end of the one before it, rounded up to its alignment (capped at `N` when packed).
    /// The derives use it for a dynamically sized last field, whose offset `offset_of!`
    /// cannot give.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::DstLayout;
    /// // `#[repr(C)] struct S { a: u8, tail: [u32] }`: the tail starts at 4.
    /// assert_eq!(DstLayout::repr_c_tail_offset(1, DstLayout::for_slice::<u32>(), 0), 4);
    /// // With `repr(C, packed)`, at 1.
    /// assert_eq!(DstLayout::repr_c_tail_offset(1, DstLayout::for_slice::<u32>(), 1), 1);
    /// ```
    ///
    /// # Panics
    ///
    /// At compile time, when used in a `const` as the derives do, if the offset overflows
    /// `usize`, which no real type's fields can cause.
    #[must_use]
    pub const fn repr_c_tail_offset(fields_end: usize, tail: DstLayout, packed: usize) -> usize {
        let align = if packed != 0 && packed < tail.align {
            packed
        } else {
            tail.align
        };
        match round_up(fields_end, align) {
            Some(offset) => offset,
            // PANIC: a type's fields end within `isize::MAX`; rounding up to a power of two
            // no larger than `isize::MAX` stays within `usize`.
            None => panic!("field offset overflows usize"),
        }
    }

    /// The layout of a `repr(C)` struct whose fields before the last end at `fields_end` and
    /// have the alignments `field_aligns`, whose last field has the layout `tail`, and which
    /// has `repr(align(align))` and `repr(packed(packed))` (0 for none).
    ///
    /// A sized `tail` gives a sized layout, a slice-tailed `tail` a slice-tailed one: this is
    /// how `#[derive(KnownLayout)]` describes a struct whose last field is `[T]` or another
    /// slice-tailed struct.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{DstLayout, SizeInfo};
    /// // `#[repr(C)] struct Msg { len: u16, kind: u8, body: [u32] }`
    /// let l = DstLayout::repr_c_with_tail(3, &[2, 1], DstLayout::for_slice::<u32>(), 0, 0);
    /// assert_eq!(l.align(), 4);
    /// assert_eq!(l.size_info(), SizeInfo::SliceDst { offset: 4, elem_size: 4 });
    /// assert_eq!(l.size_for_elems(2), Some(12));
    /// ```
    ///
    /// # Panics
    ///
    /// At compile time, when used in a `const` as the derives do, if a size overflows, which
    /// no real type's fields can cause.
    #[must_use]
    pub const fn repr_c_with_tail(
        fields_end: usize,
        field_aligns: &[usize],
        tail: DstLayout,
        align: usize,
        packed: usize,
    ) -> DstLayout {
        let tail_offset = DstLayout::repr_c_tail_offset(fields_end, tail, packed);
        let mut max = tail.align;
        let mut i = 0;
        while i < field_aligns.len() {
            if field_aligns[i] > max {
                max = field_aligns[i];
            }
            i += 1;
        }
        if align > max {
            max = align;
        }
        if packed != 0 && packed < max {
            max = packed;
        }
        // INVARIANT: `max` is the largest of powers of two (alignments, `align(N)`) or the
        // power of two `packed(N)`, so a power of two; sizes are checked below.
        let size_info = match tail.size_info {
            SizeInfo::Sized { size } => match tail_offset.checked_add(size) {
                Some(end) => match round_up(end, max) {
                    Some(size) if size <= isize::MAX as usize => SizeInfo::Sized { size },
                    // PANIC: as documented; evaluated at compile time by the derives.
                    _ => panic!("struct size overflows isize"),
                },
                None => panic!("struct size overflows isize"),
            },
            SizeInfo::SliceDst { offset, elem_size } => match tail_offset.checked_add(offset) {
                Some(offset) if offset <= isize::MAX as usize => {
                    SizeInfo::SliceDst { offset, elem_size }
                }
                // PANIC: as documented; evaluated at compile time by the derives.
                _ => panic!("struct size overflows isize"),
            },
        };
        DstLayout {
            align: max,
            size_info,
        }
    }
}

/// Rounds `n` up to a multiple of `align` (a power of two), or `None` on overflow.
const fn round_up(n: usize, align: usize) -> Option<usize> {
    match n.checked_add(align - 1) {
        Some(m) => Some(m & !(align - 1)),
        None => None,
    }
}

/// Which part of the source a conversion takes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// All of it: the value must be exactly as long as the source.
    Whole,
    /// The start: the value is followed by the rest of the source.
    Prefix,
    /// The end: the value is preceded by the rest of the source.
    Suffix,
}

/// Where a value sits in a source of bytes, as found by [`locate`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Located {
    /// The value's first byte, as an offset into the source.
    pub(crate) start: usize,
    /// The value's size in bytes; `start + size <= source length`.
    pub(crate) size: usize,
    /// The value's trailing element count (0 for sized types).
    pub(crate) elems: usize,
}

/// Why [`locate`] found no place for the value.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Misfit {
    /// The value would start at `offset` into the source, which is not suitably aligned.
    Alignment { offset: usize },
    /// The source has the wrong length.
    Size(SizeNeeded),
}

impl Misfit {
    /// The error for `src` (`len` bytes at `base`), in which no `T` fits, holding `src` back.
    #[cold]
    pub(crate) fn into_error<S, T: ?Sized + KnownLayout, V>(
        self,
        src: S,
        base: *const u8,
        len: usize,
    ) -> ConvertError<AlignmentError<S, T>, SizeError<S, T>, V> {
        match self {
            Misfit::Alignment { offset } => {
                let addr = base.addr().wrapping_add(offset);
                ConvertError::Alignment(AlignmentError::new(src, offset, addr, T::LAYOUT.align()))
            }
            Misfit::Size(needed) => ConvertError::Size(SizeError::new(src, len, needed)),
        }
    }
}

/// Finds where a value of `layout` sits in `len` bytes starting at `base`, taking `part` of
/// them, with `elems` trailing elements if given (else as many as fit). With `aligned`, the
/// value must be aligned; without it (for copies), alignment is not checked.
///
/// This is safe arithmetic only. On success `start + size <= len`, `size` is
/// `layout.size_for_elems(elems)`, and, if `aligned`, `base + start` is aligned to
/// `layout.align()`.
///
/// Alignment is judged by `align_offset`, not by address arithmetic, so that Miri's symbolic
/// alignment check (which knows an allocation's real alignment guarantee) agrees with it.
#[inline(always)]
pub(crate) fn locate(
    layout: DstLayout,
    base: *const u8,
    len: usize,
    part: Part,
    elems: Option<usize>,
    aligned: bool,
) -> Result<Located, Misfit> {
    let align = layout.align;
    let misaligned = |offset: usize| aligned && base.wrapping_add(offset).align_offset(align) != 0;

    // Whole and prefix conversions start at the source's first byte: check alignment before size,
    // as a misaligned source can never succeed whatever its length.
    if part != Part::Suffix && misaligned(0) {
        return Err(Misfit::Alignment { offset: 0 });
    }
    let loc = locate_unaligned(layout, len, part, elems).map_err(Misfit::Size)?;
    if part == Part::Suffix && misaligned(loc.start) {
        return Err(Misfit::Alignment { offset: loc.start });
    }
    Ok(loc)
}

/// [`locate`] without the alignment check, for copies: its only failure is size, so a caller
/// has no impossible alignment arm to handle.
///
/// Safe arithmetic only. On success `start + size <= len` and `size` is
/// `layout.size_for_elems(elems)`.
#[inline(always)]
pub(crate) fn locate_unaligned(
    layout: DstLayout,
    len: usize,
    part: Part,
    elems: Option<usize>,
) -> Result<Located, SizeNeeded> {
    let align = layout.align;
    let (size, elem_count) = match (layout.size_info, elems) {
        (SizeInfo::Sized { size }, _) => {
            if size > len || (part == Part::Whole && size != len) {
                return Err(match part {
                    Part::Whole => SizeNeeded::Exactly(size),
                    _ => SizeNeeded::AtLeast(size),
                });
            }
            (size, 0)
        }
        (SizeInfo::SliceDst { .. }, Some(n)) => {
            let Some(size) = layout.size_for_elems(n) else {
                return Err(SizeNeeded::Overflow { elems: n });
            };
            if size > len || (part == Part::Whole && size != len) {
                return Err(match part {
                    Part::Whole => SizeNeeded::Exactly(size),
                    _ => SizeNeeded::AtLeast(size),
                });
            }
            (size, n)
        }
        (SizeInfo::SliceDst { offset, elem_size }, None) => {
            let shape = SizeNeeded::Elements {
                offset,
                elem_size,
                align,
            };
            // The largest value that fits: its padded size is a multiple of `align`, so it must
            // fit in `len` rounded down to `align`.
            let room = len & !(align - 1);
            if room < offset {
                return Err(shape);
            }
            // Callers reject zero-sized elements at compile time (the count would be
            // unbounded); count none here so this function stays total.
            let n = (room - offset).checked_div(elem_size).unwrap_or(0);
            let Some(size) = layout.size_for_elems(n) else {
                return Err(shape);
            };
            if part == Part::Whole && size != len {
                return Err(shape);
            }
            (size, n)
        }
    };

    let start = if part == Part::Suffix { len - size } else { 0 };
    Ok(Located {
        start,
        size,
        elems: elem_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(addr: usize) -> *const u8 {
        core::ptr::without_provenance(addr)
    }

    #[test]
    fn sized_layout() {
        let l = DstLayout::for_sized::<u32>();
        assert_eq!(l.align(), 4);
        assert_eq!(l.size_for_elems(7), Some(4));
        assert!(l.is_sized());
    }

    #[test]
    fn slice_layout_sizes_and_overflow() {
        let l = DstLayout::for_slice::<u16>();
        assert_eq!(l.size_for_elems(0), Some(0));
        assert_eq!(l.size_for_elems(3), Some(6));
        assert_eq!(l.size_for_elems(usize::MAX / 2), None);
        assert_eq!(l.size_for_elems(isize::MAX as usize / 2 + 1), None);
    }

    #[test]
    fn locate_unaligned_reports_size_only() {
        let l = DstLayout::for_sized::<u32>();
        let ok = locate_unaligned(l, 10, Part::Suffix, None).unwrap();
        assert_eq!((ok.start, ok.size), (6, 4));
        assert_eq!(
            locate_unaligned(l, 3, Part::Prefix, None).unwrap_err(),
            SizeNeeded::AtLeast(4)
        );
        assert_eq!(
            locate_unaligned(l, 5, Part::Whole, None).unwrap_err(),
            SizeNeeded::Exactly(4)
        );
        let s = DstLayout::for_slice::<u16>();
        assert_eq!(
            locate_unaligned(s, 8, Part::Prefix, Some(usize::MAX)).unwrap_err(),
            SizeNeeded::Overflow { elems: usize::MAX }
        );
        // The same answers as `locate` without the alignment check, at any address.
        for part in [Part::Whole, Part::Prefix, Part::Suffix] {
            assert_eq!(
                locate(s, at(1), 7, part, None, false).ok(),
                locate_unaligned(s, 7, part, None).ok()
            );
        }
    }

    #[test]
    fn locate_sized() {
        let ok = locate(
            DstLayout::for_sized::<u32>(),
            at(8),
            10,
            Part::Prefix,
            None,
            true,
        )
        .unwrap();
        assert_eq!((ok.start, ok.size), (0, 4));
        let ok = locate(
            DstLayout::for_sized::<u32>(),
            at(8),
            10,
            Part::Suffix,
            None,
            false,
        )
        .unwrap();
        assert_eq!((ok.start, ok.size), (6, 4));
        assert_eq!(
            locate(
                DstLayout::for_sized::<u32>(),
                at(8),
                10,
                Part::Suffix,
                None,
                true
            )
            .unwrap_err(),
            Misfit::Alignment { offset: 6 }
        );
        assert_eq!(
            locate(
                DstLayout::for_sized::<u32>(),
                at(9),
                4,
                Part::Whole,
                None,
                true
            )
            .unwrap_err(),
            Misfit::Alignment { offset: 0 }
        );
        assert_eq!(
            locate(
                DstLayout::for_sized::<u32>(),
                at(8),
                5,
                Part::Whole,
                None,
                true
            )
            .unwrap_err(),
            Misfit::Size(SizeNeeded::Exactly(4))
        );
        assert_eq!(
            locate(
                DstLayout::for_sized::<u32>(),
                at(8),
                3,
                Part::Prefix,
                None,
                true
            )
            .unwrap_err(),
            Misfit::Size(SizeNeeded::AtLeast(4))
        );
    }

    #[test]
    fn locate_slices() {
        let l = locate(
            DstLayout::for_slice::<u16>(),
            at(0),
            7,
            Part::Prefix,
            None,
            true,
        )
        .unwrap();
        assert_eq!((l.start, l.size, l.elems), (0, 6, 3));
        assert_eq!(
            locate(
                DstLayout::for_slice::<u16>(),
                at(0),
                7,
                Part::Whole,
                None,
                true
            )
            .unwrap_err(),
            Misfit::Size(SizeNeeded::Elements {
                offset: 0,
                elem_size: 2,
                align: 2
            })
        );
        let l = locate(
            DstLayout::for_slice::<u16>(),
            at(0),
            8,
            Part::Suffix,
            Some(2),
            true,
        )
        .unwrap();
        assert_eq!((l.start, l.size, l.elems), (4, 4, 2));
        assert_eq!(
            locate(
                DstLayout::for_slice::<u16>(),
                at(0),
                8,
                Part::Whole,
                Some(usize::MAX),
                true
            )
            .unwrap_err(),
            Misfit::Size(SizeNeeded::Overflow { elems: usize::MAX })
        );
    }
}
