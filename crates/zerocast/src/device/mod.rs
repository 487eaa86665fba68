// SPDX-License-Identifier: MIT OR Apache-2.0
//! Device memory: typed pointers for memory-mapped registers (MMIO) and buffers shared with a
//! device (DMA), whose every access is one volatile load or store of the value's width.
//!
//! # When to use device pointers instead of references
//!
//! A Rust reference (`&T`, `&mut T`) promises the compiler that the memory behind it changes
//! only through Rust code, and lets it merge, split, repeat, reorder or remove accesses. Memory
//! that a device reads and writes breaks that promise: a status register changes on its own, a
//! read of a FIFO pops a byte, two writes to a doorbell are two events. So for such memory:
//!
//! - **never** create a reference to it; make one [`DevicePtrMut`] with the `unsafe`
//!   [`DevicePtrMut::new`] (its `# Safety` section is the whole contract; or
//!   [`DevicePtrMut::from_addr`] from an address) and do everything else in safe code;
//! - declare register blocks as `#[repr(C)]` structs whose fields say what each register
//!   allows: [`ReadOnly`], [`WriteOnly`], [`ReadWrite`], [`ReadPure`], [`ReadPureWrite`],
//!   and for registers that act on the ones written [`WriteOneToSet`] and [`WriteOneToClear`]
//!   (no read-modify-write); wrong accesses are compile errors. Or bind registers to
//!   offsets ([`Reg`] in a [`Regs`] block, checked at compile time; [`RegsDyn`] at run time);
//! - reach fields with [`field!`](crate::field) and split a block into independent field
//!   pointers with [`split_fields!`](crate::split_fields): no reference is created;
//! - read plain values with `read()` (only [`FromBytes`](crate::FromBytes): the device may
//!   have written anything), write with `write()` ([`IntoBytes`](crate::IntoBytes): no
//!   padding bytes leak), and read types with invalid bit patterns with `try_read()`, which
//!   validates a copy, never the live memory (`TryFromBytes + IntoBytes`).
//!
//! Ordinary memory the driver owns can use references as usual; [`DevicePtrMut::from_mut`]
//! turns one into a device pointer (tests, simulations); memory shared with a device by DMA is a
//! [`DmaBuf`], whose hand-overs are ordered with [`dma_wmb`], [`dma_rmb`] and [`dma_mb`].
//!
//! # Accesses
//!
//! A value is read or written with `size / w` accesses of `w = min(align, 8)` bytes, in
//! ascending address order, each aligned (the pointer is aligned to the value's type): the
//! integers (`u8` to `u64`, on targets where they are aligned to their size) and registers of
//! them are exactly one access of their width, never split or merged; a 16-byte descriptor
//! aligned to 8 is two 64-bit accesses; a `#[repr(C)]` pair of `u32` is two 32-bit accesses.
//!
//! On aarch64 each access is an explicit `ldr`/`str` with a plain base register, as the Linux
//! kernel's `readl`/`writel`, so that a hypervisor can emulate a trapping access; the
//! [`Explicit`] backend also makes each x86_64 access one `mov`, as TDX/SEV-ES guests need
//! ([`Volatile`] says why).
//!
//! Each word is loaded as a `MaybeUninit` word and stored into the copy as it is: the
//! load instruction is the same (the assembly snapshots check it), but a byte that is
//! uninitialized in memory the driver owns (the padding of a `#[repr(C)] struct { addr: u32,
//! flags: u8 }` made with [`DevicePtrMut::from_mut`]) stays uninitialized in the result, which
//! is what a Rust move does with padding, instead of being read as part of an integer. So
//! `read` accepts padded [`FromBytes`](crate::FromBytes) types. `try_read` must look at every
//! byte of its copy to validate it, so it needs [`IntoBytes`](crate::IntoBytes) values (no
//! padding); a padded type with invalid bit patterns does not compile there. Writes need
//! `IntoBytes` anyway, and move the value into the memory: it is never dropped by the write.
//!
//! For a device of a fixed byte order, declare registers and descriptor fields with the aligned
//! byte-order integers [`Le16`](crate::byteorder::Le16)..[`Be64`](crate::byteorder::Be64) (the
//! kernel's `__le32`): `ReadWrite<Le32>` is one 32-bit access of the little-endian bytes, and
//! `get`/`new` swap them on a big-endian host; a [`bitfield!`](mod@crate::bitfield) stored in one
//! decodes its fields in that order too. The unaligned ones, such as
//! [`byteorder::U32`](crate::byteorder::U32), have alignment 1, so a device pointer to one cannot
//! promise an aligned single access: `read`/`write` of any type of alignment 1 larger than a byte
//! (a struct or array of them too) do not compile.
//!
//! # Testing drivers
//!
//! Driver code generic over the [`Backend`] runs against a [`FakeDevice`] that the test
//! implements (its pointers come from [`DevicePtrMut::fake`], and their addresses are offsets
//! into the fake), or against the ready-made
// A link only where the item exists: rustdoc of a build without `alloc` warns on it.
#![cfg_attr(feature = "alloc", doc = "[`RecordingDevice`]")]
#![cfg_attr(not(feature = "alloc"), doc = "`RecordingDevice`")]
//! (feature `alloc`), which logs every access as `(kind, offset, width, value)` and answers
//! reads from queued values or its memory.
//!
//! Two drivers written this way are in the repository's `crates/zerocast/examples`: an NVMe
//! controller's enable sequence with one admin command (`nvme`) and a GICv2 distributor's
//! initialization (`gicv2`), each tested against a simulated device with exact access logs;
//! `docs/device.md` sets them beside the Linux kernel's `register!` and tock-registers.
//!
//! # Examples
//!
//! ```
//! use zerocast::device::{Backend, DevicePtrMut, ReadOnly, ReadPure, WriteOnly};
//! use zerocast::{field, split_fields};
//!
//! #[repr(C)]
//! struct Uart {
//!     data: WriteOnly<u32>,
//!     status: ReadOnly<u32>,
//!     id: ReadPure<u32>,
//! }
//!
//! /// Sends `bytes` when the transmitter is ready (status bit 5), whatever the backend.
//! fn send<B: Backend>(uart: DevicePtrMut<'_, Uart, B>, bytes: &[u8]) -> usize {
//!     let (mut data, mut status) = split_fields!(uart, Uart, data, status);
//!     let mut sent = 0;
//!     for &b in bytes {
//!         if status.read() & (1 << 5) == 0 {
//!             break;
//!         }
//!         data.write(u32::from(b));
//!         sent += 1;
//!     }
//!     sent
//! }
//!
//! let mut mem = Uart {
//!     data: WriteOnly::new(0),
//!     status: ReadOnly::new(1 << 5),
//!     id: ReadPure::new(0x0011),
//! };
//! let mut uart = DevicePtrMut::from_mut(&mut mem);
//! assert_eq!(field!(uart.as_shared(), Uart, id).read(), 0x0011);
//! assert_eq!(send(uart, b"hi"), 2);
//! ```

