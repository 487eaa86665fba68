// SPDX-License-Identifier: MIT OR Apache-2.0
//! Byte views of device pointers: the bytes of a typed value or slice as a `[u8]`, so that a
//! simulated device (or a test) can write any bytes into a structure that the driver then
//! reads, with validation where the type has invalid bit patterns.
//!
//! # Why these bounds
//!
//! A unique pointer made with [`DevicePtrMut::from_mut`] borrows memory that ordinary code reads
//! again through a `&mut T` once the pointer is gone, so whatever is written through the pointer
//! must leave a valid `T` behind; its typed `write` only writes values of the pointee's type.
//! Through a byte view any bytes may be written, so it needs a `T` for which any bytes are
//! valid: [`FromBytes`]. Reading bytes needs each of them initialized, and a padding byte of a
//! value in memory the driver owns is not: [`IntoBytes`] (no padding), for both flavours. A
//! shared view never writes, so it needs `IntoBytes` only.
//!
//! The register wrappers ([`ReadOnly`](super::ReadOnly), [`WriteOnly`](super::WriteOnly)...)
//! implement neither trait, so a byte view never bypasses a register's permission. The bytes
//! are accessed one by one (8-bit accesses): a view for memory (DMA buffers, tests), not for
//! registers, which have one access of their own width.

use core::marker::PhantomData;
use core::mem::size_of;

use super::backend::Backend;
use super::ptr::{DevicePtr, DevicePtrMut};
use crate::{FromBytes, IntoBytes};

/// A type for which any bytes are a valid value and every byte of a value is initialized
/// ([`FromBytes`] + [`IntoBytes`]): the pointee of a unique byte view
/// ([`DevicePtrMut::into_bytes`], [`DmaBuf::into_bytes`](super::DmaBuf::into_bytes)), through
/// which any bytes may be written and every byte read.
///
/// Implemented for every `FromBytes + IntoBytes` type; it exists so that a pointee without a
/// byte view is one error that says why.
///
/// # Examples
///
/// ```
/// use zerocast::device::{AnyBytes, DevicePtrMut};
///
/// /// What a simulated device does: fills the memory behind `p` with `byte`.
/// fn scribble<T: AnyBytes>(p: DevicePtrMut<'_, T>, byte: u8) {
///     let mut bytes = p.into_bytes();
///     for i in 0..bytes.len() {
///         let _ = bytes.write_slice_at(i, &[byte]);
///     }
/// }
///
/// let mut counters = [0_u32; 2];
/// scribble(DevicePtrMut::from_mut(&mut counters), 0xff);
/// assert_eq!(counters, [u32::MAX; 2]);
/// // `scribble` of a `bool` or of a `ReadOnly<u32>` register does not compile.
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no writable byte view: not every byte pattern is a valid `{Self}`, or it has padding",
    label = "no unique byte view of `{Self}`",
    note = "a unique byte view lets any bytes be written and reads every byte: the pointee must be `FromBytes` (every byte pattern valid) and `IntoBytes` (no padding); declare DMA memory with integers the driver validates (a `bitfield!` whose enum fields are `?=>`, checked when read: an `as?` field or a reserved value `_ = V` makes the word validated, not `FromBytes`)",
    note = "register wrappers (`ReadOnly`, `ReadWrite`...) have no byte view: a register is accessed with its own width and permission; a shared view (`into_shared().into_bytes()`) needs only `IntoBytes`"
)]
pub trait AnyBytes: FromBytes + IntoBytes {}

// Errors name `AnyBytes` (and its message), not the blanket impl's bounds.
#[diagnostic::do_not_recommend]
impl<T: ?Sized + FromBytes + IntoBytes> AnyBytes for T {}

impl<'a, T: ?Sized, B: Backend> DevicePtrMut<'a, T, B> {
    /// The unique pointer to the `len` bytes from the start of the pointee.
    ///
    /// # Safety
    ///
    /// - the `len` bytes lie inside the pointee (for a `T` or `[T]`, `len` is its size);
    /// - each of them is initialized (the pointee has no padding: `IntoBytes`);
    /// - any bytes written there leave a valid pointee behind (it is `FromBytes`).
    unsafe fn bytes_of(self, len: usize) -> DevicePtrMut<'a, [u8], B> {
        // INVARIANT: the caller's promises: the bytes are inside (so valid for volatile reads
        // and writes, or offsets into the fake), initialized, and any bytes written keep the
        // memory valid for what it was made from; `u8` needs no alignment; `self` is consumed,
        // so nothing else uses them while the result lives.
        DevicePtrMut {
            ptr: core::ptr::slice_from_raw_parts_mut(self.ptr.cast::<u8>(), len),
            backend: self.backend,
            _life: PhantomData,
        }
    }
}

impl<'a, T: ?Sized, B: Backend> DevicePtr<'a, T, B> {
    /// The shared pointer to the `len` bytes from the start of the pointee.
    ///
    /// # Safety
    ///
    /// - the `len` bytes lie inside the pointee (for a `T` or `[T]`, `len` is its size);
    /// - each of them is initialized (the pointee has no padding: `IntoBytes`).
    unsafe fn bytes_of(self, len: usize) -> DevicePtr<'a, [u8], B> {
        // INVARIANT: the caller's promises: the bytes are inside and initialized; a shared
        // pointer never writes, and `u8` needs no alignment.
        DevicePtr {
            ptr: core::ptr::slice_from_raw_parts_mut(self.ptr.cast::<u8>(), len),
            backend: self.backend,
            _life: PhantomData,
        }
    }
}

