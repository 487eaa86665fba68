// SPDX-License-Identifier: MIT OR Apache-2.0
// Overlapping shared halves are sound only without interior mutability.
use core::cell::Cell;
use zerocast::SplitAt;

fn main() {
    let cells = [Cell::new(1u8), Cell::new(2)];
    let _ = SplitAt::split_at(&cells[..], 1).unwrap().via_immutable();
}
