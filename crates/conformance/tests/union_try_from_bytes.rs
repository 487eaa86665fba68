// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/union_try_from_bytes.rs (https://github.com/google/zerocopy), (c)
// The Fuchsia Authors, by tools/port-zerocopy-derive-tests.py: the crate renamed to zerocast, nothing else changed. Do not edit.
// Copyright 2023 The Fuchsia Authors
//
// Licensed under a BSD-style license <LICENSE-BSD>, Apache License, Version 2.0
// <LICENSE-APACHE or https://www.apache.org/licenses/LICENSE-2.0>, or the MIT
// license <LICENSE-MIT or https://opensource.org/licenses/MIT>, at your option.
// This file may not be copied, modified, or distributed except according to
// those terms.

// See comment in `include.rs` for why we disable the prelude.
#![no_implicit_prelude]
#![allow(warnings)]

include!("include.rs");

// A struct is `imp::TryFromBytes` if:
// - any of its fields are `imp::TryFromBytes`

#[derive(imp::Immutable, imp::TryFromBytes)]
#[zerocast(crate = "zerocast")]
union One {
    a: u8,
}

util_assert_impl_all!(One: imp::TryFromBytes);

#[test]
fn one() {
    crate::util::test_is_safe::<One, _>([42u8], true);
    crate::util::test_is_safe::<One, _>([43u8], true);
}

#[derive(imp::Immutable, imp::TryFromBytes, imp::IntoBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C)]
union Two {
    a: bool,
    b: bool,
}

util_assert_impl_all!(Two: imp::TryFromBytes);

#[test]
fn two() {
    crate::util::test_is_safe::<Two, _>(Two { a: false }, true);
    crate::util::test_is_safe::<Two, _>(Two { b: true }, true);
    crate::util::test_is_safe::<Two, _>([2u8], false);
}

#[derive(imp::Immutable, imp::TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C)]
union BoolAndZst {
    a: bool,
    b: (),
}

#[test]
fn bool_and_zst() {
    crate::util::test_is_safe::<BoolAndZst, _>([0u8], true);
    crate::util::test_is_safe::<BoolAndZst, _>([1u8], true);
    crate::util::test_is_safe::<BoolAndZst, _>([2u8], true);
}

#[derive(imp::FromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C)]
union MaybeFromBytes<T: imp::Copy> {
    t: T,
}

#[test]
fn test_maybe_from_bytes() {
    // When deriving `FromBytes` on a type with no generic parameters, we emit a
    // trivial `is_safe` impl that always returns true. This test confirms that
    // we *don't* spuriously do that when generic parameters are present.

    crate::util::test_is_safe::<MaybeFromBytes<bool>, _>([2u8], false);
}

#[derive(imp::Immutable, imp::TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C)]
union TypeParams<'a, T: imp::Copy, I: imp::Iterator>
where
    I::Item: imp::Copy,
{
    a: I::Item,
    b: u8,
    c: imp::PhantomData<&'a [u8]>,
    d: imp::PhantomData<&'static str>,
    e: imp::PhantomData<imp::String>,
    f: T,
}

util_assert_impl_all!(TypeParams<'static, (), imp::IntoIter<()>>: imp::TryFromBytes);
util_assert_impl_all!(TypeParams<'static, util::AU16, imp::IntoIter<()>>: imp::TryFromBytes);
util_assert_impl_all!(TypeParams<'static, [util::AU16; 2], imp::IntoIter<()>>: imp::TryFromBytes);

// Deriving `imp::TryFromBytes` should work if the union has bounded parameters.

#[derive(imp::Immutable, imp::TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C)]
union WithParams<'a: 'b, 'b: 'a, T: 'a + 'b + imp::TryFromBytes, const N: usize>
where
    'a: 'b,
    'b: 'a,
    T: 'a + 'b + imp::TryFromBytes + imp::Copy,
{
    a: imp::PhantomData<&'a &'b ()>,
    b: T,
}

util_assert_impl_all!(WithParams<'static, 'static, u8, 42>: imp::TryFromBytes);

#[derive(Clone, Copy, imp::TryFromBytes, imp::Immutable)]
#[zerocast(crate = "zerocast")]
struct A;

#[derive(imp::TryFromBytes)]
#[zerocast(crate = "zerocast")]
union B {
    a: A,
}

#[derive(imp::TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C)]
union UnsafeCellUnion {
    a: imp::ManuallyDrop<imp::UnsafeCell<bool>>,
}

util_assert_impl_all!(UnsafeCellUnion: imp::TryFromBytes);

#[test]
fn unsafe_cell_union() {
    crate::util::test_is_safe::<UnsafeCellUnion, _>([0u8], true);
    crate::util::test_is_safe::<UnsafeCellUnion, _>([1u8], true);
    crate::util::test_is_safe::<UnsafeCellUnion, _>([2u8], false);
}
