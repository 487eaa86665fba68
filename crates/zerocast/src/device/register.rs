// SPDX-License-Identifier: MIT OR Apache-2.0
//! Registers as types: [`Reg`] binds a cell type to an offset, [`RegArray`] a run of them;
//! [`RegStride`] is a run of them whose offset and stride are known at run time; the checks of
//! their offsets that register blocks make (at compile time, or at run time with a
//! [`RegError`]).

use core::fmt;
use core::marker::PhantomData;
use core::mem::{align_of, size_of};

use super::perm::{DeviceCell, Permission};
use crate::error::InvalidBits;

/// The value a read of register `R` returns and a write takes.
pub(super) type Value<R> = <<R as Register>::Cell as DeviceCell>::Value;

/// The alignment of every block's base: `u64`'s, so that the `[u64]`/`[u64; N]` memory that
/// `Regs::from_mut` and `RegsDyn::from_mut` take is aligned to it on every target (8 on 64-bit
/// targets; 4 on i686, where a cell aligned to 8, such as an `AtomicU64`, is then refused at
/// compile time instead of sitting at 4 mod 8).
pub(super) const BASE_ALIGN: usize = core::mem::align_of::<u64>();

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
    /// The pointee of a device pointer to the register: a permission wrapper of its value
    /// (`ReadWrite<u32>`, `ReadOnly<Status>`, ...).
    type Cell: Permission;
    /// The register's offset in bytes from the block's base.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, Reg, Register};
    ///
    /// assert_eq!(<Reg<ReadWrite<u32>, 0x18> as Register>::OFFSET, 0x18);
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

impl<C: Permission, const OFFSET: usize> Register for Reg<C, OFFSET> {
    type Cell = C;
    const OFFSET: usize = OFFSET;
}

/// An array of registers: implemented by [`RegArray`].
///
/// # Examples
///
/// ```
/// use zerocast::device::{ReadWrite, RegArray, RegisterArray};
///
/// type Irq = RegArray<ReadWrite<u32>, 0x100, 8, 16>;
/// assert_eq!((<Irq as RegisterArray>::STRIDE, <Irq as RegisterArray>::LEN), (8, 16));
/// ```
pub trait RegisterArray {
    /// The pointee of a device pointer to one element: a permission wrapper of its value.
    type Cell: Permission;
    /// The offset of element 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, RegArray, RegisterArray};
    ///
    /// assert_eq!(<RegArray<ReadWrite<u32>, 0x100, 8, 16> as RegisterArray>::OFFSET, 0x100);
    /// ```
    const OFFSET: usize;
    /// The distance in bytes between two elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, RegArray, RegisterArray};
    ///
    /// // Element `i` is at `OFFSET + i * STRIDE`.
    /// assert_eq!(<RegArray<ReadWrite<u32>, 0x100, 8, 16> as RegisterArray>::STRIDE, 8);
    /// ```
    const STRIDE: usize;
    /// The number of elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, RegArray, RegisterArray};
    ///
    /// assert_eq!(<RegArray<ReadWrite<u32>, 0x100, 8, 16> as RegisterArray>::LEN, 16);
    /// ```
    const LEN: usize;
}

/// `N` registers of cell type `C`, the first at `OFFSET`, each `STRIDE` bytes after the one
/// before (a type only: it is never built).
///
/// # Examples
///
/// ```
/// use zerocast::device::{ReadWrite, RegArray, Regs};
///
/// type Mailbox = RegArray<ReadWrite<u16>, 2, 4, 3>; // at 2, 6, 10
/// let mut mem = [0_u64; 2];
/// let mut regs = Regs::<16>::from_mut(&mut mem);
/// regs.elem::<Mailbox>(2).unwrap().write(0x1234);
/// assert_eq!(regs.elem::<Mailbox>(2).unwrap().read(), 0x1234);
/// assert!(regs.elem::<Mailbox>(3).is_err());
/// ```
pub struct RegArray<C, const OFFSET: usize, const STRIDE: usize, const N: usize>(
    PhantomData<fn() -> C>,
);

