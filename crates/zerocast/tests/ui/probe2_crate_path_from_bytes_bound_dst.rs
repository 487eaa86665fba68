// SPDX-License-Identifier: MIT OR Apache-2.0
//! `derive(FromBytes)` on a concrete slice-tailed struct emits
//! `unsafe impl path::TryFromBytes` whose `validate` accepts everything, bounded on
//! `path::FromBytes` for each field (a sized concrete struct is saved by its `BYTE_RULE`, which
//! happens to require zerocast's `FromBytes`; a slice-tailed one has none). With
//! `Immutable as FromBytes`, a `bool` field is "validated" as any byte. Must not compile.
#![forbid(unsafe_code)]

mod fake {
    pub use zerocast::Immutable as FromBytes;
    pub use zerocast::*;
}

#[derive(zerocast::KnownLayout, zerocast::FromBytes)]
#[zerocast(crate = "crate::fake")]
#[repr(C)]
struct FlagThenBytes {
    flag: bool,
    rest: [u8],
}

fn main() {
    use zerocast::TryFromBytes;
    // A `bool` holding 2.
    let r = FlagThenBytes::try_ref_from_bytes(&[2u8, 0][..]).unwrap();
    let _ = r.flag;
}
