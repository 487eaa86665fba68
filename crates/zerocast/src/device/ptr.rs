// SPDX-License-Identifier: MIT OR Apache-2.0
//! The typed device pointers and their accesses.

use core::fmt;
use core::marker::PhantomData;
use core::mem::{align_of, size_of, ManuallyDrop, MaybeUninit};
use core::ptr::NonNull;

use super::backend::{Backend, Explicit, Fake, FakeDevice, Volatile};
use super::perm::{PureRead, Readable, TryReadable, Writable};
use crate::error::{InvalidBits, ValidityError};
use crate::TryFromBytes;

/// A unique pointer to device memory (the `&mut` of device memory): reads, writes, and
/// projection to fields.
///
/// # Invariants
///
/// For the [`Volatile`] and [`Explicit`] backends: for `'a`, `ptr` is valid for volatile reads
/// and writes of `size_of_val(ptr)` bytes, aligned to `align_of::<T>()`; those bytes are
/// initialized, except where a valid `T` may leave them uninitialized (its padding, a
/// `MaybeUninit` in it); no Rust reference to those bytes exists; and no other pointer accesses
/// them except pointers derived from this one while it is not used. For the [`Fake`] backend: `ptr.addr()` is an offset into the fake, a multiple of
/// `align_of::<T>()`; `ptr` is never dereferenced.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, ReadOnly, WriteOnly};
///
/// #[repr(C)]
/// struct Uart {
///     data: WriteOnly<u32>,
///     status: ReadOnly<u32>,
/// }
///
/// // In a driver the pointer comes from `DevicePtrMut::new` on the mapped address; here the
/// // "device" is ordinary memory.
/// let mut mem = Uart { data: WriteOnly::new(0), status: ReadOnly::new(0x20) };
/// let mut uart = DevicePtrMut::from_mut(&mut mem);
/// if zerocast::field!(uart.reborrow(), Uart, status).read() & 0x20 != 0 {
///     zerocast::field!(uart, Uart, data).write(u32::from(b'A'));
/// }
/// ```
pub struct DevicePtrMut<'a, T: ?Sized, B: Backend = Volatile> {
    ptr: *mut T,
    backend: B,
    _life: PhantomData<&'a mut T>,
}

/// A shared pointer to device memory (the `&` of device memory): `Copy`, and reads only what
/// reads without side effects ([`PureRead`]).
///
/// # Invariants
///
/// As [`DevicePtrMut`], except that other shared pointers may read the same bytes and nothing
/// writes them through a device pointer for `'a` (the device itself may).
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, ReadPure};
///
/// let mut id = ReadPure::new(0x4c50_u16);
/// let p = DevicePtrMut::from_mut(&mut id).into_shared();
/// assert_eq!(p.read(), 0x4c50);
/// ```
pub struct DevicePtr<'a, T: ?Sized, B: Backend = Volatile> {
    ptr: *mut T,
    backend: B,
    _life: PhantomData<&'a T>,
}

impl<T: ?Sized, B: Backend> Clone for DevicePtr<'_, T, B> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: ?Sized, B: Backend> Copy for DevicePtr<'_, T, B> {}

// SAFETY: a `DevicePtrMut` is used as a `&mut T` is (the only access to its bytes while it
// lives), so it may move to another thread when a `&mut T` may (`T: Send`) and its backend
// may (`Volatile` and `Explicit` always; `Fake` when the fake is `Sync`).
unsafe impl<T: ?Sized + Send, B: Backend + Send> Send for DevicePtrMut<'_, T, B> {}
// SAFETY: through a `&DevicePtrMut` only shared reads happen, as through a `&&mut T`: allowed
// when `T: Sync` and the backend is `Sync`. Its `&self` methods are `as_shared` (a `DevicePtr`,
// which reads only `PureRead` pointees and never writes), `addr`, `len`, `is_empty` and `Debug`
// (no access at all); every method that writes or hands out a writer (`read` of side-effect
// registers, `write`, `update`, `reborrow`, `get`, `at`, projections) takes `&mut self` or
// `self`. `field!` and `split_fields!` take the pointer by value (a `&DevicePtrMut` does not
// implement `FieldSource`/`SplitSource`), and splitting happens on a `Split` token that is
// neither `Send` nor `Sync`. The wrappers keep this: `Regs`, `RegsDyn` and `DmaBuf` have only
// `read_pure`, `try_read_pure`, `shared`, `size`, `addr`, `dma_addr` and `Debug` on `&self`.
unsafe impl<T: ?Sized + Sync, B: Backend + Sync> Sync for DevicePtrMut<'_, T, B> {}
// SAFETY: a `DevicePtr` is used as a `&T` is (shared reads only), so it may be sent and
// shared between threads when `T: Sync` and the backend allows it.
unsafe impl<T: ?Sized + Sync, B: Backend + Sync + Send> Send for DevicePtr<'_, T, B> {}
// SAFETY: as above.
unsafe impl<T: ?Sized + Sync, B: Backend + Sync> Sync for DevicePtr<'_, T, B> {}

