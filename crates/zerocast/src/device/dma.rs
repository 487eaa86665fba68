// SPDX-License-Identifier: MIT OR Apache-2.0
//! Coherent DMA buffers and the memory-ordering fences for handing them to and from a device.
//! Sub-buffers and byte views of a buffer are in `dma_view`.

use core::fmt;
use core::ptr::NonNull;

use super::ptr::{DevicePtr, DevicePtrMut};
use crate::{FromBytes, IntoBytes};

/// A coherent DMA buffer: memory the driver allocated and shares with a device, known by its
/// CPU-side location and by the address the device uses for it (its bus or IOVA address).
///
/// The buffer hands out [`DevicePtrMut`]/[`DevicePtr`] views with the same typed accesses as
/// registers (`read`, `write`, [`field!`](crate::field), `get`): no Rust reference to the
/// shared bytes is created while the buffer lives, so neither the compiler nor the device
/// breaks the other's assumptions. A buffer of a slice splits into sub-buffers
/// ([`get_range`](DmaBuf::get_range), [`split_at`](DmaBuf::split_at)), each with the device
/// address of its first byte, and any buffer has a byte view ([`into_bytes`](DmaBuf::into_bytes))
/// through which a simulated device writes what the hardware would. Order the accesses that hand a descriptor over with
/// [`dma_wmb`], [`dma_rmb`] and [`dma_mb`].
///
/// The buffer borrows its memory for `'a`: from a `&mut T` (memory the driver owns, and every
/// test), or in a driver from the CPU pointer a coherent allocator returned
/// ([`from_raw`](Self::from_raw)). The device address is whatever that allocator (or the
/// IOMMU mapping) returned; zerocast never derives it from the CPU pointer.
///
/// A driver must stop the device from using the buffer (reset the queue or the device) before
/// the borrow ends: after that the memory is ordinary memory again, read through references.
///
/// The device may write any bytes and reads every byte, so `T` is [`FromBytes`] (whatever it
/// wrote is a valid `T` when ordinary code reads the memory again) and [`IntoBytes`] (no
/// padding: no uninitialized byte is handed to it), as Linux's `CoherentAllocation<T:
/// AsBytes + FromBytes>`. A descriptor with a `bool` or an enum field is declared with the
/// integer the device sees (a [`bitfield!`](mod@crate::bitfield) over it for typed access).
///
/// # Examples
///
/// ```
/// use zerocast::device::{dma_rmb, dma_wmb, DmaBuf};
/// use zerocast::field;
///
/// #[repr(C)]
/// #[derive(zerocast::FromBytes, zerocast::IntoBytes, zerocast::Immutable)]
/// struct Mailbox {
///     data: u64,
///     ready: u32,
///     done: u32,
/// }
///
/// let mut mem = Mailbox { data: 0, ready: 0, done: 0 };
/// let mut buf = DmaBuf::new(&mut mem, 0x8000_0000);
/// assert_eq!(buf.dma_addr(), 0x8000_0000);
///
/// // Driver: the payload first, then the flag that publishes it.
/// field!(buf.ptr(), Mailbox, data).write(0x1234);
/// dma_wmb();
/// field!(buf.ptr(), Mailbox, ready).write(1);
///
/// // (A device would take it here; the test plays the device.)
/// field!(buf.ptr(), Mailbox, done).write(1);
///
/// // Driver: the completion flag first, then what it vouches for.
/// if field!(buf.ptr(), Mailbox, done).read() == 1 {
///     dma_rmb();
///     assert_eq!(field!(buf.ptr(), Mailbox, data).read(), 0x1234);
/// }
/// ```
pub struct DmaBuf<'a, T: ?Sized> {
    pub(super) mem: DevicePtrMut<'a, T>,
    pub(super) dma_addr: u64,
}

impl<T: ?Sized> fmt::Debug for DmaBuf<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "DmaBuf({:#x} at dma {:#x})",
            self.mem.addr(),
            self.dma_addr
        )
    }
}

impl<'a, T: ?Sized + FromBytes + IntoBytes> DmaBuf<'a, T> {
    /// A DMA buffer over memory the driver owns, which the device knows as `dma_addr`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DmaBuf;
    ///
    /// let mut ring = [0_u16; 8];
    /// let mut buf = DmaBuf::new(&mut ring[..], 0x1000);
    /// buf.ptr().get(3).unwrap().write(7);
    /// assert_eq!(buf.shared().len(), 8);
    /// // The borrow ends with the buffer's last use; the memory is ordinary again.
    /// assert_eq!(ring[3], 7);
    /// ```
    #[must_use]
    pub fn new(mem: &'a mut T, dma_addr: u64) -> Self {
        DmaBuf {
            mem: DevicePtrMut::from_mut(mem),
            dma_addr,
        }
    }

