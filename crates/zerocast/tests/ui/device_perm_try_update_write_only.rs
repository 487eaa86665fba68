// SPDX-License-Identifier: MIT OR Apache-2.0
// A `WriteOnly` register cannot be updated with a validated read either.
use zerocast::device::{DevicePtrMut, WriteOnly};

fn main() {
    let mut enable = WriteOnly::new(false);
    let _ = DevicePtrMut::from_mut(&mut enable).try_update(|v| !v);
}