impl<T: ?Sized, B: Backend> fmt::Debug for DevicePtr<'_, T, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DevicePtr({:#x})", self.ptr.cast::<u8>().addr())
    }
}
impl<T: ?Sized, B: Backend> fmt::Debug for DevicePtrMut<'_, T, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DevicePtrMut({:#x})", self.ptr.cast::<u8>().addr())
    }
}

impl<'a, T: ?Sized> DevicePtrMut<'a, T, Volatile> {
    /// A unique device pointer to the memory at `ptr`: the one way to reach real device
    /// memory.
    ///
    /// # Safety
    ///
    /// For all of `'a`:
    /// - `ptr` is mapped and valid for reads and writes of `size_of_val(ptr)` bytes by accesses
    ///   of 8, 16, 32 and 64 bits (the widths [`read`](Self::read) and
    ///   [`write`](Self::write) use, each aligned to its width);
    /// - `ptr` is aligned to `align_of::<T>()` (the field projections keep every field
    ///   aligned to its own type, and every access width is at most that alignment);
    /// - the bytes are initialized (device memory and memory a device wrote always are;
    ///   ordinary memory may be uninitialized only where a valid `T` may be: its padding);
    /// - no Rust reference (`&`/`&mut`) to any of those bytes exists or is created;
    /// - no other `DevicePtrMut` or `DevicePtr` to any of those bytes is used, except the
    ///   ones derived from this pointer.
    ///
    /// The device may change the bytes at any time: reads return `FromBytes` values or
    /// validate a copy, so this is not a precondition.
    ///
    /// # Examples
    ///
    /// ```
    /// use core::ptr::NonNull;
    /// use zerocast::device::{DevicePtrMut, ReadWrite};
    ///
    /// let mut reg = ReadWrite::new(0_u32); // stands for a mapped register
    /// let addr = NonNull::from(&mut reg);
    /// // SAFETY: `addr` is a live, aligned local used only through this pointer below.
    /// let mut p = unsafe { DevicePtrMut::new(addr) };
    /// p.write(3);
    /// assert_eq!(p.read(), 3);
    /// ```
    #[must_use]
    pub const unsafe fn new(ptr: NonNull<T>) -> Self {
        DevicePtrMut {
            ptr: ptr.as_ptr(),
            backend: Volatile,
            _life: PhantomData,
        }
    }

    /// A unique device pointer to ordinary memory: for tests, simulations and buffers the
    /// driver owns (DMA buffers before they are handed to the device).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut buf = [0_u16; 3];
    /// let mut p = DevicePtrMut::from_mut(&mut buf);
    /// p.write([1, 2, 3]); // three 16-bit writes
    /// assert_eq!(buf, [1, 2, 3]);
    /// ```
    #[must_use]
    pub fn from_mut(r: &'a mut T) -> Self {
        // INVARIANT: a `&'a mut T` is valid for reads and writes of its size and aligned for
        // `'a`, and no other reference or pointer can reach it while this pointer borrows it.
        DevicePtrMut {
            ptr: core::ptr::from_mut(r),
            backend: Volatile,
            _life: PhantomData,
        }
    }
}

impl<'a, T: ?Sized> DevicePtrMut<'a, T, Volatile> {
    /// The same pointer with the [`Explicit`] backend: every access one explicit instruction
    /// (`mov` on x86_64), for the registers of a TDX or SEV-ES guest.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut doorbell = 0_u16;
    /// DevicePtrMut::from_mut(&mut doorbell).explicit().write(2);
    /// assert_eq!(doorbell, 2);
    /// ```
    #[must_use]
    pub fn explicit(self) -> DevicePtrMut<'a, T, Explicit> {
        // INVARIANT: the two backends share their invariant; only the instructions differ.
        DevicePtrMut {
            ptr: self.ptr,
            backend: Explicit,
            _life: PhantomData,
        }
    }
}

impl<'a, T: ?Sized> DevicePtr<'a, T, Volatile> {
    /// The same pointer with the [`Explicit`] backend, as [`DevicePtrMut::explicit`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadPure};
    ///
    /// let mut id = ReadPure::new(0x11_u8);
    /// let p = DevicePtrMut::from_mut(&mut id).into_shared();
    /// assert_eq!(p.explicit().read(), 0x11);
    /// ```
    #[must_use]
    pub fn explicit(self) -> DevicePtr<'a, T, Explicit> {
        // INVARIANT: the two backends share their invariant; only the instructions differ.
        DevicePtr {
            ptr: self.ptr,
            backend: Explicit,
            _life: PhantomData,
        }
    }
}

