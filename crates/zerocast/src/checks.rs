//! Compile-time layout checks: the `const` assertions the derives generate, usable directly.
//!
//! A failed check stops compilation with a message that names the type, the field, the offset
//! and size of the problem, and how to fix it.
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

/// One field of a type, for [`assert_no_padding`] and [`assert_union_no_padding`].
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

const FIX: &str = "IntoBytes needs every byte initialized, and padding bytes are not. To remove it: \
                   reorder the fields from the largest alignment to the smallest, add an explicit \
                   field (for example `_pad: [u8; N]`) where the padding is, or use `#[repr(C, packed)]`";

/// Fails (at compile time, in a `const`) if the struct `ty` of `size` bytes, whose fields are
/// listed in declaration order (in which `repr(C)` lays them out), has padding.
///
/// # Panics
///
/// If there is padding, naming the field it follows and precedes, its offset and length.
pub const fn assert_no_padding(ty: &str, size: usize, fields: &[Field]) {
    let mut end = 0;
    let mut i = 0;
    while i < fields.len() {
        let f = fields[i];
        if f.offset > end {
            let mut m = Msg::new()
                .str("`")
                .str(ty)
                .str("` has ")
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
            if i > 0 {
                m = m.str(", after field `").str(fields[i - 1].name).str("`");
            }
            m.str(". ").str(FIX).panic();
        }
        end = f.offset + f.size;
        i += 1;
    }
    if size > end {
        let mut m = Msg::new()
            .str("`")
            .str(ty)
            .str("` has ")
            .num(size - end)
            .str(" byte(s) of trailing padding at offset ")
            .num(end);
        if i > 0 {
            m = m
                .str(", after its last field `")
                .str(fields[i - 1].name)
                .str("`");
        }
        m.str(" (its size is rounded up to its alignment). ")
            .str(FIX)
            .panic();
    }
}

/// Fails (at compile time, in a `const`) if a field of the union `ty` of `size` bytes is
/// smaller than the union: the bytes past it would be uninitialized when it is the one set.
///
/// # Panics
///
/// If a field is smaller than the union, naming it and both sizes.
pub const fn assert_union_no_padding(ty: &str, size: usize, fields: &[Field]) {
    let mut i = 0;
    while i < fields.len() {
        let f = fields[i];
        if f.size != size {
            Msg::new()
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
                    " byte(s) are uninitialized. For IntoBytes every field must be as large as \
                     the union (pad the smaller ones with explicit byte arrays)",
                )
                .panic();
        }
        i += 1;
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
    #[should_panic(expected = "union `U` is 4 bytes but its field `b` is 1 bytes")]
    fn names_short_union_field() {
        assert_union_no_padding("U", 4, &[Field::new("a", 0, 4), Field::new("b", 0, 1)]);
    }
}
