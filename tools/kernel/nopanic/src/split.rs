// SPDX-License-Identifier: MIT OR Apache-2.0
//! `SplitAt` (`split_at`, `split_at_mut` and their `via_*` checks) and `Unalign`.

use zerocast::{FromBytes, SplitAt, Unalign};

use crate::export;
use crate::types::Packet;

export! {
    /// `Packet::split_at` at an index from C, checked at run time and by `IntoBytes`.
    fn zc_split_at(b: &[u8], at: usize) -> u64 {
        let Ok(p) = Packet::ref_from_bytes(b) else {
            return 1 << 63;
        };
        let checked = p
            .split_at(at)
            .map_or(1, |s| s.via_runtime_check().map_or(2, |(l, r)| (l.words.len() ^ r.len()) as u64));
        let padded = p.split_at(at).map_or(4, |s| {
            let (l, r) = s.via_into_bytes();
            (l.words.len() as u64) << 8 ^ r.len() as u64
        });
        checked ^ padded << 16
    }
}

export! {
    /// `Packet::split_at_mut` at an index from C.
    fn zc_split_at_mut(b: &mut [u8], at: usize) -> u64 {
        let Ok(p) = Packet::mut_from_bytes(b) else {
            return 1 << 63;
        };
        match p.split_at_mut(at) {
            Some(s) => {
                let (l, r) = s.via_into_bytes();
                l.flags = 1;
                r.len() as u64
            }
            None => 1 << 62,
        }
    }
}

export! {
    /// `Unalign<u64>` from unaligned bytes: `get`, `set`, `update`, `try_deref`.
    fn zc_unalign(b: &mut [u8], v: u64) -> u64 {
        let Ok((u, _)) = Unalign::<u64>::mut_from_prefix(b) else {
            return 1 << 63;
        };
        let old = u.get();
        u.set(v);
        u.update(|x| *x ^= old);
        let deref = u.try_deref().map_or_else(|e| e.misalignment() as u64, |x| *x);
        old ^ deref
    }
}
