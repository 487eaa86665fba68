// SPDX-License-Identifier: MIT OR Apache-2.0
// `write` needs `IntoBytes`: a struct with padding would write uninitialized bytes.
use zerocast::device::DevicePtrMut;

#[repr(C)]
struct Padded {
    a: u8,
    b: u32,
}

fn main() {
    let mut v = Padded { a: 0, b: 0 };
    let mut p = DevicePtrMut::from_mut(&mut v);
    p.write(Padded { a: 1, b: 2 });
}