    /// A DMA buffer over the memory at `ptr` (the CPU side of a coherent allocation), which
    /// the device knows as `dma_addr`.
    ///
    /// # Safety
    ///
    /// The contract of [`DevicePtrMut::new`] for `ptr` and `'a`: mapped and valid for reads
    /// and writes of `size_of_val(ptr)` bytes by aligned 8- to 64-bit accesses, aligned to
    /// `align_of::<T>()`, no Rust reference to those bytes, and no other device pointer to them
    /// used except those derived from this buffer. (The device's own accesses are not Rust
    /// accesses and are not a precondition.)
    ///
    /// # Examples
    ///
    /// ```
    /// use core::ptr::NonNull;
    /// use zerocast::device::DmaBuf;
    ///
    /// let mut mem = [0_u32; 4]; // stands for a coherent allocation
    /// let cpu = NonNull::from(&mut mem);
    /// // SAFETY: `cpu` is a live, aligned local used only through this buffer below.
    /// let mut buf = unsafe { DmaBuf::from_raw(cpu, 0x4000) };
    /// buf.ptr().at::<2>().write(9);
    /// assert_eq!(buf.shared().at::<2>().read(), 9);
    /// ```
    #[must_use]
    pub unsafe fn from_raw(ptr: NonNull<T>, dma_addr: u64) -> Self {
        DmaBuf {
            // SAFETY: the caller promises `DevicePtrMut::new`'s contract for `ptr` and `'a`.
            mem: unsafe { DevicePtrMut::new(ptr) },
            dma_addr,
        }
    }
}

impl<'a, T: ?Sized> DmaBuf<'a, T> {
    /// The address the device uses for the buffer's first byte (as given at construction).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut x = 0_u64;
    /// assert_eq!(zerocast::device::DmaBuf::new(&mut x, 0x10).dma_addr(), 0x10);
    /// ```
    #[must_use]
    pub fn dma_addr(&self) -> u64 {
        self.dma_addr
    }

    /// The CPU-side address of the buffer's first byte.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut x = 0_u64;
    /// let expected = core::ptr::from_ref(&x).addr();
    /// assert_eq!(zerocast::device::DmaBuf::new(&mut x, 0).addr(), expected);
    /// ```
    #[must_use]
    pub fn addr(&self) -> usize {
        self.mem.addr()
    }

    /// A unique device pointer to the whole buffer, for as long as `self` is borrowed.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut x = 0_u32;
    /// let mut buf = zerocast::device::DmaBuf::new(&mut x, 0);
    /// buf.ptr().write(5);
    /// assert_eq!(buf.ptr().read(), 5);
    /// ```
    #[must_use]
    pub fn ptr(&mut self) -> DevicePtrMut<'_, T> {
        self.mem.reborrow()
    }

    /// A shared device pointer to the whole buffer (reads only), for as long as `self` is
    /// borrowed.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut x = 6_u32;
    /// let buf = zerocast::device::DmaBuf::new(&mut x, 0);
    /// let (a, b) = (buf.shared(), buf.shared());
    /// assert_eq!(a.read() + b.read(), 12);
    /// ```
    #[must_use]
    pub fn shared(&self) -> DevicePtr<'_, T> {
        self.mem.as_shared()
    }

    /// The unique device pointer to the whole buffer, for all of `'a`.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut x = [1_u8, 2];
    /// let p = zerocast::device::DmaBuf::new(&mut x, 0).into_ptr();
    /// assert_eq!(p.at::<1>().read(), 2);
    /// ```
    #[must_use]
    pub fn into_ptr(self) -> DevicePtrMut<'a, T> {
        self.mem
    }

    /// The same buffer for a shorter lifetime, leaving `self` usable afterwards (as
    /// [`DevicePtrMut::reborrow`]): to take a sub-buffer or a byte view and keep the buffer.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DmaBuf;
    ///
    /// let mut pool = [0_u8; 64];
    /// let mut buf = DmaBuf::new(&mut pool[..], 0x8000);
    /// let second = buf.reborrow().get_range(32..).unwrap();
    /// assert_eq!(second.dma_addr(), 0x8020);
    /// assert_eq!(buf.len(), 64);
    /// ```
    #[must_use]
    pub fn reborrow(&mut self) -> DmaBuf<'_, T> {
        DmaBuf {
            mem: self.mem.reborrow(),
            dma_addr: self.dma_addr,
        }
    }
}

