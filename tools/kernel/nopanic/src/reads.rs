// SPDX-License-Identifier: MIT OR Apache-2.0
//! Reads (`FromBytes`): `read_from_*`, copies from unaligned bytes.

use zerocast::FromBytes;

use crate::types::Header;
use crate::{export, Fact};

fn header(h: Header) -> u64 {
    u64::from(h.magic) ^ u64::from(h.len) << 32 ^ u64::from(h.kind) << 48
}

export! {
    /// `Header::read_from_bytes`.
    fn zc_read_from_bytes(b: &[u8]) -> u64 {
        Header::read_from_bytes(b).map_or_else(|e| e.fact(), header)
    }
}

export! {
    /// `Header::read_from_prefix`.
    fn zc_read_from_prefix(b: &[u8]) -> u64 {
        Header::read_from_prefix(b).map_or_else(|e| e.fact(), |(h, rest)| header(h) ^ rest.len() as u64)
    }
}

export! {
    /// `Header::read_from_suffix`.
    fn zc_read_from_suffix(b: &[u8]) -> u64 {
        Header::read_from_suffix(b).map_or_else(|e| e.fact(), |(rest, h)| header(h) ^ rest.len() as u64)
    }
}
