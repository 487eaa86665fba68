// SPDX-License-Identifier: MIT OR Apache-2.0
//! The padding checks: from a type's size and its fields' offsets and sizes, a [`Verdict`] that
//! names the first padding hole, or the assertion that raises it at compile time.

use crate::const_msg::Msg;
use crate::{DstLayout, SizeInfo};

/// One field of a type, for [`no_padding`] and [`union_no_padding`].
///
/// # Examples
///
/// ```
/// use core::mem::{offset_of, size_of};
/// use zerocast::checks::{no_padding, Field};
///
/// #[repr(C)]
/// struct Rec {
///     a: u16,
///     b: u16,
/// }
///
/// let b = Field::new("b", offset_of!(Rec, b), size_of::<u16>());
/// // Without `a`, the bytes before `b` are reported as padding.
/// assert!(no_padding("Rec", size_of::<Rec>(), &[b]).failure().unwrap().contains("before field `b`"));
/// ```
#[derive(Copy, Clone, Debug)]
pub struct Field {
    name: &'static str,
    offset: usize,
    size: usize,
}

impl Field {
    /// The field `name`, at `offset` bytes, of `size` bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{no_padding, Field};
    ///
    /// let fields = [Field::new("lo", 0, 2), Field::new("hi", 2, 2)];
    /// assert!(no_padding("Word", 4, &fields).failure().is_none());
    /// ```
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
    pub(super) msg: Msg,
}

impl Verdict {
    pub(super) const PASS: Verdict = Verdict { msg: Msg::new() };

    /// The failure message, or `None` if the check passed.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{union_no_padding, Field};
    ///
    /// let pass = union_no_padding("U", 4, &[Field::new("a", 0, 4), Field::new("b", 0, 4)]);
    /// assert_eq!(pass.failure(), None);
    /// let fail = union_no_padding("U", 4, &[Field::new("a", 0, 2)]);
    /// assert!(fail.failure().unwrap().contains("field `a` is 2 bytes"));
    /// ```
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
///
/// # Examples
///
/// ```
/// use core::mem::{offset_of, size_of};
/// use zerocast::checks::{no_padding, Field};
///
/// #[repr(C)]
/// struct Rec {
///     a: u32,
///     b: u8,
/// }
///
/// let fields = [
///     Field::new("a", offset_of!(Rec, a), size_of::<u32>()),
///     Field::new("b", offset_of!(Rec, b), size_of::<u8>()),
/// ];
/// let v = no_padding("Rec", size_of::<Rec>(), &fields);
/// assert!(v.failure().unwrap().starts_with(
///     "`Rec` has 3 byte(s) of trailing padding at offset 5, after its last field `b`"
/// ));
/// // Listed in any order: `b` then `a` still covers 0..5.
/// assert!(no_padding("T", 5, &[fields[1], fields[0]]).failure().is_none());
/// ```
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
///
/// # Examples
///
/// ```
/// use zerocast::checks::{union_no_padding, Field};
///
/// // `#[repr(C)] union U { a: u8, b: u32 }`
/// let v = union_no_padding("U", 4, &[Field::new("a", 0, 1), Field::new("b", 0, 4)]);
/// assert!(v.failure().unwrap().starts_with(
///     "union `U` is 4 bytes but its field `a` is 1 bytes: when that field is set, the other 3 byte(s) are uninitialized"
/// ));
/// assert!(union_no_padding("U", 4, &[Field::new("b", 0, 4)]).failure().is_none());
/// ```
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
/// # Examples
///
/// ```
/// use core::mem::{offset_of, size_of};
/// use zerocast::checks::{assert_no_padding, Field};
///
/// #[repr(C)]
/// struct Header {
///     kind: u16,
///     flags: [u8; 2],
///     len: u32,
/// }
///
/// const _: () = assert_no_padding(
///     "Header",
///     size_of::<Header>(),
///     &[
///         Field::new("kind", offset_of!(Header, kind), 2),
///         Field::new("flags", offset_of!(Header, flags), 2),
///         Field::new("len", offset_of!(Header, len), 4),
///     ],
/// );
/// ```
///
/// ```compile_fail,E0080
/// use zerocast::checks::{assert_no_padding, Field};
///
/// // `#[repr(C)] struct Rec { a: u8, b: u32 }`: the build fails naming the hole at offset 1.
/// const _: () = assert_no_padding("Rec", 8, &[Field::new("a", 0, 1), Field::new("b", 4, 4)]);
/// ```
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
/// # Examples
///
/// ```
/// use zerocast::checks::{assert_union_no_padding, Field};
///
/// #[repr(C)]
/// union Word {
///     bytes: [u8; 4],
///     value: u32,
/// }
///
/// const _: () = assert_union_no_padding(
///     "Word",
///     core::mem::size_of::<Word>(),
///     &[Field::new("bytes", 0, 4), Field::new("value", 0, 4)],
/// );
/// ```
///
/// # Panics
///
/// If a field is smaller than the union, naming it and both sizes.
pub const fn assert_union_no_padding(ty: &str, size: usize, fields: &[Field]) {
    if let Some(m) = union_no_padding(ty, size, fields).failure() {
        panic!("{}", m);
    }
}
