// SPDX-License-Identifier: MIT OR Apache-2.0
//! How an access is performed: [`Volatile`] on real memory, [`Fake`] on a test's device.

use core::fmt;
use core::mem::MaybeUninit;

/// The width of one device access.
///
/// # Examples
///
/// ```
/// use zerocast::device::Width;
///
/// assert_eq!(Width::W32.bytes(), 4);
/// assert_eq!(Width::W64.bits(), 64);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Width {
    /// 8 bits.
    W8,
    /// 16 bits.
    W16,
    /// 32 bits.
    W32,
    /// 64 bits.
    W64,
}

impl Width {
    /// The width in bytes: 1, 2, 4 or 8.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(zerocast::device::Width::W16.bytes(), 2);
    /// ```
    #[must_use]
    pub const fn bytes(self) -> usize {
        match self {
            Width::W8 => 1,
            Width::W16 => 2,
            Width::W32 => 4,
            Width::W64 => 8,
        }
    }

    /// The width in bits: 8, 16, 32 or 64.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(zerocast::device::Width::W8.bits(), 8);
    /// ```
    #[must_use]
    pub const fn bits(self) -> u32 {
        match self {
            Width::W8 => 8,
            Width::W16 => 16,
            Width::W32 => 32,
            Width::W64 => 64,
        }
    }
}

impl fmt::Display for Width {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-bit", self.bits())
    }
}

/// The byte order of the bus a [`FakeDevice`] sits behind: how the numbers it answers and
/// observes map to the bytes of the accessed register ([`FakeDevice::bus_order`]).
///
/// # Examples
///
/// ```
/// use zerocast::device::BusOrder;
///
/// // The bytes a 32-bit register holds when the device's number is 0x1234_5678.
/// let bytes = |order| BusOrder::bytes32(order, 0x1234_5678);
/// assert_eq!(bytes(BusOrder::Little), [0x78, 0x56, 0x34, 0x12]);
/// assert_eq!(bytes(BusOrder::Big), [0x12, 0x34, 0x56, 0x78]);
/// assert_eq!(bytes(BusOrder::Native), 0x1234_5678_u32.to_ne_bytes());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BusOrder {
    /// The host's order: a number is the native integer of the register's bytes (what a
    /// plain `u32` cell reads), the same on every host; a simulation of a little-endian device
    /// with [`Le32`](crate::byteorder::Le32) cells is then right on little-endian hosts only.
    #[default]
    Native,
    /// Little-endian, as PCI devices and most SoC peripherals: a number's least significant
    /// byte is at the register's lowest address, on every host. An `Le32` cell reads the
    /// simulation's number on every host; a plain `u32` cell reads it byte-swapped on a
    /// big-endian host, as a raw access to such a device does.
    Little,
    /// Big-endian: a number's most significant byte is at the register's lowest address.
    Big,
}

impl BusOrder {
    /// The 4 bytes a 32-bit register holds when the device's number is `value`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::BusOrder;
    /// assert_eq!(BusOrder::Big.bytes32(1), [0, 0, 0, 1]);
    /// ```
    #[must_use]
    pub const fn bytes32(self, value: u32) -> [u8; 4] {
        match self {
            BusOrder::Native => value.to_ne_bytes(),
            BusOrder::Little => value.to_le_bytes(),
            BusOrder::Big => value.to_be_bytes(),
        }
    }
}

/// Converts between a fake device's numbers and the native integers whose bytes a register
/// holds, for one access width: the same function both ways (a byte swap or nothing).
macro_rules! bus_swap {
    ($($name:ident: $t:ty),+) => {$(
        #[inline(always)]
        const fn $name(order: BusOrder, v: $t) -> $t {
            match order {
                BusOrder::Native => v,
                BusOrder::Little => <$t>::to_le(v),
                BusOrder::Big => <$t>::to_be(v),
            }
        }
    )+};
}
bus_swap!(bus16: u16, bus32: u32, bus64: u64);

