// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/ui/struct.rs (https://github.com/google/zerocopy), (c)
// The Fuchsia Authors, by tools/port-zerocopy-derive-tests.py: the crate renamed to zerocast, nothing else changed. Do not edit.
// Copyright 2019 The Fuchsia Authors
//
// Licensed under a BSD-style license <LICENSE-BSD>, Apache License, Version 2.0
// <LICENSE-APACHE or https://www.apache.org/licenses/LICENSE-2.0>, or the MIT
// license <LICENSE-MIT or https://opensource.org/licenses/MIT>, at your option.
// This file may not be copied, modified, or distributed except according to
// those terms.

#[macro_use]
extern crate zerocast;

#[path = "../include.rs"]
mod util;

use zerocast::{IntoBytes, KnownLayout};

use self::util::util::AU16;

fn main() {}

//
// KnownLayout errors
//

struct NotKnownLayout;

struct NotKnownLayoutDst([u8]);

// -| `repr(C)`? | generic? | `KnownLayout`? | `Sized`? | Type Name |
// -|          N |        N |              N |        N |      KL00 |
#[derive(KnownLayout)]
//~[msrv, stable, nightly]^ ERROR: the size for values of type `[u8]` cannot be known at compilation time
#[zerocast(crate = "zerocast")]
struct KL00(u8, NotKnownLayoutDst);

// -| `repr(C)`? | generic? | `KnownLayout`? | `Sized`? | Type Name |
// -|          N |        N |              Y |        N |      KL02 |
#[derive(KnownLayout)]
//~[msrv, stable, nightly]^ ERROR: the size for values of type `[u8]` cannot be known at compilation time
#[zerocast(crate = "zerocast")]
struct KL02(u8, [u8]);

// -| `repr(C)`? | generic? | `KnownLayout`? | `Sized`? | Type Name |
// -|          Y |        N |              N |        N |      KL08 |
#[derive(KnownLayout)]
//~[msrv, stable, nightly]^ ERROR: the trait bound `NotKnownLayoutDst: zerocast::KnownLayout` is not satisfied
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct KL08(u8, NotKnownLayoutDst);

// -| `repr(C)`? | generic? | `KnownLayout`? | `Sized`? | Type Name |
// -|          Y |        N |              N |        Y |      KL09 |
#[derive(KnownLayout)]
//~[msrv, stable, nightly]^ ERROR: the trait bound `NotKnownLayout: zerocast::KnownLayout` is not satisfied
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct KL09(NotKnownLayout, NotKnownLayout);

//
// Immutable errors
//

#[derive(Immutable)]
//~[msrv, stable, nightly]^ ERROR: the trait bound `UnsafeCell<()>: zerocast::Immutable` is not satisfied
#[zerocast(crate = "zerocast")]
struct Immutable1 {
    a: core::cell::UnsafeCell<()>,
}

#[derive(Immutable)]
//~[msrv, stable, nightly]^ ERROR: the trait bound `UnsafeCell<u8>: zerocast::Immutable` is not satisfied
#[zerocast(crate = "zerocast")]
struct Immutable2 {
    a: [core::cell::UnsafeCell<u8>; 0],
}

//
// TryFromBytes errors
//

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(packed)]
struct TryFromBytesPacked {
    foo: AU16,
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(packed(1))]
struct TryFromBytesPackedN {
    foo: AU16,
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C, packed)]
struct TryFromBytesCPacked {
    //~[stable, nightly]^ ERROR: packed type cannot transitively contain a `#[repr(align)]` type
    foo: AU16,
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C, packed(1))]
struct TryFromBytesCPackedN {
    //~[stable, nightly]^ ERROR: packed type cannot transitively contain a `#[repr(align)]` type
    foo: AU16,
}

//
// IntoBytes errors
//