mod access;
#[cfg(feature = "alloc")]
mod access_log;
mod array;
mod backend;
mod bytes;
mod dma;
mod dma_view;
mod perm;
mod project;
mod ptr;
mod register;
mod regs;
mod regs_at;
mod regs_dyn;
mod slice;
mod strided;

#[cfg(feature = "alloc")]
pub use access_log::{Access, AccessKind, RecordingDevice};
pub use backend::{Backend, BusOrder, Explicit, Fake, FakeDevice, Volatile, Width};
pub use bytes::AnyBytes;
pub use dma::{dma_mb, dma_rmb, dma_wmb, DmaBuf};
pub use perm::{
    DeviceCell, Permission, PureRead, ReadOnly, ReadPure, ReadPureWrite, ReadWrite, Readable,
    TryReadable, Updatable, Writable, WriteOneToClear, WriteOneToSet, WriteOnly,
};
#[doc(hidden)]
pub use project::{FieldSource as __FieldSource, Split as __Split, SplitSource as __SplitSource};
pub use ptr::{DevicePtr, DevicePtrMut};
pub use register::{Reg, RegArray, RegError, RegStride, Register, RegisterArray};
pub use regs::Regs;
pub use regs_dyn::RegsDyn;
pub use slice::RangeError;
pub use strided::Strided;

