// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`DeriveChecks`]: the checks as methods of a value whose type names the trait being derived,
//! so that derived code reaches them through the crate path and proves that the path is
//! zerocast's.

use super::bounds::{GenericIntoBytesField, SameType};
use super::for_trait;
use super::padding::{
    dst_no_padding, no_padding, union_no_padding, variant_no_padding, Field, Verdict,
};
use crate::last_field::{FieldLayout, LastField};
use crate::{DstLayout, SizeInfo};

/// The checks that derived code runs, reached through the zerocast trait being implemented
/// (`<() as IntoBytes>::__ZC_CHECKS.no_padding(..)`) rather than through the crate path.
///
/// `#[zerocast(crate = "path")]` lets derived code find zerocast under another name; a module
/// at that path could re-export the real traits beside checks of its own that pass anything, or
/// under each other's names. So derived code reaches everything a soundness decision rests on
/// through the trait it implements, which holds a `DeriveChecks<T>` for its own marker `T`:
///
/// - *identity*: for each `unsafe impl path::X`, a `const` calls `is_x()` on
///   `<() as path::X>::__ZC_CHECKS`; the method exists only on `DeriveChecks<for_trait::X>`, so
///   the build fails if `path::X` is another of zerocast's traits under `X`'s name (if it is
///   no trait of zerocast's at all, the impl is of that trait, and proves nothing);
/// - *checks*: padding and layout arithmetic are its methods, so a module cannot replace them;
/// - *bounds and items of other traits*: a never-called function passes each bound's type to a
///   method that requires zerocast's own trait (`require_from_bytes::<T>()`), and layouts of
///   other types are read through it (`layout_of::<T>()`).
///
/// # Examples
///
/// ```
/// use zerocast::checks::{for_trait, DeriveChecks, Field};
///
/// let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
/// let v = c.no_padding("T", 8, &[Field::new("a", 0, 4), Field::new("b", 4, 4)]);
/// assert!(v.failure().is_none());
/// assert_eq!(c.round_up(5, 4), 8);
/// ```
pub struct DeriveChecks<T: ?Sized>(core::marker::PhantomData<fn() -> *const T>);

impl<T: ?Sized> Clone for DeriveChecks<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for DeriveChecks<T> {}

impl<T: ?Sized> core::fmt::Debug for DeriveChecks<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("DeriveChecks")
    }
}

impl<T: ?Sized> Default for DeriveChecks<T> {
    fn default() -> Self {
        Self::new()
    }
}

macro_rules! identities {
    ($($tr:ident $marker:ident $is:ident,)*) => {$(
        impl DeriveChecks<for_trait::$marker> {
            #[doc = concat!("Compiles only on the `DeriveChecks` of `", stringify!($tr), "`: proves that a trait named `", stringify!($tr), "` through a crate path is zerocast's.")]
            pub const fn $is(self) {}
        }
    )*};
}

identities! {
    KnownLayout TheKnownLayout is_known_layout,
    Immutable TheImmutable is_immutable,
    TryFromBytes TheTryFromBytes is_try_from_bytes,
    FromZeros TheFromZeros is_from_zeros,
    FromBytes TheFromBytes is_from_bytes,
    IntoBytes TheIntoBytes is_into_bytes,
    Unaligned TheUnaligned is_unaligned,
    SplitAt TheSplitAt is_split_at,
}

impl<Tr: ?Sized> DeriveChecks<Tr> {
    /// The checks, for the trait `Tr`.
    #[must_use]
    pub const fn new() -> Self {
        DeriveChecks(core::marker::PhantomData)
    }

    /// [`no_padding`].
    #[must_use]
    pub const fn no_padding(self, ty: &str, size: usize, fields: &[Field]) -> Verdict {
        no_padding(ty, size, fields)
    }

    /// [`union_no_padding`].
    #[must_use]
    pub const fn union_no_padding(self, ty: &str, size: usize, fields: &[Field]) -> Verdict {
        union_no_padding(ty, size, fields)
    }

    /// [`variant_no_padding`].
    #[must_use]
    pub const fn variant_no_padding(
        self,
        ty: &str,
        variant: &str,
        size: usize,
        tag_size: usize,
        fields: &[Field],
    ) -> Verdict {
        variant_no_padding(ty, variant, size, tag_size, fields)
    }

    /// [`dst_no_padding`].
    #[must_use]
    pub const fn dst_no_padding(self, ty: &str, layout: DstLayout, fields: &[Field]) -> Verdict {
        dst_no_padding(ty, layout, fields)
    }

    /// [`Field::new`]: derived code describes fields through this method, not through the
    /// crate path, whose `checks::Field` could be a type of the user's whose `new` returns a
    /// `Field` with other numbers.
    #[must_use]
    pub const fn field(self, name: &'static str, offset: usize, size: usize) -> Field {
        Field::new(name, offset, size)
    }

