// SPDX-License-Identifier: MIT OR Apache-2.0
//! Phase 2: reject what cannot be derived soundly, with an error on the offending token that
//! says what to do. Field trait bounds and layout facts the compiler knows better (sizes,
//! offsets, padding) are left to the generated `where` clauses and `const` assertions.

use proc_macro2::Span;

use crate::ctxt::Ctxt;
use crate::data_enum;
use crate::enums;
use crate::ir::{Input, IntRepr, Shape, Variant};
use crate::Trait;

const DEFINED_LAYOUTS: &str = "`#[repr(C)]` (fields in declared order), `#[repr(transparent)]` \
                               (one non-zero-sized field) or `#[repr(C, packed)]` (no padding)";

pub(crate) fn check(cx: &Ctxt, input: &Input<'_>, tr: Trait) {
    check_dst_markers(cx, input);
    if tr == Trait::SplitAt && input.tail().is_none() && input.open_last().is_none() {
        let what = match &input.shape {
            Shape::Struct(_) => "a struct whose last field is",
            Shape::Union(_) | Shape::Enum(_) => "a struct with a last field that is",
        };
        cx.error(
            input.ident,
            format_args!(
                "`#[derive(SplitAt)]` needs {what} dynamically sized (`[T]`, or a slice-tailed \
                 struct marked `#[zerocast(dst)]`), whose trailing elements it splits; `{}` has \
                 none",
                input.ident
            ),
        );
        return;
    }
    match &input.shape {
        Shape::Struct(_) => {
            if let Some(tail) = input.tail() {
                let repr = &input.repr;
                // These need no offsets of the tail (see `validate_checked`), as in zerocopy.
                let offsets_free = matches!(
                    tr,
                    Trait::Immutable | Trait::TryFromBytes | Trait::FromZeros | Trait::FromBytes
                );
                if repr.c.is_none() && repr.transparent.is_none() && !offsets_free {
                    cx.error(
                        tail.ty,
                        format_args!(
                            "`#[derive({})]` on a struct with a dynamically sized last field \
                             (`{}`) needs `#[repr(C)]` (or `#[repr(transparent)]`): with the \
                             default Rust representation the field's offset is unspecified",
                            tr.name(),
                            tail.name
                        ),
                    );
                    return;
                }
            }
            check_struct_or_union(cx, input, tr, false);
        }
        Shape::Union(_) => check_struct_or_union(cx, input, tr, true),
        Shape::Enum(variants) => check_enum(cx, input, tr, variants),
    }
}

/// `#[zerocast(dst)]` belongs on the last field of a struct only.
fn check_dst_markers(cx: &Ctxt, input: &Input<'_>) {
    let misplaced: Vec<_> = match &input.shape {
        Shape::Struct(f) => f.iter().rev().skip(1).filter_map(|f| f.dst).collect(),
        Shape::Union(f) => f.iter().filter_map(|f| f.dst).collect(),
        Shape::Enum(v) => v
            .iter()
            .flat_map(|v| v.fields.iter())
            .filter_map(|f| f.dst)
            .collect(),
    };
    for span in misplaced {
        cx.push(syn::Error::new(
            span,
            "`#[zerocast(dst)]` marks a struct's dynamically sized last field; only the last \
             field of a struct can be dynamically sized",
        ));
    }
}

fn check_struct_or_union(cx: &Ctxt, input: &Input<'_>, tr: Trait, union: bool) {
    let repr = &input.repr;
    let what = if union { "union" } else { "struct" };
    match tr {
        Trait::KnownLayout
        | Trait::SplitAt
        | Trait::Immutable
        | Trait::TryFromBytes
        | Trait::FromZeros
        | Trait::FromBytes => {}
        Trait::IntoBytes => {
            // A concrete struct in the default representation is checked like any other: its
            // padding, found from the compiler's offsets in whatever order it put the fields,
            // is asserted absent (zerocopy accepts these too). A generic one or a union has no
            // single layout to check.
            if !repr.is_defined_layout() && (union || input.is_generic()) {
                cx.error(
                    input.ident,
                    format_args!(
                        "`#[derive(IntoBytes)]` needs a layout with no hidden padding, but `{}` \
                         has the default Rust representation, whose field order and padding are \
                         unspecified and, for a {}, cannot be checked once for all cases; add \
                         {DEFINED_LAYOUTS}",
                        input.ident,
                        if union { "union" } else { "generic struct" },
                    ),
                );
            } else if !union
                && input.is_generic()
                && repr.c.is_none()
                && repr.transparent.is_none()
                && !matches!(repr.packed, Some((1, _)))
            {
                // `repr(packed(N))` alone, N > 1, keeps the default representation's freedom
                // of field placement, which differs per instantiation (zerocopy refuses it
                // too); `repr(packed)` (N = 1) leaves no padding: the Reference guarantees the
                // minimum inter-field padding, which is none at alignment 1.
                cx.error(
                    input.ident,
                    format_args!(
                        "`#[derive(IntoBytes)]` on a generic struct needs `#[repr(C)]` or \
                         `#[repr(transparent)]`: `{}` has `repr(packed(N))` alone, which leaves the \
                         placement of its fields unspecified for each instantiation; write \
                         `#[repr(C, packed..)]`",
                        input.ident
                    ),
                );
            } else if union && input.is_generic() {
                cx.error(
                    input.generics,
                    "`#[derive(IntoBytes)]` on a generic union is not supported: every field \
                     must fill the whole union, which can only be checked for concrete types",
                );
            } else if input.is_generic() && repr.transparent.is_none() {
                if let Some((n, span)) = repr.align {
                    if n > 1 {
                        cx.push(syn::Error::new(
                            span,
                            "`#[derive(IntoBytes)]` cannot check a generic struct with \
                             `repr(align)` for trailing padding; remove `align` or make the \
                             struct concrete",
                        ));
                    }
                }
            }
        }
        Trait::Unaligned => {
            if let Some((n, span)) = repr.align {
                if n > 1 {
                    cx.push(syn::Error::new(
                        span,
                        format_args!(
                            "`#[repr(align({n}))]` gives `{}` alignment {n}, so it cannot be \
                             `Unaligned` (alignment 1)",
                            input.ident
                        ),
                    ));
                    return;
                }
            }
            if !repr.is_defined_layout() {
                cx.error(
                    input.ident,
                    format_args!(
                        "`#[derive(Unaligned)]` needs a {what} whose alignment is defined by its \
                         fields; `{}` has the default Rust representation. Add `#[repr(C)]` or \
                         `#[repr(transparent)]` (all fields `Unaligned`), or `#[repr(C, packed)]` \
                         (any fields)",
                        input.ident
                    ),
                );
            }
        }
    }
}

fn check_enum(cx: &Ctxt, input: &Input<'_>, tr: Trait, variants: &[Variant<'_>]) {
    if matches!(tr, Trait::KnownLayout | Trait::Immutable) {
        return;
    }
    if data_enum::data_variants(input).is_some() {
        data_enum::check(cx, input, tr, variants);
        return;
    }
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

pub(crate) fn check_c_enum(cx: &Ctxt, input: &Input<'_>, tr: Trait, variants: &[Variant<'_>]) {
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

pub(crate) fn check_from_bytes_enum(
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
    let missing = match enums::literal_discriminants(variants, Some(int)) {
        Some(d) => format!(
            "; missing discriminants: {}",
            enums::describe_missing(int, bits, &d)
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
    if let Some(d) = enums::literal_discriminants(variants, input.repr.int.map(|(i, _)| i)) {
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
