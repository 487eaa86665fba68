// SPDX-License-Identifier: MIT OR Apache-2.0
// A shared device pointer to a `Cell` (`!Sync`) cannot be sent to another thread.
use core::cell::Cell;
use zerocast::device::DevicePtrMut;

fn main() {
    let mut c = Cell::new(0_u32);
    let p = DevicePtrMut::from_mut(&mut c).into_shared();
    std::thread::scope(|s| {
        s.spawn(move || p.read());
    });
}
