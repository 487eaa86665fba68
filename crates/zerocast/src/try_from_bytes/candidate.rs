// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`Candidate`]: bytes that may or may not be a valid `T`, as a validator sees them.

use core::marker::PhantomData;

use super::TryFromBytes;
use crate::error::InvalidBits;
use crate::layout::SizeInfo;
use crate::KnownLayout;

/// Bytes that may or may not be a valid `T`, handed to [`TryFromBytes::validate`].
///
/// A candidate is always fully initialized bytes that nothing can change while it is being
/// checked: validation reads them as plain `&[u8]`, so checking never needs `unsafe` code. It
/// remembers where in the converted source it starts, so that an error can say at which byte
/// offset the invalid value lies.
///
/// # Examples
///
/// ```
/// use zerocast::{Candidate, TryFromBytes};
///
/// let c = Candidate::<[bool; 2]>::new(&[1, 0]);
/// assert_eq!((c.bytes(), c.offset()), (&[1, 0][..], 0));
/// assert!(<[bool; 2]>::is_bit_valid(c));
/// ```
#[derive(Copy, Clone, Debug)]
pub struct Candidate<'a, T: ?Sized> {
    bytes: &'a [u8],
    offset: usize,
    /// The trailing element count, when the conversion knows it (slice-tailed types).
    elems: Option<usize>,
    _ty: PhantomData<fn() -> PhantomData<T>>,
}

impl<'a, T: ?Sized> Candidate<'a, T> {
    /// The candidate made of `bytes`, starting at offset 0 of the converted source.
    ///
    /// Any bytes may be handed to a validator: it decides, it does not assume.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{Candidate, TryFromBytes};
    /// assert!(bool::validate(Candidate::new(&[1])).is_ok());
    /// assert!(bool::validate(Candidate::new(&[3])).is_err());
    /// ```
    #[must_use]
    #[inline(always)]
    pub fn new(bytes: &'a [u8]) -> Self {
        Candidate {
            bytes,
            offset: 0,
            elems: None,
            _ty: PhantomData,
        }
    }

    /// The candidate made of `bytes` for a slice-tailed `T` with `elems` trailing elements.
    ///
    /// A slice-tailed type's size is rounded up to its alignment, so several element counts
    /// can have the same size: this says which one the bytes are meant to hold. ([`new`]
    /// assumes as many as fit.)
    ///
    /// [`new`]: Candidate::new
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{Candidate, TryFromBytes};
    /// let c = Candidate::<[bool]>::with_elems(&[1, 0, 7], 2);
    /// assert_eq!(c.elems(), 2);
    /// ```
    #[must_use]
    #[inline(always)]
    pub fn with_elems(bytes: &'a [u8], elems: usize) -> Self {
        Candidate {
            bytes,
            offset: 0,
            elems: Some(elems),
            _ty: PhantomData,
        }
    }

    /// The candidate made of `bytes`, which start at `offset` of the converted source (a
    /// suffix starts past the bytes before it), with `elems` trailing elements if `T` is
    /// slice-tailed.
    #[inline(always)]
    pub(crate) fn at(bytes: &'a [u8], offset: usize, elems: usize) -> Self {
        Candidate {
            bytes,
            offset,
            elems: Some(elems),
            _ty: PhantomData,
        }
    }

    /// The candidate's bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Candidate;
    ///
    /// let c = Candidate::<u16>::new(&[1, 2, 3]);
    /// assert_eq!(c.bytes(), &[1, 2, 3]);
    /// assert_eq!(c.field::<u8>(1).unwrap().bytes(), &[2]);
    /// ```
    #[must_use]
    #[inline(always)]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Where the candidate starts in the converted source, in bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Candidate;
    ///
    /// let c = Candidate::<[u8; 4]>::new(&[0; 4]);
    /// assert_eq!(c.offset(), 0);
    /// assert_eq!(c.field::<u16>(2).unwrap().offset(), 2);
    /// ```
    #[must_use]
    #[inline(always)]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// An error saying that this candidate is not a valid `T`, with the raw value `found` if
    /// there is one to report.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Candidate;
    ///
    /// let e = Candidate::<bool>::new(&[9]).invalid(Some(9));
    /// assert_eq!((e.offset(), e.type_name(), e.found()), (0, "bool", Some(9)));
    /// ```
    #[must_use]
    #[inline]
    pub fn invalid(&self, found: Option<u128>) -> InvalidBits {
        InvalidBits::new::<T>(self.offset, found)
    }

