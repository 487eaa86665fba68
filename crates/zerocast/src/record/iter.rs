// SPDX-License-Identifier: MIT OR Apache-2.0
//! Iterators over back-to-back records, each followed by its padding: [`Records`] and
//! [`RecordsMut`].

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;

use super::walk::{mut_at, ref_at};
use super::{Record, RecordError, RecordErrorKind};
use crate::{Immutable, IntoBytes, TryFromBytes};

/// Passes on a record read at `at` that takes at least one byte; an iterator that stood still
/// on an empty record would yield it forever.
fn advancing<R: ?Sized, T, U>(
    at: usize,
) -> impl FnOnce((T, U, usize)) -> Result<(T, U, usize), RecordError> {
    move |read| match read.2 {
        0 => Err(RecordError::new::<R>(at, RecordErrorKind::Empty)),
        _ => Ok(read),
    }
}

/// An iterator over back-to-back records, each followed by its padding.
///
/// Yields `Ok(&R)` for each record, or, for the first that cannot be read, one
/// `Err(RecordError)` with the record's offset in the input; after that it yields nothing
/// ([`FusedIterator`]). It ends when the input is used up.
///
/// # Examples
///
/// ```
/// use zerocast::record::Records;
/// use zerocast::{FromBytes, Immutable, KnownLayout, Record};
///
/// #[derive(FromBytes, KnownLayout, Immutable, Record)]
/// #[repr(C)]
/// #[zerocast(len = len)]
/// struct Tlv {
///     tag: u8,
///     len: u8,
///     value: [u8],
/// }
///
/// let input = [1, 2, b'h', b'i', 2, 0, 3, 1, b'!'];
/// let tags: Vec<u8> = Records::<Tlv>::new(&input).map(|r| r.unwrap().tag).collect();
/// assert_eq!(tags, [1, 2, 3]);
/// ```
pub struct Records<'a, R: ?Sized> {
    rest: &'a [u8],
    offset: usize,
    stopped: bool,
    _record: PhantomData<&'a R>,
}

impl<'a, R: ?Sized> Records<'a, R> {
    /// An iterator over the records of `bytes`, the first one at its start.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::Records;
    /// # use zerocast::{FromBytes, Immutable, KnownLayout, Record};
    /// # #[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// assert_eq!(Records::<Tlv>::new(&[]).count(), 0);
    /// ```
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Self {
        Records {
            rest: bytes,
            offset: 0,
            stopped: false,
            _record: PhantomData,
        }
    }

    /// The offset in the input of the next record (or of the one that failed).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::Records;
    /// # use zerocast::{FromBytes, Immutable, KnownLayout, Record};
    /// # #[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// let mut it = Records::<Tlv>::new(&[1, 1, b'a', 2, 0]);
    /// it.next();
    /// assert_eq!(it.offset(), 3);
    /// ```
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The bytes not read yet: from the next record (or the one that failed) to the end.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::Records;
    /// # use zerocast::{FromBytes, Immutable, KnownLayout, Record};
    /// # #[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// let mut it = Records::<Tlv>::new(&[1, 1, b'a', 2, 5]);
    /// assert!(it.next().unwrap().is_ok());
    /// assert!(it.next().unwrap().is_err());
    /// assert_eq!(it.remainder(), [2, 5]);
    /// ```
    #[must_use]
    pub fn remainder(&self) -> &'a [u8] {
        self.rest
    }
}

impl<'a, R> Iterator for Records<'a, R>
where
    R: Record + TryFromBytes + Immutable + ?Sized,
{
    type Item = Result<&'a R, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped || self.rest.is_empty() {
            return None;
        }
        match ref_at::<R>(self.rest, self.offset).and_then(advancing::<R, _, _>(self.offset)) {
            Ok((record, rest, used)) => {
                self.rest = rest;
                // `used <= the input's length`, so the sum of all of them fits in a `usize`.
                self.offset = self.offset.saturating_add(used);
                Some(Ok(record))
            }
            Err(e) => {
                self.stopped = true;
                Some(Err(e))
            }
        }
    }
}

impl<R> FusedIterator for Records<'_, R> where R: Record + TryFromBytes + Immutable + ?Sized {}

impl<R: ?Sized> Clone for Records<'_, R> {
    fn clone(&self) -> Self {
        Records { ..*self }
    }
}

impl<R: ?Sized> fmt::Debug for Records<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Records")
            .field("offset", &self.offset)
            .field("remaining", &self.rest.len())
            .field("stopped", &self.stopped)
            .finish()
    }
}

/// An iterator over back-to-back records, yielding mutable views; otherwise as [`Records`].
///
/// # Examples
///
/// ```
/// use zerocast::record::RecordsMut;
/// use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record};
///
/// #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Record)]
/// #[repr(C)]
/// #[zerocast(len = len)]
/// struct Tlv {
///     tag: u8,
///     len: u8,
///     value: [u8],
/// }
///
/// let mut input = [1, 2, b'h', b'i', 2, 1, b'!'];
/// for record in RecordsMut::<Tlv>::new(&mut input) {
///     record.unwrap().tag += 10;
/// }
/// assert_eq!(input, [11, 2, b'h', b'i', 12, 1, b'!']);
/// ```
pub struct RecordsMut<'a, R: ?Sized> {
    rest: &'a mut [u8],
    offset: usize,
    stopped: bool,
    _record: PhantomData<&'a mut R>,
}

impl<'a, R: ?Sized> RecordsMut<'a, R> {
    /// An iterator over the records of `bytes`, the first one at its start.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordsMut;
    /// # use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record};
    /// # #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Record)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// assert_eq!(RecordsMut::<Tlv>::new(&mut [1, 0, 2, 0]).count(), 2);
    /// ```
    #[must_use]
    pub fn new(bytes: &'a mut [u8]) -> Self {
        RecordsMut {
            rest: bytes,
            offset: 0,
            stopped: false,
            _record: PhantomData,
        }
    }

    /// The offset in the input of the next record (or of the one that failed).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordsMut;
    /// # use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record};
    /// # #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Record)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// let mut buf = [1, 1, b'a', 2, 0];
    /// let mut it = RecordsMut::<Tlv>::new(&mut buf);
    /// it.next();
    /// assert_eq!(it.offset(), 3);
    /// ```
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl<'a, R> Iterator for RecordsMut<'a, R>
where
    R: Record + TryFromBytes + IntoBytes + ?Sized,
{
    type Item = Result<&'a mut R, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped || self.rest.is_empty() {
            return None;
        }
        let bytes = core::mem::take(&mut self.rest);
        match mut_at::<R>(bytes, self.offset).and_then(advancing::<R, _, _>(self.offset)) {
            Ok((record, rest, used)) => {
                self.rest = rest;
                self.offset = self.offset.saturating_add(used);
                Some(Ok(record))
            }
            Err(e) => {
                self.stopped = true;
                Some(Err(e))
            }
        }
    }
}

impl<R> FusedIterator for RecordsMut<'_, R> where R: Record + TryFromBytes + IntoBytes + ?Sized {}

impl<R: ?Sized> fmt::Debug for RecordsMut<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordsMut")
            .field("offset", &self.offset)
            .field("remaining", &self.rest.len())
            .field("stopped", &self.stopped)
            .finish()
    }
}
