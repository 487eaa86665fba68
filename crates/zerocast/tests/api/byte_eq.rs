// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[derive(ByteEq)]` and `#[derive(ByteHash)]`: equality and hashing by the value's bytes.
//!
//! The expected outcomes come from the bytes the tests build themselves: two values are equal
//! exactly when their byte arrays are, and a hash is what a hasher computes over those bytes
//! in one `write` (recorded call by call by [`Recorder`]).

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

use zerocast::{ByteEq, ByteHash, FromBytes, Immutable, IntoBytes, KnownLayout};

/// A hasher that records every `write` it is given, so a test can say which bytes were hashed
/// and in how many calls.
#[derive(Default)]
struct Recorder(Vec<Vec<u8>>);

impl Hasher for Recorder {
    fn finish(&self) -> u64 {
        0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0.push(bytes.to_vec());
    }
}

/// The writes `value.hash(..)` makes.
fn writes<T: Hash + ?Sized>(value: &T) -> Vec<Vec<u8>> {
    let mut r = Recorder::default();
    value.hash(&mut r);
    r.0
}

/// `value`'s hash under std's default hasher (fixed keys, so equal inputs hash equal).
fn std_hash<T: Hash + ?Sized>(value: &T) -> u64 {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
}

/// The default hasher's result for `bytes` fed in one `write`.
fn std_hash_of_bytes(bytes: &[u8]) -> u64 {
    let mut h = BuildHasherDefault::<DefaultHasher>::default().build_hasher();
    h.write(bytes);
    h.finish()
}

/// A field type with neither `PartialEq` nor `Hash`: the byte-wise impls do not need them.
#[derive(IntoBytes, FromBytes, Immutable, KnownLayout, Clone, Copy, Debug)]
#[repr(C)]
struct Opaque([u8; 2]);

#[derive(ByteEq, ByteHash, IntoBytes, FromBytes, Immutable, KnownLayout, Clone, Copy, Debug)]
#[repr(C)]
struct Header {
    len: u32,
    kind: u16,
    tag: Opaque,
}

/// The 8 bytes `0x10, 0x11, .., 0x17`.
const BASE: [u8; 8] = [0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17];

fn header(bytes: [u8; 8]) -> Header {
    Header::read_from_bytes(&bytes[..]).unwrap()
}

#[test]
fn equal_bytes_compare_equal() {
    let (a, b) = (header(BASE), header(BASE));
    assert!(a == b);
    assert!(!(a != b));
    // The same value built field by field from the bytes, without zerocast.
    let c = Header {
        len: u32::from_ne_bytes([0x10, 0x11, 0x12, 0x13]),
        kind: u16::from_ne_bytes([0x14, 0x15]),
        tag: Opaque([0x16, 0x17]),
    };
    assert_eq!(a, c);
}

#[test]
fn one_differing_byte_compares_unequal() {
    let a = header(BASE);
    for i in 0..BASE.len() {
        for bit in [0x01u8, 0x80] {
            let mut bytes = BASE;
            bytes[i] ^= bit;
            let b = header(bytes);
            assert_ne!(a, b, "byte {i} flipped by {bit:#x}");
            assert_ne!(b, a, "byte {i} flipped by {bit:#x}");
        }
    }
}

#[test]
fn hash_is_one_write_of_the_bytes() {
    assert_eq!(writes(&header(BASE)), [BASE.to_vec()]);
    assert_eq!(std_hash(&header(BASE)), std_hash_of_bytes(&BASE));
    assert_eq!(std_hash(&header(BASE)), std_hash(&header(BASE)));
    let mut other = BASE;
    other[7] = 0;
    assert_eq!(writes(&header(other)), [other.to_vec()]);
    assert_ne!(writes(&header(other)), writes(&header(BASE)));
}

#[test]
fn hash_slice_is_one_write_of_all_bytes() {
    let mut second = BASE;
    second[0] = 0xAA;
    let items = [header(BASE), header(second)];
    let mut all = BASE.to_vec();
    all.extend_from_slice(&second);
    // `Hash for [T]` writes the length (as `write_usize`, the default `write_length_prefix`),
    // then hands the elements to `T::hash_slice`: one write of both headers' 16 bytes.
    let expected = [2usize.to_ne_bytes().to_vec(), all.clone()];
    assert_eq!(writes(&items[..]), expected);
    let mut r = Recorder::default();
    Header::hash_slice(&items, &mut r);
    assert_eq!(r.0, [all]);
    let mut r = Recorder::default();
    Header::hash_slice(&[], &mut r);
    assert_eq!(r.0, [Vec::<u8>::new()]);
}

#[test]
fn hash_set_uses_bytes() {
    let mut set = HashSet::new();
    assert!(set.insert(header(BASE)));
    assert!(!set.insert(header(BASE)));
    let mut other = BASE;
    other[3] ^= 1;
    assert!(set.insert(header(other)));
    assert_eq!(set.len(), 2);
    assert!(set.contains(&header(BASE)));
}

