// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/issue_2835.rs (https://github.com/google/zerocopy), (c)
// The Fuchsia Authors, by tools/port-zerocopy-derive-tests.py: the crate renamed to zerocast, nothing else changed. Do not edit.
// Copyright 2025 The Fuchsia Authors
//
// Licensed under a BSD-style license <LICENSE-BSD>, Apache License, Version 2.0
// <LICENSE-APACHE or https://www.apache.org/licenses/LICENSE-2.0>, or the MIT
// license <LICENSE-MIT or https://opensource.org/licenses/MIT>, at your option.
// This file may not be copied, modified, or distributed except according to
// those terms.

use zerocast::{IntoBytes, Unalign};

#[allow(unused)]
#[derive(IntoBytes)]
#[zerocast(crate = "zerocast")]
#[repr(C)]
struct Struct {
    leading: Unalign<u32>,
    trailing: [u8],
}

#[test]
fn test_issue_2835() {
    // Compilation is enough to verify the fix
}
