// SPDX-License-Identifier: MIT OR Apache-2.0
// A record's payload is its trailing slice: a struct whose last field is sized is rejected on
// that field's type.
use zerocast::Record;

#[derive(Record)]
#[repr(C)]
#[zerocast(len = len)]
struct Fixed {
    len: u16,
    data: [u8; 4],
}

#[derive(Record)]
#[zerocast(len = len)]
enum NotAStruct {
    A,
}

fn main() {}
