// SPDX-License-Identifier: MIT OR Apache-2.0
// `ByteEq` on a struct that is not `IntoBytes` (it has padding, and does not derive it): the
// bound is reported at the type's name with `IntoBytes`'s message.
use zerocast::{ByteEq, Immutable};

#[derive(ByteEq, Immutable)]
#[repr(C)]
struct Header {
    kind: u8,
    len: u32,
}

fn main() {}
