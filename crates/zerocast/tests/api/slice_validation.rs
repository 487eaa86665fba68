// SPDX-License-Identifier: MIT OR Apache-2.0
//! Slices and arrays of types with a byte-wise rule (`bool`, one-byte enums, structs of them)
//! are checked block by block; these tests hold that fast path to exactly the answers of an
//! independent element-by-element model: every valid slice accepted, and for an invalid byte at
//! any position (around block boundaries especially) the same first error, field for field.
//!
//! The model knows only the documented rules: each type's valid byte values per position, and
//! the error's shape (`InvalidBits::new::<Innermost>(offset, Some(byte))`, named by the struct
//! field it is in). Bytes come from a small deterministic PRNG.

use zerocast::{
    ConvertError, Immutable, IntoBytes, InvalidBits, KnownLayout, TryFromBytes, ValidityError,
};

use crate::common::Rng;

/// A sparse enum: three ranges of discriminants.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug, PartialEq, Clone, Copy)]
#[repr(u8)]
enum Sparse {
    A = 0,
    B = 1,
    C = 2,
    D = 7,
    E = 200,
}

/// A dense enum: one range.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug, PartialEq, Clone, Copy)]
#[repr(u8)]
enum Dense {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
}

/// A signed one-byte enum, whose negative discriminants are high bytes.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug, PartialEq, Clone, Copy)]
#[repr(i8)]
enum Signed {
    M = -3,
    N = -2,
    Z = 0,
    P = 5,
}

/// A struct of a `bool` and an enum: a two-byte element.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug, PartialEq, Clone, Copy)]
#[repr(C)]
struct Flags {
    a: bool,
    mode: Sparse,
}

/// A struct with padding (bytes 1 and 5) and a field any bytes may fill: six bytes, a size
/// that does not divide the block.
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq, Clone, Copy)]
#[repr(C)]
struct Padded {
    a: bool,
    b: u16,
    c: Dense,
}

/// A wide enum: no byte-wise rule, the element-by-element path.
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq, Clone, Copy)]
#[repr(u16)]
enum Wide {
    X = 1,
    Y = 0x0300,
}

/// What the model knows about a type: its size, and per byte position whether a byte is
/// valid there and the error an invalid one gives.
struct Model {
    size: usize,
    align: usize,
    /// `valid(pos, byte)`: the documented rule.
    valid: fn(usize, u8) -> bool,
    /// The error for an invalid `byte` at `pos` of an element starting at `elem_offset`.
    error: fn(usize, usize, u8) -> InvalidBits,
}

fn sparse_ok(b: u8) -> bool {
    matches!(b, 0 | 1 | 2 | 7 | 200)
}

fn dense_ok(b: u8) -> bool {
    b <= 7
}

const BOOL: Model = Model {
    size: 1,
    align: 1,
    valid: |_, b| b <= 1,
    error: |at, _, b| InvalidBits::new::<bool>(at, Some(u128::from(b))),
};
const SPARSE: Model = Model {
    size: 1,
    align: 1,
    valid: |_, b| sparse_ok(b),
    error: |at, _, b| InvalidBits::new::<Sparse>(at, Some(u128::from(b))),
};
const DENSE: Model = Model {
    size: 1,
    align: 1,
    valid: |_, b| dense_ok(b),
    error: |at, _, b| InvalidBits::new::<Dense>(at, Some(u128::from(b))),
};
const SIGNED: Model = Model {
    size: 1,
    align: 1,
    valid: |_, b| matches!(b as i8, -3 | -2 | 0 | 5),
    error: |at, _, b| InvalidBits::new::<Signed>(at, Some(u128::from(b))),
};
const FLAGS: Model = Model {
    size: 2,
    align: 1,
    valid: |pos, b| if pos == 0 { b <= 1 } else { sparse_ok(b) },
    error: |at, pos, b| {
        if pos == 0 {
            InvalidBits::new::<bool>(at + pos, Some(u128::from(b))).in_field("Flags", "a")
        } else {
            InvalidBits::new::<Sparse>(at + pos, Some(u128::from(b))).in_field("Flags", "mode")
        }
    },
};
const PADDED: Model = Model {
    size: 6,
    align: 2,
    valid: |pos, b| match pos {
        0 => b <= 1,
        4 => dense_ok(b),
        _ => true, // padding and `u16`
    },
    error: |at, pos, b| {
        if pos == 0 {
            InvalidBits::new::<bool>(at + pos, Some(u128::from(b))).in_field("Padded", "a")
        } else {
            InvalidBits::new::<Dense>(at + pos, Some(u128::from(b))).in_field("Padded", "c")
        }
    },
};

impl Model {
    /// The first invalid element's error among the whole elements of `bytes`, which start at
    /// offset `base` of the source, checked byte by byte in order.
    fn first_error(&self, bytes: &[u8], base: usize) -> Option<InvalidBits> {
        let whole = bytes.len() / self.size * self.size;
        bytes[..whole].iter().enumerate().find_map(|(i, &b)| {
            let pos = i % self.size;
            (!(self.valid)(pos, b)).then(|| (self.error)(base + i - pos, pos, b))
        })
    }

