// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[r#repr(align(4))]` unread: a `repr(u8)` enum of size 4 (3 padding bytes) gets
//! `IntoBytes`. Must not compile.
use zerocast::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
#[repr(u8)]
#[r#repr(align(4))]
enum E {
    A = 1,
    B = 2,
}

fn main() {
    let _padding_read: &[u8] = E::A.as_bytes();
    let _ = E::B;
}