/// A device pointer to a field of the struct a device pointer points to, without creating a
/// reference: `field!(ptr, Type, a.b.c)`.
///
/// `ptr` is a [`DevicePtr`] (copied) or [`DevicePtrMut`] (consumed: pass `p.reborrow()` to
/// keep `p`) to a `Type`; the result points to the field at path `a.b.c` (nested fields,
/// tuple fields by number) with the same flavour and lifetime. Array elements are reached with
/// `get(i)` (`None` out of bounds) or `at::<I>()` (checked at compile time) on the result.
///
/// Everything is checked at compile time: the path's fields exist (through no `Deref`:
/// `core::mem::offset_of!` computes the offset), `Type` is the pointee, and the field is
/// aligned to its type inside `Type` (a field of a `repr(packed)` struct is refused).
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, ReadWrite};
/// use zerocast::field;
///
/// #[repr(C)]
/// struct Channel { ctrl: ReadWrite<u32>, count: ReadWrite<u32> }
/// #[repr(C)]
/// struct Dma { channels: [Channel; 2], irq: ReadWrite<u32> }
///
/// let ch = || Channel { ctrl: ReadWrite::new(0), count: ReadWrite::new(0) };
/// let mut mem = Dma { channels: [ch(), ch()], irq: ReadWrite::new(0) };
/// let mut dma = DevicePtrMut::from_mut(&mut mem);
///
/// let second = field!(dma.reborrow(), Dma, channels).get(1).unwrap();
/// field!(second, Channel, count).write(64);
/// field!(dma.reborrow(), Dma, irq).write(1);
///
/// let c1 = field!(dma.reborrow(), Dma, channels).at::<1>();
/// assert_eq!(field!(c1, Channel, count).read(), 64);
/// ```
#[macro_export]
macro_rules! field {
    ($ptr:expr, $ty:ty, $($path:tt).+ $(,)?) => {
        // By value: `&p` and `&mut p` do not implement `FieldSource`.
        match $crate::device::__FieldSource::__by_value($ptr) {
            __zc_p => {
                // Outside the `unsafe` block below: a union field here does not compile
                // (reading it needs `unsafe`), so no path steps into a union.
                let __zc_path: fn(&$ty) -> &_ = |__zc_v: &$ty| &__zc_v.$($path).+;
                // `__zc_path`'s type (a `fn(&Pointee) -> &F`) makes `$ty` the pointee and `F`
                // the type of the field at the path, which has no `Deref` step (`offset_of!`
                // would have refused it) and no union field (`__zc_path` would not compile).
                // SAFETY: the offset is the path's `offset_of!` in `$ty`, at a field of type `F`.
                unsafe {
                    __zc_p.__project::<_, { ::core::mem::offset_of!($ty, $($path).+) }>(
                        __zc_path,
                    )
                }
            }
        }
    };
}

/// Splits a unique [`DevicePtrMut`] to a struct into unique pointers to distinct fields:
/// `let (a, b) = split_fields!(ptr, Type, a, b);`.
///
/// `ptr` is consumed; the field pointers live as long as it would have. The fields must be
/// distinct fields of a struct (not a union): both are checked at compile time, so the
/// pointers never overlap.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, ReadOnly, WriteOnly};
/// use zerocast::split_fields;
///
/// #[repr(C)]
/// struct Fifo { push: WriteOnly<u32>, level: ReadOnly<u32> }
///
/// let mut mem = Fifo { push: WriteOnly::new(0), level: ReadOnly::new(3) };
/// let (mut push, mut level) = split_fields!(DevicePtrMut::from_mut(&mut mem), Fifo, push, level);
/// while level.read() < 3 {
///     push.write(0);
/// }
/// ```
#[macro_export]
macro_rules! split_fields {
    ($ptr:expr, $ty:path, $($field:tt),+ $(,)?) => {{
        // By value, consumed: `&p` and `&mut p` do not implement `SplitSource`, so the pointer
        // cannot outlive the split. The token is a local the caller cannot name.
        let __zc_p = $crate::device::__SplitSource::__into_split($ptr);
        // Distinct fields of a struct: a name twice, an unknown name or a union fails to
        // compile here (the closure is never called).
        let _ = |__zc_v: $ty| {
            let $ty { $($field: _),+ , .. } = __zc_v;
        };
        ($({
            let __zc_path: fn(&$ty) -> &_ = |__zc_v: &$ty| &__zc_v.$field;
            // The pattern above proves that the names are distinct fields of the struct `$ty`;
            // `__zc_p` was made from the pointer, consumed, and is used by this expression only.
            // SAFETY: the fields are distinct, so the returned pointers do not overlap.
            unsafe {
                __zc_p.__field::<_, { ::core::mem::offset_of!($ty, $field) }>(
                    __zc_path,
                )
            }
        },)+)
    }};
}
