// SPDX-License-Identifier: MIT OR Apache-2.0
//! What the compiler, not the spelling of a name, knows about a bit field's storage and field
//! types: [`Storage`] and [`FieldType`], and the `const` conversions the generated accessors
//! call ([`Via`]).

use core::marker::PhantomData;

use super::valid::Validity;
use super::BitEnum;
use crate::byteorder::{ByteOrder, U128, U16, U32, U64};

mod sealed {
    pub trait Sealed {}
}

/// A type a [`bitfield!`](mod@crate::bitfield) can be stored in: `u8`..`u128`, the
/// [`byteorder`](crate::byteorder) integers `U16`..`U128` and the aligned ones `Le16`..`Be64`,
/// however they are named (a type alias is fine). Sealed.
///
/// The generated accessors convert with [`Via`], whose functions are `const`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the storage of a bit field",
    label = "not `u8`..`u128` or a `zerocast::byteorder` `U16`..`U128` or `Le16`..`Be64`",
    note = "a bit field is stored in `u8`, `u16`, `u32`, `u64` or `u128`, in a `zerocast::byteorder` `U16`, `U32`, `U64` or `U128`, or in an aligned `Le16`, `Le32`, `Le64`, `Be16`, `Be32` or `Be64` (through a type alias too)"
)]
pub trait Storage: Copy + sealed::Sealed {
    /// The width in bits.
    const BITS: u32;
    /// The native unsigned integer of that width, on which the accessors shift and mask.
    type Native: Copy;
    /// The stored number.
    fn to_native(self) -> Self::Native;
    /// `n`, stored.
    fn from_native(n: Self::Native) -> Self;
}

/// The `const` conversions between a storage `S` and its native integer, one inherent impl
/// per storage (trait functions cannot be `const`); not a public API.
#[doc(hidden)]
pub struct Via<S: Storage>(PhantomData<S>);

macro_rules! native_storage {
    ($($t:ident)*) => {$(
        impl sealed::Sealed for $t {}
        impl Storage for $t {
            const BITS: u32 = $t::BITS;
            type Native = $t;
            #[inline(always)]
            fn to_native(self) -> $t {
                self
            }
            #[inline(always)]
            fn from_native(n: $t) -> $t {
                n
            }
        }
        impl Via<$t> {
            /// The stored number.
            #[inline(always)]
            pub const fn native(s: $t) -> $t {
                s
            }
            /// `n`, stored.
            #[inline(always)]
            pub const fn storage(n: $t) -> $t {
                n
            }
            /// The stored number from the storage's bytes.
            #[inline(always)]
            pub const fn native_from_bytes(a: [u8; $t::BITS as usize / 8]) -> $t {
                $t::from_ne_bytes(a)
            }
        }
    )*};
}
native_storage!(u8 u16 u32 u64 u128);

macro_rules! byteorder_storage {
    ($($t:ident($n:ident))*) => {$(
        impl<O: ByteOrder> sealed::Sealed for $t<O> {}
        impl<O: ByteOrder> Storage for $t<O> {
            const BITS: u32 = $n::BITS;
            type Native = $n;
            #[inline(always)]
            fn to_native(self) -> $n {
                self.get()
            }
            #[inline(always)]
            fn from_native(n: $n) -> Self {
                $t::new(n)
            }
        }
        impl<O: ByteOrder> Via<$t<O>> {
            /// The stored number.
            #[inline(always)]
            pub const fn native(s: $t<O>) -> $n {
                s.get()
            }
            /// `n`, stored.
            #[inline(always)]
            pub const fn storage(n: $n) -> $t<O> {
                $t::new(n)
            }
            /// The stored number from the storage's bytes.
            #[inline(always)]
            pub const fn native_from_bytes(a: [u8; $n::BITS as usize / 8]) -> $n {
                $t::<O>::from_bytes(a).get()
            }
        }
    )*};
}
byteorder_storage!(U16(u16) U32(u32) U64(u64) U128(u128));

