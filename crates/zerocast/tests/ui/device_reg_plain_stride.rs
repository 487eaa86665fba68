// SPDX-License-Identifier: MIT OR Apache-2.0
// The elements of a run-time register array must state their permission.
use zerocast::device::RegStride;

fn main() {
    let _ = RegStride::<u32>::new(0x1000, 4, 16);
}
