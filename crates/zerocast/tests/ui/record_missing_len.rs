// SPDX-License-Identifier: MIT OR Apache-2.0
// `len` is required: without it the derive cannot know where the length is. The error is on
// the `#[zerocast(..)]` attribute if there is one, else on the struct's name.
use zerocast::Record;

#[derive(Record)]
#[repr(C)]
#[zerocast(unit = bytes, align = 4)]
struct NoLen {
    len: u16,
    data: [u8],
}

#[derive(Record)]
#[repr(C)]
struct NoAttribute {
    len: u16,
    data: [u8],
}

fn main() {}