impl<C: Permission, const OFFSET: usize, const STRIDE: usize, const N: usize> RegisterArray
    for RegArray<C, OFFSET, STRIDE, N>
{
    type Cell = C;
    const OFFSET: usize = OFFSET;
    const STRIDE: usize = STRIDE;
    const LEN: usize = N;
}

/// Compile-time check of a register's type: aligned to at most the base (`BASE_ALIGN`), so that
/// an offset that is a multiple of its alignment gives an aligned address.
pub(super) const fn check_cell<C>() {
    assert!(
        align_of::<C>() <= BASE_ALIGN,
        "a register's type may be aligned to at most `u64`'s alignment (a block's base is aligned to it)"
    );
}

/// `check_cell::<C>()` as one constant item, so that the public accessors (whose instantiation
/// the error note then points at, in the caller's code) and the private helper they call
/// share one evaluation, and a refused cell is one error.
pub(super) struct CellCheck<C>(PhantomData<fn() -> C>);

impl<C> CellCheck<C> {
    /// Evaluated (and a compile error if `C` is aligned to more than 8) where it is used.
    pub(super) const OK: () = check_cell::<C>();
}

/// Compile-time checks of a register in any block: aligned (to its type, which the base's
/// alignment covers).
pub(super) const fn check_aligned<C>(offset: usize) {
    check_cell::<C>();
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

/// Compile-time checks of a register array of `len` elements in a block of `size` bytes: as
/// [`check_array`], and the last element (so every element) inside the block.
pub(super) const fn check_array_in<C>(offset: usize, stride: usize, len: usize, size: usize) {
    check_array::<C>(offset, stride);
    // A stride of 0 (zero-sized registers only, `check_array`) puts every element at `offset`:
    // no division by it.
    if len > 0 {
        assert!(
            offset <= size
                && (stride == 0 || len - 1 <= (size - offset) / stride)
                && size_of::<C>() <= size - offset - (len - 1) * stride,
            "register array past the end of the register block"
        );
    }
}

/// Run-time check of `width` bytes at `offset` in a block of `size` bytes: inside it.
///
/// # Errors
///
/// [`RegError::OutOfBlock`] if they are not.
pub(super) fn check_inside(offset: usize, width: usize, size: usize) -> Result<(), RegError> {
    if offset <= size && width <= size - offset {
        Ok(())
    } else {
        Err(RegError::OutOfBlock {
            offset,
            width,
            size,
        })
    }
}

/// Run-time check of a `C` at `offset` in a block of `size` bytes whose base is aligned to `BASE_ALIGN`:
/// inside it, and aligned to `C` (given `check_cell::<C>()`, the address then is).
///
/// # Errors
///
/// [`RegError::OutOfBlock`] if it is not inside, else [`RegError::Misaligned`] if `offset` is
/// not a multiple of `align_of::<C>()`.
pub(super) fn check_at<C>(offset: usize, size: usize) -> Result<(), RegError> {
    check_inside(offset, size_of::<C>(), size)?;
    check_align(offset, align_of::<C>())
}

/// Run-time check that `offset` is a multiple of `align` (a power of two).
///
/// # Errors
///
/// [`RegError::Misaligned`] if it is not.
pub(super) fn check_align(offset: usize, align: usize) -> Result<(), RegError> {
    if offset & align.wrapping_sub(1) == 0 {
        Ok(())
    } else {
        Err(RegError::Misaligned { offset, align })
    }
}

/// `len` registers of cell type `C`, the first at `offset`, each `stride` bytes after the one
/// before, where the three are known at run time only: the doorbells of an NVMe controller
/// (`stride = 4 << CAP.DSTRD`), the per-context blocks of a RISC-V PLIC. A value, used with
/// [`Regs::elem_at`](super::Regs::elem_at) or [`RegsDyn::elem_at`](super::RegsDyn::elem_at),
/// which check each element's offset (inside the block, aligned) with overflow-checked
/// arithmetic.
///
/// # Examples
///
/// ```
/// use zerocast::device::{RegError, RegStride, Regs, WriteOnly};
///
/// let dstrd = 1; // from the controller's capabilities
/// let doorbells = RegStride::<WriteOnly<u32>>::new(0x10, 4 << dstrd, 4); // 0x10, 0x18, ...
/// let mut mem = [0_u64; 6];
/// let mut regs = Regs::<48>::from_mut(&mut mem);
/// regs.elem_at(&doorbells, 3).unwrap().write(7);
/// assert_eq!(mem[5].to_ne_bytes()[..4], 7_u32.to_ne_bytes());
///
/// let mut regs = Regs::<48>::from_mut(&mut mem);
/// assert_eq!(regs.elem_at(&doorbells, 4).unwrap_err(), RegError::Index { index: 4, len: 4 });
/// ```
pub struct RegStride<C> {
    offset: usize,
    stride: usize,
    len: usize,
    _cell: PhantomData<fn() -> C>,
}

impl<C> Clone for RegStride<C> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<C> Copy for RegStride<C> {}

impl<C> fmt::Debug for RegStride<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegStride")
            .field("offset", &self.offset)
            .field("stride", &self.stride)
            .field("len", &self.len)
            .finish()
    }
}

