// SPDX-License-Identifier: MIT OR Apache-2.0
// A byte-order integer has alignment 1: a read would be four byte accesses, not one 32-bit
// access, so it is refused.
use zerocast::byteorder::{LittleEndian, U32};
use zerocast::device::DevicePtrMut;

fn main() {
    let mut reg = U32::<LittleEndian>::new(0);
    let mut p = DevicePtrMut::from_mut(&mut reg);
    let _ = p.read();
}