// Since `IntoBytes1` has at least one generic parameter, an `IntoBytes` impl is
// emitted in which each field type is given an `Unaligned` bound. Since `foo`'s
// type doesn't implement `Unaligned`, this should fail.
#[derive(IntoBytes)]
//~[msrv, stable, nightly]^ ERROR: the trait bound `AU16: zerocast::Unaligned` is not satisfied
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct IntoBytes1<T> {
    foo: AU16,
    bar: T,
}

#[derive(IntoBytes)]
//~[stable, nightly]^ ERROR: `IntoBytes2` has 1 total byte(s) of padding
//~[msrv]^^ ERROR: the trait bound `(): PaddingFree<IntoBytes2, 1_usize>` is not satisfied
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct IntoBytes2 {
    foo: u8,
    bar: AU16,
}

#[derive(IntoBytes)]
//~[stable, nightly]^ ERROR: `IntoBytes3` has 1 total byte(s) of padding
//~[msrv]^^ ERROR: the trait bound `(): PaddingFree<IntoBytes3, 1_usize>` is not satisfied
#[zerocast(crate = "zerocast")]
#[repr(C, packed(2))]
struct IntoBytes3 {
    foo: u8,
    // We'd prefer to use AU64 here, but you can't use aligned types in
    // packed structs.
    bar: u64,
}

type SliceU8 = [u8];

// Padding between `u8` and `SliceU8`. `SliceU8` doesn't syntactically look like
// a slice, so this case is handled by our `Sized` support.
//
// NOTE(#1708): This exists to ensure that our error messages are good when a
// field is unsized.
#[derive(IntoBytes)]
//~[stable, nightly]^ ERROR: the size for values of type `[u8]` cannot be known at compilation time
//~[msrv]^^ ERROR: the size for values of type `[u8]` cannot be known at compilation time
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct IntoBytes4 {
    a: u8,
    b: SliceU8,
    //~[stable, nightly]^ ERROR: `[u8]` is unsized
    //~[msrv]^^ ERROR: the size for values of type `[u8]` cannot be known at compilation time
}

// Padding between `u8` and `[u16]`. `[u16]` is syntactically identifiable as a
// slice, so this case is handled by our `repr(C)` slice DST support.
#[derive(IntoBytes)]
//~[msrv]^ ERROR: the trait bound `(): DynamicPaddingFree<IntoBytes5, true>` is not satisfied
//~[stable, nightly]^^ ERROR: `IntoBytes5` has one or more padding bytes
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct IntoBytes5 {
    a: u8,
    b: [u16],
}

// Trailing padding after `[u8]`. `[u8]` is syntactically identifiable as a
// slice, so this case is handled by our `repr(C)` slice DST support.
#[derive(IntoBytes)]
//~[msrv]^ ERROR: the trait bound `(): DynamicPaddingFree<IntoBytes6, true>` is not satisfied
//~[stable, nightly]^^ ERROR: `IntoBytes6` has one or more padding bytes
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct IntoBytes6 {
    a: u16,
    b: [u8],
}

// Padding between `u8` and `u16` and also trailing padding after `[u8]`. `[u8]`
// is syntactically identifiable as a slice, so this case is handled by our
// `repr(C)` slice DST support.
#[derive(IntoBytes)]
//~[msrv]^ ERROR: the trait bound `(): DynamicPaddingFree<IntoBytes7, true>` is not satisfied
//~[stable, nightly]^^ ERROR: `IntoBytes7` has one or more padding bytes
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct IntoBytes7 {
    a: u8,
    b: u16,
    c: [u8],
}

#[derive(IntoBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C, C)] // zerocast-derive conservatively treats these as conflicting reprs
              //~[msrv, stable, nightly]^ ERROR: this conflicts with another representation hint
struct IntoBytes8 {
    a: u8,
}

#[derive(IntoBytes)]
//~[msrv, stable, nightly]^ ERROR: must have a non-align #[repr(...)] attribute in order to guarantee this type's memory layout
#[zerocast(crate = "zerocast")]
struct IntoBytes9<T> {
    t: T,
}

