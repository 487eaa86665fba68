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
            #[doc = ""]
            #[doc = "# Examples"]
            #[doc = ""]
            #[doc = "```"]
            #[doc = "use zerocast::checks::{for_trait, DeriveChecks};"]
            #[doc = ""]
            #[doc = "// As derived code calls it: in a `const`, so that a wrong trait fails the build."]
            #[doc = concat!("const _: () = DeriveChecks::<for_trait::", stringify!($marker), ">::new().", stringify!($is), "();")]
            #[doc = "```"]
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
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// const C: DeriveChecks<for_trait::TheIntoBytes> = DeriveChecks::new();
    /// assert_eq!(C.round_up(5, 4), 8);
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        DeriveChecks(core::marker::PhantomData)
    }

    /// [`no_padding`].
    ///
    /// # Examples
    ///
    /// ```
    /// use core::mem::{offset_of, size_of};
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// #[repr(C)]
    /// struct Rec {
    ///     a: u8,
    ///     b: u32,
    /// }
    ///
    /// let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
    /// let fields = [
    ///     c.field("a", offset_of!(Rec, a), size_of::<u8>()),
    ///     c.field("b", offset_of!(Rec, b), size_of::<u32>()),
    /// ];
    /// let v = c.no_padding("Rec", size_of::<Rec>(), &fields);
    /// assert!(v.failure().unwrap().starts_with(
    ///     "`Rec` has 3 byte(s) of padding at offset 1, before field `b` (offset 4, 4 byte(s)), after field `a`"
    /// ));
    /// ```
    #[must_use]
    pub const fn no_padding(self, ty: &str, size: usize, fields: &[Field]) -> Verdict {
        no_padding(ty, size, fields)
    }

    /// [`union_no_padding`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// // `#[repr(C)] union U { a: u8, b: u32 }`: setting `a` leaves 3 bytes uninitialized.
    /// let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
    /// let v = c.union_no_padding("U", 4, &[c.field("a", 0, 1), c.field("b", 0, 4)]);
    /// assert!(v.failure().unwrap().starts_with("union `U` is 4 bytes but its field `a` is 1 bytes"));
    /// ```
    #[must_use]
    pub const fn union_no_padding(self, ty: &str, size: usize, fields: &[Field]) -> Verdict {
        union_no_padding(ty, size, fields)
    }

    /// [`variant_no_padding`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// // `#[repr(u8)] enum E { A(u8, u16) }`: tag, then `0` at 1 and `1` at 2 fill 4 bytes.
    /// let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
    /// let fields = [c.field("0", 1, 1), c.field("1", 2, 2)];
    /// assert!(c.variant_no_padding("E", "A", 4, 1, &fields).failure().is_none());
    /// // Without the `u8`, a byte of padding follows the tag.
    /// let v = c.variant_no_padding("E", "A", 4, 1, &fields[1..]);
    /// assert!(v.failure().unwrap().starts_with("variant `E::A` has 1 byte(s) of padding at offset 1"));
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// // `#[repr(C)] struct Msg { len: u32, body: [u32] }`: no padding for any length.
    /// let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
    /// let layout = c.repr_c_with_tail(4, &[4], c.layout_of::<[u32]>(), 0, 0);
    /// let fields = [c.field("len", 0, 4), c.field("body", 4, 0)];
    /// assert!(c.dst_no_padding("Msg", layout, &fields).failure().is_none());
    /// // With `body: [u8]`, 1 to 3 trailing bytes would need padding.
    /// let layout = c.repr_c_with_tail(4, &[4], c.layout_of::<[u8]>(), 0, 0);
    /// assert!(c.dst_no_padding("Msg", layout, &fields).failure().is_some());
    /// ```
    #[must_use]
    pub const fn dst_no_padding(self, ty: &str, layout: DstLayout, fields: &[Field]) -> Verdict {
        dst_no_padding(ty, layout, fields)
    }

    /// [`Field::new`]: derived code describes fields through this method, not through the
    /// crate path, whose `checks::Field` could be a type of the user's whose `new` returns a
    /// `Field` with other numbers.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
    /// let word = c.field("word", 0, 4);
    /// assert!(c.no_padding("W", 4, &[word]).failure().is_none());
    /// assert!(c.no_padding("W", 8, &[word]).failure().is_some()); // 4 bytes left over
    /// ```
    #[must_use]
    pub const fn field(self, name: &'static str, offset: usize, size: usize) -> Field {
        Field::new(name, offset, size)
    }

    /// [`DstLayout::repr_c_tail_offset`]: derived code locates a slice-tailed struct's tail
    /// through this method, not through the crate path's `DstLayout` (see [`field`]).
    ///
    /// [`field`]: Self::field
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// // `#[repr(C)] struct S { a: u8, tail: [u32] }`: the tail starts at 4; packed, at 1.
    /// let c = DeriveChecks::<for_trait::TheKnownLayout>::new();
    /// assert_eq!(c.repr_c_tail_offset(1, c.layout_of::<[u32]>(), 0), 4);
    /// assert_eq!(c.repr_c_tail_offset(1, c.layout_of::<[u32]>(), 1), 1);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    /// use zerocast::KnownLayout;
    ///
    /// #[derive(KnownLayout)]
    /// #[repr(C)]
    /// struct Msg {
    ///     len: u16,
    ///     kind: u8,
    ///     body: [u32],
    /// }
    ///
    /// let c = DeriveChecks::<for_trait::TheKnownLayout>::new();
    /// let layout = c.repr_c_with_tail(3, &[2, 1], c.layout_of::<[u32]>(), 0, 0);
    /// assert_eq!(layout, Msg::LAYOUT);
    /// assert_eq!(layout.size_for_elems(2), Some(12));
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
    /// assert_eq!(c.round_up(5, 4), 8);
    /// assert_eq!(c.round_up(8, 4), 8);
    /// ```
    #[must_use]
    pub const fn round_up(self, n: usize, align: usize) -> usize {
        crate::data_enum::round_up(n, align)
    }

    /// [`data_enum::max`](crate::data_enum::max).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// assert_eq!(DeriveChecks::<for_trait::TheIntoBytes>::new().max(3, 8), 8);
    /// ```
    #[must_use]
    pub const fn max(self, a: usize, b: usize) -> usize {
        crate::data_enum::max(a, b)
    }

    /// [`data_enum::int_align`](crate::data_enum::int_align).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
    /// assert_eq!(c.int_align(4), core::mem::align_of::<u32>());
    /// assert_eq!(c.int_align(3), 1);
    /// ```
    #[must_use]
    pub const fn int_align(self, size: usize) -> usize {
        crate::data_enum::int_align(size)
    }

    /// [`data_enum::tag_bits`](crate::data_enum::tag_bits).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// let c = DeriveChecks::<for_trait::TheTryFromBytes>::new();
    /// assert_eq!(c.tag_bits(-1, 1), 0xff); // `-1i8` as a 1-byte tag
    /// assert_eq!(c.tag_bits(-2, 2), 0xfffe);
    /// ```
    #[must_use]
    pub const fn tag_bits(self, value: i128, size: usize) -> u128 {
        crate::data_enum::tag_bits(value, size)
    }

    /// [`data_enum::c_enum_tag_size`](crate::data_enum::c_enum_tag_size).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// #[repr(C)]
    /// enum Small { A = 1, B = 2 }
    ///
    /// let c = DeriveChecks::<for_trait::TheTryFromBytes>::new();
    /// assert_eq!(c.c_enum_tag_size(&[1, 2]), core::mem::size_of::<Small>());
    /// ```
    #[must_use]
    pub const fn c_enum_tag_size(self, values: &[i128]) -> usize {
        crate::data_enum::c_enum_tag_size(values)
    }

    /// Compiles only if `A` and `B` are the same type: derived code calls it, never at run
    /// time, in a generic function with the struct's bounds (see [`SameType`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// type Byte = u8;
    /// let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
    /// c.same_type::<u8, u8>();
    /// c.same_type::<Byte, u8>(); // one type, two spellings
    /// ```
    ///
    /// ```compile_fail,E0277
    /// # use zerocast::checks::{for_trait, DeriveChecks};
    /// DeriveChecks::<for_trait::TheIntoBytes>::new().same_type::<u8, u16>();
    /// ```
    pub fn same_type<A: ?Sized + SameType<B>, B: ?Sized>(self) {}

    /// Compiles only for a [`GenericIntoBytesField`]: derived code calls it, never at run time,
    /// to prove that the bound it wrote through the crate path is zerocast's.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    /// use zerocast::Unalign;
    ///
    /// let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
    /// c.generic_into_bytes_field::<[u8; 4]>();
    /// c.generic_into_bytes_field::<Unalign<u32>>(); // not `u32`: alignment 4
    /// ```
    pub fn generic_into_bytes_field<T: ?Sized + GenericIntoBytesField>(self) {}

    /// `T::LAYOUT`: derived code reads the layout of a type through this method, which
    /// requires zerocast's own [`KnownLayout`](crate::KnownLayout).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    /// use zerocast::SizeInfo;
    ///
    /// let layout = DeriveChecks::<for_trait::TheKnownLayout>::new().layout_of::<[u16]>();
    /// assert_eq!(layout.align(), 2);
    /// assert_eq!(layout.size_info(), SizeInfo::SliceDst { offset: 0, elem_size: 2 });
    /// ```
    #[must_use]
    pub const fn layout_of<T: ?Sized + crate::KnownLayout>(self) -> DstLayout {
        T::LAYOUT
    }

    /// The layout of `L`, the last field of the struct `S`, whether `L` is sized or not (see
    /// [`FieldLayout`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    /// use zerocast::DstLayout;
    ///
    /// #[repr(C)]
    /// struct Fixed {
    ///     a: u8,
    ///     b: u32,
    /// }
    /// #[repr(C)]
    /// struct Unsized {
    ///     a: u8,
    ///     b: [u16],
    /// }
    ///
    /// let c = DeriveChecks::<for_trait::TheKnownLayout>::new();
    /// assert_eq!(c.last_layout::<Fixed, u32>(), DstLayout::for_sized::<u32>());
    /// assert_eq!(c.last_layout::<Unsized, [u16]>(), DstLayout::for_slice::<u16>());
    /// ```
    #[must_use]
    pub const fn last_layout<S: ?Sized, L: ?Sized + FieldLayout>(self) -> DstLayout
    where
        L::Sizedness: LastField<S, L>,
    {
        <L::Sizedness as LastField<S, L>>::LAYOUT
    }

    /// Checks the layout the derive `computed` for the struct `ty` (`S`), whose last field is
    /// `L`, against the compiler's when `S` is sized: the derive located `L` with it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    /// use zerocast::DstLayout;
    ///
    /// #[repr(C)]
    /// struct S {
    ///     a: u8,
    ///     b: u32,
    /// }
    ///
    /// let c = DeriveChecks::<for_trait::TheKnownLayout>::new();
    /// let right = c.repr_c_with_tail(1, &[1], c.layout_of::<u32>(), 0, 0);
    /// assert!(c.last_layout_matches::<S, u32>("S", right).failure().is_none());
    /// let wrong = DstLayout::for_sized::<[u8; 5]>();
    /// assert!(c.last_layout_matches::<S, u32>("S", wrong).failure().unwrap().contains("report this bug"));
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// #[repr(C)]
    /// struct Pair {
    ///     a: u32,
    ///     b: u32,
    /// }
    /// #[repr(C)]
    /// struct Msg {
    ///     len: u8,
    ///     data: [u8],
    /// }
    ///
    /// let c = DeriveChecks::<for_trait::TheTryFromBytes>::new();
    /// assert!(c.last_struct_rule::<Pair, u32>().accepts(&[0xff; 8]));
    /// assert!(!c.last_struct_rule::<Msg, [u8]>().is_known());
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    ///
    /// let c = DeriveChecks::<for_trait::TheFromBytes>::new();
    /// c.require_from_bytes::<u64>();
    /// c.require_from_bytes::<[u16]>();
    /// ```
    ///
    /// ```compile_fail,E0277
    /// # use zerocast::checks::{for_trait, DeriveChecks};
    /// DeriveChecks::<for_trait::TheFromBytes>::new().require_from_bytes::<bool>();
    /// ```
    pub fn require_from_bytes<T: ?Sized + crate::FromBytes>(self) {}

    /// Returns `u`; compiles only for zerocast's own [`Unalign`](crate::Unalign): derived code
    /// calls it, never at run time, to prove that the type it named through the crate path is
    /// zerocast's.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{for_trait, DeriveChecks};
    /// use zerocast::Unalign;
    ///
    /// let c = DeriveChecks::<for_trait::TheUnaligned>::new();
    /// assert_eq!(c.unalign(Unalign::new(7u32)).get(), 7);
    /// ```
    #[must_use]
    pub fn unalign<T>(self, u: crate::Unalign<T>) -> crate::Unalign<T> {
        u
    }
}
