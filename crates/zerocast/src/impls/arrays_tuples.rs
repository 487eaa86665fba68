// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits for arrays, slices and tuples, each from the traits of its elements.

use core::ptr;

use crate::byte_rule::{validate_elems, ByteRule};
use crate::error::InvalidBits;
use crate::layout::DstLayout;
use crate::{
    Candidate, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned,
};

// ---- Arrays and slices ---------------------------------------------------------------------

known_layout_sized!([T, const N: usize] [T; N]);

// SAFETY: `[T]` has alignment `align_of::<T>()` and size `n * size_of::<T>()` (Reference,
// 'Slice types'), which is `DstLayout::for_slice::<T>()`; its metadata is its length;
// `slice_from_raw_parts` keeps address and provenance.
unsafe impl<T> KnownLayout for [T] {
    type PointerMetadata = usize;
    const LAYOUT: DstLayout = DstLayout::for_slice::<T>();
    #[inline(always)]
    fn ptr_from_parts(bytes: *mut u8, len: usize) -> *mut Self {
        ptr::slice_from_raw_parts_mut(bytes.cast::<T>(), len)
    }
    #[inline(always)]
    fn pointer_to_metadata(ptr: *mut Self) -> usize {
        ptr.len()
    }
}

markers!(
    "Arrays and slices are their elements back to back with no padding between them \
     (Reference, 'Array and slice layout'): they have each property their element has."
    : Immutable for [T: Immutable, const N: usize] [T; N], [T: Immutable] [T]
);
markers!("As above." : FromZeros for [T: FromZeros, const N: usize] [T; N], [T: FromZeros] [T]);
markers!("As above." : FromBytes for [T: FromBytes, const N: usize] [T; N], [T: FromBytes] [T]);
markers!("As above." : IntoBytes for [T: IntoBytes, const N: usize] [T; N], [T: IntoBytes] [T]);
markers!("As above." : Unaligned for [T: Unaligned, const N: usize] [T; N], [T: Unaligned] [T]);

// SAFETY: an array is valid iff each of its `N` elements is (Reference, 'Array and slice
// layout'); each is validated at its offset `i * size_of::<T>()`. The rule is `T`'s, `N`
// times over.
unsafe impl<T: TryFromBytes, const N: usize> TryFromBytes for [T; N] {
    const BYTE_RULE: ByteRule = ByteRule::repeat::<T>(N);
    #[inline]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        validate_elems::<T>(candidate.retype(), N)
    }
}

// SAFETY: a slice is valid iff each element is; a candidate for `[T]` is a whole number of
// elements (its length is a size of `[T]`), each validated at its offset. For a zero-sized `T`
// the count cannot be told from the bytes (any count has zero bytes), so one element is
// checked whatever the count: every element has the same (empty) bytes, so this accepts a
// slice only if all its elements are valid (it may reject an empty slice of an uninhabited
// type, which is allowed: a validator may reject valid values, never accept invalid ones).
unsafe impl<T: TryFromBytes> TryFromBytes for [T] {
    #[inline]
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
        let count = match size_of::<T>() {
            0 => 1,
            size => candidate.bytes().len() / size,
        };
        validate_elems::<T>(candidate, count)
    }
}

// ---- Tuples --------------------------------------------------------------------------------

macro_rules! tuples {
    ($(($($t:ident . $i:tt),+))*) => {$(
        known_layout_sized!([$($t),+] ($($t,)+));
        markers!(
            "A tuple holds its fields and padding only (Reference, 'Tuple layout'): it is \
             immutable if they are, zero-valid if they are, and any bytes are valid if any are \
             for each field (padding may hold anything). Its layout is unspecified, so it is \
             never `IntoBytes`."
            : Immutable for [$($t: Immutable),+] ($($t,)+)
        );
        markers!("As above." : FromZeros for [$($t: FromZeros),+] ($($t,)+));
        markers!("As above." : FromBytes for [$($t: FromBytes),+] ($($t,)+));

        // SAFETY: a tuple is valid iff each field is; each is validated at the offset the
        // compiler reports for it (`offset_of!`), with its own size.
        unsafe impl<$($t: TryFromBytes),+> TryFromBytes for ($($t,)+) {
            #[inline]
            fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits> {
                $( candidate.validate_field::<$t>(
                    core::mem::offset_of!(Self, $i),
                    core::any::type_name::<Self>(),
                    stringify!($i),
                )?; )+
                Ok(())
            }
        }
    )*};
}
tuples! {
    (A.0)
    (A.0, B.1)
    (A.0, B.1, C.2)
    (A.0, B.1, C.2, D.3)
    (A.0, B.1, C.2, D.3, E.4)
    (A.0, B.1, C.2, D.3, E.4, F.5)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20, V.21)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20, V.21, W.22)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20, V.21, W.22, X.23)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20, V.21, W.22, X.23, Y.24)
    (A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11, M.12, N.13, O.14, P.15, Q.16, R.17, S.18, T.19, U.20, V.21, W.22, X.23, Y.24, Z.25)
}
