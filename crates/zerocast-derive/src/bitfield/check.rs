// SPDX-License-Identifier: MIT OR Apache-2.0
//! Check what can be checked on the syntax of a `bitfield!` (every error collected, each on
//! the offending line) and of a `#[derive(BitEnum)]` enum. What depends on the types (the
//! storage's width, a field type's) is left to the compiler: see `expand::lines`.

use syn::Ident;

use super::parse::{field_ty, Bitfield, Check, FieldTy, Kind};
use crate::ctxt::Ctxt;
use crate::ir::{Input, Shape, Variant};

/// The widest storage, `u128`; the storage's own width is checked by a `const` assertion.
const MAX_BITS: u32 = 128;

pub(super) fn check(cx: &Ctxt, b: &Bitfield) {
    check_storage(cx, &b.storage);
    let mut taken: Vec<(u32, u32, String)> = Vec::new();
    let mut names: Vec<&Ident> = Vec::new();
    for line in &b.lines {
        let label = match &line.kind {
            Kind::Field { name, .. } => format!("`{name}`"),
            _ => format!("`{}:{}`", line.hi, line.lo),
        };
        if line.hi < line.lo {
            cx.error(
                &line.range,
                format!(
                    "bit range {}:{} is reversed: write the high bit first (`{}:{}`)",
                    line.hi, line.lo, line.lo, line.hi
                ),
            );
            continue;
        }
        if line.hi >= MAX_BITS {
            cx.error(
                &line.range,
                format!(
                    "bit {} is past every storage's bits (the widest, `u128`, has {MAX_BITS})",
                    line.hi,
                ),
            );
            continue;
        }
        if let Some((_, _, other)) = taken
            .iter()
            .find(|(hi, lo, _)| line.lo <= *hi && *lo <= line.hi)
        {
            cx.error(
                &line.range,
                format!(
                    "bits {}:{} of {label} overlap those of {other}",
                    line.hi, line.lo
                ),
            );
        }
        taken.push((line.hi, line.lo, label));
        let w = line.hi - line.lo + 1;
        match &line.kind {
            Kind::Ignored => {}
            Kind::Reserved(v, lit) => {
                if w < 128 && *v >> w != 0 {
                    cx.error(
                        lit,
                        format!("the reserved value {v} does not fit in {w} bits"),
                    );
                }
            }
            Kind::Field { name, ty, check } => {
                let prim = match field_ty(ty) {
                    FieldTy::Bool => Some("bool".to_string()),
                    FieldTy::Int(bits) => Some(format!("u{bits}")),
                    FieldTy::Other => None,
                };
                if let (Check::Read, Some(ty_str)) = (check, prim) {
                    cx.error(
                        ty,
                        format!(
                            "`?=>` reads an enum that has no variant for some values of its bits \
                             (a `BitEnum`), checked when read; every value of the bits is a \
                             `{ty_str}`: write `{name} as {ty_str};`"
                        ),
                    );
                }
                let s = name.to_string();
                if ["new", "from_bits", "try_from_bits", "into_bits"].contains(&s.as_str())
                    || s.starts_with("__zc")
                {
                    cx.error(
                        name,
                        format!("a field cannot be named `{s}`: the bit field has a method of that name"),
                    );
                }
                if let Some(prev) = names.iter().find(|n| **n == name) {
                    cx.error(name, format!("duplicate field `{prev}`"));
                }
                names.push(name);
            }
        }
    }
}

/// The variants of a `#[derive(BitEnum)]` enum, or `None` (after reporting) if it is no enum;
/// a generic enum, one without variants and one with fields are reported too.
pub(super) fn check_bit_enum<'i, 'a>(cx: &Ctxt, input: &'i Input<'a>) -> Option<&'i [Variant<'a>]> {
    let Shape::Enum(variants) = &input.shape else {
        cx.error(
            input.ident,
            "`BitEnum` is derived for enums without fields only",
        );
        return None;
    };
    if input.is_generic() {
        cx.error(
            input.generics,
            "`BitEnum` cannot be derived for a generic enum",
        );
    }
    if variants.is_empty() {
        cx.error(input.ident, "`BitEnum` needs at least one variant");
    }
    for v in variants {
        if let Some(f) = v.fields.first() {
            cx.error(
                f.ty,
                format!(
                    "variant `{}` has fields: `BitEnum` is derived for enums without fields only",
                    v.ident
                ),
            );
        }
    }
    Some(variants)
}

