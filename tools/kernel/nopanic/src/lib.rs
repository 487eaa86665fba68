// SPDX-License-Identifier: MIT OR Apache-2.0
//! Exported C functions over every public conversion family of zerocast, for `check.py`, which
//! shows from the object code that none of them can reach a panic when built as the kernel
//! builds Rust (`-Cpanic=abort -Coverflow-checks=y -Copt-level=2`, no debug assertions).
//!
//! Every function takes its input as C would pass it (a pointer and a length, an address, plain
//! integers), so nothing about the input is known when it is compiled: each check the library
//! makes on untrusted input is in the code. Each returns a number built from the result, or from
//! the facts of the error (the misalignment, the size found, the offset of the invalid value),
//! so that the error paths a caller would take are in the code too.
//!
//! The modules follow the families of the README's table; `planted` (feature `planted_panic`)
//! holds the functions that must be caught.
#![no_std]

mod bits;
mod device;
mod order;
mod reads;
mod records;
mod split;
mod tries;
mod types;
mod views;

#[cfg(feature = "planted_panic")]
mod planted;

use core::convert::Infallible;

use zerocast::{AlignmentError, ConvertError, SizeError, ValidityError};

/// Reached only through a panic. It calls a symbol that no library defines, so a surviving
/// panic path shows up as an undefined reference (the kernel's own trick), and `check.py`
/// names the exported functions that lead here.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    extern "C" {
        fn zerocast_nopanic_panic_reached() -> !;
    }
    // SAFETY: the symbol is never defined: a staticlib that still calls it fails to link,
    // which is the point. No Rust code runs past this call.
    unsafe { zerocast_nopanic_panic_reached() }
}

/// Defines `#[no_mangle] extern "C"` functions whose first two arguments, `ptr` and `len`, are
/// turned into the byte slice `$b` (`&[u8]`, or `&mut [u8]` with `mut`) for the body.
macro_rules! export {
    ($(#[$m:meta])* fn $name:ident($b:ident: &[u8] $(, $arg:ident: $ty:ty)*) -> $ret:ty $body:block) => {
        $(#[$m])*
        ///
        /// # Safety
        ///
        /// `ptr` and `len` describe bytes valid for reads that nothing writes during the call,
        /// as for [`core::slice::from_raw_parts`].
        #[no_mangle]
        pub unsafe extern "C" fn $name(ptr: *const u8, len: usize $(, $arg: $ty)*) -> $ret {
            // SAFETY: `ptr` is non-null, aligned (for `u8`) and valid for reads of `len`
            // bytes that nothing mutates while `$b` lives: the caller's promise above.
            let $b: &[u8] = unsafe { core::slice::from_raw_parts(ptr, len) };
            $body
        }
    };
    ($(#[$m:meta])* fn $name:ident($b:ident: &mut [u8] $(, $arg:ident: $ty:ty)*) -> $ret:ty $body:block) => {
        $(#[$m])*
        ///
        /// # Safety
        ///
        /// `ptr` and `len` describe bytes valid for reads and writes that nothing else accesses
        /// during the call, as for [`core::slice::from_raw_parts_mut`].
        #[no_mangle]
        pub unsafe extern "C" fn $name(ptr: *mut u8, len: usize $(, $arg: $ty)*) -> $ret {
            // SAFETY: `ptr` is non-null, aligned (for `u8`) and valid for reads and writes of
            // `len` bytes that nothing else accesses while `$b` lives: the caller's promise.
            let $b: &mut [u8] = unsafe { core::slice::from_raw_parts_mut(ptr, len) };
            $body
        }
    };
}
pub(crate) use export;

/// The main fact of one kind of conversion error, as a driver would log it, tagged with the
/// kind: the misalignment, the byte count found, or the offset of the invalid value.
trait Fact {
    fn fact(&self) -> u64;
}

impl<Src, Dst: ?Sized> Fact for AlignmentError<Src, Dst> {
    fn fact(&self) -> u64 {
        1 << 63 | (self.misalignment() as u64) << 8 | self.align() as u64 & 0xff
    }
}

impl<Src, Dst: ?Sized> Fact for SizeError<Src, Dst> {
    fn fact(&self) -> u64 {
        1 << 62 | self.found() as u64
    }
}

impl<Src, Dst: ?Sized> Fact for ValidityError<Src, Dst> {
    fn fact(&self) -> u64 {
        1 << 61 | self.invalid().offset() as u64
    }
}

impl Fact for Infallible {
    fn fact(&self) -> u64 {
        match *self {}
    }
}

/// The code of a failed conversion: the fact of the check that failed.
fn code<A: Fact, S: Fact, V: Fact>(e: &ConvertError<A, S, V>) -> u64 {
    match e {
        ConvertError::Alignment(a) => a.fact(),
        ConvertError::Size(s) => s.fact(),
        ConvertError::Validity(v) => v.fact(),
    }
}
