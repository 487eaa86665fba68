// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[zerocast(..)]` on an enum variant is an error, whatever the key (`dst` belongs on a
//! struct's last field, `crate` on the enum), and on a fieldless tuple or struct variant too.
#![forbid(unsafe_code)]

#[derive(zerocast::TryFromBytes)]
#[repr(u8)]
enum E {
    A,
    #[zerocast(dst)]
    B(),
    #[zerocast(crate = "zerocast")]
    C {},
}

fn main() {}
