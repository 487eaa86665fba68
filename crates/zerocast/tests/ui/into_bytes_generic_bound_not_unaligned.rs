// SPDX-License-Identifier: MIT OR Apache-2.0
// As `into_bytes_generic_field_not_unaligned`, through a generic bound instead of a method:
// the error names the field type that must be `Unaligned`.
use zerocast::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
#[repr(C)]
struct Tagged<T> {
    tag: u8,
    value: T,
}

fn send<T: IntoBytes + Immutable>(value: &T) -> usize {
    value.as_bytes().len()
}

fn main() {
    send(&Tagged { tag: 1, value: 2u32 });
}
