// SPDX-License-Identifier: MIT OR Apache-2.0
//! Device memory: `DevicePtrMut`/`DevicePtr` reads, writes and `try_read`s (through `field!`,
//! array `get`, slices), and register blocks (`Regs`, checked at compile time, and `RegsDyn`,
//! checked at run time), with registers at run-time offsets and strides and sub-blocks.
//! Addresses, sizes, offsets, strides and indices come from C.

use core::ptr::NonNull;

use zerocast::device::{
    DevicePtrMut, ReadOnly, ReadPure, ReadWrite, Reg, RegArray, RegError, RegStride, Regs, RegsDyn,
    WriteOnly,
};
use zerocast::{field, split_fields, Immutable, IntoBytes, KnownLayout, TryFromBytes};

use crate::bits::Ctrl;

/// A register whose reads must be validated.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(u32)]
pub enum State {
    Idle = 0,
    Busy = 1,
    Error = 0xdead,
}

/// A register block declared as a struct.
#[repr(C)]
pub struct Uart {
    data: WriteOnly<u32>,
    status: ReadOnly<u32>,
    state: ReadWrite<State>,
    ctrl: ReadWrite<Ctrl>,
    id: ReadPure<u64>,
    fifo: [ReadWrite<u32>; 4],
}

/// The `Uart` at `addr`, or `None` if `addr` is not aligned for it.
///
/// # Safety
///
/// `addr` is mapped device memory (or memory used as such) of a `Uart`, as
/// `DevicePtrMut::new` requires, for the lifetime chosen.
unsafe fn uart<'a>(addr: usize) -> Option<DevicePtrMut<'a, Uart>> {
    // SAFETY: the caller's promise is `from_addr`'s contract.
    unsafe { DevicePtrMut::from_addr(addr) }
}

/// Reads through `field!` and `split_fields!`: plain, pure (shared pointer), array `get(i)`.
///
/// # Safety
///
/// As `uart`.
#[no_mangle]
pub unsafe extern "C" fn zc_device_read(addr: usize, i: usize) -> u64 {
    // SAFETY: the caller's promise.
    let Some(mut u) = (unsafe { uart(addr) }) else {
        return 1 << 63;
    };
    let status = field!(u.reborrow(), Uart, status).read();
    let id = field!(u.as_shared(), Uart, id).read();
    let fifo = field!(u.reborrow(), Uart, fifo)
        .get(i)
        .map_or(1 << 40, |mut p| u64::from(p.read()));
    let (mut data, _) = split_fields!(u, Uart, data, status);
    data.write(status);
    u64::from(status) ^ id ^ fifo
}

/// Writes, `update`, and `try_read` of registers with invalid bit patterns (an enum, a bit
/// field with reserved bits).
///
/// # Safety
///
/// As `uart`.
#[no_mangle]
pub unsafe extern "C" fn zc_device_write_try_read(addr: usize, v: u32) -> u64 {
    // SAFETY: the caller's promise.
    let Some(mut u) = (unsafe { uart(addr) }) else {
        return 1 << 63;
    };
    field!(u.reborrow(), Uart, data).write(v);
    let mut state = field!(u.reborrow(), Uart, state);
    let s = state.try_read().map_or(1 << 62, |s| s as u64);
    let u2 = state.try_update(|_| State::Busy).is_ok();
    let mut ctrl = field!(u.reborrow(), Uart, ctrl);
    let c = ctrl.try_read().map_or(1 << 61, |c| u64::from(c.count()));
    let explicit = field!(u, Uart, fifo).explicit().at::<3>();
    let mut e = explicit;
    e.update(|x| x ^ v);
    s ^ c << 8 ^ u64::from(u2)
}

