// SPDX-License-Identifier: MIT OR Apache-2.0
//! `IntoBytes` on a concrete struct with the default representation: the compiler may reorder
//! the fields, but their offsets are known once it has, and the derive asserts that they
//! leave no padding (as zerocopy accepts; `DeviceStatus(u32)` is real code in a virtio driver).
use zerocast::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
struct Header {
    kind: u8,
    len: u8,
}

#[derive(IntoBytes, Immutable)]
pub struct DeviceStatus(u32);

#[derive(IntoBytes, Immutable)]
struct Mixed {
    a: u8,
    b: u32,
    c: [u8; 3],
}

fn main() {
    assert_eq!(Header { kind: 1, len: 2 }.as_bytes().len(), 2);
    assert_eq!(DeviceStatus(7).as_bytes(), &7u32.to_ne_bytes());
    assert_eq!(core::mem::size_of::<Mixed>(), 8);
    let m = Mixed { a: 1, b: 0x0202_0202, c: [3, 3, 3] };
    let mut sorted = m.as_bytes().to_vec();
    sorted.sort_unstable();
    assert_eq!(sorted, [1, 2, 2, 2, 2, 3, 3, 3]);
}
