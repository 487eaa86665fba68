// SPDX-License-Identifier: MIT OR Apache-2.0
//! `IntoBytes`: `as_bytes`, `as_mut_bytes`, `write_to`, `write_to_prefix`, `write_to_suffix`,
//! and (with `std`) `write_to_io`, plus `FromBytes::read_from_io`.

use core::ptr;

use zerocast::{IntoBytes, SizeNeeded};

use crate::common::{addr, addr_of};

#[test]
fn as_bytes_of_sized_values() {
    let x = 0x0102_0304u32;
    assert_eq!(x.as_bytes(), x.to_ne_bytes());
    assert_eq!(addr(x.as_bytes()), addr_of(&x), "a view, not a copy");
    assert_eq!((-2i16).as_bytes(), (-2i16).to_ne_bytes());
    assert_eq!(1.5f64.as_bytes(), 1.5f64.to_bits().to_ne_bytes());
    assert_eq!(true.as_bytes(), [1]);
    assert_eq!(false.as_bytes(), [0]);
    assert_eq!('é'.as_bytes(), 0xE9u32.to_ne_bytes());
    assert_eq!(().as_bytes(), [0u8; 0]);
    let arr = [[1u8, 2], [3, 4]];
    assert_eq!(arr.as_bytes(), [1, 2, 3, 4]);
    let words = [0x0102u16, 0x0304];
    let mut want = Vec::new();
    want.extend_from_slice(&0x0102u16.to_ne_bytes());
    want.extend_from_slice(&0x0304u16.to_ne_bytes());
    assert_eq!(words.as_bytes(), want);
}

#[test]
fn as_bytes_of_slices_and_str() {
    let words = [1u32, 0xFFFF_FFFE, 7];
    let bytes = words[1..].as_bytes();
    assert_eq!(bytes.len(), 8);
    assert_eq!(addr(bytes), addr_of(&words[1]));
    assert_eq!(bytes[..4], 0xFFFF_FFFEu32.to_ne_bytes());
    assert_eq!(bytes[4..], 7u32.to_ne_bytes());
    let empty: &[u64] = &[];
    assert!(empty.as_bytes().is_empty());
    assert_eq!([true, false, true][..].as_bytes(), [1, 0, 1]);
    let s = "hé";
    assert_eq!(IntoBytes::as_bytes(s), [b'h', 0xC3, 0xA9]);
    assert!(ptr::eq(IntoBytes::as_bytes(s), str::as_bytes(s)));
}

#[test]
fn as_mut_bytes_writes_through() {
    let mut x = 0u32;
    x.as_mut_bytes()
        .copy_from_slice(&0xDEAD_BEEFu32.to_ne_bytes());
    assert_eq!(x, 0xDEAD_BEEF);
    let mut words = [0u16; 3];
    let bytes = words[1..].as_mut_bytes();
    assert_eq!(bytes.len(), 4);
    bytes.fill(0xFF);
    assert_eq!(words, [0, u16::MAX, u16::MAX]);
    let mut pairs = [[0u8; 2]; 2];
    pairs.as_mut_bytes()[3] = 9;
    assert_eq!(pairs, [[0, 0], [0, 9]]);
    let mut none: [u32; 0] = [];
    assert!(none.as_mut_bytes().is_empty());
}

#[test]
fn write_to_exact() {
    let x = 0x1122_3344u32;
    let mut out = [0u8; 4];
    x.write_to(&mut out).unwrap();
    assert_eq!(out, x.to_ne_bytes());

    for len in [0, 3, 5, 8] {
        let mut out = vec![0xAB; len];
        let e = x.write_to(&mut out).unwrap_err();
        assert_eq!((e.found(), e.needed()), (len, SizeNeeded::Exactly(4)));
        assert!(ptr::eq(e.into_src(), &x));
        assert!(out.iter().all(|&b| b == 0xAB), "untouched on error");
    }

    // A zero-sized value fits exactly an empty destination.
    let mut empty = [0u8; 0];
    ().write_to(&mut empty).unwrap();
    [0u16; 0].write_to(&mut empty).unwrap();
    assert!(().write_to(&mut [0u8; 1]).is_err());
}

