// SPDX-License-Identifier: MIT OR Apache-2.0
//! What can be derived for fieldless enums: a `repr` that fixes the discriminant, a variant for
//! every value (`FromBytes`), one with discriminant 0 (`FromZeros`).

use proc_macro2::Span;

use crate::ctxt::Ctxt;
use crate::ir::discriminants::literal_discriminants;
use crate::ir::{Input, IntRepr, Variant};
use crate::tokens::Trait;

/// Rejects what cannot be derived for a fieldless enum (`KnownLayout` and `Immutable` need no
/// checks, and enums with fields go to `check::data_enum`: neither is passed here).
pub(super) fn check_enum(cx: &Ctxt, input: &Input<'_>, tr: Trait, variants: &[Variant<'_>]) {
    let repr = &input.repr;
    if let Some((n, span)) = repr.align.filter(|&(n, _)| n > 1) {
        // An empty enum has size 0: `align` adds no bytes, but still raises the alignment.
        if (!variants.is_empty() || tr == Trait::Unaligned)
            && !check_enum_align(cx, input, tr, n, span)
        {
            return;
        }
    }
    if variants.is_empty() {
        if matches!(tr, Trait::FromZeros | Trait::FromBytes) {
            cx.error(
                input.ident,
                format_args!(
                    "`#[derive({})]` needs bytes that are a valid `{}`, but it has no variants, \
                     so no bytes are; derive `TryFromBytes` (which rejects all bytes) instead",
                    tr.name(),
                    input.ident
                ),
            );
        }
        // No value exists: `TryFromBytes` rejects every candidate, and `IntoBytes` and
        // `Unaligned` (size 0, alignment 1 without `align`) hold with nothing to check. The
        // compiler accepts no integer `repr` on an empty enum, so none is asked for.
        return;
    }
    let Some((int, int_span)) = repr.int else {
        if repr.c.is_some() {
            check_c_enum(cx, input, tr, variants);
        } else {
            cx.error(
                input.ident,
                format_args!(
                    "`#[derive({})]` on an enum needs a `repr` that fixes its discriminant's \
                     size and values: add `#[repr(u8)]` (or another integer type: u16, u32, i8, \
                     ...) or `#[repr(C)]` to `{}`",
                    tr.name(),
                    input.ident
                ),
            );
        }
        return;
    };
    match tr {
        Trait::FromBytes => check_from_bytes_enum(cx, input, variants, int, int_span),
        Trait::FromZeros => check_zero_variant(cx, input, variants),
        Trait::Unaligned if !matches!(int, IntRepr::U8 | IntRepr::I8) => {
            cx.push(syn::Error::new(
                int_span,
                format_args!(
                    "`#[derive(Unaligned)]` on an enum needs `#[repr(u8)]` or `#[repr(i8)]`; \
                     a `{}` discriminant has an alignment greater than 1",
                    int.name()
                ),
            ));
        }
        _ => {}
    }
}

/// `repr(align(n))` on a fieldless enum pads the discriminant up to `n` bytes. Returns `false`
/// (after reporting) if that rules out `tr`.
fn check_enum_align(cx: &Ctxt, input: &Input<'_>, tr: Trait, n: u64, span: Span) -> bool {
    let ident = input.ident;
    let msg = match (tr, input.repr.int) {
        (Trait::Unaligned, _) => format!(
            "`#[repr(align({n}))]` gives `{ident}` alignment {n}, so it cannot be `Unaligned` \
             (alignment 1)"
        ),
        // Padding is fine for `FromBytes` (any bytes) and for validators that read only the
        // discriminant, as those of integer `repr`s do.
        (Trait::TryFromBytes | Trait::FromZeros | Trait::FromBytes, Some(_)) => return true,
        (Trait::IntoBytes, Some((int, _))) => match int.bits() {
            Some(bits) if u64::from(bits / 8) >= n => return true,
            Some(bits) => format!(
                "`#[derive(IntoBytes)]` needs every byte of `{ident}` initialized, but \
                 `#[repr(align({n}))]` pads its {}-byte `{}` discriminant with {} uninitialized \
                 byte(s); remove `align`, or use a discriminant type of at least {n} bytes",
                bits / 8,
                int.name(),
                n - u64::from(bits / 8)
            ),
            None => format!(
                "`#[derive(IntoBytes)]` cannot check that `#[repr(align({n}))]` leaves no \
                 padding after a `{}` discriminant, whose size depends on the target; remove \
                 `align`, or use a fixed-size discriminant type",
                int.name()
            ),
        },
        // No `repr` fixes the discriminant at all: that is the error to report.
        (_, None) if input.repr.c.is_none() => return true,
        // A `repr(C)` discriminant has the target's C `int` size, which only the compiler
        // knows: its padding would be read as part of it.
        _ => format!(
            "`#[derive({})]` does not support `#[repr(align)]` on a `#[repr(C)]` enum: the \
             size of its discriminant, and so where the padding starts, depends on the target; \
             use an integer `repr` such as `#[repr(u32, align({n}))]`",
            tr.name()
        ),
    };
    cx.push(syn::Error::new(span, msg));
    false
}

