// SPDX-License-Identifier: MIT OR Apache-2.0
//! Traits for types that hold a `[u8]`: the `B` of [`Ref<B, T>`](crate::Ref).
//!
//! A [`Ref`](crate::Ref) keeps its bytes in whatever the caller has: a `&[u8]`, a `&mut [u8]`,
//! a [`RefCell`](core::cell::RefCell) borrow, or (with the `bytes` feature) a refcounted
//! `bytes::Bytes` or `bytes::BytesMut`. These traits say what it may assume of that holder:
//! chiefly that it keeps pointing at the same bytes.
//!
//! | holder | [`ByteSlice`] | [`SplitByteSlice`] | [`CloneableByteSlice`] | [`CopyableByteSlice`] | [`IntoByteSlice`] | [`IntoByteSliceMut`] |
//! |---|---|---|---|---|---|---|
//! | `&[u8]` | yes | yes | yes | yes | yes | |
//! | `&mut [u8]` | yes | yes | | | yes | yes |
//! | `cell::Ref<'_, [u8]>` | yes | yes | | | | |
//! | `cell::RefMut<'_, [u8]>` | yes | yes | | | | |
//! | `bytes::Bytes` | yes | yes | yes | | | |
//! | `bytes::BytesMut` | yes | yes | | | | |
//!
//! [`ByteSliceMut`] and [`SplitByteSliceMut`] are shorthands, implemented for every holder that
//! is also [`DerefMut`].

use core::cell;
use core::ops::{Deref, DerefMut};

/// A holder of a byte slice that keeps pointing at the same bytes: `&[u8]`, `&mut [u8]`,
/// `RefCell` borrows, and (with the `bytes` feature) `bytes::Bytes` and `bytes::BytesMut`.
///
/// # Examples
///
/// ```
/// use zerocast::byte_slice::ByteSlice;
///
/// fn first<B: ByteSlice>(bytes: B) -> Option<u8> {
///     bytes.first().copied()
/// }
/// assert_eq!(first(&[7u8, 8][..]), Some(7));
/// assert_eq!(first(&mut [][..]), None);
/// ```
///
/// # Safety
///
/// *Implementers* promise that dereferencing is stable: for `b: B`, any two calls, each to
/// `b.deref()` or (if `B: DerefMut`) `b.deref_mut()`, return slices with the same address and
/// the same length. This must hold however `b` is moved in between, and whatever calls to the
/// methods of this module's traits (and of `Deref`/`DerefMut`) come in between; it need not
/// hold across any other use of `b` (an inherent `truncate`, say). No other value, on this
/// thread or another, may change that address or length either.
///
/// *Callers* may rely on that to check the bytes once (their length, their alignment) and then
/// use the result of any later dereference without checking again, as long as they touch `b`
/// only through these traits meanwhile.
pub unsafe trait ByteSlice: Deref<Target = [u8]> + Sized {}

/// A [`ByteSlice`] whose bytes can be written: a shorthand for `ByteSlice + DerefMut`.
///
/// # Examples
///
/// ```
/// use zerocast::byte_slice::ByteSliceMut;
///
/// fn zero_first<B: ByteSliceMut>(mut bytes: B) {
///     if let Some(b) = bytes.first_mut() {
///         *b = 0;
///     }
/// }
/// let mut buf = [5u8, 6];
/// zero_first(&mut buf[..]);
/// assert_eq!(buf, [0, 6]);
/// ```
pub trait ByteSliceMut: ByteSlice + DerefMut {}
impl<B: ByteSlice + DerefMut> ByteSliceMut for B {}

/// A [`ByteSlice`] whose copies point at the same bytes.
///
/// # Examples
///
/// ```
/// use zerocast::byte_slice::CopyableByteSlice;
///
/// fn twice<B: CopyableByteSlice>(bytes: B) -> (B, B) {
///     (bytes, bytes)
/// }
/// let (a, b) = twice(&[1u8][..]);
/// assert_eq!(a.as_ptr(), b.as_ptr());
/// ```
///
/// # Safety
///
/// *Implementers* promise that the stability [`ByteSlice`] requires holds across copies too: a
/// copy `c` of `b` dereferences to the same address and length as `b`.
///
/// *Callers* may rely on a copy of a checked holder being checked as well.
pub unsafe trait CopyableByteSlice: ByteSlice + Copy + CloneableByteSlice {}

