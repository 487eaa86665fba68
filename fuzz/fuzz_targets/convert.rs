// SPDX-License-Identifier: MIT OR Apache-2.0
//! Every conversion of untrusted bytes either succeeds with a value consistent with the bytes
//! or returns a typed error: no panic, no undefined behaviour (the fuzzer runs with
//! AddressSanitizer), whatever the input, length or alignment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zerocast::{
    ConvertError, FromBytes, Immutable, IntoBytes, KnownLayout, SplitAt, TryFromBytes, Unaligned,
};

#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, Clone, Copy)]
#[repr(u8)]
enum Kind {
    A = 0,
    B = 7,
    C = 200,
}

#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug)]
#[repr(C)]
struct Record {
    len: u32,
    kind: Kind,
    flag: bool,
    code: [u8; 2],
    ch: char,
}

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug)]
#[repr(C)]
struct Plain {
    a: u64,
    b: u16,
    c: [u8; 6],
}

/// A slice-tailed record: a header, then flags, split at the count its header gives.
#[derive(TryFromBytes, KnownLayout, Immutable, SplitAt, Debug)]
#[repr(C)]
struct Flags {
    count: u16,
    kind: Kind,
    flags: [bool],
}

use zerocast::{SizeNeeded, TryCastError};

/// Checks the facts a failed prefix view of a `Record` reports against the input.
fn check_record_error(e: &TryCastError<&[u8], Record>, bytes: &[u8]) {
    match e {
        ConvertError::Alignment(a) => {
            assert_eq!(a.align(), align_of::<Record>());
            assert_eq!(a.addr(), bytes.as_ptr() as usize);
            assert_ne!(a.misalignment(), 0);
        }
        ConvertError::Size(s) => {
            assert_eq!(s.found(), bytes.len());
            assert_eq!(s.needed(), SizeNeeded::AtLeast(size_of::<Record>()));
            assert!(bytes.len() < size_of::<Record>());
        }
        ConvertError::Validity(v) => {
            let i = v.invalid();
            assert!(i.offset() < size_of::<Record>());
            assert!(i.field().is_some(), "the failing field is named");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // The input at every starting offset 0..8, so every misalignment is tried.
    for start in 0..data.len().min(8) {
        let bytes = &data[start..];

        match Record::try_ref_from_prefix(bytes) {
            Ok((r, rest)) => {
                assert_eq!(rest.len(), bytes.len() - size_of::<Record>());
                assert_eq!(r.as_bytes(), &bytes[..size_of::<Record>()]);
                assert!(matches!(r.kind as u8, 0 | 7 | 200));
            }
            Err(e) => {
                check_record_error(&e, bytes);
                assert!(!e.to_string().is_empty());
            }
        }
        match Record::try_read_from_suffix(bytes) {
            Ok((rest, r)) => {
                assert_eq!(rest.len() + size_of::<Record>(), bytes.len());
                assert!(char::from_u32(r.ch as u32).is_some());
            }
            Err(e) => {
                if let ConvertError::Validity(v) = &e {
                    assert!(v.invalid().offset() < bytes.len());
                }
                let _ = e.to_string();
            }
        }
        let _ = <[Kind]>::try_ref_from_bytes(bytes).map(|k| k.len() == bytes.len());
        let _ = <[bool]>::try_ref_from_prefix(bytes).map_err(|e| e.to_string());
        let _ = <str>::try_ref_from_bytes(bytes).map(|s| assert_eq!(s.as_bytes(), bytes));
        let _ = <[char]>::try_ref_from_suffix(bytes).map_err(|e| e.to_string());
        match <[Plain]>::ref_from_prefix(bytes) {
            Ok((p, rest)) => assert_eq!(p.len() * size_of::<Plain>() + rest.len(), bytes.len()),
            Err(e) => assert!(matches!(
                e,
                ConvertError::Alignment(_) | ConvertError::Size(_)
            )),
        }
        let n = usize::from(bytes.first().copied().unwrap_or(0));
        let _ = <[u32]>::ref_from_prefix_with_elems(bytes, n).map_err(|e| e.to_string());
        let _ =
            <[u16]>::ref_from_suffix_with_elems(bytes, usize::MAX - n).map_err(|e| e.to_string());
        let _ = Plain::read_from_bytes(bytes).map_err(|e| e.to_string());

        match Flags::try_ref_from_prefix(bytes) {
            Ok((f, rest)) => {
                // Alignment 2: 3 header bytes, the flags, padded to an even size.
                let size = (3 + f.flags.len()).next_multiple_of(2);
                assert_eq!(size_of_val(f), size);
                assert_eq!(size + rest.len(), bytes.len());
                match f.split_at(usize::from(f.count)) {
                    Some(split) => {
                        let (head, tail) = split.via_immutable();
                        assert_eq!(head.flags.len() + tail.len(), f.flags.len());
                    }
                    None => assert!(usize::from(f.count) > f.flags.len()),
                }
            }
            Err(ConvertError::Validity(v)) => assert!(v.invalid().offset() < bytes.len()),
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }

    // Mutable views: whatever is written back keeps the buffer valid.
    let mut buf = data.to_vec();
    if let Ok((r, _)) = Record::try_mut_from_prefix(&mut buf) {
        r.flag = !r.flag;
        r.kind = Kind::C;
    }
});
