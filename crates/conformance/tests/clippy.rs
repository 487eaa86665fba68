// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// Ported from zerocopy-derive 0.8.66's tests/clippy.rs (https://github.com/google/zerocopy), (c)
// The Fuchsia Authors, by tools/port-zerocopy-derive-tests.py: the crate renamed to zerocast, nothing else changed. Do not edit.
// Copyright 2026 The Fuchsia Authors
//
// Licensed under a BSD-style license <LICENSE-BSD>, Apache License, Version 2.0
// <LICENSE-APACHE or https://www.apache.org/licenses/LICENSE-2.0>, or the MIT
// license <LICENSE-MIT or https://opensource.org/licenses/MIT>, at your option.
// This file may not be copied, modified, or distributed except according to
// those terms.

#![deny(clippy::derive_partial_eq_without_eq)]

// Regression test for https://github.com/google/zerocast/issues/3721. The
// `TryFromBytes` derive must not emit code that triggers
// `clippy::derive_partial_eq_without_eq` in downstream crates.
use zerocast::{Immutable, TryFromBytes};

#[derive(TryFromBytes, Immutable)]
#[zerocast(crate = "zerocast")]
#[repr(u8)]
enum Kind {
    A = 1,
}

#[test]
fn generated_try_from_bytes_code_is_clippy_clean() {
    let _ = Kind::A;
}
