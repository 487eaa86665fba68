// SPDX-License-Identifier: MIT OR Apache-2.0
// `transmute_ref!` from `[u8]` (alignment 1) to `[u16]` (alignment 2).
fn main() {
    let bytes: &[u8] = &[0, 1, 2, 3];
    let _: &[u16] = zerocast::transmute_ref!(bytes);
}
