// SPDX-License-Identifier: MIT OR Apache-2.0
//! The accesses a device read or write of a `u64` makes on the target, for the device tests to
//! state exact logs and errors on every target.
//!
//! zerocast accesses a value in words of `min(align_of::<T>(), 8)` bytes in ascending address
//! order (`src/device/access.rs`), so a `u64` (or `Le64`, or a `u64` field of a DMA struct
//! without `align(8)`) is one 64-bit access where `u64` is aligned to 8 (64-bit targets, 32-bit
//! ARM) and two 32-bit accesses where it is aligned to 4 (i686): the lower address first, each
//! the native-endian integer of its four bytes. A register block's base is aligned to
//! `align_of::<u64>()` too (zerocast's `BASE_ALIGN`), so block offsets such as 4 or 12 are
//! refused as `Misaligned { align: 8 }` on the first kind of target and accepted on the second.
//!
//! Everything here follows from `align_of::<u64>()`, never from the pointer width.

use core::mem::align_of;
use std::vec::Vec;

#[cfg(feature = "alloc")]
use zerocast::device::{Access, AccessKind};
use zerocast::device::{RegError, Width};

/// `align_of::<u64>()`: the alignment of every register block's base, and the width in bytes
/// of each access to a `u64`.
pub(crate) const U64_ALIGN: usize = align_of::<u64>();

/// The width of each access to a `u64`.
pub(crate) const U64_WIDTH: Width = match U64_ALIGN {
    8 => Width::W64,
    4 => Width::W32,
    _ => panic!("the device tests know targets where u64 is aligned to 8 or 4 only"),
};

/// How many accesses a `u64` is: 1, or 2 where `u64` is aligned to 4.
pub(crate) const U64_ACCESSES: usize = 8 / U64_ALIGN;

/// The accesses to a `u64` holding `value` at `offset`, as `(offset, width, value)`: in
/// ascending address order, each the native-endian integer of its share of `value`'s
/// native-endian bytes, zero-extended to 64 bits as a fake device sees it.
pub(crate) fn u64_words(offset: usize, value: u64) -> Vec<(usize, Width, u64)> {
    value
        .to_ne_bytes()
        .chunks(U64_ALIGN)
        .enumerate()
        .map(|(i, word)| (offset + i * U64_ALIGN, U64_WIDTH, ne_word(word)))
        .collect()
}

/// The native-endian integer of 4 or 8 bytes, zero-extended.
fn ne_word(bytes: &[u8]) -> u64 {
    match bytes.len() {
        8 => u64::from_ne_bytes(bytes.try_into().unwrap()),
        4 => u64::from(u32::from_ne_bytes(bytes.try_into().unwrap())),
        n => panic!("no {n}-byte word"),
    }
}

/// The answers, one per access, that a fake answering reads in order must give for a read of a
/// `u64` to return `value`.
pub(crate) fn u64_answers(value: u64) -> Vec<u64> {
    u64_words(0, value).into_iter().map(|(_, _, v)| v).collect()
}

/// [`u64_words`] as the entries of a fake that logs `(kind, offset, width, value)` with `kind`
/// `'r'` or `'w'`.
pub(crate) fn u64_entries(kind: char, offset: usize, value: u64) -> Vec<(char, usize, Width, u64)> {
    u64_words(offset, value)
        .into_iter()
        .map(|(offset, width, value)| (kind, offset, width, value))
        .collect()
}

/// [`u64_words`] as the [`Access`]es a `RecordingDevice` logs.
#[cfg(feature = "alloc")]
pub(crate) fn expect_u64_access(kind: AccessKind, offset: usize, value: u64) -> Vec<Access> {
    u64_words(offset, value)
        .into_iter()
        .map(|(offset, width, value)| Access {
            kind,
            offset,
            width,
            value,
        })
        .collect()
}

/// What a register block answers for a sub-block (or a `u64` register) at `offset`, whose
/// alignment is the base's: `Ok(())` if `offset` is a multiple of `align_of::<u64>()`, else
/// `Misaligned` with that alignment (so offset 4 is refused with `align: 8` where `u64` is
/// aligned to 8, and accepted where it is aligned to 4).
pub(crate) fn expect_base_aligned(offset: usize) -> Result<(), RegError> {
    if offset % U64_ALIGN == 0 {
        Ok(())
    } else {
        Err(RegError::Misaligned {
            offset,
            align: U64_ALIGN,
        })
    }
}

/// Checks what a register block answered for something at `offset` that needs the base's
/// alignment (a sub-block, a `u64` register) against [`expect_base_aligned`]; returns what it
/// made if it was accepted, for the caller to check that it works where it should.
#[track_caller]
pub(crate) fn check_base_aligned<T>(offset: usize, result: Result<T, RegError>) -> Option<T> {
    assert_eq!(
        result.as_ref().map(|_| ()).map_err(|e| *e),
        expect_base_aligned(offset),
        "offset {offset}, u64 aligned to {U64_ALIGN}"
    );
    result.ok()
}
