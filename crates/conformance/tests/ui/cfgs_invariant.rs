// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/ui/cfgs/invariant.rs (https://github.com/google/zerocopy), (c)
// The Fuchsia Authors, by tools/port-zerocopy-derive-tests.py: the crate renamed to zerocast, nothing else changed. Do not edit.
// Copyright 2026 The Fuchsia Authors
//
// Licensed under a BSD-style license <LICENSE-BSD>, Apache License, Version 2.0
// <LICENSE-APACHE or https://www.apache.org/licenses/LICENSE-2.0>, or the MIT
// license <LICENSE-MIT or https://opensource.org/licenses/MIT>, at your option.
// This file may not be copied, modified, or distributed except according to
// those terms.

extern crate zerocast;

use zerocast::{FromBytes, TryFromBytes};

#[derive(TryFromBytes)]
//~^ ERROR: `invariant` is experimental; pass '--cfg zerocopy_unstable_ptr' to enable
#[zerocast(crate = "zerocast")]
struct Struct {
    #[zerocast(invariant(true))]
    a: u8,
}

#[derive(TryFromBytes)]
//~^ ERROR: `invariant` is experimental; pass '--cfg zerocopy_unstable_ptr' to enable
#[zerocast(crate = "zerocast")]
#[repr(u8)]
enum Enum {
    A {
        #[zerocast(invariant(true))]
        a: u8,
    },
}

// Skipping an unsupported derive must still require the experimental cfgs.
#[derive(FromBytes)]
//~^ ERROR: `on_error` is experimental; pass '--cfg zerocopy_unstable_linux' to enable
//~^^ ERROR: `invariant` is experimental; pass '--cfg zerocopy_unstable_ptr' to enable
#[zerocast(crate = "zerocast", on_error = "skip")]
struct Skipped {
    #[zerocast(invariant(true))]
    a: u8,
}

#[derive(TryFromBytes)]
//~^ ERROR: `invariant` is experimental; pass '--cfg zerocopy_unstable_ptr' to enable
#[zerocast(crate = "zerocast")]
union Union {
    #[zerocast(invariant(true))]
    a: u8,
}

#[derive(TryFromBytes)]
//~^ ERROR: `on_error` is experimental; pass '--cfg zerocopy_unstable_linux' to enable
//~^^ ERROR: `invariant` is experimental; pass '--cfg zerocopy_unstable_ptr' to enable
#[zerocast(crate = "zerocast", on_error = "skip")]
enum SkippedEnum {
    A {
        #[zerocast(invariant(true))]
        a: u8,
    },
}

fn main() {}
