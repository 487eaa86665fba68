// SPDX-License-Identifier: MIT OR Apache-2.0
//! Property tests of the record readers, with a small deterministic PRNG: on any input (random
//! bytes, every truncation of a valid buffer, mutated length fields) the iterators yield
//! records, then at most one typed error at the right offset, never a panic; the records and
//! their padding tile exactly the bytes consumed; the shared and mutable iterators and
//! `record_from_bytes` agree.
//!
//! The expected positions come from the formats' rules, recomputed here.

use core::mem::size_of_val;

use zerocast::record::{record_from_bytes, RecordError, RecordErrorKind, Records, RecordsMut};
use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record, TryFromBytes};

use crate::common::{addr, addr_of, Rng};
use crate::records::{
    aligned, link_message, note_payload, pcap_file, pcap_packets, put_attr, put_note, view, NlAttr,
    NlAttrBytes, Note, PcapRecord,
};

/// Iterations of each random test; fewer under Miri, which is ~1000 times slower.
const ROUNDS: usize = if cfg!(miri) { 24 } else { 1500 };

/// What a walk over a buffer found: each record's `(offset, view size)`, then the error, if
/// any.
#[derive(Debug, PartialEq)]
struct Walk {
    records: Vec<(usize, usize)>,
    error: Option<RecordError>,
}

/// Walks `bytes` with [`Records`], checking as it goes that the records and their padding
/// (up to `stride`, cut at the end) tile the consumed bytes, that an error is at the next
/// record's offset with facts that match the bytes left, and that the iterator is fused.
fn walk<R>(bytes: &[u8], stride: usize) -> Walk
where
    R: Record + TryFromBytes + Immutable + ?Sized,
{
    let mut it = Records::<R>::new(bytes);
    let mut at = 0;
    let mut records = Vec::new();
    let mut error = None;
    while let Some(item) = it.next() {
        match item {
            Ok(r) => {
                let size = size_of_val(r);
                assert_eq!(
                    addr_of(r) - addr(bytes),
                    at,
                    "each record starts where expected"
                );
                let next = (at + size).next_multiple_of(stride).min(bytes.len());
                assert!(at + size <= bytes.len());
                assert_eq!(it.offset(), next, "then its padding, cut at the end");
                records.push((at, size));
                at = next;
            }
            Err(e) => {
                assert_eq!(
                    e.record_offset(),
                    at,
                    "the error is at the record that failed"
                );
                assert_eq!(it.remainder(), &bytes[at..]);
                let left = bytes.len() - at;
                match e.kind() {
                    RecordErrorKind::TruncatedHeader { needed, available }
                    | RecordErrorKind::PastEnd { needed, available } => {
                        assert_eq!(available, left);
                        assert!(needed > available);
                    }
                    RecordErrorKind::Invalid(bits) => assert!(bits.offset() < left),
                    RecordErrorKind::LengthTooShort { declared, min } => assert!(declared < min),
                    RecordErrorKind::NotWholeElements { .. } | RecordErrorKind::Overflow => {}
                    other => panic!("unexpected error {other:?} at {at}"),
                }
                error = Some(e);
                break;
            }
        }
    }
    assert!(it.next().is_none(), "fused");
    assert!(it.next().is_none(), "fused");
    if error.is_none() {
        assert_eq!(at, bytes.len(), "the records tile the whole input");
    }
    Walk { records, error }
}

/// [`walk`] with [`RecordsMut`] on a copy: the same records and error.
fn walk_mut<R>(bytes: &[u8]) -> Walk
where
    R: Record + TryFromBytes + IntoBytes + ?Sized,
{
    let mut buf = aligned(bytes);
    let base = addr(view(&buf, 0));
    let mut records = Vec::new();
    let mut error = None;
    for item in RecordsMut::<R>::new(&mut buf.as_mut_bytes()[..bytes.len()]) {
        match item {
            Ok(r) => records.push((addr_of(r) - base, size_of_val(r))),
            Err(e) => error = Some(e),
        }
    }
    Walk { records, error }
}

/// Every check on one input, for a type that can be viewed mutably too.
fn check_all<R>(bytes: &[u8], stride: usize)
where
    R: Record + TryFromBytes + Immutable + IntoBytes + ?Sized,
{
    let buf = aligned(bytes);
    let bytes = view(&buf, bytes.len());
    let w = walk::<R>(bytes, stride);
    let m = walk_mut::<R>(bytes);
    assert_eq!(w.records, m.records);
    assert_eq!(
        w.error.map(|e| (e.record_offset(), e.kind())),
        m.error.map(|e| (e.record_offset(), e.kind()))
    );
    // `record_from_bytes` accepts exactly the inputs that are one record and its padding.
    let one = w.records.len() == 1 && w.error.is_none();
    assert_eq!(record_from_bytes::<R>(bytes).is_ok(), one, "{w:?}");
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(1);
    for _ in 0..ROUNDS {
        let len = rng.below(72);
        let mut bytes = rng.vec(len);
        // Small length fields now and then, so that records also succeed.
        if len >= 2 && rng.below(2) == 0 {
            bytes[0] = rng.below(len + 2) as u8;
            bytes[1] = 0;
        }
        check_all::<NlAttrBytes>(&bytes, 4);
        check_all::<Tlv>(&bytes, 1);
        let buf = aligned(&bytes);
        walk::<NlAttr>(view(&buf, len), 4);
        walk::<Note>(view(&buf, len), 4);
        walk::<PcapRecord>(&bytes, 1);
        walk::<Bools>(&bytes, 1);
        // At every offset, even misaligned ones: a typed error, never a panic.
        let start = rng.below(len + 1);
        let _ = Records::<NlAttr>::new(&view(&buf, len)[start..]).count();
    }
}

