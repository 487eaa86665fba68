// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe round 5: for a *sized* last field the `Sizedness` is fixed (`IsSized`, the blanket
//! `FieldLayout` impl); a user impl of `LastValidate`/`LastRule` for `IsSized` on a type that is
//! not `TryFromBytes` (a reference inside) does not let the derive accept it: the field bounds
//! require `TryFromBytes` and `KnownLayout` of it.

use zerocast::checks::{IsSized, LastRule, LastValidate};
use zerocast::{ByteRule, Candidate, Immutable, InvalidBits, KnownLayout, TryFromBytes};

#[derive(Immutable)]
#[repr(C)]
struct Ref(&'static u64);

impl LastRule<Ref> for IsSized {
    const RULE: (ByteRule, usize) = (ByteRule::NONE, 0);
}

impl LastValidate<Ref> for IsSized {
    fn validate<T: ?Sized>(
        _: &Candidate<'_, T>,
        _: usize,
        _: &'static str,
        _: &'static str,
    ) -> Result<(), InvalidBits> {
        Ok(())
    }
}

#[derive(KnownLayout, TryFromBytes, Immutable)]
#[repr(C)]
struct Outer {
    x: u64,
    r: Ref,
}

fn main() {}
