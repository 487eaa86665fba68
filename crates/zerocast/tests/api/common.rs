// SPDX-License-Identifier: MIT OR Apache-2.0
//! Shared fixtures: buffers of known alignment, models that decode bytes without zerocast, and
//! the expected outcome of a conversion, computed from the documented rules alone.
//!
//! A conversion is summed up as an [`Outcome`]: where the value landed (or why it did not), so
//! that a test compares what zerocast did with what the rules say, case by case.

use core::convert::Infallible;
use core::fmt::Debug;
use core::num::NonZeroU32;
use core::ptr;

use zerocast::{
    AlignmentError, ConvertError, KnownLayout, PointerMetadata, SizeError, SizeNeeded,
    ValidityError,
};

/// The size of the buffers the matrix tests slice.
pub(crate) const BUF: usize = 48;

/// A byte buffer that starts on a 16-byte boundary, so `&buf.0[k..]` starts exactly `k % 16`
/// bytes past one (also under Miri's symbolic alignment check).
#[repr(C, align(16))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Aligned<const N: usize>(pub(crate) [u8; N]);

impl<const N: usize> Aligned<N> {
    /// A buffer whose byte `i` is `f(i)`.
    pub(crate) fn from_fn(f: impl Fn(usize) -> u8) -> Self {
        Aligned(core::array::from_fn(f))
    }
}

/// The address of a byte slice's first byte.
pub(crate) fn addr(bytes: &[u8]) -> usize {
    bytes.as_ptr().addr()
}

/// The address of a value's first byte.
pub(crate) fn addr_of<T: ?Sized>(value: &T) -> usize {
    ptr::from_ref(value).cast::<u8>().addr()
}

/// Which part of the source a conversion takes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Whole,
    Prefix,
    Suffix,
}

pub(crate) const PARTS: [Part; 3] = [Part::Whole, Part::Prefix, Part::Suffix];

/// Where the value of a conversion was found invalid, and the raw value there.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Bad {
    pub(crate) offset: usize,
    pub(crate) found: Option<u128>,
}

/// What a conversion did, relative to its source.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The value is `size` bytes at `start` of the source, with `elems` trailing elements.
    Ok {
        start: usize,
        size: usize,
        elems: usize,
    },
    /// The value would start at byte `offset` of the source, which is misaligned.
    Align {
        offset: usize,
        align: usize,
        misalignment: usize,
    },
    /// The source had `found` bytes.
    Size { found: usize, needed: SizeNeeded },
    /// The value's bytes are invalid at byte `offset` of the source.
    Invalid { offset: usize, found: Option<u128> },
}

/// The expected outcome for a sized type of `size` bytes and alignment `align`, taking `part`
/// of `len` bytes that start `off` bytes past a 16-byte boundary. `aligned`: whether the
/// conversion checks alignment (views do, copies do not).
///
/// The rules, from the method docs: a whole conversion needs exactly `size` bytes, a prefix or
/// suffix at least `size`; the value starts at byte 0 (whole, prefix) or `len - size` (suffix)
/// and must be aligned there. A misaligned start fails first where it is known before the size
/// is checked (whole and prefix start at byte 0).
pub(crate) fn expect_sized(
    size: usize,
    align: usize,
    off: usize,
    len: usize,
    part: Part,
    aligned: bool,
) -> Outcome {
    let mis = |start: usize| aligned && (off + start) % align != 0;
    let misfit = |offset: usize| Outcome::Align {
        offset,
        align,
        misalignment: (off + offset) % align,
    };
    let ok = |start: usize| Outcome::Ok {
        start,
        size,
        elems: 0,
    };
    match part {
        Part::Whole if mis(0) => misfit(0),
        Part::Whole if len != size => Outcome::Size {
            found: len,
            needed: SizeNeeded::Exactly(size),
        },
        Part::Whole => ok(0),
        Part::Prefix if mis(0) => misfit(0),
        Part::Prefix if len < size => Outcome::Size {
            found: len,
            needed: SizeNeeded::AtLeast(size),
        },
        Part::Prefix => ok(0),
        Part::Suffix if len < size => Outcome::Size {
            found: len,
            needed: SizeNeeded::AtLeast(size),
        },
        Part::Suffix if mis(len - size) => misfit(len - size),
        Part::Suffix => ok(len - size),
    }
}

