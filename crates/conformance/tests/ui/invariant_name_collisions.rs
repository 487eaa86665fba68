// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/ui/invariant_name_collisions.rs (https://github.com/google/zerocopy), (c)
// The Fuchsia Authors, by tools/port-zerocopy-derive-tests.py: the crate renamed to zerocast, nothing else changed. Do not edit.
// Copyright 2026 The Fuchsia Authors
//
// Licensed under a BSD-style license <LICENSE-BSD>, Apache License, Version 2.0
// <LICENSE-APACHE or https://www.apache.org/licenses/LICENSE-2.0>, or the MIT
// license <LICENSE-MIT or https://opensource.org/licenses/MIT>, at your option.
// This file may not be copied, modified, or distributed except according to
// those terms.

extern crate zerocast;

use zerocast::TryFromBytes;

const CONST: () = ();
struct Unit;

// Collisions must be rejected, not hidden by generated callable items.
#[derive(TryFromBytes)]
//~[msrv, stable, nightly]^ ERROR: let bindings cannot shadow constants
#[zerocast(crate = "zerocast")]
struct Constant {
    #[zerocast(invariant(true))]
    CONST: u8,
}

#[derive(TryFromBytes)]
//~[msrv, stable, nightly]^ ERROR: let bindings cannot shadow unit structs
#[zerocast(crate = "zerocast")]
struct Constructor {
    #[zerocast(invariant(true))]
    Unit: u8,
}

#[derive(TryFromBytes)]
//~[msrv, stable, nightly]^ ERROR: let bindings cannot shadow const parameters
#[zerocast(crate = "zerocast")]
struct ConstParam<const N: usize> {
    #[zerocast(invariant(true))]
    N: u8,
}

fn main() {}
