// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`AlignmentError`]: the source was not suitably aligned for the destination type.

use core::any::type_name;
use core::fmt;
use core::marker::PhantomData;

use super::{plural, DstMarker, HoldsSrc};

/// The source was not suitably aligned for the destination type.
///
/// # Examples
///
/// ```
/// use zerocast::{ConvertError, FromBytes};
///
/// #[repr(align(4))]
/// struct Buf([u8; 8]);
/// let buf = Buf([0; 8]);
/// match u32::ref_from_bytes(&buf.0[1..5]) {
///     Err(ConvertError::Alignment(e)) => {
///         assert_eq!(e.align(), 4);
///         assert_eq!(e.misalignment(), 1);
///         assert_eq!(e.into_src(), &[0, 0, 0, 0]);
///     }
///     _ => unreachable!(),
/// }
/// ```
pub struct AlignmentError<Src, Dst: ?Sized> {
    src: Src,
    offset: usize,
    addr: usize,
    align: usize,
    _dst: DstMarker<Dst>,
}

impl<Src, Dst: ?Sized> AlignmentError<Src, Dst> {
    /// `offset`: where in `src` the value would have started; `addr`: that byte's address.
    pub(crate) fn new(src: Src, offset: usize, addr: usize, align: usize) -> Self {
        AlignmentError {
            src,
            offset,
            addr,
            align,
            _dst: PhantomData,
        }
    }

    /// The source of the failed conversion.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// assert!(core::ptr::eq(*e.src(), bytes));
    /// ```
    pub fn src(&self) -> &Src {
        &self.src
    }

    /// Hands back the source of the failed conversion.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// let src: &[u8] = e.into_src();
    /// assert!(core::ptr::eq(src, bytes));
    /// ```
    pub fn into_src(self) -> Src {
        self.src
    }

    /// Replaces the source, keeping the facts.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// let e = e.map_src(|src| src.len());
    /// assert_eq!((*e.src(), e.align()), (4, 4));
    /// ```
    pub fn map_src<NewSrc>(self, f: impl FnOnce(Src) -> NewSrc) -> AlignmentError<NewSrc, Dst> {
        AlignmentError::new(f(self.src), self.offset, self.addr, self.align)
    }

    /// The alignment the destination type needs, in bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// assert_eq!(e.align(), core::mem::align_of::<u32>());
    /// ```
    pub fn align(&self) -> usize {
        self.align
    }

    /// The address at which the value would have started.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// assert_eq!(e.addr(), bytes.as_ptr().addr());
    /// ```
    pub fn addr(&self) -> usize {
        self.addr
    }

    /// Where in the source the value would have started (non-zero only for suffix conversions).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[..7]; // the last 4 bytes start at byte 3
    /// let ConvertError::Alignment(e) = u32::ref_from_suffix(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// assert_eq!((e.offset(), e.misalignment()), (3, 3));
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// How many bytes past an `align()` boundary the value would have started.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// assert_eq!(e.misalignment(), 1);
    /// assert_eq!(e.misalignment(), e.addr() % e.align());
    /// ```
    pub fn misalignment(&self) -> usize {
        // OVERFLOW: `align` is a type's alignment (a `DstLayout`'s), a power of two and so at
        // least 1: `align - 1` never wraps, and masks the address's offset into its alignment.
        // The compiler cannot see that through the field, so a plain `-` would keep an
        // overflow check (and a panic path) in every error path that asks for this.
        self.addr & self.align.wrapping_sub(1)
    }
}

impl<Src, Dst: ?Sized> fmt::Display for AlignmentError<Src, Dst> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` needs {}-byte alignment, but ",
            type_name::<Dst>(),
            self.align
        )?;
        if self.offset == 0 {
            write!(f, "the source starts at address {:#x}", self.addr)?;
        } else {
            write!(
                f,
                "it would start at byte {} of the source (address {:#x})",
                self.offset, self.addr
            )?;
        }
        let off = self.misalignment();
        write!(
            f,
            ", {off} byte{} past a {}-byte boundary",
            plural(off),
            self.align
        )
    }
}

common_impls!(AlignmentError);

impl<Src, Dst: ?Sized> AlignmentError<Src, Dst> {
    fn with_src<S>(&self, src: S) -> AlignmentError<S, Dst> {
        AlignmentError::new(src, self.offset, self.addr, self.align)
    }
    fn same_facts(&self, o: &Self) -> bool {
        (self.offset, self.addr, self.align) == (o.offset, o.addr, o.align)
    }
}

impl<Src, Dst: ?Sized> HoldsSrc<Src> for AlignmentError<Src, Dst> {
    fn into_src(self) -> Src {
        self.src
    }
}

#[cfg(test)]
mod tests {
    use std::format;
    use std::string::ToString;

    use super::*;

    fn misalignment(addr: usize, align: usize) -> usize {
        AlignmentError::<(), u8>::new((), 0, addr, align).misalignment()
    }

    #[test]
    fn misalignment_at_the_edges_of_align_and_address() {
        // Alignment 1: every address is aligned.
        assert_eq!(misalignment(0, 1), 0);
        assert_eq!(misalignment(usize::MAX, 1), 0);
        // The largest power of two: all bits but the top one are the misalignment.
        let top = 1usize << (usize::BITS - 1);
        assert_eq!(misalignment(usize::MAX, top), usize::MAX >> 1);
        assert_eq!(misalignment(top, top), 0);
        assert_eq!(misalignment(top + 3, top), 3);
        // Ordinary cases, as `addr % align`.
        for align in [2, 4, 8, 4096] {
            for addr in [
                0,
                1,
                align - 1,
                align,
                align + 1,
                usize::MAX - 1,
                usize::MAX,
            ] {
                assert_eq!(misalignment(addr, align), addr % align, "{addr:#x} {align}");
            }
        }
    }

    #[test]
    fn display_of_a_misaligned_address_at_the_top_of_memory() {
        let e = AlignmentError::<(), u64>::new((), 0, usize::MAX, 8);
        assert_eq!(
            e.to_string(),
            format!(
                "`u64` needs 8-byte alignment, but the source starts at address {:#x}, 7 bytes \
                 past a 8-byte boundary",
                usize::MAX
            )
        );
    }
}
