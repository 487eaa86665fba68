// SPDX-License-Identifier: MIT OR Apache-2.0
//! A user's impl of `EnumDiscriminant` for their own data enum, under the key the derive uses,
//! would change the discriminant the validator accepts. Must not compile: it conflicts with the
//! derived impl.
use zerocast::data_enum::{ByTryFromBytes, EnumDiscriminant};
use zerocast::TryFromBytes;

#[derive(TryFromBytes)]
#[repr(u8)]
enum Msg {
    Ping(u8) = 1,
    Data(bool) = 2,
}

impl EnumDiscriminant<ByTryFromBytes, u8, 1> for Msg {
    const VALUE: u8 = 7;
}

fn main() {
    let _ = Msg::try_read_from_bytes(&[7u8, 9][..]);
}
