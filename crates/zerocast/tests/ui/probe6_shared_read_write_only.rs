// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, finding, fixed): a shared pointer to a write-only register, read. It was refused
// twice: "write-only" (the reason) and "reading may have side effects: it needs unique
// access", which misled (unique access is refused too). A write-only register has no reads,
// so no read side effects: now one error, "write-only".
use zerocast::device::{DevicePtrMut, WriteOnly};

fn main() {
    let mut doorbell = WriteOnly::new(0_u32);
    let p = DevicePtrMut::from_mut(&mut doorbell).into_shared();
    let _ = p.read();
}