/// `read_slice`, `write_slice` and their `_at` twins at an offset from C, `get_range`,
/// `split_at` and the byte view of a device buffer of `len` words at `addr`, to and from a
/// buffer of 16 words.
///
/// # Safety
///
/// `addr` and `len` describe device memory of `len` `u32`s (aligned), as `DevicePtrMut::new`
/// requires; `buf` points to 16 readable and writable `u32`s, aligned, that nothing else
/// (the device memory included) accesses while this runs.
#[no_mangle]
pub unsafe extern "C" fn zc_device_slices(
    addr: *mut u32,
    len: usize,
    buf: *mut [u32; 16],
    n: usize,
) -> u64 {
    let (Some(base), Some(mut buf)) = (NonNull::new(addr), NonNull::new(buf)) else {
        return 1 << 63;
    };
    // SAFETY: the caller's promise, for `len` `u32`s at `addr`.
    let mut p = unsafe { DevicePtrMut::new(NonNull::slice_from_raw_parts(base, len)) };
    // `as_mut` needs `buf` aligned, dereferenceable for a `[u32; 16]` (any bits are valid
    // `u32`s), and accessed only through the result while it lives: the caller promises all
    // three (`# Safety`), and `buf` is non-null (checked above).
    // SAFETY: each precondition holds, as listed above.
    let buf = unsafe { buf.as_mut() };
    let part = buf.get(..n).unwrap_or_default().len();
    let (head, tail) = buf.split_at_mut(part);
    let r = p.read_slice(head).map_or_else(|e| e.count, |()| 1);
    let w = p.write_slice_at(n, tail).map_or_else(|e| e.offset, |()| 2);
    let ra = p.read_slice_at(n, head).is_ok();
    let sub = p.reborrow().get_range(n..).map_or(0, |s| s.len());
    let halves = p
        .reborrow()
        .split_at(n)
        .map_or(0, |(a, b)| a.len() ^ b.len() << 8);
    let bytes = p
        .reborrow()
        .into_bytes()
        .write_slice_at(n, &[0xff; 3])
        .is_ok();
    let shared = p.into_shared().read_slice_at(n, buf).map_or(0, |()| 1);
    (r as u64)
        ^ (w as u64) << 8
        ^ (shared as u64) << 16
        ^ u64::from(ra) << 17
        ^ u64::from(bytes) << 18
        ^ (sub as u64) << 24
        ^ (halves as u64) << 40
}

type RegCtrl = Reg<ReadWrite<u32>, 0x0>;
type RegStat = Reg<ReadOnly<Ctrl>, 0x4>;
type RegDoorbell = Reg<WriteOnly<u32>, 0x8>;
type RegWide = Reg<ReadWrite<u64>, 0x10>;
type RegScratch = RegArray<ReadWrite<u32>, 0x20, 4, 8>;
type RegMode = Reg<ReadWrite<Ctrl>, 0x18>;
type RegIds = RegArray<ReadPure<u16>, 0x30, 2, 8>;

/// `Regs<64>`: reads, writes, `update`, `elem(i)`, and the `try_read` of a bit field.
///
/// # Safety
///
/// `base` is 64 bytes of device memory, as `Regs::new` requires.
#[no_mangle]
pub unsafe extern "C" fn zc_regs(base: *mut u8, i: usize, v: u32) -> u64 {
    let Some(base) = NonNull::new(base) else {
        return 1 << 63;
    };
    // SAFETY: the caller's promise.
    let Some(mut regs) = (unsafe { Regs::<64>::new(base) }) else {
        return 1 << 62;
    };
    regs.write::<RegCtrl>(v);
    regs.update::<RegWide>(|x| x ^ u64::from(v));
    let wide = regs.read::<RegWide>();
    let stat = regs
        .reg::<RegStat>()
        .try_read()
        .map_or(1 << 61, |c| u64::from(c.level()));
    if let Ok(mut s) = regs.elem::<RegScratch>(i) {
        s.write(v);
    }
    regs.write::<RegDoorbell>(1);
    wide ^ stat
}

/// `RegsDyn` of a size from C: `read`, `write`, `update`, `elem(i)`, `elem_pure(i)`, and the
/// validated `try_read`/`try_update` of a bit field.
///
/// # Safety
///
/// `base` is `size` bytes of device memory, as `RegsDyn::new` requires.
#[no_mangle]
pub unsafe extern "C" fn zc_regs_dyn(base: *mut u8, size: usize, i: usize, v: u32) -> u64 {
    let Some(base) = NonNull::new(base) else {
        return 1 << 63;
    };
    // SAFETY: the caller's promise.
    let Some(mut regs) = (unsafe { RegsDyn::new(base, size) }) else {
        return 1 << 62;
    };
    let w = regs.write::<RegCtrl>(v).is_ok();
    let r = regs.read::<RegWide>().unwrap_or(7);
    let u = regs.update::<RegCtrl>(|x| x.rotate_left(3)).is_ok();
    let e = regs
        .elem::<RegScratch>(i)
        .map_or(3, |mut s| u64::from(s.read()));
    let p = regs
        .elem_pure::<RegIds>(i)
        .map_or_else(error_code, |s| u64::from(s.read()));
    let t = regs
        .try_read::<RegMode>()
        .map_or_else(error_code, |c| u64::from(c.count()));
    let tu = regs
        .try_update::<RegMode>(|c| c)
        .map_or_else(error_code, |()| 0);
    let explicit = regs.explicit().read::<RegCtrl>().map_or(5, u64::from);
    u64::from(w) ^ r ^ u64::from(u) << 1 ^ e << 2 ^ p << 3 ^ t << 4 ^ tu << 5 ^ explicit
}

