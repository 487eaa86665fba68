// SPDX-License-Identifier: MIT OR Apache-2.0
//! Access permissions: register wrappers and the traits that say what a pointee allows.

use core::fmt;

use crate::{FromBytes, IntoBytes, TryFromBytes};

macro_rules! wrapper {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[repr(transparent)]
        pub struct $name<T>(T);

        impl<T> $name<T> {
            /// Wraps `value`, to build a register block in ordinary memory (tests, simulations).
            ///
            /// The wrapper has no accessor of its own: the value is reached only through a
            /// device pointer, with the access the wrapper allows.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("let r = zerocast::device::", stringify!($name), "::new(5_u32);")]
            /// # let _ = r;
            /// ```
            #[must_use]
            pub const fn new(value: T) -> Self {
                $name(value)
            }
        }

        impl<T> fmt::Debug for $name<T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(stringify!($name))
            }
        }
    };
}

wrapper! {
    /// A register that may only be read, through a unique pointer: reading it may have side
    /// effects (clear-on-read status, FIFO pop). Writing it is a compile error.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadOnly};
    ///
    /// let mut status = ReadOnly::new(0x80_u8);
    /// let mut p = DevicePtrMut::from_mut(&mut status);
    /// assert_eq!(p.read(), 0x80);
    /// ```
    ReadOnly
}

wrapper! {
    /// A register that may only be written (a doorbell, a transmit FIFO), through a unique
    /// pointer. Reading it is a compile error.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, WriteOnly};
    ///
    /// let mut doorbell = WriteOnly::new(0_u32);
    /// DevicePtrMut::from_mut(&mut doorbell).write(1);
    /// ```
    WriteOnly
}

wrapper! {
    /// A register that may be read and written, through a unique pointer (reads may have
    /// side effects).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadWrite};
    ///
    /// let mut ctrl = ReadWrite::new(1_u16);
    /// let mut p = DevicePtrMut::from_mut(&mut ctrl);
    /// let v = p.read();
    /// p.write(v << 1);
    /// assert_eq!(p.read(), 2);
    /// ```
    ReadWrite
}

wrapper! {
    /// A register whose reads have no side effects (an ID or configuration register): readable
    /// through a shared [`DevicePtr`](super::DevicePtr) as well. Writing it is a compile error.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadPure};
    ///
    /// let mut id = ReadPure::new(0x1234_u32);
    /// let p = DevicePtrMut::from_mut(&mut id).into_shared();
    /// let q = p; // shared pointers are `Copy`
    /// assert_eq!((p.read(), q.read()), (0x1234, 0x1234));
    /// ```
    ReadPure
}

wrapper! {
    /// A register whose reads have no side effects and that may be written: read through a
    /// shared or unique pointer, written through a unique one.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadPureWrite};
    ///
    /// let mut mask = ReadPureWrite::new(0_u32);
    /// let mut p = DevicePtrMut::from_mut(&mut mask);
    /// p.write(0xff);
    /// assert_eq!(p.as_shared().read(), 0xff);
    /// ```
    ReadPureWrite
}

/// A pointee whose value can be read through a unique pointer ([`DevicePtrMut::read`]).
///
/// Implemented by every [`FromBytes`] type (plain memory: the device may have written any
/// bytes) and by [`ReadOnly`], [`ReadWrite`], [`ReadPure`] and [`ReadPureWrite`] of one.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, ReadOnly, Readable};
///
/// let mut status = ReadOnly::new(5u16);
/// // A `ReadOnly<u16>` reads as the `u16` it wraps.
/// let v: <ReadOnly<u16> as Readable>::Value = DevicePtrMut::from_mut(&mut status).read();
/// assert_eq!(v, 5);
/// ```
///
/// # Safety
///
/// Implementers promise that `Self` has the size, alignment and bit validity of
/// [`Value`](Self::Value) (it is `Value` or a `repr(transparent)` wrapper of it). Device
/// pointers rely on it to read a `Value` where a `Self` lives.
///
/// [`DevicePtrMut::read`]: super::DevicePtrMut::read
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read through a device pointer",
    label = "not readable",
    note = "a plain type must be `FromBytes` (use `try_read` for `TryFromBytes` types); `WriteOnly` registers cannot be read"
)]
pub unsafe trait Readable {
    /// The value a read returns.
    type Value: FromBytes;
}

