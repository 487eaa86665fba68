// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`Strided`]: a [`RegStride`] checked against a block once (every element inside, aligned),
//! so that each access after that checks the index only: the doorbells of an NVMe controller
//! rung in a hot path.

use core::fmt;
use core::mem::{align_of, size_of};

use super::backend::Backend;
use super::perm::Permission;
use super::ptr::DevicePtrMut;
use super::register::{check_align, check_inside, CellCheck, RegError, RegStride};
use super::regs::Regs;
use super::regs_dyn::RegsDyn;

/// The registers of a [`RegStride`] in a block, checked once when made
/// ([`Regs::strided`], [`RegsDyn::strided`]): [`elem`](Strided::elem) then checks only the index.
///
/// # Examples
///
/// ```
/// use zerocast::device::{RegError, RegStride, Regs, WriteOnly};
///
/// let dstrd = 1; // CAP.DSTRD, read from the controller
/// let doorbells = RegStride::<WriteOnly<u32>>::new(0x1000, 4 << dstrd, 4);
/// let mut mem = [0_u64; 0x1020 / 8];
/// let mut bar = Regs::<0x1020>::from_mut(&mut mem);
/// let mut db = bar.strided(&doorbells)?; // the whole array is checked here
/// db.elem(0)?.write(1); // admin SQ tail
/// db.elem(1)?.write(2); // admin CQ head
/// assert_eq!(db.elem(4).unwrap_err(), RegError::Index { index: 4, len: 4 });
/// assert_eq!(mem[0x1008 / 8].to_ne_bytes()[..4], 2_u32.to_ne_bytes());
/// # Ok::<(), RegError>(())
/// ```
///
/// # Invariants
///
/// `base` is a register block's memory (its base aligned to `u64`); for every `i < len`,
/// `offset + i * stride` does not overflow, is a multiple of `align_of::<C>()`, and the
/// `size_of::<C>()` bytes there lie inside `base`.
pub struct Strided<'a, C, B: Backend> {
    base: RegsDyn<'a, B>,
    arr: RegStride<C>,
}

impl<C, B: Backend> fmt::Debug for Strided<'_, C, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Strided")
            .field("block", &self.base)
            .field("registers", &self.arr)
            .finish()
    }
}

impl<'a, B: Backend> RegsDyn<'a, B> {
    /// The checks of [`RegsDyn::strided`], on a block it consumes.
    fn into_strided<C: Permission>(
        self,
        arr: &RegStride<C>,
    ) -> Result<Strided<'a, C, B>, RegError> {
        let () = CellCheck::<C>::OK;
        arr.check_apart()?;
        let (offset, stride, len) = arr.parts();
        if let Some(last) = len.checked_sub(1) {
            check_align(offset, align_of::<C>())?;
            // Element 1's offset: if it overflows, so does the last's, and that is reported
            // below as out of the block.
            if let Some(second) = offset.checked_add(stride).filter(|_| len > 1) {
                check_align(second, align_of::<C>())?;
            }
            let end = last
                .checked_mul(stride)
                .and_then(|d| d.checked_add(offset))
                .unwrap_or(usize::MAX);
            check_inside(end, size_of::<C>(), self.size())?;
        }
        // INVARIANT: element 0 and the stride are multiples of the alignment (a power of two),
        // so every element is; the last element's offset did not overflow and lies inside the
        // block, and every other element's offset is smaller; the elements lie at or after
        // `offset`, which is at most the last's, and the block's base is aligned (its own
        // invariant).
        Ok(Strided {
            base: self,
            arr: *arr,
        })
    }

    /// The registers of `arr` in this block, every element checked here (inside the block,
    /// aligned), so that [`Strided::elem`] checks the index only.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegError, RegStride, RegsDyn, ReadWrite};
    ///
    /// let mut mem = [0_u64; 4];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// let ctx = RegStride::<ReadWrite<u32>>::new(0, 8, 4); // one per PLIC context
    /// regs.strided(&ctx)?.elem(3)?.write(7);
    /// assert_eq!(regs.read::<zerocast::device::Reg<ReadWrite<u32>, 24>>()?, 7);
    /// let far = RegStride::<ReadWrite<u32>>::new(0, 8, 5);
    /// assert_eq!(
    ///     regs.strided(&far).unwrap_err(),
    ///     RegError::OutOfBlock { offset: 32, width: 4, size: 32 }
    /// );
    /// # Ok::<(), RegError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::Overlap`] if the stride is smaller than `C`; [`RegError::Misaligned`] if
    /// element 0 or 1 is not aligned to `C` (then neither is the stride);
    /// [`RegError::OutOfBlock`] if the last element is not inside the block (an offset that
    /// overflows is reported as `usize::MAX`). An empty array is always accepted.
    #[inline]
    pub fn strided<C: Permission>(
        &mut self,
        arr: &RegStride<C>,
    ) -> Result<Strided<'_, C, B>, RegError> {
        let () = CellCheck::<C>::OK;
        self.reborrow().into_strided(arr)
    }
}