#[derive(IntoBytes)]
//~[msrv, stable, nightly]^ ERROR: must have a non-align #[repr(...)] attribute in order to guarantee this type's memory layout
#[zerocast(crate = "zerocast")]
#[repr(packed(2))]
struct IntoBytes10<T> {
    t: T,
}

// `repr(C, packed(2))` can still have padding between heterogeneous fields.
#[derive(IntoBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C, packed(2))]
struct IntoBytes11<T> {
    byte: u8,
    // For `T = AU16`, this field remains 2-aligned and leaves a padding byte
    // after `byte`.
    t: T,
}

fn is_into_bytes_11<T: IntoBytes>() {
    if false {
        is_into_bytes_11::<IntoBytes11<AU16>>();
        //~[stable, nightly]^ ERROR: the trait bound `AU16: zerocast::Unaligned` is not satisfied
    }
}

// `repr(C, align(2))` is not sufficient to guarantee the layout of this type.
#[derive(IntoBytes)]
//~[msrv, stable, nightly]^ ERROR: must have a non-align #[repr(...)] attribute in order to guarantee this type's memory layout
#[zerocast(crate = "zerocast")]
#[repr(C, align(2))]
struct IntoBytes12<T> {
    t: T,
}

// NOTE(#3063): This exists to ensure that our analysis for structs with
// syntactic DSTs accounts for `align(N)`.
#[derive(IntoBytes)]
//~[msrv]^ ERROR: the trait bound `(): DynamicPaddingFree<IntoBytes13, true>` is not satisfied
//~[stable, nightly]^^ ERROR: `IntoBytes13` has one or more padding bytes
#[zerocast(crate = "zerocast")]
#[repr(C, align(2))]
struct IntoBytes13([u8]);

// A homogeneous multi-field optimization must still account for an explicit
// outer alignment. For `T = u8` and `N = 0`, odd-length tails have trailing
// padding.
#[derive(IntoBytes)]
//~[msrv, stable, nightly]^ ERROR: must have a non-align #[repr(...)] attribute in order to guarantee this type's memory layout
#[zerocast(crate = "zerocast")]
#[repr(C, align(2))]
struct IntoBytes14<T, const N: usize>([T; N], [T]);

// A type captured at a macro invocation site can have the same spelling as a
// type parameter introduced by the macro while resolving to a different type.
// The homogeneous `repr(C)` optimization must not treat them as the same type.
#[cfg(nightly)]
mod into_bytes_15 {
    use super::IntoBytes;

    type T = u8;

    zerocopy_derive::__test_hygienically_mixed_into_bytes!();

    fn assert_into_bytes<T: IntoBytes>() {
        if false {
            assert_into_bytes::<IntoBytes15<u8>>();
            assert_into_bytes::<IntoBytes15<u16>>();
            //~[nightly]^ ERROR: type mismatch resolving `<u8 as Identity>::Type == u16`
        }
    }
}

//
// Unaligned errors
//

#[derive(Unaligned)]
#[zerocast(crate = "zerocast")]
#[repr(C, align(2))]
//~[msrv, stable, nightly]^ ERROR: cannot derive `Unaligned` on type with alignment greater than 1
struct Unaligned1;

#[derive(Unaligned)]
#[zerocast(crate = "zerocast")]
#[repr(transparent, align(2))]
//~[msrv, stable, nightly]^ ERROR: this conflicts with another representation hint
//~[msrv, stable, nightly]^^ ERROR: transparent struct cannot have other repr hints
struct Unaligned2 {
    foo: u8,
}

#[derive(Unaligned)]
#[zerocast(crate = "zerocast")]
#[repr(packed, align(2))]
//~[msrv, stable, nightly]^ ERROR: this conflicts with another representation hint
struct Unaligned3;
//~[stable, nightly]^ ERROR: type has conflicting packed and align representation hints

