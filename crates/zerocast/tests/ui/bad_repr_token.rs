// SPDX-License-Identifier: MIT OR Apache-2.0
// A `repr` that is not one: the compiler rejects it, and the derive must not add noise.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(Cee)]
struct Header {
    len: u32,
}

fn main() {}
