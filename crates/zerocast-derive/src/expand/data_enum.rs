// SPDX-License-Identifier: MIT OR Apache-2.0
//! Enums whose variants carry fields: the generated code (`check::data_enum` says what can be
//! derived for them).
//!
//! The layout of such an enum is defined by the Rust Reference ("Primitive representation of
//! enums with fields", "`repr(C)` enums with fields"):
//!
//! - `repr(u8)` (any integer): a `repr(C)` union of one `repr(C)` struct per variant, each
//!   starting with the tag (`u8`) followed by the variant's fields;
//! - `repr(C)` and `repr(C, u8)`: a `repr(C)` struct of the tag (the enum without its fields,
//!   `repr(C)` or `repr(u8)`) and a `repr(C)` union of one `repr(C)` struct of fields per
//!   variant.
//!
//! `offset_of!` on an enum's fields is unstable, and computing offsets by hand would duplicate
//! the compiler's layout rules, so the derives generate a *mirror*: those very structs and
//! unions, whose field offsets the compiler computes and `core::mem::offset_of!` reads.
//!
//! Hygiene decides where each piece goes. The user's tokens (discriminant expressions, field
//! types) are written only into impls of `zerocast::data_enum`'s traits on the enum, placed
//! beside it, so that they resolve exactly as in the enum (`Self` is the enum there too). The
//! mirror lives in an anonymous `const _: () = { .. };` block and names the field types through
//! those impls, never by copying them: a user type named like a generated item cannot be
//! captured. The block states each field's offset and checks (`EnumLayout::SAME_LAYOUT`) that
//! the mirror has the enum's size and alignment; the validator, beside the enum, reads those.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{GenericParam, Ident};

use super::impls::marker;
use crate::ir::discriminants::zero_variant;
use crate::ir::{Input, Variant};
use crate::tokens::{checks_via, field_bound, prim, Trait};

/// The impls of `tr` for an enum with fields, or `None` if the generic expansion serves.
///
/// Hygiene: the user's tokens (discriminant expressions, field types, bounds) are written only
/// in items placed where the enum is, whose sole new name is `Self` (the enum): trait impls
/// stating the discriminants ([`facts`]) and the validator's impl. The mirror of the layout
/// lives in an anonymous `const` block and refers to the field types through those impls, so
/// no user name can resolve to a generated item.
pub(crate) fn expand(input: &Input<'_>, tr: Trait) -> Option<TokenStream> {
    let variants = input.data_variants()?;
    let k = &input.krate;
    let by = match tr {
        Trait::IntoBytes => Via {
            by: quote!(#k::data_enum::ByIntoBytes),
            checks: checks_via(k, Trait::IntoBytes),
        },
        _ => Via {
            by: quote!(#k::data_enum::ByTryFromBytes),
            checks: checks_via(k, Trait::TryFromBytes),
        },
    };
    let out = match tr {
        Trait::TryFromBytes => {
            let m = Mirror::new(input, variants, &by);
            let mut out = facts(input, variants, &by);
            out.extend(m.scope(TokenStream::new()));
            out.extend(try_from_bytes(input, variants, &by));
            out
        }
        Trait::FromZeros => {
            let m = Mirror::new(input, variants, &by);
            let mut out = facts(input, variants, &by);
            out.extend(m.scope(TokenStream::new()));
            out.extend(try_from_bytes(input, variants, &by));
            // PANIC: `check` rejected enums without a zero variant.
            let zero = zero_variant(input.ident, variants, input.repr.int.map(|(i, _)| i))
                .expect("checked");
            let preds = variants.iter().enumerate().flat_map(|(i, v)| {
                let bound = if i == zero {
                    Trait::FromZeros
                } else {
                    Trait::TryFromBytes
                };
                let bound = bound.path(&input.krate);
                v.fields.iter().map(move |f| field_bound(f.ty, &bound))
            });
            out.extend(imp(
                input,
                Trait::FromZeros,
                preds.collect(),
                TokenStream::new(),
            ));
            out
        }
        Trait::IntoBytes => {
            let mut out = marker(input, Trait::IntoBytes, Trait::IntoBytes);
            let m = Mirror::new(input, variants, &by);
            out.extend(facts(input, variants, &by));
            out.extend(m.scope(padding_assertions(input, variants, &by)));
            out
        }
        _ => return None,
    };
    Some(out)
}

/// `unsafe impl #trait for #ident where #preds { #body }`.
fn imp(input: &Input<'_>, tr: Trait, preds: Vec<TokenStream>, body: TokenStream) -> TokenStream {
    let ident = input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let tr = tr.path(&input.krate);
    let own = where_c.into_iter().flat_map(|w| w.predicates.iter());
    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_parens, unused_qualifications)]
        unsafe impl #impl_g #tr for #ident #ty_g where #(#own,)* #(#preds,)* {
            #body
        }
    }
}

