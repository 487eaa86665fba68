// SPDX-License-Identifier: MIT OR Apache-2.0
//! `Ref<B, T>` over every byte holder (`&[u8]`, `&mut [u8]`, `RefCell` borrows, and with the
//! `bytes` feature `Bytes`/`BytesMut`), and the `byte_slice` traits.
//!
//! Every constructor runs on every small offset and length of a 16-byte-aligned buffer
//! (aligned, misaligned, short, long and empty sources) for a sized struct, `[u16]` and an
//! `Unaligned` struct; the result is compared with `expect_sized`/`expect_slice`/
//! `expect_count` (the documented rules) and with models that decode bytes without zerocast.
//! Errors must hand back exactly the holder they were given.

use core::cell::{self, RefCell};
use core::cmp::Ordering;
use core::convert::Infallible;
use core::ptr;

use zerocast::byte_slice::{ByteSlice, SplitByteSlice};
use zerocast::{
    CastError, ConvertError, FromBytes, Immutable, IntoBytes, KnownLayout, PointerMetadata, Ref,
    SizeError, SizeNeeded, Unaligned,
};

use crate::common::{
    addr_of, after_scribble, cases, expect_count, expect_sized, expect_slice, sample_buf, Aligned,
    Bad, Bytes as Span, Facts, Model, Oracle, Outcome, Part, PARTS,
};

/// A sized struct of alignment 4.
#[derive(
    FromBytes, IntoBytes, KnownLayout, Immutable, Debug, PartialEq, Eq, PartialOrd, Ord, Clone,
)]
#[repr(C)]
struct Header {
    len: u32,
    kind: u16,
    flags: u16,
}

impl Oracle for Header {
    fn decode(b: &[u8]) -> Result<Self, Bad> {
        Ok(Header {
            len: u32::from_ne_bytes(b[0..4].try_into().unwrap()),
            kind: u16::from_ne_bytes(b[4..6].try_into().unwrap()),
            flags: u16::from_ne_bytes(b[6..8].try_into().unwrap()),
        })
    }
    fn alt() -> Vec<u8> {
        [0xA1u8, 0xA2, 0xA3, 0xA4, 0xB1, 0xB2, 0xC1, 0xC2].to_vec()
    }
}

/// A sized struct of alignment 1.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, PartialEq, Eq, Clone)]
#[repr(C)]
struct Tag {
    kind: u8,
    len: [u8; 2],
}

impl Oracle for Tag {
    fn decode(b: &[u8]) -> Result<Self, Bad> {
        Ok(Tag {
            kind: b[0],
            len: [b[1], b[2]],
        })
    }
    fn alt() -> Vec<u8> {
        vec![0xEE, 0x01, 0x02]
    }
}

/// A `Ref` constructor's result in one shape: the view, and the bytes left over (`None` for
/// whole-source constructors).
type Made<B, T> = Result<(Ref<B, T>, Option<B>), CastError<B, T>>;

/// A destination type under test: how to call each constructor on it, and what the rules say.
trait Subject: FromBytes + IntoBytes + KnownLayout + Immutable + Model {
    /// Element counts to try with the `_with_elems` constructors (none for sized types).
    const COUNTS: &'static [usize];
    /// Calls the constructor for `part`, with `count` elements if given.
    fn make<B: SplitByteSlice>(src: B, part: Part, count: Option<usize>) -> Made<B, Self>;
    /// The outcome the rules give for `len` bytes `off` bytes past an `align`-aligned address.
    fn expect(off: usize, len: usize, part: Part, count: Option<usize>) -> Outcome;
    /// The largest length and offset the matrix tries (and the length under Miri).
    fn lens() -> (usize, usize, usize);
}

fn make_inferred<B: SplitByteSlice, T: ?Sized + KnownLayout + Immutable>(
    src: B,
    part: Part,
) -> Made<B, T> {
    match part {
        Part::Whole => Ref::from_bytes(src).map(|r| (r, None)),
        Part::Prefix => Ref::from_prefix(src).map(|(r, rest)| (r, Some(rest))),
        Part::Suffix => Ref::from_suffix(src).map(|(rest, r)| (r, Some(rest))),
    }
}