/// The expected outcome for a slice `[E]` (`elem`-byte elements of alignment `align`) whose
/// element count is inferred: as many whole elements as fit; a whole conversion needs a whole
/// number of them.
pub(crate) fn expect_slice(
    elem: usize,
    align: usize,
    off: usize,
    len: usize,
    part: Part,
) -> Outcome {
    let n = len / elem;
    let size = n * elem;
    let misfit = |offset: usize| Outcome::Align {
        offset,
        align,
        misalignment: (off + offset) % align,
    };
    let ok = |start: usize| Outcome::Ok {
        start,
        size,
        elems: n,
    };
    match part {
        Part::Whole | Part::Prefix if off % align != 0 => misfit(0),
        Part::Whole if len % elem != 0 => Outcome::Size {
            found: len,
            needed: SizeNeeded::Elements {
                offset: 0,
                elem_size: elem,
                align,
            },
        },
        Part::Whole | Part::Prefix => ok(0),
        Part::Suffix if (off + len - size) % align != 0 => misfit(len - size),
        Part::Suffix => ok(len - size),
    }
}

/// The expected outcome for a slice `[E]` with exactly `count` elements: `count * elem` bytes,
/// or a size error naming the count if that exceeds `isize::MAX`.
pub(crate) fn expect_count(
    elem: usize,
    align: usize,
    off: usize,
    len: usize,
    part: Part,
    count: usize,
) -> Outcome {
    let size = count
        .checked_mul(elem)
        .filter(|&s| s <= isize::MAX as usize);
    let misfit = |offset: usize| Outcome::Align {
        offset,
        align,
        misalignment: (off + offset) % align,
    };
    let overflow = Outcome::Size {
        found: len,
        needed: SizeNeeded::Overflow { elems: count },
    };
    let ok = |start: usize, size: usize| Outcome::Ok {
        start,
        size,
        elems: count,
    };
    match (part, size) {
        (Part::Whole | Part::Prefix, _) if off % align != 0 => misfit(0),
        (_, None) => overflow,
        (Part::Whole, Some(size)) if size != len => Outcome::Size {
            found: len,
            needed: SizeNeeded::Exactly(size),
        },
        (Part::Prefix | Part::Suffix, Some(size)) if size > len => Outcome::Size {
            found: len,
            needed: SizeNeeded::AtLeast(size),
        },
        (Part::Whole | Part::Prefix, Some(size)) => ok(0, size),
        (Part::Suffix, Some(size)) if (off + len - size) % align != 0 => misfit(len - size),
        (Part::Suffix, Some(size)) => ok(len - size, size),
    }
}

/// Refines a layout outcome with the model's verdict on the located bytes, for checked
/// conversions: an invalid value is reported at its offset in the source.
pub(crate) fn expect_valid<T: ?Sized + Model>(src: &[u8], layout: Outcome) -> Outcome {
    match layout {
        Outcome::Ok { start, size, .. } => match T::validity(&src[start..start + size]) {
            Ok(()) => layout,
            Err(bad) => Outcome::Invalid {
                offset: start + bad.offset,
                found: bad.found,
            },
        },
        other => other,
    }
}

// ---- Models ----------------------------------------------------------------------------------

/// A sized type whose values the tests decode from bytes with `from_ne_bytes` and friends,
/// independently of zerocast.
pub(crate) trait Oracle: Sized + PartialEq + Debug {
    /// The value these `size_of::<Self>()` bytes hold, or where and why they are not one.
    fn decode(bytes: &[u8]) -> Result<Self, Bad>;

    /// The bytes of some valid value, written through mutable views.
    fn alt() -> Vec<u8>;

    /// Byte `i` of the buffers the matrix tests slice: a mix of valid and invalid values.
    fn sample(i: usize) -> u8 {
        (i as u8).wrapping_mul(37).wrapping_add(11)
    }
}

