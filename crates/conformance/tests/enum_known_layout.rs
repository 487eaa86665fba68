// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/enum_known_layout.rs (https://github.com/google/zerocopy), (c)
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

#[derive(imp::KnownLayout)]
#[zerocast(crate = "zerocast")]
enum Foo {
    A,
}

util_assert_impl_all!(Foo: imp::KnownLayout);

#[derive(imp::KnownLayout)]
#[zerocast(crate = "zerocast")]
enum Bar {
    A = 0,
}

util_assert_impl_all!(Bar: imp::KnownLayout);

#[derive(imp::KnownLayout)]
#[zerocast(crate = "zerocast")]
enum Baz {
    A = 1,
    B = 0,
}

util_assert_impl_all!(Baz: imp::KnownLayout);

// Deriving `KnownLayout` should work if the enum has bounded parameters.

#[derive(imp::KnownLayout)]
#[zerocast(crate = "zerocast")]
#[repr(C)]
enum WithParams<'a: 'b, 'b: 'a, T: 'a + 'b + imp::KnownLayout, const N: usize>
where
    'a: 'b,
    'b: 'a,
    T: 'a + 'b + imp::KnownLayout,
{
    Variant([T; N], imp::PhantomData<&'a &'b ()>),
}

util_assert_impl_all!(WithParams<'static, 'static, u8, 42>: imp::KnownLayout);
