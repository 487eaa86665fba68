// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromZeros` on a struct with a field for which zero is not a valid value.
use core::num::NonZeroU32;
use zerocast::FromZeros;

#[derive(FromZeros)]
#[repr(C)]
struct Header {
    len: u32,
    id: NonZeroU32,
}

fn main() {}