/// A one-byte tag and length, then the value; no alignment.
#[derive(KnownLayout, FromBytes, IntoBytes, Immutable, Record, Debug)]
#[repr(C)]
#[zerocast(len = len)]
struct Tlv {
    tag: u8,
    len: u8,
    value: [u8],
}

/// Trailing elements that must be checked: random bytes are mostly invalid.
#[derive(KnownLayout, TryFromBytes, Immutable, Record, Debug)]
#[repr(C)]
#[zerocast(len = self.n % 4, unit = elements)]
struct Bools {
    n: u8,
    flags: [bool],
}

/// `(start, view size)` of each record of `link_message`, from `nla_len` and the 4-byte
/// alignment rule: 10 at 0, 8 at 12, 28 at 20.
const LINK_RECORDS: [(usize, usize); 3] = [(0, 10), (12, 8), (20, 28)];

/// Checks the walk of a truncated buffer against the records known to be in it: those that
/// end before the cut are read; then the input ends (at a record boundary or in padding), or
/// the next record fails there with the bytes it has.
fn check_truncations<R: Record + TryFromBytes + Immutable + ?Sized>(
    full: &[u8],
    known: &[(usize, usize)],
    stride: usize,
    header: usize,
) {
    let buf = aligned(full);
    for cut in 0..=full.len() {
        let w = walk::<R>(view(&buf, cut), stride);
        let whole: Vec<(usize, usize)> = known
            .iter()
            .copied()
            .filter(|&(s, n)| s + n <= cut)
            .collect();
        assert_eq!(w.records, whole, "cut at {cut}");
        let next = known.iter().find(|&&(s, n)| s < cut && s + n > cut);
        match (next, w.error) {
            (None, None) => {}
            (Some(&(s, n)), Some(e)) => {
                assert_eq!(e.record_offset(), s, "cut at {cut}");
                let left = cut - s;
                let expected = if left < header {
                    RecordErrorKind::TruncatedHeader {
                        needed: header,
                        available: left,
                    }
                } else {
                    RecordErrorKind::PastEnd {
                        needed: n,
                        available: left,
                    }
                };
                assert_eq!(e.kind(), expected, "cut at {cut}");
            }
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
}

#[test]
fn truncations_of_valid_buffers() {
    check_truncations::<NlAttr>(&link_message(), &LINK_RECORDS, 4, 4);

    let file = pcap_file(&pcap_packets());
    // 16 + 60 at 0, 16 + 64 at 76, 16 at 156, counted from the end of the file header.
    let pcap = [(0, 76), (76, 80), (156, 16)];
    check_truncations::<PcapRecord>(&file[24..], &pcap, 1, 16);

    let mut notes = Vec::new();
    put_note(&mut notes, b"GNU", 3, &[7; 20]);
    put_note(&mut notes, b"Go", 4, b"xyz");
    put_note(&mut notes, b"", 5, b"");
    // 12 + 4 + 20 at 0; 12 + 4 + 4 at 36; an empty name is 1 byte (the NUL), so 12 + 4 at 56.
    let sizes = [(0, 36), (36, 20), (56, 16)];
    assert_eq!(notes.len(), 72);
    assert_eq!(note_payload(3, 3), Some(8));
    check_truncations::<Note>(&notes, &sizes, 4, 12);
}

#[test]
fn mutated_length_fields() {
    let msg = link_message();
    let mut rng = Rng(2);
    let edge = [0u16, 1, 3, 4, 5, 7, 8, 9, 27, 28, 29, 47, 48, u16::MAX];
    for round in 0..ROUNDS.max(edge.len() * 3) {
        let i = round % 3;
        let (start, _) = LINK_RECORDS[i];
        let new_len = match edge.get(round / 3) {
            Some(&e) => e,
            None => rng.next() as u16 % 64,
        };
        let mut m = msg.clone();
        m[start..start + 2].copy_from_slice(&new_len.to_ne_bytes());
        check_all::<NlAttrBytes>(&m, 4);
        let buf = aligned(&m);
        let w = walk::<NlAttr>(view(&buf, m.len()), 4);
        // The records before the mutated one are untouched.
        assert_eq!(
            w.records[..i],
            LINK_RECORDS[..i],
            "nla_len {new_len} at {start}"
        );
        let declared = usize::from(new_len);
        let view_size = declared.next_multiple_of(2);
        let left = m.len() - start;
        if declared < 4 {
            let e = w.error.unwrap();
            assert_eq!(e.record_offset(), start);
            assert_eq!(
                e.kind(),
                RecordErrorKind::LengthTooShort { declared, min: 4 }
            );
        } else if view_size > left {
            let e = w.error.unwrap();
            assert_eq!(e.record_offset(), start);
            assert_eq!(
                e.kind(),
                RecordErrorKind::PastEnd {
                    needed: view_size,
                    available: left
                }
            );
        } else {
            assert_eq!(w.records[i], (start, view_size), "nla_len {new_len}");
        }
    }

    // Random bytes after a valid first attribute: the first is always read the same.
    for _ in 0..ROUNDS {
        let mut m = Vec::new();
        put_attr(&mut m, 1, b"abc");
        let tail = rng.below(40);
        m.extend(rng.vec(tail));
        let buf = aligned(&m);
        let w = walk::<NlAttr>(view(&buf, m.len()), 4);
        assert_eq!(w.records.first(), Some(&(0, 8)));
    }
}
