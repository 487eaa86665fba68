// SPDX-License-Identifier: MIT OR Apache-2.0
//! Walking variable-length records over untrusted bytes: every record read lies inside the
//! input where the walk expects it, the records and their padding tile the bytes consumed, the
//! walk ends with at most one typed error at the next record's offset, and the shared and
//! mutable walks agree. No panic, no undefined behaviour (AddressSanitizer), at any alignment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zerocast::record::{record_from_bytes, RecordError, Records, RecordsMut};
use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record, TryFromBytes};

/// A netlink attribute: `nla_len` counts the header; attributes aligned to 4.
#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = nla_len, includes_header, align = 4)]
struct NlAttr {
    nla_len: u16,
    nla_type: u16,
    data: [u8],
}

/// An ELF note: name and descriptor each padded to 4.
#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = note_len(self.namesz, self.descsz))]
struct Note {
    namesz: u32,
    descsz: u32,
    kind: u32,
    data: [u8],
}

fn note_len(name: u32, desc: u32) -> Option<usize> {
    let pad = |n: u32| usize::try_from(n).ok()?.checked_next_multiple_of(4);
    pad(name)?.checked_add(pad(desc)?)
}

/// Checked trailing elements counted in elements, with a bias: byte 0 counts itself too.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = n, unit = elements, bias = 1)]
struct Flags {
    n: u8,
    flags: [bool],
}

/// Walks `bytes`; returns each record's `(offset, size)` and the error.
fn walk<R>(bytes: &[u8], stride: usize) -> (Vec<(usize, usize)>, Option<RecordError>)
where
    R: Record + TryFromBytes + Immutable + ?Sized,
{
    let base = bytes.as_ptr() as usize;
    let mut it = Records::<R>::new(bytes);
    let (mut at, mut out, mut err) = (0, Vec::new(), None);
    for item in it.by_ref() {
        match item {
            Ok(r) => {
                let size = size_of_val(r);
                assert_eq!((r as *const R).cast::<u8>() as usize - base, at);
                assert!(at + size <= bytes.len());
                out.push((at, size));
                at = (at + size).next_multiple_of(stride.max(1)).min(bytes.len());
            }
            Err(e) => {
                assert_eq!(e.record_offset(), at);
                let _ = e.to_string();
                err = Some(e);
            }
        }
    }
    assert!(it.next().is_none());
    if err.is_none() {
        assert_eq!(at, bytes.len());
    }
    (out, err)
}

fuzz_target!(|data: &[u8]| {
    for start in 0..data.len().min(4) {
        let bytes = &data[start..];
        let attrs = walk::<NlAttr>(bytes, 4);
        walk::<Note>(bytes, 4);
        let flags = walk::<Flags>(bytes, 1);
        assert_eq!(
            record_from_bytes::<NlAttr>(bytes).is_ok(),
            attrs.0.len() == 1 && attrs.1.is_none()
        );
        // The mutable walk over a copy (at alignment 1 past the copy's start) agrees.
        let mut copy = bytes.to_vec();
        let base = copy.as_ptr() as usize;
        let mut seen = Vec::new();
        let mut err = None;
        for item in RecordsMut::<Flags>::new(&mut copy) {
            match item {
                Ok(r) => {
                    seen.push((
                        (r as *mut Flags).cast::<u8>() as usize - base,
                        size_of_val(r),
                    ));
                    r.flags.iter_mut().for_each(|f| *f = !*f);
                }
                Err(e) => err = Some(e),
            }
        }
        assert_eq!(seen, flags.0);
        assert_eq!(err.map(|e| e.kind()), flags.1.map(|e| e.kind()));
    }
});
