// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/ui/invariant.rs (https://github.com/google/zerocopy), (c)
// The Fuchsia Authors, by tools/port-zerocopy-derive-tests.py: the crate renamed to zerocast, nothing else changed. Do not edit.
// Copyright 2026 The Fuchsia Authors
//
// Licensed under a BSD-style license <LICENSE-BSD>, Apache License, Version 2.0
// <LICENSE-APACHE or https://www.apache.org/licenses/LICENSE-2.0>, or the MIT
// license <LICENSE-MIT or https://opensource.org/licenses/MIT>, at your option.
// This file may not be copied, modified, or distributed except according to
// those terms.

extern crate zerocast;

use zerocast::{FromBytes, FromZeros, TryFromBytes};

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
struct Tuple(
    #[zerocast(invariant(true))]
    //~[msrv, stable, nightly]^ ERROR: invariants are only supported on named fields
    u8,
);

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(u8)]
enum TupleVariant {
    A(
        #[zerocast(invariant(true))]
        //~[msrv, stable, nightly]^ ERROR: invariants are only supported on named fields
        u8,
    ),
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(u8)]
enum VariantAttribute {
    #[zerocast(invariant(true))]
    //~[msrv, stable, nightly]^ ERROR: invariants are only supported on named fields
    A,
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
struct BareAttribute {
    #[zerocast(invariant)]
    //~[msrv, stable, nightly]^ ERROR: expected `invariant(...)`
    a: u8,
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
struct MissingExpression {
    #[zerocast(invariant())]
    //~[msrv, stable, nightly]^ ERROR: unexpected end of input, expected an expression
    a: u8,
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
struct ExtraExpression {
    #[zerocast(invariant(true, false))]
    //~[msrv, stable, nightly]^ ERROR: unexpected token
    a: u8,
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
struct MisspelledAttribute {
    #[zerocast(invaraint(true))]
    //~[msrv, stable, nightly]^ ERROR: expected `invariant(...)`
    a: u8,
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
struct NonBoolean {
    #[zerocast(invariant(0u8))]
    //~[msrv, stable, nightly]^ ERROR: mismatched types
    a: u8,
}

#[derive(FromZeros)]
#[zerocast(crate = "zerocast")]
struct Zeroable {
    #[zerocast(invariant(**a.unaligned_as_ref() > 0))]
    //~[msrv, stable, nightly]^ ERROR: cannot derive `FromZeros` for a type with invariants
    a: u8,
}

#[derive(FromBytes)]
#[zerocast(crate = "zerocast")]
struct Infallible {
    #[zerocast(invariant(**a.unaligned_as_ref() > 0))]
    //~[msrv, stable, nightly]^ ERROR: cannot derive `FromBytes` for a type with invariants
    a: u8,
}

// Attribute errors must not be silently ignored by `on_error = "skip"`, or
// bypassed by the trivial `FromBytes` implementation of `is_safe`.
#[derive(FromBytes)]
#[zerocast(crate = "zerocast", on_error = "skip")]
struct SkippedTuple(
    #[zerocast(invariant(true))]
    //~[msrv, stable, nightly]^ ERROR: invariants are only supported on named fields
    u8,
);

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
struct Brackets {
    #[zerocast(invariant[true])]
    //~[msrv, stable, nightly]^ ERROR: expected `invariant(...)`
    a: u8,
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
struct Braces {
    #[zerocast(invariant{true})]
    //~[msrv, stable, nightly]^ ERROR: expected `invariant(...)`
    a: u8,
}

fn main() {}
