// SPDX-License-Identifier: MIT OR Apache-2.0
//! Compile-time layout checks: the `const` assertions the derives generate, usable directly.
//!
//! A failed check stops compilation with a message that names the type, the field, the offset
//! and size of the problem, and how to fix it.
//!
//! Each check comes in two forms: [`no_padding`] and [`union_no_padding`] return a [`Verdict`],
//! whose message the caller raises with `panic!` in its own `const` (this is what the derives
//! generate, so that the compiler reports the error on the user's type and not inside this
//! module); [`assert_no_padding`] and [`assert_union_no_padding`] raise it themselves.
//!
//! # Examples
//!
//! ```
//! use core::mem::{offset_of, size_of};
//! use zerocast::checks::{assert_no_padding, Field};
//!
//! #[repr(C)]
//! struct Rec {
//!     a: u32,
//!     b: u32,
//! }
//!
//! const _: () = assert_no_padding(
//!     "Rec",
//!     size_of::<Rec>(),
//!     &[
//!         Field::new("a", offset_of!(Rec, a), size_of::<u32>()),
//!         Field::new("b", offset_of!(Rec, b), size_of::<u32>()),
//!     ],
//! );
//! ```

use crate::const_msg::Msg;
pub use crate::last_field::{FieldLayout, IsSized, IsUnsized, LastField, LastRule, LastValidate};
use crate::{DstLayout, SizeInfo, Unaligned};

/// A field type of a generic struct that derives `IntoBytes`: one of alignment 1, so that no
/// type argument can open a gap for padding next to it.
///
/// Padding in a generic `repr(C)` struct depends on its type arguments, which the derive
/// cannot check, so it requires this of every field. It is implemented for exactly the
/// [`Unaligned`] types, and sealed: a bound on it is a bound on `Unaligned` that says why.
///
/// # Examples
///
/// ```
/// use zerocast::{Immutable, IntoBytes};
///
/// #[derive(IntoBytes, Immutable)]
/// #[repr(C)]
/// struct Tagged<T> {
///     tag: u8,
///     value: T,
/// }
///
/// let t = Tagged { tag: 1, value: [2u8, 3] }; // `[u8; 2]`: alignment 1
/// assert_eq!(t.as_bytes(), &[1, 2, 3]);
/// ```
///
/// ```compile_fail
/// # use zerocast::{Immutable, IntoBytes};
/// # #[derive(IntoBytes, Immutable)]
/// # #[repr(C)]
/// # struct Tagged<T> {
/// #     tag: u8,
/// #     value: T,
/// # }
/// let t = Tagged { tag: 1, value: 2u32 }; // 3 bytes of padding after `tag`
/// t.as_bytes();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` may have an alignment greater than 1, so `#[derive(IntoBytes)]` on a generic struct cannot rule out padding next to it",
    label = "not `Unaligned`",
    note = "the padding of a generic struct depends on its type arguments, so every field must have alignment 1: use byte arrays (`[u8; 4]`) or `zerocast::Unalign<T>`, or make the struct `#[repr(C, packed)]` or not generic"
)]
pub trait GenericIntoBytesField: sealed::Sealed {}

#[diagnostic::do_not_recommend]
impl<T: ?Sized + Unaligned> GenericIntoBytesField for T {}

/// `A: SameType<B>` holds exactly when `A` and `B` are the same type: derived code proves
/// with it, through [`DeriveChecks::same_type`], that the fields of a generic struct it takes for
/// homogeneous (all `E`, `[E; N]` or `[E]`) really have one element type, whatever their
/// spelling resolves to.
#[diagnostic::on_unimplemented(
    message = "`{Self}` and `{T}` are not the same type, so `#[derive(IntoBytes)]` cannot take the struct's fields for one element type",
    note = "fields of one element type `E` (`E`, `[E; N]`, `[E]`) leave no padding; with several element types, each field must be `Unaligned`"
)]
pub trait SameType<T: ?Sized> {}

impl<T: ?Sized> SameType<T> for T {}

mod sealed {
    /// Implemented for `Unaligned` types only, and not nameable outside the crate, so that
    /// nothing else can be a [`GenericIntoBytesField`](super::GenericIntoBytesField).
    pub trait Sealed {}

    impl<T: ?Sized + crate::Unaligned> Sealed for T {}
}

/// One field of a type, for [`no_padding`] and [`union_no_padding`].
#[derive(Copy, Clone, Debug)]
pub struct Field {
    name: &'static str,
    offset: usize,
    size: usize,
}