    /// The candidate for a value of the sized type `F` at `offset` bytes into this one.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Candidate;
    ///
    /// let c = Candidate::<[u8; 4]>::new(&[0, 0, 1, 0]);
    /// let f = c.field::<[u8; 2]>(2).unwrap();
    /// assert_eq!((f.bytes(), f.offset()), (&[1, 0][..], 2));
    /// assert!(c.field::<u32>(2).is_err()); // past the end
    /// ```
    ///
    /// # Errors
    ///
    /// If the field does not fit in this candidate's bytes (which a correct layout never causes).
    #[inline(always)]
    pub fn field<F>(&self, offset: usize) -> Result<Candidate<'a, F>, InvalidBits> {
        match offset
            .checked_add(size_of::<F>())
            .and_then(|end| self.bytes.get(offset..end))
        {
            Some(bytes) => Ok(Candidate {
                bytes,
                // OVERFLOW: both are offsets into the converted source (the field lies inside
                // this candidate's bytes, which lie inside the source), so the sum is at most
                // its length; saturating, as in the error arm below, needs no overflow check.
                offset: self.offset.saturating_add(offset),
                elems: None,
                _ty: PhantomData,
            }),
            None => Err(InvalidBits::new::<F>(
                self.offset.saturating_add(offset),
                None,
            )),
        }
    }

    /// Validates the field `field` of type `F` at `offset` bytes into this `container` value,
    /// naming the field in the error. Derived validators are a sequence of these calls.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Candidate;
    ///
    /// let c = Candidate::<[u8; 2]>::new(&[1, 4]);
    /// assert!(c.validate_field::<bool>(0, "Pair", "a").is_ok());
    /// let e = c.validate_field::<bool>(1, "Pair", "b").unwrap_err();
    /// assert_eq!((e.offset(), e.field()), (1, Some(("Pair", "b"))));
    /// ```
    ///
    /// # Errors
    ///
    /// If the field's bytes are not a valid `F`.
    #[inline(always)]
    pub fn validate_field<F: TryFromBytes>(
        &self,
        offset: usize,
        container: &'static str,
        field: &'static str,
    ) -> Result<(), InvalidBits> {
        match F::validate(self.field::<F>(offset)?) {
            Ok(()) => Ok(()),
            Err(e) => Err(e.in_field(container, field)),
        }
    }

    /// The candidate for a last field of type `F` at `offset` holding `elems` trailing
    /// elements, or the error for `F` there if it does not fit in the bytes.
    fn tail_with_elems<F: ?Sized + KnownLayout>(
        &self,
        offset: usize,
        elems: usize,
    ) -> Result<Candidate<'a, F>, InvalidBits> {
        match F::LAYOUT
            .size_for_elems(elems)
            .and_then(|size| offset.checked_add(size))
            .and_then(|end| self.bytes.get(offset..end))
        {
            Some(bytes) => Ok(Candidate {
                bytes,
                offset: self.offset.saturating_add(offset),
                elems: Some(elems),
                _ty: PhantomData,
            }),
            None => Err(InvalidBits::new::<F>(
                self.offset.saturating_add(offset),
                None,
            )),
        }
    }

    /// Validates the dynamically sized last field `field` of type `F` at `offset` bytes into
    /// this `container` value, naming the field in the error. The field holds this candidate's
    /// trailing elements; if the candidate was made without a count ([`new`](Self::new)), as
    /// many as fit in the bytes from `offset` on (which may count trailing padding as elements
    /// and so reject, never accept, more).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{Candidate, KnownLayout};
    ///
    /// #[derive(KnownLayout)]
    /// #[repr(C)]
    /// struct Msg {
    ///     len: u8,
    ///     flags: [bool],
    /// }
    ///
    /// let ok = Candidate::<Msg>::new(&[2, 1, 0]);
    /// assert!(ok.validate_tail_field::<[bool]>(1, "Msg", "flags").is_ok());
    /// let bad = Candidate::<Msg>::new(&[2, 1, 5]);
    /// let e = bad.validate_tail_field::<[bool]>(1, "Msg", "flags").unwrap_err();
    /// assert_eq!((e.offset(), e.field()), (2, Some(("Msg", "flags"))));
    /// ```
    ///
    /// # Errors
    ///
    /// If the field's bytes are not a valid `F`.
    #[inline]
    pub fn validate_tail_field<F: ?Sized + KnownLayout + TryFromBytes>(
        &self,
        offset: usize,
        container: &'static str,
        field: &'static str,
    ) -> Result<(), InvalidBits> {
        let elems = match self.elems {
            Some(n) => n,
            None => Candidate::<F>::new(self.bytes.get(offset..).unwrap_or(&[])).elems(),
        };
        match F::validate(self.tail_with_elems(offset, elems)?) {
            Ok(()) => Ok(()),
            Err(e) => Err(e.in_field(container, field)),
        }
    }

    /// Validates the last field `field` of type `L` at `offset` bytes into this `container`
    /// value: as [`validate_field`](Self::validate_field) if `L` is sized, as
    /// [`validate_tail_field`](Self::validate_tail_field) if it is dynamically sized (see
    /// [`FieldLayout`](crate::checks::FieldLayout)).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Candidate;
    ///
    /// let c = Candidate::<[u8; 2]>::new(&[1, 3]);
    /// assert!(c.validate_last_field::<bool>(0, "Pair", "a").is_ok());
    /// assert!(c.validate_last_field::<[bool]>(0, "Pair", "rest").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// The field's error, naming it, if its bytes are not a valid `L` or do not fit.
    #[inline(always)]
    pub fn validate_last_field<L: ?Sized + crate::checks::FieldLayout>(
        &self,
        offset: usize,
        container: &'static str,
        field: &'static str,
    ) -> Result<(), InvalidBits>
    where
        L::Sizedness: crate::checks::LastValidate<L>,
    {
        <L::Sizedness as crate::checks::LastValidate<L>>::validate(self, offset, container, field)
    }

    /// The candidate's first `N` bytes, if it has that many; for validators of primitives.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Candidate;
    ///
    /// let c = Candidate::<u32>::new(&[1, 2, 3, 4]);
    /// assert_eq!(c.array::<2>(), Some([1, 2]));
    /// assert_eq!(c.array::<8>(), None);
    /// ```
    #[must_use]
    #[inline(always)]
    pub fn array<const N: usize>(&self) -> Option<[u8; N]> {
        self.bytes.first_chunk::<N>().copied()
    }

    /// The candidate's first `width` bytes (1, 2, 4, 8 or 16) as a native-endian unsigned
    /// integer, zero-extended; for validators of `repr(C)` enum discriminants.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Candidate;
    ///
    /// let bytes = 0x1234u16.to_ne_bytes();
    /// let c = Candidate::<u16>::new(&bytes);
    /// assert_eq!(c.tag_bits(2), Some(0x1234));
    /// assert_eq!(c.tag_bits(4), None); // too few bytes
    /// assert_eq!(c.tag_bits(3), None); // not a tag width
    /// ```
    #[must_use]
    #[inline]
    pub fn tag_bits(&self, width: usize) -> Option<u128> {
        Some(match width {
            1 => u128::from(u8::from_ne_bytes(self.array()?)),
            2 => u128::from(u16::from_ne_bytes(self.array()?)),
            4 => u128::from(u32::from_ne_bytes(self.array()?)),
            8 => u128::from(u64::from_ne_bytes(self.array()?)),
            16 => u128::from_ne_bytes(self.array()?),
            _ => return None,
        })
    }

    /// `true` if every byte of the candidate is zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Candidate;
    ///
    /// assert!(Candidate::<u16>::new(&[0, 0]).is_all_zeros());
    /// assert!(!Candidate::<u16>::new(&[0, 1]).is_all_zeros());
    /// ```
    #[must_use]
    #[inline]
    pub fn is_all_zeros(&self) -> bool {
        self.bytes.iter().all(|&b| b == 0)
    }

    /// The same bytes as a candidate for another type; for `repr(transparent)` wrappers.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{Candidate, TryFromBytes};
    ///
    /// let c = Candidate::<[u8; 1]>::new(&[1]);
    /// assert!(bool::is_bit_valid(c.retype::<bool>()));
    /// ```
    #[must_use]
    #[inline(always)]
    pub fn retype<U: ?Sized>(self) -> Candidate<'a, U> {
        Candidate {
            bytes: self.bytes,
            offset: self.offset,
            elems: self.elems,
            _ty: PhantomData,
        }
    }
}

