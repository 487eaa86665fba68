// SPDX-License-Identifier: MIT OR Apache-2.0
//! Unsigned integers stored in a fixed byte order with their natural alignment: the Linux
//! kernel's `__le16`..`__be64`.
//!
//! Each type is `#[repr(transparent)]` over the native integer of its width, and the stored
//! integer's bytes in memory are the value's bytes in the named order: `Le32::new(n)` stores
//! `n.to_le()`, `get` returns `u32::from_le(stored)`. So the type has the native integer's
//! size and alignment, a device pointer reads or writes it with one access of its width, and
//! [`new`](Le32::new)/[`get`](Le32::get) are one byte swap when the order is not the target's,
//! nothing when it is.
//!
//! The bitwise operators work on the stored integers (a bitwise operation commutes with any
//! permutation of the bytes), so they need no swap; both operands are of the same type, as
//! the kernel's sparse checker requires, so that a native mask cannot be combined without its
//! conversion showing. There are no arithmetic or shift operators: `x.get() + 1` shows where
//! the conversion happens, and its overflow behaviour is the native one.
//!
//! The zerocast traits are implemented in `crate::impls` (this module has no `unsafe`); the
//! bit-field storage impls in `crate::bitfield::traits`.

use core::cmp::Ordering;
use core::fmt::{self, Binary, Debug, Display, Formatter, LowerHex, Octal, UpperHex};
use core::ops;

use super::{ByteOrder, U16, U32, U64};

