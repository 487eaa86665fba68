// SPDX-License-Identifier: MIT OR Apache-2.0
//! Generate a checked `bitfield!` struct: each line's items ([`lines`]), then the struct's own
//! ([`impls`]); and `#[derive(BitEnum)]` ([`bit_enum`]).

mod accessors;
mod bit_enum;
mod bits;
mod impls;
mod lines;
mod validate;

use proc_macro2::TokenStream;

use super::parse::Bitfield;
use bits::Raw;
use lines::Parts;
use validate::check_body;

pub(super) use bit_enum::bit_enum;

/// The struct of `b`, its methods and impls.
pub(super) fn expand(b: &Bitfield) -> TokenStream {
    let raw = Raw::new(b);
    let parts = Parts::of(b, &raw);
    let mut out = impls::inherent(b, &raw, &parts, &check_body(&parts.checks));
    out.extend(impls::from_bytes(b, &raw, &parts));
    out.extend(impls::from_zeros(b, &raw, &parts));
    out.extend(impls::std_traits(b, &raw, &parts));
    out.extend(impls::zerocast_traits(b, &raw, &parts));
    out
}