macro_rules! sized_subject {
    ($($t:ty),*) => {$(
        impl Subject for $t {
            const COUNTS: &'static [usize] = &[];
            fn make<B: SplitByteSlice>(src: B, part: Part, _: Option<usize>) -> Made<B, Self> {
                make_inferred(src, part)
            }
            fn expect(off: usize, len: usize, part: Part, _: Option<usize>) -> Outcome {
                expect_sized(size_of::<$t>(), align_of::<$t>(), off, len, part, true)
            }
            fn lens() -> (usize, usize, usize) {
                (8, 2 * size_of::<$t>() + 3, size_of::<$t>() + 2)
            }
        }
    )*};
}
sized_subject!(Header, Tag);

impl Subject for [u16] {
    const COUNTS: &'static [usize] = &[0, 1, 3, usize::MAX, isize::MAX as usize / 2 + 1];
    fn make<B: SplitByteSlice>(src: B, part: Part, count: Option<usize>) -> Made<B, Self> {
        match (part, count) {
            (_, None) => make_inferred(src, part),
            (Part::Whole, Some(n)) => Ref::from_bytes_with_elems(src, n).map(|r| (r, None)),
            (Part::Prefix, Some(n)) => {
                Ref::from_prefix_with_elems(src, n).map(|(r, rest)| (r, Some(rest)))
            }
            (Part::Suffix, Some(n)) => {
                Ref::from_suffix_with_elems(src, n).map(|(rest, r)| (r, Some(rest)))
            }
        }
    }
    fn expect(off: usize, len: usize, part: Part, count: Option<usize>) -> Outcome {
        match count {
            None => expect_slice(2, 2, off, len, part),
            Some(n) => expect_count(2, 2, off, len, part, n),
        }
    }
    fn lens() -> (usize, usize, usize) {
        (3, 9, 7)
    }
}

/// `None` (infer the element count) and then each of `T::COUNTS`.
fn counts<T: ?Sized + Subject>() -> impl Iterator<Item = Option<usize>> {
    core::iter::once(None).chain(T::COUNTS.iter().copied().map(Some))
}

/// Where a `Ref` landed in a source spanning `span` whose bytes are `bytes`, after checking
/// that its bytes, value and leftover are consistent; or the facts of its error, after checking
/// that the error holds exactly the source.
#[track_caller]
fn observe<B, T>(span: (usize, usize), bytes: &[u8], part: Part, made: Made<B, T>) -> Outcome
where
    B: ByteSlice + Span,
    T: ?Sized + FromBytes + KnownLayout + Immutable + Model,
{
    let (r, rest) = match made {
        Ok(ok) => ok,
        Err(e) => return e.facts(span),
    };
    let value: &T = &r;
    let start = addr_of(value) - span.0;
    let size = size_of_val(value);
    let elems = T::pointer_to_metadata(ptr::from_ref(value).cast_mut()).to_elem_count();
    assert_eq!(
        Ref::bytes(&r).span(),
        (span.0 + start, size),
        "Ref::bytes is the value's bytes"
    );
    assert!(
        T::matches(value, &bytes[start..start + size]),
        "the value is not what its bytes decode to"
    );
    match (part, rest.map(|r| r.span())) {
        (Part::Whole, None) => assert_eq!((start, size), (0, span.1)),
        (Part::Prefix, Some(rest)) => {
            assert_eq!(start, 0);
            assert_eq!(
                rest,
                (span.0 + size, span.1 - size),
                "the bytes after a prefix"
            );
        }
        (Part::Suffix, Some(rest)) => {
            assert_eq!(start + size, span.1);
            assert_eq!(rest, (span.0, start), "the bytes before a suffix");
        }
        _ => panic!("{part:?} returned the wrong shape"),
    }
    Outcome::Ok { start, size, elems }
}

