// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`Ref`]: a typed view that keeps the byte holder it was made from.
//!
//! `FromBytes::ref_from_prefix` turns a `&[u8]` into a `&T`. A `Ref<B, T>` does the same for
//! any [`ByteSlice`] `B`, such as a `RefCell` borrow or a refcounted `bytes::Bytes`, and keeps
//! `B`: the view lives as long as the holder, and the holder comes back whole on failure
//! (`into_src`) or through [`Ref::into_bytes`]-style accessors.
//!
//! The constructors check size and alignment once, with the same `layout::locate` every other
//! conversion uses, and record the element count. [`ByteSlice`]'s contract (dereferencing is
//! stable) then lets every later access rebuild the `&T` from the held bytes without checking
//! again: the one unsafe step of each accessor is argued from the invariant below.

use core::marker::PhantomData;
use core::ptr::{self, NonNull};

use crate::byte_slice::{ByteSlice, ByteSliceMut, IntoByteSlice, IntoByteSliceMut, SplitByteSlice};
use crate::cast::{assert_count_inferable, Count};
use crate::error::{CastError, SizeNeeded};
use crate::layout::{locate, Misfit, Part};
use crate::{FromBytes, Immutable, IntoBytes, KnownLayout, PointerMetadata};

mod traits;

/// A typed view of a `T` stored in a byte holder `B`, with `B`'s mutability.
///
/// `B` is any [`ByteSlice`]: `&[u8]`, `&mut [u8]`, `RefCell` borrows, and (with the `bytes`
/// feature) `bytes::Bytes` and `bytes::BytesMut`. `T` is any [`KnownLayout`] type: sized, a
/// slice `[E]`, or a slice-tailed struct. A `Ref` dereferences to `&T` when `T: FromBytes`, and
/// to `&mut T` when also `T: IntoBytes` and `B` is mutable.
///
/// # Examples
///
/// Parse an Ethernet frame carrying IPv4 out of a refcounted buffer, and keep the typed
/// headers next to the payload, with no copy and no borrow of a local:
///
/// ```
/// # #[cfg(feature = "bytes")]
/// # fn main() {
/// use bytes::Bytes;
/// use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Ref, Unaligned};
///
/// #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
/// #[repr(C)]
/// struct EthernetHeader {
///     dst: [u8; 6],
///     src: [u8; 6],
///     ethertype: [u8; 2],
/// }
///
/// #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
/// #[repr(C)]
/// struct Ipv4Header {
///     version_ihl: u8,
///     dscp_ecn: u8,
///     total_len: [u8; 2],
///     id: [u8; 2],
///     flags_fragment: [u8; 2],
///     ttl: u8,
///     protocol: u8,
///     checksum: [u8; 2],
///     src: [u8; 4],
///     dst: [u8; 4],
/// }
///
/// /// A parsed packet: it owns (a share of) the frame, so it can be queued or sent to a task.
/// struct Ipv4Packet {
///     eth: Ref<Bytes, EthernetHeader>,
///     ip: Ref<Bytes, Ipv4Header>,
///     payload: Bytes,
/// }
///
/// fn parse(frame: Bytes) -> Option<Ipv4Packet> {
///     let (eth, rest) = Ref::<_, EthernetHeader>::from_prefix(frame).ok()?;
///     if eth.ethertype != [0x08, 0x00] {
///         return None;
///     }
///     let (ip, payload) = Ref::<_, Ipv4Header>::from_prefix(rest).ok()?;
///     (ip.version_ihl >> 4 == 4).then_some(Ipv4Packet { eth, ip, payload })
/// }
///
/// let mut frame = vec![0xff; 6]; // broadcast
/// frame.extend([0x02, 0, 0, 0, 0, 1, 0x08, 0x00]); // source MAC, IPv4
/// frame.extend([0x45, 0, 0, 24, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]);
/// frame.extend(*b"ping");
/// let frame = Bytes::from(frame);
///
/// let packet = parse(frame.clone()).unwrap();
/// assert_eq!(packet.eth.src, [0x02, 0, 0, 0, 0, 1]);
/// assert_eq!(u16::from_be_bytes(packet.ip.total_len), 24);
/// assert_eq!((packet.ip.ttl, packet.ip.protocol), (64, 17));
/// assert_eq!(packet.ip.dst, [10, 0, 0, 2]);
/// assert_eq!(&packet.payload[..], b"ping");
/// // The headers are views into the frame, not copies.
/// assert_eq!(Ref::bytes(&packet.ip).as_ptr(), frame[14..].as_ptr());
/// # }
/// # #[cfg(not(feature = "bytes"))]
/// # fn main() {}
/// ```
///
/// # Invariants
///
/// Every `Ref<B, T>` is made by `Ref::new_unchecked`, which requires `T: KnownLayout`; the bytes
/// `bytes` dereferences to (and, by [`ByteSlice`]'s contract, keeps dereferencing to) are:
/// - aligned to `T::LAYOUT.align()`, and
/// - exactly `T::LAYOUT.size_for_elems(elems)` bytes long (`elems` is 0 for sized `T`).
///
/// For a sized `T` that is `size_of::<T>()` bytes aligned to `align_of::<T>()` (`KnownLayout`'s
/// contract on `LAYOUT`). Nothing is promised about the bytes' values: accessors that produce a
/// `T` require `T: FromBytes`.
pub struct Ref<B, T: ?Sized> {
    bytes: B,
    elems: usize,
    _marker: PhantomData<T>,
}

