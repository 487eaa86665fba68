// SPDX-License-Identifier: MIT OR Apache-2.0
//! The types the exported functions convert to: one of each shape the families need.

use zerocast::{
    FromBytes, Immutable, IntoBytes, KnownLayout, Record, SplitAt, TryFromBytes, Unaligned,
};

/// A plain header: every bit pattern valid, aligned to 4.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(C)]
pub struct Header {
    pub magic: u32,
    pub len: u16,
    pub kind: u16,
}

/// A slice-tailed packet: a header and 4-byte words.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, SplitAt)]
#[repr(C)]
pub struct Packet {
    pub len: u16,
    pub flags: u16,
    pub words: [u32],
}

/// A fieldless enum with a gap in its discriminants.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(u8)]
pub enum Kind {
    A = 0,
    B = 1,
    C = 7,
}

/// A struct whose validity is byte-wise (a `bool` and an enum): slices of it take the
/// block-wise check and its re-check.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(C)]
pub struct Flags {
    pub on: bool,
    pub kind: Kind,
    pub id: u16,
}

/// A struct with a `bool`, a `char` and an enum: no byte rule, checked field by field.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(C)]
pub struct Mixed {
    pub on: bool,
    pub kind: Kind,
    pub id: u16,
    pub c: char,
}

/// An enum with fields: a tag, then the fields of its variant.
#[derive(TryFromBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(C, u8)]
pub enum Command {
    Nop,
    Set(u8, bool),
    Move { kind: Kind, to: u16 },
}

/// A slice-tailed struct whose elements need validation.
#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(C)]
pub struct Table {
    pub count: u16,
    pub kinds: [Kind],
}

/// A TLV option: tag, length of the value in bytes, value.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Record)]
#[repr(C)]
#[zerocast(len = len)]
pub struct Tlv {
    pub tag: u8,
    pub len: u8,
    pub value: [u8],
}

/// A netlink attribute: the length counts the header too; attributes align to 4.
#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = nla_len, includes_header, align = 4)]
pub struct NlAttr {
    pub nla_len: u16,
    pub nla_type: u16,
    pub data: [u8],
}

/// A record counted in elements that need validation, aligned to 8.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = count, unit = elements, align = 8)]
pub struct Words {
    pub count: u32,
    pub tag: u32,
    pub flags: [Flags],
}
