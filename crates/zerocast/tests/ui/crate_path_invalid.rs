// SPDX-License-Identifier: MIT OR Apache-2.0
// `crate = ".."` takes a module path; `Self`, a `::` before `crate`/`self`/`super`, and `self`,
// `crate` or a `super` after an ordinary segment are refused (zerocopy refuses the same).
use zerocast::{FromBytes, Immutable};

#[derive(FromBytes, Immutable)]
#[zerocast(crate = "Self")]
#[repr(C)]
struct A(u8);

#[derive(FromBytes, Immutable)]
#[zerocast(crate = "::crate::zerocast")]
#[repr(C)]
struct B(u8);

#[derive(FromBytes, Immutable)]
#[zerocast(crate = "zerocast::super")]
#[repr(C)]
struct C(u8);

#[derive(FromBytes, Immutable)]
#[zerocast(crate = "zerocast<u8>")]
#[repr(C)]
struct D(u8);

#[derive(FromBytes, Immutable)]
#[zerocast(crate = "self::zerocast::self")]
#[repr(C)]
struct E(u8);

fn main() {}