#[test]
fn write_to_prefix_and_suffix() {
    let v = [0x01u8, 0x02, 0x03];
    let mut out = [0u8; 5];
    v.write_to_prefix(&mut out).unwrap();
    assert_eq!(out, [1, 2, 3, 0, 0]);
    let mut out = [0u8; 5];
    v.write_to_suffix(&mut out).unwrap();
    assert_eq!(out, [0, 0, 1, 2, 3]);
    let mut out = [9u8; 3];
    v.write_to_prefix(&mut out).unwrap();
    assert_eq!(out, [1, 2, 3]);
    let mut out = [9u8; 3];
    v.write_to_suffix(&mut out).unwrap();
    assert_eq!(out, [1, 2, 3]);

    let w = 0xA1B2u16;
    for len in [0usize, 1] {
        let mut out = vec![7u8; len];
        let e = w.write_to_prefix(&mut out).unwrap_err();
        assert_eq!((e.found(), e.needed()), (len, SizeNeeded::AtLeast(2)));
        assert!(ptr::eq(*e.src(), &w));
        let e = w.write_to_suffix(&mut out).unwrap_err();
        assert_eq!((e.found(), e.needed()), (len, SizeNeeded::AtLeast(2)));
        assert!(ptr::eq(e.into_src(), &w));
        assert!(out.iter().all(|&b| b == 7));
    }

    // Slices: the whole slice is written.
    let s: &[u16] = &[0x0A0B, 0x0C0D];
    let mut out = [0u8; 6];
    s.write_to_suffix(&mut out).unwrap();
    assert_eq!(out[..2], [0, 0]);
    assert_eq!(out[2..4], 0x0A0Bu16.to_ne_bytes());
    assert_eq!(out[4..], 0x0C0Du16.to_ne_bytes());
    let mut out = [0u8; 3];
    "hé".write_to(&mut out).unwrap();
    assert_eq!(&out, "hé".as_bytes());
    let empty: &[u32] = &[];
    empty.write_to_prefix(&mut []).unwrap();
    empty.write_to_suffix(&mut []).unwrap();
}

#[test]
fn write_to_misaligned_destinations() {
    // Writes copy bytes: the destination's alignment does not matter.
    let mut buf = crate::common::Aligned::<16>([0; 16]);
    let x = u64::from_ne_bytes([1, 2, 3, 4, 5, 6, 7, 8]);
    x.write_to(&mut buf.0[3..11]).unwrap();
    assert_eq!(buf.0[3..11], [1, 2, 3, 4, 5, 6, 7, 8]);
    x.write_to_suffix(&mut buf.0[..13]).unwrap();
    assert_eq!(buf.0[5..13], [1, 2, 3, 4, 5, 6, 7, 8]);
}

#[cfg(feature = "std")]
mod io {
    use std::io::{self, Read, Write};

    use zerocast::{FromBytes, IntoBytes};

    /// A writer that accepts `room` bytes, then fails.
    struct Limited {
        out: Vec<u8>,
        room: usize,
    }

