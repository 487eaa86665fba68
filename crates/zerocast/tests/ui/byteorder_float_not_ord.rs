// SPDX-License-Identifier: MIT OR Apache-2.0
// Like `f32`, `F32` is only partially ordered (NaN), so it is not `Ord`.
use zerocast::byteorder::{BigEndian, F32};

fn main() {
    let a = F32::<BigEndian>::new(1.0);
    let _ = Ord::cmp(&a, &a);
}
