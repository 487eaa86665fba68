// SPDX-License-Identifier: MIT OR Apache-2.0
//! The typed device pointers [`DevicePtrMut`] and [`DevicePtr`]: their invariant, how they are
//! made (from an address, a reference, a fake device) and reborrowed. Reading and writing the
//! pointee is in `access`, arrays and slices in `array`, fields in `project`.

use core::fmt;
use core::marker::PhantomData;
use core::ptr::NonNull;

use super::backend::{Backend, Explicit, Fake, FakeDevice, Volatile};

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
/// For every backend: whatever may be written through the pointer leaves the memory valid for
/// what it was made from (for [`from_mut`](Self::from_mut), the referent's type, which its
/// owner reads through references again when `'a` ends). `write` writes a `T`'s value; so a
/// pointer to a part of the memory keeps that part's type (a field, an element, a
/// sub-slice), and a pointer to its bytes, through which any bytes may be written, exists only
/// for a pointee that accepts any bytes (`into_bytes` needs [`AnyBytes`](super::AnyBytes):
/// `FromBytes + IntoBytes`).
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
    pub(super) ptr: *mut T,
    pub(super) backend: B,
    pub(super) _life: PhantomData<&'a mut T>,
}

/// A shared pointer to device memory (the `&` of device memory): `Copy`, and reads only what
/// reads without side effects ([`PureRead`](super::PureRead)).
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
    pub(super) ptr: *mut T,
    pub(super) backend: B,
    pub(super) _life: PhantomData<&'a T>,
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
// registers, `write`, `update`, `reborrow`, `get`, `at`, `get_range`, `split_at`, the slice
// copies, `into_slice`, `into_bytes`, projections) takes `&mut self` or
// `self`. `field!` and `split_fields!` take the pointer by value (a `&DevicePtrMut` does not
// implement `FieldSource`/`SplitSource`), and splitting happens on a `Split` token that is
// neither `Send` nor `Sync`. The wrappers keep this: `Regs`, `RegsDyn` and `DmaBuf` have only
// `read_pure`, `elem_pure` (a `DevicePtr` to a `PureRead` element), `shared`, `size`, `addr`,
// `dma_addr`, `len`, `is_empty` and `Debug` on `&self`.
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

impl<'a, T: ?Sized, B: Backend> From<DevicePtrMut<'a, T, B>> for DevicePtr<'a, T, B> {
    fn from(p: DevicePtrMut<'a, T, B>) -> Self {
        p.into_shared()
    }
}
