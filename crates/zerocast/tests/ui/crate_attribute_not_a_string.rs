// SPDX-License-Identifier: MIT OR Apache-2.0
// `#[zerocast(crate = ...)]` takes a string.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[zerocast(crate = zerocast)]
#[repr(C)]
struct Header {
    len: u32,
}

fn main() {}
