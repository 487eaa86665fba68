// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits for the atomic types, which have the layout of the integer they hold.

use crate::byte_rule::ByteRule;
use crate::error::InvalidBits;
use crate::layout::DstLayout;
use crate::{Candidate, FromBytes, FromZeros, IntoBytes, KnownLayout, TryFromBytes, Unaligned};

// ---- Atomics -------------------------------------------------------------------------------

macro_rules! atomics {
    ($($(#[$cfg:meta])* $atomic:ident => $int:ty),*) => {$(
        $(#[$cfg])*
        const _: () = {
            use core::sync::atomic::$atomic;
            known_layout_sized!([] $atomic);
            markers!(
                "Atomic integers have the size and bit validity of their integer (std docs); \
                 they are not `Immutable`, since they change through shared references."
                : FromZeros, FromBytes, IntoBytes for [] $atomic
            );
            try_from_bytes_any!([] $atomic);
        };
    )*};
}
atomics!(
    #[cfg(target_has_atomic = "8")] AtomicU8 => u8,
    #[cfg(target_has_atomic = "8")] AtomicI8 => i8,
    #[cfg(target_has_atomic = "16")] AtomicU16 => u16,
    #[cfg(target_has_atomic = "16")] AtomicI16 => i16,
    #[cfg(target_has_atomic = "32")] AtomicU32 => u32,
    #[cfg(target_has_atomic = "32")] AtomicI32 => i32,
    #[cfg(target_has_atomic = "64")] AtomicU64 => u64,
    #[cfg(target_has_atomic = "64")] AtomicI64 => i64,
    #[cfg(target_has_atomic = "ptr")] AtomicUsize => usize,
    #[cfg(target_has_atomic = "ptr")] AtomicIsize => isize
);

#[cfg(target_has_atomic = "8")]
const _: () = {
    use core::sync::atomic::AtomicBool;
    known_layout_sized!([] AtomicBool);
    markers!(
        "`AtomicBool` has the size, alignment and bit validity of `bool` (std docs)."
        : FromZeros, IntoBytes, Unaligned for [] AtomicBool
    );
    markers!(
        "`AtomicU8` and `AtomicI8` have alignment 1 (std docs)."
        : Unaligned for [] core::sync::atomic::AtomicU8, [] core::sync::atomic::AtomicI8
    );

    // SAFETY: `AtomicBool` has the bit validity of `bool` (so `bool`'s rule too).
    unsafe impl TryFromBytes for AtomicBool {
        #[inline(always)]
        fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
            bool::validate(candidate.retype())
        }
        const BYTE_RULE: ByteRule = bool::BYTE_RULE;
    }
};

#[cfg(target_has_atomic = "ptr")]
const _: () = {
    use core::sync::atomic::AtomicPtr;
    known_layout_sized!([T] AtomicPtr<T>);
    markers!(
        "`AtomicPtr<T>` has the layout of `*mut T` (std docs): null when zero."
        : FromZeros for [T] AtomicPtr<T>
    );

    // SAFETY: all-zero bytes are a null `AtomicPtr`, and they are the only bytes accepted.
    unsafe impl<T> TryFromBytes for AtomicPtr<T> {
        #[inline]
        fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
            if candidate.is_all_zeros() {
                Ok(())
            } else {
                Err(candidate.invalid(None))
            }
        }
    }
};
