// SPDX-License-Identifier: MIT OR Apache-2.0
// `try_transmute_ref!` from bytes (alignment 1) to `[char; 1]` (alignment 4): a reference
// to the result could be misaligned, whatever the bytes are.
fn main() {
    let bytes = [0u8; 4];
    let _: Result<&[char; 1], _> = zerocast::try_transmute_ref!(&bytes);
}
