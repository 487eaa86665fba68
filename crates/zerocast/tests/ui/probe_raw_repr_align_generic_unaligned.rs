// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[r#repr(align(8))]` is a `repr` (found by a probe: the derive did not read it): `U<u8>` has alignment 8, yet is `Unaligned`, so
//! `Unalign<U<u8>>` derefs to a misaligned `&U<u8>`. Must not compile.
use zerocast::{FromBytes, Immutable, KnownLayout, Unalign, Unaligned};

#[derive(FromBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
#[r#repr(align(8))]
struct U<T>(T);

fn main() {
    let buf = [0u8; 16];
    let u = Unalign::<U<u8>>::ref_from_bytes(&buf[1..9]).unwrap();
    let _misaligned: &U<u8> = u;
}