/// How a device pointer performs its accesses; implemented by [`Volatile`] and [`Fake`] only.
///
/// Driver code generic over `B: Backend` runs unchanged on real hardware (`Volatile`) and in
/// unit tests against a [`FakeDevice`] (`Fake`).
///
/// # Examples
///
/// ```
/// use zerocast::device::{Backend, DevicePtrMut, ReadWrite};
///
/// /// Driver code: sets bit 0 of a control register, whatever the backend.
/// fn enable<B: Backend>(mut ctrl: DevicePtrMut<'_, ReadWrite<u32>, B>) {
///     let v = ctrl.read();
///     ctrl.write(v | 1);
/// }
///
/// let mut reg = ReadWrite::new(0x10_u32);
/// enable(DevicePtrMut::from_mut(&mut reg));
/// assert_eq!(DevicePtrMut::from_mut(&mut reg).read(), 0x11);
/// ```
pub trait Backend: Copy + sealed::Access {}

/// The real backend: each access is one volatile load or store of the access's width.
///
/// On aarch64 the loads and stores are the explicit `ldrb`/`ldrh`/`ldr`/`strb`/`strh`/`str`
/// instructions with a plain base register, as the Linux kernel's `readl`/`writel` use, so the
/// compiler cannot choose an addressing mode (writeback, register offset) that a hypervisor
/// cannot emulate when the access traps. Elsewhere (and under Miri) they are
/// `read_volatile`/`write_volatile`, which the compiler never splits, merges, repeats or
/// removes.
///
/// On x86_64 the compiler may still fold a volatile load or store into another instruction:
/// `ptr.update(|v| v | 1)` can become one `or dword ptr [rdi], 1`, a read then a write of the
/// register's width, as written. Hypervisors emulate such instructions, but a confidential
/// guest (Intel TDX, AMD SEV-ES) emulates MMIO itself and accepts only moves: there, use the
/// [`Explicit`] backend for registers.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, Volatile};
///
/// let mut word = 7_u32;
/// let mut p: DevicePtrMut<'_, u32, Volatile> = DevicePtrMut::from_mut(&mut word);
/// p.write(9);
/// assert_eq!(p.read(), 9);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Volatile;

impl Backend for Volatile {}

/// The real backend whose every access is one explicit instruction of the access's width, as
/// the Linux kernel's `readl`/`writel`: `mov` (loads zero-extending with `movzx`) on x86_64,
/// `ldr*`/`str*` with a plain base register on aarch64 (the same as [`Volatile`] there);
/// `read_volatile`/`write_volatile` on other targets and under Miri.
///
/// Use it for memory-mapped registers of a guest whose MMIO accesses are decoded by the guest
/// itself (Intel TDX, AMD SEV-ES), which accepts only moves. The compiler treats each access
/// as opaque, so it neither folds it into another instruction nor unrolls loops around it: in
/// tight loops over ordinary memory (DMA buffers) [`Volatile`] is faster. Get one with
/// [`DevicePtrMut::explicit`](super::DevicePtrMut::explicit) or
/// [`Regs::explicit`](super::Regs::explicit).
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, Explicit, ReadWrite};
///
/// let mut ctrl = ReadWrite::new(0x10_u32);
/// let mut p: DevicePtrMut<'_, _, Explicit> = DevicePtrMut::from_mut(&mut ctrl).explicit();
/// p.update(|v| v | 1); // `mov`, `or`, `mov` on x86_64: never `or dword ptr [..], 1`
/// assert_eq!(p.read(), 0x11);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Explicit;

impl Backend for Explicit {}