impl<C> RegStride<C> {
    /// `len` registers of cell type `C` at `offset`, `offset + stride`, ...: nothing is checked
    /// here, each element's offset is checked when it is accessed. A stride smaller than the
    /// register (registers that overlap, which a `RegArray` refuses at compile time) is
    /// refused then too: [`RegError::Overlap`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadWrite, RegStride};
    ///
    /// // The PLIC's per-context threshold registers: 0x200000 + ctx * 0x1000, 15872 contexts.
    /// let thresholds = RegStride::<ReadWrite<u32>>::new(0x20_0000, 0x1000, 15872);
    /// assert_eq!(thresholds.offset_of(2), Some(0x20_2000));
    /// assert_eq!(thresholds.len(), 15872);
    ///
    /// // 4-byte registers 2 bytes apart overlap: refused when used, whatever the index.
    /// use zerocast::device::{RegError, RegsDyn};
    /// let mut mem = [0_u64; 2];
    /// let bad = RegStride::<ReadWrite<u32>>::new(0, 2, 2);
    /// assert_eq!(
    ///     RegsDyn::from_mut(&mut mem[..]).elem_at(&bad, 0).unwrap_err(),
    ///     RegError::Overlap { stride: 2, width: 4 }
    /// );
    /// ```
    #[must_use]
    pub const fn new(offset: usize, stride: usize, len: usize) -> Self
    where
        C: Permission,
    {
        RegStride {
            offset,
            stride,
            len,
            _cell: PhantomData,
        }
    }

    /// The number of registers.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadOnly, RegStride};
    ///
    /// assert_eq!(RegStride::<ReadOnly<u8>>::new(0, 1, 3).len(), 3);
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no registers.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{ReadOnly, RegStride};
    ///
    /// assert!(RegStride::<ReadOnly<u8>>::new(0, 1, 0).is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The offset of register `i`, `offset + i * stride`; `None` if `i >= len` or the
    /// arithmetic overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegStride, WriteOnly};
    ///
    /// let r = RegStride::<WriteOnly<u32>>::new(0x1000, 8, 4);
    /// assert_eq!((r.offset_of(1), r.offset_of(4)), (Some(0x1008), None));
    /// let huge = RegStride::<WriteOnly<u32>>::new(8, usize::MAX / 2, 4);
    /// assert_eq!(huge.offset_of(3), None);
    /// ```
    #[must_use]
    pub const fn offset_of(&self, i: usize) -> Option<usize> {
        if i >= self.len {
            return None;
        }
        match i.checked_mul(self.stride) {
            Some(d) => d.checked_add(self.offset),
            None => None,
        }
    }