/// What the tests know about a conversion's destination type, sized or not.
pub(crate) trait Model {
    /// `Ok` if `bytes` (a whole value) are valid, else where and why not.
    fn validity(bytes: &[u8]) -> Result<(), Bad>;
    /// `true` if `value` is what its `bytes` decode to.
    fn matches(value: &Self, bytes: &[u8]) -> bool;
    /// Overwrites `value` through a mutable view; returns nothing, see [`Model::scribbled`].
    fn scribble(value: &mut Self);
    /// The bytes `scribble` leaves where `before` was.
    fn scribbled(before: &[u8]) -> Vec<u8>;
    /// Byte `i` of the sample buffers.
    fn sample(i: usize) -> u8;
}

impl<T: Oracle> Model for T {
    fn validity(bytes: &[u8]) -> Result<(), Bad> {
        T::decode(bytes).map(drop)
    }
    fn matches(value: &Self, bytes: &[u8]) -> bool {
        T::decode(bytes).as_ref() == Ok(value)
    }
    fn scribble(value: &mut Self) {
        *value = T::decode(&T::alt()).unwrap();
    }
    fn scribbled(_before: &[u8]) -> Vec<u8> {
        T::alt()
    }
    fn sample(i: usize) -> u8 {
        <T as Oracle>::sample(i)
    }
}

impl<E: Oracle> Model for [E] {
    fn validity(bytes: &[u8]) -> Result<(), Bad> {
        let size = size_of::<E>();
        for (i, chunk) in bytes.chunks(size).enumerate() {
            if let Err(bad) = E::decode(chunk) {
                return Err(Bad {
                    offset: i * size + bad.offset,
                    found: bad.found,
                });
            }
        }
        Ok(())
    }
    fn matches(value: &Self, bytes: &[u8]) -> bool {
        let size = size_of::<E>();
        size_of_val(value) == bytes.len()
            && value
                .iter()
                .zip(bytes.chunks(size))
                .all(|(v, b)| E::decode(b).as_ref() == Ok(v))
    }
    fn scribble(value: &mut Self) {
        for v in value {
            *v = E::decode(&E::alt()).unwrap();
        }
    }
    fn scribbled(before: &[u8]) -> Vec<u8> {
        E::alt().repeat(before.len() / size_of::<E>())
    }
    fn sample(i: usize) -> u8 {
        E::sample(i)
    }
}

impl Model for str {
    fn validity(bytes: &[u8]) -> Result<(), Bad> {
        match core::str::from_utf8(bytes) {
            Ok(_) => Ok(()),
            Err(e) => Err(Bad {
                offset: e.valid_up_to(),
                found: None,
            }),
        }
    }
    fn matches(value: &Self, bytes: &[u8]) -> bool {
        str::as_bytes(value) == bytes
    }
    fn scribble(value: &mut Self) {
        value.make_ascii_uppercase();
    }
    fn scribbled(before: &[u8]) -> Vec<u8> {
        before.to_ascii_uppercase()
    }
    fn sample(i: usize) -> u8 {
        // ASCII letters with a two-byte 'é' (C3 A9) every 5 bytes: some cuts split it.
        match i % 5 {
            3 => 0xC3,
            4 => 0xA9,
            k => b'a' + (i as u8 % 7) + k as u8,
        }
    }
}

macro_rules! int_oracle {
    ($($t:ty),*) => {$(
        impl Oracle for $t {
            fn decode(bytes: &[u8]) -> Result<Self, Bad> {
                Ok(<$t>::from_ne_bytes(bytes.try_into().unwrap()))
            }
            fn alt() -> Vec<u8> {
                (0..size_of::<$t>()).map(|i| 0xA0 + i as u8).collect()
            }
        }
    )*};
}
int_oracle!(u8, i8, u16, i16, u32, i32, u64, i64, u128);

impl Oracle for bool {
    fn decode(bytes: &[u8]) -> Result<Self, Bad> {
        match bytes {
            [0] => Ok(false),
            [1] => Ok(true),
            [b] => Err(Bad {
                offset: 0,
                found: Some(u128::from(*b)),
            }),
            _ => panic!("a bool is one byte"),
        }
    }
    fn alt() -> Vec<u8> {
        vec![1]
    }
    fn sample(i: usize) -> u8 {
        if i % 11 == 9 {
            2
        } else {
            (i % 2) as u8
        }
    }
}

