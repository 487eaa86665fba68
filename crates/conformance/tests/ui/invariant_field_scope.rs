// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/ui/invariant_field_scope.rs (https://github.com/google/zerocopy), (c)
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

#[derive(TryFromBytes)]
#[zerocast(crate = "zerocast")]
struct LaterField {
    #[zerocast(invariant(**b.unaligned_as_ref() > 0))]
    //~[msrv, stable, nightly]^ ERROR: cannot find value `b` in this scope
    a: u8,
    b: u8,
}

fn main() {}