/// A number made of the facts of a `RegError`, so that its paths are in the code.
fn error_code(e: RegError) -> u64 {
    let (a, b) = match e {
        RegError::OutOfBlock { offset, width, .. } => (offset, width),
        RegError::Index { index, len } => (index, len),
        RegError::Misaligned { offset, align } => (offset, align),
        RegError::Invalid { offset, bits } => (offset, bits.offset()),
        // `RegError` is `#[non_exhaustive]`.
        _ => (usize::MAX, 0),
    };
    (a as u64) ^ (b as u64).rotate_left(32)
}

/// Registers at run-time offsets in a `Regs<64>`: `reg_at(offset)`, `elem_at` of a
/// `RegStride` whose offset, stride and length come from C (and its `strided` view), the
/// sub-blocks `block::<16, 16>`
/// and `block_at::<16>(offset)`, `elem_pure(i)`, and `try_read`/`try_update` of a bit field.
///
/// # Safety
///
/// `base` is 64 bytes of device memory, as `Regs::new` requires.
#[no_mangle]
pub unsafe extern "C" fn zc_regs_at(
    base: *mut u8,
    offset: usize,
    stride: usize,
    len: usize,
    i: usize,
) -> u64 {
    let Some(base) = NonNull::new(base) else {
        return 1 << 63;
    };
    // SAFETY: the caller's promise.
    let Some(mut regs) = (unsafe { Regs::<64>::new(base) }) else {
        return 1 << 62;
    };
    let a = regs
        .reg_at::<ReadWrite<u32>>(offset)
        .map_or_else(error_code, |mut r| u64::from(r.read()));
    let doorbells = RegStride::<WriteOnly<u32>>::new(offset, stride, len);
    let d = regs
        .elem_at(&doorbells, i)
        .map_or_else(error_code, |mut r| {
            r.write(1);
            0
        });
    // The same doorbells through a view checked once, every element written.
    let s = regs.strided(&doorbells).map_or_else(error_code, |mut v| {
        let mut k = 0;
        while k < v.len() {
            if let Ok(mut r) = v.elem(k) {
                r.write(2);
            }
            k = k.saturating_add(1);
        }
        v.elem(i).map_or_else(error_code, |_| 0)
    });
    regs.block::<16, 16>().write::<Reg<WriteOnly<u64>, 8>>(2);
    let b = regs
        .block_at::<16>(offset)
        .map_or_else(error_code, |mut b| u64::from(b.read::<RegCtrl>()));
    let p = regs
        .elem_pure::<RegIds>(i)
        .map_or(3, |s| u64::from(s.read()));
    let t = regs
        .try_read::<RegMode>()
        .map_or_else(|e| e.invalid().offset() as u64, |c| u64::from(c.count()));
    let tu = regs.try_update::<RegMode>(|c| c).is_ok();
    a ^ d << 1 ^ b << 2 ^ p << 3 ^ t << 4 ^ u64::from(tu) ^ s << 5
}

/// Registers at run-time offsets in a `RegsDyn` of a size from C: `reg_at(offset)`, `elem_at`
/// of a `RegStride` from C, `block_at::<16>(offset)` and `sub(offset, sub_size)`.
///
/// # Safety
///
/// `base` is `size` bytes of device memory, as `RegsDyn::new` requires.
#[no_mangle]
pub unsafe extern "C" fn zc_regs_dyn_at(
    base: *mut u8,
    size: usize,
    offset: usize,
    stride: usize,
    len: usize,
    i: usize,
) -> u64 {
    let Some(base) = NonNull::new(base) else {
        return 1 << 63;
    };
    // SAFETY: the caller's promise.
    let Some(mut regs) = (unsafe { RegsDyn::new(base, size) }) else {
        return 1 << 62;
    };
    let a = regs
        .reg_at::<ReadOnly<u16>>(offset)
        .map_or_else(error_code, |mut r| u64::from(r.read()));
    let slots = RegStride::<ReadWrite<u64>>::new(offset, stride, len);
    let e = regs.elem_at(&slots, i).map_or_else(error_code, |mut r| {
        r.update(|x| x.wrapping_add(1));
        0
    });
    let b = regs
        .block_at::<16>(offset)
        .map_or_else(error_code, |mut b| u64::from(b.read::<RegCtrl>()));
    let s = match regs.sub(offset, stride) {
        Ok(mut sub) => sub
            .read::<RegWide>()
            .map_or_else(error_code, |w| w ^ sub.size() as u64),
        Err(err) => error_code(err),
    };
    a ^ e << 1 ^ b << 2 ^ s << 3
}
