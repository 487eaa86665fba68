// SPDX-License-Identifier: MIT OR Apache-2.0
//! Fieldless enums: discriminant values known at macro time, and which ones are missing.

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

/// The values of `int` with no variant, as a short list of ranges ("3, 5..=255"), for an enum
/// whose discriminant type has `bits` (8 or 16) bits.
pub(crate) fn describe_missing(int: IntRepr, bits: u32, present: &[i128]) -> String {
    let count = 1usize << bits;
    let min: i128 = if int.signed() {
        -(1i128 << (bits - 1))
    } else {
        0
    };
    let mut seen = vec![false; count];
    for &d in present {
        let idx = d - min;
        if (0..count as i128).contains(&idx) {
            seen[idx as usize] = true;
        }
    }
    let mut ranges: Vec<(i128, i128)> = Vec::new();
    for (i, s) in seen.iter().enumerate() {
        if *s {
            continue;
        }
        let v = min + i as i128;
        match ranges.last_mut() {
            Some((_, hi)) if *hi + 1 == v => *hi = v,
            _ => ranges.push((v, v)),
        }
    }
    const SHOWN: usize = 6;
    let mut parts: Vec<String> = ranges
        .iter()
        .take(SHOWN)
        .map(|&(lo, hi)| {
            if lo == hi {
                lo.to_string()
            } else {
                format!("{lo}..={hi}")
            }
        })
        .collect();
    if ranges.len() > SHOWN {
        parts.push(format!("and {} more ranges", ranges.len() - SHOWN));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn missing_values_as_ranges() {
        assert_eq!(
            describe_missing(IntRepr::U8, 8, &(0..255).collect::<Vec<_>>()),
            "255"
        );
        assert_eq!(
            describe_missing(IntRepr::I8, 8, &[-1, 0, 5]),
            "-128..=-2, 1..=4, 6..=127"
        );
        let every_other: Vec<i128> = (0..256).step_by(2).collect();
        let s = describe_missing(IntRepr::U8, 8, &every_other);
        assert!(
            s.starts_with("1, 3, 5, 7, 9, 11, and 122 more ranges"),
            "{s}"
        );
    }
}
