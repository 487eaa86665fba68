// SPDX-License-Identifier: MIT OR Apache-2.0
// A shared view of bytes as a type with interior mutability.
use core::cell::Cell;
use zerocast::FromBytes;

fn main() {
    let bytes = [0u8; 4];
    let _ = Cell::<u32>::ref_from_bytes(&bytes[..]);
}