/// A device simulated by a test: answers reads and observes writes, by offset.
///
/// A [`DevicePtrMut::fake`](super::DevicePtrMut::fake) pointer's address is an offset into
/// the fake (never dereferenced); every access through it calls `read` or `write` once, with the
/// access's offset and width. The methods take `&self` because several pointers (split fields,
/// shared pointers) use one fake at once: keep state in `Cell`s.
///
/// A value the fake answers or observes is a number; which bytes of the register it stands
/// for is the fake's [`bus_order`](Self::bus_order): by default the host's, so that a plain
/// `u32` cell reads the fake's number on every host. A simulation of a real device states its
/// bus ([`BusOrder::Little`] for PCI devices and most SoC peripherals), so that its
/// [`Le32`](crate::byteorder::Le32) cells, and its access log, are the same on a big-endian
/// host. A fake that wraps another forwards `bus_order` with `read` and `write`.
///
/// # Examples
///
/// ```
/// use core::cell::Cell;
/// use zerocast::device::{DevicePtrMut, FakeDevice, ReadOnly, Width};
///
/// /// A status register that counts how often it is read.
/// struct Counter(Cell<u64>);
/// impl FakeDevice for Counter {
///     fn read(&self, _offset: usize, _width: Width) -> u64 {
///         self.0.set(self.0.get() + 1);
///         self.0.get()
///     }
///     fn write(&self, _offset: usize, _width: Width, _value: u64) {}
/// }
///
/// let dev = Counter(Cell::new(0));
/// let mut status = DevicePtrMut::<ReadOnly<u32>, _>::fake(&dev, 4).unwrap();
/// assert_eq!(status.read(), 1);
/// assert_eq!(status.read(), 2);
/// ```
pub trait FakeDevice {
    /// Answers a read of `width` at `offset`; only the low `width` bits of the result are used.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, FakeDevice, Width};
    ///
    /// /// Every read answers with its offset, and all bits set above its width.
    /// struct Echo;
    /// impl FakeDevice for Echo {
    ///     fn read(&self, offset: usize, width: Width) -> u64 {
    ///         assert_eq!(width, Width::W16);
    ///         !0xffff | offset as u64
    ///     }
    ///     fn write(&self, _: usize, _: Width, _: u64) {}
    /// }
    /// let mut reg = DevicePtrMut::<u16, _>::fake(&Echo, 6).unwrap();
    /// assert_eq!(reg.read(), 6); // the bits above 16 are dropped
    /// ```
    fn read(&self, offset: usize, width: Width) -> u64;
    /// Observes a write of `value` (zero-extended from `width` bits) at `offset`.
    ///
    /// # Examples
    ///
    /// ```
    /// use core::cell::Cell;
    /// use zerocast::device::{DevicePtrMut, FakeDevice, Width};
    ///
    /// /// Remembers the last write.
    /// struct Log(Cell<Option<(usize, Width, u64)>>);
    /// impl FakeDevice for Log {
    ///     fn read(&self, _: usize, _: Width) -> u64 { 0 }
    ///     fn write(&self, offset: usize, width: Width, value: u64) {
    ///         self.0.set(Some((offset, width, value)));
    ///     }
    /// }
    /// let log = Log(Cell::new(None));
    /// DevicePtrMut::<u32, _>::fake(&log, 8).unwrap().write(0xdead_beef);
    /// assert_eq!(log.0.get(), Some((8, Width::W32, 0xdead_beef)));
    /// ```
    fn write(&self, offset: usize, width: Width, value: u64);

    /// The byte order of the bus the fake sits behind: [`BusOrder::Native`] unless the fake
    /// says otherwise. A simulation of a real little-endian device says
    /// [`BusOrder::Little`], so that it and its access log are the same on every host.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::byteorder::Le32;
    /// use zerocast::device::{BusOrder, DevicePtrMut, FakeDevice, ReadOnly, Width};
    ///
    /// /// A little-endian device whose 32-bit register holds 0x1234_5678.
    /// struct Id;
    /// impl FakeDevice for Id {
    ///     fn read(&self, _: usize, _: Width) -> u64 {
    ///         0x1234_5678
    ///     }
    ///     fn write(&self, _: usize, _: Width, _: u64) {}
    ///     fn bus_order(&self) -> BusOrder {
    ///         BusOrder::Little
    ///     }
    /// }
    /// // An `Le32` cell reads the device's number on every host.
    /// let mut id = DevicePtrMut::<ReadOnly<Le32>, _>::fake(&Id, 0).unwrap();
    /// assert_eq!(id.read().get(), 0x1234_5678);
    /// // A plain `u32` cell reads the native integer of the bytes [0x78, 0x56, 0x34, 0x12].
    /// let mut raw = DevicePtrMut::<ReadOnly<u32>, _>::fake(&Id, 0).unwrap();
    /// assert_eq!(raw.read(), u32::from_ne_bytes([0x78, 0x56, 0x34, 0x12]));
    /// ```
    fn bus_order(&self) -> BusOrder {
        BusOrder::Native
    }
}

