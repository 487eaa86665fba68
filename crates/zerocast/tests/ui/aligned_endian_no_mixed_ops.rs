// SPDX-License-Identifier: MIT OR Apache-2.0
//! The aligned byte-order integers combine bitwise with their own type only (a native mask
//! must be converted where it is written, as the kernel's sparse checker requires), and have
//! no arithmetic operators (`get`, compute, `new`).
use zerocast::byteorder::{Be16, Le32};

fn main() {
    let _ = Le32::new(0x10) & 0x10_u32;
    let _ = Be16::new(1) + Be16::new(2);
}
