// SPDX-License-Identifier: MIT OR Apache-2.0
//! Register blocks: registers bound to offsets, checked at compile time ([`Regs`]) or at run
//! time ([`RegsDyn`]); the overview is on [`Regs`].

use core::fmt;
use core::marker::PhantomData;
use core::mem::{align_of, size_of, size_of_val};
use core::ptr::NonNull;

use super::backend::{Backend, Explicit, Fake, FakeDevice, Volatile};
use super::perm::{PureRead, Readable, Writable};
use super::ptr::DevicePtrMut;
use crate::{FromBytes, IntoBytes};

/// The value a read of register `R` returns.
type Value<R> = <<R as Register>::Cell as Readable>::Value;

/// The alignment of every block's base.
const BASE_ALIGN: usize = 8;

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
    const OFFSET: usize;
    /// The distance in bytes between two elements.
    const STRIDE: usize;
    /// The number of elements.
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

/// Why a run-time-checked register access was refused.
///
/// # Examples
///
/// ```
/// use zerocast::device::{Reg, RegError, RegsDyn};
///
/// let mut mem = [0_u64; 1];
/// let mut regs = RegsDyn::from_mut(&mut mem[..]);
/// let err = regs.try_read::<Reg<u32, 8>>().unwrap_err();
/// assert_eq!(err, RegError::OutOfBlock { offset: 8, width: 4, size: 8 });
/// assert_eq!(err.to_string(), "register of 4 bytes at offset 8 is outside the 8-byte block");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
        }
    }
}

impl core::error::Error for RegError {}

/// Compile-time checks of a register in any block: aligned (to its type, which the base's
/// alignment covers).
const fn check_aligned<C>(offset: usize) {
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
const fn check_in<C>(offset: usize, size: usize) {
    check_aligned::<C>(offset);
    assert!(
        offset <= size && size_of::<C>() <= size - offset,
        "register past the end of the register block"
    );
}

/// Compile-time checks of a register array: every element aligned, the stride a multiple of
/// the alignment and at least the element size (elements do not overlap).
const fn check_array<C>(offset: usize, stride: usize) {
    check_aligned::<C>(offset);
    assert!(
        stride % align_of::<C>() == 0 && stride >= size_of::<C>(),
        "register array stride not a multiple of the register's width, or smaller than it"
    );
}

/// A unique pointer to a register block of `SIZE` bytes whose base is aligned to 8: its
/// registers' offsets are checked at compile time.
/// A register is a type naming its offset and its *cell*, the type a device pointer to it has:
/// `Reg<ReadOnly<Lsr>, 5>` is a read-only [`bitfield!`](mod@crate::bitfield) `Lsr` at offset 5,
/// `Reg<u32, 0x10>` a plain read-write `u32` at 0x10 (any pointee of a [`DevicePtrMut`]: the
/// permission wrappers [`ReadOnly`](super::ReadOnly), [`WriteOnly`](super::WriteOnly),
/// [`ReadWrite`](super::ReadWrite), ... or a plain `FromBytes + IntoBytes` type).
/// Registers sharing an offset (a UART's receive and transmit buffers) are two types.
/// [`RegArray`] is `N` registers `STRIDE` bytes apart.
///
/// A block's base is aligned to 8, so a register whose offset is a multiple of its type's
/// alignment is aligned in memory; every access is the one access of its width that
/// [`DevicePtrMut::read`] describes.
///
/// | | [`Regs<SIZE>`](Regs) (size known at compile time) | [`RegsDyn`] (size known at run time) |
/// |---|---|---|
/// | offset inside the block | compile error if not | `Err(`[`RegError::OutOfBlock`]`)` |
/// | offset aligned to the register | compile error if not | compile error if not |
/// | access not allowed (read of `WriteOnly`, ...) | compile error | compile error |
/// | accessors | `reg`, `read`, `write`, `update`, `elem` | `try_reg`, `try_read`, `try_write`, `try_update`, `try_elem` |
///
/// # Examples
///
/// ```
/// use zerocast::device::{Reg, RegArray, Regs, ReadOnly, WriteOnly};
///
/// zerocast::bitfield! {
///     pub struct Status(u32) {
///         0 ready as bool;
///         7:4 errors as u8;
///     }
/// }
/// type Ctrl = Reg<u32, 0x0>;
/// type Stat = Reg<ReadOnly<Status>, 0x4>;
/// type Doorbell = Reg<WriteOnly<u32>, 0x8>;
/// type Scratch = RegArray<u32, 0x10, 4, 4>; // 4 registers at 0x10, 0x14, 0x18, 0x1c
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
/// assert!(regs.elem::<Scratch>(4).is_none());
///
/// // The same block seen with its size known at run time only.
/// let mut dynamic = regs.as_dyn();
/// assert_eq!(dynamic.try_read::<Ctrl>(), Ok(0x101));
/// type Far = Reg<u32, 0x40>;
/// assert!(dynamic.try_read::<Far>().is_err()); // `regs.read::<Far>()` does not compile
/// ```
///
/// An offset past the block (or misaligned) is a compile error (see the UI tests
/// `tests/ui/device_reg_*.rs` for each case):
///
/// ```compile_fail
/// use zerocast::device::{Reg, Regs};
/// let mut mem = [0_u64; 1];
/// Regs::<8>::from_mut(&mut mem).write::<Reg<u32, 8>>(1);
/// ```
///
/// # Invariants
///
/// `base` is a device pointer to `SIZE` bytes whose address is a multiple of 8; any bytes
/// written there leave a valid value behind (device memory, or a `FromBytes` value).
pub struct Regs<'a, const SIZE: usize, B: Backend = Volatile> {
    base: DevicePtrMut<'a, [u8; SIZE], B>,
}

