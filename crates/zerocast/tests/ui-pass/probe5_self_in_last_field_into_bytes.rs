// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe round 5 (51f7c37): a path-typed last field that mentions `Self` (`PhantomData<Self>`,
//! zero-sized, alignment 1, no padding anywhere) under `IntoBytes`. `FromBytes`, `Unaligned` and
//! `KnownLayout` accept the struct; so does `IntoBytes` since the fix: its padding check of an
//! open last field named the field type as written in a `const` item outside the impl, where
//! `Self` is not in scope (E0411); it now spells `Self` out as the other layout checks do
//! (`without_self`).

use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

#[derive(FromBytes, KnownLayout, Immutable, IntoBytes, Unaligned)]
#[repr(C)]
struct EndsInPhantom {
    a: u8,
    p: core::marker::PhantomData<Self>,
}

fn main() {}
