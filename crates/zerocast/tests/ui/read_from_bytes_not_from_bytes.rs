// SPDX-License-Identifier: MIT OR Apache-2.0
// `read_from_bytes` into a type for which not every byte pattern is a value.
use zerocast::FromBytes;

fn main() {
    let _ = char::read_from_bytes(&[0, 0, 0, 0][..]);
}