/// A [`ByteSlice`] whose clones point at the same bytes.
///
/// # Examples
///
/// ```
/// use zerocast::byte_slice::CloneableByteSlice;
///
/// fn share<B: CloneableByteSlice>(bytes: &B) -> B {
///     bytes.clone()
/// }
/// let bytes = &[1u8, 2][..];
/// assert_eq!(share(&bytes).as_ptr(), bytes.as_ptr());
/// ```
///
/// # Safety
///
/// *Implementers* promise that the stability [`ByteSlice`] requires holds across clones too:
/// `b.clone()` (and clones of it, to any depth) dereferences to the same address and length as
/// `b`. A holder whose `clone` copies the bytes elsewhere (as `bytes::BytesMut`'s does) must
/// not implement this.
///
/// *Callers* may rely on a clone of a checked holder being checked as well.
pub unsafe trait CloneableByteSlice: ByteSlice + Clone {}

/// A [`ByteSlice`] that can be split in two holders of the same kind.
///
/// # Examples
///
/// ```
/// use zerocast::byte_slice::SplitByteSlice;
///
/// let (head, tail) = SplitByteSlice::split_at(&[1u8, 2, 3][..], 1).unwrap();
/// assert_eq!((head, tail), (&[1][..], &[2, 3][..]));
/// // Out of range: the holder comes back, nothing panics.
/// assert_eq!(SplitByteSlice::split_at(&[1u8][..], 2).unwrap_err(), &[1][..]);
/// ```
///
/// # Safety
///
/// *Implementers* promise that splitting is exact: if `b` dereferences to `len` bytes at `addr`
/// and `mid <= len`, then `b.split_at(mid)` returns `Ok` and both it and
/// `b.split_at_unchecked(mid)` return `(first, second)` where `first` dereferences to `mid`
/// bytes at `addr` and `second` to `len - mid` bytes at `addr + mid`.
///
/// *Callers* may rely on that to locate a value in `b`, split it off, and know where the parts
/// are without checking again.
pub unsafe trait SplitByteSlice: ByteSlice {
    /// Splits `self` into its first `mid` bytes and the rest, or hands `self` back if it has
    /// fewer than `mid` bytes.
    ///
    /// Call it as `SplitByteSlice::split_at(b, mid)` where `b` is a slice reference: method
    /// syntax finds the slice's own (panicking) `split_at` first.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::byte_slice::SplitByteSlice;
    ///
    /// let mut buf = [1u8, 2, 3];
    /// let (head, tail) = SplitByteSlice::split_at(&mut buf[..], 2).unwrap();
    /// head[0] = 9;
    /// assert_eq!(tail, &[3]);
    /// assert_eq!(buf, [9, 2, 3]);
    /// ```
    ///
    /// # Errors
    ///
    /// `Err(self)`, unchanged, if `mid` is greater than the length.
    #[inline]
    fn split_at(self, mid: usize) -> Result<(Self, Self), Self> {
        if mid > self.deref().len() {
            return Err(self);
        }
        // SAFETY: `split_at_unchecked` needs `mid <= self.deref().len()`: checked just above,
        // and the length cannot have changed since, `ByteSlice` promising that dereferencing
        // is stable (nothing but `deref` touched `self` in between).
        Ok(unsafe { self.split_at_unchecked(mid) })
    }

    /// Splits `self` into its first `mid` bytes and the rest, without checking `mid`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::byte_slice::SplitByteSlice;
    ///
    /// let bytes = &[1u8, 2, 3][..];
    /// assert!(bytes.len() >= 1);
    /// // SAFETY: `1 <= bytes.len()`, asserted above.
    /// let (head, tail) = unsafe { SplitByteSlice::split_at_unchecked(bytes, 1) };
    /// assert_eq!((head, tail), (&[1][..], &[2, 3][..]));
    /// ```
    ///
    /// # Panics
    ///
    /// An implementation may panic if `mid` is out of range (none of this crate's do); callers
    /// must not rely on it.
    ///
    /// # Safety
    ///
    /// `mid` must be at most `self.deref().len()`.
    #[must_use]
    unsafe fn split_at_unchecked(self, mid: usize) -> (Self, Self);
}