impl Field {
    /// The field `name`, at `offset` bytes, of `size` bytes.
    #[must_use]
    pub const fn new(name: &'static str, offset: usize, size: usize) -> Field {
        Field { name, offset, size }
    }
}

/// The outcome of a check: passed, or failed with a message saying why and what to do.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{no_padding, Field};
///
/// let v = no_padding("T", 8, &[Field::new("a", 0, 1), Field::new("b", 4, 4)]);
/// assert!(v.failure().unwrap().starts_with("`T` has 3 byte(s) of padding at offset 1"));
/// assert!(no_padding("U", 4, &[Field::new("a", 0, 4)]).failure().is_none());
/// ```
pub struct Verdict {
    /// Empty if the check passed.
    msg: Msg,
}

impl Verdict {
    const PASS: Verdict = Verdict { msg: Msg::new() };

    /// The failure message, or `None` if the check passed.
    #[must_use]
    pub const fn failure(&self) -> Option<&str> {
        let m = self.msg.as_str();
        if m.is_empty() {
            None
        } else {
            Some(m)
        }
    }
}

const FIX: &str = "IntoBytes needs every byte initialized, and padding bytes are not. To remove it: \
                   reorder the fields from the largest alignment to the smallest, add an explicit \
                   field (for example `_pad: [u8; N]`) where the padding is, or use `#[repr(C, packed)]`";

/// Checks that the struct `ty` of `size` bytes, whose fields are listed in declaration order
/// (in which `repr(C)` lays them out), has no padding.
///
/// The fields may be listed in any order: it passes exactly when they cover every byte from 0
/// to `size`, as the fields of a struct in the default representation, which the compiler may
/// reorder, can.
#[must_use]
pub const fn no_padding(ty: &str, size: usize, fields: &[Field]) -> Verdict {
    gaps(
        Msg::new().str("`").str(ty).str("`"),
        size,
        None,
        fields,
        FIX,
    )
}

const ENUM_FIX: &str = "IntoBytes needs every byte of every variant initialized, and padding bytes \
                        are not. To remove it: add an explicit field (for example `_pad: [u8; N]`) \
                        where the padding is, reorder the fields, or make every variant the same size";

/// Checks that the variant `variant` of the enum `ty` of `size` bytes has no padding: that its
/// tag (at offset 0, `tag_size` bytes) and its fields, listed in declaration order with their
/// offsets in the enum, cover every byte of it. An enum has no padding if none of its
/// variants has any.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{variant_no_padding, Field};
///
/// // `#[repr(u8)] enum Msg { Data(u32) }`: the `u32` starts at offset 4, after 3 bytes of padding.
/// let v = variant_no_padding("Msg", "Data", 8, 1, &[Field::new("0", 4, 4)]);
/// assert!(v.failure().unwrap().starts_with(
///     "variant `Msg::Data` has 3 byte(s) of padding at offset 1, before field `0` (offset 4, 4 byte(s)), after the tag"
/// ));
/// assert!(variant_no_padding("Msg", "Data", 4, 1, &[Field::new("0", 1, 3)]).failure().is_none());
/// ```
#[must_use]
pub const fn variant_no_padding(
    ty: &str,
    variant: &str,
    size: usize,
    tag_size: usize,
    fields: &[Field],
) -> Verdict {
    let what = Msg::new()
        .str("variant `")
        .str(ty)
        .str("::")
        .str(variant)
        .str("`");
    gaps(what, size, Some(tag_size), fields, ENUM_FIX)
}

/// `after the tag` or `after field `name``.
const fn after(m: Msg, name: Option<&str>) -> Msg {
    match name {
        Some(n) => m.str("field `").str(n).str("`"),
        None => m.str("the tag"),
    }
}

