// SPDX-License-Identifier: MIT OR Apache-2.0
//! Registers at offsets known at run time, on [`Regs`] and [`RegsDyn`] alike: `reg_at`, `elem_at`
//! (with a [`RegStride`]) and the sub-block views `block`, `block_at` and `sub`, every offset
//! checked (inside the block, aligned) with overflow-checked arithmetic.

use core::marker::PhantomData;
use core::ptr;

use super::backend::Backend;
use super::perm::Permission;
use super::ptr::DevicePtrMut;
use super::register::{
    check_align, check_at, check_inside, CellCheck, RegError, RegStride, BASE_ALIGN,
};
use super::regs::Regs;
use super::regs_dyn::RegsDyn;

impl<'a, B: Backend> RegsDyn<'a, B> {
    /// The register of cell type `C` at `offset`, for as long as the block lived.
    fn into_reg_at<C: Permission>(self, offset: usize) -> Result<DevicePtrMut<'a, C, B>, RegError> {
        let () = CellCheck::<C>::OK;
        check_at::<C>(offset, self.size())?;
        // The `C` lies inside the block and `offset` is a multiple of its alignment
        // (`check_at`, just above), which is at most the base's `BASE_ALIGN` (`check_cell`, through
        // `CellCheck::OK`), so the address is aligned; bytes written leave a valid block (the
        // type's invariant); `self` is consumed.
        // SAFETY: each precondition listed above holds, for the reason given there.
        Ok(unsafe { self.base.cast_at::<C>(offset) })
    }

    /// The `LEN` bytes at `offset` as a block, for as long as this one lived.
    fn into_block_at<const LEN: usize>(self, offset: usize) -> Result<Regs<'a, LEN, B>, RegError> {
        check_inside(offset, LEN, self.size())?;
        check_align(offset, BASE_ALIGN)?;
        // The `LEN` bytes at `offset` lie inside the block (checked just above); a
        // `[u8; LEN]` needs no alignment; bytes written leave a valid block (the type's
        // invariant); `self` is consumed.
        // SAFETY: each precondition listed above holds, for the reason given there.
        let base = unsafe { self.base.cast_at::<[u8; LEN]>(offset) };
        // INVARIANT: `LEN` bytes of the block at a multiple of `BASE_ALIGN` from its base,
        // itself a multiple of `BASE_ALIGN`.
        Ok(Regs { base })
    }

    /// A device pointer to the register of cell type `C` at `offset`, an offset known at run
    /// time only, checked to be inside the block and aligned to `C`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, RegError, RegsDyn};
    ///
    /// let mut mem = [0_u64; 2];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// let offset = 4 * 3; // computed from a capability register
    /// regs.reg_at::<ReadWrite<u32>>(offset).unwrap().write(5);
    /// assert_eq!(mem[1].to_ne_bytes()[4..], 5_u32.to_ne_bytes());
    ///
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// assert_eq!(
    ///     regs.reg_at::<ReadWrite<u32>>(6).unwrap_err(),
    ///     RegError::Misaligned { offset: 6, align: 4 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if the register is not inside the block, else
    /// [`RegError::Misaligned`] if `offset` is not a multiple of `C`'s alignment.
    #[inline]
    pub fn reg_at<C: Permission>(
        &mut self,
        offset: usize,
    ) -> Result<DevicePtrMut<'_, C, B>, RegError> {
        // Here as well as in `into_reg_at`: an over-aligned `C` is then reported at the caller.
        let () = CellCheck::<C>::OK;
        self.reborrow().into_reg_at(offset)
    }

    /// A device pointer to element `i` of the run-time register array `arr`, checked as
    /// [`reg_at`](Self::reg_at) checks a register.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegError, RegStride, RegsDyn, WriteOnly};
    ///
    /// let doorbells = RegStride::<WriteOnly<u32>>::new(0, 8, 4); // 8 bytes apart
    /// let mut mem = [0_u64; 2];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// regs.elem_at(&doorbells, 1).unwrap().write(9);
    /// assert_eq!(
    ///     regs.elem_at(&doorbells, 2).unwrap_err(),
    ///     RegError::OutOfBlock { offset: 16, width: 4, size: 16 }
    /// );
    /// assert_eq!(mem[1].to_ne_bytes()[..4], 9_u32.to_ne_bytes());
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::Overlap`] if `arr`'s stride is smaller than `C`; [`RegError::Index`] if
    /// `i >= arr.len()`; [`RegError::OutOfBlock`] if the element is not
    /// inside the block (also when its offset overflows: it is then `usize::MAX`), else
    /// [`RegError::Misaligned`] if it is not aligned to `C`.
    #[inline]
    pub fn elem_at<C: Permission>(
        &mut self,
        arr: &RegStride<C>,
        i: usize,
    ) -> Result<DevicePtrMut<'_, C, B>, RegError> {
        // Here as well as in `into_reg_at`: an over-aligned `C` is then reported at the caller.
        let () = CellCheck::<C>::OK;
        let offset = arr.locate(i)?;
        self.reborrow().into_reg_at(offset)
    }

    /// The `LEN` bytes at `offset` as a block whose size is known at compile time, so that
    /// its registers are checked at compile time (a per-context block whose place is known
    /// at run time).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, RegError, RegsDyn};
    ///
    /// type Threshold = Reg<ReadWrite<u32>, 0>;
    /// let mut mem = [0_u64; 4];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// let ctx = 2;
    /// regs.block_at::<8>(ctx * 8).unwrap().write::<Threshold>(7);
    /// assert_eq!(mem[2].to_ne_bytes()[..4], 7_u32.to_ne_bytes());
    ///
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// let err = regs.block_at::<8>(4).unwrap_err();
    /// assert_eq!(err, RegError::Misaligned { offset: 4, align: 8 });
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if the `LEN` bytes are not inside this block, else
    /// [`RegError::Misaligned`] if `offset` is not a multiple of `align_of::<u64>()` (a block's
    /// base is).
    #[inline]
    pub fn block_at<const LEN: usize>(
        &mut self,
        offset: usize,
    ) -> Result<Regs<'_, LEN, B>, RegError> {
        self.reborrow().into_block_at(offset)
    }

    /// The `size` bytes at `offset` as a block of their own, whose offsets start at 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, RegError, RegsDyn};
    ///
    /// let mut mem = [0_u64; 4];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// let mut sub = regs.sub(16, 16).unwrap();
    /// assert_eq!(sub.size(), 16);
    /// sub.write::<Reg<ReadWrite<u8>, 8>>(1).unwrap();
    /// assert_eq!(mem[3].to_ne_bytes()[0], 1);
    ///
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// assert_eq!(
    ///     regs.sub(16, 24).unwrap_err(),
    ///     RegError::OutOfBlock { offset: 16, width: 24, size: 32 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if the `size` bytes are not inside this block, else
    /// [`RegError::Misaligned`] if `offset` is not a multiple of `align_of::<u64>()` (a block's
    /// base is).
    #[inline]
    pub fn sub(&mut self, offset: usize, size: usize) -> Result<RegsDyn<'_, B>, RegError> {
        check_inside(offset, size, self.size())?;
        check_align(offset, BASE_ALIGN)?;
        let base = &mut self.base;
        // INVARIANT: the `size` bytes at `offset` lie inside the block (checked just above), at
        // a multiple of `BASE_ALIGN` from its base, itself a multiple of it; they are reachable only
        // through the result while `self` stays borrowed; bytes written leave a valid block.
        Ok(RegsDyn {
            base: DevicePtrMut {
                ptr: ptr::slice_from_raw_parts_mut(
                    base.ptr.cast::<u8>().wrapping_add(offset),
                    size,
                ),
                backend: base.backend,
                _life: PhantomData,
            },
        })
    }
}

impl<'a, const SIZE: usize, B: Backend> Regs<'a, SIZE, B> {
    /// A device pointer to the register of cell type `C` at `offset`, an offset known at run
    /// time only, checked to be inside the block and aligned to `C` (as
    /// [`RegsDyn::reg_at`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegError, Regs, WriteOnly};
    ///
    /// let dstrd = 0; // CAP.DSTRD: doorbells 4 << DSTRD bytes apart
    /// let sq1_tail = 0x08 + (2 * 1) * (4 << dstrd);
    /// let mut mem = [0_u64; 4];
    /// let mut regs = Regs::<32>::from_mut(&mut mem);
    /// regs.reg_at::<WriteOnly<u32>>(sq1_tail).unwrap().write(3);
    /// assert_eq!(
    ///     regs.reg_at::<WriteOnly<u32>>(32).unwrap_err(),
    ///     RegError::OutOfBlock { offset: 32, width: 4, size: 32 }
    /// );
    /// assert_eq!(mem[2].to_ne_bytes()[..4], 3_u32.to_ne_bytes());
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if the register is not inside the block, else
    /// [`RegError::Misaligned`] if `offset` is not a multiple of `C`'s alignment.
    #[inline]
    pub fn reg_at<C: Permission>(
        &mut self,
        offset: usize,
    ) -> Result<DevicePtrMut<'_, C, B>, RegError> {
        // Here as well as in `into_reg_at`: an over-aligned `C` is then reported at the caller.
        let () = CellCheck::<C>::OK;
        self.as_dyn().into_reg_at(offset)
    }

    /// A device pointer to element `i` of the run-time register array `arr` (as
    /// [`RegsDyn::elem_at`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, RegError, RegStride, Regs};
    ///
    /// let slots = RegStride::<ReadWrite<u16>>::new(2, usize::MAX / 2, 3);
    /// let mut mem = [0_u64; 1];
    /// let mut regs = Regs::<8>::from_mut(&mut mem);
    /// regs.elem_at(&slots, 0).unwrap().write(1);
    /// assert_eq!(
    ///     regs.elem_at(&slots, 2).unwrap_err(), // 2 + 2 * (usize::MAX / 2) overflows
    ///     RegError::OutOfBlock { offset: usize::MAX, width: 2, size: 8 }
    /// );
    /// assert_eq!(mem[0].to_ne_bytes()[2..4], 1_u16.to_ne_bytes());
    /// ```
    ///
    /// # Errors
    ///
    /// As [`RegsDyn::elem_at`].
    #[inline]
    pub fn elem_at<C: Permission>(
        &mut self,
        arr: &RegStride<C>,
        i: usize,
    ) -> Result<DevicePtrMut<'_, C, B>, RegError> {
        // Here as well as in `into_reg_at`: an over-aligned `C` is then reported at the caller.
        let () = CellCheck::<C>::OK;
        let offset = arr.locate(i)?;
        self.as_dyn().into_reg_at(offset)
    }

    /// The `LEN` bytes at `OFFSET` as a block of their own, checked at compile time (inside
    /// this block, `OFFSET` a multiple of `align_of::<u64>()`): a GIC's distributor inside a
    /// larger mapping, a function's registers inside a device's.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadPure, Reg, Regs};
    ///
    /// type Id = Reg<ReadPure<u32>, 4>;
    /// let mut mem = [0_u64, u64::from_ne_bytes([0, 0, 0, 0, 7, 0, 0, 0])];
    /// let mut regs = Regs::<16>::from_mut(&mut mem);
    /// let inner = regs.block::<8, 8>();
    /// assert_eq!(inner.read_pure::<Id>(), u32::from_ne_bytes([7, 0, 0, 0]));
    /// ```
    ///
    /// `regs.block::<4, 8>()` (misaligned) and `regs.block::<8, 16>()` (past the end) do not
    /// compile.
    #[inline]
    #[must_use]
    pub fn block<const OFFSET: usize, const LEN: usize>(&mut self) -> Regs<'_, LEN, B> {
        const {
            assert!(
                OFFSET % BASE_ALIGN == 0,
                "a sub-block's offset must be a multiple of `u64`'s alignment (a block's base is aligned to it)"
            );
            assert!(
                OFFSET <= SIZE && LEN <= SIZE - OFFSET,
                "sub-block past the end of the register block"
            );
        };
        // The `LEN` bytes at `OFFSET` lie inside the block (checked at compile time just
        // above); a `[u8; LEN]` needs no alignment; bytes written leave a valid block (the
        // type's invariant); `self` stays borrowed while the result lives.
        // SAFETY: each precondition listed above holds, for the reason given there.
        let base = unsafe { self.base.reborrow().cast_at::<[u8; LEN]>(OFFSET) };
        // INVARIANT: `LEN` bytes of the block at a multiple of `BASE_ALIGN` from its base,
        // itself a multiple of `BASE_ALIGN`.
        Regs { base }
    }

    /// The `LEN` bytes at `offset`, known at run time only, as a block whose size is known at
    /// compile time (as [`RegsDyn::block_at`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, RegError, Regs};
    ///
    /// type Claim = Reg<ReadWrite<u32>, 4>;
    /// let mut mem = [0_u64; 4];
    /// let mut regs = Regs::<32>::from_mut(&mut mem);
    /// for ctx in 0..4 {
    ///     regs.block_at::<8>(ctx * 8).unwrap().write::<Claim>(ctx as u32);
    /// }
    /// assert_eq!(
    ///     regs.block_at::<8>(32).unwrap_err(),
    ///     RegError::OutOfBlock { offset: 32, width: 8, size: 32 }
    /// );
    /// assert_eq!(mem[3].to_ne_bytes()[4..], 3_u32.to_ne_bytes());
    /// ```
    ///
    /// # Errors
    ///
    /// As [`RegsDyn::block_at`].
    #[inline]
    pub fn block_at<const LEN: usize>(
        &mut self,
        offset: usize,
    ) -> Result<Regs<'_, LEN, B>, RegError> {
        self.as_dyn().into_block_at(offset)
    }
}
