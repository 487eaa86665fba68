// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`RegsDyn`]: a register block whose size is known at run time, whose accessors check each
//! offset and return a [`RegError`].

use core::fmt;
use core::mem::{size_of, size_of_val};
use core::ptr::NonNull;

use super::backend::{Backend, Explicit, Fake, FakeDevice, Volatile};
use super::perm::{PureRead, Readable, TryReadable, Updatable, Writable};
use super::ptr::{DevicePtr, DevicePtrMut};
use super::register::{
    check_aligned, check_array, check_inside, RegError, Register, RegisterArray, Value, BASE_ALIGN,
};

/// A unique pointer to a register block whose size is known at run time, with base aligned
/// to `u64` (8 on 64-bit targets, 4 on i686): its accessors check offsets against the size and return a [`RegError`] (the
/// kernel's `Io::try_read32` and friends); the table on [`Regs`](super::Regs) compares the two.
///
/// # Examples
///
/// ```
/// use zerocast::device::{ReadWrite, Reg, RegError, RegsDyn};
///
/// type Data = Reg<ReadWrite<u64>, 8>;
/// let mut mem = [0_u64; 2];
/// let mut regs = RegsDyn::from_mut(&mut mem[..]);
/// assert_eq!(regs.size(), 16);
/// regs.write::<Data>(5).unwrap();
/// assert_eq!(regs.read::<Data>(), Ok(5));
/// assert_eq!(
///     regs.read::<Reg<ReadWrite<u64>, 16>>(),
///     Err(RegError::OutOfBlock { offset: 16, width: 8, size: 16 })
/// );
/// ```
///
/// # Invariants
///
/// As [`Regs`](super::Regs), for `base.len()` bytes.
pub struct RegsDyn<'a, B: Backend = Volatile> {
    pub(super) base: DevicePtrMut<'a, [u8], B>,
}

impl<B: Backend> fmt::Debug for RegsDyn<'_, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegsDyn({:#x}, {} bytes)", self.base.addr(), self.size())
    }
}

impl<'a> RegsDyn<'a, Volatile> {
    /// The same block with the [`Explicit`] backend, as
    /// [`Regs::explicit`](super::Regs::explicit).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, RegsDyn};
    ///
    /// let mut mem = [0_u64; 1];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]).explicit();
    /// assert_eq!(regs.write::<Reg<ReadWrite<u8>, 1>>(5), Ok(()));
    /// assert_eq!(regs.read::<Reg<ReadWrite<u8>, 1>>(), Ok(5));
    /// ```
    #[must_use]
    pub fn explicit(self) -> RegsDyn<'a, Explicit> {
        // INVARIANT: the same memory; the backends share their invariant.
        RegsDyn {
            base: self.base.explicit(),
        }
    }

    /// The register block of `size` bytes at `base` (a mapped MMIO region); `None` if `base`
    /// is not a multiple of `align_of::<u64>()`.
    ///
    /// # Safety
    ///
    /// As [`DevicePtrMut::new`] for the `size` bytes at `base`, with accesses of the widths of
    /// the registers used.
    ///
    /// # Examples
    ///
    /// ```
    /// use core::ptr::NonNull;
    /// use zerocast::device::{Reg, RegsDyn, WriteOnly};
    ///
    /// let mut mem = [0_u64; 2]; // stands for a mapped block whose size came from firmware
    /// let base = NonNull::from(&mut mem).cast::<u8>();
    /// // SAFETY: `mem` is a live, aligned local of 16 bytes used only through `regs` below.
    /// let mut regs = unsafe { RegsDyn::new(base, 16) }.unwrap();
    /// assert!(regs.write::<Reg<WriteOnly<u32>, 12>>(1).is_ok());
    /// assert!(regs.write::<Reg<WriteOnly<u32>, 16>>(1).is_err());
    /// ```
    #[must_use]
    pub unsafe fn new(base: NonNull<u8>, size: usize) -> Option<Self> {
        if base.as_ptr().addr() % BASE_ALIGN != 0 {
            return None;
        }
        // SAFETY: the caller promises `DevicePtrMut::new`'s contract for these `size` bytes.
        let p = unsafe { DevicePtrMut::new(NonNull::slice_from_raw_parts(base, size)) };
        // INVARIANT: `size` bytes of device memory at a multiple of `BASE_ALIGN`.
        Some(RegsDyn { base: p })
    }

    /// The register block over the ordinary memory `mem` (tests, simulations), of
    /// `8 * mem.len()` bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::RegsDyn;
    ///
    /// let mut mem = [0_u64; 4];
    /// assert_eq!(RegsDyn::from_mut(&mut mem[..]).size(), 32);
    /// ```
    #[must_use]
    pub fn from_mut(mem: &'a mut [u64]) -> Self {
        let size = size_of_val(mem);
        // The `size` bytes of `mem` (`size` cannot overflow: `mem` is in memory); any
        // bytes written leave valid `u64`s; `u8` needs no alignment.
        // SAFETY: each precondition listed above holds, for the reason given there.
        let p = unsafe { DevicePtrMut::from_mut(mem).cast_bytes(size) };
        // INVARIANT: the bytes of a `[u64]`, aligned to `u64` (`BASE_ALIGN`).
        RegsDyn { base: p }
    }
}

