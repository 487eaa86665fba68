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

wrapper! {
    /// A register that reads its state without side effects and acts on the ones written:
    /// each 1 written sets its bit, each 0 leaves its bit alone (GICv2's `GICD_ISENABLERn`,
    /// `GICD_ISPENDRn`). Read through a shared or unique pointer, written through a unique
    /// one; [`update`](super::DevicePtrMut::update) is a compile error, because writing back
    /// what was read would act on every bit set, not just the one changed.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, WriteOneToSet};
    ///
    /// let mut set_enable = WriteOneToSet::new(0b0100_u32);
    /// let mut p = DevicePtrMut::from_mut(&mut set_enable);
    /// p.write(1 << 0); // enables interrupt 0 only
    /// assert_eq!(p.as_shared().read() & 1, 1); // (in plain memory the write replaces the value)
    /// ```
    WriteOneToSet
}

wrapper! {
    /// A register that reads its state without side effects and acts on the ones written:
    /// each 1 written clears its bit, each 0 leaves its bit alone (GICv2's
    /// `GICD_ICENABLERn`, AHCI's `PxIS`, xHCI's `USBSTS` event bits). Read through a shared or
    /// unique pointer, written through a unique one; [`update`](super::DevicePtrMut::update)
    /// is a compile error, because writing back what was read would clear every bit set, not
    /// just the one meant. The same mistake by hand (a `read` then a `write` of that value, or
    /// `read_slice` then `write_slice` over an array of them) still compiles: write only the
    /// bits to act on.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, WriteOneToClear};
    ///
    /// let mut status = WriteOneToClear::new(0b1001_u32);
    /// let mut p = DevicePtrMut::from_mut(&mut status);
    /// let pending = p.as_shared().read();
    /// if pending & 1 != 0 {
    ///     p.write(1); // acknowledges event 0 only
    /// }
    /// # assert_eq!(pending, 0b1001);
    /// ```
    WriteOneToClear
}

/// A type a device pointer can point to and access: a plain [`TryFromBytes`] type (memory
/// such as a DMA buffer: a plain type read or written through a device pointer must be
/// `TryFromBytes`, which `FromBytes` implies) or one of the permission wrappers ([`ReadOnly`],
/// [`WriteOnly`], [`ReadWrite`], [`ReadPure`], [`ReadPureWrite`], [`WriteOneToSet`],
/// [`WriteOneToClear`]) of any type; [`Value`](Self::Value) is what reads return and writes
/// take.
///
/// What a pointer may do with a cell is said by the marker traits built on this one:
/// [`Readable`], [`TryReadable`], [`Writable`], [`PureRead`] and [`Updatable`]. The trait is
/// sealed: its implementations are the ones above.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DeviceCell, DevicePtrMut, ReadOnly};
///
/// let mut status = ReadOnly::new(5_u16);
/// // A `ReadOnly<u16>` reads as the `u16` it wraps; a plain `u16` is its own value.
/// let v: <ReadOnly<u16> as DeviceCell>::Value = DevicePtrMut::from_mut(&mut status).read();
/// let w: <u16 as DeviceCell>::Value = v;
/// assert_eq!(w, 5);
/// ```
///
/// # Safety
///
/// (For code relying on it; no other crate can implement it.) `Self` has the size, alignment
/// and bit validity of `Value`: it is `Value` or a `repr(transparent)` wrapper of it. Device
/// pointers rely on it to read or write a `Value` where a `Self` lives.
pub unsafe trait DeviceCell: Sealed {
    /// The value a read returns and a write takes.
    type Value;
}

/// A register cell that states its access permission: [`ReadOnly`], [`WriteOnly`],
/// [`ReadWrite`], [`ReadPure`], [`ReadPureWrite`], [`WriteOneToSet`] or [`WriteOneToClear`] of
/// a value type. The cells of
/// [`Reg`](super::Reg) and [`RegArray`](super::RegArray) must be one, so that every register
/// says whether reading it has side effects and whether it may be written (a plain `u32` does
/// not). Sealed: implemented by the wrappers only.
///
/// # Examples
///
/// ```
/// use zerocast::device::{Permission, ReadPure, ReadWrite};
///
/// /// The size of register cells only: `size::<u32>()` does not compile.
/// const fn size<C: Permission>() -> usize {
///     size_of::<C>()
/// }
/// assert_eq!(size::<ReadWrite<u32>>(), 4);
/// assert_eq!(size::<ReadPure<u8>>(), 1);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` states no access permission; wrap it: `ReadWrite<{Self}>`, `ReadOnly<{Self}>`, `WriteOnly<{Self}>`, `ReadPure<{Self}>`, `ReadPureWrite<{Self}>`, `WriteOneToSet<{Self}>` or `WriteOneToClear<{Self}>`",
    label = "a register needs a permission",
    note = "`ReadPure`/`ReadPureWrite` registers have no read side effects (they can be read through `&Regs`); `ReadOnly`/`ReadWrite` reads may (a FIFO pop, a clear-on-read status)"
)]
pub trait Permission: DeviceCell + sealed::Wrapper {}

