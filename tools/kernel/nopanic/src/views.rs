// SPDX-License-Identifier: MIT OR Apache-2.0
//! Views (`FromBytes`): `ref_from_*`, `mut_from_*`, with and without an element count, of a
//! sized type, a slice-tailed type and a slice; `Ref`; writes back (`IntoBytes::write_to*`).

use zerocast::{FromBytes, IntoBytes, Ref};

use crate::types::{Header, Packet};
use crate::{code, export};

fn header(h: &Header) -> u64 {
    u64::from(h.magic) ^ u64::from(h.len) << 32 ^ u64::from(h.kind) << 48
}

fn packet(p: &Packet) -> u64 {
    let first = p.words.first().copied().unwrap_or(0);
    u64::from(p.len) ^ u64::from(first) << 16 ^ (p.words.len() as u64) << 48
}

export! {
    /// `Header::ref_from_bytes`.
    fn zc_ref_from_bytes(b: &[u8]) -> u64 {
        Header::ref_from_bytes(b).map_or_else(|e| code(&e), header)
    }
}

export! {
    /// `Header::ref_from_prefix`.
    fn zc_ref_from_prefix(b: &[u8]) -> u64 {
        Header::ref_from_prefix(b).map_or_else(|e| code(&e), |(h, rest)| header(h) ^ rest.len() as u64)
    }
}

export! {
    /// `Header::ref_from_suffix`.
    fn zc_ref_from_suffix(b: &[u8]) -> u64 {
        Header::ref_from_suffix(b).map_or_else(|e| code(&e), |(rest, h)| header(h) ^ rest.len() as u64)
    }
}

export! {
    /// `Header::mut_from_bytes`, then a write through the view.
    fn zc_mut_from_bytes(b: &mut [u8]) -> u64 {
        match Header::mut_from_bytes(b) {
            Ok(h) => {
                h.kind = h.len;
                header(h)
            }
            Err(e) => code(&e),
        }
    }
}

export! {
    /// `Header::mut_from_prefix`.
    fn zc_mut_from_prefix(b: &mut [u8]) -> u64 {
        Header::mut_from_prefix(b).map_or_else(|e| code(&e), |(h, rest)| header(h) ^ rest.len() as u64)
    }
}

export! {
    /// `Header::mut_from_suffix`.
    fn zc_mut_from_suffix(b: &mut [u8]) -> u64 {
        Header::mut_from_suffix(b).map_or_else(|e| code(&e), |(rest, h)| header(h) ^ rest.len() as u64)
    }
}

export! {
    /// `Packet::ref_from_bytes`: as many elements as the bytes hold.
    fn zc_dst_ref_from_bytes(b: &[u8]) -> u64 {
        Packet::ref_from_bytes(b).map_or_else(|e| code(&e), packet)
    }
}

export! {
    /// `Packet::ref_from_prefix`.
    fn zc_dst_ref_from_prefix(b: &[u8]) -> u64 {
        Packet::ref_from_prefix(b).map_or_else(|e| code(&e), |(p, rest)| packet(p) ^ rest.len() as u64)
    }
}

export! {
    /// `Packet::ref_from_bytes_with_elems`, the count from C.
    fn zc_ref_from_bytes_with_elems(b: &[u8], count: usize) -> u64 {
        Packet::ref_from_bytes_with_elems(b, count).map_or_else(|e| code(&e), packet)
    }
}

export! {
    /// `Packet::ref_from_prefix_with_elems`.
    fn zc_ref_from_prefix_with_elems(b: &[u8], count: usize) -> u64 {
        Packet::ref_from_prefix_with_elems(b, count)
            .map_or_else(|e| code(&e), |(p, rest)| packet(p) ^ rest.len() as u64)
    }
}

export! {
    /// `Packet::ref_from_suffix_with_elems`.
    fn zc_ref_from_suffix_with_elems(b: &[u8], count: usize) -> u64 {
        Packet::ref_from_suffix_with_elems(b, count)
            .map_or_else(|e| code(&e), |(rest, p)| packet(p) ^ rest.len() as u64)
    }
}

export! {
    /// `Packet::mut_from_bytes_with_elems`.
    fn zc_mut_from_bytes_with_elems(b: &mut [u8], count: usize) -> u64 {
        Packet::mut_from_bytes_with_elems(b, count).map_or_else(|e| code(&e), |p| packet(p))
    }
}

export! {
    /// `Packet::mut_from_prefix_with_elems`.
    fn zc_mut_from_prefix_with_elems(b: &mut [u8], count: usize) -> u64 {
        Packet::mut_from_prefix_with_elems(b, count)
            .map_or_else(|e| code(&e), |(p, rest)| packet(p) ^ rest.len() as u64)
    }
}

export! {
    /// `Packet::mut_from_suffix_with_elems`.
    fn zc_mut_from_suffix_with_elems(b: &mut [u8], count: usize) -> u64 {
        Packet::mut_from_suffix_with_elems(b, count)
            .map_or_else(|e| code(&e), |(rest, p)| packet(p) ^ rest.len() as u64)
    }
}

export! {
    /// `<[u32]>::ref_from_bytes`, and `<[u32]>::ref_from_prefix_with_elems`.
    fn zc_slice_ref_from_bytes(b: &[u8], count: usize) -> u64 {
        let all = <[u32]>::ref_from_bytes(b).map_or_else(|e| code(&e), |s| s.len() as u64);
        let some = <[u32]>::ref_from_prefix_with_elems(b, count)
            .map_or_else(|e| code(&e), |(s, _)| s.len() as u64);
        all ^ some
    }
}

export! {
    /// `Ref::from_prefix`, `Ref::from_suffix_with_elems`, `Ref::into_ref`, `Ref::read`.
    fn zc_ref_type(b: &[u8], count: usize) -> u64 {
        let a = Ref::<_, Header>::from_prefix(b)
            .map_or_else(|e| code(&e), |(r, _)| header(&Ref::read(&r)));
        let p = Ref::<_, Packet>::from_suffix_with_elems(b, count)
            .map_or_else(|e| code(&e), |(_, r)| packet(Ref::into_ref(r)));
        a ^ p
    }
}

export! {
    /// `IntoBytes::write_to`, `write_to_prefix`, `write_to_suffix` of a header read from `b`.
    fn zc_write_to(b: &mut [u8], magic: u32) -> u64 {
        let h = Header { magic, len: 1, kind: 2 };
        let whole = h.write_to(&mut *b).is_ok();
        let prefix = h.write_to_prefix(&mut *b).is_ok();
        let suffix = h.write_to_suffix(b).is_ok();
        u64::from(whole) | u64::from(prefix) << 1 | u64::from(suffix) << 2 ^ h.as_bytes().len() as u64
    }
}