/// The test backend: a handle on a [`FakeDevice`]; addresses are offsets into it.
///
/// # Examples
///
#[cfg_attr(
    feature = "alloc",
    doc = "See [`FakeDevice`] and [`RecordingDevice`](super::RecordingDevice)."
)]
#[cfg_attr(
    not(feature = "alloc"),
    doc = "See [`FakeDevice`] and `RecordingDevice` (feature `alloc`)."
)]
///
/// ```
/// use zerocast::device::{DevicePtrMut, Fake, FakeDevice, Width};
///
/// struct Zero;
/// impl FakeDevice for Zero {
///     fn read(&self, _: usize, _: Width) -> u64 { 0 }
///     fn write(&self, _: usize, _: Width, _: u64) {}
/// }
/// let p: DevicePtrMut<'_, u16, Fake<'_, Zero>> = DevicePtrMut::fake(&Zero, 2).unwrap();
/// assert_eq!(p.into_shared().read(), 0);
/// ```
pub struct Fake<'d, D: ?Sized>(pub(crate) &'d D);

impl<D: ?Sized> Clone for Fake<'_, D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<D: ?Sized> Copy for Fake<'_, D> {}

impl<D: ?Sized> fmt::Debug for Fake<'_, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Fake")
    }
}

impl<D: FakeDevice + ?Sized> Backend for Fake<'_, D> {}

pub(crate) mod sealed {
    use core::mem::MaybeUninit;

    /// The accesses themselves; private so that only this crate's backends exist.
    pub trait Access: Copy {
        /// Reads 8 bits, as a `MaybeUninit` (memory the driver owns may hold uninitialized
        /// bytes, the padding of a value; they are copied as they are, never turned into an
        /// integer).
        ///
        /// # Safety
        ///
        /// For [`super::Volatile`]: `addr` is valid for a read of 1 byte and aligned to 1, as a
        /// device pointer's invariant guarantees. For [`super::Fake`]: none (never dereferenced).
        unsafe fn read8(self, addr: *mut u8) -> MaybeUninit<u8>;
        /// Reads 16 bits.
        ///
        /// # Safety
        ///
        /// As [`read8`](Self::read8), for 2 bytes aligned to 2.
        unsafe fn read16(self, addr: *mut u16) -> MaybeUninit<u16>;
        /// Reads 32 bits.
        ///
        /// # Safety
        ///
        /// As [`read8`](Self::read8), for 4 bytes aligned to 4.
        unsafe fn read32(self, addr: *mut u32) -> MaybeUninit<u32>;
        /// Reads 64 bits.
        ///
        /// # Safety
        ///
        /// As [`read8`](Self::read8), for 8 bytes aligned to 8.
        unsafe fn read64(self, addr: *mut u64) -> MaybeUninit<u64>;
        /// Writes 8 bits.
        ///
        /// # Safety
        ///
        /// For [`super::Volatile`]: `addr` is valid for a write of 1 byte and aligned to 1. For
        /// [`super::Fake`]: none.
        unsafe fn write8(self, addr: *mut u8, v: u8);
        /// Writes 16 bits.
        ///
        /// # Safety
        ///
        /// As [`write8`](Self::write8), for 2 bytes aligned to 2.
        unsafe fn write16(self, addr: *mut u16, v: u16);
        /// Writes 32 bits.
        ///
        /// # Safety
        ///
        /// As [`write8`](Self::write8), for 4 bytes aligned to 4.
        unsafe fn write32(self, addr: *mut u32, v: u32);
        /// Writes 64 bits.
        ///
        /// # Safety
        ///
        /// As [`write8`](Self::write8), for 8 bytes aligned to 8.
        unsafe fn write64(self, addr: *mut u64, v: u64);
    }
}

