// SPDX-License-Identifier: MIT OR Apache-2.0
// Reading a `ReadOnly` register may have side effects (clear on read): it needs the unique
// pointer, not a shared one.
use zerocast::device::{DevicePtrMut, ReadOnly};

fn main() {
    let mut status = ReadOnly::new(0_u32);
    let p = DevicePtrMut::from_mut(&mut status).into_shared();
    let _ = p.read();
}
