// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, finding, fixed): an array of zero-sized registers with stride 0 (every element
// at the same offset, no bytes) was refused by `Regs::elem` with the compiler's "attempt to
// divide by zero" inside zerocast's `check_array_in`, while `RegsDyn::elem` accepts it. The
// compile-time check no longer divides by a stride of 0.
use zerocast::device::{ReadWrite, RegArray, Regs};

type Markers = RegArray<ReadWrite<()>, 0, 0, 2>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    assert!(regs.elem::<Markers>(1).is_ok());
    assert!(regs.elem::<Markers>(2).is_err());
}