/// A unique pointer to a register block whose size is known at run time, with base aligned
/// to 8: its accessors check offsets against the size and return a [`RegError`].
///
/// # Invariants
///
/// As [`Regs`], for `base.len()` bytes.
///
/// # Examples
///
/// ```
/// use zerocast::device::{Reg, RegsDyn};
///
/// let mut mem = [0_u64; 2];
/// let mut regs = RegsDyn::from_mut(&mut mem[..]);
/// assert_eq!(regs.size(), 16);
/// regs.try_write::<Reg<u64, 8>>(5).unwrap();
/// assert_eq!(regs.try_read::<Reg<u64, 8>>(), Ok(5));
/// assert!(regs.try_read::<Reg<u64, 16>>().is_err());
/// ```
pub struct RegsDyn<'a, B: Backend = Volatile> {
    base: DevicePtrMut<'a, [u8], B>,
}

impl<B: Backend> fmt::Debug for RegsDyn<'_, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegsDyn({:#x}, {} bytes)", self.base.addr(), self.size())
    }
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
    /// use zerocast::device::{Reg, Regs};
    ///
    /// let mut mem = [0_u64; 1];
    /// let mut regs = Regs::<8>::from_mut(&mut mem).explicit();
    /// regs.update::<Reg<u32, 4>>(|v| v | 0x80);
    /// assert_eq!(regs.read::<Reg<u32, 4>>(), 0x80);
    /// ```
    #[must_use]
    pub fn explicit(self) -> Regs<'a, SIZE, Explicit> {
        // INVARIANT: the same memory; the backends share their invariant.
        Regs {
            base: self.base.explicit(),
        }
    }

    /// The register block of `SIZE` bytes at `base` (a mapped MMIO region); `None` if `base`
    /// is not a multiple of 8.
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
    /// use zerocast::device::{Reg, Regs};
    ///
    /// let mut mem = [0_u64; 1]; // stands for a mapped block
    /// let base = NonNull::from(&mut mem).cast::<u8>();
    /// // SAFETY: `mem` is a live, aligned local used only through `regs` below.
    /// let mut regs = unsafe { Regs::<8>::new(base) }.unwrap();
    /// regs.write::<Reg<u16, 2>>(9);
    /// assert_eq!(regs.read::<Reg<u16, 2>>(), 9);
    /// ```
    #[must_use]
    pub unsafe fn new(base: NonNull<u8>) -> Option<Self> {
        if base.as_ptr().addr() % BASE_ALIGN != 0 {
            return None;
        }
        // SAFETY: the caller promises `DevicePtrMut::new`'s contract for these `SIZE` bytes.
        let p = unsafe { DevicePtrMut::new(base.cast::<[u8; SIZE]>()) };
        // INVARIANT: `SIZE` bytes of device memory at a multiple of 8.
        Some(Regs { base: p })
    }

    /// The register block over ordinary memory `mem` (tests, simulations): a
    /// `FromBytes + IntoBytes` value of `SIZE` bytes aligned to 8, such as `[u64; SIZE / 8]`.
    ///
    /// A `T` of another size, or aligned to less than 8, does not compile.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, Regs};
    ///
    /// let mut mem = [0_u64; 2];
    /// Regs::<16>::from_mut(&mut mem).write::<Reg<u64, 8>>(3);
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
                "a register block must be aligned to 8 (use [u64; N])"
            );
        };
        // SAFETY: `SIZE` bytes from offset 0 lie inside `*mem` (its size is `SIZE`); any bytes
        // written leave a valid `T` (`FromBytes`); `u8` needs no alignment.
        let p = unsafe { DevicePtrMut::from_mut(mem).cast_at::<[u8; SIZE]>(0) };
        // INVARIANT: `SIZE` bytes at the address of a `T` aligned to at least 8.
        Regs { base: p }
    }
}