/// A type a field of a [`bitfield!`](mod@crate::bitfield) can have: `bool`, `u8`..`u128` and
/// every [`BitEnum`], however they are named (a type alias is fine).
///
/// `bool` and integers spelled as such get `const` getters (and an integer narrower than its
/// range a [`Bounded`](super::Bounded)); any other name is read through this trait.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be stored in a bit field",
    label = "not `bool`, an unsigned integer or a `BitEnum`",
    note = "a bit field holds `bool`, `u8`..`u128`, or a fieldless enum with `#[derive(zerocast::BitEnum)]`"
)]
pub trait FieldType: Copy + 'static {
    /// The number of bits its largest value needs.
    const BITS: u32;
    /// Every value of `BITS` bits is a value of the type.
    const COVERS: bool;
    /// The value whose bits are `bits`, if any.
    fn from_bits(bits: u128) -> Option<Self>;
    /// The value whose bits are `bits`, or another one if none is (`bits` comes from a
    /// validated bit field, where it is always one).
    #[doc(hidden)]
    fn __from_valid_bits(bits: u128) -> Self;
    /// The type's name in a validation error (a derived enum's: its module path and name).
    #[doc(hidden)]
    const __ZC_NAME: &'static str;
    /// The values of the type, for the `const` validation of `as?` fields.
    #[doc(hidden)]
    const __ZC_VALIDITY: Validity = Validity::covering(Self::BITS);
}

impl<E: BitEnum> FieldType for E {
    const BITS: u32 = E::BITS;
    const COVERS: bool = E::BITS < 128 && E::VARIANTS == 1 << E::BITS;
    const __ZC_NAME: &'static str = E::__ZC_NAME;
    const __ZC_VALIDITY: Validity = Validity::listed(Self::COVERS, E::BITS, E::__ZC_DISCRIMINANTS);
    #[inline]
    fn from_bits(bits: u128) -> Option<E> {
        E::from_bits(bits)
    }
    #[inline(always)]
    fn __from_valid_bits(bits: u128) -> E {
        E::__from_valid_bits(bits)
    }
}

impl FieldType for bool {
    const BITS: u32 = 1;
    const COVERS: bool = true;
    const __ZC_NAME: &'static str = "bool";
    #[inline]
    fn from_bits(bits: u128) -> Option<bool> {
        match bits {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    #[inline(always)]
    fn __from_valid_bits(bits: u128) -> bool {
        bits != 0
    }
}

macro_rules! int_field {
    ($($t:ident)*) => {$(
        impl FieldType for $t {
            const BITS: u32 = $t::BITS;
            const COVERS: bool = true;
            const __ZC_NAME: &'static str = stringify!($t);
            #[inline]
            fn from_bits(bits: u128) -> Option<$t> {
                $t::try_from(bits).ok()
            }
            // CAST: `bits` holds at most `BITS` bits (a validated field of at most that width).
            #[inline(always)]
            fn __from_valid_bits(bits: u128) -> $t {
                bits as $t
            }
        }
    )*};
}
int_field!(u8 u16 u32 u64 u128);

/// `Storage` and `Via` for the aligned byte-order integers (`Le16`..`Be64`): the accessors
/// shift and mask the value, after one `get()`, before one `new()`.
macro_rules! aligned_storage {
    ($($t:ident($n:ident))*) => {$(
        impl sealed::Sealed for crate::byteorder::$t {}
        impl Storage for crate::byteorder::$t {
            const BITS: u32 = $n::BITS;
            type Native = $n;
            #[inline(always)]
            fn to_native(self) -> $n {
                self.get()
            }
            #[inline(always)]
            fn from_native(n: $n) -> Self {
                crate::byteorder::$t::new(n)
            }
        }
        impl Via<crate::byteorder::$t> {
            /// The stored number.
            #[inline(always)]
            pub const fn native(s: crate::byteorder::$t) -> $n {
                s.get()
            }
            /// `n`, stored.
            #[inline(always)]
            pub const fn storage(n: $n) -> crate::byteorder::$t {
                crate::byteorder::$t::new(n)
            }
            /// The stored number from the storage's bytes (in memory order).
            #[inline(always)]
            pub const fn native_from_bytes(a: [u8; $n::BITS as usize / 8]) -> $n {
                crate::byteorder::$t::from_bytes(a).get()
            }
        }
    )*};
}
aligned_storage!(Le16(u16) Le32(u32) Le64(u64) Be16(u16) Be32(u32) Be64(u64));
