// SPDX-License-Identifier: MIT OR Apache-2.0
//! Reading and writing the value behind a device pointer: `read`, `write`, `update`, `try_read`,
//! each as `size / w` accesses of `w = min(align, 8)` bytes, every word one volatile load or
//! store through the pointer's backend.

use core::marker::PhantomData;
use core::mem::{align_of, size_of, ManuallyDrop, MaybeUninit};

use super::backend::Backend;
use super::perm::{PureRead, Readable, TryReadable, Updatable, Writable};
use super::ptr::{DevicePtr, DevicePtrMut};
use crate::error::{InvalidBits, ValidityError};
use crate::TryFromBytes;

/// The words a `T` is accessed in: `size_of::<T>() / WIDTH` accesses of `WIDTH` bytes, in
/// ascending address order.
struct Words<T>(PhantomData<T>);

impl<T> Words<T> {
    /// The access width in bytes: `align_of::<T>()`, at most 8. A type larger than 1 byte with
    /// alignment 1 (an unaligned byte-order integer, a bit field on one, a struct or array of them) is
    /// refused: it looks like one register, or a block of wider ones, but would be split into
    /// byte accesses.
    const WIDTH: usize = {
        let (size, align) = (size_of::<T>(), align_of::<T>());
        assert!(
            !(size > 1 && align == 1),
            "a device value larger than 1 byte with alignment 1 (an unaligned byte-order \
             integer such as `U32<LE>`, or a struct or array of them?) would be split into byte \
             accesses: use the aligned byte-order integers (`byteorder::Le32`, `Be16`, ...) or \
             native integers, or access the bytes one by one"
        );
        if align >= 8 {
            8
        } else {
            align
        }
    };
}

/// One word a backend loads or stores.
trait Word: Copy {
    /// Loads the word's bytes as they are (uninitialized ones stay uninitialized).
    ///
    /// # Safety
    ///
    /// As `Access::read8` for `Self`'s size.
    unsafe fn load<B: Backend>(b: B, p: *mut Self) -> MaybeUninit<Self>;
    /// # Safety
    ///
    /// As `Access::write8` for `Self`'s size.
    unsafe fn store<B: Backend>(b: B, p: *mut Self, v: Self);
}

macro_rules! word {
    ($t:ty, $r:ident, $w:ident) => {
        impl Word for $t {
            #[inline(always)]
            unsafe fn load<B: Backend>(b: B, p: *mut Self) -> MaybeUninit<Self> {
                // SAFETY: the caller upholds `read*`'s contract for this width.
                unsafe { b.$r(p) }
            }
            #[inline(always)]
            unsafe fn store<B: Backend>(b: B, p: *mut Self, v: Self) {
                // SAFETY: the caller upholds `write*`'s contract for this width.
                unsafe { b.$w(p, v) }
            }
        }
    };
}
word!(u8, read8, write8);
word!(u16, read16, write16);
word!(u32, read32, write32);
word!(u64, read64, write64);

/// Runs `$body` with `$w` naming the unsigned integer of `$width` bytes, where `$width` is
/// `Words::<V>::WIDTH` for the `V` accessed: its word, never wider than `align_of::<V>()` (the
/// width is at most the alignment). The caller writes the width, so that a type refused by
/// `Words` is reported on the caller's line, not inside this macro.
macro_rules! with_word {
    ($width:expr, |$w:ident| $body:expr) => {
        match $width {
            8 => {
                type $w = u64;
                $body
            }
            4 => {
                type $w = u32;
                $body
            }
            2 => {
                type $w = u16;
                $body
            }
            _ => {
                type $w = u8;
                $body
            }
        }
    };
}