impl<const SIZE: usize, B: Backend> Regs<'_, SIZE, B> {
    /// The registers of `arr` in this block, every element checked here (inside the block,
    /// aligned), so that [`Strided::elem`] checks the index only: what a driver ringing
    /// doorbells in a hot path wants from [`elem_at`](Regs::elem_at).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegStride, Regs, WriteOnly};
    ///
    /// let mut mem = [0_u64; 4];
    /// let mut regs = Regs::<32>::from_mut(&mut mem);
    /// let db = RegStride::<WriteOnly<u32>>::new(0, 8, 4);
    /// let mut doorbells = regs.strided(&db).unwrap();
    /// for (i, tail) in [3_u32, 1, 4, 1].into_iter().enumerate() {
    ///     doorbells.elem(i).unwrap().write(tail);
    /// }
    /// assert_eq!(mem.map(|w| w.to_ne_bytes()[0]), [3, 1, 4, 1]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`RegsDyn::strided`].
    #[inline]
    pub fn strided<C: Permission>(
        &mut self,
        arr: &RegStride<C>,
    ) -> Result<Strided<'_, C, B>, RegError> {
        let () = CellCheck::<C>::OK;
        self.as_dyn().into_strided(arr)
    }
}

impl<C, B: Backend> Strided<'_, C, B> {
    /// The number of registers.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegStride, Regs, WriteOnly};
    ///
    /// let mut mem = [0_u64; 2];
    /// let mut regs = Regs::<16>::from_mut(&mut mem);
    /// let db = RegStride::<WriteOnly<u32>>::new(0, 4, 4);
    /// assert_eq!(regs.strided(&db).unwrap().len(), 4);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.arr.len()
    }

    /// Whether there are no registers.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegStride, Regs, WriteOnly};
    ///
    /// let mut mem = [0_u64; 1];
    /// let mut regs = Regs::<8>::from_mut(&mut mem);
    /// let none = RegStride::<WriteOnly<u32>>::new(usize::MAX, 4, 0);
    /// assert!(regs.strided(&none).unwrap().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.arr.len() == 0
    }

    /// A device pointer to register `i`; only `i` is checked (the rest was, when `self` was
    /// made).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadOnly, RegStride, Regs};
    ///
    /// let mut mem = [u64::from_ne_bytes([1, 0, 0, 0, 2, 0, 0, 0])];
    /// let mut regs = Regs::<8>::from_mut(&mut mem);
    /// let status = RegStride::<ReadOnly<u32>>::new(0, 4, 2);
    /// let mut s = regs.strided(&status).unwrap();
    /// assert_eq!((s.elem(0).unwrap().read(), s.elem(1).unwrap().read()), (1, 2));
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::Index`] if `i >= len()`.
    #[inline(always)]
    pub fn elem(&mut self, i: usize) -> Result<DevicePtrMut<'_, C, B>, RegError> {
        if i >= self.arr.len() {
            return Err(RegError::Index {
                index: i,
                len: self.arr.len(),
            });
        }
        // Cannot wrap: `i < len`, and the last element's offset did not overflow (invariant).
        let (first, stride, _) = self.arr.parts();
        let offset = first.wrapping_add(i.wrapping_mul(stride));
        // Register `i < len` lies inside the block at `offset`, a multiple of its alignment,
        // from a base aligned to more (the invariant, with `CellCheck` having passed for `C`
        // when `self` was made); bytes written leave a valid block (the block's invariant);
        // `self` stays borrowed while the result lives.
        // SAFETY: each precondition listed above holds, for the reason given there.
        Ok(unsafe { self.base.base.reborrow().cast_at::<C>(offset) })
    }
}