/// The size in bytes of `len` elements `T`: never more than `usize::MAX` for a slice a device
/// pointer points to (its bytes lie in the address space, or end before `usize::MAX` in a
/// fake). Were it to overflow, 0: an empty view accesses nothing.
fn slice_size<T>(len: usize) -> usize {
    len.checked_mul(size_of::<T>()).unwrap_or(0)
}

impl<'a, T, B: Backend> DevicePtrMut<'a, T, B> {
    /// The value's bytes as a unique `[u8]` pointer, in memory order: any bytes may be written
    /// through it, because any bytes are a valid `T` ([`AnyBytes`]).
    ///
    /// For a structure with invalid bit patterns, declare the memory with the integers the
    /// device sees (a [`bitfield!`](mod@crate::bitfield) with `?=>` fields, or integers the
    /// driver validates): then a fake device writes anything, and the driver's `try_` reads
    /// catch what is invalid. A pointer to a `bool`, an enum or a padded struct has no byte
    /// view (the `# Why these bounds` of the module docs).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    /// use zerocast::field;
    ///
    /// #[repr(C)]
    /// #[derive(zerocast::FromBytes, zerocast::IntoBytes, zerocast::Immutable)]
    /// struct Completion {
    ///     result: u32,
    ///     status: u16,
    ///     id: u16,
    /// }
    ///
    /// let mut mem = Completion { result: 0, status: 0, id: 0 };
    /// let mut entry = DevicePtrMut::from_mut(&mut mem);
    /// // The simulated device writes raw bytes, as DMA would.
    /// let mut raw = [0_u8; 8];
    /// raw[4..6].copy_from_slice(&0x8001_u16.to_ne_bytes());
    /// entry.reborrow().into_bytes().write_slice(&raw).unwrap();
    /// // The driver reads the typed entry.
    /// assert_eq!(field!(entry, Completion, status).read(), 0x8001);
    /// ```
    #[must_use]
    pub fn into_bytes(self) -> DevicePtrMut<'a, [u8], B>
    where
        T: AnyBytes,
    {
        // - inside: `size_of::<T>()` bytes from the start of a `T`;
        // - initialized: a `T: IntoBytes` has no padding, so every byte of the pointee is
        //   initialized (this pointer's invariant);
        // - any bytes written leave a valid `T`: `T: AnyBytes`, so `T: FromBytes`.
        // SAFETY: the three preconditions of `bytes_of`, as listed.
        unsafe { self.bytes_of(size_of::<T>()) }
    }
}

impl<'a, T, B: Backend> DevicePtrMut<'a, [T], B> {
    /// The elements' bytes as a unique `[u8]` pointer of `len() * size_of::<T>()` bytes, in
    /// memory order, as [`DevicePtrMut::into_bytes`] for one value.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut ring = [0_u16; 2];
    /// let mut bytes = DevicePtrMut::from_mut(&mut ring[..]).into_bytes();
    /// assert_eq!(bytes.len(), 4);
    /// bytes.write_slice_at(2, &0xabcd_u16.to_ne_bytes()).unwrap();
    /// assert_eq!(ring, [0, 0xabcd]);
    /// ```
    #[must_use]
    pub fn into_bytes(self) -> DevicePtrMut<'a, [u8], B>
    where
        T: AnyBytes,
    {
        let len = slice_size::<T>(self.len());
        // - inside: the `len() * size_of::<T>()` bytes of the slice (or none, see `slice_size`);
        // - initialized: a `T: IntoBytes` has no padding, so every byte is initialized;
        // - any bytes written leave valid `T`s: `T: AnyBytes`, so `T: FromBytes`.
        // SAFETY: the three preconditions of `bytes_of`, as listed.
        unsafe { self.bytes_of(len) }
    }
}

impl<'a, T, B: Backend> DevicePtr<'a, T, B> {
    /// The value's bytes as a shared `[u8]` pointer, in memory order, to read them one by one.
    ///
    /// Reading needs no `FromBytes`, only no padding (`IntoBytes`): the bytes of a `bool` or an
    /// enum can be read, never written.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut flag = true;
    /// let bytes = DevicePtrMut::from_mut(&mut flag).into_shared().into_bytes();
    /// assert_eq!(bytes.get(0).map(|b| b.read()), Some(1));
    /// ```
    #[must_use]
    pub fn into_bytes(self) -> DevicePtr<'a, [u8], B>
    where
        T: IntoBytes,
    {
        // - inside: `size_of::<T>()` bytes from the start of a `T`;
        // - initialized: a `T: IntoBytes` has no padding, so every byte of the pointee is
        //   initialized (this pointer's invariant).
        // SAFETY: the two preconditions of `bytes_of`, as listed.
        unsafe { self.bytes_of(size_of::<T>()) }
    }
}

impl<'a, T, B: Backend> DevicePtr<'a, [T], B> {
    /// The elements' bytes as a shared `[u8]` pointer, as [`DevicePtr::into_bytes`] for one
    /// value.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut ring = [0x0102_u16, 0x0304];
    /// let bytes = DevicePtrMut::from_mut(&mut ring[..]).into_shared().into_bytes();
    /// let mut out = [0_u8; 4];
    /// bytes.read_slice(&mut out).unwrap();
    /// assert_eq!(out[2..], 0x0304_u16.to_ne_bytes());
    /// ```
    #[must_use]
    pub fn into_bytes(self) -> DevicePtr<'a, [u8], B>
    where
        T: IntoBytes,
    {
        let len = slice_size::<T>(self.len());
        // - inside: the `len() * size_of::<T>()` bytes of the slice (or none, see `slice_size`);
        // - initialized: a `T: IntoBytes` has no padding, so every byte is initialized.
        // SAFETY: the two preconditions of `bytes_of`, as listed.
        unsafe { self.bytes_of(len) }
    }
}