    /// An invalid byte for position `pos`, if there is one.
    fn invalid_byte(&self, rng: &mut Rng, pos: usize) -> Option<u8> {
        if (0..=255).all(|b| (self.valid)(pos, b)) {
            return None;
        }
        loop {
            let b = rng.byte();
            if !(self.valid)(pos, b) {
                return Some(b);
            }
        }
    }

    /// Fills `out` with valid elements, each byte drawn from its position's valid values.
    fn fill(&self, rng: &mut Rng, out: &mut [u8]) {
        let values: Vec<Vec<u8>> = (0..self.size)
            .map(|pos| (0..=255).filter(|&b| (self.valid)(pos, b)).collect())
            .collect();
        for (i, b) in out.iter_mut().enumerate() {
            let vs = &values[i % self.size];
            *b = vs[rng.below(vs.len())];
        }
    }
}

/// A buffer aligned for every type here (8), of `len` bytes.
struct Buf(Vec<u64>, usize);

impl Buf {
    fn new(len: usize) -> Buf {
        Buf(vec![0; len.div_ceil(8)], len)
    }
    fn bytes(&self) -> &[u8] {
        &self.0.as_bytes()[..self.1]
    }
    fn bytes_mut(&mut self) -> &mut [u8] {
        &mut self.0.as_mut_bytes()[..self.1]
    }
}

/// The validity error of a conversion result, `None` if it succeeded; any other error fails.
fn validity<T, S, D: ?Sized, A: core::fmt::Debug, Z: core::fmt::Debug>(
    r: Result<T, ConvertError<A, Z, ValidityError<S, D>>>,
) -> Option<InvalidBits> {
    match r {
        Ok(_) => None,
        Err(ConvertError::Validity(e)) => Some(e.invalid()),
        Err(other) => panic!("not a validity error: {other:?}"),
    }
}

/// Every way the public API checks a slice of `T` over `bytes` (whole, prefix, suffix,
/// with_elems, and the `mut` forms where `T: IntoBytes`) must report what the model says.
fn check_all<T>(m: &Model, buf: &mut Buf, mutable: Option<fn(&mut [u8]) -> Option<InvalidBits>>)
where
    T: TryFromBytes + KnownLayout<PointerMetadata = usize> + Immutable + ?Sized,
{
    let bytes = buf.bytes();
    let n = bytes.len() / m.size;
    let whole = &bytes[..n * m.size];
    let expected = m.first_error(whole, 0);
    assert_eq!(validity(T::try_ref_from_bytes(whole)), expected);
    assert_eq!(
        validity(T::try_ref_from_bytes_with_elems(whole, n)),
        expected
    );
    // A prefix takes every whole element; a trailing partial one is left over.
    assert_eq!(validity(T::try_ref_from_prefix(bytes)), expected);
    // A suffix of the whole elements after the first one: offsets count from the source.
    if n > 1 {
        let start = bytes.len() - (n - 1) * m.size;
        let exp = m.first_error(&bytes[start..], start);
        let got = validity(T::try_ref_from_suffix_with_elems(bytes, n - 1));
        assert_eq!(got, exp);
    }
    if let Some(mutable) = mutable {
        let len = buf.1;
        buf.1 = n * m.size;
        assert_eq!(mutable(buf.bytes_mut()), expected);
        buf.1 = len;
    }
}

fn mut_slice<T>(bytes: &mut [u8]) -> Option<InvalidBits>
where
    T: TryFromBytes + KnownLayout + IntoBytes + Sized,
{
    validity(<[T]>::try_mut_from_bytes(bytes))
}