pub(super) fn check_c_enum(cx: &Ctxt, input: &Input<'_>, tr: Trait, variants: &[Variant<'_>]) {
    match tr {
        Trait::FromBytes => cx.error(
            input.ident,
            format_args!(
                "`#[derive(FromBytes)]` on a `#[repr(C)]` enum is not possible: its discriminant \
                 has the size of a C `int`, and every value of it would need a variant; use \
                 `#[repr(u8)]` with 256 variants (or `repr(u16)` with 65536), or derive \
                 `TryFromBytes` to check discriminants instead"
            ),
        ),
        Trait::Unaligned => cx.error(
            input.ident,
            "`#[derive(Unaligned)]` on an enum needs `#[repr(u8)]` or `#[repr(i8)]`; a \
             `#[repr(C)]` enum has the alignment of a C `int`",
        ),
        Trait::FromZeros => check_zero_variant(cx, input, variants),
        _ => {}
    }
}

pub(super) fn check_from_bytes_enum(
    cx: &Ctxt,
    input: &Input<'_>,
    variants: &[Variant<'_>],
    int: IntRepr,
    int_span: Span,
) {
    let bits = match int.bits() {
        Some(b @ (8 | 16)) => b,
        _ => {
            cx.push(syn::Error::new(
                int_span,
                format_args!(
                    "`#[derive(FromBytes)]` on a `repr({})` enum would need a variant for every \
                     `{}` value; use `#[repr(u8)]` (256 variants) or `#[repr(u16)]` (65536), \
                     or derive `TryFromBytes` to check discriminants instead",
                    int.name(),
                    int.name()
                ),
            ));
            return;
        }
    };
    let needed = 1usize << bits;
    if variants.len() == needed {
        return; // The compiler rejects duplicate discriminants, so every value is covered.
    }
    let missing = match literal_discriminants(variants, Some(int)) {
        Some(d) => format!(
            "; missing discriminants: {}",
            describe_missing(int, bits, &d)
        ),
        None => String::new(),
    };
    cx.error(
        input.ident,
        format_args!(
            "`#[derive(FromBytes)]` on a `repr({})` enum needs a variant for each of the {needed} \
             possible discriminants, so that any byte pattern is a valid `{}`, but it has {}{missing}. \
             Add the missing variants, or derive `TryFromBytes` to check discriminants instead",
            int.name(),
            input.ident,
            variants.len(),
        ),
    );
}

/// `FromZeros` needs a variant with discriminant 0. With literal discriminants this is checked
/// here; otherwise the expansion emits a `const` assertion that the compiler evaluates.
fn check_zero_variant(cx: &Ctxt, input: &Input<'_>, variants: &[Variant<'_>]) {
    if let Some(d) = literal_discriminants(variants, input.repr.int.map(|(i, _)| i)) {
        if !d.contains(&0) {
            cx.error(
                input.ident,
                format_args!(
                    "`#[derive(FromZeros)]` needs a variant with discriminant 0, so that all-zero \
                     bytes are a valid `{}`, but its discriminants are {}; add a variant `= 0`",
                    input.ident,
                    list(&d)
                ),
            );
        }
    }
}

fn list(d: &[i128]) -> String {
    let shown: Vec<String> = d.iter().take(8).map(i128::to_string).collect();
    let more = if d.len() > 8 {
        format!(", ... ({} in all)", d.len())
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(", "))
}

/// The values of `int` with no variant, as a short list of ranges ("3, 5..=255"), for an enum
/// whose discriminant type has `bits` (8 or 16) bits.
fn describe_missing(int: IntRepr, bits: u32, present: &[i128]) -> String {
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