impl Span for cell::Ref<'_, [u8]> {
    fn span(&self) -> (usize, usize) {
        (self.as_ptr().addr(), self.len())
    }
}

impl Span for cell::RefMut<'_, [u8]> {
    fn span(&self) -> (usize, usize) {
        (self.as_ptr().addr(), self.len())
    }
}

// ---- The matrix, over each holder -------------------------------------------------------------

/// Every constructor of `T` on every case, over `&[u8]` and `&mut [u8]`; through `&mut [u8]`,
/// also writes through `DerefMut` and checks the buffer.
fn over_slices<T: ?Sized + Subject>() {
    let buf = sample_buf::<T>();
    let (max_off, max_len, miri_len) = T::lens();
    for (off, len) in cases(max_off, max_len, miri_len) {
        for part in PARTS {
            for count in counts::<T>() {
                let what = format!("{part:?} count {count:?}: offset {off}, len {len}");
                let want = T::expect(off, len, part, count);

                let src = &buf.0[off..off + len];
                let got = observe(src.span(), src, part, T::make(src, part, count));
                assert_eq!(got, want, "&[u8] {what}");

                let mut copy = buf.clone();
                let dst = &mut copy.0[off..off + len];
                let span = dst.span();
                let written = after_scribble::<T>(src, 0, want);
                let got = match T::make(dst, part, count) {
                    Ok((mut r, rest)) => {
                        T::scribble(&mut r);
                        observe(span, &written, part, Ok((r, rest)))
                    }
                    Err(e) => e.facts(span),
                };
                assert_eq!(got, want, "&mut [u8] {what}");
                assert_eq!(
                    copy.0[..],
                    after_scribble::<T>(&buf.0, off, want)[..],
                    "the buffer after writing through DerefMut, {what}"
                );
            }
        }
    }
}

/// As [`over_slices`], over `RefCell` borrows (`cell::Ref`, `cell::RefMut`).
fn over_refcell<T: ?Sized + Subject>() {
    let buf = sample_buf::<T>();
    let (max_off, max_len, miri_len) = T::lens();
    for (off, len) in cases(max_off, max_len, miri_len) {
        for part in PARTS {
            for count in counts::<T>() {
                let what = format!("{part:?} count {count:?}: offset {off}, len {len}");
                let want = T::expect(off, len, part, count);
                let src = &buf.0[off..off + len];

                let cell = RefCell::new(buf.clone());
                let borrow = cell::Ref::map(cell.borrow(), |b| &b.0[off..off + len]);
                let span = borrow.span();
                let got = observe(span, src, part, T::make(borrow, part, count));
                assert_eq!(got, want, "cell::Ref {what}");
                // Every borrow (the view, the rest, or the error's source) is gone.
                assert!(cell.try_borrow_mut().is_ok());

                let borrow = cell::RefMut::map(cell.borrow_mut(), |b| &mut b.0[off..off + len]);
                let span = borrow.span();
                let written = after_scribble::<T>(src, 0, want);
                let got = match T::make(borrow, part, count) {
                    Ok((mut r, rest)) => {
                        T::scribble(&mut r);
                        observe(span, &written, part, Ok((r, rest)))
                    }
                    Err(e) => e.facts(span),
                };
                assert_eq!(got, want, "cell::RefMut {what}");
                assert_eq!(
                    cell.borrow().0[..],
                    after_scribble::<T>(&buf.0, off, want)[..],
                    "the cell after writing through DerefMut, {what}"
                );
            }
        }
    }
}

#[test]
fn sized_struct_over_slices_and_refcell() {
    over_slices::<Header>();
    over_refcell::<Header>();
}

#[test]
fn u16_slices_over_slices_and_refcell() {
    over_slices::<[u16]>();
    over_refcell::<[u16]>();
}

#[test]
fn unaligned_struct_over_slices_and_refcell() {
    over_slices::<Tag>();
    over_refcell::<Tag>();
}

