// SPDX-License-Identifier: MIT OR Apache-2.0
//! Discriminant values known at macro time: what the check and expand phases ask of an
//! enum's variants.

use syn::Ident;

use crate::ir::{IntRepr, Variant};

/// The discriminant of every variant, if each is implicit or an integer literal (possibly
/// negated) that fits the discriminant type `int` (`None`: the default `isize`); `None` if any
/// is a more complex expression, or a literal the compiler would wrap (`A = 256` in a
/// `repr(u8)` enum, with `overflowing_literals` allowed), which only the compiler can evaluate.
pub(crate) fn literal_discriminants(
    variants: &[Variant<'_>],
    int: Option<IntRepr>,
) -> Option<Vec<i128>> {
    let mut next: i128 = 0;
    let mut out = Vec::with_capacity(variants.len());
    for v in variants {
        let value = match v.discriminant {
            None => next,
            Some(expr) => eval(expr)?,
        };
        if !fits(int, value) {
            return None;
        }
        out.push(value);
        next = value.checked_add(1)?;
    }
    Some(out)
}

/// `true` if `value` is a value of the discriminant type `int` (`None`: `isize`) on every
/// target: `usize`, `isize` and a C `int` are taken as 16 bits wide, their narrowest.
pub(crate) fn fits(int: Option<IntRepr>, value: i128) -> bool {
    let bits = int.and_then(IntRepr::bits).unwrap_or(16);
    let signed = int.is_none_or(IntRepr::signed);
    let (min, max) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else if bits == 128 {
        (0, i128::MAX)
    } else {
        (0, (1i128 << bits) - 1)
    };
    (min..=max).contains(&value)
}

/// The value of an integer literal discriminant (possibly negated or parenthesized).
pub(crate) fn eval(expr: &syn::Expr) -> Option<i128> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => i.base10_parse::<i128>().ok(),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => eval(expr)?.checked_neg(),
        syn::Expr::Paren(p) => eval(&p.expr),
        syn::Expr::Group(g) => eval(&g.expr),
        _ => None,
    }
}

/// The index of the variant whose discriminant is 0, as far as literal (and implicit)
/// discriminants tell; or the message saying why there is none.
pub(crate) fn zero_variant(
    ident: &Ident,
    variants: &[Variant<'_>],
    int: Option<IntRepr>,
) -> Result<usize, String> {
    let mut next = Some(0i128);
    let mut unknown = false;
    for (i, v) in variants.iter().enumerate() {
        let value = match v.discriminant {
            None => next,
            Some(e) => eval(e),
        }
        .filter(|&d| fits(int, d));
        if value == Some(0) {
            return Ok(i);
        }
        unknown |= value.is_none();
        next = value.and_then(|d| d.checked_add(1));
    }
    Err(if unknown {
        format!(
            "`#[derive(FromZeros)]` needs the variant of `{ident}` with discriminant 0, so that \
             all-zero bytes are a valid `{ident}` and its fields can be required to be \
             `FromZeros`, but some discriminants are not integer literals of its discriminant \
             type, which the derive cannot evaluate; give the zero variant a literal `= 0`"
        )
    } else {
        format!(
            "`#[derive(FromZeros)]` needs a variant with discriminant 0, so that all-zero bytes \
             are a valid `{ident}`, but none has it; add a variant `= 0` (its fields must be \
             `FromZeros`)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ctxt::Ctxt;
    use crate::ir::{Input, Shape};

    fn zero_of(src: &str) -> Result<usize, String> {
        let item: syn::DeriveInput = syn::parse_str(src).unwrap();
        let cx = Ctxt::default();
        let input = Input::parse(&cx, &item);
        let Shape::Enum(v) = &input.shape else {
            panic!("not an enum: {src}")
        };
        let r = zero_variant(input.ident, v, Some(IntRepr::I8));
        drop(cx.into_errors());
        r
    }

    #[test]
    fn finds_the_zero_variant() {
        assert_eq!(zero_of("enum E { A(u8), B }"), Ok(0));
        assert_eq!(zero_of("enum E { A = 1, B(u8) = 0 }"), Ok(1));
        assert_eq!(zero_of("enum E { A = -1, B(bool) }"), Ok(1));
        // An unknown discriminant hides the values after it, but not a literal 0.
        assert_eq!(zero_of("enum E { A = X, B(u8) = 0 }"), Ok(1));
        assert!(zero_of("enum E { A = X, B(u8) }")
            .unwrap_err()
            .contains("not integer literals"));
        assert!(zero_of("enum E { A = 1, B(u8) }")
            .unwrap_err()
            .contains("but none has it"));
        // 256 is not an `i8`: the compiler would wrap it (with `overflowing_literals`
        // allowed), so the derive does not take it for what it says.
        assert!(zero_of("enum E { A = 256, B(u8) }")
            .unwrap_err()
            .contains("not integer literals"));
    }

    fn discriminants(src: &str) -> Option<Vec<i128>> {
        discriminants_as(src, Some(IntRepr::I64))
    }

    /// The literal discriminants of the enum `src` with the discriminant type `int`.
    fn discriminants_as(src: &str, int: Option<IntRepr>) -> Option<Vec<i128>> {
        let item: syn::DeriveInput = syn::parse_str(src).unwrap();
        let syn::Data::Enum(e) = &item.data else {
            panic!("not an enum: {src}")
        };
        let vs: Vec<Variant<'_>> = e
            .variants
            .iter()
            .map(|v| Variant {
                ident: &v.ident,
                discriminant: v.discriminant.as_ref().map(|(_, e)| e),
                fields: Vec::new(),
                ctor: crate::ir::fieldless_ctor(&v.fields),
            })
            .collect();
        literal_discriminants(&vs, int)
    }

    #[test]
    fn implicit_and_literal_discriminants() {
        assert_eq!(discriminants("enum E { A, B, C }"), Some(vec![0, 1, 2]));
        assert_eq!(
            discriminants("enum E { A = 5, B, C = -2, D }"),
            Some(vec![5, 6, -2, -1])
        );
        assert_eq!(
            discriminants("enum E { A = 0x10u8, B = (3) }"),
            Some(vec![16, 3])
        );
    }

    #[test]
    fn literals_the_compiler_would_wrap_are_left_to_it() {
        let src = "enum E { A = 256, B = 1 }";
        assert_eq!(discriminants_as(src, Some(IntRepr::U8)), None);
        assert_eq!(
            discriminants_as(src, Some(IntRepr::U16)),
            Some(vec![256, 1])
        );
        assert!(fits(Some(IntRepr::I8), -128) && !fits(Some(IntRepr::I8), 128));
        assert!(fits(Some(IntRepr::U128), i128::MAX) && !fits(Some(IntRepr::U64), -1));
        assert!(fits(None, 32767) && !fits(None, 32768));
    }

    #[test]
    fn non_literal_discriminants_are_left_to_the_compiler() {
        assert_eq!(discriminants("enum E { A = X, B }"), None);
        assert_eq!(discriminants("enum E { A = 1 + 1 }"), None);
    }
}
