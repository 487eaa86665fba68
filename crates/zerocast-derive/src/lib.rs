// SPDX-License-Identifier: MIT OR Apache-2.0
//! Derive macros for [zerocast](https://docs.rs/zerocast): `KnownLayout`, `Immutable`,
//! `TryFromBytes`, `FromZeros`, `FromBytes`, `IntoBytes`, `Unaligned` and `SplitAt`; `Record`;
//! `ByteEq` and `ByteHash`; and the `bitfield!` macro with its `BitEnum` derive.
//!
//! Use them through the `zerocast` crate, which re-exports them.
//!
//! # Layers
//!
//! Each derive runs in three phases, and the modules form layers that depend one way: a module
//! uses only its own layer (without cycles) and lower-numbered ones, and no two modules use each
//! other. `tools/check-layers.py` checks this in CI; its `LAYERS` table is this list.
//!
//! 0. Leaves, which use nothing of this crate: `ctxt` collects errors (every check reports,
//!    so one build shows every mistake), `groups` keeps macro fragments grouped before
//!    parsing, and `tokens` holds what every phase shares: the `Trait` enum, which names
//!    the traits the derives implement, bound on and reach their checks through, and the
//!    token helpers (paths through the crate path, field bounds, respanning, `Self` rewriting).
//! 1. Parse: `ir` reads the item into an IR that keeps its syntax nodes for spans (`ir::repr`,
//!    `ir::attrs` for `#[zerocast(..)]`), and `ir::discriminants` the discriminant values the
//!    later phases ask about; `bitfield::parse` reads `bitfield!`.
//! 2. Check: `check` rejects what cannot be derived soundly, each error on the offending
//!    token (`check::enums`, `check::data_enum`, `check::record`); `bitfield::check`.
//! 3. Expand: `expand` generates the impls (one module per concern: `impls`, `layout`,
//!    `validate`, `assertions`, `known_layout`, ...), only for input that passed every check;
//!    `bitfield::expand`.
//! 4. Entry points: this file's derives and `bitfield`'s, which run the phases in order and
//!    never expand input that failed a check.
//!
//! Generated code is hygienic: it names everything it uses by absolute path
//! (`::core::primitive::u16`, `::core::option::Option`, the zerocast crate's path); it never
//! places the user's tokens (field types, discriminant expressions) where a generated item is
//! in scope; and it names its own local variables and parameters `__zc_*`, a prefix reserved
//! to it: a user constant of such a name makes the derive fail to compile (the binding becomes
//! a pattern), never compile into something else.
//!
//! `#[zerocast(crate = "path")]` on the item names the zerocast crate when it is not
//! `::zerocast` (renamed in `Cargo.toml`, or re-exported by another crate). As in zerocopy, a
//! path that starts with `crate`, `self` or `super` is used as written and any other is read
//! from the crate root (`"other"` means `::other`), so it names the same crate from every
//! module, `#![no_implicit_prelude]` ones included.
#![forbid(unsafe_code)]

mod bitfield;
mod check;
mod ctxt;
mod expand;
mod groups;
mod ir;
mod tokens;

use proc_macro::TokenStream;
use proc_macro2::TokenStream as TokenStream2;

use expand::byte_eq::ByteTrait;
use tokens::Trait;

/// The pipeline of the derives of [`Trait`]: parse, check, and expand only what passed.
fn derive(input: TokenStream2, tr: Trait) -> TokenStream2 {
    let input = groups::keep_operand_groups(input);
    let item = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(item) => item,
        Err(e) => return e.to_compile_error(),
    };
    let cx = ctxt::Ctxt::default();
    let input = ir::Input::parse(&cx, &item);
    check::check(&cx, &input, tr);
    match cx.into_errors() {
        // Never emit an impl for input that failed a check.
        Some(errors) => errors,
        None => {
            let mut out = expand::expand(&input, tr);
            out.extend(expand::identities(&input, tr));
            out
        }
    }
}

/// The pipeline of `#[derive(Record)]`.
fn derive_record_tokens(input: TokenStream2) -> TokenStream2 {
    let input = groups::keep_operand_groups(input);
    let item = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(item) => item,
        Err(e) => return e.to_compile_error(),
    };
    let cx = ctxt::Ctxt::default();
    let input = ir::Input::parse(&cx, &item);
    check::record::check(&cx, &input);
    match cx.into_errors() {
        Some(errors) => errors,
        None => expand::record::expand(&input),
    }
}

/// The pipeline of `#[derive(ByteEq)]` and `#[derive(ByteHash)]`: nothing to check beyond what
/// the IR reports (see `expand::byte_eq`).
fn derive_byte_eq_tokens(input: TokenStream2, tr: ByteTrait) -> TokenStream2 {
    let input = groups::keep_operand_groups(input);
    let item = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(item) => item,
        Err(e) => return e.to_compile_error(),
    };
    let cx = ctxt::Ctxt::default();
    let input = ir::Input::parse(&cx, &item);
    match cx.into_errors() {
        Some(errors) => errors,
        None => expand::byte_eq::expand(&input, tr),
    }
}

/// Derives `zerocast::KnownLayout` for a struct, enum or union.
///
/// A `repr(C)` struct whose last field is `[T]` or `str` is slice-tailed, and says so to the
/// derives of structs that end in it (it implements the hidden `zerocast::checks::FieldLayout`).
/// A struct whose last field is another type is slice-tailed if that type is (through its
/// `KnownLayout`); structs that end in *such* a struct mark that last field
/// `#[zerocast(dst)]`, as nothing else tells their derives that it is dynamically sized.
#[proc_macro_derive(KnownLayout, attributes(zerocast))]
pub fn derive_known_layout(input: TokenStream) -> TokenStream {
    derive(input.into(), Trait::KnownLayout).into()
}