/// The matrix meets every outcome (so none of its cases is vacuous), for each type.
#[test]
fn matrix_meets_every_outcome() {
    fn kinds<T: ?Sized + Subject>() -> [bool; 3] {
        let buf = sample_buf::<T>();
        let (max_off, max_len, miri_len) = T::lens();
        let mut seen = [false; 3];
        for (off, len) in cases(max_off, max_len, miri_len) {
            for part in PARTS {
                let src = &buf.0[off..off + len];
                let got = observe(src.span(), src, part, T::make(src, part, None));
                seen[match got {
                    Outcome::Ok { .. } => 0,
                    Outcome::Align { .. } => 1,
                    _ => 2,
                }] = true;
            }
        }
        seen
    }
    assert_eq!(kinds::<Header>(), [true; 3]);
    assert_eq!(kinds::<[u16]>(), [true; 3]);
    // Alignment 1: never misaligned.
    assert_eq!(kinds::<Tag>(), [true, false, true]);
}

// ---- Single behaviours -------------------------------------------------------------------------

/// `into_ref` and `into_mut` give references that outlive the `Ref`, borrowed from the bytes.
#[test]
fn into_ref_and_into_mut_outlive_the_ref() {
    fn header(packet: &[u8]) -> Option<&Header> {
        let (r, _) = Ref::<_, Header>::from_prefix(packet).ok()?;
        Some(Ref::into_ref(r))
    }
    fn words(packet: &mut [u8]) -> Option<&mut [u16]> {
        Some(Ref::into_mut(Ref::<_, [u16]>::from_bytes(packet).ok()?))
    }
    let mut buf = Aligned::<16>::from_fn(|i| i as u8);
    let h = header(&buf.0).unwrap();
    assert_eq!(addr_of(h), buf.0.as_ptr().addr());
    assert_eq!(*h, Header::decode(&buf.0[..8]).unwrap());

    let w = words(&mut buf.0[2..6]).unwrap();
    w[1] = u16::from_ne_bytes([0xAA, 0xBB]);
    assert_eq!(buf.0[..8], [0, 1, 2, 3, 0xAA, 0xBB, 6, 7]);
}

/// `read` copies the value out; `write` stores a value's native-endian bytes.
#[test]
fn read_and_write() {
    let mut buf = Aligned::<8>::from_fn(|i| 0x10 + i as u8);
    let r = Ref::<_, Header>::from_bytes(&buf.0[..]).unwrap();
    assert_eq!(Ref::read(&r), Header::decode(&buf.0).unwrap());

    let mut r = Ref::<_, Header>::from_bytes(&mut buf.0[..]).unwrap();
    Ref::write(
        &mut r,
        Header {
            len: 0x0102_0304,
            kind: 0x0506,
            flags: 0x0708,
        },
    );
    let mut want = 0x0102_0304u32.to_ne_bytes().to_vec();
    want.extend(0x0506u16.to_ne_bytes());
    want.extend(0x0708u16.to_ne_bytes());
    assert_eq!(Ref::bytes(&r), &want[..]);
    Ref::bytes_mut(&mut r)[0..4].copy_from_slice(&7u32.to_ne_bytes());
    assert_eq!(r.len, 7);
    assert_eq!(buf.0[4..], want[4..]);
    assert_eq!(buf.0[..4], 7u32.to_ne_bytes());
}

/// `Debug`, `Display` and the comparisons are those of the viewed value.
#[test]
fn formatting_and_comparisons() {
    let a = [1u8, 2, 3];
    let b = [1u8, 2, 4];
    let ra = Ref::<_, [u8; 3]>::from_bytes(&a[..]).unwrap();
    let rb = Ref::<_, [u8; 3]>::from_bytes(&b[..]).unwrap();
    assert_eq!(format!("{ra:?}"), "Ref([1, 2, 3])");
    assert!(ra == ra && ra != rb);
    assert_eq!(ra.cmp(&rb), Ordering::Less);
    assert_eq!(rb.partial_cmp(&ra), Some(Ordering::Greater));

    let n = 0xBEEFu16.to_ne_bytes();
    let tag = [9u8, n[0], n[1]];
    let r = Ref::<_, Tag>::from_bytes(&tag[..]).unwrap();
    assert_eq!(
        format!("{r:?}"),
        format!("Ref({:?})", Tag { kind: 9, len: n })
    );
    let word = [48879u32];
    let r = Ref::<_, u32>::from_bytes(word.as_bytes()).unwrap();
    assert_eq!(r.to_string(), "48879");
}