impl Oracle for char {
    fn decode(bytes: &[u8]) -> Result<Self, Bad> {
        let v = u32::from_ne_bytes(bytes.try_into().unwrap());
        char::from_u32(v).ok_or(Bad {
            offset: 0,
            found: Some(u128::from(v)),
        })
    }
    fn alt() -> Vec<u8> {
        u32::from('é').to_ne_bytes().to_vec()
    }
    fn sample(i: usize) -> u8 {
        // Mostly small code points; some windows see a 0xD8 or 0x11 high byte: a surrogate
        // (native endian, little or big) or a value past 0x10FFFF.
        [
            0x41, 0, 0, 0, 0x42, 0, 0, 0, 0x43, 0, 0xD8, 0, 0, 0x11, 0, 0,
        ][i % 16]
    }
}

impl Oracle for NonZeroU32 {
    fn decode(bytes: &[u8]) -> Result<Self, Bad> {
        NonZeroU32::new(u32::from_ne_bytes(bytes.try_into().unwrap())).ok_or(Bad {
            offset: 0,
            found: Some(0),
        })
    }
    fn alt() -> Vec<u8> {
        7u32.to_ne_bytes().to_vec()
    }
    fn sample(i: usize) -> u8 {
        // Runs of zeros long enough to hold a whole zero `u32` at some offsets.
        if (i / 5) % 3 == 1 {
            0
        } else {
            i as u8 | 1
        }
    }
}

impl<E: Oracle, const N: usize> Oracle for [E; N] {
    fn decode(bytes: &[u8]) -> Result<Self, Bad> {
        let size = size_of::<E>();
        let mut out = Vec::with_capacity(N);
        for (i, chunk) in bytes.chunks(size).enumerate() {
            out.push(E::decode(chunk).map_err(|bad| Bad {
                offset: i * size + bad.offset,
                found: bad.found,
            })?);
        }
        Ok(out.try_into().unwrap_or_else(|_| panic!("{N} elements")))
    }
    fn alt() -> Vec<u8> {
        E::alt().repeat(N)
    }
    fn sample(i: usize) -> u8 {
        E::sample(i)
    }
}

// ---- Observing conversions -------------------------------------------------------------------

/// A conversion's source: its address and length, to compare with what an error hands back.
pub(crate) trait Bytes {
    fn span(&self) -> (usize, usize);
}

impl Bytes for &[u8] {
    fn span(&self) -> (usize, usize) {
        (self.as_ptr().addr(), self.len())
    }
}

impl Bytes for &mut [u8] {
    fn span(&self) -> (usize, usize) {
        (self.as_ptr().addr(), self.len())
    }
}

/// An error (or an arm of one) summed up as an [`Outcome`], after checking that it hands back
/// exactly the source it was given.
pub(crate) trait Facts {
    fn facts(self, src: (usize, usize)) -> Outcome;
}

impl Facts for Infallible {
    fn facts(self, _: (usize, usize)) -> Outcome {
        match self {}
    }
}

impl<S: Bytes, T: ?Sized> Facts for AlignmentError<S, T> {
    #[track_caller]
    fn facts(self, src: (usize, usize)) -> Outcome {
        assert_eq!(self.src().span(), src, "src()");
        assert_eq!(
            self.addr(),
            src.0 + self.offset(),
            "addr() is where the value starts"
        );
        assert!(self.align().is_power_of_two());
        let outcome = Outcome::Align {
            offset: self.offset(),
            align: self.align(),
            misalignment: self.misalignment(),
        };
        assert_eq!(self.into_src().span(), src, "into_src()");
        outcome
    }
}

impl<S: Bytes, T: ?Sized> Facts for SizeError<S, T> {
    #[track_caller]
    fn facts(self, src: (usize, usize)) -> Outcome {
        assert_eq!(self.src().span(), src, "src()");
        let outcome = Outcome::Size {
            found: self.found(),
            needed: self.needed(),
        };
        assert_eq!(self.into_src().span(), src, "into_src()");
        outcome
    }
}