impl<B: ByteSlice, T: ?Sized + KnownLayout> Ref<B, T> {
    /// Wraps `bytes` as a view of a `T` with `elems` trailing elements.
    ///
    /// # Safety
    ///
    /// `bytes` must dereference to bytes aligned to `T::LAYOUT.align()` whose length is
    /// `T::LAYOUT.size_for_elems(elems)` (`elems` is ignored for sized `T`).
    #[inline(always)]
    unsafe fn new_unchecked(bytes: B, elems: usize) -> Ref<B, T> {
        // INVARIANT: the caller promises the alignment and length; `B: ByteSlice` keeps them.
        Ref {
            bytes,
            elems,
            _marker: PhantomData,
        }
    }

    /// A whole-source view: `source` must be aligned and exactly a size of `T`.
    #[inline(always)]
    fn whole<C: Count>(source: B, count: C) -> Result<Ref<B, T>, CastError<B, T>> {
        const { assert_count_inferable::<T, C>() };
        let (base, len) = (source.as_ptr(), source.len());
        match locate(T::LAYOUT, base, len, Part::Whole, count.get(), true) {
            // SAFETY: `new_unchecked` needs `source` to dereference to bytes aligned for `T` and
            // `size_for_elems(loc.elems)` long: `locate` checked, for the whole `len` bytes at
            // `base` (what `source` dereferences to), that `base` is aligned to
            // `T::LAYOUT.align()` and that `loc.size == len` is that size; `ByteSlice` promises
            // `source` keeps dereferencing to them.
            Ok(loc) => Ok(unsafe { Ref::new_unchecked(source, loc.elems) }),
            Err(m) => Err(misfit(source, m)),
        }
    }
}

impl<B: SplitByteSlice, T: ?Sized + KnownLayout> Ref<B, T> {
    /// A view of the start of `source`, and the bytes after it.
    #[inline(always)]
    fn prefix<C: Count>(source: B, count: C) -> Result<(Ref<B, T>, B), CastError<B, T>> {
        const { assert_count_inferable::<T, C>() };
        let (base, len) = (source.as_ptr(), source.len());
        let loc = match locate(T::LAYOUT, base, len, Part::Prefix, count.get(), true) {
            Ok(loc) => loc,
            Err(m) => return Err(misfit(source, m)),
        };
        // `loc.size <= len` (`locate`), so `SplitByteSlice` promises `Ok`; were an
        // implementation to break that, the source comes back as a size error, not a panic.
        let (bytes, rest) = match source.split_at(loc.size) {
            Ok(parts) => parts,
            Err(source) => return Err(misfit(source, Misfit::Size(SizeNeeded::AtLeast(loc.size)))),
        };
        // SAFETY: `new_unchecked` needs `bytes` to dereference to bytes aligned for `T` and
        // `size_for_elems(loc.elems)` long: `SplitByteSlice` promises `bytes` is the first
        // `loc.size` bytes at `base`, which `locate` found aligned to `T::LAYOUT.align()` and
        // of that size; `ByteSlice` promises `bytes` keeps dereferencing to them.
        Ok((unsafe { Ref::new_unchecked(bytes, loc.elems) }, rest))
    }

