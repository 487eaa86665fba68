// SPDX-License-Identifier: MIT OR Apache-2.0
// A unique byte view of memory that ordinary code reads again as a `bool` would let any byte
// be written into it: refused (`into_bytes` needs `FromBytes`: every byte pattern valid).
use zerocast::device::DevicePtrMut;

fn main() {
    let mut ready = false;
    let mut bytes = DevicePtrMut::from_mut(&mut ready).into_bytes();
    let _ = bytes.write_slice(&[2]);
    assert!(!ready);
}