/// The padding check behind [`no_padding`] and [`variant_no_padding`]: `what` names the type,
/// `tag` is the size of a tag at offset 0 that precedes the fields.
///
/// The fields may be listed in any order (the default representation reorders them): the
/// bytes covered from offset 0 grow by any field that starts within them, until none does;
/// the first byte not covered, if before `size`, is padding.
const fn gaps(what: Msg, size: usize, tag: Option<usize>, fields: &[Field], fix: &str) -> Verdict {
    let mut end = match tag {
        Some(t) => t,
        None => 0,
    };
    // The name of what ends at `end`: `None` for the tag (or nothing yet).
    let mut prev: Option<&str> = None;
    loop {
        let mut grew = false;
        let mut i = 0;
        while i < fields.len() {
            let f = fields[i];
            let f_end = f.offset.saturating_add(f.size);
            if f.offset <= end && f_end > end {
                end = f_end;
                prev = Some(f.name);
                grew = true;
            }
            i += 1;
        }
        if !grew {
            break;
        }
    }
    // The field that starts first after the covered bytes, if any.
    let mut next: Option<Field> = None;
    let mut i = 0;
    while i < fields.len() {
        let f = fields[i];
        if f.offset > end {
            next = match next {
                Some(n) if n.offset <= f.offset => Some(n),
                _ => Some(f),
            };
        }
        i += 1;
    }
    if let Some(f) = next {
        let mut m = what
            .str(" has ")
            .num(f.offset - end)
            .str(" byte(s) of padding at offset ")
            .num(end)
            .str(", before field `")
            .str(f.name)
            .str("` (offset ")
            .num(f.offset)
            .str(", ")
            .num(f.size)
            .str(" byte(s))");
        if prev.is_some() || tag.is_some() {
            m = after(m.str(", after "), prev);
        }
        return Verdict {
            msg: m.str(". ").str(fix),
        };
    }
    if size > end {
        let mut m = what
            .str(" has ")
            .num(size - end)
            .str(" byte(s) of trailing padding at offset ")
            .num(end);
        m = match (prev, tag) {
            (Some(n), _) => m.str(", after its last field `").str(n).str("`"),
            (None, Some(_)) => m.str(", after the tag"),
            (None, None) => m,
        };
        let m = if tag.is_some() {
            m.str(" (every variant must fill the enum's ")
                .num(size)
                .str(" bytes). ")
        } else {
            m.str(" (its size is rounded up to its alignment). ")
        };
        return Verdict { msg: m.str(fix) };
    }
    Verdict::PASS
}

/// Checks that the slice-tailed struct `ty`, of layout `layout`, has no padding for any number
/// of trailing elements. `fields` lists its fields in declaration order; the last is the
/// dynamically sized one, given with its offset and its [`fixed_size`](DstLayout::fixed_size)
/// (the tail's own padding is its own type's concern).
///
/// The fields must cover every byte up to the trailing elements, as for [`no_padding`], and
/// every size the struct can have must need no rounding up to its alignment: the fixed part
/// and the element size must both be multiples of the alignment.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{dst_no_padding, Field};
/// use zerocast::DstLayout;
///
/// // `#[repr(C)] struct Msg { len: u32, body: [u8] }`: 3 elements would need 1 byte of padding.
/// let layout = DstLayout::repr_c_with_tail(4, &[4], DstLayout::for_slice::<u8>(), 0, 0);
/// let v = dst_no_padding("Msg", layout, &[Field::new("len", 0, 4), Field::new("body", 4, 0)]);
/// assert!(v.failure().unwrap().contains("trailing padding"));
/// ```
#[must_use]
pub const fn dst_no_padding(ty: &str, layout: DstLayout, fields: &[Field]) -> Verdict {
    let (size, elem_size) = match layout.size_info() {
        SizeInfo::Sized { size } => (size, None),
        SizeInfo::SliceDst { offset, elem_size } => (offset, Some(elem_size)),
    };
    let v = no_padding(ty, size, fields);
    if v.failure().is_some() {
        return v;
    }
    let Some(elem_size) = elem_size else {
        return v;
    };
    let align = layout.align();
    // The size with `n` elements is `size + n * elem_size` rounded up to `align`: no rounding
    // for any `n` exactly when both terms are multiples of `align`.
    let (n, unpadded) = if size % align != 0 {
        (0, size)
    } else if elem_size % align != 0 {
        (1, size + elem_size)
    } else {
        return v;
    };
    let pad = align - unpadded % align;
    let mut m = Msg::new()
        .str("`")
        .str(ty)
        .str("` has trailing padding: with ")
        .num(n)
        .str(" trailing element(s) of ")
        .num(elem_size)
        .str(" byte(s) its contents end at offset ")
        .num(unpadded)
        .str(" and its size is rounded up to its alignment ")
        .num(align)
        .str(", leaving ")
        .num(pad)
        .str(" byte(s) of padding");
    if !fields.is_empty() {
        m = m
            .str(" after its last field `")
            .str(fields[fields.len() - 1].name)
            .str("`");
    }
    Verdict {
        msg: m.str(
            ". IntoBytes needs every byte initialized: make the fixed part and the trailing \
             element size multiples of the alignment (use smaller-aligned fields, for example \
             byte arrays), or use `#[repr(C, packed)]`",
        ),
    }
}

