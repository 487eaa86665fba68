// SPDX-License-Identifier: MIT OR Apache-2.0
//! Records: `record_from_prefix`, `record_from_bytes` (and their `_mut` twins), and the
//! `Records`/`RecordsMut` walks, over records counted in bytes, in bytes with the header, and
//! in validated elements.

use zerocast::record::{
    record_from_bytes, record_from_bytes_mut, record_from_prefix, record_from_prefix_mut,
    RecordError, Records, RecordsMut,
};

use crate::export;
use crate::types::{NlAttr, Tlv, Words};

/// A code for a record error: where it is and what failed (`Display` is left out: formatting
/// is the caller's business, in the kernel `pr_err!`).
fn error(e: &RecordError) -> u64 {
    1 << 63 | (e.record_offset() as u64) << 24 ^ e.offset() as u64 ^ e.type_name().len() as u64
}

export! {
    /// `record_from_prefix` of a TLV option, a netlink attribute and a record of validated
    /// elements.
    fn zc_record_from_prefix(b: &[u8]) -> u64 {
        let t = record_from_prefix::<Tlv>(b)
            .map_or_else(|e| error(&e), |(t, rest)| u64::from(t.tag) ^ rest.len() as u64);
        let n = record_from_prefix::<NlAttr>(b)
            .map_or_else(|e| error(&e), |(a, rest)| u64::from(a.nla_type) ^ rest.len() as u64);
        let w = record_from_prefix::<Words>(b)
            .map_or_else(|e| error(&e), |(w, rest)| w.flags.len() as u64 ^ rest.len() as u64);
        t ^ n << 16 ^ w << 32
    }
}

export! {
    /// `record_from_bytes`: exactly one record.
    fn zc_record_from_bytes(b: &[u8]) -> u64 {
        let t = record_from_bytes::<Tlv>(b).map_or_else(|e| error(&e), |t| t.value.len() as u64);
        let n = record_from_bytes::<NlAttr>(b).map_or_else(|e| error(&e), |a| a.data.len() as u64);
        t ^ n << 16
    }
}

export! {
    /// `record_from_prefix_mut` and `record_from_bytes_mut`.
    fn zc_record_mut(b: &mut [u8]) -> u64 {
        let p = match record_from_prefix_mut::<Tlv>(&mut *b) {
            Ok((t, rest)) => {
                t.tag ^= 1;
                t.value.len() as u64 ^ rest.len() as u64
            }
            Err(e) => error(&e),
        };
        let w = record_from_bytes_mut::<Words>(b).map_or_else(|e| error(&e), |w| u64::from(w.tag));
        p ^ w << 32
    }
}

export! {
    /// The `Records` walk over TLV options, netlink attributes and records of validated
    /// elements: the number of records read, or the error of the first bad one.
    fn zc_records_walk(b: &[u8]) -> u64 {
        let mut n: u64 = 0;
        for r in Records::<Tlv>::new(b) {
            match r {
                Ok(t) => n = n.wrapping_add(u64::from(t.tag)),
                Err(e) => return error(&e),
            }
        }
        let mut attrs = Records::<NlAttr>::new(b);
        for r in attrs.by_ref() {
            match r {
                Ok(a) => n = n.wrapping_add(a.data.len() as u64),
                Err(e) => return error(&e) ^ attrs.offset() as u64 ^ attrs.remainder().len() as u64,
            }
        }
        for r in Records::<Words>::new(b) {
            match r {
                Ok(w) => n = n.wrapping_add(w.flags.len() as u64),
                Err(e) => return error(&e),
            }
        }
        n
    }
}

export! {
    /// The `RecordsMut` walk: each record's tag is rewritten.
    fn zc_records_mut_walk(b: &mut [u8]) -> u64 {
        let mut it = RecordsMut::<Words>::new(b);
        let mut n: u64 = 0;
        for r in it.by_ref() {
            match r {
                Ok(a) => {
                    a.tag = 0;
                    n = n.wrapping_add(1);
                }
                Err(e) => return error(&e),
            }
        }
        n ^ (it.offset() as u64) << 32
    }
}