/// One aligned type: the struct, its constants and `const fn`s, conversions, formatting,
/// order and the bitwise operators.
macro_rules! aligned {
    (
        $name:ident, $native:ident, $bytes:literal, $unaligned:ident, $order:ident,
        $to:ident, $from:ident, $to_bytes:ident, $words:literal, $kernel:literal,
        $example:literal, $other:ident
    ) => {
        #[doc = concat!("A `", stringify!($native), "` stored ", $words, " with the alignment of `",
            stringify!($native), "`: the Linux kernel's `", $kernel, "`.")]
        ///
        #[doc = concat!("`#[repr(transparent)]` over a `", stringify!($native), "` whose bytes in memory are the")]
        #[doc = concat!("value's ", $words, " bytes ([`to_bytes`](Self::to_bytes)). It has the size and alignment of")]
        #[doc = concat!("`", stringify!($native), "`, so a [device pointer](crate::device) reads or writes it (or a register")]
        /// of it, or a bit field stored in it) with one access of its width, and it can be a
        /// field of a DMA descriptor or the storage of a [`bitfield!`](mod@crate::bitfield).
        /// [`new`](Self::new) and [`get`](Self::get) convert from and to the native number: one
        /// byte swap when the order is not the target's, nothing when it is.
        ///
        /// Every bit pattern is a value: it implements [`FromBytes`](crate::FromBytes),
        /// [`FromZeros`](crate::FromZeros), [`TryFromBytes`](crate::TryFromBytes),
        /// [`IntoBytes`](crate::IntoBytes), [`Immutable`](crate::Immutable) and
        /// [`KnownLayout`](crate::KnownLayout), but not [`Unaligned`](crate::Unaligned): at any
        #[doc = concat!("offset of a byte buffer, use [`", stringify!($unaligned), "<", stringify!($order), ">`](super::",
            stringify!($unaligned), "), to and from which it converts.")]
        ///
        /// Equality and hashing compare the stored bytes; the order, formatting and `Debug`
        #[doc = concat!("(`", stringify!($name), "(7)`) are those of the value. The bitwise operators `&`, `|`, `^`, `!` take")]
        /// two values of this type and need no swap; there are no arithmetic operators.
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("use zerocast::byteorder::", stringify!($name), ";")]
        /// use zerocast::device::{DevicePtrMut, ReadWrite};
        ///
        #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
        #[doc = concat!("let v = ", stringify!($name), "::new(n);")]
        #[doc = concat!("assert_eq!(v.to_bytes(), n.", stringify!($to_bytes), "());")]
        /// assert_eq!(v.get(), n);
        #[doc = concat!("assert_eq!(align_of::<", stringify!($name), ">(), align_of::<", stringify!($native), ">());")]
        ///
        /// // A register holding it: one access of its width, the bytes in the named order.
        #[doc = concat!("let mut reg = ReadWrite::new(", stringify!($name), "::ZERO);")]
        /// let mut p = DevicePtrMut::from_mut(&mut reg);
        /// p.write(v);
        /// assert_eq!(p.read().get(), n);
        /// ```
        #[derive(Copy, Clone, PartialEq, Eq, Hash)]
        #[repr(transparent)]
        pub struct $name($native);

        impl $name {
            /// The value zero (all bytes zero).
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::ZERO.to_bytes(), [0; ", stringify!($bytes), "]);")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::ZERO, ", stringify!($name), "::default());")]
            /// ```
            pub const ZERO: $name = $name(0);

            #[doc = concat!("Stores `n` ", $words, ".")]
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::", stringify!($name), ";")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("const V: ", stringify!($name), " = ", stringify!($name), "::new(", $example, ");")]
            #[doc = concat!("assert_eq!(V.to_bytes(), n.", stringify!($to_bytes), "());")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn new(n: $native) -> $name {
                $name(n.$to())
            }

            #[doc = concat!("The stored number as a native `", stringify!($native), "`.")]
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::", stringify!($name), ";")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::from_bytes(n.", stringify!($to_bytes), "()).get(), n);")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn get(self) -> $native {
                $native::$from(self.0)
            }

            #[doc = concat!("Replaces the stored number with `n`, stored ", $words, ".")]
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::", stringify!($name), ";")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("let mut v = ", stringify!($name), "::ZERO;")]
            /// v.set(n);
            #[doc = concat!("assert_eq!(v.to_bytes(), n.", stringify!($to_bytes), "());")]
            /// ```
            #[inline(always)]
            pub const fn set(&mut self, n: $native) {
                *self = $name::new(n);
            }

            #[doc = concat!("Wraps bytes that are already ", $words, ", as they are (the bytes in memory).")]
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::", stringify!($name), ";")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("let v = ", stringify!($name), "::from_bytes(n.", stringify!($to_bytes), "());")]
            /// assert_eq!(v.get(), n);
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn from_bytes(bytes: [u8; $bytes]) -> $name {
                $name($native::from_ne_bytes(bytes))
            }

            #[doc = concat!("The stored bytes, ", $words, ", as they are in memory.")]
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::", stringify!($name), ";")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::new(n).to_bytes(), n.", stringify!($to_bytes), "());")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn to_bytes(self) -> [u8; $bytes] {
                self.0.to_ne_bytes()
            }

            #[doc = concat!("The same bytes as a [`", stringify!($unaligned), "<", stringify!($order),
                ">`](super::", stringify!($unaligned), "), of alignment 1 (no swap).")]
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::{", stringify!($name), ", ", stringify!($order), ", ",
                stringify!($unaligned), "};")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("const U: ", stringify!($unaligned), "<", stringify!($order), "> = ",
                stringify!($name), "::new(", $example, ").to_unaligned();")]
            /// assert_eq!(U.get(), n);
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn to_unaligned(self) -> $unaligned<super::$order> {
                $unaligned::from_bytes(self.to_bytes())
            }

            #[doc = concat!("The same bytes as a [`", stringify!($unaligned), "<", stringify!($order),
                ">`](super::", stringify!($unaligned), "), now aligned (no swap).")]
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::{", stringify!($name), ", ", stringify!($order), ", ",
                stringify!($unaligned), "};")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("let u = ", stringify!($unaligned), "::<", stringify!($order), ">::new(n);")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::from_unaligned(u).get(), n);")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn from_unaligned(u: $unaligned<super::$order>) -> $name {
                $name::from_bytes(u.to_bytes())
            }
        }

        impl Default for $name {
            /// Zero.
            #[inline(always)]
            fn default() -> $name {
                $name::ZERO
            }
        }

        impl From<$native> for $name {
            #[inline(always)]
            fn from(n: $native) -> $name {
                $name::new(n)
            }
        }

        impl From<$name> for $native {
            #[inline(always)]
            fn from(x: $name) -> $native {
                x.get()
            }
        }

        impl From<[u8; $bytes]> for $name {
            /// The bytes as they are in memory.
            #[inline(always)]
            fn from(bytes: [u8; $bytes]) -> $name {
                $name::from_bytes(bytes)
            }
        }

        impl From<$name> for [u8; $bytes] {
            /// The bytes as they are in memory.
            #[inline(always)]
            fn from(x: $name) -> [u8; $bytes] {
                x.to_bytes()
            }
        }

        /// The same number, in either byte order (a swap when the orders differ).
        impl<O: ByteOrder> From<$unaligned<O>> for $name {
            #[inline(always)]
            fn from(x: $unaligned<O>) -> $name {
                $name::new(x.get())
            }
        }

        /// The same number, in either byte order (a swap when the orders differ).
        impl<O: ByteOrder> From<$name> for $unaligned<O> {
            #[inline(always)]
            fn from(x: $name) -> $unaligned<O> {
                $unaligned::new(x.get())
            }
        }

        /// The same number in the other byte order (one swap).
        impl From<$other> for $name {
            #[inline(always)]
            fn from(x: $other) -> $name {
                $name::new(x.get())
            }
        }

        impl PartialEq<$native> for $name {
            #[inline(always)]
            fn eq(&self, other: &$native) -> bool {
                self.get() == *other
            }
        }

        /// Orders by the numbers' values.
        impl Ord for $name {
            #[inline(always)]
            fn cmp(&self, other: &Self) -> Ordering {
                self.get().cmp(&other.get())
            }
        }

        impl PartialOrd for $name {
            #[inline(always)]
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }

        impl PartialOrd<$native> for $name {
            #[inline(always)]
            fn partial_cmp(&self, other: &$native) -> Option<Ordering> {
                self.get().partial_cmp(other)
            }
        }

        #[doc = concat!("Prints the number, as `", stringify!($name), "(7)` (`{:#x?}`: `", stringify!($name), "(0x7)`).")]
        impl Debug for $name {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.get()).finish()
            }
        }

        fmt_value!($name, Display, Octal, LowerHex, UpperHex, Binary);

        bitwise!($name, BitAnd, bitand, &, BitAndAssign, bitand_assign);
        bitwise!($name, BitOr, bitor, |, BitOrAssign, bitor_assign);
        bitwise!($name, BitXor, bitxor, ^, BitXorAssign, bitxor_assign);

        impl ops::Not for $name {
            type Output = $name;
            #[inline(always)]
            fn not(self) -> $name {
                $name(!self.0)
            }
        }
    };
}

