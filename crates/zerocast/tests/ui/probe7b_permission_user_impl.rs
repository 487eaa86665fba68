// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe: `Permission` is sealed: a type of one's own cannot state a permission (and so become
// a register cell whose reads go through `&Regs`). One error, on the impl.
use zerocast::device::Permission;
use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout};

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable)]
#[repr(transparent)]
struct Mine(u32);

impl Permission for Mine {}

fn main() {}