impl<'a, T> DevicePtrMut<'a, T, Volatile> {
    /// A unique device pointer to the `T` at the physical-or-virtual address `addr` (a register
    /// block's base from a device tree or a PCI BAR, once mapped); `None` if `addr` is 0 or not
    /// a multiple of `align_of::<T>()`.
    ///
    /// The pointer takes the provenance exposed for `addr`
    /// ([`core::ptr::with_exposed_provenance_mut`]), as memory mapped outside Rust needs.
    ///
    /// # Safety
    ///
    /// As [`new`](Self::new), for the `size_of::<T>()` bytes at `addr`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadWrite};
    ///
    /// let mut reg = ReadWrite::new(0_u64);
    /// let addr = core::ptr::from_mut(&mut reg).expose_provenance(); // stands for a mapped address
    /// // SAFETY: never accessed (the misaligned address is refused).
    /// assert!(unsafe { DevicePtrMut::<ReadWrite<u64>>::from_addr(addr + 1) }.is_none());
    /// // Exposed provenance is what `-Zmiri-strict-provenance` rules out: not under Miri.
    /// # #[cfg(not(miri))]
    /// # {
    /// // SAFETY: `addr` is a live, aligned local used only through this pointer below.
    /// let mut p = unsafe { DevicePtrMut::<ReadWrite<u64>>::from_addr(addr) }.unwrap();
    /// p.write(7);
    /// assert_eq!(p.read(), 7);
    /// # }
    /// ```
    #[must_use]
    pub unsafe fn from_addr(addr: usize) -> Option<Self> {
        if addr % align_of::<T>() != 0 {
            return None;
        }
        let ptr = NonNull::new(core::ptr::with_exposed_provenance_mut::<T>(addr))?;
        // SAFETY: the caller promises `new`'s contract for these bytes; the address is
        // non-null and aligned (checked above).
        Some(unsafe { DevicePtrMut::new(ptr) })
    }
}

impl<'a, T, D: FakeDevice + ?Sized> DevicePtrMut<'a, T, Fake<'a, D>> {
    /// A unique pointer to the `T` at `offset` in a fake device: every access calls the fake.
    ///
    /// Returns `None` if `offset` is not a multiple of `align_of::<T>()` (where real
    /// hardware would need an aligned address), or if the value would end past `usize::MAX`.
    ///
    /// # Examples
    ///
    #[cfg_attr(
        feature = "alloc",
        doc = "With the [`RecordingDevice`](super::RecordingDevice) of the `alloc` feature:"
    )]
    #[cfg_attr(
        not(feature = "alloc"),
        doc = "With the `RecordingDevice` of the `alloc` feature:"
    )]
    ///
    #[cfg_attr(feature = "alloc", doc = "```")]
    #[cfg_attr(not(feature = "alloc"), doc = "```ignore")]
    /// use zerocast::device::{Access, DevicePtrMut, RecordingDevice, Width};
    ///
    /// let dev = RecordingDevice::new(8);
    /// let mut p = DevicePtrMut::<u16, _>::fake(&dev, 6).unwrap();
    /// p.write(0xbeef);
    /// assert_eq!(dev.log(), [Access::write(6, Width::W16, 0xbeef)]);
    /// assert!(DevicePtrMut::<u16, _>::fake(&dev, 3).is_none());
    /// ```
    #[must_use]
    pub fn fake(device: &'a D, offset: usize) -> Option<Self> {
        if offset % align_of::<T>() != 0 {
            return None;
        }
        // The value's bytes end inside the address space: its words never wrap around to
        // offsets of other values.
        offset.checked_add(size_of::<T>())?;
        // INVARIANT: the offset is aligned to `T`; the pointer has no provenance and is only
        // ever passed to the fake as a number.
        Some(DevicePtrMut {
            ptr: core::ptr::without_provenance_mut(offset),
            backend: Fake(device),
            _life: PhantomData,
        })
    }
}

impl<'a, T, D: FakeDevice + ?Sized> DevicePtrMut<'a, [T], Fake<'a, D>> {
    /// A unique pointer to `len` elements `T` at `offset` in a fake device.
    ///
    /// Returns `None` if `offset` is not a multiple of `align_of::<T>()`, or if the elements
    /// would end past `usize::MAX` (they would wrap around onto one another).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, FakeDevice, Width};
    ///
    /// struct Zero;
    /// impl FakeDevice for Zero {
    ///     fn read(&self, _: usize, _: Width) -> u64 { 0 }
    ///     fn write(&self, _: usize, _: Width, _: u64) {}
    /// }
    /// let ring = DevicePtrMut::<[u32], _>::fake_slice(&Zero, 0, 4).unwrap();
    /// assert_eq!(ring.len(), 4);
    /// assert!(ring.get(4).is_none());
    /// ```
    #[must_use]
    pub fn fake_slice(device: &'a D, offset: usize, len: usize) -> Option<Self> {
        if offset % align_of::<T>() != 0 {
            return None;
        }
        // The elements end inside the address space: none wraps around onto another.
        len.checked_mul(size_of::<T>())
            .and_then(|n| offset.checked_add(n))?;
        // INVARIANT: as in `fake`.
        Some(DevicePtrMut {
            ptr: core::ptr::slice_from_raw_parts_mut(
                core::ptr::without_provenance_mut(offset),
                len,
            ),
            backend: Fake(device),
            _life: PhantomData,
        })
    }
}