/// Checks that no field of the union `ty` of `size` bytes is smaller than the union: the bytes
/// past it would be uninitialized when it is the one set.
#[must_use]
pub const fn union_no_padding(ty: &str, size: usize, fields: &[Field]) -> Verdict {
    let mut i = 0;
    while i < fields.len() {
        let f = fields[i];
        if f.size != size {
            return Verdict {
                msg: Msg::new()
                    .str("union `")
                    .str(ty)
                    .str("` is ")
                    .num(size)
                    .str(" bytes but its field `")
                    .str(f.name)
                    .str("` is ")
                    .num(f.size)
                    .str(" bytes: when that field is set, the other ")
                    .num(size - f.size)
                    .str(
                        " byte(s) are uninitialized. For IntoBytes every field must be as large \
                         as the union (pad the smaller ones with explicit byte arrays)",
                    ),
            };
        }
        i += 1;
    }
    Verdict::PASS
}

/// Fails (at compile time, in a `const`) if the struct `ty` has padding; see [`no_padding`].
///
/// # Panics
///
/// If there is padding, naming the field it follows and precedes, its offset and length.
pub const fn assert_no_padding(ty: &str, size: usize, fields: &[Field]) {
    if let Some(m) = no_padding(ty, size, fields).failure() {
        panic!("{}", m);
    }
}

/// Fails (at compile time, in a `const`) if a field of the union `ty` is smaller than the
/// union; see [`union_no_padding`].
///
/// # Panics
///
/// If a field is smaller than the union, naming it and both sizes.
pub const fn assert_union_no_padding(ty: &str, size: usize, fields: &[Field]) {
    if let Some(m) = union_no_padding(ty, size, fields).failure() {
        panic!("{}", m);
    }
}

/// Marker types naming zerocast's unsafe traits, for [`DeriveChecks`].
///
/// # Examples
///
/// ```
/// use zerocast::checks::{for_trait, DeriveChecks};
///
/// let c: DeriveChecks<for_trait::TheIntoBytes> = DeriveChecks::new();
/// c.is_into_bytes();
/// ```
pub mod for_trait {
    /// `KnownLayout`.
    #[derive(Debug)]
    pub enum TheKnownLayout {}
    /// `Immutable`.
    #[derive(Debug)]
    pub enum TheImmutable {}
    /// `TryFromBytes`.
    #[derive(Debug)]
    pub enum TheTryFromBytes {}
    /// `FromZeros`.
    #[derive(Debug)]
    pub enum TheFromZeros {}
    /// `FromBytes`.
    #[derive(Debug)]
    pub enum TheFromBytes {}
    /// `IntoBytes`.
    #[derive(Debug)]
    pub enum TheIntoBytes {}
    /// `Unaligned`.
    #[derive(Debug)]
    pub enum TheUnaligned {}
    /// `SplitAt`.
    #[derive(Debug)]
    pub enum TheSplitAt {}
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_tight_layouts() {
        assert_no_padding("T", 8, &[Field::new("a", 0, 4), Field::new("b", 4, 4)]);
        assert_union_no_padding("U", 4, &[Field::new("a", 0, 4), Field::new("b", 0, 4)]);
    }

