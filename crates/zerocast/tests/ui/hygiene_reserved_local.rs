// SPDX-License-Identifier: MIT OR Apache-2.0
//! Generated code names its local variables `__zc_*`, a prefix the docs reserve. A user
//! constant with such a name turns the generated binding into a pattern: that must be a
//! compile error, never a program that compiles and checks something else.
#![allow(non_upper_case_globals)]
use zerocast::TryFromBytes;

const __zc_candidate: () = ();

#[derive(TryFromBytes)]
#[repr(C)]
struct S {
    flag: bool,
}

fn main() {}