/// The derive the generated items serve: the marker keying its facts, and the checks reached
/// through the trait it implements (see `checks_via`).
struct Via {
    /// `ByTryFromBytes` or `ByIntoBytes`.
    by: TokenStream,
    /// `<() as path::Trait>::__ZC_CHECKS`.
    checks: TokenStream,
}

/// The discriminant type: the integer `repr`, or `isize` for `repr(C)`.
fn disc_ty(input: &Input<'_>) -> TokenStream {
    match input.repr.int {
        Some((int, _)) => int.ty(),
        None => prim("isize"),
    }
}

/// `impl EnumDiscriminant<Int, i>` and `impl EnumField<i, j>` for the enum: each discriminant
/// expression and field type the user wrote, evaluated where the enum is.
fn facts(input: &Input<'_>, variants: &[Variant<'_>], via: &Via) -> TokenStream {
    let k = &input.krate;
    let by = &via.by;
    let ident = input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let int = disc_ty(input);
    let mut out = TokenStream::new();
    let mut after: Option<usize> = None;
    for (i, v) in variants.iter().enumerate() {
        let value = match (v.discriminant, after) {
            (Some(d), _) => quote!(#d),
            (None, None) => quote!(0),
            (None, Some(prev)) => quote!(
                <Self as #k::data_enum::EnumDiscriminant<#by, #int, #prev>>::VALUE + 1
            ),
        };
        after = Some(i);
        out.extend(quote! {
            #[automatically_derived]
            #[doc(hidden)]
            #[allow(deprecated, unused_parens, unused_qualifications, clippy::identity_op)]
            impl #impl_g #k::data_enum::EnumDiscriminant<#by, #int, #i> for #ident #ty_g #where_c {
                const VALUE: #int = #value;
            }
        });
        for (j, f) in v.fields.iter().enumerate() {
            let ty = f.ty;
            out.extend(quote! {
                #[automatically_derived]
                #[doc(hidden)]
                #[allow(deprecated, unused_parens, unused_qualifications)]
                impl #impl_g #k::data_enum::EnumField<#by, #i, #j> for #ident #ty_g #where_c {
                    type Type = #ty;
                }
            });
        }
    }
    out
}

/// The generated mirror of the enum's layout (see the module docs), and the impls of
/// `EnumFieldOffset` and `EnumLayout` that read it.
struct Mirror {
    /// The mirror's items and impls.
    defs: TokenStream,
}

