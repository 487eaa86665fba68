// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe round 5 (51f7c37): a slice-tailed struct as the last field through a `$t:ty` macro
//! fragment (an invisible group around the path). `TryFromBytes` treats it as an open last field
//! (`is_non_primitive_path` looks through groups and parentheses), but the `KnownLayout` derive
//! (`composed_tail`) matched `Type::Path` only, emitted the impl of a sized type and failed with
//! "the size for values of type `[bool]` cannot be known" (a rejection for the wrong reason).
//! Fixed: both look through groups and parentheses, so this compiles as the same struct
//! written without the macro does. `last: (FlagTail)` too.

use zerocast::{Immutable, KnownLayout, TryFromBytes};

#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct FlagTail {
    n: u32,
    flags: [bool],
}

macro_rules! ending_in {
    ($name:ident, $t:ty) => {
        #[derive(TryFromBytes, KnownLayout, Immutable)]
        #[repr(C)]
        struct $name {
            a: u8,
            last: $t,
        }
    };
}

ending_in!(EndsInFlagTail, FlagTail);

fn main() {}
