// SPDX-License-Identifier: MIT OR Apache-2.0
// `try_transmute_ref!` to a type with interior mutability: the shared view could change bytes
// that the source's owner believes are immutable.
use core::cell::Cell;

fn main() {
    let raw = [0u8; 4];
    let _: Result<&Cell<u32>, _> = zerocast::try_transmute_ref!(&raw);
}