impl Mirror {
    fn new(input: &Input<'_>, variants: &[Variant<'_>], via: &Via) -> Mirror {
        let k = &input.krate;
        let (by, zc) = (&via.by, &via.checks);
        let ident = input.ident;
        let g = input.generics;
        let (impl_g, ty_g, where_c) = g.split_for_impl();
        let c = input.repr.c.is_some();
        let usize_ty = prim("usize");
        // Names that cannot be the enum's own (they are longer), which the block refers to.
        let fields_union = format_ident!("__ZcFields{}", ident);
        // Each variant's struct uses every type and lifetime parameter, as the compiler
        // requires, through a zero-sized last field (alignment 1: no change to the layout).
        let used: Vec<TokenStream> = g
            .params
            .iter()
            .filter_map(|p| match p {
                GenericParam::Type(t) => {
                    let t = &t.ident;
                    Some(quote!(#t))
                }
                GenericParam::Lifetime(l) => {
                    let l = &l.lifetime;
                    Some(quote!(&#l ()))
                }
                GenericParam::Const(_) => None,
            })
            .collect();
        let marker = (!used.is_empty())
            .then(|| quote!(__zc_marker: ::core::marker::PhantomData<fn() -> (#(#used,)*)>,));
        // The tag inside each variant's struct (`repr(int)`), or before the union (`repr(C)`).
        let inner_tag = match (c, input.repr.int) {
            (false, Some((int, _))) => {
                let t = int.ty();
                Some(quote!(__zc_tag: #t,))
            }
            _ => None,
        };
        let mut defs = TokenStream::new();
        let mut arms = Vec::new();
        let mut offsets = TokenStream::new();
        // Where the union of the variants' structs starts.
        let base = if c {
            quote!(#zc.round_up(
                <Self as #k::data_enum::EnumLayout<#by>>::TAG_SIZE,
                ::core::mem::align_of::<#fields_union #ty_g>(),
            ))
        } else {
            quote!(0)
        };
        for (i, v) in variants
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.fields.is_empty())
        {
            let name = format_ident!("__ZcV{}{}", i, ident);
            let fields = (0..v.fields.len()).map(|j| {
                let fj = format_ident!("f{}", j);
                quote!(#fj: <#ident #ty_g as #k::data_enum::EnumField<#by, #i, #j>>::Type)
            });
            defs.extend(quote! {
                #[repr(C)]
                #[allow(deprecated, unused_parens, dead_code)]
                struct #name #g #where_c { #inner_tag #(#fields,)* #marker }
            });
            let vi = format_ident!("v{}", i);
            arms.push(quote!(#vi: ::core::mem::ManuallyDrop<#name #ty_g>));
            for j in 0..v.fields.len() {
                let fj = format_ident!("f{}", j);
                offsets.extend(quote! {
                    impl #impl_g #k::data_enum::EnumFieldOffset<#by, #i, #j> for #ident #ty_g #where_c {
                        const OFFSET: #usize_ty = #base + ::core::mem::offset_of!(#name #ty_g, #fj);
                    }
                });
            }
        }
        // The fieldless variants' struct: the tag alone (`repr(int)`), or nothing (`repr(C)`).
        // Also the union's one member when no variant has fields (`B() = 10`: see
        // `Input::data_variants`), as a union needs one.
        let unit = format_ident!("__ZcUnit{}", ident);
        defs.extend(quote! {
            #[repr(C)]
            #[allow(deprecated, unused_parens, dead_code)]
            struct #unit #g #where_c { #inner_tag #marker }
        });
        arms.push(quote!(__zc_unit: ::core::mem::ManuallyDrop<#unit #ty_g>));
        defs.extend(quote! {
            #[repr(C)]
            #[allow(deprecated, unused_parens, dead_code)]
            union #fields_union #g #where_c { #(#arms,)* }
        });
        defs.extend(offsets);
        defs.extend(layout_impl(input, variants, via, &fields_union, &base));
        defs.extend(constructs(input, variants, via));
        Mirror { defs }
    }

    /// `items`, with the mirror, in an anonymous `const` block.
    fn scope(&self, items: TokenStream) -> TokenStream {
        let defs = &self.defs;
        quote! {
            #[allow(deprecated, unused_parens, unused_qualifications)]
            const _: () = {
                #defs
                #items
            };
        }
    }
}

/// The `EnumLayout` impl: the tag's size, and the assertion that the mirror, whose union of
/// the variants' structs is `fields_union` starting at `base`, has the enum's layout.
fn layout_impl(
    input: &Input<'_>,
    variants: &[Variant<'_>],
    via: &Via,
    fields_union: &Ident,
    base: &TokenStream,
) -> TokenStream {
    let k = &input.krate;
    let (by, zc) = (&via.by, &via.checks);
    let ident = input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let c = input.repr.c.is_some();
    let usize_ty = prim("usize");
    let tag_size = match input.repr.int {
        Some((int, _)) => {
            let t = int.ty();
            quote!(::core::mem::size_of::<#t>())
        }
        None => {
            let int = disc_ty(input);
            let values = (0..variants.len()).map(|i| {
                quote!(<Self as #k::data_enum::EnumDiscriminant<#by, #int, #i>>::VALUE as ::core::primitive::i128)
            });
            quote!(#zc.c_enum_tag_size(&[#(#values),*]))
        }
    };
    let repr_align = Literal::usize_unsuffixed(input.repr.align.map_or(1, |(n, _)| n as usize));
    let msg = format!(
        "zerocast: the layout computed for `{ident}` differs from the compiler's; please \
         report this bug"
    );
    // `repr(C)`: a struct of the tag and the union; `repr(int)`: the union, whose structs
    // start with the tag. Either way the `align` hint raises the alignment.
    let (align, end) = if c {
        (
            quote!(#zc.max(
                #zc.max(#zc.int_align(<Self as #k::data_enum::EnumLayout<#by>>::TAG_SIZE), ::core::mem::align_of::<#fields_union #ty_g>()),
                #repr_align,
            )),
            quote!(#base + ::core::mem::size_of::<#fields_union #ty_g>()),
        )
    } else {
        (
            quote!(#zc.max(::core::mem::align_of::<#fields_union #ty_g>(), #repr_align)),
            quote!(::core::mem::size_of::<#fields_union #ty_g>()),
        )
    };
    quote! {
        impl #impl_g #k::data_enum::EnumLayout<#by> for #ident #ty_g #where_c {
            const TAG_SIZE: #usize_ty = #tag_size;
            const SAME_LAYOUT: () = {
                let align = #align;
                ::core::assert!(
                    ::core::mem::size_of::<Self>() == #zc.round_up(#end, align)
                        && ::core::mem::align_of::<Self>() == align,
                    #msg
                );
            };
        }
    }
}

/// The `TryFromBytes` impl: read the tag, then validate the fields of its variant.
fn try_from_bytes(input: &Input<'_>, variants: &[Variant<'_>], via: &Via) -> TokenStream {
    let k = &input.krate;
    let (by, zc) = (&via.by, &via.checks);
    let ident = input.ident;
    let none = quote!(::core::option::Option::None);
    let int = disc_ty(input);
    let (read, found) = match input.repr.int {
        Some((int, _)) => {
            let (int_ty, uint_ty) = (int.ty(), int.unsigned_ty());
            (
                quote! {
                    match __zc_candidate.array::<{ ::core::mem::size_of::<#int_ty>() }>() {
                        ::core::option::Option::Some(__zc_b) => #int_ty::from_ne_bytes(__zc_b),
                        ::core::option::Option::None => return ::core::result::Result::Err(__zc_candidate.invalid(#none)),
                    }
                },
                quote!(__zc_tag as #uint_ty as ::core::primitive::u128),
            )
        }
        // `repr(C)`: compare the tag's native-endian bits, zero-extended, with each variant's.
        None => (
            quote! {
                match __zc_candidate.tag_bits(<Self as #k::data_enum::EnumLayout<#by>>::TAG_SIZE) {
                    ::core::option::Option::Some(__zc_t) => __zc_t,
                    ::core::option::Option::None => return ::core::result::Result::Err(__zc_candidate.invalid(#none)),
                }
            },
            quote!(__zc_tag),
        ),
    };
    let arms = variants.iter().enumerate().map(|(i, v)| {
        let value = quote!(<Self as #k::data_enum::EnumDiscriminant<#by, #int, #i>>::VALUE);
        let value = match input.repr.int {
            Some(_) => value,
            None => quote!(#zc.tag_bits(
                #value as ::core::primitive::i128,
                <Self as #k::data_enum::EnumLayout<#by>>::TAG_SIZE,
            )),
        };
        let container = format!("{ident}::{}", v.ident);
        let checks = v.fields.iter().enumerate().map(|(j, f)| {
            let ty = f.ty;
            let name = &f.name;
            quote! {
                __zc_candidate.validate_field::<#ty>(
                    <Self as #k::data_enum::EnumFieldOffset<#by, #i, #j>>::OFFSET, #container, #name,
                )?;
            }
        });
        quote!(if __zc_tag == #value { #(#checks)* return ::core::result::Result::Ok(()); })
    });
    let body = quote! {
        #[inline]
        fn validate(__zc_candidate: #k::Candidate<'_, Self>) -> ::core::result::Result<(), #k::InvalidBits> {
            let () = <Self as #k::data_enum::EnumLayout<#by>>::SAME_LAYOUT;
            let __zc_tag = #read;
            #(#arms)*
            ::core::result::Result::Err(__zc_candidate.invalid(::core::option::Option::Some(#found)))
        }
    };
    let bound = Trait::TryFromBytes.path(k);
    let preds = input
        .all_fields()
        .iter()
        .map(|f| field_bound(f.ty, &bound))
        .collect();
    imp(input, Trait::TryFromBytes, preds, body)
}

/// A function, never called, that constructs every variant: reading an enum from bytes
/// creates its variants, so the compiler should not warn that they are never constructed.
/// (Items marked `allow(dead_code)` count as used in the compiler's analysis.) Its parameter
/// types are the fields' types through `EnumField`, as it sits in the mirror's block.
fn constructs(input: &Input<'_>, variants: &[Variant<'_>], via: &Via) -> TokenStream {
    let k = &input.krate;
    let by = &via.by;
    let ident = input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let mut params = Vec::new();
    let values = variants.iter().enumerate().map(|(i, v)| {
        let vi = v.ident;
        let inits = v.fields.iter().enumerate().map(|(j, f)| {
            let arg = format_ident!("__zc{}_{}", i, j);
            let member = &f.member;
            params
                .push(quote!(#arg: <#ident #ty_g as #k::data_enum::EnumField<#by, #i, #j>>::Type));
            quote!(#member: #arg)
        });
        let inits: Vec<TokenStream> = inits.collect();
        quote!(#ident::#vi { #(#inits),* })
    });
    let values: Vec<TokenStream> = values.collect();
    let n = values.len();
    let name = format_ident!("__zc_constructs_{}", ident);
    quote! {
        #[allow(deprecated, unused_parens, dead_code, non_snake_case, clippy::too_many_arguments)]
        fn #name #impl_g (#(#params),*) -> [#ident #ty_g; #n] #where_c {
            [#(#values),*]
        }
    }
}

/// For `IntoBytes` on a concrete enum: a `const` assertion per variant that its tag and fields
/// cover every byte of the enum, spanned on the variant so that the error points there.
fn padding_assertions(input: &Input<'_>, variants: &[Variant<'_>], via: &Via) -> TokenStream {
    let k = &input.krate;
    let (by, zc) = (&via.by, &via.checks);
    let ident = input.ident;
    let name = ident.to_string();
    let tag_size = quote!(<#ident as #k::data_enum::EnumLayout<#by>>::TAG_SIZE);
    let mut out = TokenStream::new();
    for (i, v) in variants.iter().enumerate() {
        let span = v.ident.span();
        let vname = v.ident.to_string();
        let fields = v.fields.iter().enumerate().map(|(j, f)| {
            let fname = &f.name;
            quote! {
                #zc.field(
                    #fname,
                    <#ident as #k::data_enum::EnumFieldOffset<#by, #i, #j>>::OFFSET,
                    ::core::mem::size_of::<<#ident as #k::data_enum::EnumField<#by, #i, #j>>::Type>(),
                )
            }
        });
        let check = quote! {
            #zc.variant_no_padding(
                #name, #vname, ::core::mem::size_of::<#ident>(), #tag_size, &[#(#fields),*],
            )
        };
        let raise = quote_spanned! {span=>
            if let ::core::option::Option::Some(__zc_msg) = #check.failure() {
                ::core::panic!("{}", __zc_msg)
            }
        };
        out.extend(quote!(const _: () = { let () = <#ident as #k::data_enum::EnumLayout<#by>>::SAME_LAYOUT; #raise };));
    }
    out
}