#[derive(Unaligned)]
#[zerocast(crate = "zerocast")]
#[repr(align(1), align(2))]
//~[msrv, stable, nightly]^ ERROR: this conflicts with another representation hint
struct Unaligned4;

#[derive(Unaligned)]
#[zerocast(crate = "zerocast")]
#[repr(align(2), align(4))]
//~[msrv, stable, nightly]^ ERROR: this conflicts with another representation hint
struct Unaligned5;

#[derive(Unaligned)]
//~[msrv, stable, nightly]^ ERROR: must have #[repr(C)], #[repr(transparent)], or #[repr(packed)] attribute in order to guarantee this type's alignment
#[zerocast(crate = "zerocast")]
struct Unaligned6;

#[derive(Unaligned)]
//~[msrv, stable, nightly]^ ERROR: must have #[repr(C)], #[repr(transparent)], or #[repr(packed)] attribute in order to guarantee this type's alignment
#[zerocast(crate = "zerocast")]
#[repr(packed(2))]
struct Unaligned7;

// Test the error message emitted when conflicting reprs appear on different
// lines. On the nightly compiler, this emits a "joint span" that spans both
// problematic repr token trees and everything in between.
#[derive(Copy, Clone)]
#[repr(packed(2), C)]
//~[nightly]^ ERROR: this conflicts with another representation hint
#[derive(Unaligned)]
#[zerocast(crate = "zerocast")]
#[repr(C, packed(2))]
//~[msrv, stable]^ ERROR: this conflicts with another representation hint
struct WeirdReprSpan;

#[derive(SplitAt)]
//~[msrv, stable, nightly]^ ERROR: the trait bound `SplitAtNotKnownLayout: zerocast::KnownLayout` is not satisfied
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct SplitAtNotKnownLayout([u8]);

#[derive(SplitAt, KnownLayout)]
//~[msrv]^ ERROR: type mismatch resolving `<u8 as zerocast::KnownLayout>::PointerMetadata == usize`
//~[msrv, stable, nightly]^^ ERROR: the trait bound `u8: SplitAt` is not satisfied
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct SplitAtSized(u8);

#[derive(KnownLayout)]
#[zerocast(crate = "zerocast"typo)]
//~[msrv, stable, nightly]^ ERROR: `crate` attribute requires a path as the value
#[repr(C)]
struct InvalidCrateSuffix(u8);

#[derive(KnownLayout)]
#[zerocast(crate = "Self::foo")]
//~[msrv, stable, nightly]^ ERROR: `crate` attribute requires a valid module path
#[repr(C)]
struct InvalidCrateSelf(u8);

#[derive(KnownLayout)]
#[zerocast(crate = "::crate::foo")]
//~[msrv, stable, nightly]^ ERROR: `crate` attribute requires a valid module path
#[repr(C)]
struct InvalidCrateLeadingColonRelative(u8);

#[derive(KnownLayout)]
#[zerocast(crate = "foo::crate::bar")]
//~[msrv, stable, nightly]^ ERROR: `crate` attribute requires a valid module path
#[repr(C)]
struct InvalidCrateNonLeadingCrate(u8);

#[derive(KnownLayout)]
#[zerocast(crate = "foo::super::bar")]
//~[msrv, stable, nightly]^ ERROR: `crate` attribute requires a valid module path
#[repr(C)]
struct InvalidCrateNonLeadingSuper(u8);

#[derive(KnownLayout)]
#[zerocast(crate = "foo::Self::bar")]
//~[msrv, stable, nightly]^ ERROR: `crate` attribute requires a valid module path
#[repr(C)]
struct InvalidCrateMiddleSelf(u8);

#[derive(KnownLayout)]
#[zerocast(crate = "foo::self")]
//~[msrv, stable, nightly]^ ERROR: `crate` attribute requires a valid module path
#[repr(C)]
struct InvalidCrateTrailingSelf(u8);
