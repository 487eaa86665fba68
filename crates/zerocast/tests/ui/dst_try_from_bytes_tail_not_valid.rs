// SPDX-License-Identifier: MIT OR Apache-2.0
// The trailing slice's element type must be `TryFromBytes`; the error is on the field.
use zerocast::{KnownLayout, TryFromBytes};

struct NotChecked(u8);

#[derive(TryFromBytes, KnownLayout)]
#[repr(C)]
struct Packet {
    len: u16,
    body: [NotChecked],
}

fn main() {}
