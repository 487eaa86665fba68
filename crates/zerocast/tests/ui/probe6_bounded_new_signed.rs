// SPDX-License-Identifier: MIT OR Apache-2.0
// `Bounded::new` is for the unsigned integers only: a `Bounded<i8, 3>` cannot be built from a
// constant (its sealed `BoundedValue` bound), one error.
use zerocast::bitfield::Bounded;

fn main() {
    let _ = Bounded::<i8, 3>::new::<1>();
}