    /// A view of the end of `source`, and the bytes before it.
    #[inline(always)]
    fn suffix<C: Count>(source: B, count: C) -> Result<(B, Ref<B, T>), CastError<B, T>> {
        const { assert_count_inferable::<T, C>() };
        let (base, len) = (source.as_ptr(), source.len());
        let loc = match locate(T::LAYOUT, base, len, Part::Suffix, count.get(), true) {
            Ok(loc) => loc,
            Err(m) => return Err(misfit(source, m)),
        };
        // As in `prefix`: `loc.start <= len`, so this is `Ok`.
        let (rest, bytes) = match source.split_at(loc.start) {
            Ok(parts) => parts,
            Err(source) => return Err(misfit(source, Misfit::Size(SizeNeeded::AtLeast(loc.size)))),
        };
        // SAFETY: `new_unchecked` needs `bytes` to dereference to bytes aligned for `T` and
        // `size_for_elems(loc.elems)` long: `SplitByteSlice` promises `bytes` is the
        // `len - loc.start == loc.size` bytes at `base + loc.start`, which `locate` found
        // aligned to `T::LAYOUT.align()` and of that size; `ByteSlice` keeps them.
        Ok((rest, unsafe { Ref::new_unchecked(bytes, loc.elems) }))
    }
}

/// The error for a source in which no `T` fits, holding the source back.
#[cold]
fn misfit<B: ByteSlice, T: ?Sized + KnownLayout>(source: B, m: Misfit) -> CastError<B, T> {
    let (base, len) = (source.as_ptr(), source.len());
    m.into_error(source, base, len)
}

impl<B, T> Ref<B, T>
where
    B: ByteSlice,
    T: ?Sized,
{
    /// Views all of `source` as a `T` (as many elements as fit, for slices and slice-tailed
    /// types).
    ///
    /// `T` may be sized, a slice or a slice-tailed type. If `T` is [`Unaligned`](crate::Unaligned),
    /// the alignment arm of the error cannot happen: convert the error with
    /// `SizeError::from` to drop it.
    ///
    /// A slice or slice-tailed `T` whose trailing elements are zero-sized fails to compile
    /// (any number of them would fit): use [`from_bytes_with_elems`](Ref::from_bytes_with_elems).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{IntoBytes, Ref};
    ///
    /// let words = [0x0102_0304u32, 7];
    /// let r = Ref::<_, [u32]>::from_bytes(words.as_bytes()).unwrap();
    /// assert_eq!(&*r, &[0x0102_0304, 7]);
    ///
    /// // The wrong length: the error hands the source back.
    /// let err = Ref::<_, u32>::from_bytes(&words.as_bytes()[..3]).unwrap_err();
    /// assert_eq!(err.into_src(), &words.as_bytes()[..3]);
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if `source` is not aligned for `T`; `Size` if its length is not a size of `T`
    /// (for slices: not a whole number of elements). Either holds `source`.
    #[must_use = "has no side effects"]
    #[inline]
    pub fn from_bytes(source: B) -> Result<Ref<B, T>, CastError<B, T>>
    where
        T: KnownLayout + Immutable,
    {
        Ref::whole(source, ())
    }
}