/// A pointee whose value can be read and validated through a unique pointer
/// ([`DevicePtrMut::try_read`]).
///
/// Implemented by every [`TryFromBytes`] + [`IntoBytes`] type and by the readable wrappers of
/// one. `IntoBytes` (no padding) because the copy is validated as bytes, and a padding byte of
/// a value in memory the driver owns is uninitialized: it could be copied, but not read. A
/// padded `FromBytes` type is read with [`DevicePtrMut::read`](super::DevicePtrMut::read),
/// which needs no validation.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, TryReadable};
///
/// let mut flag = true;
/// let v: <bool as TryReadable>::Value = DevicePtrMut::from_mut(&mut flag).try_read().unwrap();
/// assert!(v);
/// ```
///
/// # Safety
///
/// As [`Readable`]: `Self` has the size, alignment and bit validity of `Value`.
///
/// [`DevicePtrMut::try_read`]: super::DevicePtrMut::try_read
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read through a device pointer",
    label = "not readable",
    note = "a plain type must be `TryFromBytes` and `IntoBytes` (no padding: the copy is validated byte by byte); `WriteOnly` registers cannot be read"
)]
pub unsafe trait TryReadable {
    /// The value a read returns.
    type Value: TryFromBytes + IntoBytes;
}

/// A pointee that can be written through a unique pointer ([`DevicePtrMut::write`]).
///
/// Implemented by every [`IntoBytes`] type and by [`WriteOnly`], [`ReadWrite`] and
/// [`ReadPureWrite`] of one.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, ReadWrite, Writable};
///
/// let mut ctrl = ReadWrite::new(0u32);
/// let v: <ReadWrite<u32> as Writable>::Value = 9;
/// DevicePtrMut::from_mut(&mut ctrl).write(v);
/// assert_eq!(DevicePtrMut::from_mut(&mut ctrl).read(), 9);
/// ```
///
/// # Safety
///
/// Implementers promise that `Self` has the size and alignment of `Value` and that every
/// initialized `Value` is a valid `Self`. Device pointers rely on it to write a `Value` where a
/// `Self` lives.
///
/// [`DevicePtrMut::write`]: super::DevicePtrMut::write
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written through a device pointer",
    label = "not writable",
    note = "a plain type must be `IntoBytes`; `ReadOnly` and `ReadPure` registers cannot be written"
)]
pub unsafe trait Writable {
    /// The value a write takes.
    type Value: IntoBytes;
}

/// A pointee whose reads have no side effects, so that a shared [`DevicePtr`] may read it.
///
/// Implemented by every [`TryFromBytes`] type (plain memory such as DMA buffers: declare
/// registers whose reads have effects with the wrappers) and by [`ReadPure`] and
/// [`ReadPureWrite`].
///
/// # Examples
///
/// ```
/// use zerocast::device::{PureRead, ReadPure};
/// fn pure<T: PureRead>() {}
/// pure::<u32>();
/// pure::<ReadPure<u32>>();
/// ```
///
/// [`DevicePtr`]: super::DevicePtr
#[diagnostic::on_unimplemented(
    message = "reading `{Self}` may have side effects: it needs unique access (a `DevicePtrMut`, a `&mut` register block)",
    label = "not a pure read",
    note = "registers readable through a shared `DevicePtr` are `ReadPure` or `ReadPureWrite`"
)]
pub trait PureRead {}

// Errors name `Readable` (and its message), not the blanket impl's bound.
#[diagnostic::do_not_recommend]
// SAFETY: `Value` is `Self`.
unsafe impl<T: FromBytes> Readable for T {
    type Value = T;
}
// Errors name `TryReadable` (and its message), not the blanket impl's bound.
#[diagnostic::do_not_recommend]
// SAFETY: `Value` is `Self`.
unsafe impl<T: TryFromBytes + IntoBytes> TryReadable for T {
    type Value = T;
}
// Errors name `Writable` (and its message), not the blanket impl's bound.
#[diagnostic::do_not_recommend]
// SAFETY: `Value` is `Self`.
unsafe impl<T: IntoBytes> Writable for T {
    type Value = T;
}
// Errors name `PureRead` (and its message), not the blanket impl's bound.
#[diagnostic::do_not_recommend]
impl<T: TryFromBytes> PureRead for T {}
impl<T> PureRead for ReadPure<T> {}
impl<T> PureRead for ReadPureWrite<T> {}

macro_rules! permit {
    ($trait:ident, $bound:ident: $($w:ident),+) => {$(
        // SAFETY: the wrapper is `repr(transparent)` over its only field, of type `T`.
        unsafe impl<T: $bound> $trait for $w<T> {
            type Value = T;
        }
    )+};
    ($trait:ident, $bound:ident + $bound2:ident: $($w:ident),+) => {$(
        // SAFETY: the wrapper is `repr(transparent)` over its only field, of type `T`.
        unsafe impl<T: $bound + $bound2> $trait for $w<T> {
            type Value = T;
        }
    )+};
}
permit!(Readable, FromBytes: ReadOnly, ReadWrite, ReadPure, ReadPureWrite);
permit!(TryReadable, TryFromBytes + IntoBytes: ReadOnly, ReadWrite, ReadPure, ReadPureWrite);
permit!(Writable, IntoBytes: WriteOnly, ReadWrite, ReadPureWrite);