impl<'a, T: ?Sized + KnownLayout> Candidate<'a, T> {
    /// The number of trailing elements the candidate holds (0 for sized types): the count the
    /// conversion asked for, or else as many as fit in its bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Candidate;
    ///
    /// assert_eq!(Candidate::<u32>::new(&[0; 4]).elems(), 0); // sized
    /// assert_eq!(Candidate::<[u16]>::new(&[0; 5]).elems(), 2); // as many as fit
    /// assert_eq!(Candidate::<[u16]>::with_elems(&[0; 5], 1).elems(), 1); // as asked
    /// ```
    #[must_use]
    #[inline]
    pub fn elems(&self) -> usize {
        if let Some(n) = self.elems {
            return n;
        }
        match T::LAYOUT.size_info() {
            SizeInfo::Sized { .. } => 0,
            SizeInfo::SliceDst { offset, elem_size } => self
                .bytes
                .len()
                .saturating_sub(offset)
                .checked_div(elem_size)
                .unwrap_or(0),
        }
    }

    /// The candidate for the last field, of type `F`, of this slice-tailed struct: it starts
    /// at `offset` and holds this candidate's trailing elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{Candidate, KnownLayout};
    ///
    /// #[derive(KnownLayout)]
    /// #[repr(C)]
    /// struct Msg {
    ///     len: u8,
    ///     data: [u8],
    /// }
    ///
    /// let c = Candidate::<Msg>::new(&[2, 7, 8]);
    /// let t = c.tail::<[u8]>(1).unwrap();
    /// assert_eq!((t.bytes(), t.offset(), t.elems()), (&[7, 8][..], 1, 2));
    /// ```
    ///
    /// # Errors
    ///
    /// If the field does not fit in this candidate's bytes (which a correct layout never causes).
    #[inline]
    pub fn tail<F: ?Sized + KnownLayout>(
        &self,
        offset: usize,
    ) -> Result<Candidate<'a, F>, InvalidBits> {
        self.tail_with_elems(offset, self.elems())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_offsets_near_the_top_of_the_address_space_saturate() {
        let bytes = [0u8; 4];
        let c = Candidate::<[u8; 4]>::at(&bytes, usize::MAX - 1, 0);
        assert_eq!(c.field::<u8>(0).unwrap().offset(), usize::MAX - 1);
        assert_eq!(c.field::<u8>(3).unwrap().offset(), usize::MAX);
        // Past the bytes: an error at the (saturated) offset.
        assert_eq!(c.field::<u16>(3).unwrap_err().offset(), usize::MAX);
        assert_eq!(c.field::<u8>(usize::MAX).unwrap_err().offset(), usize::MAX);
    }
}