/// A cell whose value can be read through a unique pointer ([`DevicePtrMut::read`]): a plain
/// [`FromBytes`] type (the device may have written any bytes) or [`ReadOnly`], [`ReadWrite`],
/// [`ReadPure`] or [`ReadPureWrite`] of one. Not [`WriteOnly`]: reading it is one error
/// saying so.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, ReadOnly, Readable};
///
/// fn twice<C: Readable<Value = u16>>(mut p: DevicePtrMut<'_, C>) -> u16 {
///     p.read() * 2
/// }
/// let (mut plain, mut status) = (4_u16, ReadOnly::new(5_u16));
/// assert_eq!(twice(DevicePtrMut::from_mut(&mut plain)), 8);
/// assert_eq!(twice(DevicePtrMut::from_mut(&mut status)), 10);
/// ```
///
/// [`DevicePtrMut::read`]: super::DevicePtrMut::read
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read through a device pointer",
    label = "not readable",
    note = "a plain type must be `FromBytes` (use `try_read` for `TryFromBytes` types)"
)]
pub trait Readable: DeviceCell<Value: FromBytes> {}

/// A cell whose value can be read and validated through a unique pointer
/// ([`DevicePtrMut::try_read`]): a plain [`TryFromBytes`] + [`IntoBytes`] type or a readable
/// wrapper of one.
///
/// `IntoBytes` (no padding) because the copy is validated as bytes, and a padding byte of a
/// value in memory the driver owns is uninitialized: it could be copied, but not read. A padded
/// `FromBytes` type is read with [`DevicePtrMut::read`](super::DevicePtrMut::read), which
/// needs no validation.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, ReadWrite, TryReadable};
///
/// fn is_set<C: TryReadable<Value = bool>>(mut p: DevicePtrMut<'_, C>) -> Option<bool> {
///     p.try_read().ok()
/// }
/// let (mut plain, mut reg) = (true, ReadWrite::new(false));
/// assert_eq!(is_set(DevicePtrMut::from_mut(&mut plain)), Some(true));
/// assert_eq!(is_set(DevicePtrMut::from_mut(&mut reg)), Some(false));
/// ```
///
/// [`DevicePtrMut::try_read`]: super::DevicePtrMut::try_read
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read and validated through a device pointer",
    label = "not validatable",
    note = "a plain type must be `TryFromBytes` and `IntoBytes` (no padding: the copy is validated byte by byte); a padded `FromBytes` type is read with `read`"
)]
pub trait TryReadable: DeviceCell<Value: TryFromBytes + IntoBytes> {}

/// A cell that can be written through a unique pointer ([`DevicePtrMut::write`]): a plain
/// [`IntoBytes`] type or [`WriteOnly`], [`ReadWrite`] or [`ReadPureWrite`] of one. Not
/// [`ReadOnly`] or [`ReadPure`]: writing one is one error saying it is read-only.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, ReadWrite, Writable, WriteOnly};
///
/// fn ring<C: Writable<Value = u32>>(mut p: DevicePtrMut<'_, C>) {
///     p.write(1);
/// }
/// let (mut ctrl, mut doorbell) = (ReadWrite::new(0_u32), WriteOnly::new(0_u32));
/// ring(DevicePtrMut::from_mut(&mut ctrl));
/// ring(DevicePtrMut::from_mut(&mut doorbell));
/// assert_eq!(DevicePtrMut::from_mut(&mut ctrl).read(), 1);
/// ```
///
/// [`DevicePtrMut::write`]: super::DevicePtrMut::write
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written through a device pointer",
    label = "not writable",
    note = "a plain type must be `IntoBytes` (no padding, which would write uninitialized bytes)"
)]
pub trait Writable: DeviceCell<Value: IntoBytes> {}

