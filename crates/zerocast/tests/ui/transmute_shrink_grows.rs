// SPDX-License-Identifier: MIT OR Apache-2.0
// `transmute!(#![allow(shrink)] ..)` from 4 bytes into 8: shrinking cannot grow.
fn main() {
    let _: u64 = zerocast::transmute!(#![allow(shrink)] 0u32);
}
