// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`Regs`]: a register block of `SIZE` bytes whose registers' offsets are checked at compile
//! time; the overview of register blocks is on [`Regs`].

use core::fmt;
use core::mem::{align_of, size_of};
use core::ptr::NonNull;

use super::backend::{Backend, Explicit, Fake, FakeDevice, Volatile};
use super::perm::{PureRead, Readable, TryReadable, Updatable, Writable};
use super::ptr::{DevicePtr, DevicePtrMut};
use super::register::{
    check_array_in, check_in, RegError, Register, RegisterArray, Value, BASE_ALIGN,
};
use super::regs_dyn::RegsDyn;
use crate::error::ValidityError;
use crate::{FromBytes, IntoBytes};

/// A unique pointer to a register block of `SIZE` bytes whose base is aligned to `u64` (8 on
/// 64-bit targets, 4 on i686): its registers' offsets are checked at compile time.
///
/// A register is a type naming its offset and its *cell*, the type a device pointer to it has,
/// which states its access permission: `Reg<ReadOnly<Lsr>, 5>` is a read-only
/// [`bitfield!`](mod@crate::bitfield) `Lsr` at offset 5, `Reg<ReadWrite<u32>, 0x10>` a
/// read-write `u32` at 0x10. The permissions are [`ReadOnly`](super::ReadOnly),
/// [`WriteOnly`](super::WriteOnly), [`ReadWrite`](super::ReadWrite) (reads may have side
/// effects: a FIFO pop, a clear-on-read status), [`ReadPure`](super::ReadPure) and
/// [`ReadPureWrite`](super::ReadPureWrite) (reads have none: readable through `&Regs`); a
/// plain `Reg<u32, 0>` does not compile ([`Permission`](super::Permission)). Registers
/// sharing an offset (a UART's receive and transmit buffers) are two types.
/// [`RegArray`](super::RegArray) is `N` registers `STRIDE` bytes apart;
/// [`RegStride`](super::RegStride) the same with offset, stride and length known at run time.
///
/// A block's base is aligned to `u64`, and a register's type may be aligned to no more, so a
/// register whose offset is a multiple of its type's alignment is aligned in memory; every access is the one access of its width that
/// [`DevicePtrMut::read`] describes.
///
/// | | [`Regs<SIZE>`](Regs) (size known at compile time) | [`RegsDyn`] (size known at run time) |
/// |---|---|---|
/// | `Reg`/`RegArray` inside the block | compile error if not | `Err(`[`RegError::OutOfBlock`]`)` |
/// | `Reg`/`RegArray` offset aligned to the register | compile error if not | compile error if not |
/// | access not allowed (read of `WriteOnly`, write of `ReadOnly`, `read_pure` of `ReadOnly`) | compile error | compile error |
/// | accessors of a `Reg` | `reg`, `read`, `write`, `update`, `read_pure` (plain values) | the same names, returning `Result<_, RegError>` |
/// | validated reads (`bool`, enums, `as? E` bit fields) | `try_read`, `try_update`: `Err(`[`ValidityError`](crate::ValidityError)`)` | `try_read`, `try_update`: `Err(`[`RegError::Invalid`]`)` |
/// | arrays | `elem`, `elem_pure`: `Err(`[`RegError::Index`]`)` past the end; `at::<A, I>()`: compile error | `elem`, `elem_pure`: `Err(RegError)` |
/// | run-time offsets and strides | `reg_at`, `elem_at` with a [`RegStride`](super::RegStride): `Err(RegError)` (out of the block, misaligned, overflow) | the same |
/// | sub-blocks | `block::<OFFSET, LEN>()` (compile time), `block_at::<LEN>(offset)` | `block_at::<LEN>(offset)`, `sub(offset, size)` |
///
/// The Linux kernel's `Io` has the same pair: `read32`/`write32`, whose offsets are checked at
/// compile time against the mapping's known size, are [`Regs::read`]/[`Regs::write`];
/// `try_read32`/`try_write32`, checked at run time, are [`RegsDyn::read`]/[`RegsDyn::write`].
/// Here `try_` means "the value is validated" everywhere, as in `try_read_from_bytes`: the
/// offset check of `RegsDyn` is in its return type.
///
/// # Examples
///
/// ```
/// use zerocast::device::{ReadOnly, ReadWrite, Reg, RegArray, Regs, WriteOnly};
///
/// zerocast::bitfield! {
///     pub struct Status(u32) {
///         0 ready as bool;
///         7:4 errors as u8;
///     }
/// }
/// type Ctrl = Reg<ReadWrite<u32>, 0x0>;
/// type Stat = Reg<ReadOnly<Status>, 0x4>;
/// type Doorbell = Reg<WriteOnly<u32>, 0x8>;
/// type Scratch = RegArray<ReadWrite<u32>, 0x10, 4, 4>; // at 0x10, 0x14, 0x18, 0x1c
///
/// let mut mem = [0_u64; 4]; // stands for 32 bytes of device memory
/// let mut regs = Regs::<32>::from_mut(&mut mem);
/// regs.write::<Ctrl>(1);
/// regs.update::<Ctrl>(|v| v | 0x100);
/// if !regs.read::<Stat>().ready() {
///     regs.write::<Doorbell>(7);
/// }
/// regs.elem::<Scratch>(3).unwrap().write(0xabcd);
/// assert_eq!(regs.read::<Ctrl>(), 0x101);
/// assert!(regs.elem::<Scratch>(4).is_err());
///
/// // The same block seen with its size known at run time only.
/// let mut dynamic = regs.as_dyn();
/// assert_eq!(dynamic.read::<Ctrl>(), Ok(0x101));
/// type Far = Reg<ReadWrite<u32>, 0x40>;
/// assert!(dynamic.read::<Far>().is_err()); // `regs.read::<Far>()` does not compile
/// ```
///
/// An offset past the block (or misaligned) is a compile error (see the UI tests
/// `tests/ui/device_reg_*.rs` for each case):
///
/// ```compile_fail
/// use zerocast::device::{ReadWrite, Reg, Regs};
/// let mut mem = [0_u64; 1];
/// Regs::<8>::from_mut(&mut mem).write::<Reg<ReadWrite<u32>, 8>>(1);
/// ```
///
/// # Invariants
///
/// `base` is a device pointer to `SIZE` bytes whose address is a multiple of `align_of::<u64>()`; any bytes
/// written there leave a valid value behind (device memory, or a `FromBytes` value).
///
/// [`RegError::OutOfBlock`]: super::RegError::OutOfBlock
/// [`RegError::Invalid`]: super::RegError::Invalid
/// [`RegError::Index`]: super::RegError::Index
pub struct Regs<'a, const SIZE: usize, B: Backend = Volatile> {
    pub(super) base: DevicePtrMut<'a, [u8; SIZE], B>,
}

