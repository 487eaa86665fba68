// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe: interior mutability hidden in a type parameter makes the instantiation not
//! `Immutable`.
use core::cell::Cell;
use zerocast::{FromBytes, Immutable, KnownLayout};

#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct W<T>(u8, T);

fn main() {
    let bytes = [0u8; 2];
    let _ = W::<Cell<u8>>::ref_from_bytes(&bytes[..]);
}
