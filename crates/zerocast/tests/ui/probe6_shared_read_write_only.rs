// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, FINDING, two errors where one is promised): a shared pointer to a write-only
// register. Reading it is refused twice: "write-only" and "may have side effects: it needs
// unique access" (misleading: a `DevicePtrMut` cannot read it either).
use zerocast::device::{DevicePtrMut, WriteOnly};

fn main() {
    let mut doorbell = WriteOnly::new(0_u32);
    let p = DevicePtrMut::from_mut(&mut doorbell).into_shared();
    let _ = p.read();
}