impl<const SIZE: usize, B: Backend> fmt::Debug for Regs<'_, SIZE, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Regs({:#x}, {SIZE} bytes)", self.base.addr())
    }
}

impl<'a, const SIZE: usize> Regs<'a, SIZE, Volatile> {
    /// The same block with the [`Explicit`] backend: every register access one explicit
    /// instruction (`mov` on x86_64), for a TDX or SEV-ES guest.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, Regs};
    ///
    /// let mut mem = [0_u64; 1];
    /// let mut regs = Regs::<8>::from_mut(&mut mem).explicit();
    /// regs.update::<Reg<ReadWrite<u32>, 4>>(|v| v | 0x80);
    /// assert_eq!(regs.read::<Reg<ReadWrite<u32>, 4>>(), 0x80);
    /// ```
    #[must_use]
    pub fn explicit(self) -> Regs<'a, SIZE, Explicit> {
        // INVARIANT: the same memory; the backends share their invariant.
        Regs {
            base: self.base.explicit(),
        }
    }

    /// The register block of `SIZE` bytes at `base` (a mapped MMIO region); `None` if `base`
    /// is not a multiple of `align_of::<u64>()`.
    ///
    /// # Safety
    ///
    /// As [`DevicePtrMut::new`] for the `SIZE` bytes at `base`, with accesses of the widths of
    /// the registers used.
    ///
    /// # Examples
    ///
    /// ```
    /// use core::ptr::NonNull;
    /// use zerocast::device::{ReadWrite, Reg, Regs};
    ///
    /// let mut mem = [0_u64; 1]; // stands for a mapped block
    /// let base = NonNull::from(&mut mem).cast::<u8>();
    /// // SAFETY: `mem` is a live, aligned local used only through `regs` below.
    /// let mut regs = unsafe { Regs::<8>::new(base) }.unwrap();
    /// regs.write::<Reg<ReadWrite<u16>, 2>>(9);
    /// assert_eq!(regs.read::<Reg<ReadWrite<u16>, 2>>(), 9);
    /// ```
    #[must_use]
    pub unsafe fn new(base: NonNull<u8>) -> Option<Self> {
        if base.as_ptr().addr() % BASE_ALIGN != 0 {
            return None;
        }
        // SAFETY: the caller promises `DevicePtrMut::new`'s contract for these `SIZE` bytes.
        let p = unsafe { DevicePtrMut::new(base.cast::<[u8; SIZE]>()) };
        // INVARIANT: `SIZE` bytes of device memory at a multiple of `BASE_ALIGN`.
        Some(Regs { base: p })
    }

    /// The register block over ordinary memory `mem` (tests, simulations): a
    /// `FromBytes + IntoBytes` value of `SIZE` bytes aligned to `u64`, such as `[u64; SIZE / 8]`.
    ///
    /// A `T` of another size, or aligned to less than 8, does not compile.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, Regs, WriteOnly};
    ///
    /// let mut mem = [0_u64; 2];
    /// Regs::<16>::from_mut(&mut mem).write::<Reg<WriteOnly<u64>, 8>>(3);
    /// assert_eq!(mem, [0, 3]);
    /// ```
    #[must_use]
    pub fn from_mut<T: FromBytes + IntoBytes>(mem: &'a mut T) -> Self {
        const {
            assert!(
                size_of::<T>() == SIZE,
                "the memory's size is not the block's"
            );
            assert!(
                align_of::<T>() >= BASE_ALIGN,
                "a register block must be aligned to `u64` (use [u64; N])"
            );
        };
        // `SIZE` bytes from offset 0 lie inside `*mem` (its size is `SIZE`); any bytes
        // written leave a valid `T` (`FromBytes`); `u8` needs no alignment.
        // SAFETY: each precondition listed above holds, for the reason given there.
        let p = unsafe { DevicePtrMut::from_mut(mem).cast_at::<[u8; SIZE]>(0) };
        // INVARIANT: `SIZE` bytes at the address of a `T` aligned to at least `BASE_ALIGN`.
        Regs { base: p }
    }
}

