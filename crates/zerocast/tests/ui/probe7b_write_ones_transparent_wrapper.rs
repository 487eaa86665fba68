// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe: one's own `repr(transparent)` wrapper of a write-1 cell cannot become a plain
// (updatable) device cell: `derive(TryFromBytes)` refuses the register field, one error.
// (`update` on such a wrapper without the derive: tests/findings/probe7b/update_not_a_cell.rs.)
use zerocast::device::WriteOneToClear;
use zerocast::TryFromBytes;

#[derive(TryFromBytes)]
#[repr(transparent)]
struct Mine(WriteOneToClear<u32>);

fn main() {}