impl<'a, T: ?Sized, B: Backend> DevicePtrMut<'a, T, B> {
    /// A unique pointer to the same memory for a shorter lifetime, leaving `self` usable
    /// afterwards (as `&mut *r` does).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// fn bump(mut p: DevicePtrMut<'_, u8>) { let v = p.read(); p.write(v + 1); }
    /// let mut x = 1_u8;
    /// let mut p = DevicePtrMut::from_mut(&mut x);
    /// bump(p.reborrow());
    /// bump(p.reborrow());
    /// assert_eq!(p.read(), 3);
    /// ```
    #[must_use]
    pub fn reborrow(&mut self) -> DevicePtrMut<'_, T, B> {
        DevicePtrMut {
            ptr: self.ptr,
            backend: self.backend,
            _life: PhantomData,
        }
    }

    /// A shared pointer to the same memory while `self` is borrowed.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, ReadPure};
    ///
    /// let mut x = ReadPure::new(5_u32);
    /// let p = DevicePtrMut::from_mut(&mut x);
    /// assert_eq!(p.as_shared().read(), 5);
    /// ```
    #[must_use]
    pub fn as_shared(&self) -> DevicePtr<'_, T, B> {
        DevicePtr {
            ptr: self.ptr,
            backend: self.backend,
            _life: PhantomData,
        }
    }

    /// Turns this pointer into a shared one for the rest of `'a`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut x = 5_u32;
    /// let p = DevicePtrMut::from_mut(&mut x).into_shared();
    /// assert_eq!((p.read(), p.read()), (5, 5));
    /// ```
    #[must_use]
    pub fn into_shared(self) -> DevicePtr<'a, T, B> {
        DevicePtr {
            ptr: self.ptr,
            backend: self.backend,
            _life: PhantomData,
        }
    }

    /// The address (for the [`Fake`] backend, the offset in the fake).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, FakeDevice, Width};
    ///
    /// struct Zero;
    /// impl FakeDevice for Zero {
    ///     fn read(&self, _: usize, _: Width) -> u64 { 0 }
    ///     fn write(&self, _: usize, _: Width, _: u64) {}
    /// }
    /// assert_eq!(DevicePtrMut::<u32, _>::fake(&Zero, 4).unwrap().addr(), 4);
    /// ```
    #[must_use]
    pub fn addr(&self) -> usize {
        self.ptr.cast::<u8>().addr()
    }
}

impl<'a, T: ?Sized, B: Backend> DevicePtr<'a, T, B> {
    /// The address (for the [`Fake`] backend, the offset in the fake).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, FakeDevice, Width};
    ///
    /// struct Zero;
    /// impl FakeDevice for Zero {
    ///     fn read(&self, _: usize, _: Width) -> u64 { 0 }
    ///     fn write(&self, _: usize, _: Width, _: u64) {}
    /// }
    /// let p = DevicePtrMut::<u32, _>::fake(&Zero, 4).unwrap().into_shared();
    /// assert_eq!(p.addr(), 4);
    /// ```
    #[must_use]
    pub fn addr(&self) -> usize {
        self.ptr.cast::<u8>().addr()
    }
}

/// How a `T` is accessed: `size_of::<T>() / WIDTH` accesses of `WIDTH` bytes, in ascending
/// address order.
struct Plan<T>(PhantomData<T>);

