// SPDX-License-Identifier: MIT OR Apache-2.0
// `transmute_ref!` from a slice (any length) to a sized array: not every length fits.
fn main() {
    let bytes: &[u8] = &[0, 1, 2, 3];
    let _: &[u8; 4] = zerocast::transmute_ref!(bytes);
}