/// Copies the `T` at `src` into `dst`, word by word, each word as a `MaybeUninit`: a byte
/// that is uninitialized in `src` (the padding of a value in memory the driver owns) is
/// uninitialized in `dst`, as a move would leave it, and never becomes part of an integer.
///
/// # Safety
///
/// `src` satisfies a device pointer's invariant for `T` (read access); `dst` is valid for writes
/// of a `T` and aligned; `align_of::<T>() >= size_of::<W>()`.
#[inline(always)]
unsafe fn load_words<W: Word, T, B: Backend>(b: B, src: *mut T, dst: *mut T) {
    let n = size_of::<T>() / size_of::<W>();
    let mut i = 0;
    while i < n {
        // Word `i` lies inside the `T` (i < size / word size) and is aligned to the word (the
        // `T` is aligned to its type, whose alignment is at least the word's, and the offset
        // is a multiple of the word size).
        // SAFETY: word `i` of `src` is inside the `T`, aligned, and readable (the invariant).
        let v = unsafe { W::load(b, src.cast::<W>().wrapping_add(i)) };
        // `MaybeUninit<W>` has `W`'s layout, and memory meant for a `T` here is a
        // `MaybeUninit`, so any bytes may be stored in it.
        // SAFETY: word `i` of `dst` is inside the `T`, aligned, and writable (the caller's).
        unsafe { dst.cast::<MaybeUninit<W>>().wrapping_add(i).write(v) };
        i += 1;
    }
}

/// Stores the `T` at `src` into `dst`, word by word.
///
/// # Safety
///
/// `dst` satisfies a device pointer's invariant for `T` (write access); `src` points to a `T`
/// with every byte initialized; `align_of::<T>() >= size_of::<W>()`.
#[inline(always)]
unsafe fn store_words<W: Word, T, B: Backend>(b: B, src: *const T, dst: *mut T) {
    let n = size_of::<T>() / size_of::<W>();
    let mut i = 0;
    while i < n {
        // Word `i` lies inside the `T` at `src`, is aligned (as in `load_words`), and
        // its bytes are initialized (the caller's promise), so they are a valid `W` integer.
        // SAFETY: each precondition listed above holds, for the reason given there.
        let v = unsafe { src.cast::<W>().wrapping_add(i).read() };
        // SAFETY: word `i` of `dst` is inside the `T`, aligned, and writable by the invariant.
        unsafe { W::store(b, dst.cast::<W>().wrapping_add(i), v) };
        i += 1;
    }
}

/// Reads the `V` at `src` into a `MaybeUninit`, every byte copied: initialized where the
/// source byte is (always, for device memory; for memory the driver owns, everywhere but in
/// padding).
///
/// # Safety
///
/// `src` satisfies a device pointer's invariant for `V` (read access).
#[inline(always)]
unsafe fn load<V, B: Backend>(b: B, src: *mut V) -> MaybeUninit<V> {
    let mut out = MaybeUninit::<V>::uninit();
    let dst = out.as_mut_ptr();
    with_word!(Words::<V>::WIDTH, |W| {
        // `src` is valid for reads as the caller promises and `dst` is a local `V`; the
        // word `W` is at most `align_of::<V>()` (`with_word!`).
        // SAFETY: each precondition listed above holds, for the reason given there.
        unsafe { load_words::<W, V, B>(b, src, dst) }
    });
    out
}

/// Writes `v` to `dst`: moves it into the memory, so it is not dropped here (the memory's
/// owner, if any, drops it; the value it overwrote is forgotten, as `ptr::write` does).
///
/// # Safety
///
/// `dst` satisfies a device pointer's invariant for `V` (write access); `V` has no padding
/// (`IntoBytes`).
#[inline(always)]
unsafe fn store<V, B: Backend>(b: B, v: V, dst: *mut V) {
    // Never dropped: its bytes are moved into `dst`, where they are the value now.
    let v = ManuallyDrop::new(v);
    let src = core::ptr::from_ref::<V>(&v);
    with_word!(Words::<V>::WIDTH, |W| {
        // `dst` is valid for writes as the caller promises and `src` is a local `V`
        // with every byte initialized (no padding); the word `W` is at most `align_of::<V>()`
        // (`with_word!`).
        // SAFETY: each precondition listed above holds, for the reason given there.
        unsafe { store_words::<W, V, B>(b, src, dst) }
    });
}