/// A primitive type other than the unsigned integers (`i16`, `bool`, `char`, ...) is refused
/// here, with one error: the `Storage` bound would refuse it too, but with one error per use
/// of the storage in the generated code. Any other type (an alias, a byte-order integer) is
/// left to that bound.
fn check_storage(cx: &Ctxt, storage: &syn::Type) {
    let syn::Type::Path(p) = storage else {
        return;
    };
    let Some(ident) = p.path.get_ident().filter(|_| p.qself.is_none()) else {
        return;
    };
    let unsigned = ["u8", "u16", "u32", "u64", "u128"];
    if crate::ir::is_primitive(ident) && !unsigned.iter().any(|u| ident == u) {
        cx.error(
            storage,
            format!(
                "`{ident}` cannot be the storage of a bit field: a bitfield is stored in `u8`, \
                 `u16`, `u32`, `u64` or `u128`, in a `zerocast::byteorder` `U16`, `U32`, `U64` \
                 or `U128`, or in an aligned `Le16`..`Le64` or `Be16`..`Be64` (through a type \
                 alias too)"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Bitfield {
        syn::parse_str(src).unwrap()
    }

    /// The check's error messages for `src`, in order.
    fn errors(src: &str) -> Vec<String> {
        let cx = Ctxt::default();
        check(&cx, &parse(src));
        match cx.into_errors() {
            None => Vec::new(),
            Some(ts) => {
                let s = ts.to_string();
                s.split("compile_error !")
                    .skip(1)
                    .map(|m| m.trim().trim_start_matches('{').trim().to_string())
                    .collect()
            }
        }
    }

    #[test]
    fn checks_report_each_mistake() {
        assert!(errors("struct S(u8) { 7:4 a as u8; 3:0 b as Nib; }").is_empty());
        let e = errors("struct S(u8) { 128:0 a as u16; 2:3 b as u8; 5:4 c as u8; 4 d as bool; }");
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(
            e[0].contains("bit 128 is past every storage's bits"),
            "{e:?}"
        );
        assert!(e[1].contains("reversed"), "{e:?}");
        assert!(e[2].contains("overlap those of `c`"), "{e:?}");
        let e = errors("struct S(u16) { 15:4 a as u8; 3:2 _ = 4; 1 a as bool; }");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].contains("reserved value 4 does not fit in 2 bits"),
            "{e:?}"
        );
        assert!(e[1].contains("duplicate field `a`"), "{e:?}");
        // Field types and widths are the compiler's to check (`const` assertions); a primitive
        // storage that is no unsigned integer is refused here, with one error.
        assert!(errors("struct S(u8) { 0 a as bool; 7:1 b as bool; }").is_empty());
        assert!(errors("struct S(Reg) { 0 a as bool; 7:1 b as bool; }").is_empty());
        let e = errors("struct S(i8) { 0 a as bool; 7:1 b as bool; }");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("`i8` cannot be the storage"), "{e:?}");
    }

    #[test]
    fn checked_when_read_takes_an_enum() {
        assert!(errors("struct S(u8) { 1:0 a ?=> Mode; 7:2 b ?=> my::E; }").is_empty());
        let e = errors("struct S(u8) { 0 a ?=> bool; 7:1 b ?=> core::primitive::u8; }");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].contains("every value of the bits is a `bool`: write `a as bool;`"),
            "{e:?}"
        );
        assert!(e[1].contains("is a `u8`: write `b as u8;`"), "{e:?}");
    }
}