    /// `Err(RegError::Overlap)` if two registers are less than one register's size apart (a
    /// stride of 0 is fine for zero-sized registers only).
    pub(super) const fn check_apart(&self) -> Result<(), RegError> {
        if self.len > 1 && self.stride < size_of::<C>() {
            return Err(RegError::Overlap {
                stride: self.stride,
                width: size_of::<C>(),
            });
        }
        Ok(())
    }

    /// `(offset, stride, len)`, for the blocks' checked views.
    pub(super) const fn parts(&self) -> (usize, usize, usize) {
        (self.offset, self.stride, self.len)
    }

    /// The offset of register `i`, for the blocks' accessors.
    ///
    /// # Errors
    ///
    /// [`RegError::Overlap`] if the registers overlap; [`RegError::Index`] if `i >= len`; an
    /// offset that overflows is `usize::MAX`, which the block's check then refuses as
    /// [`RegError::OutOfBlock`].
    pub(super) fn locate(&self, i: usize) -> Result<usize, RegError> {
        self.check_apart()?;
        if i >= self.len {
            return Err(RegError::Index {
                index: i,
                len: self.len,
            });
        }
        Ok(self.offset_of(i).unwrap_or(usize::MAX))
    }
}

/// Why a run-time-checked register access was refused.
///
/// # Examples
///
/// ```
/// use zerocast::device::{ReadWrite, Reg, RegError, RegsDyn};
///
/// let mut mem = [0_u64; 1];
/// let mut regs = RegsDyn::from_mut(&mut mem[..]);
/// let err = regs.read::<Reg<ReadWrite<u32>, 8>>().unwrap_err();
/// assert_eq!(err, RegError::OutOfBlock { offset: 8, width: 4, size: 8 });
/// assert_eq!(err.to_string(), "register of 4 bytes at offset 8 is outside the 8-byte block");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegError {
    /// The register's bytes `offset..offset + width` are not inside the block of `size` bytes
    /// (`offset` is `usize::MAX` if computing it overflowed).
    OutOfBlock {
        /// The register's offset from the block's base.
        offset: usize,
        /// The register's size in bytes.
        width: usize,
        /// The block's size in bytes.
        size: usize,
    },
    /// An index `index` into a register array of `len` elements.
    Index {
        /// The index asked for.
        index: usize,
        /// The number of elements.
        len: usize,
    },
    /// A register or sub-block at an `offset` computed at run time that is not a multiple of
    /// `align` (the register's alignment, or `u64`'s for a block's base).
    Misaligned {
        /// The offset from the block's base.
        offset: usize,
        /// The alignment it needs.
        align: usize,
    },
    /// A run-time register array ([`RegStride`]) whose `stride` is smaller than its registers'
    /// `width`: its registers would overlap (a `RegArray` like it does not compile).
    Overlap {
        /// The distance between two registers, in bytes.
        stride: usize,
        /// The register's size in bytes.
        width: usize,
    },
    /// A validated read ([`RegsDyn::try_read`](super::RegsDyn::try_read)) found bits that are
    /// not a valid value in the register at `offset`; nothing was written.
    Invalid {
        /// The register's offset from the block's base.
        offset: usize,
        /// What the validation found: where in the value, which bits, which type.
        bits: InvalidBits,
    },
}

impl fmt::Display for RegError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            RegError::OutOfBlock {
                offset,
                width,
                size,
            } => write!(
                f,
                "register of {width} bytes at offset {offset} is outside the {size}-byte block"
            ),
            RegError::Index { index, len } => {
                write!(
                    f,
                    "register index {index} out of bounds for {len} registers"
                )
            }
            RegError::Misaligned { offset, align } => write!(
                f,
                "offset {offset} is not a multiple of the {align}-byte alignment it needs"
            ),
            RegError::Overlap { stride, width } => {
                write!(f, "registers of {width} bytes {stride} bytes apart overlap")
            }
            RegError::Invalid { offset, bits } => {
                write!(
                    f,
                    "invalid value in the register at offset {offset}: {bits}"
                )
            }
        }
    }
}

impl core::error::Error for RegError {}
