// SPDX-License-Identifier: MIT OR Apache-2.0
// The same for a slice of an enum with reserved encodings: no unique byte view.
use zerocast::device::DevicePtrMut;

#[derive(zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable, Clone, Copy)]
#[repr(u8)]
enum Owner {
    Driver = 0,
    Device = 1,
}

fn main() {
    let mut ring = [Owner::Driver, Owner::Device];
    let _ = DevicePtrMut::from_mut(&mut ring[..]).into_bytes();
}