/// Validates the copy in `out` as a `V`.
///
/// # Safety
///
/// `out` was filled by `load` from a device pointer to a `V` (or a type of `V`'s validity).
unsafe fn validate<V: TryFromBytes + crate::IntoBytes>(
    out: &MaybeUninit<V>,
) -> Result<V, ValidityError<(), V>> {
    // `load` copied every byte of `out` (its words cover `size_of::<V>()`) from the source,
    // where each byte is initialized: device memory always is, and memory the driver owns
    // holds a valid `V` (or bytes of a `FromBytes + IntoBytes` block, as the device pointer's
    // invariant says), every byte of which is initialized since `V: IntoBytes` has no padding.
    // SAFETY: `out`'s `size_of::<V>()` bytes are initialized and borrowed as long as `out`.
    let bytes = unsafe { core::slice::from_raw_parts(out.as_ptr().cast::<u8>(), size_of::<V>()) };
    V::try_read_from_bytes(bytes).map_err(|e| match e {
        crate::ConvertError::Validity(e) => e.map_src(|_| ()),
        // The length is `size_of::<V>()`, so the size check passes; this arm is never taken
        // but must be answered without a panic.
        crate::ConvertError::Size(_) => ValidityError::new((), InvalidBits::new::<V>(0, None)),
        crate::ConvertError::Alignment(never) => match never {},
    })
}

impl<'a, T, B: Backend> DevicePtrMut<'a, T, B> {
    /// Reads the value: `size / w` accesses of `w = min(align_of::<T>(), 8)` bytes in ascending
    /// address order, so one access of its width for the integers (and any 1-, 2-, 4- or 8-byte
    /// type aligned to its size).
    ///
    /// Needs a unique pointer because reading a register may have side effects; registers
    /// without them ([`ReadPure`](super::ReadPure)) and plain memory can also be read through a
    /// shared [`DevicePtr`].
    ///
    /// A type larger than 1 byte with alignment 1 (such as a byte-order integer, or a struct or
    /// array of them) is refused at compile time: it would be split into byte accesses.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadOnly};
    ///
    /// let mut status = ReadOnly::new(0x0102_0304_u32);
    /// assert_eq!(DevicePtrMut::from_mut(&mut status).read(), 0x0102_0304);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn read(&mut self) -> T::Value
    where
        T: Readable,
    {
        let src = self.ptr.cast::<T::Value>();
        // By the type's invariant `src` is valid for reads of a `T` and aligned, and a
        // `DeviceCell` (`T: Readable` is one) has the size, alignment and validity of its
        // `Value`.
        // SAFETY: each precondition listed above holds, for the reason given there.
        let out = unsafe { load::<T::Value, B>(self.backend, src) };
        // SAFETY: `load` initialized every byte, and `T::Value: FromBytes` accepts any bytes.
        unsafe { out.assume_init() }
    }

    /// Copies the value out with the accesses of [`read`](Self::read), then validates the
    /// copy (never the live memory, which the device may change in between).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, FakeDevice, Width};
    ///
    /// /// A device whose every byte reads as 2.
    /// struct Twos;
    /// impl FakeDevice for Twos {
    ///     fn read(&self, _: usize, _: Width) -> u64 { 2 }
    ///     fn write(&self, _: usize, _: Width, _: u64) {}
    /// }
    /// let mut flag = DevicePtrMut::<bool, _>::fake(&Twos, 0).unwrap();
    /// let err = flag.try_read().unwrap_err();
    /// assert_eq!(err.invalid().found(), Some(2));
    ///
    /// let mut ok = true;
    /// assert_eq!(DevicePtrMut::from_mut(&mut ok).try_read(), Ok(true));
    /// ```
    ///
    /// # Errors
    ///
    /// A [`ValidityError`] naming the offset and bits of the invalid value.
    #[inline(always)]
    pub fn try_read(&mut self) -> Result<T::Value, ValidityError<(), T::Value>>
    where
        T: TryReadable,
    {
        let src = self.ptr.cast::<T::Value>();
        // SAFETY: as in `read`: a `DeviceCell` has the layout and validity of its `Value`.
        let out = unsafe { load::<T::Value, B>(self.backend, src) };
        // SAFETY: `out` was just loaded from this pointer to a `T`, of `T::Value`'s validity.
        unsafe { validate(&out) }
    }

