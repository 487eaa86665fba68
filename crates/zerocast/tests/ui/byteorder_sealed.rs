// SPDX-License-Identifier: MIT OR Apache-2.0
// `ByteOrder` is sealed: a type of one's own, even with every other supertrait, cannot be a byte
// order (only `BigEndian` and `LittleEndian` are).
use zerocast::byteorder::{ByteOrder, Order};

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Middle {}

impl core::fmt::Display for Middle {
    fn fmt(&self, _: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match *self {}
    }
}

impl ByteOrder for Middle {
    const ORDER: Order = Order::BigEndian;
}

fn main() {}