impl<B, T> Ref<B, T>
where
    B: SplitByteSlice,
    T: ?Sized,
{
    /// Views the start of `source` as a `T` (the largest that fits, for slices and
    /// slice-tailed types); returns it and the bytes after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Ref;
    ///
    /// let (hdr, body) = Ref::<_, [u8; 2]>::from_prefix(&b"hi there"[..]).unwrap();
    /// assert_eq!((*hdr, body), (*b"hi", &b" there"[..]));
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if `source` is not aligned for `T`; `Size` if it is shorter than the smallest
    /// `T`. Either holds `source`.
    #[must_use = "has no side effects"]
    #[inline]
    pub fn from_prefix(source: B) -> Result<(Ref<B, T>, B), CastError<B, T>>
    where
        T: KnownLayout + Immutable,
    {
        Ref::prefix(source, ())
    }

    /// Views the end of `source` as a `T` (the largest that fits, for slices and slice-tailed
    /// types); returns the bytes before it and it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Ref;
    ///
    /// let (body, trailer) = Ref::<_, [u8; 2]>::from_suffix(&b"data\r\n"[..]).unwrap();
    /// assert_eq!((body, *trailer), (&b"data"[..], *b"\r\n"));
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if the suffix is not aligned for `T`; `Size` if `source` is shorter than the
    /// smallest `T`. Either holds `source`.
    #[must_use = "has no side effects"]
    #[inline]
    pub fn from_suffix(source: B) -> Result<(B, Ref<B, T>), CastError<B, T>>
    where
        T: KnownLayout + Immutable,
    {
        Ref::suffix(source, ())
    }
}

impl<B, T> Ref<B, T>
where
    B: ByteSlice,
    T: ?Sized,
{
    /// Views all of `source` as a `T` with exactly `count` trailing elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{IntoBytes, Ref};
    ///
    /// let halves = [1u16, 2, 3];
    /// let r = Ref::<_, [u16]>::from_bytes_with_elems(halves.as_bytes(), 3).unwrap();
    /// assert_eq!(&*r, &[1, 2, 3]);
    /// assert!(Ref::<_, [u16]>::from_bytes_with_elems(halves.as_bytes(), 2).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if `source` is not aligned for `T`; `Size` if its length is not the size of a
    /// `T` with `count` elements, or that size overflows `isize`. Either holds `source`.
    #[must_use = "has no side effects"]
    #[inline]
    pub fn from_bytes_with_elems(source: B, count: usize) -> Result<Ref<B, T>, CastError<B, T>>
    where
        T: KnownLayout<PointerMetadata = usize> + Immutable,
    {
        Ref::whole(source, count)
    }
}

impl<B, T> Ref<B, T>
where
    B: SplitByteSlice,
    T: ?Sized,
{
    /// Views the start of `source` as a `T` with exactly `count` trailing elements; returns it
    /// and the bytes after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Ref;
    ///
    /// let (pair, rest) = Ref::<_, [[u8; 2]]>::from_prefix_with_elems(&[1u8, 2, 3, 4, 5][..], 2)
    ///     .unwrap();
    /// assert_eq!((&*pair, rest), (&[[1, 2], [3, 4]][..], &[5][..]));
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if `source` is not aligned for `T`; `Size` if it is shorter than a `T` with
    /// `count` elements, or that size overflows `isize`. Either holds `source`.
    #[must_use = "has no side effects"]
    #[inline]
    pub fn from_prefix_with_elems(
        source: B,
        count: usize,
    ) -> Result<(Ref<B, T>, B), CastError<B, T>>
    where
        T: KnownLayout<PointerMetadata = usize> + Immutable,
    {
        Ref::prefix(source, count)
    }

    /// Views the end of `source` as a `T` with exactly `count` trailing elements; returns the
    /// bytes before it and it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Ref;
    ///
    /// let (rest, last) = Ref::<_, [u8]>::from_suffix_with_elems(&[1u8, 2, 3][..], 1).unwrap();
    /// assert_eq!((rest, &*last), (&[1, 2][..], &[3][..]));
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if the suffix is not aligned for `T`; `Size` if `source` is shorter than a
    /// `T` with `count` elements, or that size overflows `isize`. Either holds `source`.
    #[must_use = "has no side effects"]
    #[inline]
    pub fn from_suffix_with_elems(
        source: B,
        count: usize,
    ) -> Result<(B, Ref<B, T>), CastError<B, T>>
    where
        T: KnownLayout<PointerMetadata = usize> + Immutable,
    {
        Ref::suffix(source, count)
    }
}