impl<T> Plan<T> {
    /// The access width in bytes: `align_of::<T>()`, at most 8. A type larger than 1 byte with
    /// alignment 1 (a byte-order integer, a bit field on one, a struct or array of them) is
    /// refused: it looks like one register, or a block of wider ones, but would be split into
    /// byte accesses.
    const WIDTH: usize = {
        let (size, align) = (size_of::<T>(), align_of::<T>());
        assert!(
            !(size > 1 && align == 1),
            "a device value larger than 1 byte with alignment 1 (a byte-order integer, or a \
             struct or array of them?) would be split into byte accesses: use native integers \
             for the registers, or access the bytes one by one"
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
        // SAFETY: word `i` lies inside the `T` at `src`, is aligned (as in `load_words`), and
        // its bytes are initialized (the caller's promise), so they are a valid `W` integer.
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
    match Plan::<V>::WIDTH {
        8 => {
            // SAFETY: `src` is valid for reads as the caller promises and `dst` is a local
            // `V`; a `u64` word is at most `align_of::<V>()` (the width is
            // `Plan::<V>::WIDTH`, at most the alignment).
            unsafe { load_words::<u64, V, B>(b, src, dst) }
        }
        4 => {
            // SAFETY: `src` is valid for reads as the caller promises and `dst` is a local
            // `V`; a `u32` word is at most `align_of::<V>()` (the width is
            // `Plan::<V>::WIDTH`, at most the alignment).
            unsafe { load_words::<u32, V, B>(b, src, dst) }
        }
        2 => {
            // SAFETY: `src` is valid for reads as the caller promises and `dst` is a local
            // `V`; a `u16` word is at most `align_of::<V>()` (the width is
            // `Plan::<V>::WIDTH`, at most the alignment).
            unsafe { load_words::<u16, V, B>(b, src, dst) }
        }
        _ => {
            // SAFETY: `src` is valid for reads as the caller promises and `dst` is a local
            // `V`; a `u8` word is at most `align_of::<V>()` (the width is
            // `Plan::<V>::WIDTH`, at most the alignment).
            unsafe { load_words::<u8, V, B>(b, src, dst) }
        }
    }
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
    match Plan::<V>::WIDTH {
        8 => {
            // SAFETY: `dst` is valid for writes as the caller promises and `src` is a local
            // `V` with every byte initialized (no padding); a `u64` word is at most
            // `align_of::<V>()` (the width is `Plan::<V>::WIDTH`, at most the alignment).
            unsafe { store_words::<u64, V, B>(b, src, dst) }
        }
        4 => {
            // SAFETY: `dst` is valid for writes as the caller promises and `src` is a local
            // `V` with every byte initialized (no padding); a `u32` word is at most
            // `align_of::<V>()` (the width is `Plan::<V>::WIDTH`, at most the alignment).
            unsafe { store_words::<u32, V, B>(b, src, dst) }
        }
        2 => {
            // SAFETY: `dst` is valid for writes as the caller promises and `src` is a local
            // `V` with every byte initialized (no padding); a `u16` word is at most
            // `align_of::<V>()` (the width is `Plan::<V>::WIDTH`, at most the alignment).
            unsafe { store_words::<u16, V, B>(b, src, dst) }
        }
        _ => {
            // SAFETY: `dst` is valid for writes as the caller promises and `src` is a local
            // `V` with every byte initialized (no padding); a `u8` word is at most
            // `align_of::<V>()` (the width is `Plan::<V>::WIDTH`, at most the alignment).
            unsafe { store_words::<u8, V, B>(b, src, dst) }
        }
    }
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
        // SAFETY: by the type's invariant `src` is valid for reads of a `T` and aligned, and a
        // `T: Readable` has the size, alignment and validity of `T::Value`.
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
        // SAFETY: as in `read`: `T: TryReadable` has the layout of `T::Value`.
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
        // SAFETY: by the type's invariant `dst` is valid for writes of a `T` and aligned; a
        // `T: Writable` has the size and alignment of `T::Value`, and any `T::Value` is a valid
        // `T`; `T::Value: IntoBytes` has no padding.
        unsafe { store::<T::Value, B>(self.backend, value, dst) }
    }
}

impl<'a, T, V, B: Backend> DevicePtrMut<'a, T, B>
where
    T: Readable<Value = V> + Writable<Value = V>,
    V: crate::FromBytes + crate::IntoBytes,
{
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
    pub fn update(&mut self, f: impl FnOnce(V) -> V) {
        let v = self.read();
        self.write(f(v));
    }
}

impl<'a, T, V, B: Backend> DevicePtrMut<'a, T, B>
where
    T: TryReadable<Value = V> + Writable<Value = V>,
    V: TryFromBytes + crate::IntoBytes,
{
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
    pub fn try_update(&mut self, f: impl FnOnce(V) -> V) -> Result<(), ValidityError<(), V>> {
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
        // SAFETY: by the type's invariant `src` is valid for reads of a `T` and aligned, and a
        // `T: Readable` has the size, alignment and validity of `T::Value`.
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
        // SAFETY: as in `read`: `T: TryReadable` has the layout of `T::Value`.
        let out = unsafe { load::<T::Value, B>(self.backend, src) };
        // SAFETY: `out` was just loaded from this pointer to a `T`, of `T::Value`'s validity.
        unsafe { validate(&out) }
    }
}

macro_rules! arrays {
    ($ptr:ident) => {
        impl<'a, T, const N: usize, B: Backend> $ptr<'a, [T; N], B> {
            /// The number of elements, `N`.
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::device::DevicePtrMut;
            ///
            /// let mut a = [0_u16; 3];
            #[doc = concat!("let p: zerocast::device::", stringify!($ptr), "<'_, [u16; 3]> = DevicePtrMut::from_mut(&mut a).into();")]
            /// assert_eq!(p.len(), 3);
            /// ```
            #[must_use]
            pub const fn len(&self) -> usize {
                N
            }

            /// Whether the array is empty (`N == 0`).
            ///
            /// # Examples
            ///
            /// ```
            /// let mut a = [0_u8; 0];
            /// assert!(zerocast::device::DevicePtrMut::from_mut(&mut a).is_empty());
            /// ```
            #[must_use]
            pub const fn is_empty(&self) -> bool {
                N == 0
            }

            /// A pointer to element `i`, or `None` if `i >= N`.
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::device::DevicePtrMut;
            ///
            /// let mut regs = [10_u32, 20, 30];
            /// let p = DevicePtrMut::from_mut(&mut regs).into_shared();
            /// assert_eq!(p.get(2).map(|r| r.read()), Some(30));
            /// assert!(p.get(3).is_none());
            /// ```
            #[must_use]
            pub fn get(self, i: usize) -> Option<$ptr<'a, T, B>> {
                if i >= N {
                    return None;
                }
                // INVARIANT: element `i < N` lies inside the array, aligned to `T` (the array is
                // aligned to `T` and `i * size_of::<T>()` is a multiple of `align_of::<T>()`);
                // it is reachable only through the returned pointer while `self` is (for
                // unique pointers) consumed.
                Some($ptr {
                    ptr: self.ptr.cast::<T>().wrapping_add(i),
                    backend: self.backend,
                    _life: PhantomData,
                })
            }

            /// A pointer to element `I`, checked at compile time.
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::device::DevicePtrMut;
            ///
            /// let mut regs = [10_u32, 20, 30];
            /// let p = DevicePtrMut::from_mut(&mut regs).into_shared();
            /// assert_eq!(p.at::<1>().read(), 20);
            /// ```
            ///
            /// `p.at::<3>()` on a 3-element array does not compile.
            #[must_use]
            pub fn at<const I: usize>(self) -> $ptr<'a, T, B> {
                const { assert!(I < N, "device array index out of bounds") };
                // INVARIANT: as in `get`, with `I < N` checked at compile time.
                $ptr {
                    ptr: self.ptr.cast::<T>().wrapping_add(I),
                    backend: self.backend,
                    _life: PhantomData,
                }
            }
        }