impl<'a, D: FakeDevice + ?Sized> RegsDyn<'a, Fake<'a, D>> {
    /// The register block of `size` bytes at `offset` in a fake device; `None` if `offset` is
    /// not a multiple of `align_of::<u64>()`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{FakeDevice, ReadOnly, Reg, RegsDyn, Width};
    ///
    /// struct Ones;
    /// impl FakeDevice for Ones {
    ///     fn read(&self, _: usize, _: Width) -> u64 { u64::MAX }
    ///     fn write(&self, _: usize, _: Width, _: u64) {}
    /// }
    /// let mut regs = RegsDyn::fake(&Ones, 0, 4).unwrap();
    /// assert_eq!(regs.read::<Reg<ReadOnly<u8>, 3>>(), Ok(0xff));
    /// assert!(regs.read::<Reg<ReadOnly<u8>, 4>>().is_err());
    /// ```
    #[must_use]
    pub fn fake(device: &'a D, offset: usize, size: usize) -> Option<Self> {
        if offset % BASE_ALIGN != 0 {
            return None;
        }
        let p = DevicePtrMut::<[u8], _>::fake_slice(device, offset, size)?;
        // INVARIANT: `size` bytes of the fake at a multiple of `BASE_ALIGN`.
        Some(RegsDyn { base: p })
    }
}

impl<'a, B: Backend> RegsDyn<'a, B> {
    /// The block's size in bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut mem = [0_u64; 1];
    /// assert_eq!(zerocast::device::RegsDyn::from_mut(&mut mem[..]).size(), 8);
    /// ```
    #[must_use]
    pub fn size(&self) -> usize {
        self.base.len()
    }