/// A cell whose reads have no side effects, so that a shared [`DevicePtr`] (or a shared
/// borrow of a register block) may read it: plain memory such as a DMA buffer (a
/// [`TryFromBytes`] type), [`ReadPure`], [`ReadPureWrite`], [`WriteOneToSet`] and
/// [`WriteOneToClear`]. Not [`ReadOnly`] or [`ReadWrite`], whose reads may pop a FIFO or clear
/// a status.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtr, DevicePtrMut, PureRead, ReadPure, Readable};
///
/// /// Reads through a shared pointer, which may be copied and used anywhere.
/// fn peek<C: Readable<Value = u32> + PureRead>(p: DevicePtr<'_, C>) -> u32 {
///     let q = p;
///     p.read() + q.read()
/// }
/// let (mut plain, mut id) = (1_u32, ReadPure::new(2_u32));
/// assert_eq!(peek(DevicePtrMut::from_mut(&mut plain).into_shared()), 2);
/// assert_eq!(peek(DevicePtrMut::from_mut(&mut id).into_shared()), 4);
/// ```
///
/// [`DevicePtr`]: super::DevicePtr
pub trait PureRead: DeviceCell {}

/// A cell whose value may be read, changed and written back ([`DevicePtrMut::update`],
/// `Regs::update`): every cell but [`WriteOneToSet`] and [`WriteOneToClear`], whose writes act
/// on each 1 written, so that writing back what was read would set or clear every bit set.
/// Updating one is one error saying so. (`update` also needs [`Readable`] and [`Writable`].)
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, ReadPureWrite, Readable, Updatable, Writable};
///
/// fn set_bit<C: Readable<Value = u32> + Writable + Updatable>(mut p: DevicePtrMut<'_, C>) {
///     p.update(|v| v | 1);
/// }
/// let mut mask = ReadPureWrite::new(0b10_u32);
/// set_bit(DevicePtrMut::from_mut(&mut mask));
/// assert_eq!(DevicePtrMut::from_mut(&mut mask).read(), 0b11);
/// ```
///
/// [`DevicePtrMut::update`]: super::DevicePtrMut::update
pub trait Updatable: DeviceCell {}

/// What each cell allows, as one type per permission (its *kind*). The marker traits have one
/// blanket impl each, over [`DeviceCell`], which asks whether the cell's kind implements an
/// `Allows*` trait: so a refused access is one error, on that trait, whose message says why
/// (read-only, write-only, side effects) and names the cell, and the value type is known
/// (`DeviceCell::Value`) whether or not the access is allowed, so no second error follows.
mod sealed {
    /// The kind of a cell; implemented by the types that implement `DeviceCell` only.
    pub trait Sealed {
        /// `IsPlain`, `IsReadOnly`, `IsWriteOnly`, `IsReadWrite`, `IsReadPure`,
        /// `IsReadPureWrite` or `IsWriteOnes`.
        type Access;
    }

    /// The seven permission wrappers, and nothing else: the supertrait that keeps
    /// `Permission` sealed (without it, any crate could state a permission for a plain type
    /// of its own, which is memory, so readable through `&Regs`).
    pub trait Wrapper {}

    /// A plain type: memory (reads have no side effects), readable and writable as its
    /// traits allow.
    pub struct IsPlain;
    /// [`ReadOnly`](super::ReadOnly).
    pub struct IsReadOnly;
    /// [`WriteOnly`](super::WriteOnly).
    pub struct IsWriteOnly;
    /// [`ReadWrite`](super::ReadWrite).
    pub struct IsReadWrite;
    /// [`ReadPure`](super::ReadPure).
    pub struct IsReadPure;
    /// [`ReadPureWrite`](super::ReadPureWrite).
    pub struct IsReadPureWrite;
    /// [`WriteOneToSet`](super::WriteOneToSet) and [`WriteOneToClear`](super::WriteOneToClear):
    /// pure reads, writes that act on the ones written.
    pub struct IsWriteOnes;