impl<S: Bytes, T: ?Sized> Facts for ValidityError<S, T> {
    #[track_caller]
    fn facts(self, src: (usize, usize)) -> Outcome {
        assert_eq!(self.src().span(), src, "src()");
        let outcome = Outcome::Invalid {
            offset: self.invalid().offset(),
            found: self.invalid().found(),
        };
        assert_eq!(self.into_src().span(), src, "into_src()");
        outcome
    }
}

impl<A: Facts, S: Facts, V: Facts> Facts for ConvertError<A, S, V> {
    #[track_caller]
    fn facts(self, src: (usize, usize)) -> Outcome {
        match self {
            ConvertError::Alignment(e) => e.facts(src),
            ConvertError::Size(e) => e.facts(src),
            ConvertError::Validity(e) => e.facts(src),
        }
    }
}

/// Where a view landed in its source (spanning `span`, holding `bytes`), after checking that
/// the bytes left over are exactly the rest of the source and that the value is what the model
/// decodes.
#[track_caller]
fn landed<T: ?Sized + KnownLayout + Model>(
    span: (usize, usize),
    bytes: &[u8],
    value: &T,
    rest: Option<(usize, usize)>,
    part: Part,
) -> Outcome {
    let start = addr_of(value) - span.0;
    let size = size_of_val(value);
    let elems = T::pointer_to_metadata(ptr::from_ref(value).cast_mut()).to_elem_count();
    check_rest(span, start, size, rest, part);
    assert!(
        T::matches(value, &bytes[start..start + size]),
        "the value is not what its bytes decode to"
    );
    Outcome::Ok { start, size, elems }
}

#[track_caller]
fn check_rest(
    span: (usize, usize),
    start: usize,
    size: usize,
    rest: Option<(usize, usize)>,
    part: Part,
) {
    let (base, len) = span;
    match (part, rest) {
        (Part::Whole, None) => assert_eq!((start, size), (0, len)),
        (Part::Prefix, Some(rest)) => {
            assert_eq!(start, 0);
            assert_eq!(rest, (base + size, len - size), "the bytes after a prefix");
        }
        (Part::Suffix, Some(rest)) => {
            assert_eq!(start + size, len);
            assert_eq!(rest, (base, start), "the bytes before a suffix");
        }
        _ => panic!("{part:?} returned the wrong shape"),
    }
}

/// The outcome of a `ref_from*` (or `try_ref_from*`) conversion, normalized to `(value,
/// rest)`, with `rest` `None` for whole conversions.
#[track_caller]
pub(crate) fn viewed<T, E>(
    src: &[u8],
    part: Part,
    result: Result<(&T, Option<&[u8]>), E>,
) -> Outcome
where
    T: ?Sized + KnownLayout + Model,
    E: Facts,
{
    match result {
        Ok((value, rest)) => landed(src.span(), src, value, rest.map(|r| r.span()), part),
        Err(e) => e.facts(src.span()),
    }
}

/// As [`viewed`], for `mut_from*` conversions of a source spanning `span` whose bytes were
/// `before`; on success, also writes through the view with [`Model::scribble`].
#[track_caller]
pub(crate) fn viewed_mut<T, E>(
    before: &[u8],
    span: (usize, usize),
    part: Part,
    result: Result<(&mut T, Option<&mut [u8]>), E>,
) -> Outcome
where
    T: ?Sized + KnownLayout + Model,
    E: Facts,
{
    match result {
        Ok((value, rest)) => {
            let outcome = landed(span, before, &*value, rest.map(|r| r.span()), part);
            T::scribble(value);
            outcome
        }
        Err(e) => e.facts(span),
    }
}

/// The bytes of `buf` after a mutable conversion of `buf[off..]` had `outcome` and wrote
/// through the view with [`Model::scribble`].
pub(crate) fn after_scribble<T: ?Sized + Model>(
    buf: &[u8],
    off: usize,
    outcome: Outcome,
) -> Vec<u8> {
    let mut out = buf.to_vec();
    if let Outcome::Ok { start, size, .. } = outcome {
        let range = off + start..off + start + size;
        out[range.clone()].copy_from_slice(&T::scribbled(&buf[range]));
    }
    out
}