impl<'a, const SIZE: usize, D: FakeDevice + ?Sized> Regs<'a, SIZE, Fake<'a, D>> {
    /// The register block of `SIZE` bytes at `offset` in a fake device; `None` if `offset` is
    /// not a multiple of `align_of::<u64>()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{FakeDevice, ReadOnly, Reg, Regs, Width};
    ///
    /// struct Ones;
    /// impl FakeDevice for Ones {
    ///     fn read(&self, _: usize, _: Width) -> u64 { u64::MAX }
    ///     fn write(&self, _: usize, _: Width, _: u64) {}
    /// }
    /// let mut regs = Regs::<8, _>::fake(&Ones, 0x100).unwrap();
    /// assert_eq!(regs.read::<Reg<ReadOnly<u16>, 6>>(), 0xffff);
    /// assert!(Regs::<8, _>::fake(&Ones, 4).is_none());
    /// ```
    #[must_use]
    pub fn fake(device: &'a D, offset: usize) -> Option<Self> {
        if offset % BASE_ALIGN != 0 {
            return None;
        }
        let p = DevicePtrMut::<[u8; SIZE], _>::fake(device, offset)?;
        // INVARIANT: `SIZE` bytes of the fake at a multiple of `BASE_ALIGN`.
        Some(Regs { base: p })
    }
}

