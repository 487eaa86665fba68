// SPDX-License-Identifier: MIT OR Apache-2.0
// An attribute the derives do not know.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[zerocast(rename = "Other")]
#[repr(C)]
struct Header {
    len: u32,
}

fn main() {}
