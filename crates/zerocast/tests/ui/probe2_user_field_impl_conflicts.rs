// SPDX-License-Identifier: MIT OR Apache-2.0
//! A user's impl of `EnumField` for their own data enum, under the key the derive uses, would
//! make the mirror (and the padding check) see a `[u8; 1]` where the enum holds a `u32`. Must
//! not compile: it conflicts with the derived impl.
use zerocast::data_enum::{ByIntoBytes, EnumField};
use zerocast::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
#[repr(u8)]
enum Msg {
    Data(u8, u32),
}

impl EnumField<ByIntoBytes, 0, 1> for Msg {
    type Type = [u8; 1];
}

fn main() {}
