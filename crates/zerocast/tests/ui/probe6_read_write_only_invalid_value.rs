// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, FINDING, two errors where one is promised): a write-only register whose value
// type has invalid bit patterns. Reading it is refused twice: "write-only" and "`bool` does not
// implement `FromBytes`" (the blanket `Readable` impl reports each unmet where-clause). The
// permission design (perm.rs, `mod sealed`) promises one error per refused access; the
// second reason is moot for a register that cannot be read at all.
use zerocast::device::{Reg, Regs, WriteOnly};

type Enable = Reg<WriteOnly<bool>, 0>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    let _ = regs.read::<Enable>();
}
