// SPDX-License-Identifier: MIT OR Apache-2.0
// `transmute_ref!` from 3-byte elements to 2-byte elements: 3 of them (9 bytes) has no
// destination length.
fn main() {
    let triples: &[[u8; 3]] = &[[0; 3]; 3];
    let _: &[[u8; 2]] = zerocast::transmute_ref!(triples);
}