        impl<'a, T, B: Backend> $ptr<'a, [T], B> {
            /// The number of elements.
            ///
            /// # Examples
            ///
            /// ```
            /// let mut a = [0_u16; 3];
            /// let p = zerocast::device::DevicePtrMut::from_mut(&mut a[..]);
            /// assert_eq!(p.len(), 3);
            /// ```
            #[must_use]
            pub fn len(&self) -> usize {
                self.ptr.len()
            }

            /// Whether the slice is empty.
            ///
            /// # Examples
            ///
            /// ```
            /// let mut a = [0_u16; 0];
            /// assert!(zerocast::device::DevicePtrMut::from_mut(&mut a[..]).is_empty());
            /// ```
            #[must_use]
            pub fn is_empty(&self) -> bool {
                self.ptr.len() == 0
            }

            /// A pointer to element `i`, or `None` if it is out of bounds.
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::device::DevicePtrMut;
            ///
            /// let mut buf = [1_u8, 2, 3];
            /// let p = DevicePtrMut::from_mut(&mut buf[..]).into_shared();
            /// assert_eq!(p.get(0).map(|b| b.read()), Some(1));
            /// assert!(p.get(3).is_none());
            /// ```
            #[must_use]
            pub fn get(self, i: usize) -> Option<$ptr<'a, T, B>> {
                if i >= self.ptr.len() {
                    return None;
                }
                // INVARIANT: as for arrays: element `i < len` lies inside the slice, aligned.
                Some($ptr {
                    ptr: self.ptr.cast::<T>().wrapping_add(i),
                    backend: self.backend,
                    _life: PhantomData,
                })
            }
        }

        impl<'a, T, B: Backend> $ptr<'a, T, B> {
            /// The pointer to the field of type `F` at `OFFSET`; used by [`field!`](crate::field).
            ///
            /// # Safety
            ///
            /// `OFFSET` is the offset of a field of type `F` in `T` (`offset_of!` on the path
            /// whose type `_path` names). Bounds and alignment are checked at compile time, but
            /// not that the bytes there are meant as an `F`: a write of another type could
            /// break a `T` that ordinary code reads.
            #[doc(hidden)]
            #[must_use]
            pub unsafe fn __project<F, const OFFSET: usize>(
                self,
                _path: fn(&T) -> &F,
            ) -> $ptr<'a, F, B> {
                const {
                    assert!(
                        OFFSET <= size_of::<T>() && size_of::<F>() <= size_of::<T>() - OFFSET,
                        "the projected field is not inside the pointee"
                    );
                    assert!(
                        OFFSET % align_of::<F>() == 0 && align_of::<F>() <= align_of::<T>(),
                        "the projected field is not aligned to its type (a packed struct?)"
                    );
                };
                // INVARIANT: `OFFSET` is the offset of a field of type `F` in `T` (the macro
                // computes it with `offset_of!` and checks the path's type); the field lies
                // inside `T` and is aligned to `F`, both checked above at compile time.
                $ptr {
                    ptr: self.ptr.cast::<u8>().wrapping_add(OFFSET).cast::<F>(),
                    backend: self.backend,
                    _life: PhantomData,
                }
            }
        }
    };
}
arrays!(DevicePtrMut);
arrays!(DevicePtr);

