// SPDX-License-Identifier: MIT OR Apache-2.0
// A field of a packed struct is not aligned to its type: `field!` refuses it.
use zerocast::device::DevicePtrMut;
use zerocast::field;

#[repr(C, packed)]
struct Packed {
    tag: u8,
    value: u32,
}

fn main() {
    let mut v = Packed { tag: 0, value: 0 };
    let p = DevicePtrMut::from_mut(&mut v);
    let _ = field!(p, Packed, value);
}
