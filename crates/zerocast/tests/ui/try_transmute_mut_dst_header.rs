// SPDX-License-Identifier: MIT OR Apache-2.0
// `try_transmute_mut!` from a slice to a type with a 2-byte header: an empty source has no
// destination of its size.
use zerocast::{IntoBytes, KnownLayout, TryFromBytes};

#[derive(TryFromBytes, IntoBytes, KnownLayout)]
#[repr(C)]
struct Flags {
    t: [u8; 2],
    u: [bool],
}

fn main() {
    let mut words = [0u16; 2];
    let _: Result<&mut Flags, _> = zerocast::try_transmute_mut!(&mut words[..]);
}