impl<T, B: Backend> DevicePtrMut<'_, [T], B> {
    /// Reads the elements into `dst`, in ascending order, each as [`read`](DevicePtrMut::read)
    /// does (for a DMA buffer of bytes: one 8-bit access per byte). Copies
    /// `min(self.len(), dst.len())` elements and returns that count, never panicking.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut rx = [1_u8, 2, 3, 4];
    /// let mut p = DevicePtrMut::from_mut(&mut rx[..]);
    /// let mut packet = [0_u8; 3];
    /// assert_eq!(p.read_slice(&mut packet), 3);
    /// assert_eq!(packet, [1, 2, 3]);
    /// ```
    pub fn read_slice(&mut self, dst: &mut [T::Value]) -> usize
    where
        T: Readable,
    {
        let n = self.len().min(dst.len());
        // PANIC: `n <= dst.len()`.
        for (i, d) in dst[..n].iter_mut().enumerate() {
            if let Some(mut p) = self.reborrow().get(i) {
                *d = p.read();
            }
        }
        n
    }

    /// Writes the elements from `src`, in ascending order, each as
    /// [`write`](DevicePtrMut::write) does. Copies `min(self.len(), src.len())` elements and
    /// returns that count, never panicking.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut tx = [0_u16; 2];
    /// assert_eq!(DevicePtrMut::from_mut(&mut tx[..]).write_slice(&[7, 8, 9]), 2);
    /// assert_eq!(tx, [7, 8]);
    /// ```
    pub fn write_slice(&mut self, src: &[T::Value]) -> usize
    where
        T: Writable,
        T::Value: Copy,
    {
        let n = self.len().min(src.len());
        // PANIC: `n <= src.len()`.
        for (i, &v) in src[..n].iter().enumerate() {
            if let Some(mut p) = self.reborrow().get(i) {
                p.write(v);
            }
        }
        n
    }
}

impl<T, B: Backend> DevicePtr<'_, [T], B> {
    /// Reads elements whose reads have no side effects into `dst`, as
    /// [`DevicePtrMut::read_slice`] does.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut table = [5_u32, 6];
    /// let p = DevicePtrMut::from_mut(&mut table[..]).into_shared();
    /// let mut out = [0_u32; 4];
    /// assert_eq!(p.read_slice(&mut out), 2);
    /// assert_eq!(out, [5, 6, 0, 0]);
    /// ```
    pub fn read_slice(&self, dst: &mut [T::Value]) -> usize
    where
        T: Readable + PureRead,
    {
        let n = self.len().min(dst.len());
        // PANIC: `n <= dst.len()`.
        for (i, d) in dst[..n].iter_mut().enumerate() {
            if let Some(p) = self.get(i) {
                *d = p.read();
            }
        }
        n
    }
}

impl<'a, T: ?Sized, B: Backend> From<DevicePtrMut<'a, T, B>> for DevicePtr<'a, T, B> {
    fn from(p: DevicePtrMut<'a, T, B>) -> Self {
        p.into_shared()
    }
}

/// Seals the traits the macros call, so that only device pointers implement them.
mod sealed {
    /// Implemented by [`DevicePtr`](super::DevicePtr) and
    /// [`DevicePtrMut`](super::DevicePtrMut) only.
    pub trait Pointer {}
}
impl<T: ?Sized, B: Backend> sealed::Pointer for DevicePtr<'_, T, B> {}
impl<T: ?Sized, B: Backend> sealed::Pointer for DevicePtrMut<'_, T, B> {}

/// A device pointer by value, as [`field!`](crate::field) takes it; implemented by
/// [`DevicePtr`] and [`DevicePtrMut`] (never by references to them).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`field!` takes a device pointer by value, not `{Self}`",
    label = "not a `DevicePtr` or `DevicePtrMut` by value",
    note = "pass the pointer itself: a `DevicePtrMut` is consumed (pass `p.reborrow()` to use `p` again afterwards), a `DevicePtr` is copied"
)]
pub trait FieldSource: sealed::Pointer + Sized {
    /// `self`, unchanged: calling this as `FieldSource::__by_value(p)` (no auto-reference or
    /// auto-dereference) proves that `p` is a pointer by value.
    #[must_use]
    #[inline(always)]
    fn __by_value(self) -> Self {
        self
    }
}
impl<T: ?Sized, B: Backend> FieldSource for DevicePtr<'_, T, B> {}
impl<T: ?Sized, B: Backend> FieldSource for DevicePtrMut<'_, T, B> {}