    /// Writes `value` with the accesses [`read`](Self::read) describes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, WriteOnly};
    ///
    /// let mut doorbell = WriteOnly::new(0_u16);
    /// DevicePtrMut::from_mut(&mut doorbell).write(0x8001);
    /// ```
    #[inline(always)]
    pub fn write(&mut self, value: T::Value)
    where
        T: Writable,
    {
        let dst = self.ptr.cast::<T::Value>();
        // By the type's invariant `dst` is valid for writes of a `T` and aligned; a
        // `DeviceCell` (`T: Writable` is one) has the size, alignment and validity of its
        // `Value`, so any `T::Value` is a valid `T`; `T::Value: IntoBytes` has no padding.
        // SAFETY: each precondition listed above holds, for the reason given there.
        unsafe { store::<T::Value, B>(self.backend, value, dst) }
    }
}

impl<'a, T, B: Backend> DevicePtrMut<'a, T, B> {
    /// Read-modify-write: one [`read`](Self::read), then one [`write`](Self::write) of what
    /// `f` makes of the value (for a [`bitfield!`](mod@crate::bitfield) register,
    /// `p.update(|r| r.with_enable(true))`).
    ///
    /// Not atomic: the device may change the register between the two accesses.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadWrite};
    ///
    /// let mut ctrl = ReadWrite::new(0b1000_u32);
    /// let mut p = DevicePtrMut::from_mut(&mut ctrl);
    /// p.update(|v| v | 1);
    /// assert_eq!(p.read(), 0b1001);
    /// ```
    #[inline(always)]
    pub fn update(&mut self, f: impl FnOnce(T::Value) -> T::Value)
    where
        T: Readable + Writable + Updatable,
    {
        let v = self.read();
        self.write(f(v));
    }

    /// Read-modify-write for a value with invalid bit patterns: one
    /// [`try_read`](Self::try_read), then, if the copy is valid, one write of what `f` makes of
    /// it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadWrite};
    ///
    /// let mut flag = ReadWrite::new(false);
    /// let mut p = DevicePtrMut::from_mut(&mut flag);
    /// assert!(p.try_update(|v| !v).is_ok());
    /// assert_eq!(p.try_read(), Ok(true));
    /// ```
    ///
    /// # Errors
    ///
    /// The [`ValidityError`] of the read; then nothing is written.
    #[inline(always)]
    pub fn try_update(
        &mut self,
        f: impl FnOnce(T::Value) -> T::Value,
    ) -> Result<(), ValidityError<(), T::Value>>
    where
        T: TryReadable + Writable + Updatable,
    {
        let v = self.try_read()?;
        self.write(f(v));
        Ok(())
    }
}

impl<'a, T, B: Backend> DevicePtr<'a, T, B> {
    /// Reads a value whose reads have no side effects, as [`DevicePtrMut::read`] does.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadPure};
    ///
    /// let mut version = ReadPure::new(3_u8);
    /// let p = DevicePtrMut::from_mut(&mut version).into_shared();
    /// assert_eq!(p.read(), 3);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn read(&self) -> T::Value
    where
        T: Readable + PureRead,
    {
        let src = self.ptr.cast::<T::Value>();
        // By the type's invariant `src` is valid for reads of a `T` and aligned, and a
        // `DeviceCell` (`T: Readable` is one) has the size, alignment and validity of its
        // `Value`.
        // SAFETY: each precondition listed above holds, for the reason given there.
        let out = unsafe { load::<T::Value, B>(self.backend, src) };
        // SAFETY: `load` initialized every byte, and `T::Value: FromBytes` accepts any bytes.
        unsafe { out.assume_init() }
    }

    /// Copies a value whose reads have no side effects out, then validates the copy, as
    /// [`DevicePtrMut::try_read`] does.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut flag = true;
    /// let p = DevicePtrMut::from_mut(&mut flag).into_shared();
    /// assert_eq!(p.try_read(), Ok(true));
    /// ```
    ///
    /// # Errors
    ///
    /// A [`ValidityError`] naming the offset and bits of the invalid value.
    #[inline(always)]
    pub fn try_read(&self) -> Result<T::Value, ValidityError<(), T::Value>>
    where
        T: TryReadable + PureRead,
    {
        let src = self.ptr.cast::<T::Value>();
        // SAFETY: as in `read`: a `DeviceCell` has the layout and validity of its `Value`.
        let out = unsafe { load::<T::Value, B>(self.backend, src) };
        // SAFETY: `out` was just loaded from this pointer to a `T`, of `T::Value`'s validity.
        unsafe { validate(&out) }
    }
}