impl<'a, B, T> Ref<B, T>
where
    B: 'a + IntoByteSlice<'a>,
    T: FromBytes + KnownLayout + Immutable + ?Sized,
{
    /// Turns the view into a plain `&'a T`, for the whole lifetime of the bytes.
    ///
    /// An associated function (`Ref::into_ref(r)`), so that it does not hide a method of `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Ref;
    ///
    /// fn header(packet: &[u8]) -> Option<&[u8; 4]> {
    ///     let (r, _) = Ref::<_, [u8; 4]>::from_prefix(packet).ok()?;
    ///     Some(Ref::into_ref(r)) // outlives `r`: borrowed from `packet`
    /// }
    /// assert_eq!(header(&[1, 2, 3, 4, 5]), Some(&[1, 2, 3, 4]));
    /// ```
    #[must_use = "has no side effects"]
    #[inline(always)]
    pub fn into_ref(r: Self) -> &'a T {
        let elems = r.elems;
        let bytes: &'a [u8] = r.bytes.into_byte_slice();
        let ptr = view_ptr::<T>(elems, NonNull::from(bytes));
        // SAFETY: `ptr` may become a `&'a T` because:
        // - it has the address and provenance of `bytes` and `T`'s metadata for `elems`
        //   (`raw_from_ptr_len`), so it spans `size_for_elems(elems)` bytes (`KnownLayout`),
        //   which by `Ref`'s invariant are exactly `bytes` (`IntoByteSlice` promises `bytes` is
        //   what `deref` returned) and are aligned to `T::LAYOUT.align()`;
        // - `bytes` is readable and initialized for `'a`, and unchanging: it is a shared
        //   borrow, and `T: Immutable` lets nothing change it through the `&T`;
        // - initialized bytes of a `T`'s size are a valid `T` (`T: FromBytes`).
        unsafe { ptr.as_ref() }
    }
}

impl<'a, B, T> Ref<B, T>
where
    B: 'a + IntoByteSliceMut<'a>,
    T: FromBytes + IntoBytes + KnownLayout + ?Sized,
{
    /// Turns the view into a plain `&'a mut T`, for the whole lifetime of the bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Ref;
    ///
    /// fn header(packet: &mut [u8]) -> Option<&mut [u8; 2]> {
    ///     let (r, _) = Ref::<_, [u8; 2]>::from_prefix(packet).ok()?;
    ///     Some(Ref::into_mut(r))
    /// }
    /// let mut packet = [1, 2, 3];
    /// *header(&mut packet).unwrap() = [8, 9];
    /// assert_eq!(packet, [8, 9, 3]);
    /// ```
    #[must_use = "has no side effects"]
    #[inline(always)]
    pub fn into_mut(r: Self) -> &'a mut T {
        let elems = r.elems;
        let bytes: &'a mut [u8] = r.bytes.into_byte_slice_mut();
        let mut ptr = view_ptr::<T>(elems, NonNull::from(bytes));
        // SAFETY: `ptr` may become a `&'a mut T` because:
        // - it spans exactly `bytes`, aligned for `T`, with their provenance, as in `into_ref`
        //   (`IntoByteSliceMut` promises `bytes` is what `deref` returned);
        // - `bytes` is a unique borrow for `'a`, so nothing else reads or writes it meanwhile;
        // - its bytes are initialized, so a valid `T` (`T: FromBytes`), and whatever is
        //   written through the `&mut T` is a `T`, all of whose bytes are initialized
        //   (`T: IntoBytes`), so the bytes are valid `u8`s again when the borrow ends.
        unsafe { ptr.as_mut() }
    }
}

