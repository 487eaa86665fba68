// SPDX-License-Identifier: MIT OR Apache-2.0
// Finding (bad diagnostic, minor), round 7b: a permission wrapper nested in another
// (`ReadWrite<WriteOneToClear<u32>>`) is accepted as a register type (any `ReadWrite<T>` is a
// `Permission`), and only its use fails: `update` is two errors about the value's traits,
// neither saying that a register wrapper was wrapped again. Expected: one error, at the
// register's declaration or use, "a register wrapper's value cannot be another wrapper".
// Observed with stable rustc:
//
//   error[E0277]: `WriteOneToClear<u32>` does not implement `FromBytes`
//     --> 12:19  regs.update::<Nested>(|v| v);
//   error[E0277]: `WriteOneToClear<u32>` does not implement `IntoBytes`
//     --> 12:19  regs.update::<Nested>(|v| v);
//
// (No soundness issue: the value is neither readable nor writable.)
use zerocast::device::{ReadWrite, Reg, Regs, WriteOneToClear};

type Nested = Reg<ReadWrite<WriteOneToClear<u32>>, 0>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    regs.update::<Nested>(|v| v);
}
