// SPDX-License-Identifier: MIT OR Apache-2.0
// The halves of a split borrow the pointer they came from: it cannot be used while they live.
use zerocast::device::DevicePtrMut;

fn main() {
    let mut ring = [0_u32; 4];
    let mut p = DevicePtrMut::from_mut(&mut ring[..]);
    let (mut low, _high) = p.reborrow().split_at(2).unwrap();
    let _ = p.write_slice(&[1]);
    let _ = low.write_slice(&[2]);
}