/// Orders the driver's (or device model's) earlier writes to coherent DMA memory before its
/// later writes to it: the kernel's `dma_wmb()`.
///
/// Use it between filling a descriptor and the write that hands it to the device (a ring index,
/// an ownership bit), so the device never sees the index before the descriptor.
///
/// Mapping: `core::sync::atomic::fence(Release)` on every target but aarch64 (on x86_64, where
/// stores are not reordered with stores, that is a compiler barrier only, as the kernel's
/// `dma_wmb` is); on aarch64 `dmb oshst` (store-store in the outer-shareable domain, where DMA
/// masters are; the `dmb ish` of `fence(Release)` only covers the inner-shareable domain of
/// the CPUs). It orders memory accesses, not completion: it does not make a write reach an MMIO
/// doorbell before a later one (device pointers to MMIO are already in program order), and
/// it does not flush caches for non-coherent DMA.
///
/// # Examples
///
/// ```
/// use zerocast::device::{dma_wmb, DevicePtrMut};
///
/// let mut ring = [0_u32; 2]; // [descriptor, index]
/// let mut p = DevicePtrMut::from_mut(&mut ring);
/// p.reborrow().at::<0>().write(0xbeef);
/// dma_wmb(); // the descriptor before the index that publishes it
/// p.at::<1>().write(1);
/// assert_eq!(ring, [0xbeef, 1]);
/// ```
#[inline(always)]
pub fn dma_wmb() {
    #[cfg(all(target_arch = "aarch64", not(miri)))]
    // SAFETY: `dmb oshst` only orders memory accesses: it reads and writes no memory or
    // register and touches no flags or stack. It is not `nomem`, so the compiler keeps memory
    // accesses on their side of it.
    unsafe {
        core::arch::asm!("dmb oshst", options(nostack, preserves_flags));
    }
    #[cfg(not(all(target_arch = "aarch64", not(miri))))]
    core::sync::atomic::fence(core::sync::atomic::Ordering::Release);
}

/// Orders the driver's earlier reads of coherent DMA memory before its later reads and writes
/// of it: the kernel's `dma_rmb()`.
///
/// Use it between reading the index or ownership bit by which the device says a buffer is done
/// and reading what it wrote there (the used element, the received bytes), so the driver never
/// reads the data before the index that vouches for it.
///
/// Mapping: `core::sync::atomic::fence(Acquire)` on every target but aarch64 (a compiler
/// barrier only on x86_64, as the kernel's `dma_rmb`); on aarch64 `dmb oshld` (earlier loads
/// before later loads and stores, outer-shareable domain). As [`dma_wmb`], it neither flushes
/// caches nor orders MMIO completion.
///
/// # Examples
///
/// ```
/// use zerocast::device::{dma_rmb, DevicePtrMut};
///
/// let mut ring = [0xbeef_u32, 1]; // [data, done index], as a device left them
/// let p = DevicePtrMut::from_mut(&mut ring).into_shared();
/// if p.at::<1>().read() == 1 {
///     dma_rmb(); // the index before the data it vouches for
///     assert_eq!(p.at::<0>().read(), 0xbeef);
/// }
/// ```
#[inline(always)]
pub fn dma_rmb() {
    #[cfg(all(target_arch = "aarch64", not(miri)))]
    // SAFETY: as in `dma_wmb`: `dmb oshld` only orders memory accesses.
    unsafe {
        core::arch::asm!("dmb oshld", options(nostack, preserves_flags));
    }
    #[cfg(not(all(target_arch = "aarch64", not(miri))))]
    core::sync::atomic::fence(core::sync::atomic::Ordering::Acquire);
}

/// Orders all earlier reads and writes of coherent DMA memory before all later ones, stores
/// before loads included: the kernel's `dma_mb()`.
///
/// Use it where a write must be visible before a later read, e.g. publishing the available
/// index and then reading whether the device wants a notification (`used.flags` or
/// `avail_event` in virtio): without it, the read may pass the write and a kick may be lost.
///
/// Mapping: `core::sync::atomic::fence(SeqCst)` (`mfence` on x86_64) on every target but
/// aarch64; on aarch64 `dmb osh`.
///
/// # Examples
///
/// ```
/// use zerocast::device::{dma_mb, DevicePtrMut};
///
/// let mut ring = [0_u16; 2]; // [avail idx, device flags]
/// let mut p = DevicePtrMut::from_mut(&mut ring);
/// p.reborrow().at::<0>().write(1);
/// dma_mb(); // the index store before the flags load
/// let wants_kick = p.at::<1>().read() & 1 == 0;
/// assert!(wants_kick);
/// ```
#[inline(always)]
pub fn dma_mb() {
    #[cfg(all(target_arch = "aarch64", not(miri)))]
    // SAFETY: as in `dma_wmb`: `dmb osh` only orders memory accesses.
    unsafe {
        core::arch::asm!("dmb osh", options(nostack, preserves_flags));
    }
    #[cfg(not(all(target_arch = "aarch64", not(miri))))]
    core::sync::atomic::fence(core::sync::atomic::Ordering::SeqCst);
}