    /// [`DstLayout::repr_c_tail_offset`]: derived code locates a slice-tailed struct's tail
    /// through this method, not through the crate path's `DstLayout` (see [`field`]).
    ///
    /// [`field`]: Self::field
    #[must_use]
    pub const fn repr_c_tail_offset(
        self,
        fields_end: usize,
        tail: DstLayout,
        packed: usize,
    ) -> usize {
        DstLayout::repr_c_tail_offset(fields_end, tail, packed)
    }

    /// [`DstLayout::repr_c_with_tail`], for the same reason as
    /// [`repr_c_tail_offset`](Self::repr_c_tail_offset).
    #[must_use]
    pub const fn repr_c_with_tail(
        self,
        fields_end: usize,
        field_aligns: &[usize],
        tail: DstLayout,
        align: usize,
        packed: usize,
    ) -> DstLayout {
        DstLayout::repr_c_with_tail(fields_end, field_aligns, tail, align, packed)
    }

    /// [`data_enum::round_up`](crate::data_enum::round_up).
    #[must_use]
    pub const fn round_up(self, n: usize, align: usize) -> usize {
        crate::data_enum::round_up(n, align)
    }

    /// [`data_enum::max`](crate::data_enum::max).
    #[must_use]
    pub const fn max(self, a: usize, b: usize) -> usize {
        crate::data_enum::max(a, b)
    }

    /// [`data_enum::int_align`](crate::data_enum::int_align).
    #[must_use]
    pub const fn int_align(self, size: usize) -> usize {
        crate::data_enum::int_align(size)
    }

    /// [`data_enum::tag_bits`](crate::data_enum::tag_bits).
    #[must_use]
    pub const fn tag_bits(self, value: i128, size: usize) -> u128 {
        crate::data_enum::tag_bits(value, size)
    }

    /// [`data_enum::c_enum_tag_size`](crate::data_enum::c_enum_tag_size).
    #[must_use]
    pub const fn c_enum_tag_size(self, values: &[i128]) -> usize {
        crate::data_enum::c_enum_tag_size(values)
    }

    /// Compiles only if `A` and `B` are the same type: derived code calls it, never at run
    /// time, in a generic function with the struct's bounds (see [`SameType`]).
    pub fn same_type<A: ?Sized + SameType<B>, B: ?Sized>(self) {}

    /// Compiles only for a [`GenericIntoBytesField`]: derived code calls it, never at run time,
    /// to prove that the bound it wrote through the crate path is zerocast's.
    pub fn generic_into_bytes_field<T: ?Sized + GenericIntoBytesField>(self) {}

    /// `T::LAYOUT`: derived code reads the layout of a type through this method, which
    /// requires zerocast's own [`KnownLayout`](crate::KnownLayout).
    #[must_use]
    pub const fn layout_of<T: ?Sized + crate::KnownLayout>(self) -> DstLayout {
        T::LAYOUT
    }

    /// The layout of `L`, the last field of the struct `S`, whether `L` is sized or not (see
    /// [`FieldLayout`]).
    #[must_use]
    pub const fn last_layout<S: ?Sized, L: ?Sized + FieldLayout>(self) -> DstLayout
    where
        L::Sizedness: LastField<S, L>,
    {
        <L::Sizedness as LastField<S, L>>::LAYOUT
    }

    /// Checks the layout the derive `computed` for the struct `ty` (`S`), whose last field is
    /// `L`, against the compiler's when `S` is sized: the derive located `L` with it.
    #[must_use]
    pub const fn last_layout_matches<S: ?Sized, L: ?Sized + FieldLayout>(
        self,
        ty: &str,
        computed: DstLayout,
    ) -> Verdict
    where
        L::Sizedness: LastField<S, L>,
    {
        let actual = <L::Sizedness as LastField<S, L>>::SELF_LAYOUT;
        match crate::last_field::layout_matches(ty, computed, actual) {
            Some(msg) => Verdict { msg },
            None => Verdict::PASS,
        }
    }

    /// The byte rule of the struct `S` whose last field is `L`, before its fields narrow it:
    /// any `size_of::<S>()` bytes if `S` is sized, no rule otherwise.
    #[must_use]
    pub const fn last_struct_rule<S: ?Sized, L: ?Sized + FieldLayout>(self) -> crate::ByteRule
    where
        L::Sizedness: LastField<S, L>,
    {
        match <L::Sizedness as LastField<S, L>>::SELF_LAYOUT {
            Some(layout) => match layout.size_info() {
                SizeInfo::Sized { size } => crate::ByteRule::for_struct(size),
                SizeInfo::SliceDst { .. } => crate::ByteRule::NONE,
            },
            None => crate::ByteRule::NONE,
        }
    }

    /// Compiles only for a [`FromBytes`](crate::FromBytes) `T` (see the type's docs).
    pub fn require_from_bytes<T: ?Sized + crate::FromBytes>(self) {}

    /// Returns `u`; compiles only for zerocast's own [`Unalign`](crate::Unalign): derived code
    /// calls it, never at run time, to prove that the type it named through the crate path is
    /// zerocast's.
    #[must_use]
    pub fn unalign<T>(self, u: crate::Unalign<T>) -> crate::Unalign<T> {
        u
    }
}
