// SPDX-License-Identifier: MIT OR Apache-2.0
// `read` needs `FromBytes`: a `bool` has invalid bit patterns, so it must be `try_read`.
use zerocast::device::DevicePtrMut;

fn main() {
    let mut flag = true;
    let mut p = DevicePtrMut::from_mut(&mut flag);
    let _ = p.read();
}