/// A `Ref` over a copyable holder is `Copy`, and a copy views the same bytes.
#[test]
fn copies_and_clones_view_the_same_bytes() {
    let buf = [5u8, 6];
    let r = Ref::<_, [u8]>::from_bytes(&buf[..]).unwrap();
    let s = r;
    #[expect(clippy::clone_on_copy, reason = "testing Clone itself")]
    let t = r.clone();
    assert_eq!(Ref::bytes(&s).as_ptr(), Ref::bytes(&t).as_ptr());
    assert_eq!((&*r, &*s, &*t), (&[5, 6][..], &[5, 6][..], &[5, 6][..]));
}

/// Errors to an `Unaligned` type drop the impossible alignment arm, whatever the holder.
#[test]
fn unaligned_errors_narrow_to_size_errors() {
    let short = [1u8, 2];
    let e: SizeError<&[u8], Tag> = Ref::<_, Tag>::from_bytes(&short[..]).unwrap_err().into();
    assert_eq!((e.found(), e.needed()), (2, SizeNeeded::Exactly(3)));
    assert_eq!(e.into_src(), &short[..]);

    let cell = RefCell::new([1u8, 2]);
    let borrow = cell::Ref::map(cell.borrow(), |b| &b[..]);
    let e: SizeError<_, Tag> = Ref::<_, Tag>::from_prefix(borrow).unwrap_err().into();
    assert_eq!(e.needed(), SizeNeeded::AtLeast(3));
    assert_eq!(*e.into_src(), [1, 2]);

    let mut bytes = [7u8; 4];
    let e: ConvertError<Infallible, SizeError<_, Tag>, Infallible> =
        Ref::<_, Tag>::from_bytes(&mut bytes[..])
            .unwrap_err()
            .into();
    let ConvertError::Size(e) = e;
    assert_eq!(e.found(), 4);
    e.into_src()[0] = 8;
    assert_eq!(bytes, [8, 7, 7, 7]);
}

// ---- The split traits ----------------------------------------------------------------------------

/// `split_at` on every holder: in range it splits exactly; out of range it hands the holder
/// back, unchanged, without panicking.
#[test]
fn split_at_on_every_holder() {
    let mut buf = [1u8, 2, 3, 4];
    let base = buf.as_ptr().addr();
    for mid in 0..=4 {
        let (a, b) = SplitByteSlice::split_at(&buf[..], mid).unwrap();
        assert_eq!((a.span(), b.span()), ((base, mid), (base + mid, 4 - mid)));
    }
    assert_eq!(
        SplitByteSlice::split_at(&buf[..], 5).unwrap_err().span(),
        (base, 4)
    );
    assert_eq!(
        SplitByteSlice::split_at(&buf[..], usize::MAX)
            .unwrap_err()
            .len(),
        4
    );

    for mid in 0..=4 {
        let (a, b) = SplitByteSlice::split_at(&mut buf[..], mid).unwrap();
        assert_eq!((a.span(), b.span()), ((base, mid), (base + mid, 4 - mid)));
        if let Some(x) = b.first_mut() {
            *x += 10;
        }
    }
    assert_eq!(buf, [11, 12, 13, 14]);
    assert_eq!(
        SplitByteSlice::split_at(&mut buf[..], 5)
            .unwrap_err()
            .span(),
        (base, 4)
    );

    let cell = RefCell::new([1u8, 2, 3]);
    let base = cell.borrow().as_ptr().addr();
    let whole = cell::Ref::map(cell.borrow(), |b| &b[..]);
    let (a, b) = whole.split_at(1).unwrap();
    assert_eq!((a.span(), b.span()), ((base, 1), (base + 1, 2)));
    drop((a, b));
    let whole = cell::Ref::map(cell.borrow(), |b| &b[..]);
    let back = whole.split_at(4).unwrap_err();
    assert_eq!((back.span(), &back[..]), ((base, 3), &[1, 2, 3][..]));
    drop(back);

    let whole = cell::RefMut::map(cell.borrow_mut(), |b| &mut b[..]);
    let (mut a, b) = whole.split_at(3).unwrap();
    assert_eq!((a.span(), b.span()), ((base, 3), (base + 3, 0)));
    a[0] = 9;
    drop((a, b));
    let whole = cell::RefMut::map(cell.borrow_mut(), |b| &mut b[..]);
    assert_eq!(whole.split_at(4).unwrap_err().span(), (base, 3));
    assert_eq!(*cell.borrow(), [9, 2, 3]);
}

