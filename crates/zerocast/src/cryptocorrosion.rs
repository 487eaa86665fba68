// SPDX-License-Identifier: MIT OR Apache-2.0
//! `cryptocorrosion_derive_traits!`, a hidden macro of zerocopy's that a published crate calls:
//! `ppv-lite86` (under `rand_chacha`, so under most of the ecosystem) declares its SIMD
//! storage types with it, so as to implement the traits without the derive crate. zerocast
//! has it under the same name, with the same input and the same impls, so that such a crate
//! moves over by the rename alone.
//!
//! Nothing here is `unsafe` itself: the macro's `unsafe impl`s are expanded in the caller's
//! crate, each after the checks that make it sound.

/// Declares a struct or union and implements `TryFromBytes`, `FromZeros`, `FromBytes`,
/// `IntoBytes` and `Immutable` for it, as zerocopy's macro of this name does: for use without
/// the derives.
///
/// The item is a `#[repr(transparent)]` or `#[repr(C)]` struct (named or tuple fields, type
/// parameters allowed if `repr(transparent)`), or a `#[repr(C)]` union without type parameters;
/// the `repr` comes first, other attributes after it. The impls are bounded on every field type
/// having the trait (`FromBytes` for the first three). `IntoBytes` also needs no padding, which
/// a `repr(transparent)` struct cannot have, and which is checked at compile time for the others:
/// a `repr(C)` struct's fields must cover every byte of it, a union's fields must each be as
/// large as the union. No `KnownLayout` and no `Unaligned`: derive them if needed. Fields may
/// carry attributes (doc comments, which `missing_docs` asks of public fields), which zerocopy's
/// macro does not accept.
///
/// # Examples
///
/// ```
/// use zerocast::{FromBytes, IntoBytes};
///
/// zerocast::cryptocorrosion_derive_traits! {
///     #[repr(C)]
///     #[derive(Clone, Copy)]
///     pub union Block {
///         /// As words.
///         words: [u32; 4],
///         bytes: [u8; 16],
///     }
/// }
///
/// zerocast::cryptocorrosion_derive_traits! {
///     #[repr(transparent)]
///     #[derive(Clone, Copy, Debug, PartialEq)]
///     pub struct Lanes<W>([W; 4]);
/// }
///
/// let block = Block::read_from_bytes(&[1; 16]).unwrap();
/// assert_eq!(block.as_bytes(), &[1; 16]);
/// let lanes = Lanes([1u32, 2, 3, 4]);
/// assert_eq!(Lanes::<u32>::read_from_bytes(lanes.as_bytes()), Ok(lanes));
/// ```
///
/// A `repr(C)` struct with padding does not compile:
///
/// ```compile_fail
/// zerocast::cryptocorrosion_derive_traits! {
///     #[repr(C)]
///     struct Padded {
///         a: u8,
///         b: u32,
///     }
/// }
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! cryptocorrosion_derive_traits {
    // A struct with named fields.
    (
        #[repr($repr:ident)]
        $(#[$attr:meta])*
        $vis:vis struct $name:ident $(<$($ty_param:ident),* $(,)?>)? {
            $($(#[$field_attr:meta])* $field_vis:vis $field:ident: $field_ty:ty),* $(,)?
        }
    ) => {
        $crate::cryptocorrosion_derive_traits!(@struct_repr $repr);

        $(#[$attr])*
        #[repr($repr)]
        $vis struct $name $(<$($ty_param),*>)? {
            $($(#[$field_attr])* $field_vis $field: $field_ty,)*
        }

        $crate::cryptocorrosion_derive_traits!(
            @impls [$($($ty_param),*)?] $name [$($field_ty),*]
        );
        $crate::cryptocorrosion_derive_traits!(
            @struct_padding $repr [$($($ty_param)*)?] $name
            [$($crate::checks::Field::new(
                ::core::stringify!($field),
                ::core::mem::offset_of!($name, $field),
                ::core::mem::size_of::<$field_ty>(),
            )),*]
        );
    };
    // A tuple struct.
    (
        #[repr($repr:ident)]
        $(#[$attr:meta])*
        $vis:vis struct $name:ident $(<$($ty_param:ident),* $(,)?>)? (
            $($(#[$field_attr:meta])* $field_vis:vis $field_ty:ty),* $(,)?
        );
    ) => {
        $crate::cryptocorrosion_derive_traits!(@struct_repr $repr);

        $(#[$attr])*
        #[repr($repr)]
        $vis struct $name $(<$($ty_param),*>)? ($($(#[$field_attr])* $field_vis $field_ty),*);

        $crate::cryptocorrosion_derive_traits!(
            @impls [$($($ty_param),*)?] $name [$($field_ty),*]
        );
        $crate::cryptocorrosion_derive_traits!(
            @struct_padding $repr [$($($ty_param)*)?] $name
            $crate::cryptocorrosion_derive_traits!(
                @tuple_fields $name [] [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15] $($field_ty),*
            )
        );
    };
    // A union.
    (
        #[repr(C)]
        $(#[$attr:meta])*
        $vis:vis union $name:ident {
            $($(#[$field_attr:meta])* $field_vis:vis $field:ident: $field_ty:ty),* $(,)?
        }
    ) => {
        $(#[$attr])*
        #[repr(C)]
        $vis union $name {
            $($(#[$field_attr])* $field_vis $field: $field_ty,)*
        }

        $crate::cryptocorrosion_derive_traits!(@impls [] $name [$($field_ty),*]);

        const _: () = {
            if let ::core::option::Option::Some(__zc_msg) = $crate::checks::union_no_padding(
                ::core::stringify!($name),
                ::core::mem::size_of::<$name>(),
                &[$($crate::checks::Field::new(
                    ::core::stringify!($field),
                    0,
                    ::core::mem::size_of::<$field_ty>(),
                )),*],
            )
            .failure()
            {
                ::core::panic!("{}", __zc_msg)
            }
        };
    };

    (@struct_repr C) => {};
    (@struct_repr transparent) => {};
    (@struct_repr $other:ident) => {
        ::core::compile_error!(::core::concat!(
            "`cryptocorrosion_derive_traits!` takes a `#[repr(C)]` or `#[repr(transparent)]` \
             struct, not `#[repr(",
            ::core::stringify!($other),
            ")]`",
        ));
    };

    // `repr(transparent)`: one field of any size and others of size 0 and alignment 1 (the
    // compiler checks this), so the struct is its one field's bytes, without padding.
    (@struct_padding transparent $params:tt $name:ident $fields:expr) => {};
    (@struct_padding C [] $name:ident $fields:expr) => {
        const _: () = {
            if let ::core::option::Option::Some(__zc_msg) = $crate::checks::no_padding(
                ::core::stringify!($name),
                ::core::mem::size_of::<$name>(),
                &$fields,
            )
            .failure()
            {
                ::core::panic!("{}", __zc_msg)
            }
        };
    };
    (@struct_padding C [$($ty_param:ident)+] $name:ident $fields:expr) => {
        ::core::compile_error!(::core::concat!(
            "`cryptocorrosion_derive_traits!` cannot check a generic `#[repr(C)]` struct for \
             padding (it depends on the type arguments): make `",
            ::core::stringify!($name),
            "` `#[repr(transparent)]` or not generic",
        ));
    };

    // Any other `repr` is rejected by `@struct_repr`, once.
    (@struct_padding $other:ident $params:tt $name:ident $fields:expr) => {};

    // The `Field`s of a tuple struct's fields, numbered from the list of indices.
    (@tuple_fields $name:ident [$($done:expr),*] [$($index:tt)*]) => {
        [$($done),*]
    };
    (@tuple_fields $name:ident [$($done:expr),*] [$index:tt $($more:tt)*]
        $field_ty:ty $(, $rest:ty)*
    ) => {
        $crate::cryptocorrosion_derive_traits!(
            @tuple_fields $name
            [$($done,)* $crate::checks::Field::new(
                ::core::stringify!($index),
                ::core::mem::offset_of!($name, $index),
                ::core::mem::size_of::<$field_ty>(),
            )]
            [$($more)*] $($rest),*
        )
    };
    (@tuple_fields $name:ident $done:tt [] $($rest:ty),+) => {
        ::core::compile_error!(
            "`cryptocorrosion_derive_traits!` takes tuple structs of at most 16 fields"
        )
    };

    (@impls [$($ty_param:ident),*] $name:ident [$($field_ty:ty),*]) => {
        // SAFETY: every byte sequence of the size of `Self` is a valid `Self`, so accepting
        // every candidate, and any bytes in the rule, is correct: `Self` is a `repr(C)` or
        // `repr(transparent)` struct or a `repr(C)` union (the macro's input patterns accept
        // no other) whose fields all are `FromBytes` (the bounds), and whose other bytes, if
        // any, are padding, which may hold anything.
        unsafe impl<$($ty_param),*> $crate::TryFromBytes for $name<$($ty_param),*>
        where
            $($field_ty: $crate::FromBytes,)*
        {
            #[inline(always)]
            fn validate(
                _: $crate::Candidate<'_, Self>,
            ) -> ::core::result::Result<(), $crate::InvalidBits> {
                ::core::result::Result::Ok(())
            }
            const BYTE_RULE: $crate::ByteRule = $crate::ByteRule::from_bytes::<Self>();
        }

        // SAFETY: all-zero bytes are a valid `Self`: any bytes are (see `TryFromBytes` above).
        unsafe impl<$($ty_param),*> $crate::FromZeros for $name<$($ty_param),*>
        where
            $($field_ty: $crate::FromBytes,)*
        {
        }

        // SAFETY: any bytes are a valid `Self` (see `TryFromBytes` above), which accepts every
        // candidate.
        unsafe impl<$($ty_param),*> $crate::FromBytes for $name<$($ty_param),*>
        where
            $($field_ty: $crate::FromBytes,)*
        {
        }

        // SAFETY: every byte of a `Self` is initialized: the fields' bytes are (the bounds:
        // each field is `IntoBytes`), and there are no others: a `repr(transparent)` struct is
        // its one non-zero-sized field; for a `repr(C)` struct or union, the `const`
        // assertion the macro emits next to this impl checks it (the fields cover every byte;
        // each field of a union is as large as the union), and generic `repr(C)` items are
        // rejected.
        unsafe impl<$($ty_param),*> $crate::IntoBytes for $name<$($ty_param),*>
        where
            $($field_ty: $crate::IntoBytes,)*
        {
        }

        // SAFETY: `Self` holds its fields and padding only, and no field has interior
        // mutability (the bounds: each field is `Immutable`).
        unsafe impl<$($ty_param),*> $crate::Immutable for $name<$($ty_param),*>
        where
            $($field_ty: $crate::Immutable,)*
        {
        }
    };
}
