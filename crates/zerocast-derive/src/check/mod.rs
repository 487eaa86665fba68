// SPDX-License-Identifier: MIT OR Apache-2.0
//! Phase 2: reject what cannot be derived soundly, with an error on the offending token that
//! says what to do. Field trait bounds and layout facts the compiler knows better (sizes,
//! offsets, padding) are left to the generated `where` clauses and `const` assertions.

mod data_enum;
mod enums;
pub(crate) mod record;

use crate::ctxt::Ctxt;
use crate::ir::{Input, Shape};
use crate::tokens::Trait;

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
        // `KnownLayout` and `Immutable` ask nothing of an enum's discriminants.
        Shape::Enum(_) if matches!(tr, Trait::KnownLayout | Trait::Immutable) => {}
        Shape::Enum(variants) => match input.data_variants() {
            Some(_) => data_enum::check(cx, input, tr, variants),
            None => enums::check_enum(cx, input, tr, variants),
        },
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
