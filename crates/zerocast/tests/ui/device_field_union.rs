// SPDX-License-Identifier: MIT OR Apache-2.0
// `field!` does not project into a union field: a union written through one field may leave
// the bytes of another uninitialized (here bytes 1..4 of `wide`), and a read of it would read
// them.
use zerocast::device::DevicePtrMut;
use zerocast::field;

#[repr(C)]
#[derive(zerocast::FromBytes)]
union Word {
    narrow: u8,
    wide: u32,
}

fn main() {
    let mut w = Word { narrow: 1 };
    let _ = field!(DevicePtrMut::from_mut(&mut w), Word, wide).read();
}
