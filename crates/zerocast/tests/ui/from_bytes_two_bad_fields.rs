// SPDX-License-Identifier: MIT OR Apache-2.0
// Two fields that are not `FromBytes`: one build reports both, each on its field.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(C)]
struct Record {
    valid: bool,
    len: u16,
    initial: char,
}

fn main() {}
