// SPDX-License-Identifier: MIT OR Apache-2.0
//! Phase 3: generate the impls, only for input that passed every check.
//!
//! The generated code is kept small, for compile speed: one `unsafe impl` per trait whose
//! `where` clause carries each field's bound (spanned on the field's type, so an unmet bound
//! points there), and at most one `const` assertion per item for what only the compiler knows
//! (padding, a zero discriminant given by a constant expression).

mod assertions;
pub(crate) mod byte_eq;
mod bytewise;
mod data_enum;
mod impls;
mod into_bytes;
mod known_layout;
mod layout;
pub(crate) mod record;
mod split_at;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::Input;
use crate::tokens::{checks_via, identity, Trait};
use assertions::{
    alignment_assertion, open_last_assertion, padding_assertion, zero_discriminant_assertion,
};
use impls::{generic_validates, imp, marker};
use into_bytes::{generic_field_proof, homogeneous_proof};
use known_layout::known_layout;
use split_at::split_at;
use validate::validate_checked;

pub(crate) fn expand(input: &Input<'_>, tr: Trait) -> TokenStream {
    if let Some(out) = data_enum::expand(input, tr) {
        return out;
    }
    match tr {
        Trait::KnownLayout => known_layout(input),
        Trait::Immutable => marker(input, Trait::Immutable, Trait::Immutable),
        Trait::TryFromBytes => {
            let body = validate_checked(input);
            let mut out = imp(input, Trait::TryFromBytes, Trait::TryFromBytes, body);
            out.extend(open_last_assertion(input, Trait::TryFromBytes));
            out
        }
        Trait::FromZeros => {
            let body = validate_checked(input);
            // A generic type's `TryFromBytes` needs only `TryFromBytes` fields, as zerocopy's:
            // `Wrapper<bool>` validates even where `Wrapper<u8>` is also `FromZeros`.
            let bound = if generic_validates(input) {
                Trait::TryFromBytes
            } else {
                Trait::FromZeros
            };
            let mut out = imp(input, Trait::TryFromBytes, bound, body);
            out.extend(marker(input, Trait::FromZeros, Trait::FromZeros));
            out.extend(zero_discriminant_assertion(input));
            out.extend(open_last_assertion(input, Trait::TryFromBytes));
            out
        }
        Trait::FromBytes => {
            // The three impls carry the same field bounds. A field type that lacks `FromBytes`
            // makes each report the same error, on the same token, which the compiler shows
            // once (`tests/ui/field_not_from_bytes.rs`), so there is no noise to remove by
            // dropping bounds; and with them each impl is sound on its own.
            //
            // A generic type gets the validating `TryFromBytes` impl with `TryFromBytes` field
            // bounds, as zerocopy's derive gives it: `SliceDst<u16, bool>` is `TryFromBytes`
            // (checked), `SliceDst<u16, u8>` also `FromBytes`. A concrete type's fields are
            // all `FromBytes` (its `FromBytes` impl requires it), so its check is `Ok(())`.
            let k = &input.krate;
            let mut out = if generic_validates(input) {
                imp(
                    input,
                    Trait::TryFromBytes,
                    Trait::TryFromBytes,
                    validate_checked(input),
                )
            } else {
                // Accepting every candidate is sound because `Self` is `FromBytes`: proven here
                // through this impl's own trait, which a crate path cannot forge (a bound on
                // `path::FromBytes` could be a trait of the user's; docs/soundness.md §2b).
                // The branch is never taken, and removed before code generation.
                let checks = checks_via(k, Trait::TryFromBytes);
                let rule = bytewise::from_bytes_rule(input, &checks);
                let body = quote! {
                    #[inline(always)]
                    fn validate(_: #k::Candidate<'_, Self>) -> ::core::result::Result<(), #k::InvalidBits> {
                        if false {
                            #checks.require_from_bytes::<Self>();
                        }
                        ::core::result::Result::Ok(())
                    }
                    #rule
                };
                imp(input, Trait::TryFromBytes, Trait::FromBytes, body)
            };
            // Bounded on `FromBytes` like the others (one error per unmet bound): sound even if
            // the crate path's `FromBytes` were a trait of the user's, as `FromZeros` needs
            // `Self: TryFromBytes`, whose `validate` above proves `Self: FromBytes`.
            out.extend(marker(input, Trait::FromZeros, Trait::FromBytes));
            out.extend(marker(input, Trait::FromBytes, Trait::FromBytes));
            out
        }
        Trait::IntoBytes => {
            let mut out = marker(input, Trait::IntoBytes, Trait::IntoBytes);
            out.extend(padding_assertion(input));
            out.extend(generic_field_proof(input));
            out.extend(homogeneous_proof(input));
            out
        }
        Trait::Unaligned => {
            let mut out = marker(input, Trait::Unaligned, Trait::Unaligned);
            out.extend(alignment_assertion(input));
            out.extend(open_last_assertion(input, Trait::Unaligned));
            out
        }
        Trait::SplitAt => split_at(input),
    }
}

/// The identity proof (see [`identity`](crate::tokens::identity)) for the impls the derive of `tr` emits.
pub(crate) fn identities(input: &Input<'_>, tr: Trait) -> TokenStream {
    let traits: &[Trait] = match tr {
        Trait::FromZeros => &[Trait::TryFromBytes, Trait::FromZeros],
        Trait::FromBytes => &[Trait::TryFromBytes, Trait::FromZeros, Trait::FromBytes],
        _ => &[tr],
    };
    identity(&input.krate, traits)
}
