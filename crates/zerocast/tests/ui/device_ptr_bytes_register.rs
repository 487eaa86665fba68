// SPDX-License-Identifier: MIT OR Apache-2.0
// A register's permission cannot be bypassed through its bytes: the wrappers have no byte
// view (a `ReadOnly` register written byte by byte).
use zerocast::device::{DevicePtrMut, ReadOnly};

fn main() {
    let mut status = ReadOnly::new(0_u32);
    let _ = DevicePtrMut::from_mut(&mut status).into_bytes();
}
