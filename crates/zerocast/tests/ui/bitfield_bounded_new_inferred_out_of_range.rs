// SPDX-License-Identifier: MIT OR Apache-2.0
//! `Bounded::new::<V>()` infers its type and still checks `V` at compile time: 8 needs 4 bits.
use zerocast::bitfield::Bounded;

fn main() {
    let b: Bounded<u8, 3> = Bounded::new::<8>();
    let _ = b;
}