    #[test]
    #[should_panic(
        expected = "`T` has 3 byte(s) of padding at offset 1, before field `b` (offset 4, 4 byte(s)), after field `a`"
    )]
    fn names_inner_padding() {
        assert_no_padding("T", 8, &[Field::new("a", 0, 1), Field::new("b", 4, 4)]);
    }

    #[test]
    #[should_panic(
        expected = "`T` has 3 byte(s) of trailing padding at offset 5, after its last field `b`"
    )]
    fn names_trailing_padding() {
        assert_no_padding("T", 8, &[Field::new("a", 0, 4), Field::new("b", 4, 1)]);
    }

    #[test]
    fn judges_fields_in_any_order() {
        // Listed `b`, `a`, `c`, laid out `a` (0..2), `c` (2..3), a hole at 3, `b` (4..6).
        let hole = [
            Field::new("b", 4, 2),
            Field::new("a", 0, 2),
            Field::new("c", 2, 1),
        ];
        let v = no_padding("T", 6, &hole);
        let m = v.failure().unwrap();
        assert!(
            m.starts_with("`T` has 1 byte(s) of padding at offset 3, before field `b` (offset 4, 2 byte(s)), after field `c`"),
            "{m}"
        );
        // Listed out of order, laid out with no hole (as `repr(Rust)` may reorder): accepted
        // in every order.
        let tight = [
            Field::new("a", 0, 2),
            Field::new("c", 4, 2),
            Field::new("b", 2, 2),
        ];
        for order in [
            [0, 1, 2],
            [0, 2, 1],
            [1, 0, 2],
            [1, 2, 0],
            [2, 0, 1],
            [2, 1, 0],
        ] {
            let fields = order.map(|i| tight[i]);
            assert!(no_padding("T", 6, &fields).failure().is_none(), "{order:?}");
            // One byte more is trailing padding, in every order.
            let v = no_padding("T", 7, &fields);
            let m = v.failure().unwrap();
            assert!(
                m.contains("1 byte(s) of trailing padding at offset 6"),
                "{m}"
            );
        }
        // Zero-sized fields anywhere change nothing.
        let zst = [
            Field::new("z", 6, 0),
            tight[1],
            Field::new("y", 0, 0),
            tight[0],
            tight[2],
        ];
        assert!(no_padding("T", 6, &zst).failure().is_none());
        assert!(no_padding("T", 8, &zst).failure().is_some());
    }

    /// A probe: the checks are public and callable at run time with any numbers; none may
    /// panic, also with overflow checks on (the debug profile the tests run in).
    #[test]
    fn derive_checks_never_panic_on_extreme_inputs() {
        let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
        let huge = [
            Field::new("a", usize::MAX, usize::MAX),
            Field::new("b", 0, usize::MAX),
        ];
        assert!(c.no_padding("T", usize::MAX, &huge).failure().is_none());
        assert!(c
            .no_padding("T", 0, &[Field::new("a", usize::MAX, 1)])
            .failure()
            .is_some());
        assert!(c
            .union_no_padding("U", usize::MAX, &huge)
            .failure()
            .is_none());
        assert!(c
            .union_no_padding("U", usize::MAX, &[Field::new("a", 0, 1)])
            .failure()
            .is_some());
        let m = c.variant_no_padding("E", "A", usize::MAX, usize::MAX, &huge);
        assert!(m.failure().is_none());
        assert_eq!(c.round_up(usize::MAX, 4), usize::MAX);
        assert_eq!(c.round_up(5, 0), 5);
        assert_eq!(c.max(usize::MAX, 0), usize::MAX);
        assert_eq!(c.int_align(usize::MAX), 1);
        assert_eq!(c.tag_bits(-1, usize::MAX), u128::MAX);
        assert_eq!(c.tag_bits(i128::MIN, 0), 0);
        assert_eq!(c.c_enum_tag_size(&[i128::MIN, i128::MAX]), 16);
        assert_eq!(c.c_enum_tag_size(&[]), c.c_enum_tag_size(&[0]));
    }

    #[test]
    #[should_panic(expected = "union `U` is 4 bytes but its field `b` is 1 bytes")]
    fn names_short_union_field() {
        assert_union_no_padding("U", 4, &[Field::new("a", 0, 4), Field::new("b", 0, 1)]);
    }

    #[test]
    fn enum_variants_name_the_tag_and_fields() {
        let tag_only = variant_no_padding("E", "A", 4, 1, &[]);
        let m = tag_only.failure().unwrap();
        assert!(
            m.starts_with("variant `E::A` has 3 byte(s) of trailing padding at offset 1, after the tag (every variant must fill the enum's 4 bytes)"),
            "{m}"
        );
        let hole = variant_no_padding("E", "B", 8, 2, &[Field::new("x", 4, 4)]);
        assert!(hole.failure().unwrap().starts_with(
            "variant `E::B` has 2 byte(s) of padding at offset 2, before field `x` (offset 4, 4 byte(s)), after the tag"
        ));
        let tail = variant_no_padding("E", "C", 8, 4, &[Field::new("y", 4, 2)]);
        assert!(tail.failure().unwrap().starts_with(
            "variant `E::C` has 2 byte(s) of trailing padding at offset 6, after its last field `y`"
        ));
        let tight = [Field::new("p", 1, 1), Field::new("q", 2, 2)];
        assert!(variant_no_padding("E", "D", 4, 1, &tight)
            .failure()
            .is_none());
        // A field-less variant exactly as large as its tag has no padding.
        assert!(variant_no_padding("E", "F", 2, 2, &[]).failure().is_none());
    }
}