/// `read_volatile`/`write_volatile` (used by `Volatile` except on aarch64, and by `Explicit`
/// where it has no instructions of its own).
#[cfg(any(not(target_arch = "aarch64"), miri))]
macro_rules! volatile_access {
    ($read:ident, $write:ident, $t:ty) => {
        #[inline(always)]
        unsafe fn $read(self, addr: *mut $t) -> MaybeUninit<$t> {
            // `MaybeUninit<$t>` has the size and alignment of `$t` and accepts any bytes,
            // uninitialized ones included, so the load copies padding as it is.
            // SAFETY: `addr` is valid for reads of a `$t` and aligned (the trait's contract).
            unsafe { addr.cast::<MaybeUninit<$t>>().read_volatile() }
        }
        #[inline(always)]
        unsafe fn $write(self, addr: *mut $t, v: $t) {
            // SAFETY: the caller guarantees `addr` is valid for writes of the type's size and
            // aligned to it (the trait's contract), which is what `write_volatile` requires.
            unsafe { addr.write_volatile(v) }
        }
    };
}

/// All four widths with `read_volatile`/`write_volatile`.
#[cfg(any(not(target_arch = "aarch64"), miri))]
macro_rules! volatile_accesses {
    () => {
        volatile_access!(read8, write8, u8);
        volatile_access!(read16, write16, u16);
        volatile_access!(read32, write32, u32);
        volatile_access!(read64, write64, u64);
    };
}

/// One explicit instruction per access: `$ld`/`$st` are the templates, with `{v}` the
/// value's register and `{addr}` the address's; a read's register holds a `$wide`
/// (zero-extended by the instruction, so a narrow read writes a whole register).
#[cfg(all(any(target_arch = "aarch64", target_arch = "x86_64"), not(miri)))]
macro_rules! instr_access {
    ($read:ident, $write:ident, $t:ty, $wide:ty, $class:ident, $ld:literal, $st:literal) => {
        #[inline(always)]
        unsafe fn $read(self, addr: *mut $t) -> MaybeUninit<$t> {
            let v: $wide;
            // SAFETY: the caller guarantees `addr` is valid for reads of the type's size and
            // aligned to it (the trait's contract); the instruction reads exactly those bytes
            // into the output register and touches no other memory, stack or flag.
            unsafe {
                core::arch::asm!(
                    $ld,
                    v = lateout(reg) v,
                    addr = in(reg) addr,
                    options(nostack, preserves_flags, readonly),
                );
            }
            // CAST: the instruction zero-extended a `$t` into `v`, so this is lossless. (The
            // output of an instruction is always initialized: an uninitialized byte it read
            // comes out as some fixed value.)
            MaybeUninit::new(v as $t)
        }
        #[inline(always)]
        unsafe fn $write(self, addr: *mut $t, v: $t) {
            // SAFETY: the caller guarantees `addr` is valid for writes of the type's size and
            // aligned to it (the trait's contract); the instruction writes exactly those bytes
            // and touches no other memory, stack or flag.
            unsafe {
                core::arch::asm!(
                    $st,
                    v = in($class) v,
                    addr = in(reg) addr,
                    options(nostack, preserves_flags),
                );
            }
        }
    };
}

/// All four widths with `ldr*`/`str*` and a plain base register (aarch64).
#[cfg(all(target_arch = "aarch64", not(miri)))]
#[rustfmt::skip]
macro_rules! instr_accesses {
    () => {
        instr_access!(read8, write8, u8, u32, reg, "ldrb {v:w}, [{addr}]", "strb {v:w}, [{addr}]");
        instr_access!(read16, write16, u16, u32, reg, "ldrh {v:w}, [{addr}]", "strh {v:w}, [{addr}]");
        instr_access!(read32, write32, u32, u32, reg, "ldr {v:w}, [{addr}]", "str {v:w}, [{addr}]");
        instr_access!(read64, write64, u64, u64, reg, "ldr {v:x}, [{addr}]", "str {v:x}, [{addr}]");
    };
}

