// SPDX-License-Identifier: MIT OR Apache-2.0
//! Try-conversions (`TryFromBytes`): views and reads of types with invalid bit patterns (a
//! struct with a `bool`, a `char` and an enum; an enum; an enum with fields), slices of them
//! (the block-wise check and its element-by-element re-check), and `try_transmute!`.

use zerocast::{try_transmute, try_transmute_ref, TryFromBytes};

use crate::types::{Command, Flags, Kind, Mixed, Table};
use crate::{code, export, Fact};

fn mixed(m: &Mixed) -> u64 {
    u64::from(m.on) ^ (m.kind as u64) << 8 ^ u64::from(m.id) << 16 ^ u64::from(m.c) << 32
}

fn flags(f: &[Flags]) -> u64 {
    let last = f.last().map_or(0, |f| u64::from(f.id) ^ f.kind as u64);
    f.len() as u64 ^ last << 32
}

fn command(c: &Command) -> u64 {
    match *c {
        Command::Nop => 0,
        Command::Set(v, on) => u64::from(v) ^ u64::from(on) << 8,
        Command::Move { kind, to } => kind as u64 ^ u64::from(to) << 8,
    }
}

export! {
    /// `Mixed::try_ref_from_bytes`: a struct with a `bool`, an enum and a `char`.
    fn zc_try_ref_from_bytes(b: &[u8]) -> u64 {
        Mixed::try_ref_from_bytes(b).map_or_else(|e| code(&e), mixed)
    }
}

export! {
    /// `Mixed::try_ref_from_prefix`.
    fn zc_try_ref_from_prefix(b: &[u8]) -> u64 {
        Mixed::try_ref_from_prefix(b).map_or_else(|e| code(&e), |(m, r)| mixed(m) ^ r.len() as u64)
    }
}

export! {
    /// `Mixed::try_ref_from_suffix`.
    fn zc_try_ref_from_suffix(b: &[u8]) -> u64 {
        Mixed::try_ref_from_suffix(b).map_or_else(|e| code(&e), |(r, m)| mixed(m) ^ r.len() as u64)
    }
}

export! {
    /// `Mixed::try_mut_from_bytes`, then a write through the view.
    fn zc_try_mut_from_bytes(b: &mut [u8]) -> u64 {
        match Mixed::try_mut_from_bytes(b) {
            Ok(m) => {
                m.on = !m.on;
                mixed(m)
            }
            Err(e) => code(&e),
        }
    }
}

export! {
    /// `Mixed::try_mut_from_prefix` and `Mixed::try_mut_from_suffix`.
    fn zc_try_mut_from_prefix_suffix(b: &mut [u8]) -> u64 {
        let p = Mixed::try_mut_from_prefix(&mut *b).map_or_else(|e| code(&e), |(m, _)| mixed(m));
        let s = Mixed::try_mut_from_suffix(b).map_or_else(|e| code(&e), |(_, m)| mixed(m));
        p ^ s
    }
}

export! {
    /// `Kind::try_ref_from_bytes` and `Command::try_ref_from_bytes`: fieldless and data enums.
    fn zc_try_ref_enum(b: &[u8]) -> u64 {
        let k = Kind::try_ref_from_prefix(b).map_or_else(|e| code(&e), |(k, _)| *k as u64);
        let c = Command::try_ref_from_bytes(b).map_or_else(|e| code(&e), command);
        k ^ c
    }
}

export! {
    /// `<[Flags]>::try_ref_from_bytes`: the block-wise check, and the re-check of a failing
    /// block element by element.
    fn zc_try_ref_slice_blockwise(b: &[u8]) -> u64 {
        <[Flags]>::try_ref_from_bytes(b).map_or_else(|e| code(&e), flags)
    }
}

export! {
    /// `<[Flags]>::try_ref_from_prefix_with_elems` and `try_ref_from_suffix_with_elems`.
    fn zc_try_ref_slice_with_elems(b: &[u8], count: usize) -> u64 {
        let p = <[Flags]>::try_ref_from_prefix_with_elems(b, count)
            .map_or_else(|e| code(&e), |(f, _)| flags(f));
        let s = <[Flags]>::try_ref_from_suffix_with_elems(b, count)
            .map_or_else(|e| code(&e), |(_, f)| flags(f));
        p ^ s
    }
}

export! {
    /// `<[Flags]>::try_mut_from_bytes` and `try_mut_from_bytes_with_elems`.
    fn zc_try_mut_slice(b: &mut [u8], count: usize) -> u64 {
        let all = <[Flags]>::try_mut_from_bytes(&mut *b).map_or_else(|e| code(&e), |f| flags(f));
        let some = <[Flags]>::try_mut_from_prefix_with_elems(b, count)
            .map_or_else(|e| code(&e), |(f, _)| flags(f));
        all ^ some
    }
}

export! {
    /// `<[char]>::try_ref_from_bytes` and `<[Mixed]>::try_ref_from_bytes`: element by element.
    fn zc_try_ref_slice_each(b: &[u8]) -> u64 {
        let c = <[char]>::try_ref_from_bytes(b).map_or_else(|e| code(&e), |c| c.len() as u64);
        let m = <[Mixed]>::try_ref_from_bytes(b).map_or_else(|e| code(&e), |m| m.len() as u64);
        c ^ m
    }
}

export! {
    /// `Table::try_ref_from_bytes_with_elems`: a slice-tailed struct with invalid elements.
    fn zc_try_ref_dst(b: &[u8], count: usize) -> u64 {
        Table::try_ref_from_bytes_with_elems(b, count)
            .map_or_else(|e| code(&e), |t| u64::from(t.count) ^ (t.kinds.len() as u64) << 16)
    }
}

export! {
    /// `Mixed::try_read_from_bytes`, `try_read_from_prefix`, `try_read_from_suffix`.
    fn zc_try_read_from_bytes(b: &[u8]) -> u64 {
        let w = Mixed::try_read_from_bytes(b).map_or_else(|e| code(&e), |m| mixed(&m));
        let p = Mixed::try_read_from_prefix(b).map_or_else(|e| code(&e), |(m, _)| mixed(&m));
        let s = Mixed::try_read_from_suffix(b).map_or_else(|e| code(&e), |(_, m)| mixed(&m));
        w ^ p ^ s
    }
}

/// `try_transmute!` from C integers to a `Flags` and a `char`, and `try_transmute_ref!`.
#[no_mangle]
pub extern "C" fn zc_try_transmute(bits: u32, c: u32) -> u64 {
    let f: Result<Flags, _> = try_transmute!(bits);
    let f = f.map_or_else(|e| e.fact(), |f| flags(&[f]));
    let ch: Result<char, _> = try_transmute!(c);
    let ch = ch.map_or_else(|e| e.fact(), u64::from);
    let bytes = bits.to_ne_bytes();
    let b: Result<&[bool; 4], _> = try_transmute_ref!(&bytes);
    let b = b.map_or_else(|e| e.fact(), |b| u64::from(b[3]));
    f ^ ch << 8 ^ b << 40
}
