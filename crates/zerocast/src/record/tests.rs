// SPDX-License-Identifier: MIT OR Apache-2.0
//! Records walked over static byte arrays: one record, iterators, errors and their `Display`.

use super::*;
use crate::IntoBytes;

/// Records of two `u16`s (no fixed part to read a length from): exercises the iterator.
impl Record for [u16] {
    const LENGTH: RecordLength = RecordLength::elements().aligned_to(8);
    fn record_len(&self) -> Option<usize> {
        Some(2)
    }
}

/// Records of one `char` whose bytes are checked.
impl Record for [char] {
    const LENGTH: RecordLength = RecordLength::bytes();
    fn record_len(&self) -> Option<usize> {
        Some(4)
    }
}

/// Records of no bytes at all.
impl Record for [u8] {
    const LENGTH: RecordLength = RecordLength::bytes();
    fn record_len(&self) -> Option<usize> {
        Some(0)
    }
}

#[test]
fn empty_records_stop_the_walk() {
    let (r, rest) = record_from_prefix::<[u8]>(&[1, 2]).unwrap();
    assert_eq!((r, rest), (&[][..], &[1, 2][..]));
    let mut it = Records::<[u8]>::new(&[1, 2]);
    let e = it.next().unwrap().unwrap_err();
    assert_eq!((e.record_offset(), e.kind()), (0, RecordErrorKind::Empty));
    assert!(it.next().is_none());
    let mut buf = [1, 2];
    let mut it = RecordsMut::<[u8]>::new(&mut buf);
    assert_eq!(
        it.next().unwrap().unwrap_err().kind(),
        RecordErrorKind::Empty
    );
    assert!(it.next().is_none());
    assert_eq!(Records::<[u8]>::new(&[]).count(), 0);
}

#[test]
fn iterate_fixed_records() {
    let words = [1u16, 2, 0, 0, 3, 4, 0, 0, 5, 6];
    let bytes = words.as_bytes();
    let got: std::vec::Vec<_> = Records::<[u16]>::new(bytes).collect();
    assert_eq!(got, [Ok(&[1, 2][..]), Ok(&[3, 4][..]), Ok(&[5, 6][..])]);

    // Cut in the middle of the third record: an error at 16, then nothing.
    let mut it = Records::<[u16]>::new(&bytes[..18]);
    assert_eq!(it.next(), Some(Ok(&[1u16, 2][..])));
    assert_eq!(it.next(), Some(Ok(&[3u16, 4][..])));
    let e = it.next().unwrap().unwrap_err();
    assert_eq!(
        (e.record_offset(), e.kind()),
        (
            16,
            RecordErrorKind::PastEnd {
                needed: 4,
                available: 2
            }
        )
    );
    assert_eq!((it.offset(), it.remainder()), (16, &bytes[16..18]));
    assert_eq!(it.next(), None);
    assert_eq!(it.next(), None);
}

#[test]
fn misaligned_and_invalid() {
    let words = [0u16; 4];
    let e = record_from_prefix::<[u16]>(&words.as_bytes()[1..]).unwrap_err();
    assert_eq!(
        e.kind(),
        RecordErrorKind::Misaligned {
            align: 2,
            misalignment: 1
        }
    );
    let chars = [u32::from('a'), 0xD800, u32::from('c')];
    let mut it = Records::<[char]>::new(chars.as_bytes());
    assert_eq!(it.next(), Some(Ok(&['a'][..])));
    let e = it.next().unwrap().unwrap_err();
    assert_eq!((e.record_offset(), e.offset()), (4, 4));
    match e.kind() {
        RecordErrorKind::Invalid(bits) => assert_eq!(bits.found(), Some(0xD800)),
        other => panic!("{other:?}"),
    }
    assert!(it.next().is_none());
    assert_eq!(
        record_from_bytes::<[char]>(chars.as_bytes()).unwrap_err(),
        RecordError::new::<[char]>(0, RecordErrorKind::TrailingBytes { at: 4, extra: 8 })
    );
}

#[test]
fn mutable_records() {
    let mut words = [1u16, 2, 9, 9, 3, 4];
    for r in RecordsMut::<[u16]>::new(words.as_mut_bytes()) {
        r.unwrap().reverse();
    }
    assert_eq!(words, [2, 1, 9, 9, 4, 3]);
    let r = record_from_bytes_mut::<[u16]>(&mut words.as_mut_bytes()[..4]).unwrap();
    r[0] = 7;
    assert_eq!(words[0], 7);
    let e = record_from_prefix_mut::<[u16]>(&mut words.as_mut_bytes()[..3]).unwrap_err();
    assert_eq!(e.record_offset(), 0);
    assert_eq!(
        record_from_bytes_mut::<[u16]>(words.as_mut_bytes())
            .unwrap_err()
            .kind(),
        RecordErrorKind::TrailingBytes { at: 8, extra: 4 }
    );
}

#[test]
fn display() {
    let e = RecordError::new::<[u8]>(
        12,
        RecordErrorKind::PastEnd {
            needed: 9,
            available: 3,
        },
    );
    assert_eq!(
        std::format!("{e}"),
        "record at byte 12: the declared length makes `[u8]` 9 bytes, but 3 are left"
    );
}