// ---- bytes::Bytes and bytes::BytesMut ---------------------------------------------------------------

#[cfg(feature = "bytes")]
mod with_bytes {
    use bytes::{Bytes, BytesMut};

    use super::*;
    use crate::common::BUF;

    impl Span for Bytes {
        fn span(&self) -> (usize, usize) {
            (self.as_ptr().addr(), self.len())
        }
    }

    impl Span for BytesMut {
        fn span(&self) -> (usize, usize) {
            (self.as_ptr().addr(), self.len())
        }
    }

    /// A `Bytes` owner whose buffer starts on a 16-byte boundary (a `Vec<u8>` need not).
    struct Owner(Aligned<BUF>);

    impl AsRef<[u8]> for Owner {
        fn as_ref(&self) -> &[u8] {
            &self.0 .0
        }
    }

    /// As [`over_slices`], over `Bytes` (the same cases) and `BytesMut` (whose buffer's
    /// alignment is the allocator's: the outcome is expected from where the value would start).
    fn over_bytes<T: ?Sized + Subject>() {
        let buf = sample_buf::<T>();
        let frame = Bytes::from_owner(Owner(buf.clone()));
        assert_eq!(frame.as_ptr().align_offset(16), 0);
        let (max_off, max_len, miri_len) = T::lens();
        for (off, len) in cases(max_off, max_len, miri_len) {
            for part in PARTS {
                for count in counts::<T>() {
                    let what = format!("{part:?} count {count:?}: offset {off}, len {len}");
                    let want = T::expect(off, len, part, count);
                    let src = &buf.0[off..off + len];

                    let view = frame.slice(off..off + len);
                    let got = observe(view.span(), src, part, T::make(view, part, count));
                    assert_eq!(got, want, "Bytes {what}");

                    if layout_align::<T>() != 1 {
                        continue;
                    }
                    let mut view = BytesMut::from(&buf.0[..]).split_off(off);
                    view.truncate(len);
                    let span = view.span();
                    let written = after_scribble::<T>(src, 0, want);
                    let got = match T::make(view, part, count) {
                        Ok((mut r, rest)) => {
                            T::scribble(&mut r);
                            assert_eq!(Ref::bytes(&r), T::scribbled(Ref::bytes(&r)).as_slice());
                            observe(span, &written, part, Ok((r, rest)))
                        }
                        Err(e) => e.facts(span),
                    };
                    assert_eq!(got, want, "BytesMut {what}");
                }
            }
        }
    }

    /// The alignment of `T` (of its elements, for slices).
    fn layout_align<T: ?Sized + KnownLayout>() -> usize {
        T::LAYOUT.align()
    }

    #[test]
    fn sized_struct_over_bytes() {
        over_bytes::<Header>();
    }

    #[test]
    fn u16_slices_over_bytes() {
        over_bytes::<[u16]>();
    }