/// A [`SplitByteSlice`] whose bytes can be written: a shorthand for
/// `SplitByteSlice + ByteSliceMut`.
///
/// # Examples
///
/// ```
/// use zerocast::byte_slice::SplitByteSliceMut;
///
/// fn clear_head<B: SplitByteSliceMut>(bytes: B, n: usize) -> Result<B, B> {
///     let (mut head, tail) = bytes.split_at(n)?;
///     head.fill(0);
///     Ok(tail)
/// }
/// let mut buf = [1u8, 2, 3];
/// assert_eq!(clear_head(&mut buf[..], 2).unwrap(), &[3]);
/// assert_eq!(buf, [0, 0, 3]);
/// ```
pub trait SplitByteSliceMut: SplitByteSlice + ByteSliceMut {}
impl<B: SplitByteSlice + ByteSliceMut> SplitByteSliceMut for B {}

/// A [`ByteSlice`] that owns nothing, and so can become a plain `&'a [u8]`.
///
/// A `RefCell` borrow cannot: its bytes are borrowed only while it lives.
///
/// # Examples
///
/// ```
/// use zerocast::byte_slice::IntoByteSlice;
///
/// fn plain<'a, B: IntoByteSlice<'a>>(bytes: B) -> &'a [u8] {
///     bytes.into_byte_slice()
/// }
/// let buf = [1u8, 2];
/// assert_eq!(plain(&buf[..]), &[1, 2]);
/// ```
///
/// # Safety
///
/// *Implementers* promise that `into_byte_slice` returns a slice with the address and length
/// that `deref` returns, valid for `'a`.
///
/// *Callers* may rely on that slice being the one they checked through `deref`.
pub unsafe trait IntoByteSlice<'a>: ByteSlice {
    /// The held bytes as a `&'a [u8]`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::byte_slice::IntoByteSlice;
    /// let mut buf = [3u8];
    /// let shared: &[u8] = (&mut buf[..]).into_byte_slice();
    /// assert_eq!(shared, &[3]);
    /// ```
    fn into_byte_slice(self) -> &'a [u8];
}

/// A [`ByteSliceMut`] that owns nothing, and so can become a plain `&'a mut [u8]`.
///
/// # Examples
///
/// ```
/// use zerocast::byte_slice::IntoByteSliceMut;
///
/// fn plain<'a, B: IntoByteSliceMut<'a>>(bytes: B) -> &'a mut [u8] {
///     bytes.into_byte_slice_mut()
/// }
/// let mut buf = [1u8, 2];
/// plain(&mut buf[..])[0] = 5;
/// assert_eq!(buf, [5, 2]);
/// ```
///
/// # Safety
///
/// *Implementers* promise that `into_byte_slice_mut` returns a slice with the address and
/// length that `deref` and `deref_mut` return, valid and unique for `'a`.
///
/// *Callers* may rely on that slice being the one they checked through `deref`.
pub unsafe trait IntoByteSliceMut<'a>: IntoByteSlice<'a> + ByteSliceMut {
    /// The held bytes as a `&'a mut [u8]`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::byte_slice::IntoByteSliceMut;
    /// let mut buf = [3u8];
    /// (&mut buf[..]).into_byte_slice_mut()[0] = 4;
    /// assert_eq!(buf, [4]);
    /// ```
    fn into_byte_slice_mut(self) -> &'a mut [u8];
}

// ---- &[u8] -----------------------------------------------------------------------------------

// SAFETY: a `&[u8]` is its own address and length: `deref` (the reborrow of `&T: Deref`)
// returns exactly them, and nothing can change the fields of a shared reference's value.
unsafe impl ByteSlice for &[u8] {}