/// Floats compare by bits: not what `derive(PartialEq)` does.
#[derive(ByteEq, ByteHash, IntoBytes, Immutable, Debug, Clone, Copy)]
#[repr(transparent)]
struct Sample(f32);

#[test]
fn floats_compare_by_bits() {
    assert_ne!(Sample(0.0), Sample(-0.0));
    // As floats they are equal: the derive compares bits, not values.
    assert_eq!(core::hint::black_box(0.0f32), -0.0f32);
    let nan = f32::from_bits(0x7FC0_0001);
    assert_eq!(Sample(nan), Sample(nan));
    assert_ne!(Sample(nan), Sample(f32::from_bits(0x7FC0_0002)));
    assert_eq!(
        writes(&Sample(1.5)),
        [1.5f32.to_bits().to_ne_bytes().to_vec()]
    );
}

#[derive(ByteEq, ByteHash, IntoBytes, Immutable, Debug, Clone, Copy)]
#[repr(u8)]
enum Kind {
    Data = 1,
    Ack = 2,
    Reset = 0x80,
}

#[test]
fn enums_compare_by_discriminant_byte() {
    assert_eq!(Kind::Data, Kind::Data);
    assert_ne!(Kind::Data, Kind::Ack);
    assert_ne!(Kind::Ack, Kind::Reset);
    assert_eq!(writes(&Kind::Reset), [[0x80u8].to_vec()]);
    assert_eq!(writes(&Kind::Ack), [[2u8].to_vec()]);
}

/// A generic wrapper: the impls exist for each `T` that makes it `IntoBytes + Immutable`.
#[derive(ByteEq, ByteHash, IntoBytes, Immutable, Debug)]
#[repr(transparent)]
struct Wrapper<T>(T);

/// A generic `repr(C)` struct with a where clause of its own; `IntoBytes` asks its fields to be
/// `Unaligned`.
#[derive(ByteEq, ByteHash, IntoBytes, Immutable, Debug)]
#[repr(C)]
struct Pair<T>
where
    T: Copy,
{
    lo: T,
    hi: T,
}

#[test]
fn generic_types() {
    let x = 0x0102_0304u32;
    assert_eq!(Wrapper(x), Wrapper(0x0102_0304u32));
    assert_ne!(Wrapper(x), Wrapper(0x0102_0305u32));
    assert_eq!(writes(&Wrapper(x)), [x.to_ne_bytes().to_vec()]);
    assert_eq!(Wrapper([1u8, 2, 3]), Wrapper([1u8, 2, 3]));
    assert_ne!(Wrapper([1u8, 2, 3]), Wrapper([1u8, 2, 4]));

    let p = Pair {
        lo: [1u8, 2],
        hi: [3u8, 4],
    };
    assert_eq!(
        p,
        Pair {
            lo: [1, 2],
            hi: [3, 4]
        }
    );
    assert_ne!(
        p,
        Pair {
            lo: [1, 2],
            hi: [4, 3]
        }
    );
    assert_eq!(writes(&p), [[1u8, 2, 3, 4].to_vec()]);
}

/// The derives through a re-export of zerocast under another path, as a crate vendoring it
/// would use them.
mod vendored {
    pub(crate) use zerocast as zc;
}

mod renamed {
    use super::vendored::zc;

    #[derive(zc::ByteEq, zc::ByteHash, zc::IntoBytes, zc::Immutable, Debug)]
    #[zerocast(crate = "crate::byte_eq::vendored::zc")]
    #[repr(C)]
    pub(super) struct Id {
        pub(super) hi: u32,
        pub(super) lo: u32,
    }
}

#[test]
fn crate_path_attribute() {
    use renamed::Id;
    assert_eq!(Id { hi: 1, lo: 2 }, Id { hi: 1, lo: 2 });
    assert_ne!(Id { hi: 1, lo: 2 }, Id { hi: 2, lo: 1 });
    let mut bytes = 1u32.to_ne_bytes().to_vec();
    bytes.extend_from_slice(&2u32.to_ne_bytes());
    assert_eq!(writes(&Id { hi: 1, lo: 2 }), [bytes]);
}

/// A slice-tailed struct: values of different lengths have different bytes.
#[derive(ByteEq, ByteHash, IntoBytes, FromBytes, Immutable, KnownLayout)]
#[repr(C)]
struct Message {
    kind: u8,
    body: [u8],
}

#[test]
fn dynamically_sized_types() {
    let a = Message::ref_from_bytes(&[7u8, 1, 2][..]).unwrap();
    let same = Message::ref_from_bytes(&[7u8, 1, 2][..]).unwrap();
    let longer = Message::ref_from_bytes(&[7u8, 1, 2, 0][..]).unwrap();
    let other_kind = Message::ref_from_bytes(&[8u8, 1, 2][..]).unwrap();
    assert!(a == same);
    assert!(a != longer);
    assert!(a != other_kind);
    assert_eq!(writes(a), [[7u8, 1, 2].to_vec()]);
    assert_eq!(writes(longer), [[7u8, 1, 2, 0].to_vec()]);
}