    #[test]
    fn unaligned_struct_over_bytes_and_bytes_mut() {
        over_bytes::<Tag>();
    }

    /// Over `BytesMut`, whose alignment the allocator chooses, an aligned type is viewed
    /// exactly where its start is aligned, and written through.
    #[test]
    fn u16_slices_over_bytes_mut() {
        let words: Vec<u8> = (0..12).collect();
        for off in 0..3 {
            let mut view = BytesMut::from(&words[..]).split_off(off);
            let aligned = view.as_ptr().align_offset(2) == 0;
            let span = view.span();
            view.truncate(7);
            match Ref::<_, [u16]>::from_prefix(view) {
                Ok((mut r, rest)) => {
                    assert!(aligned, "offset {off}");
                    assert_eq!(r.len(), 3);
                    assert_eq!(r[0], u16::from_ne_bytes([words[off], words[off + 1]]));
                    r[2] = u16::from_ne_bytes([0xAB, 0xCD]);
                    assert_eq!(Ref::bytes(&r)[4..], [0xAB, 0xCD]);
                    assert_eq!(rest.span(), (span.0 + 6, 1));
                }
                Err(ConvertError::Alignment(e)) => {
                    assert!(!aligned, "offset {off}");
                    assert_eq!(e.into_src().span(), (span.0, 7));
                }
                Err(e) => panic!("{e}"),
            }
        }
    }

    /// The realistic use: a typed header kept alongside the payload, both sharing the frame.
    #[test]
    fn header_view_outlives_the_parse() {
        fn parse(frame: Bytes) -> Option<(Ref<Bytes, Tag>, Bytes)> {
            Ref::<_, Tag>::from_prefix(frame).ok()
        }
        let frame = Bytes::from(vec![7u8, 0, 5, b'h', b'e', b'l', b'l', b'o']);
        let (tag, payload) = parse(frame.clone()).unwrap();
        drop(frame);
        assert_eq!((tag.kind, tag.len), (7, [0, 5]));
        assert_eq!(&payload[..], b"hello");
        // A clone of the view shares the buffer.
        let again = tag.clone();
        assert_eq!(Ref::bytes(&again).as_ptr(), Ref::bytes(&tag).as_ptr());
        // Errors give the frame back intact.
        let short = Bytes::from_static(&[1, 2]);
        let e = Ref::<_, Tag>::from_bytes(short.clone()).unwrap_err();
        assert_eq!(e.into_src(), short);
    }

    /// `split_at` on `Bytes` and `BytesMut`: exact in range (empty ends included), the holder
    /// back, intact, out of range.
    #[test]
    fn split_at_on_bytes_holders() {
        let frame = Bytes::from_owner(Owner(Aligned::from_fn(|i| i as u8)));
        let (base, len) = frame.span();
        for mid in [0, 1, len - 1, len] {
            let (a, b) = frame.clone().split_at(mid).unwrap();
            assert_eq!((a.span(), b.span()), ((base, mid), (base + mid, len - mid)));
            assert_eq!((&a[..], &b[..]), (&frame[..mid], &frame[mid..]));
        }
        let back = frame.clone().split_at(len + 1).unwrap_err();
        assert_eq!((back.span(), &back), ((base, len), &frame));

        let data: Vec<u8> = (0..10).collect();
        for mid in [0, 1, 9, 10] {
            let whole = BytesMut::from(&data[..]);
            let base = whole.as_ptr().addr();
            let (mut a, b) = whole.split_at(mid).unwrap();
            assert_eq!((a.span(), b.span()), ((base, mid), (base + mid, 10 - mid)));
            assert_eq!((&a[..], &b[..]), (&data[..mid], &data[mid..]));
            a.fill(0xFF);
            assert_eq!(&b[..], &data[mid..], "writing one part leaves the other");
        }
        let whole = BytesMut::from(&data[..]);
        let span = whole.span();
        let back = whole.split_at(11).unwrap_err();
        assert_eq!((back.span(), &back[..]), (span, &data[..]));
    }
}