// SAFETY: a copy of a reference is the same address and length.
unsafe impl CopyableByteSlice for &[u8] {}

// SAFETY: `Clone` for a reference is a copy: the same address and length.
unsafe impl CloneableByteSlice for &[u8] {}

// SAFETY: `<[u8]>::split_at_unchecked` returns `(&self[..mid], &self[mid..])` (std docs), which
// are `mid` bytes at the start and `len - mid` bytes at `addr + mid`; the provided `split_at`
// checks `mid` and then calls this.
unsafe impl SplitByteSlice for &[u8] {
    #[inline]
    unsafe fn split_at_unchecked(self, mid: usize) -> (Self, Self) {
        // SAFETY: `<[u8]>::split_at_unchecked` needs `mid <= self.len()`: this method's caller
        // promises it.
        unsafe { <[u8]>::split_at_unchecked(self, mid) }
    }
}

// SAFETY: the reference is returned as is, with its address, length and lifetime.
unsafe impl<'a> IntoByteSlice<'a> for &'a [u8] {
    #[inline(always)]
    fn into_byte_slice(self) -> &'a [u8] {
        self
    }
}

// ---- &mut [u8] -------------------------------------------------------------------------------

// SAFETY: a `&mut [u8]`'s `deref` and `deref_mut` reborrow the slice it points to; its address
// and length change only if the reference itself is reassigned, which none of these traits'
// methods do, and no other value can reach it while it is uniquely borrowed.
unsafe impl ByteSlice for &mut [u8] {}

// SAFETY: `<[u8]>::split_at_mut_unchecked` returns `(&mut self[..mid], &mut self[mid..])` (std
// docs): `mid` bytes at the start and `len - mid` at `addr + mid`.
unsafe impl SplitByteSlice for &mut [u8] {
    #[inline]
    unsafe fn split_at_unchecked(self, mid: usize) -> (Self, Self) {
        // SAFETY: `<[u8]>::split_at_mut_unchecked` needs `mid <= self.len()`: this method's
        // caller promises it.
        unsafe { <[u8]>::split_at_mut_unchecked(self, mid) }
    }
}

// SAFETY: the reference is returned reborrowed as shared, with its address, length and
// lifetime.
unsafe impl<'a> IntoByteSlice<'a> for &'a mut [u8] {
    #[inline(always)]
    fn into_byte_slice(self) -> &'a [u8] {
        self
    }
}

// SAFETY: the reference is returned as is, with its address, length and lifetime.
unsafe impl<'a> IntoByteSliceMut<'a> for &'a mut [u8] {
    #[inline(always)]
    fn into_byte_slice_mut(self) -> &'a mut [u8] {
        self
    }
}

// ---- RefCell borrows ---------------------------------------------------------------------------

// SAFETY: a `cell::Ref<'_, [u8]>` holds a shared reference to the slice, set when it is made
// (or mapped) and never changed; `deref` returns that reference. The `RefCell`'s value cannot
// be replaced or resized while the borrow lives (that needs `borrow_mut`, which fails, or
// `&mut RefCell`, which the borrow excludes).
unsafe impl ByteSlice for cell::Ref<'_, [u8]> {}

// SAFETY: `cell::Ref::map_split` hands the closure the held `&[u8]` and keeps the two references
// it returns, so the parts are exactly what `<&[u8] as SplitByteSlice>::split_at_unchecked`
// makes of the held slice.
unsafe impl SplitByteSlice for cell::Ref<'_, [u8]> {
    #[inline]
    unsafe fn split_at_unchecked(self, mid: usize) -> (Self, Self) {
        cell::Ref::map_split(self, |slice| {
            // SAFETY: `split_at_unchecked` needs `mid <= slice.len()`: this method's caller
            // promises `mid <= self.deref().len()`, and `slice` is that same slice.
            unsafe { SplitByteSlice::split_at_unchecked(slice, mid) }
        })
    }
}

// SAFETY: a `cell::RefMut<'_, [u8]>` holds a unique reference to the slice, set when it is made
// (or mapped) and never changed; `deref` and `deref_mut` reborrow it. The `RefCell` is
// borrowed uniquely while it lives, so nothing else can replace or resize its value.
unsafe impl ByteSlice for cell::RefMut<'_, [u8]> {}

