// SPDX-License-Identifier: MIT OR Apache-2.0
// A slice of zero-sized elements from a length in bytes: any count would fit.
use zerocast::FromBytes;

fn main() {
    let bytes = [0u8; 4];
    let _ = <[()]>::ref_from_bytes(&bytes[..]);
}
