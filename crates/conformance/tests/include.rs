// SPDX-License-Identifier: MIT OR Apache-2.0
// zerocast's stand-in for zerocopy-derive's `tests/include.rs`, the harness every ported test
// file includes. It provides the same items under the same names (`imp`, `util::NotZerocopy`,
// `util::AU16`, `util_assert_impl_all!`, `util_assert_not_impl_any!`, `test_trivial_is_safe!`,
// `util::test_is_safe`); where zerocopy's harness reaches into zerocopy internals (`Ptr`,
// `ReadOnly`, `is_safe`), this one uses zerocast's public validation API (`Candidate`,
// `TryFromBytes::validate`). It is not generated: tools/port-zerocopy-derive-tests.py leaves it
// alone.
//
// As in zerocopy's, the test files disable the prelude (`#![no_implicit_prelude]`) so that code
// the derives emit must name everything by absolute path, and `imp` is where the files find
// the items they use, so that a derive relying on a name in scope cannot pass by accident.
mod imp {
    // Included in every test file, not all of which use every item.
    #[allow(unused)]
    pub use {
        ::core::{
            self, assert_eq, assert_ne,
            cell::UnsafeCell,
            convert::TryFrom,
            hash,
            marker::PhantomData,
            mem::{ManuallyDrop, MaybeUninit},
            option::IntoIter,
            prelude::v1::*,
            primitive::*,
        },
        ::std::{collections::hash_map::DefaultHasher, prelude::v1::*},
        ::zerocast::*,
    };
}

// In their own module, for the same reason as `imp`.
pub mod util {
    /// A type that implements none of zerocast's traits.
    pub struct NotZerocopy<T = ()>(pub T);

    /// A `u16` with alignment 2 on every platform.
    #[derive(
        super::imp::KnownLayout,
        super::imp::Immutable,
        super::imp::FromBytes,
        super::imp::IntoBytes,
        Copy,
        Clone,
    )]
    #[zerocast(crate = "zerocast")]
    #[repr(C, align(2))]
    pub struct AU16(pub u16);

    // Prefixed rather than imported by path, so that derive output cannot rely on the name.
    #[macro_export]
    macro_rules! util_assert_impl_all {
        ($type:ty: $($trait:path),+ $(,)?) => {
            const _: fn() = || {
                use ::core::prelude::v1::*;
                ::static_assertions::assert_impl_all!($type: $($trait),+);
            };
        };
    }

    #[macro_export]
    macro_rules! util_assert_not_impl_any {
        ($x:ty: $($t:path),+ $(,)?) => {
            const _: fn() = || {
                use ::core::prelude::v1::*;
                ::static_assertions::assert_not_impl_any!($x: $($t),+);
            };
        };
    }

    #[macro_export]
    macro_rules! test_trivial_is_safe {
        ($x:ty => $name:ident) => {
            #[test]
            fn $name() {
                util::test_trivial_is_safe::<$x>();
            }
        };
    }

    /// A `TryFromBytes` impl that comes with `FromBytes` accepts every byte pattern. zerocopy's
    /// harness checks that its validator reads no memory (under Miri, on uninitialized bytes);
    /// zerocast's validators take initialized bytes only, so this checks the observable half:
    /// patterns that would be rejected by any field check (all zeros, all ones, alternating,
    /// counting) are all accepted.
    pub fn test_trivial_is_safe<T: super::imp::TryFromBytes>() {
        use super::imp::{Candidate, Iterator, Vec};
        let size = ::core::mem::size_of::<T>();
        let patterns: [fn(usize) -> u8; 4] =
            [|_| 0, |_| 0xff, |i| [0x55, 0xaa][i % 2], |i| i as u8];
        for pattern in patterns {
            let bytes: Vec<u8> = Iterator::collect(Iterator::map(0..size, pattern));
            let verdict = T::validate(Candidate::new(&bytes));
            ::core::assert!(verdict.is_ok(), "{:?} rejected {:?}", verdict, bytes);
        }
    }

    /// Whether `T`'s validator accepts the bytes of `val`, against the expected answer.
    pub fn test_is_safe<T: super::imp::TryFromBytes, V: super::imp::IntoBytes>(
        val: V,
        is_safe: bool,
    ) {
        use super::imp::Candidate;
        let size = ::core::mem::size_of::<V>();
        // `from_raw_parts` needs a pointer valid for reads of `size` initialized bytes, aligned
        // for `u8`, to memory not mutated while the slice lives: `&val` points to the `size`
        // bytes of `val`; `V: IntoBytes` means none of them is padding (all initialized);
        // `u8` has alignment 1; `val` is owned here and untouched while `bytes` is used, so no
        // `UnsafeCell` in it changes under the shared view.
        // SAFETY: each precondition holds, as just said.
        let bytes = unsafe { ::core::slice::from_raw_parts((&val as *const V).cast::<u8>(), size) };
        super::imp::assert_eq!(::core::mem::size_of::<T>(), size);
        let verdict = T::validate(Candidate::new(bytes));
        super::imp::assert_eq!(verdict.is_ok(), is_safe, "{:?} for {:?}", verdict, bytes);
    }
}