    /// Reads are allowed for cells of this kind.
    #[diagnostic::on_unimplemented(
        message = "`{C}` is a write-only register: it cannot be read",
        label = "write-only",
        note = "declare a register that can be read as `ReadWrite`, `ReadOnly`, `ReadPure` or `ReadPureWrite`"
    )]
    pub trait AllowsRead<C: ?Sized> {}

    /// Writes are allowed for cells of this kind.
    #[diagnostic::on_unimplemented(
        message = "`{C}` is a read-only register: it cannot be written",
        label = "read-only",
        note = "declare a register that can be written as `ReadWrite`, `WriteOnly` or `ReadPureWrite`"
    )]
    pub trait AllowsWrite<C: ?Sized> {}

    /// Reads of cells of this kind have no side effects.
    #[diagnostic::on_unimplemented(
        message = "reading `{C}` may have side effects: it needs unique access (a `DevicePtrMut`, a `&mut` register block)",
        label = "not a pure read",
        note = "registers readable through a shared `DevicePtr` or `&Regs` are `ReadPure` or `ReadPureWrite`"
    )]
    pub trait AllowsPureRead<C: ?Sized> {}

    /// A read-modify-write is meaningful for cells of this kind.
    #[diagnostic::on_unimplemented(
        message = "`{C}` acts on the ones written: a read-modify-write would write back every bit set",
        label = "no read-modify-write",
        note = "write only the bits to act on (`write(1 << n)`); read the state with `read`"
    )]
    pub trait AllowsUpdate<C: ?Sized> {}

    /// Implements an `Allows*` trait for the kinds given; `do_not_recommend`, so that an error
    /// lists no kinds (names no private type beyond the one refused).
    macro_rules! allow {
        ($trait:ident: $($kind:ident),+) => {$(
            #[diagnostic::do_not_recommend]
            impl<C: ?Sized> $trait<C> for $kind {}
        )+};
    }
    allow!(AllowsRead: IsPlain, IsReadOnly, IsReadWrite, IsReadPure, IsReadPureWrite, IsWriteOnes);
    allow!(AllowsWrite: IsPlain, IsWriteOnly, IsReadWrite, IsReadPureWrite, IsWriteOnes);
    // A write-only register has no reads, so no read side effects: reading it through a shared
    // pointer is refused once, as write-only (`AllowsRead`), not also as a side-effect read.
    allow!(AllowsPureRead: IsPlain, IsReadPure, IsReadPureWrite, IsWriteOnly, IsWriteOnes);
    // Read-only and write-only registers cannot be updated either, but their `update` is
    // refused once, by `AllowsWrite` or `AllowsRead`: not also here.
    allow!(AllowsUpdate: IsPlain, IsReadOnly, IsWriteOnly, IsReadWrite, IsReadPure, IsReadPureWrite);
}
use sealed::{AllowsPureRead, AllowsRead, AllowsUpdate, AllowsWrite, Sealed};

impl<T: TryFromBytes> Sealed for T {
    type Access = sealed::IsPlain;
}
// SAFETY: `Value` is `Self`.
unsafe impl<T: TryFromBytes> DeviceCell for T {
    type Value = T;
}

macro_rules! cells {
    ($($w:ident => $kind:ident),+) => {$(
        impl<T> Sealed for $w<T> {
            type Access = sealed::$kind;
        }
        // SAFETY: the wrapper is `repr(transparent)` over its only field, of type `T`.
        unsafe impl<T> DeviceCell for $w<T> {
            type Value = T;
        }
        impl<T> sealed::Wrapper for $w<T> {}
        impl<T> Permission for $w<T> {}
    )+};
}
cells!(
    ReadOnly => IsReadOnly,
    WriteOnly => IsWriteOnly,
    ReadWrite => IsReadWrite,
    ReadPure => IsReadPure,
    ReadPureWrite => IsReadPureWrite,
    WriteOneToSet => IsWriteOnes,
    WriteOneToClear => IsWriteOnes
);

impl<C: DeviceCell> Readable for C
where
    C::Access: AllowsRead<C>,
    C::Value: FromBytes,
{
}
impl<C: DeviceCell> TryReadable for C
where
    C::Access: AllowsRead<C>,
    C::Value: TryFromBytes + IntoBytes,
{
}
impl<C: DeviceCell> Writable for C
where
    C::Access: AllowsWrite<C>,
    C::Value: IntoBytes,
{
}
impl<C: DeviceCell> PureRead for C where C::Access: AllowsPureRead<C> {}
impl<C: DeviceCell> Updatable for C where C::Access: AllowsUpdate<C> {}