impl<'a, const SIZE: usize, D: FakeDevice + ?Sized> Regs<'a, SIZE, Fake<'a, D>> {
    /// The register block of `SIZE` bytes at `offset` in a fake device; `None` if `offset` is
    /// not a multiple of 8.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{FakeDevice, Reg, Regs, Width};
    ///
    /// struct Ones;
    /// impl FakeDevice for Ones {
    ///     fn read(&self, _: usize, _: Width) -> u64 { u64::MAX }
    ///     fn write(&self, _: usize, _: Width, _: u64) {}
    /// }
    /// let mut regs = Regs::<8, _>::fake(&Ones, 0x100).unwrap();
    /// assert_eq!(regs.read::<Reg<u16, 6>>(), 0xffff);
    /// assert!(Regs::<8, _>::fake(&Ones, 4).is_none());
    /// ```
    #[must_use]
    pub fn fake(device: &'a D, offset: usize) -> Option<Self> {
        if offset % BASE_ALIGN != 0 {
            return None;
        }
        let p = DevicePtrMut::<[u8; SIZE], _>::fake(device, offset)?;
        // INVARIANT: `SIZE` bytes of the fake at a multiple of 8.
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
        // SAFETY: the register lies inside the block and its offset is a multiple of its
        // alignment (the caller's `check_in`), which is at most the base's 8; bytes written
        // leave a valid block (the type's invariant); `self` stays borrowed while the result
        // lives.
        unsafe { self.base.reborrow().cast_at::<R::Cell>(R::OFFSET) }
    }

    /// Reads register `R` (one access of its width).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, Regs};
    ///
    /// let mut mem = [u64::from_ne_bytes([1, 2, 3, 4, 5, 6, 7, 8])];
    /// assert_eq!(Regs::<8>::from_mut(&mut mem).read::<Reg<u16, 4>>(), u16::from_ne_bytes([5, 6]));
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn read<R: Register>(&mut self) -> <R::Cell as Readable>::Value
    where
        R::Cell: Readable,
    {
        const { check_in::<R::Cell>(R::OFFSET, SIZE) };
        // SAFETY: `check_in` passed for `R` (at compile time, just above).
        unsafe { self.reg_unchecked::<R>() }.read()
    }

    /// Reads register `R` through a shared borrow of the block, if its reads have no side
    /// effects ([`PureRead`]: plain integers, [`ReadPure`](super::ReadPure),
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
    pub fn read_pure<R: Register>(&self) -> <R::Cell as Readable>::Value
    where
        R::Cell: Readable + PureRead,
    {
        const { check_in::<R::Cell>(R::OFFSET, SIZE) };
        // SAFETY: `check_in` passed for `R` (at compile time, just above): the register lies
        // inside the block and its offset is a multiple of its alignment, which is at most
        // the base's 8.
        unsafe { self.base.as_shared().cast_at::<R::Cell>(R::OFFSET) }.read()
    }

    /// Writes register `R` (one access of its width).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, Regs};
    ///
    /// let mut mem = [0_u64];
    /// Regs::<8>::from_mut(&mut mem).write::<Reg<u8, 7>>(0xaa);
    /// assert_eq!(mem[0].to_ne_bytes()[7], 0xaa);
    /// ```
    #[inline(always)]
    pub fn write<R: Register>(&mut self, value: <R::Cell as Writable>::Value)
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
    /// use zerocast::device::{Reg, Regs};
    ///
    /// let mut mem = [0_u64];
    /// let mut regs = Regs::<8>::from_mut(&mut mem);
    /// regs.write::<Reg<u32, 4>>(0b100);
    /// regs.update::<Reg<u32, 4>>(|v| v | 1);
    /// assert_eq!(regs.read::<Reg<u32, 4>>(), 0b101);
    /// ```
    #[inline(always)]
    pub fn update<R: Register>(&mut self, f: impl FnOnce(Value<R>) -> Value<R>)
    where
        R::Cell: Readable + Writable<Value = Value<R>>,
        Value<R>: IntoBytes,
    {
        const { check_in::<R::Cell>(R::OFFSET, SIZE) };
        // SAFETY: `check_in` passed for `R` (at compile time, just above).
        unsafe { self.reg_unchecked::<R>() }.update(f);
    }

    /// A device pointer to element `i` of register array `A` (the whole array is checked to be
    /// inside the block at compile time); `None` if `i >= A::LEN`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegArray, Regs};
    ///
    /// type Fifo = RegArray<u8, 0, 2, 4>; // bytes 0, 2, 4, 6
    /// let mut mem = [0_u64];
    /// let mut regs = Regs::<8>::from_mut(&mut mem);
    /// for i in 0..4 {
    ///     regs.elem::<Fifo>(i).unwrap().write(i as u8 + 1);
    /// }
    /// assert_eq!(mem[0].to_ne_bytes(), [1, 0, 2, 0, 3, 0, 4, 0]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn elem<A: RegisterArray>(&mut self, i: usize) -> Option<DevicePtrMut<'_, A::Cell, B>> {
        const {
            check_array::<A::Cell>(A::OFFSET, A::STRIDE);
            if A::LEN > 0 {
                assert!(
                    A::OFFSET <= SIZE
                        && A::LEN - 1 <= (SIZE - A::OFFSET) / A::STRIDE
                        && size_of::<A::Cell>() <= SIZE - A::OFFSET - (A::LEN - 1) * A::STRIDE,
                    "register array past the end of the register block"
                );
            }
        };
        if i >= A::LEN {
            return None;
        }
        // SAFETY: element `i < LEN` lies inside the block (the last one does, checked above, and
        // the others come before it) at `OFFSET + i * STRIDE`, which cannot overflow (it is at
        // most the last element's offset) and is a multiple of the alignment (both terms are);
        // as in `reg` otherwise.
        Some(unsafe {
            self.base
                .reborrow()
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

impl<'a> RegsDyn<'a, Volatile> {
    /// The same block with the [`Explicit`] backend, as [`Regs::explicit`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, RegsDyn};
    ///
    /// let mut mem = [0_u64; 1];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]).explicit();
    /// assert_eq!(regs.try_write::<Reg<u8, 1>>(5), Ok(()));
    /// assert_eq!(regs.try_read::<Reg<u8, 1>>(), Ok(5));
    /// ```
    #[must_use]
    pub fn explicit(self) -> RegsDyn<'a, Explicit> {
        // INVARIANT: the same memory; the backends share their invariant.
        RegsDyn {
            base: self.base.explicit(),
        }
    }

    /// The register block of `size` bytes at `base` (a mapped MMIO region); `None` if `base`
    /// is not a multiple of 8.
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
    /// use zerocast::device::{Reg, RegsDyn};
    ///
    /// let mut mem = [0_u64; 2]; // stands for a mapped block whose size came from firmware
    /// let base = NonNull::from(&mut mem).cast::<u8>();
    /// // SAFETY: `mem` is a live, aligned local of 16 bytes used only through `regs` below.
    /// let mut regs = unsafe { RegsDyn::new(base, 16) }.unwrap();
    /// assert!(regs.try_write::<Reg<u32, 12>>(1).is_ok());
    /// assert!(regs.try_write::<Reg<u32, 16>>(1).is_err());
    /// ```
    #[must_use]
    pub unsafe fn new(base: NonNull<u8>, size: usize) -> Option<Self> {
        if base.as_ptr().addr() % BASE_ALIGN != 0 {
            return None;
        }
        // SAFETY: the caller promises `DevicePtrMut::new`'s contract for these `size` bytes.
        let p = unsafe { DevicePtrMut::new(NonNull::slice_from_raw_parts(base, size)) };
        // INVARIANT: `size` bytes of device memory at a multiple of 8.
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
        // SAFETY: the `size` bytes of `mem` (`size` cannot overflow: `mem` is in memory); any
        // bytes written leave valid `u64`s; `u8` needs no alignment.
        let p = unsafe { DevicePtrMut::from_mut(mem).cast_bytes(size) };
        // INVARIANT: the bytes of a `[u64]`, aligned to 8.
        RegsDyn { base: p }
    }
}

impl<'a, D: FakeDevice + ?Sized> RegsDyn<'a, Fake<'a, D>> {
    /// The register block of `size` bytes at `offset` in a fake device; `None` if `offset` is
    /// not a multiple of 8.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{FakeDevice, Reg, RegsDyn, Width};
    ///
    /// struct Ones;
    /// impl FakeDevice for Ones {
    ///     fn read(&self, _: usize, _: Width) -> u64 { u64::MAX }
    ///     fn write(&self, _: usize, _: Width, _: u64) {}
    /// }
    /// let mut regs = RegsDyn::fake(&Ones, 0, 4).unwrap();
    /// assert_eq!(regs.try_read::<Reg<u8, 3>>(), Ok(0xff));
    /// assert!(regs.try_read::<Reg<u8, 4>>().is_err());
    /// ```
    #[must_use]
    pub fn fake(device: &'a D, offset: usize, size: usize) -> Option<Self> {
        if offset % BASE_ALIGN != 0 {
            return None;
        }
        let p = DevicePtrMut::<[u8], _>::fake_slice(device, offset, size)?;
        // INVARIANT: `size` bytes of the fake at a multiple of 8.
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

    /// Checks that `width` bytes at `offset` are inside the block.
    fn check(&self, offset: usize, width: usize) -> Result<(), RegError> {
        let size = self.size();
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

    /// A device pointer to register `R`, whose offset is checked against the block's size at
    /// run time (its alignment at compile time).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, RegError, RegsDyn};
    ///
    /// let mut mem = [0_u64; 1];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// regs.try_reg::<Reg<u32, 4>>().unwrap().write(2);
    /// assert_eq!(
    ///     regs.try_reg::<Reg<u64, 8>>().unwrap_err(),
    ///     RegError::OutOfBlock { offset: 8, width: 8, size: 8 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if the register is not inside the block.
    #[inline(always)]
    pub fn try_reg<R: Register>(&mut self) -> Result<DevicePtrMut<'_, R::Cell, B>, RegError> {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        // SAFETY: `check_aligned` passed for `R` (at compile time, just above).
        unsafe { self.try_reg_aligned::<R>() }
    }

    /// [`try_reg`](Self::try_reg) for the accessors that checked the alignment themselves
    /// (so that an error names the caller's line).
    ///
    /// # Safety
    ///
    /// `check_aligned::<R::Cell>(R::OFFSET)` passes.
    #[inline(always)]
    unsafe fn try_reg_aligned<R: Register>(
        &mut self,
    ) -> Result<DevicePtrMut<'_, R::Cell, B>, RegError> {
        self.check(R::OFFSET, size_of::<R::Cell>())?;
        // SAFETY: the register lies inside the block (checked just above) and its offset is a
        // multiple of its alignment (the caller's `check_aligned`), which is at most the
        // base's 8; bytes written leave a valid block (the type's invariant); `self` stays
        // borrowed while the result lives.
        Ok(unsafe { self.base.reborrow().cast_at::<R::Cell>(R::OFFSET) })
    }

    /// Reads register `R` if it is inside the block.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, RegsDyn};
    ///
    /// let mut mem = [u64::from_ne_bytes([1, 2, 3, 4, 5, 6, 7, 8])];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// assert_eq!(regs.try_read::<Reg<u8, 7>>(), Ok(8));
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if it is not; then nothing is read.
    #[inline(always)]
    pub fn try_read<R: Register>(&mut self) -> Result<<R::Cell as Readable>::Value, RegError>
    where
        R::Cell: Readable,
    {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        // SAFETY: `check_aligned` passed for `R` (at compile time, just above).
        let mut p = unsafe { self.try_reg_aligned::<R>() }?;
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
    /// assert_eq!(regs.try_read_pure::<Reg<ReadPure<u8>, 4>>(), Ok(9));
    /// assert_eq!(
    ///     regs.try_read_pure::<Reg<ReadPure<u32>, 8>>(),
    ///     Err(RegError::OutOfBlock { offset: 8, width: 4, size: 8 })
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if it is not inside; then nothing is read.
    #[inline(always)]
    pub fn try_read_pure<R: Register>(&self) -> Result<<R::Cell as Readable>::Value, RegError>
    where
        R::Cell: Readable + PureRead,
    {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        self.check(R::OFFSET, size_of::<R::Cell>())?;
        // SAFETY: the register lies inside the block (checked just above) and its offset is a
        // multiple of its alignment (checked at compile time above), which is at most the
        // base's 8.
        Ok(unsafe { self.base.as_shared().cast_at::<R::Cell>(R::OFFSET) }.read())
    }

    /// Writes register `R` if it is inside the block.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, RegsDyn};
    ///
    /// let mut mem = [0_u64];
    /// assert!(RegsDyn::from_mut(&mut mem[..]).try_write::<Reg<u8, 0>>(1).is_ok());
    /// assert_eq!(mem[0].to_ne_bytes()[0], 1);
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if it is not; then nothing is written.
    #[inline(always)]
    pub fn try_write<R: Register>(
        &mut self,
        value: <R::Cell as Writable>::Value,
    ) -> Result<(), RegError>
    where
        R::Cell: Writable,
    {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        // SAFETY: `check_aligned` passed for `R` (at compile time, just above).
        let mut p = unsafe { self.try_reg_aligned::<R>() }?;
        p.write(value);
        Ok(())
    }

    /// Read-modify-write of register `R` (one read, one write) if it is inside the block.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Reg, RegsDyn};
    ///
    /// let mut mem = [0_u64];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// regs.try_update::<Reg<u16, 2>>(|v| v + 7).unwrap();
    /// assert_eq!(regs.try_read::<Reg<u16, 2>>(), Ok(7));
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::OutOfBlock`] if it is not; then nothing is accessed.
    #[inline(always)]
    pub fn try_update<R: Register>(
        &mut self,
        f: impl FnOnce(Value<R>) -> Value<R>,
    ) -> Result<(), RegError>
    where
        R::Cell: Readable + Writable<Value = Value<R>>,
        Value<R>: IntoBytes,
    {
        const { check_aligned::<R::Cell>(R::OFFSET) };
        // SAFETY: `check_aligned` passed for `R` (at compile time, just above).
        let mut p = unsafe { self.try_reg_aligned::<R>() }?;
        p.update(f);
        Ok(())
    }

    /// A device pointer to element `i` of register array `A`, checked at run time.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{RegArray, RegError, RegsDyn};
    ///
    /// type Slots = RegArray<u32, 0, 8, 4>; // declared for 4, but the block has room for 2
    /// let mut mem = [0_u64; 2];
    /// let mut regs = RegsDyn::from_mut(&mut mem[..]);
    /// assert!(regs.try_elem::<Slots>(1).is_ok());
    /// assert_eq!(
    ///     regs.try_elem::<Slots>(2).unwrap_err(),
    ///     RegError::OutOfBlock { offset: 16, width: 4, size: 16 }
    /// );
    /// assert_eq!(regs.try_elem::<Slots>(4).unwrap_err(), RegError::Index { index: 4, len: 4 });
    /// ```
    ///
    /// # Errors
    ///
    /// [`RegError::Index`] if `i >= A::LEN`; [`RegError::OutOfBlock`] if the element is not
    /// inside the block.
    #[inline(always)]
    pub fn try_elem<A: RegisterArray>(
        &mut self,
        i: usize,
    ) -> Result<DevicePtrMut<'_, A::Cell, B>, RegError> {
        const { check_array::<A::Cell>(A::OFFSET, A::STRIDE) };
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
        self.check(offset, size_of::<A::Cell>())?;
        // SAFETY: the element lies inside the block (checked just above; an overflowed offset
        // is `usize::MAX`, past any block) and `OFFSET + i * STRIDE` is a multiple of the
        // alignment (both terms are, checked at compile time); as in `try_reg` otherwise.
        Ok(unsafe { self.base.reborrow().cast_at::<A::Cell>(offset) })
    }
}
