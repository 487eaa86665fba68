// SPDX-License-Identifier: MIT OR Apache-2.0
//! Impls of the traits written by hand in the form zerocopy requires: each defines zerocopy's
//! hidden `only_derive_is_allowed_to_implement_this_trait`, as published crates do
//! (`kvm-bindings` 0.14, `src/x86_64/serialize.rs`, for bindgen unions the derives refuse),
//! with and without its `where Self: Sized`. zerocast's traits have the method, with an empty
//! default, so such impls compile after the rename.
use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, TryFromBytes, Unaligned};

#[repr(C)]
#[derive(Copy, Clone, TryFromBytes)]
union Reg {
    bytes: [u8; 4],
    word: u32,
}

// SAFETY: all-zero bytes are a valid `Reg`: every field is valid for any bytes.
unsafe impl FromZeros for Reg {
    fn only_derive_is_allowed_to_implement_this_trait()
    where
        Self: Sized,
    {
    }
}

// SAFETY: any 4 bytes are a valid `Reg`: both fields are valid for any bytes, and the derived
// `TryFromBytes` accepts every candidate.
unsafe impl FromBytes for Reg {
    fn only_derive_is_allowed_to_implement_this_trait()
    where
        Self: Sized,
    {
    }
}

// SAFETY: both fields are 4 bytes, the size of the union, with no padding: every byte is
// initialized whichever field was written.
unsafe impl IntoBytes for Reg {
    fn only_derive_is_allowed_to_implement_this_trait() {}
}

// SAFETY: no field has interior mutability.
unsafe impl Immutable for Reg {
    fn only_derive_is_allowed_to_implement_this_trait() {}
}

#[repr(C)]
#[derive(Immutable, IntoBytes)]
struct Tag {
    kind: u8,
    len: [u8; 2],
}

// SAFETY: `Tag` is `repr(C)` with fields of alignment 1, so its alignment is 1.
unsafe impl Unaligned for Tag {
    fn only_derive_is_allowed_to_implement_this_trait()
    where
        Self: Sized,
    {
    }
}

fn main() {
    let reg = Reg::read_from_bytes(&0x1234_5678u32.to_ne_bytes()).unwrap();
    assert_eq!(reg.as_bytes(), &0x1234_5678u32.to_ne_bytes());
    assert_eq!(Reg::new_zeroed().as_bytes(), &[0; 4]);
    let tag = Tag { kind: 1, len: [2, 3] };
    assert_eq!(tag.as_bytes(), &[1, 2, 3]);
    fn unaligned<T: Unaligned>() {}
    unaligned::<Tag>();
}
