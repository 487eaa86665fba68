// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, finding): an array of zero-sized registers with stride 0 is accepted by
// `RegsDyn::elem` (tests/api/probes_round6.rs), but `Regs::elem` refuses it with the compiler's
// "attempt to divide by zero" inside zerocast's `check_array_in`, not with a message: the
// wrong reason, at a const in zerocast. (Proposed fix: /work/attack-fix-2.patch.)
use zerocast::device::{ReadWrite, RegArray, Regs};

type Markers = RegArray<ReadWrite<()>, 0, 0, 2>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    let _ = regs.elem::<Markers>(1);
}