/// Slices of every length up to a few blocks, and a large one, all valid; then one invalid
/// byte at each position of the first blocks (and a second, later one that must not be the one
/// reported), compared with the model.
fn property<T>(m: &Model, seed: u64, mutable: Option<fn(&mut [u8]) -> Option<InvalidBits>>)
where
    T: TryFromBytes + KnownLayout + Immutable + Sized,
{
    let mut rng = Rng(seed);
    // Blocks are 256 bytes (192 for `Padded`): under Miri, which is slow on the block check's
    // 32-byte array references, positions around the first boundaries only.
    let (max, large, positions): (usize, usize, Vec<usize>) = if cfg!(miri) {
        (12, 300, [0, 190, 254, 255, 256, 257, 383].to_vec())
    } else {
        (300, 20_000, (0..4 * 256 + 64).collect())
    };
    let valid_only = |buf: &Buf| m.first_error(buf.bytes(), 0).is_none();

    for n in (0..=max).chain([large]) {
        let mut buf = Buf::new(n * m.size);
        m.fill(&mut rng, buf.bytes_mut());
        assert!(valid_only(&buf));
        let s = <[T]>::try_ref_from_bytes(buf.bytes()).unwrap();
        assert_eq!(s.len(), n);
        check_all::<[T]>(m, &mut buf, mutable);
    }

    let n = (positions.last().copied().unwrap_or(0) + if cfg!(miri) { 260 } else { 600 }) / m.size;
    // A partial element at the end, for prefixes; a whole number of alignments, for suffixes.
    let extra = (m.size - 1) / m.align * m.align;
    let mut buf = Buf::new(n * m.size + extra);
    for &at in &positions {
        m.fill(&mut rng, buf.bytes_mut());
        let Some(bad) = m.invalid_byte(&mut rng, at % m.size) else {
            continue;
        };
        buf.bytes_mut()[at] = bad;
        // Sometimes a second invalid byte further on, in the same block or a later one.
        if rng.below(2) == 0 {
            let later = at + 1 + rng.below(400);
            if later < n * m.size {
                if let Some(b) = m.invalid_byte(&mut rng, later % m.size) {
                    buf.bytes_mut()[later] = b;
                }
            }
        }
        assert!(m.first_error(buf.bytes(), 0).is_some());
        check_all::<[T]>(m, &mut buf, mutable);
    }
}

#[test]
fn bool_slices_match_the_model() {
    property::<bool>(&BOOL, 1, Some(mut_slice::<bool>));
}

#[test]
fn sparse_enum_slices_match_the_model() {
    property::<Sparse>(&SPARSE, 2, Some(mut_slice::<Sparse>));
}

#[test]
fn dense_enum_slices_match_the_model() {
    property::<Dense>(&DENSE, 3, Some(mut_slice::<Dense>));
}

#[test]
fn signed_enum_slices_match_the_model() {
    property::<Signed>(&SIGNED, 4, Some(mut_slice::<Signed>));
}

#[test]
fn struct_slices_match_the_model() {
    property::<Flags>(&FLAGS, 5, Some(mut_slice::<Flags>));
}

#[test]
fn padded_struct_slices_match_the_model() {
    property::<Padded>(&PADDED, 6, None);
}

/// Arrays, `try_transmute_ref!` to an array, and arrays as struct fields take the same path
/// and report the same errors.
#[test]
fn arrays_match_the_model() {
    #[derive(TryFromBytes, KnownLayout, Immutable, Debug)]
    #[repr(C)]
    struct Holder {
        head: u8,
        flags: [Flags; 300],
    }

    let mut rng = Rng(7);
    let step = if cfg!(miri) { 97 } else { 1 };
    for at in (0..600).step_by(step) {
        let mut raw = [0u8; 600];
        FLAGS.fill(&mut rng, &mut raw);
        let ok: &[Flags; 300] = zerocast::try_transmute_ref!(&raw).unwrap();
        assert_eq!(ok.as_bytes(), &raw[..]);
        let bad = FLAGS.invalid_byte(&mut rng, at % 2).unwrap();
        raw[at] = bad;
        let expected = FLAGS.first_error(&raw, 0).unwrap();

        let r: Result<&[Flags; 300], _> = zerocast::try_transmute_ref!(&raw);
        assert_eq!(r.unwrap_err().invalid(), expected);
        assert_eq!(
            validity(<[Flags; 300]>::try_ref_from_bytes(&raw)),
            Some(expected)
        );
        let copied = <[Flags; 300]>::try_read_from_bytes(&raw).unwrap_err();
        let ConvertError::Validity(e) = copied else {
            panic!("not a validity error")
        };
        assert_eq!(e.invalid(), expected);

        // In a struct: one byte in; the innermost named field (`Flags`'s) is the one reported.
        let mut held = [0u8; 601];
        held[1..].copy_from_slice(&raw);
        let (container, field) = expected.field().unwrap();
        assert_eq!(container, "Flags");
        let found = expected.found();
        let in_holder = if field == "a" {
            InvalidBits::new::<bool>(expected.offset() + 1, found).in_field("Flags", "a")
        } else {
            InvalidBits::new::<Sparse>(expected.offset() + 1, found).in_field("Flags", "mode")
        };
        assert_eq!(validity(Holder::try_ref_from_bytes(&held)), Some(in_holder));
    }
}

/// Types with no rule keep the element-by-element path: a wide enum's first invalid element.
#[test]
fn wide_enums_are_checked_element_by_element() {
    let words: Vec<u16> = (0..600u16)
        .map(|i| if i % 2 == 0 { 1 } else { 0x0300 })
        .collect();
    assert_eq!(
        <[Wide]>::try_ref_from_bytes(words.as_bytes())
            .unwrap()
            .len(),
        600
    );
    let mut bad = words.clone();
    bad[517] = 2;
    bad[590] = 7;
    assert_eq!(
        validity(<[Wide]>::try_ref_from_bytes(bad.as_bytes())),
        Some(InvalidBits::new::<Wide>(517 * 2, Some(2)))
    );
}