/// Derives `zerocast::Immutable`: every field must be `Immutable`.
#[proc_macro_derive(Immutable, attributes(zerocast))]
pub fn derive_immutable(input: TokenStream) -> TokenStream {
    derive(input.into(), Trait::Immutable).into()
}

/// Derives `zerocast::TryFromBytes`: structs and unions of `TryFromBytes` fields, and enums
/// with an integer, `C` or `C, int` `repr` (their variants' fields `TryFromBytes`).
#[proc_macro_derive(TryFromBytes, attributes(zerocast))]
pub fn derive_try_from_bytes(input: TokenStream) -> TokenStream {
    derive(input.into(), Trait::TryFromBytes).into()
}

/// Derives `zerocast::FromZeros` and `zerocast::TryFromBytes`. On a generic struct or union,
/// the `TryFromBytes` impl needs only `TryFromBytes` fields (it validates them), as zerocopy's.
#[proc_macro_derive(FromZeros, attributes(zerocast))]
pub fn derive_from_zeros(input: TokenStream) -> TokenStream {
    derive(input.into(), Trait::FromZeros).into()
}

/// Derives `zerocast::FromBytes`, `zerocast::FromZeros` and `zerocast::TryFromBytes`. On a
/// generic struct or union, the `TryFromBytes` impl needs only `TryFromBytes` fields (it
/// validates them: `Wrapper<bool>` is `TryFromBytes` where `Wrapper<u8>` is also `FromBytes`),
/// as zerocopy's.
#[proc_macro_derive(FromBytes, attributes(zerocast))]
pub fn derive_from_bytes(input: TokenStream) -> TokenStream {
    derive(input.into(), Trait::FromBytes).into()
}

/// Derives `zerocast::IntoBytes`, checking at compile time that there is no padding.
///
/// A concrete struct may have any `repr`, the default one included: the check reads the
/// compiler's offsets, in whatever order it laid the fields out. A generic struct or a union
/// needs a `repr` that fixes its layout.
///
/// On a generic `repr(C)` struct the padding depends on the type arguments, so the derive asks
/// every field to be `Unaligned` (alignment 1 leaves no room for padding): `Tagged<[u8; 4]>`
/// is then `IntoBytes`, `Tagged<u32>` is not. `repr(transparent)` and `repr(C, packed)`
/// structs need no such bound.
#[proc_macro_derive(IntoBytes, attributes(zerocast))]
pub fn derive_into_bytes(input: TokenStream) -> TokenStream {
    derive(input.into(), Trait::IntoBytes).into()
}

/// Derives `zerocast::Record` for a struct whose last field is a slice (or a slice-tailed
/// struct marked `#[zerocast(dst)]`), from
/// `#[zerocast(len = EXPR, unit = bytes|elements, includes_header, bias = N, align = N)]`.
///
/// `len` (required) is a field path of the fixed part (`hdr.len`, read as `self.hdr.len`) or
/// an expression using `self`, giving an integer or an `Option` of one; `unit` defaults to
/// `bytes`; `includes_header` says the length counts the fixed part; `bias` counts further
/// units before the payload; `align` is the alignment of the next record (by default the
/// type's). See `zerocast::record`.
#[proc_macro_derive(Record, attributes(zerocast))]
pub fn derive_record(input: TokenStream) -> TokenStream {
    derive_record_tokens(input.into()).into()
}

/// Derives `zerocast::Unaligned`.
#[proc_macro_derive(Unaligned, attributes(zerocast))]
pub fn derive_unaligned(input: TokenStream) -> TokenStream {
    derive(input.into(), Trait::Unaligned).into()
}

/// Derives `zerocast::SplitAt` for a `repr(C)` or `repr(transparent)` struct whose last field
/// is dynamically sized (`[T]`, a slice-tailed struct, or a field marked `#[zerocast(dst)]`).
#[proc_macro_derive(SplitAt, attributes(zerocast))]
pub fn derive_split_at(input: TokenStream) -> TokenStream {
    derive(input.into(), Trait::SplitAt).into()
}

/// Derives `PartialEq` and `Eq` that compare the value's bytes (`zerocast::IntoBytes::as_bytes`);
/// the type must be `IntoBytes` and `Immutable`. See `zerocast::ByteEq`.
#[proc_macro_derive(ByteEq, attributes(zerocast))]
pub fn derive_byte_eq(input: TokenStream) -> TokenStream {
    derive_byte_eq_tokens(input.into(), ByteTrait::Eq).into()
}

/// Derives `Hash` that hashes the value's bytes in one `Hasher::write`; the type must be
/// `IntoBytes` and `Immutable`. See `zerocast::ByteHash`.
#[proc_macro_derive(ByteHash, attributes(zerocast))]
pub fn derive_byte_hash(input: TokenStream) -> TokenStream {
    derive_byte_eq_tokens(input.into(), ByteTrait::Hash).into()
}

/// Declares a struct of bit fields packed in an integer; see `zerocast::bitfield`.
#[proc_macro]
pub fn bitfield(input: TokenStream) -> TokenStream {
    bitfield::bitfield(input.into()).into()
}

/// Derives `zerocast::bitfield::BitEnum` for an enum without fields, so that it can be a
/// field of a `bitfield!`.
#[proc_macro_derive(BitEnum, attributes(zerocast))]
pub fn derive_bit_enum(input: TokenStream) -> TokenStream {
    bitfield::derive_bit_enum(input.into()).into()
}