impl<'a, const SIZE: usize, B: Backend> Regs<'a, SIZE, B> {
    /// A device pointer to register `R`, whose offset is checked at compile time (inside the
    /// block, aligned to its width); read, write and update it as any device pointer.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadOnly, Reg, Regs};
    ///
    /// let mut mem = [0x0102_0304_0506_0708_u64];
    /// let mut regs = Regs::<8>::from_mut(&mut mem);
    /// let v = regs.reg::<Reg<ReadOnly<u8>, 0>>().read();
    /// assert_eq!(v, 0x0102_0304_0506_0708_u64.to_ne_bytes()[0]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn reg<R: Register>(&mut self) -> DevicePtrMut<'_, R::Cell, B> {
        const { check_in::<R::Cell>(R::OFFSET, SIZE) };
        // SAFETY: `check_in` passed for `R` (at compile time, just above).
        unsafe { self.reg_unchecked::<R>() }
    }

    /// A device pointer to register `R`, for the accessors that checked it themselves (each
    /// public accessor has its own compile-time check, so that an error names the caller's
    /// line).
    ///
    /// # Safety
    ///
    /// `check_in::<R::Cell>(R::OFFSET, SIZE)` passes.
    #[inline(always)]
    unsafe fn reg_unchecked<R: Register>(&mut self) -> DevicePtrMut<'_, R::Cell, B> {
        // The register lies inside the block and its offset is a multiple of its
        // alignment (the caller's `check_in`), which is at most the base's (`BASE_ALIGN`); bytes written
        // leave a valid block (the type's invariant); `self` stays borrowed while the result
        // lives.
        // SAFETY: each precondition listed above holds, for the reason given there.
        unsafe { self.base.reborrow().cast_at::<R::Cell>(R::OFFSET) }
    }

    /// Reads register `R` (one access of its width).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadOnly, Reg, Regs};
    ///
    /// type Fifo = Reg<ReadOnly<u16>, 4>;
    /// let mut mem = [u64::from_ne_bytes([1, 2, 3, 4, 5, 6, 7, 8])];
    /// assert_eq!(Regs::<8>::from_mut(&mut mem).read::<Fifo>(), u16::from_ne_bytes([5, 6]));
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn read<R: Register>(&mut self) -> Value<R>
    where
        R::Cell: Readable,
    {
        const { check_in::<R::Cell>(R::OFFSET, SIZE) };
        // SAFETY: `check_in` passed for `R` (at compile time, just above).
        unsafe { self.reg_unchecked::<R>() }.read()
    }

    /// Reads register `R` through a shared borrow of the block, if its reads have no side
    /// effects ([`PureRead`]: [`ReadPure`](super::ReadPure) and
    /// [`ReadPureWrite`](super::ReadPureWrite)); several readers may then share the block.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadPure, Reg, Regs};
    ///
    /// type Id = Reg<ReadPure<u32>, 4>;
    /// let mut mem = [u64::from_ne_bytes([0, 0, 0, 0, 7, 0, 0, 0])];
    /// let regs = Regs::<8>::from_mut(&mut mem);
    /// let (a, b) = (&regs, &regs);
    /// assert_eq!(a.read_pure::<Id>(), b.read_pure::<Id>());
    /// assert_eq!(a.read_pure::<Id>(), u32::from_ne_bytes([7, 0, 0, 0]));
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn read_pure<R: Register>(&self) -> Value<R>
    where
        R::Cell: Readable + PureRead,
    {
        const { check_in::<R::Cell>(R::OFFSET, SIZE) };
        // `check_in` passed for `R` (at compile time, just above): the register lies
        // inside the block and its offset is a multiple of its alignment, which is at most
        // the base's (`BASE_ALIGN`).
        // SAFETY: each precondition listed above holds, for the reason given there.
        unsafe { self.base.as_shared().cast_at::<R::Cell>(R::OFFSET) }.read()
    }

    /// Writes register `R` (one access of its width).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, Regs, WriteOnly};
    ///
    /// let mut mem = [0_u64];
    /// Regs::<8>::from_mut(&mut mem).write::<Reg<WriteOnly<u8>, 7>>(0xaa);
    /// assert_eq!(mem[0].to_ne_bytes()[7], 0xaa);
    /// ```
    #[inline(always)]
    pub fn write<R: Register>(&mut self, value: Value<R>)
    where
        R::Cell: Writable,
    {
        const { check_in::<R::Cell>(R::OFFSET, SIZE) };
        // SAFETY: `check_in` passed for `R` (at compile time, just above).
        unsafe { self.reg_unchecked::<R>() }.write(value);
    }

    /// Read-modify-write of register `R`: one read, one write of what `f` makes of the value
    /// (`regs.update::<Lcr>(|r| r.with_dlab(true))`). Not atomic.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, Regs};
    ///
    /// type Ctrl = Reg<ReadWrite<u32>, 4>;
    /// let mut mem = [0_u64];
    /// let mut regs = Regs::<8>::from_mut(&mut mem);
    /// regs.write::<Ctrl>(0b100);
    /// regs.update::<Ctrl>(|v| v | 1);
    /// assert_eq!(regs.read::<Ctrl>(), 0b101);
    /// ```
    #[inline(always)]
    pub fn update<R: Register>(&mut self, f: impl FnOnce(Value<R>) -> Value<R>)
    where
        R::Cell: Readable + Writable + Updatable,
    {
        const { check_in::<R::Cell>(R::OFFSET, SIZE) };
        // SAFETY: `check_in` passed for `R` (at compile time, just above).
        unsafe { self.reg_unchecked::<R>() }.update(f);
    }

    /// Reads register `R` and validates the copy, as [`DevicePtrMut::try_read`] does: for
    /// registers with invalid bit patterns (a `bool`, an enum, a bit field with `as? E`).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadOnly, Reg, Regs};
    ///
    /// type Ready = Reg<ReadOnly<bool>, 3>;
    /// let mut mem = [u64::from_ne_bytes([0, 0, 0, 1, 0, 0, 0, 0])];
    /// assert_eq!(Regs::<8>::from_mut(&mut mem).try_read::<Ready>(), Ok(true));
    ///
    /// let mut mem = [u64::from_ne_bytes([0, 0, 0, 9, 0, 0, 0, 0])];
    /// let err = Regs::<8>::from_mut(&mut mem).try_read::<Ready>().unwrap_err();
    /// assert_eq!(err.invalid().found(), Some(9));
    /// ```
    ///
    /// # Errors
    ///
    /// The [`ValidityError`] of the copy.
    #[inline(always)]
    pub fn try_read<R: Register>(&mut self) -> Result<Value<R>, ValidityError<(), Value<R>>>
    where
        R::Cell: TryReadable,
    {
        const { check_in::<R::Cell>(R::OFFSET, SIZE) };
        // SAFETY: `check_in` passed for `R` (at compile time, just above).
        unsafe { self.reg_unchecked::<R>() }.try_read()
    }

    /// Read-modify-write of register `R` with a validated read, as
    /// [`DevicePtrMut::try_update`] does: one read, then, if the copy is valid, one write of
    /// what `f` makes of it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, Regs};
    ///
    /// type Enable = Reg<ReadWrite<bool>, 0>;
    /// let mut mem = [0_u64];
    /// let mut regs = Regs::<8>::from_mut(&mut mem);
    /// assert!(regs.try_update::<Enable>(|on| !on).is_ok());
    /// assert_eq!(regs.try_read::<Enable>(), Ok(true));
    /// ```
    ///
    /// # Errors
    ///
    /// The [`ValidityError`] of the read; then nothing is written.
    #[inline(always)]
    pub fn try_update<R: Register>(
        &mut self,
        f: impl FnOnce(Value<R>) -> Value<R>,
    ) -> Result<(), ValidityError<(), Value<R>>>
    where
        R::Cell: TryReadable + Writable + Updatable,
    {
        const { check_in::<R::Cell>(R::OFFSET, SIZE) };
        // SAFETY: `check_in` passed for `R` (at compile time, just above).
        unsafe { self.reg_unchecked::<R>() }.try_update(f)
    }

    /// A device pointer to element `i` of register array `A` (the whole array is checked to be
    /// inside the block at compile time; the index at run time).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegArray, RegError, Regs, WriteOnly};
    ///
    /// type Fifo = RegArray<WriteOnly<u8>, 0, 2, 4>; // bytes 0, 2, 4, 6
    /// let mut mem = [0_u64];
    /// let mut regs = Regs::<8>::from_mut(&mut mem);
    /// for i in 0..4 {
    ///     regs.elem::<Fifo>(i)?.write(i as u8 + 1);
    /// }
    /// assert_eq!(regs.elem::<Fifo>(4).unwrap_err(), RegError::Index { index: 4, len: 4 });
    /// assert_eq!(mem[0].to_ne_bytes(), [1, 0, 2, 0, 3, 0, 4, 0]);
    /// # Ok::<(), RegError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::Index`] if `i >= A::LEN`, the same error as [`RegsDyn::elem`] and
    /// [`elem_at`](Regs::elem_at) return.
    #[inline(always)]
    pub fn elem<A: RegisterArray>(
        &mut self,
        i: usize,
    ) -> Result<DevicePtrMut<'_, A::Cell, B>, RegError> {
        const { check_array_in::<A::Cell>(A::OFFSET, A::STRIDE, A::LEN, SIZE) };
        if i >= A::LEN {
            return Err(RegError::Index {
                index: i,
                len: A::LEN,
            });
        }
        // Element `i < LEN` lies inside the block (the last one does, checked above, and
        // the others come before it) at `OFFSET + i * STRIDE`, which cannot overflow (it is at
        // most the last element's offset) and is a multiple of the alignment (both terms are);
        // as in `reg` otherwise.
        // SAFETY: each precondition listed above holds, for the reason given there.
        Ok(unsafe {
            self.base
                .reborrow()
                .cast_at::<A::Cell>(A::OFFSET + i * A::STRIDE)
        })
    }

    /// A device pointer to element `I` of register array `A`, the index checked at compile
    /// time (as the array is): for indices that are constants.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, RegArray, Regs};
    ///
    /// type Enable = RegArray<ReadWrite<u32>, 0, 4, 4>; // a GIC's ISENABLER0..3
    /// let mut mem = [0_u64; 2];
    /// let mut regs = Regs::<16>::from_mut(&mut mem);
    /// regs.at::<Enable, 1>().write(1 << (40 % 32)); // interrupt 40 is in word 1
    /// assert_eq!(regs.elem::<Enable>(1).unwrap().read(), 1 << 8);
    /// ```
    ///
    /// An index past the array does not compile:
    ///
    /// ```compile_fail,E0080
    /// use zerocast::device::{ReadWrite, RegArray, Regs};
    ///
    /// type Enable = RegArray<ReadWrite<u32>, 0, 4, 4>;
    /// let mut mem = [0_u64; 2];
    /// Regs::<16>::from_mut(&mut mem).at::<Enable, 4>().write(1);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn at<A: RegisterArray, const I: usize>(&mut self) -> DevicePtrMut<'_, A::Cell, B> {
        const {
            check_array_in::<A::Cell>(A::OFFSET, A::STRIDE, A::LEN, SIZE);
            assert!(I < A::LEN, "register array index out of bounds");
        };
        // Element `I < LEN` lies inside the block (the last one does, checked at compile time
        // above, and the others come before it) at `OFFSET + I * STRIDE`, which cannot
        // overflow (it is at most the last element's offset) and is a multiple of the
        // alignment (both terms are); as in `reg` otherwise.
        // SAFETY: each precondition listed above holds, for the reason given there.
        unsafe {
            self.base
                .reborrow()
                .cast_at::<A::Cell>(A::OFFSET + I * A::STRIDE)
        }
    }

    /// A shared device pointer to element `i` of register array `A` whose reads have no side
    /// effects ([`PureRead`]), through a shared borrow of the block (the whole array is
    /// checked to be inside the block at compile time; the index at run time).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadPure, RegArray, RegError, Regs};
    ///
    /// type Prio = RegArray<ReadPure<u8>, 0, 1, 8>; // a GIC's priority bytes
    /// let mut mem = [u64::from_ne_bytes([0xa0, 0xb0, 0, 0, 0, 0, 0, 0])];
    /// let regs = Regs::<8>::from_mut(&mut mem);
    /// let (a, b) = (regs.elem_pure::<Prio>(0)?, regs.elem_pure::<Prio>(1)?);
    /// assert_eq!((a.read(), b.read()), (0xa0, 0xb0));
    /// assert_eq!(regs.elem_pure::<Prio>(8).unwrap_err(), RegError::Index { index: 8, len: 8 });
    /// # Ok::<(), RegError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::Index`] if `i >= A::LEN`.
    #[inline(always)]
    pub fn elem_pure<A: RegisterArray>(
        &self,
        i: usize,
    ) -> Result<DevicePtr<'_, A::Cell, B>, RegError>
    where
        A::Cell: PureRead,
    {
        const { check_array_in::<A::Cell>(A::OFFSET, A::STRIDE, A::LEN, SIZE) };
        if i >= A::LEN {
            return Err(RegError::Index {
                index: i,
                len: A::LEN,
            });
        }
        // SAFETY: as in `elem`: element `i < LEN` lies inside the block and is aligned.
        Ok(unsafe {
            self.base
                .as_shared()
                .cast_at::<A::Cell>(A::OFFSET + i * A::STRIDE)
        })
    }

    /// The same block, with offsets checked at run time (for code written against
    /// [`RegsDyn`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::Regs;
    ///
    /// let mut mem = [0_u64; 3];
    /// assert_eq!(Regs::<24>::from_mut(&mut mem).as_dyn().size(), 24);
    /// ```
    #[must_use]
    pub fn as_dyn(&mut self) -> RegsDyn<'_, B> {
        // SAFETY: the `SIZE` bytes of the block, borrowed from `self`.
        let base = unsafe { self.base.reborrow().cast_bytes(SIZE) };
        // INVARIANT: the same bytes and base as `self`'s.
        RegsDyn { base }
    }
}
