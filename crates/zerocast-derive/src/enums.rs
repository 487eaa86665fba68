//! Fieldless enums: discriminant values known at macro time, and which ones are missing.

use crate::ir::{IntRepr, Variant};

/// The discriminant of every variant, if each is implicit or an integer literal (possibly
/// negated); `None` if any is a more complex expression, which only the compiler can evaluate.
pub(crate) fn literal_discriminants(variants: &[Variant<'_>]) -> Option<Vec<i128>> {
    let mut next: i128 = 0;
    let mut out = Vec::with_capacity(variants.len());
    for v in variants {
        let value = match v.discriminant {
            None => next,
            Some(expr) => eval(expr)?,
        };
        out.push(value);
        next = value.checked_add(1)?;
    }
    Some(out)
}

fn eval(expr: &syn::Expr) -> Option<i128> {
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
