// SPDX-License-Identifier: MIT OR Apache-2.0
// Reading a `ReadWrite` register may have side effects: not through a shared pointer.
use zerocast::device::{DevicePtrMut, ReadWrite};

fn main() {
    let mut data = ReadWrite::new(0_u32);
    let p = DevicePtrMut::from_mut(&mut data).into_shared();
    let _ = p.read();
}