/// Formatting traits, by the value's.
macro_rules! fmt_value {
    ($name:ident, $($trait:ident),*) => {$(
        impl $trait for $name {
            #[inline]
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                $trait::fmt(&self.get(), f)
            }
        }
    )*};
}

/// A bitwise operator and its assigning form, on the stored integers (no swap).
macro_rules! bitwise {
    ($name:ident, $trait:ident, $method:ident, $op:tt, $assign_trait:ident, $assign_method:ident) => {
        impl ops::$trait for $name {
            type Output = $name;
            #[inline(always)]
            fn $method(self, rhs: $name) -> $name {
                $name(self.0 $op rhs.0)
            }
        }

        impl ops::$assign_trait for $name {
            #[inline(always)]
            fn $assign_method(&mut self, rhs: $name) {
                *self = *self $op rhs;
            }
        }
    };
}

aligned!(
    Le16,
    u16,
    2,
    U16,
    LittleEndian,
    to_le,
    from_le,
    to_le_bytes,
    "little-endian",
    "__le16",
    "0x1234",
    Be16
);
aligned!(
    Le32,
    u32,
    4,
    U32,
    LittleEndian,
    to_le,
    from_le,
    to_le_bytes,
    "little-endian",
    "__le32",
    "0x1234_5678",
    Be32
);
aligned!(
    Le64,
    u64,
    8,
    U64,
    LittleEndian,
    to_le,
    from_le,
    to_le_bytes,
    "little-endian",
    "__le64",
    "0x1234_5678_9abc_def0",
    Be64
);
aligned!(
    Be16,
    u16,
    2,
    U16,
    BigEndian,
    to_be,
    from_be,
    to_be_bytes,
    "big-endian",
    "__be16",
    "0x1234",
    Le16
);
aligned!(
    Be32,
    u32,
    4,
    U32,
    BigEndian,
    to_be,
    from_be,
    to_be_bytes,
    "big-endian",
    "__be32",
    "0x1234_5678",
    Le32
);
aligned!(
    Be64,
    u64,
    8,
    U64,
    BigEndian,
    to_be,
    from_be,
    to_be_bytes,
    "big-endian",
    "__be64",
    "0x1234_5678_9abc_def0",
    Le64
);
