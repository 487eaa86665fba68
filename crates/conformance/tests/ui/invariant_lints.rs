// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/ui/invariant_lints.rs (https://github.com/google/zerocopy), (c)
// The Fuchsia Authors, by tools/port-zerocopy-derive-tests.py: the crate renamed to zerocast, nothing else changed. Do not edit.
// Copyright 2026 The Fuchsia Authors
//
// Licensed under a BSD-style license <LICENSE-BSD>, Apache License, Version 2.0
// <LICENSE-APACHE or https://www.apache.org/licenses/LICENSE-2.0>, or the MIT
// license <LICENSE-MIT or https://opensource.org/licenses/MIT>, at your option.
// This file may not be copied, modified, or distributed except according to
// those terms.

#![deny(deprecated)]

extern crate zerocopy_derive;
extern crate zerocast;
use zerocast::TryFromBytes;

#[deprecated]
fn old_check() -> bool {
    true
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
struct Struct {
    #[zerocast(invariant(old_check()))]
    //~[msrv, stable, nightly]^ ERROR: use of deprecated function `old_check`
    a: u8,
}

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
#[repr(u8)]
enum Enum {
    A {
        #[zerocast(invariant(old_check()))]
        //~[msrv, stable, nightly]^ ERROR: use of deprecated function `old_check`
        a: u8,
    },
}

#[derive(zerocopy_derive::most_traits)]
#[zerocast(crate = "zerocast")]
#[repr(C)]
union Union {
    #[zerocast(invariant(old_check()))]
    //~[msrv, stable, nightly]^ ERROR: use of deprecated function `old_check`
    a: u8,
}

fn main() {}