/// A unique device pointer by value, as [`split_fields!`](crate::split_fields) takes it;
/// implemented by [`DevicePtrMut`] only (never by a reference to one, through which the pointer
/// would outlive the split and could be split again).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`split_fields!` takes a `DevicePtrMut` by value, not `{Self}`",
    label = "not a `DevicePtrMut` by value",
    note = "pass the pointer itself (it is consumed), or `p.reborrow()` to use `p` again once the field pointers are gone; through `&p` or `&mut p` the pointer would outlive the split"
)]
pub trait SplitSource: sealed::Pointer + Sized {
    /// The token the fields are split from.
    type Split;
    /// Consumes the pointer into the token `split_fields!` splits (its only use).
    #[must_use]
    fn __into_split(self) -> Self::Split;
}
impl<'a, T, B: Backend> SplitSource for DevicePtrMut<'a, T, B> {
    type Split = Split<'a, T, B>;
    #[inline(always)]
    fn __into_split(self) -> Split<'a, T, B> {
        Split {
            ptr: self,
            _not_shared: PhantomData,
        }
    }
}

/// A unique device pointer being split into field pointers by
/// [`split_fields!`](crate::split_fields), which owns it in a local the caller cannot name.
/// Neither `Send` nor `Sync`: it never leaves that expression.
#[doc(hidden)]
pub struct Split<'a, T, B: Backend> {
    ptr: DevicePtrMut<'a, T, B>,
    _not_shared: PhantomData<*mut ()>,
}

impl<'a, T, B: Backend> Split<'a, T, B> {
    /// A unique pointer to the field at `OFFSET`, alongside other field pointers.
    ///
    /// # Safety
    ///
    /// `OFFSET` is the offset of a field of type `F` of the struct `T` (as in `__project`), and
    /// no other pointer returned by this function for `self` points to the same field: used by
    /// `split_fields!`, which names distinct fields of a struct (checked by a struct pattern)
    /// and made `self` from a `DevicePtrMut` it consumed.
    #[doc(hidden)]
    #[must_use]
    #[inline(always)]
    pub unsafe fn __field<F, const OFFSET: usize>(
        &self,
        path: fn(&T) -> &F,
    ) -> DevicePtrMut<'a, F, B> {
        // INVARIANT: the same pointer as `self.ptr`, for `'a`: the caller hands out only
        // pointers to distinct fields of it, and `self.ptr` itself is never used again.
        let this = DevicePtrMut {
            ptr: self.ptr.ptr,
            backend: self.ptr.backend,
            _life: PhantomData,
        };
        // SAFETY: the caller's promise: `OFFSET` is the offset of a field of type `F`.
        unsafe { this.__project::<F, OFFSET>(path) }
    }
}

impl<'a, T: ?Sized, B: Backend> DevicePtr<'a, T, B> {
    /// A shared pointer to the `F` at `offset` bytes from `self`, for the register blocks.
    ///
    /// # Safety
    ///
    /// The `size_of::<F>()` bytes at `offset` lie inside the memory `self` may access and
    /// their address is aligned to `align_of::<F>()`.
    pub(super) unsafe fn cast_at<F>(self, offset: usize) -> DevicePtr<'a, F, B> {
        // INVARIANT: the caller's promise: inside and aligned. A shared pointer never writes,
        // and its reads need `FromBytes` or validate a copy, so the bytes' validity as an `F`
        // is not needed.
        DevicePtr {
            ptr: self.ptr.cast::<u8>().wrapping_add(offset).cast::<F>(),
            backend: self.backend,
            _life: PhantomData,
        }
    }
}

impl<'a, T: ?Sized, B: Backend> DevicePtrMut<'a, T, B> {
    /// A unique pointer to the `F` at `offset` bytes from `self`, for the register blocks.
    ///
    /// # Safety
    ///
    /// The `size_of::<F>()` bytes at `offset` lie inside the memory `self` may access, their
    /// address is aligned to `align_of::<F>()`, any `F` written there leaves a valid pointee
    /// behind, and while the result lives nothing else accesses those bytes (`self` is
    /// consumed; the caller keeps no other pointer to them in use).
    pub(super) unsafe fn cast_at<F>(self, offset: usize) -> DevicePtrMut<'a, F, B> {
        // INVARIANT: the caller's promise: inside, aligned, not otherwise in use.
        DevicePtrMut {
            ptr: self.ptr.cast::<u8>().wrapping_add(offset).cast::<F>(),
            backend: self.backend,
            _life: PhantomData,
        }
    }

    /// A unique pointer to the `len` bytes at the start of `self`, for the register blocks.
    ///
    /// # Safety
    ///
    /// As [`cast_at`](Self::cast_at) for the `len` bytes from offset 0.
    pub(super) unsafe fn cast_bytes(self, len: usize) -> DevicePtrMut<'a, [u8], B> {
        // INVARIANT: the caller's promise: inside, not otherwise in use (`u8` needs no
        // alignment).
        DevicePtrMut {
            ptr: core::ptr::slice_from_raw_parts_mut(self.ptr.cast::<u8>(), len),
            backend: self.backend,
            _life: PhantomData,
        }
    }
}
