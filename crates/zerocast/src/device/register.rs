// SPDX-License-Identifier: MIT OR Apache-2.0
//! Registers as types: [`Reg`] binds a cell type to an offset, [`RegArray`] a run of them; the
//! compile-time checks of their offsets that register blocks make.

use core::marker::PhantomData;
use core::mem::{align_of, size_of};

use super::perm::Readable;

/// The value a read of register `R` returns.
pub(super) type Value<R> = <<R as Register>::Cell as Readable>::Value;

/// The alignment of every block's base.
pub(super) const BASE_ALIGN: usize = 8;

/// A register: a cell type at an offset in a register block; implemented by [`Reg`].
///
/// # Examples
///
/// ```
/// use zerocast::device::{ReadOnly, Reg, Register};
///
/// type Lsr = Reg<ReadOnly<u8>, 5>;
/// assert_eq!(<Lsr as Register>::OFFSET, 5);
/// ```
pub trait Register {
    /// The pointee of a device pointer to the register (`u32`, `ReadOnly<Status>`, ...).
    type Cell;
    /// The register's offset in bytes from the block's base.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, Register};
    ///
    /// assert_eq!(<Reg<u32, 0x18> as Register>::OFFSET, 0x18);
    /// ```
    const OFFSET: usize;
}

/// The register of cell type `C` at byte offset `OFFSET` of a block (a type only: it is never
/// built).
///
/// # Examples
///
/// ```
/// use zerocast::device::{Reg, Regs, WriteOnly};
///
/// type Thr = Reg<WriteOnly<u8>, 0>;
/// let mut mem = [0_u64; 1];
/// Regs::<8>::from_mut(&mut mem).write::<Thr>(b'A');
/// assert_eq!(mem[0].to_ne_bytes()[0], b'A');
/// ```
pub struct Reg<C, const OFFSET: usize>(PhantomData<fn() -> C>);

impl<C, const OFFSET: usize> Register for Reg<C, OFFSET> {
    type Cell = C;
    const OFFSET: usize = OFFSET;
}

/// An array of registers: implemented by [`RegArray`].
///
/// # Examples
///
/// ```
/// use zerocast::device::{RegArray, RegisterArray};
///
/// type Irq = RegArray<u32, 0x100, 8, 16>;
/// assert_eq!((<Irq as RegisterArray>::STRIDE, <Irq as RegisterArray>::LEN), (8, 16));
/// ```
pub trait RegisterArray {
    /// The pointee of a device pointer to one element.
    type Cell;
    /// The offset of element 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegArray, RegisterArray};
    ///
    /// assert_eq!(<RegArray<u32, 0x100, 8, 16> as RegisterArray>::OFFSET, 0x100);
    /// ```
    const OFFSET: usize;
    /// The distance in bytes between two elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegArray, RegisterArray};
    ///
    /// // Element `i` is at `OFFSET + i * STRIDE`.
    /// assert_eq!(<RegArray<u32, 0x100, 8, 16> as RegisterArray>::STRIDE, 8);
    /// ```
    const STRIDE: usize;
    /// The number of elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegArray, RegisterArray};
    ///
    /// assert_eq!(<RegArray<u32, 0x100, 8, 16> as RegisterArray>::LEN, 16);
    /// ```
    const LEN: usize;
}

/// `N` registers of cell type `C`, the first at `OFFSET`, each `STRIDE` bytes after the one
/// before (a type only: it is never built).
///
/// # Examples
///
/// ```
/// use zerocast::device::{RegArray, Regs};
///
/// type Mailbox = RegArray<u16, 2, 4, 3>; // at 2, 6, 10
/// let mut mem = [0_u64; 2];
/// let mut regs = Regs::<16>::from_mut(&mut mem);
/// regs.elem::<Mailbox>(2).unwrap().write(0x1234);
/// assert_eq!(regs.elem::<Mailbox>(2).unwrap().read(), 0x1234);
/// assert!(regs.elem::<Mailbox>(3).is_none());
/// ```
pub struct RegArray<C, const OFFSET: usize, const STRIDE: usize, const N: usize>(
    PhantomData<fn() -> C>,
);

impl<C, const OFFSET: usize, const STRIDE: usize, const N: usize> RegisterArray
    for RegArray<C, OFFSET, STRIDE, N>
{
    type Cell = C;
    const OFFSET: usize = OFFSET;
    const STRIDE: usize = STRIDE;
    const LEN: usize = N;
}

/// Compile-time checks of a register in any block: aligned (to its type, which the base's
/// alignment covers).
pub(super) const fn check_aligned<C>(offset: usize) {
    assert!(
        align_of::<C>() <= BASE_ALIGN,
        "a register's type may be aligned to at most 8 bytes"
    );
    assert!(
        offset % align_of::<C>() == 0,
        "register offset not aligned to the register's width"
    );
}

/// Compile-time checks of a register in a block of `size` bytes: inside and aligned.
pub(super) const fn check_in<C>(offset: usize, size: usize) {
    check_aligned::<C>(offset);
    assert!(
        offset <= size && size_of::<C>() <= size - offset,
        "register past the end of the register block"
    );
}

/// Compile-time checks of a register array: every element aligned, the stride a multiple of
/// the alignment and at least the element size (elements do not overlap).
pub(super) const fn check_array<C>(offset: usize, stride: usize) {
    check_aligned::<C>(offset);
    assert!(
        stride % align_of::<C>() == 0 && stride >= size_of::<C>(),
        "register array stride not a multiple of the register's width, or smaller than it"
    );
}