// SAFETY: as for `cell::Ref`, with `cell::RefMut::map_split` and `&mut [u8]`.
unsafe impl SplitByteSlice for cell::RefMut<'_, [u8]> {
    #[inline]
    unsafe fn split_at_unchecked(self, mid: usize) -> (Self, Self) {
        cell::RefMut::map_split(self, |slice| {
            // SAFETY: as for `cell::Ref`: the caller promises `mid <= slice.len()`.
            unsafe { SplitByteSlice::split_at_unchecked(slice, mid) }
        })
    }
}

// ---- bytes::Bytes, bytes::BytesMut ---------------------------------------------------------------

// SAFETY: `Bytes` derefs to the `ptr` and `len` fields it holds (`Bytes::as_slice`), which only
// `&mut self` methods change (`advance`, `truncate`, `split_*`, `clear`); none of them is called
// by these traits except `split_off` below. Moving a `Bytes` moves the handle, not the bytes,
// which live in a shared, reference-counted buffer or a `'static` slice ("`Bytes` is ... a
// cheaply cloneable and sliceable chunk of contiguous memory", the type's docs).
#[cfg(feature = "bytes")]
unsafe impl ByteSlice for bytes::Bytes {}

// SAFETY: `Bytes::clone` takes `&self`, so it cannot change `self`'s `ptr` or `len`, and returns a
// handle to the same memory ("`Bytes` values ... facilitate zero-copy ... cloning", the type's
// docs: a clone increments a reference count and copies the view's pointer and length).
#[cfg(feature = "bytes")]
unsafe impl CloneableByteSlice for bytes::Bytes {}

// SAFETY: `Bytes::split_off(at)` "contains elements `[0, at)` [in self], and the returned `Bytes`
// contains elements `[at, len)`. It's guaranteed that the memory does not move, that is, the
// address of `self` does not change, and the address of the returned slice is `at` bytes after
// that" (its docs). That is this trait's contract, the empty cases included: before bytes 1.8
// ("Guarantee address in `split_off`/`split_to` for empty slices", its changelog) an empty part
// could point elsewhere, hence the minimum version in Cargo.toml.
#[cfg(feature = "bytes")]
unsafe impl SplitByteSlice for bytes::Bytes {
    #[inline]
    unsafe fn split_at_unchecked(mut self, mid: usize) -> (Self, Self) {
        // PANIC: `split_off` panics only if `mid > len`; this method's caller promises
        // `mid <= len`.
        let tail = self.split_off(mid);
        (self, tail)
    }
}

// SAFETY: `BytesMut` derefs (and derefs mutably) to its `ptr` and `len` fields
// (`BytesMut::as_slice`, `as_slice_mut`), which only `&mut self` methods change (`reserve`,
// `extend_from_slice`, `truncate`, `split_*`, ...); of those, these traits call only
// `split_off`, below. Moving a `BytesMut` moves the handle, not the buffer. Its `clone` copies
// the bytes to a new buffer, so it is not `CloneableByteSlice`.
#[cfg(feature = "bytes")]
unsafe impl ByteSlice for bytes::BytesMut {}

// SAFETY: `BytesMut::split_off(at)` leaves `[0, at)` in `self` and returns `[at, capacity)`:
// "It's guaranteed that the memory does not move, that is, the address of `self` does not
// change, and the address of the returned slice is `at` bytes after that" (its docs, bytes
// 1.8 and later). With `at <= len`, the returned handle's length is `len - at`, and `self`'s
// is `at`.
#[cfg(feature = "bytes")]
unsafe impl SplitByteSlice for bytes::BytesMut {
    #[inline]
    unsafe fn split_at_unchecked(mut self, mid: usize) -> (Self, Self) {
        // PANIC: `split_off` panics only if `mid > capacity`; this method's caller promises
        // `mid <= len <= capacity`.
        let tail = self.split_off(mid);
        (self, tail)
    }
}
