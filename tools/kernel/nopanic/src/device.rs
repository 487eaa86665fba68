// SPDX-License-Identifier: MIT OR Apache-2.0
//! Device memory: `DevicePtrMut`/`DevicePtr` reads, writes and `try_read`s (through `field!`,
//! array `get`, slices), and register blocks (`Regs`, checked at compile time, and `RegsDyn`,
//! checked at run time). Addresses, sizes and indices come from C.

use core::ptr::NonNull;

use zerocast::device::{
    DevicePtrMut, ReadOnly, ReadPure, ReadWrite, Reg, RegArray, Regs, RegsDyn, WriteOnly,
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
/// requires; `buf` points to 16 readable and writable `u32`s.
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
    // SAFETY: the caller's promise: `buf` is valid, aligned, and used only here.
    let buf = unsafe { buf.as_mut() };
    let part = buf.get(..n).unwrap_or_default().len();
    let (head, tail) = buf.split_at_mut(part);
    let r = p.read_slice(head).map_or_else(|e| e.count, |()| 1);
    let w = p.write_slice_at(n, tail).map_or_else(|e| e.offset, |()| 2);
    let ra = p.read_slice_at(n, head).is_ok();
    let sub = p.reborrow().get_range(n..).map_or(0, |s| s.len());
    let halves = p.reborrow().split_at(n).map_or(0, |(a, b)| a.len() ^ b.len() << 8);
    let bytes = p.reborrow().into_bytes().write_slice_at(n, &[0xff; 3]).is_ok();
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
type RegWide = Reg<u64, 0x10>;
type RegScratch = RegArray<u32, 0x20, 4, 8>;

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
    if let Some(mut s) = regs.elem::<RegScratch>(i) {
        s.write(v);
    }
    regs.write::<RegDoorbell>(1);
    wide ^ stat
}

/// `RegsDyn` of a size from C: `try_read`, `try_write`, `try_update`, `try_elem(i)`.
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
    let w = regs.try_write::<RegCtrl>(v).is_ok();
    let r = regs.try_read::<RegWide>().unwrap_or(7);
    let u = regs.try_update::<RegCtrl>(|x| x.rotate_left(3)).is_ok();
    let e = regs
        .try_elem::<RegScratch>(i)
        .map_or(3, |mut s| u64::from(s.read()));
    let explicit = regs.explicit().try_read::<RegCtrl>().map_or(5, u64::from);
    u64::from(w) ^ r ^ u64::from(u) << 1 ^ e << 2 ^ explicit
}
