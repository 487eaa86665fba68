// SPDX-License-Identifier: MIT OR Apache-2.0
// The fields of a union overlap: `split_fields!` refuses them.
use zerocast::device::DevicePtrMut;
use zerocast::split_fields;

#[repr(C)]
union Either {
    word: u32,
    half: u16,
}

fn main() {
    let mut e = Either { word: 0 };
    let (_w, _h) = split_fields!(DevicePtrMut::from_mut(&mut e), Either, word, half);
}
