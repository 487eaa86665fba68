// SPDX-License-Identifier: MIT OR Apache-2.0
// `transmute_ref!` from a byte array (alignment 1) to a `u32` (alignment 4).
fn main() {
    let bytes = [0u8; 4];
    let _: &u32 = zerocast::transmute_ref!(&bytes);
}