    /// The same block, borrowed from `self` (for the accessors that consume a block).
    pub(super) fn reborrow(&mut self) -> RegsDyn<'_, B> {
        // INVARIANT: the same bytes and base as `self`'s, borrowed from it.
        RegsDyn {
            base: self.base.reborrow(),
        }
    }

    /// A device pointer to register `R`, whose offset is checked against the block's size at
    /// run time (its alignment at compile time).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, RegError, RegsDyn};
    ///
    /// let mut mem = [0_u64; 1];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// regs.reg::<Reg<ReadWrite<u32>, 4>>().unwrap().write(2);
    /// assert_eq!(
    ///     regs.reg::<Reg<ReadWrite<u64>, 8>>().unwrap_err(),
    ///     RegError::OutOfBlock { offset: 8, width: 8, size: 8 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if the register is not inside the block.
    #[inline(always)]
    pub fn reg<R: Register>(&mut self) -> Result<DevicePtrMut<'_, R::Cell, B>, RegError> {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        // SAFETY: `check_aligned` passed for `R` (at compile time, just above).
        unsafe { self.reg_aligned::<R>() }
    }

    /// [`reg`](Self::reg) for the accessors that checked the alignment themselves (so that an
    /// error names the caller's line).
    ///
    /// # Safety
    ///
    /// `check_aligned::<R::Cell>(R::OFFSET)` passes.
    #[inline(always)]
    unsafe fn reg_aligned<R: Register>(
        &mut self,
    ) -> Result<DevicePtrMut<'_, R::Cell, B>, RegError> {
        check_inside(R::OFFSET, size_of::<R::Cell>(), self.size())?;
        // The register lies inside the block (checked just above) and its offset is a
        // multiple of its alignment (the caller's `check_aligned`), which is at most the
        // base's (`BASE_ALIGN`); bytes written leave a valid block (the type's invariant); `self` stays
        // borrowed while the result lives.
        // SAFETY: each precondition listed above holds, for the reason given there.
        Ok(unsafe { self.base.reborrow().cast_at::<R::Cell>(R::OFFSET) })
    }

    /// Reads register `R` if it is inside the block (one access of its width).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadOnly, Reg, RegsDyn};
    ///
    /// let mut mem = [u64::from_ne_bytes([1, 2, 3, 4, 5, 6, 7, 8])];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// assert_eq!(regs.read::<Reg<ReadOnly<u8>, 7>>(), Ok(8));
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if it is not; then nothing is read.
    #[inline(always)]
    pub fn read<R: Register>(&mut self) -> Result<Value<R>, RegError>
    where
        R::Cell: Readable,
    {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        // SAFETY: `check_aligned` passed for `R` (at compile time, just above).
        let mut p = unsafe { self.reg_aligned::<R>() }?;
        Ok(p.read())
    }

    /// Reads register `R` through a shared borrow of the block if it is inside the block and
    /// its reads have no side effects ([`PureRead`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadPure, Reg, RegError, RegsDyn};
    ///
    /// let mut mem = [u64::from_ne_bytes([0, 0, 0, 0, 9, 0, 0, 0])];
    /// let regs = RegsDyn::from_mut(&mut mem[..]);
    /// assert_eq!(regs.read_pure::<Reg<ReadPure<u8>, 4>>(), Ok(9));
    /// assert_eq!(
    ///     regs.read_pure::<Reg<ReadPure<u32>, 8>>(),
    ///     Err(RegError::OutOfBlock { offset: 8, width: 4, size: 8 })
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if it is not inside; then nothing is read.
    #[inline(always)]
    pub fn read_pure<R: Register>(&self) -> Result<Value<R>, RegError>
    where
        R::Cell: Readable + PureRead,
    {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        check_inside(R::OFFSET, size_of::<R::Cell>(), self.size())?;
        // The register lies inside the block (checked just above) and its offset is a
        // multiple of its alignment (checked at compile time above), which is at most the
        // base's (`BASE_ALIGN`).
        // SAFETY: each precondition listed above holds, for the reason given there.
        Ok(unsafe { self.base.as_shared().cast_at::<R::Cell>(R::OFFSET) }.read())
    }

    /// Reads register `R` if it is inside the block, and validates the copy: for registers
    /// with invalid bit patterns (a `bool`, an enum, a bit field with `as? E`).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadOnly, Reg, RegError, RegsDyn};
    ///
    /// type Ready = Reg<ReadOnly<bool>, 2>;
    /// let mut mem = [u64::from_ne_bytes([0, 0, 1, 0, 0, 0, 0, 0])];
    /// assert_eq!(RegsDyn::from_mut(&mut mem[..]).try_read::<Ready>(), Ok(true));
    ///
    /// let mut mem = [u64::from_ne_bytes([0, 0, 2, 0, 0, 0, 0, 0])];
    /// let err = RegsDyn::from_mut(&mut mem[..]).try_read::<Ready>().unwrap_err();
    /// let RegError::Invalid { offset, bits } = err else { panic!("{err}") };
    /// assert_eq!((offset, bits.found()), (2, Some(2)));
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if it is not inside (then nothing is read);
    /// [`RegError::Invalid`] if the bits read are not a valid value.
    #[inline(always)]
    pub fn try_read<R: Register>(&mut self) -> Result<Value<R>, RegError>
    where
        R::Cell: TryReadable,
    {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        // SAFETY: `check_aligned` passed for `R` (at compile time, just above).
        let mut p = unsafe { self.reg_aligned::<R>() }?;
        p.try_read().map_err(|e| RegError::Invalid {
            offset: R::OFFSET,
            bits: e.invalid(),
        })
    }

    /// Writes register `R` if it is inside the block (one access of its width).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, RegsDyn, WriteOnly};
    ///
    /// let mut mem = [0_u64];
    /// assert!(RegsDyn::from_mut(&mut mem[..]).write::<Reg<WriteOnly<u8>, 0>>(1).is_ok());
    /// assert_eq!(mem[0].to_ne_bytes()[0], 1);
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if it is not; then nothing is written.
    #[inline(always)]
    pub fn write<R: Register>(&mut self, value: Value<R>) -> Result<(), RegError>
    where
        R::Cell: Writable,
    {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        // SAFETY: `check_aligned` passed for `R` (at compile time, just above).
        let mut p = unsafe { self.reg_aligned::<R>() }?;
        p.write(value);
        Ok(())
    }

    /// Read-modify-write of register `R` (one read, one write) if it is inside the block.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, RegsDyn};
    ///
    /// type Count = Reg<ReadWrite<u16>, 2>;
    /// let mut mem = [0_u64];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// regs.update::<Count>(|v| v + 7).unwrap();
    /// assert_eq!(regs.read::<Count>(), Ok(7));
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if it is not; then nothing is accessed.
    #[inline(always)]
    pub fn update<R: Register>(
        &mut self,
        f: impl FnOnce(Value<R>) -> Value<R>,
    ) -> Result<(), RegError>
    where
        R::Cell: Readable + Writable + Updatable,
    {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        // SAFETY: `check_aligned` passed for `R` (at compile time, just above).
        let mut p = unsafe { self.reg_aligned::<R>() }?;
        p.update(f);
        Ok(())
    }

    /// Read-modify-write of register `R` with a validated read: one read, then, if the copy
    /// is valid, one write of what `f` makes of it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, RegError, RegsDyn};
    ///
    /// type Enable = Reg<ReadWrite<bool>, 0>;
    /// let mut mem = [0_u64];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// assert_eq!(regs.try_update::<Enable>(|on| !on), Ok(()));
    /// assert_eq!(regs.try_read::<Enable>(), Ok(true));
    ///
    /// let mut mem = [3_u64.to_le()];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// assert!(matches!(regs.try_update::<Enable>(|on| !on), Err(RegError::Invalid { .. })));
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if it is not inside (then nothing is accessed);
    /// [`RegError::Invalid`] if the bits read are not a valid value (then nothing is written).
    #[inline(always)]
    pub fn try_update<R: Register>(
        &mut self,
        f: impl FnOnce(Value<R>) -> Value<R>,
    ) -> Result<(), RegError>
    where
        R::Cell: TryReadable + Writable + Updatable,
    {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        // SAFETY: `check_aligned` passed for `R` (at compile time, just above).
        let mut p = unsafe { self.reg_aligned::<R>() }?;
        p.try_update(f).map_err(|e| RegError::Invalid {
            offset: R::OFFSET,
            bits: e.invalid(),
        })
    }

    /// The offset of element `i` of register array `A`, checked against the array's length
    /// and the block.
    fn elem_offset<A: RegisterArray>(&self, i: usize) -> Result<usize, RegError> {
        if i >= A::LEN {
            return Err(RegError::Index {
                index: i,
                len: A::LEN,
            });
        }
        let offset = i
            .checked_mul(A::STRIDE)
            .and_then(|d| d.checked_add(A::OFFSET))
            .unwrap_or(usize::MAX);
        check_inside(offset, size_of::<A::Cell>(), self.size())?;
        Ok(offset)
    }

    /// A device pointer to element `i` of register array `A`, checked at run time.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, RegArray, RegError, RegsDyn};
    ///
    /// type Slots = RegArray<ReadWrite<u32>, 0, 8, 4>; // declared for 4, the block has room for 2
    /// let mut mem = [0_u64; 2];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// assert!(regs.elem::<Slots>(1).is_ok());
    /// assert_eq!(
    ///     regs.elem::<Slots>(2).unwrap_err(),
    ///     RegError::OutOfBlock { offset: 16, width: 4, size: 16 }
    /// );
    /// assert_eq!(regs.elem::<Slots>(4).unwrap_err(), RegError::Index { index: 4, len: 4 });
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::Index`] if `i >= A::LEN`; [`RegError::OutOfBlock`] if the element is not
    /// inside the block.
    #[inline(always)]
    pub fn elem<A: RegisterArray>(
        &mut self,
        i: usize,
    ) -> Result<DevicePtrMut<'_, A::Cell, B>, RegError> {
        const { check_array::<A::Cell>(A::OFFSET, A::STRIDE) };
        let offset = self.elem_offset::<A>(i)?;
        // The element lies inside the block (`elem_offset`; an overflowed offset is
        // `usize::MAX`, past any block) and `OFFSET + i * STRIDE` is a multiple of the
        // alignment (both terms are, checked at compile time), which is at most the base's (`BASE_ALIGN`);
        // bytes written leave a valid block (the type's invariant); `self` stays borrowed
        // while the result lives.
        // SAFETY: each precondition listed above holds, for the reason given there.
        Ok(unsafe { self.base.reborrow().cast_at::<A::Cell>(offset) })
    }

    /// A shared device pointer to element `i` of register array `A` whose reads have no side
    /// effects ([`PureRead`]), checked at run time; several may be used side by side.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadPure, RegArray, RegError, RegsDyn};
    ///
    /// type Ids = RegArray<ReadPure<u16>, 0, 2, 4>;
    /// let mut mem = [u64::from_ne_bytes([1, 0, 2, 0, 3, 0, 4, 0])];
    /// let regs = RegsDyn::from_mut(&mut mem[..]);
    /// let (a, b) = (regs.elem_pure::<Ids>(0).unwrap(), regs.elem_pure::<Ids>(3).unwrap());
    /// assert_eq!((a.read(), b.read()), (u16::from_ne_bytes([1, 0]), u16::from_ne_bytes([4, 0])));
    /// assert_eq!(regs.elem_pure::<Ids>(4).unwrap_err(), RegError::Index { index: 4, len: 4 });
    /// ```
    ///
    /// # Errors
    ///
    /// As [`elem`](Self::elem).
    #[inline(always)]
    pub fn elem_pure<A: RegisterArray>(
        &self,
        i: usize,
    ) -> Result<DevicePtr<'_, A::Cell, B>, RegError>
    where
        A::Cell: PureRead,
    {
        const { check_array::<A::Cell>(A::OFFSET, A::STRIDE) };
        let offset = self.elem_offset::<A>(i)?;
        // SAFETY: as in `elem`: the element lies inside the block and is aligned.
        Ok(unsafe { self.base.as_shared().cast_at::<A::Cell>(offset) })
    }
}