impl<B, T> Ref<B, T>
where
    B: ByteSlice,
    T: ?Sized,
{
    /// The bytes the view covers.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Ref;
    /// let r = Ref::<_, [u8; 2]>::from_bytes(&[1u8, 2][..]).unwrap();
    /// assert_eq!(Ref::bytes(&r), &[1, 2]);
    /// ```
    #[inline]
    pub fn bytes(r: &Self) -> &[u8] {
        &r.bytes
    }
}

impl<B, T> Ref<B, T>
where
    B: ByteSliceMut,
    T: ?Sized,
{
    /// The bytes the view covers, to write.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Ref;
    /// let mut buf = [1u8, 2];
    /// let mut r = Ref::<_, [u8; 2]>::from_bytes(&mut buf[..]).unwrap();
    /// Ref::bytes_mut(&mut r)[1] = 7;
    /// assert_eq!(*r, [1, 7]);
    /// ```
    #[inline]
    pub fn bytes_mut(r: &mut Self) -> &mut [u8] {
        &mut r.bytes
    }
}

impl<B, T> Ref<B, T>
where
    B: ByteSlice,
    T: FromBytes,
{
    /// Copies the viewed value out.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{IntoBytes, Ref};
    /// let word = [0xabcd_u16];
    /// let r = Ref::<_, u16>::from_bytes(word.as_bytes()).unwrap();
    /// assert_eq!(Ref::read(&r), 0xabcd);
    /// ```
    #[must_use = "has no side effects"]
    #[inline]
    pub fn read(r: &Self) -> T {
        let bytes: &[u8] = &r.bytes;
        // SAFETY: `ptr::read` needs a pointer valid for reads of `size_of::<T>()` bytes,
        // aligned for `T`, to a valid `T`:
        // - by `Ref`'s invariant, with `T` sized, `bytes` is `size_of::<T>()` bytes aligned to
        //   `align_of::<T>()`, readable while `r` is borrowed;
        // - they are initialized (a `[u8]`), so a valid `T` (`T: FromBytes`).
        unsafe { ptr::read(bytes.as_ptr().cast::<T>()) }
    }
}

impl<B, T> Ref<B, T>
where
    B: ByteSliceMut,
    T: IntoBytes,
{
    /// Overwrites the viewed bytes with `t`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{IntoBytes, Ref};
    /// let mut word = [0u16];
    /// let mut r = Ref::<_, u16>::from_bytes(word.as_mut_bytes()).unwrap();
    /// Ref::write(&mut r, 0x1234);
    /// assert_eq!(word, [0x1234]);
    /// ```
    #[inline]
    pub fn write(r: &mut Self, t: T) {
        let bytes: &mut [u8] = &mut r.bytes;
        // SAFETY: `ptr::write` needs a pointer valid for writes of `size_of::<T>()` bytes and
        // aligned for `T`:
        // - by `Ref`'s invariant, with `T` sized, `bytes` is `size_of::<T>()` bytes aligned to
        //   `align_of::<T>()`, uniquely borrowed while `r` is;
        // - afterwards every byte is initialized (`T: IntoBytes`), so `bytes` stays a valid
        //   `[u8]`. (Nothing is dropped: the old bytes need none, and `t` now lives in them.)
        unsafe { ptr::write(bytes.as_mut_ptr().cast::<T>(), t) }
    }
}

/// A pointer to a `T` with `elems` trailing elements at `bytes`, with their address and
/// provenance (`KnownLayout::raw_from_ptr_len`); nothing is read or written.
#[inline(always)]
fn view_ptr<T: ?Sized + KnownLayout>(elems: usize, bytes: NonNull<[u8]>) -> NonNull<T> {
    T::raw_from_ptr_len(
        bytes.cast::<u8>(),
        T::PointerMetadata::from_elem_count(elems),
    )
}
