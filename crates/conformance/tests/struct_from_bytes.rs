// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/struct_from_bytes.rs (https://github.com/google/zerocopy), (c)
// The Fuchsia Authors, by tools/port-zerocopy-derive-tests.py: the crate renamed to zerocast, nothing else changed. Do not edit.
// Copyright 2019 The Fuchsia Authors
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

// A struct is `FromBytes` if:
// - all fields are `FromBytes`

#[derive(imp::FromBytes)]
#[zerocast(crate = "zerocast")]
struct Zst;

util_assert_impl_all!(Zst: imp::FromBytes);
test_trivial_is_safe!(Zst => test_zst_trivial_is_safe);

#[derive(imp::FromBytes)]
#[zerocast(crate = "zerocast")]
struct One {
    a: u8,
}

util_assert_impl_all!(One: imp::FromBytes);
test_trivial_is_safe!(One => test_one_trivial_is_safe);

#[derive(imp::FromBytes)]
#[zerocast(crate = "zerocast")]
struct Two {
    a: u8,
    b: Zst,
}

util_assert_impl_all!(Two: imp::FromBytes);
test_trivial_is_safe!(Two => test_two_trivial_is_safe);

#[derive(imp::FromBytes)]
#[zerocast(crate = "zerocast")]
struct Unsized {
    a: [u8],
}

util_assert_impl_all!(Unsized: imp::FromBytes);

#[derive(imp::FromBytes)]
#[zerocast(crate = "zerocast")]
struct TypeParams<'a, T: ?imp::Sized, I: imp::Iterator> {
    a: I::Item,
    b: u8,
    c: imp::PhantomData<&'a [::core::primitive::u8]>,
    d: imp::PhantomData<&'static ::core::primitive::str>,
    e: imp::PhantomData<imp::String>,
    f: T,
}

util_assert_impl_all!(TypeParams<'static, (), imp::IntoIter<()>>: imp::FromBytes);
util_assert_impl_all!(TypeParams<'static, util::AU16, imp::IntoIter<()>>: imp::FromBytes);
util_assert_impl_all!(TypeParams<'static, [util::AU16], imp::IntoIter<()>>: imp::FromBytes);
test_trivial_is_safe!(TypeParams<'static, (), imp::IntoIter<()>> => test_type_params_trivial_is_safe);

// Deriving `FromBytes` should work if the struct has bounded parameters.

#[derive(imp::FromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(transparent)]
struct WithParams<'a: 'b, 'b: 'a, T: 'a + 'b + imp::FromBytes, const N: usize>(
    [T; N],
    imp::PhantomData<&'a &'b ()>,
)
where
    'a: 'b,
    'b: 'a,
    T: 'a + 'b + imp::FromBytes;

util_assert_impl_all!(WithParams<'static, 'static, u8, 42>: imp::FromBytes);
test_trivial_is_safe!(WithParams<'static, 'static, u8, 42> => test_with_params_trivial_is_safe);