    impl Write for Limited {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::other("full"));
            }
            let n = buf.len().min(self.room);
            self.out.extend_from_slice(&buf[..n]);
            self.room -= n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A reader that hands out one byte per call, then fails with `kind`.
    struct Trickle<'a> {
        bytes: &'a [u8],
        kind: io::ErrorKind,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.bytes.split_first(), buf.first_mut()) {
                (_, None) => Ok(0),
                (Some((&b, rest)), Some(slot)) => {
                    *slot = b;
                    self.bytes = rest;
                    Ok(1)
                }
                (None, Some(_)) => Err(io::Error::from(self.kind)),
            }
        }
    }

    #[test]
    fn write_to_io() {
        let mut out = Vec::new();
        0x0102_0304u32.write_to_io(&mut out).unwrap();
        [true, false].write_to_io(&mut out).unwrap();
        "ok"[..].write_to_io(&mut out).unwrap();
        let mut want = 0x0102_0304u32.to_ne_bytes().to_vec();
        want.extend_from_slice(&[1, 0, b'o', b'k']);
        assert_eq!(out, want);

        let mut short = Limited {
            out: Vec::new(),
            room: 3,
        };
        let e = 0xAABB_CCDDu32.write_to_io(&mut short).unwrap_err();
        assert_eq!(e.to_string(), "full");
        assert_eq!(short.out, 0xAABB_CCDDu32.to_ne_bytes()[..3]);

        let mut slice = [0u8; 2];
        let e = 7u32.write_to_io(&mut slice[..]).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::WriteZero);
    }

    #[test]
    fn read_from_io() {
        let data = [1u8, 2, 3, 4, 5, 6];
        let mut input = &data[..];
        let x = u32::read_from_io(&mut input).unwrap();
        assert_eq!(x, u32::from_ne_bytes([1, 2, 3, 4]));
        assert_eq!(input, [5, 6], "exactly four bytes consumed");
        let e = u32::read_from_io(&mut input).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);

        // Any reader, byte by byte.
        let mut trickle = Trickle {
            bytes: &[9, 8, 7],
            kind: io::ErrorKind::UnexpectedEof,
        };
        assert_eq!(<[u8; 3]>::read_from_io(&mut trickle).unwrap(), [9, 8, 7]);
        let mut failing = Trickle {
            bytes: &[1],
            kind: io::ErrorKind::PermissionDenied,
        };
        let e = u16::read_from_io(&mut failing).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);

        // Zero-sized values read nothing.
        let mut input = &data[..];
        <()>::read_from_io(&mut input).unwrap();
        assert_eq!(input.len(), 6);

        // A type with padding (a tuple): the fields come from their offsets.
        let bytes: Vec<u8> = (10..18).collect();
        let (a, b) = <(u8, u32)>::read_from_io(&bytes[..]).unwrap();
        let at = core::mem::offset_of!((u8, u32), 1);
        assert_eq!(a, bytes[core::mem::offset_of!((u8, u32), 0)]);
        assert_eq!(b, u32::from_ne_bytes(bytes[at..at + 4].try_into().unwrap()));
    }
}

// A generic `repr(C)` struct whose fields are all `E`, `[E; N]` or `[E]` of one element type
// has no padding whatever the type arguments (each field's size is a multiple of `E`'s
// alignment), so it is `IntoBytes` without asking its fields to be `Unaligned`, as in
// zerocopy. Each instantiation's bytes are its fields' bytes, in order, with nothing between.
mod homogeneous {
    use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout};

    #[derive(IntoBytes, Immutable)]
    #[repr(C)]
    struct Pair<T>(T, [T; 2]);

    #[derive(IntoBytes, Immutable)]
    #[repr(C)]
    struct Counted<const N: usize> {
        first: u16,
        rest: [u16; N],
    }

    #[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
    #[repr(C)]
    struct Tail<T> {
        head: T,
        tail: [T],
    }

    #[derive(IntoBytes, Immutable)]
    #[repr(C, packed(2))]
    struct Packed<T: Copy>(T, [T; 1]);

    fn concat(parts: &[&[u8]]) -> Vec<u8> {
        parts.concat()
    }

    #[test]
    fn bytes_are_the_fields_in_order() {
        let p = Pair(0x0102_0304u32, [5, 6]);
        assert_eq!(
            p.as_bytes(),
            concat(&[0x0102_0304u32.as_bytes(), 5u32.as_bytes(), 6u32.as_bytes()])
        );
        let p = Pair(0x0708u16, [9, 10]);
        assert_eq!(p.as_bytes().len(), 6);

        let c = Counted::<3> {
            first: 1,
            rest: [2, 3, 4],
        };
        assert_eq!(c.as_bytes(), [1u16, 2, 3, 4].as_bytes());

        let words = [7u64, 8, 9];
        let t = Tail::<u64>::ref_from_bytes(words.as_bytes()).unwrap();
        assert_eq!((t.head, &t.tail), (7, &[8u64, 9][..]));
        assert_eq!(t.as_bytes(), words.as_bytes());

        let k = Packed(0x1122_3344u32, [0x5566_7788]);
        assert_eq!(k.as_bytes(), [0x1122_3344u32, 0x5566_7788].as_bytes());
    }
}
