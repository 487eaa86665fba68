// SPDX-License-Identifier: MIT OR Apache-2.0
// A shared-or-mutable typed view of a type with interior mutability.
use core::cell::Cell;
use zerocast::Ref;

fn main() {
    let bytes = [0u8; 4];
    let _ = Ref::<_, Cell<u32>>::from_bytes(&bytes[..]);
}
