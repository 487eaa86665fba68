// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe: another crate cannot declare a write-1-to-clear register updatable, to get its
// `update` back: `Updatable` has one blanket impl, which coherence keeps the only one.
use zerocast::device::{DevicePtrMut, Updatable, WriteOneToClear};

struct Mine(u32);

impl Updatable for WriteOneToClear<Mine> {}

fn main() {
    let mut status = WriteOneToClear::new(0_u32);
    DevicePtrMut::from_mut(&mut status).update(|v| v);
}