/// The outcome of a `read_from*` copy, whose value is not in the source: where it came from
/// is told by the bytes left over.
#[track_caller]
pub(crate) fn copied<T, E>(src: &[u8], part: Part, result: Result<(T, Option<&[u8]>), E>) -> Outcome
where
    T: Model,
    E: Facts,
{
    match result {
        Ok((value, rest)) => {
            let size = size_of::<T>();
            let start = match (part, rest) {
                (Part::Suffix, Some(r)) => r.len(),
                _ => 0,
            };
            check_rest(src.span(), start, size, rest.map(|r| r.span()), part);
            assert!(T::matches(&value, &src[start..start + size]));
            Outcome::Ok {
                start,
                size,
                elems: 0,
            }
        }
        Err(e) => e.facts(src.span()),
    }
}

/// `(value, None)`: a whole conversion's result in the shape [`viewed`] takes.
pub(crate) fn whole<V, R>(value: V) -> (V, Option<R>) {
    (value, None)
}

/// `(value, Some(rest))` from a prefix conversion's `(value, rest)`.
pub(crate) fn prefix<V, R>((value, rest): (V, R)) -> (V, Option<R>) {
    (value, Some(rest))
}

/// `(value, Some(rest))` from a suffix conversion's `(rest, value)`.
pub(crate) fn suffix<V, R>((rest, value): (R, V)) -> (V, Option<R>) {
    (value, Some(rest))
}

/// The `(offset, len)` pairs the matrix tests try: every offset from a 16-byte boundary up to
/// `max_off`, every length up to `max_len`, within a [`BUF`]-byte buffer. Under Miri, offsets
/// stop at 4 and lengths at `miri_len`, which callers pick to still cover every outcome.
pub(crate) fn cases(
    max_off: usize,
    max_len: usize,
    miri_len: usize,
) -> impl Iterator<Item = (usize, usize)> {
    let (max_off, max_len) = if cfg!(miri) {
        (max_off.min(4), max_len.min(miri_len))
    } else {
        (max_off, max_len)
    };
    (0..=max_off).flat_map(move |off| {
        (0..=max_len)
            .filter(move |len| off + len <= BUF)
            .map(move |len| (off, len))
    })
}

/// A [`BUF`]-byte buffer of `T`'s sample bytes.
pub(crate) fn sample_buf<T: ?Sized + Model>() -> Aligned<BUF> {
    Aligned::from_fn(T::sample)
}

/// The tests' one pseudo-random generator, SplitMix64: small, and seeded by the caller so every
/// run (Miri's included) tests the same inputs. Any seed works, zero too.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    /// The next 64 random bits.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A random byte (the top 8 bits).
    #[cfg_attr(not(feature = "derive"), allow(dead_code))]
    pub(crate) fn byte(&mut self) -> u8 {
        self.next().to_le_bytes()[7]
    }

    /// A number below `n` (`n > 0`).
    #[cfg_attr(not(feature = "derive"), allow(dead_code))]
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `N` random bytes.
    pub(crate) fn bytes<const N: usize>(&mut self) -> [u8; N] {
        core::array::from_fn(|_| self.next() as u8)
    }

    /// `len` random bytes.
    #[cfg_attr(not(feature = "derive"), allow(dead_code))]
    pub(crate) fn vec(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// The type a trait probe asks about (see [`implements`]).
pub(crate) struct Probe<T>(pub(crate) core::marker::PhantomData<T>);

/// `true` if `$t` implements `$tr`: the by-value impl (with the bound) wins over the autoref
/// one when it applies.
macro_rules! implements {
    ($t:ty: $tr:path) => {{
        // One of the two traits is never used: which one is the answer.
        #[allow(dead_code)]
        trait Yes {
            fn probe(&self) -> bool {
                true
            }
        }
        impl<T: $tr> Yes for $crate::common::Probe<T> {}
        #[allow(dead_code)]
        trait No {
            fn probe(&self) -> bool {
                false
            }
        }
        impl<T> No for &$crate::common::Probe<T> {}
        (&$crate::common::Probe::<$t>(::core::marker::PhantomData)).probe()
    }};
}
pub(crate) use implements;
