// SPDX-License-Identifier: MIT OR Apache-2.0
//! kvm-bindings 0.14.2 (src/*/serialize.rs, feature `serde`) implements zerocopy's traits by
//! hand for bindgen unions whose fields differ in size (the derives reject those), defining the
//! hidden method every zerocopy 0.8 trait declares, `only_derive_is_allowed_to_implement_this_trait`.
use zerocopy::{FromBytes, FromZeros, Immutable, TryFromBytes};

#[derive(TryFromBytes, Clone, Copy)]
#[repr(C)]
pub union Chip {
    pub pic: u8,
    pub ioapic: u32,
}

// SAFETY: every byte pattern of a union of integers is a valid `Chip`, zeros included.
unsafe impl FromZeros for Chip {
    fn only_derive_is_allowed_to_implement_this_trait()
    where
        Self: Sized,
    {
    }
}

// SAFETY: as above.
unsafe impl FromBytes for Chip {
    fn only_derive_is_allowed_to_implement_this_trait()
    where
        Self: Sized,
    {
    }
}

// SAFETY: no `UnsafeCell` in the fields.
unsafe impl Immutable for Chip {
    fn only_derive_is_allowed_to_implement_this_trait()
    where
        Self: Sized,
    {
    }
}

pub fn chip(bytes: &[u8; 4]) -> Chip {
    Chip::read_from_bytes(bytes).unwrap()
}