/// All four widths with `movzx`/`mov` (x86_64).
#[cfg(all(target_arch = "x86_64", not(miri)))]
#[rustfmt::skip]
macro_rules! instr_accesses {
    () => {
        instr_access!(
            read8, write8, u8, u32, reg_byte,
            "movzx {v:e}, byte ptr [{addr}]", "mov byte ptr [{addr}], {v}"
        );
        instr_access!(
            read16, write16, u16, u32, reg,
            "movzx {v:e}, word ptr [{addr}]", "mov word ptr [{addr}], {v:x}"
        );
        instr_access!(
            read32, write32, u32, u32, reg,
            "mov {v:e}, dword ptr [{addr}]", "mov dword ptr [{addr}], {v:e}"
        );
        instr_access!(
            read64, write64, u64, u64, reg,
            "mov {v:r}, qword ptr [{addr}]", "mov qword ptr [{addr}], {v:r}"
        );
    };
}

/// Other targets, and Miri (which cannot run `asm!`): the volatile accesses.
#[cfg(any(not(any(target_arch = "aarch64", target_arch = "x86_64")), miri))]
macro_rules! instr_accesses {
    () => {
        volatile_accesses!();
    };
}

#[cfg(any(not(target_arch = "aarch64"), miri))]
impl sealed::Access for Volatile {
    volatile_accesses!();
}

#[cfg(all(target_arch = "aarch64", not(miri)))]
impl sealed::Access for Volatile {
    instr_accesses!();
}

impl sealed::Access for Explicit {
    instr_accesses!();
}

impl<D: FakeDevice + ?Sized> sealed::Access for Fake<'_, D> {
    // The address is an offset into the fake (`addr()`), never dereferenced. The fake's answer is
    // truncated to the access width (its documented contract: only the low bits are used), and
    // turned into (or from) the native integer of the register's bytes by its bus order.
    #[inline]
    unsafe fn read8(self, addr: *mut u8) -> MaybeUninit<u8> {
        // CAST: keeps the low 8 bits, as `FakeDevice::read` documents.
        MaybeUninit::new(self.0.read(addr.addr(), Width::W8) as u8)
    }
    #[inline]
    unsafe fn read16(self, addr: *mut u16) -> MaybeUninit<u16> {
        // CAST: keeps the low 16 bits, as `FakeDevice::read` documents.
        let v = self.0.read(addr.addr(), Width::W16) as u16;
        MaybeUninit::new(bus16(self.0.bus_order(), v))
    }
    #[inline]
    unsafe fn read32(self, addr: *mut u32) -> MaybeUninit<u32> {
        // CAST: keeps the low 32 bits, as `FakeDevice::read` documents.
        let v = self.0.read(addr.addr(), Width::W32) as u32;
        MaybeUninit::new(bus32(self.0.bus_order(), v))
    }
    #[inline]
    unsafe fn read64(self, addr: *mut u64) -> MaybeUninit<u64> {
        let v = self.0.read(addr.addr(), Width::W64);
        MaybeUninit::new(bus64(self.0.bus_order(), v))
    }
    #[inline]
    unsafe fn write8(self, addr: *mut u8, v: u8) {
        self.0.write(addr.addr(), Width::W8, u64::from(v));
    }
    #[inline]
    unsafe fn write16(self, addr: *mut u16, v: u16) {
        let v = bus16(self.0.bus_order(), v);
        self.0.write(addr.addr(), Width::W16, u64::from(v));
    }
    #[inline]
    unsafe fn write32(self, addr: *mut u32, v: u32) {
        let v = bus32(self.0.bus_order(), v);
        self.0.write(addr.addr(), Width::W32, u64::from(v));
    }
    #[inline]
    unsafe fn write64(self, addr: *mut u64, v: u64) {
        self.0
            .write(addr.addr(), Width::W64, bus64(self.0.bus_order(), v));
    }
}
