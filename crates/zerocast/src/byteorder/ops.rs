// SPDX-License-Identifier: MIT OR Apache-2.0
//! Formatting, ordering and the operators of the byte-order types.
//!
//! Built with `--cfg no_fp_fmt_parse` (a `core` without float formatting, as Linux builds it),
//! `F32` and `F64` have no `Display`, and their `Debug` prints the bits (`F32(0x3fc00000)`)
//! instead of calling `core`'s float `Debug`, which panics there.
//!
//! Each works on the native number and stores the result back, so it behaves exactly like the
//! native operation: the same panics (division by zero; overflow when overflow checks are on),
//! the same wrapping (when they are off). The operators are written with the operator tokens
//! here, so the overflow checks are those of the crate's build profile, as for native code.
//! The set of impls is zerocopy 0.8's: every arithmetic operator for every type, bitwise and
//! shift operators, `Not` and total order for integers, `Neg` for signed integers and floats;
//! each binary operator with this type or the native type on either side, and its `*Assign`
//! form on both.

use core::cmp::Ordering;
use core::fmt::{self, Binary, Debug, Display, Formatter, LowerHex, Octal, UpperHex};
use core::ops;

use super::{ByteOrder, Isize, Usize, F32, F64, I128, I16, I32, I64, U128, U16, U32, U64};

/// One formatting trait, by the native number's.
macro_rules! fmt_trait {
    ($name:ident, $native:ident, $($trait:ident),*) => {$(
        impl<O: ByteOrder> $trait for $name<O> {
            #[inline]
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                $trait::fmt(&self.get(), f)
            }
        }
    )*};
}

/// `Debug`, as `U32(7)`: the name and the native number's `Debug`.
macro_rules! debug_native {
    ($($name:ident),*) => {$(
        /// Prints the number, as `U32(7)`.
        impl<O: ByteOrder> Debug for $name<O> {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.get()).finish()
            }
        }
    )*};
}

/// `Debug` of a float without `core`'s float formatting: the name and the bits in hex.
#[cfg(no_fp_fmt_parse)]
macro_rules! debug_bits {
    ($($name:ident),*) => {$(
        /// Prints the number's bits in hex, as `F32(0x3fc00000)` for 1.5: this `core` has no
        /// float formatting (`--cfg no_fp_fmt_parse`).
        impl<O: ByteOrder> Debug for $name<O> {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name))
                    .field(&format_args!("{:#x}", self.get().to_bits()))
                    .finish()
            }
        }
    )*};
}

/// An arithmetic or shift operator (both operands converted to native numbers).
macro_rules! native_op {
    ($name:ident, $native:ident, $trait:ident, $method:ident, $op:tt,
     $assign_trait:ident, $assign_method:ident, $assign_op:tt) => {
        impl<O: ByteOrder> ops::$trait for $name<O> {
            type Output = $name<O>;
            #[inline(always)]
            fn $method(self, rhs: $name<O>) -> $name<O> {
                $name::new(self.get() $op rhs.get())
            }
        }

        impl<O: ByteOrder> ops::$trait<$native> for $name<O> {
            type Output = $name<O>;
            #[inline(always)]
            fn $method(self, rhs: $native) -> $name<O> {
                $name::new(self.get() $op rhs)
            }
        }

        impl<O: ByteOrder> ops::$trait<$name<O>> for $native {
            type Output = $name<O>;
            #[inline(always)]
            fn $method(self, rhs: $name<O>) -> $name<O> {
                $name::new(self $op rhs.get())
            }
        }

        impl<O: ByteOrder> ops::$assign_trait for $name<O> {
            #[inline(always)]
            fn $assign_method(&mut self, rhs: $name<O>) {
                *self = $name::new(self.get() $op rhs.get());
            }
        }

        impl<O: ByteOrder> ops::$assign_trait<$native> for $name<O> {
            #[inline(always)]
            fn $assign_method(&mut self, rhs: $native) {
                *self = $name::new(self.get() $op rhs);
            }
        }

        impl<O: ByteOrder> ops::$assign_trait<$name<O>> for $native {
            #[inline(always)]
            fn $assign_method(&mut self, rhs: $name<O>) {
                *self $assign_op rhs.get();
            }
        }
    };
}

/// A bitwise operator: between two values of the type it works on the stored bytes directly
/// (a bitwise operation commutes with any byte permutation), so no byte swap is needed.
macro_rules! bitwise_op {
    ($name:ident, $native:ident, $trait:ident, $method:ident, $op:tt,
     $assign_trait:ident, $assign_method:ident, $assign_op:tt) => {
        impl<O: ByteOrder> ops::$trait for $name<O> {
            type Output = $name<O>;
            #[inline(always)]
            fn $method(self, rhs: $name<O>) -> $name<O> {
                let v = $native::from_ne_bytes(self.0) $op $native::from_ne_bytes(rhs.0);
                $name::from_bytes(v.to_ne_bytes())
            }
        }

        impl<O: ByteOrder> ops::$trait<$native> for $name<O> {
            type Output = $name<O>;
            #[inline(always)]
            fn $method(self, rhs: $native) -> $name<O> {
                self $op $name::<O>::new(rhs)
            }
        }

        impl<O: ByteOrder> ops::$trait<$name<O>> for $native {
            type Output = $name<O>;
            #[inline(always)]
            fn $method(self, rhs: $name<O>) -> $name<O> {
                $name::<O>::new(self) $op rhs
            }
        }

        impl<O: ByteOrder> ops::$assign_trait for $name<O> {
            #[inline(always)]
            fn $assign_method(&mut self, rhs: $name<O>) {
                *self = *self $op rhs;
            }
        }

        impl<O: ByteOrder> ops::$assign_trait<$native> for $name<O> {
            #[inline(always)]
            fn $assign_method(&mut self, rhs: $native) {
                *self = *self $op $name::<O>::new(rhs);
            }
        }

        impl<O: ByteOrder> ops::$assign_trait<$name<O>> for $native {
            #[inline(always)]
            fn $assign_method(&mut self, rhs: $name<O>) {
                *self $assign_op rhs.get();
            }
        }
    };
}

/// Everything every type has: the arithmetic operators.
macro_rules! all_types {
    ($($name:ident $native:ident),*) => {$(
        native_op!($name, $native, Add, add, +, AddAssign, add_assign, +=);
        native_op!($name, $native, Sub, sub, -, SubAssign, sub_assign, -=);
        native_op!($name, $native, Mul, mul, *, MulAssign, mul_assign, *=);
        native_op!($name, $native, Div, div, /, DivAssign, div_assign, /=);
        native_op!($name, $native, Rem, rem, %, RemAssign, rem_assign, %=);
    )*};
}

/// What integers add: `Debug`, `Display` and radix formatting, bitwise and shift operators, `Not`, total order.
macro_rules! integers {
    ($($name:ident $native:ident),*) => {$(
        debug_native!($name);
        fmt_trait!($name, $native, Display, Octal, LowerHex, UpperHex, Binary);
        bitwise_op!($name, $native, BitAnd, bitand, &, BitAndAssign, bitand_assign, &=);
        bitwise_op!($name, $native, BitOr, bitor, |, BitOrAssign, bitor_assign, |=);
        bitwise_op!($name, $native, BitXor, bitxor, ^, BitXorAssign, bitxor_assign, ^=);
        native_op!($name, $native, Shl, shl, <<, ShlAssign, shl_assign, <<=);
        native_op!($name, $native, Shr, shr, >>, ShrAssign, shr_assign, >>=);

        impl<O> ops::Not for $name<O> {
            type Output = $name<O>;
            #[inline(always)]
            fn not(self) -> $name<O> {
                $name::from_bytes((!$native::from_ne_bytes(self.0)).to_ne_bytes())
            }
        }

        /// Orders by the numbers' values.
        impl<O: ByteOrder> Ord for $name<O> {
            #[inline(always)]
            fn cmp(&self, other: &Self) -> Ordering {
                self.get().cmp(&other.get())
            }
        }

        impl<O: ByteOrder> PartialOrd for $name<O> {
            #[inline(always)]
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }

        impl<O: ByteOrder> PartialOrd<$native> for $name<O> {
            #[inline(always)]
            fn partial_cmp(&self, other: &$native) -> Option<Ordering> {
                self.get().partial_cmp(other)
            }
        }
    )*};
}

/// `Neg`, for signed integers and floats.
macro_rules! neg {
    ($($name:ident),*) => {$(
        impl<O: ByteOrder> ops::Neg for $name<O> {
            type Output = $name<O>;
            #[inline(always)]
            fn neg(self) -> $name<O> {
                $name::new(-self.get())
            }
        }
    )*};
}

/// Floats are partially ordered by value (`NaN` is unordered), as the native ones.
macro_rules! floats {
    ($($name:ident),*) => {$(
        impl<O: ByteOrder> PartialOrd for $name<O> {
            #[inline(always)]
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                self.get().partial_cmp(&other.get())
            }
        }
    )*};
}

all_types!(
    U16 u16, U32 u32, U64 u64, U128 u128, Usize usize,
    I16 i16, I32 i32, I64 i64, I128 i128, Isize isize
);
integers!(
    U16 u16, U32 u32, U64 u64, U128 u128, Usize usize,
    I16 i16, I32 i32, I64 i64, I128 i128, Isize isize
);
neg!(I16, I32, I64, I128, Isize);

/// The floats' operators: float arithmetic, which Linux lints in kernel code
/// (`-Wclippy::float_arithmetic`, see tools/kernel/build.sh).
#[expect(
    clippy::float_arithmetic,
    reason = "F32 and F64 have the native floats' operators, as zerocopy's; a caller that uses one asked for float arithmetic"
)]
mod float_ops {
    use super::{ops, ByteOrder, F32, F64};

    all_types!(F32 f32, F64 f64);
    neg!(F32, F64);
}
floats!(F32, F64);
#[cfg(not(no_fp_fmt_parse))]
debug_native!(F32, F64);
#[cfg(no_fp_fmt_parse)]
debug_bits!(F32, F64);
#[cfg(not(no_fp_fmt_parse))]
fmt_trait!(F32, f32, Display);
#[cfg(not(no_fp_fmt_parse))]
fmt_trait!(F64, f64, Display);

#[cfg(test)]
mod tests {
    use std::format;

    use crate::byteorder::{BigEndian, LittleEndian, F32, F64};

    /// With `core`'s float formatting: the number, as the native float prints it.
    #[cfg(not(no_fp_fmt_parse))]
    #[test]
    fn float_debug_and_display_print_the_number() {
        assert_eq!(format!("{:?}", F32::<BigEndian>::new(1.5)), "F32(1.5)");
        assert_eq!(format!("{}", F64::<LittleEndian>::new(-0.25)), "-0.25");
    }

    /// Without it (`RUSTFLAGS="--cfg no_fp_fmt_parse"`, as `.ci/run` runs this test): the bits,
    /// which are the same whatever the byte order.
    #[cfg(no_fp_fmt_parse)]
    #[test]
    fn float_debug_prints_the_bits() {
        assert_eq!(
            format!("{:?}", F32::<BigEndian>::new(1.5)),
            "F32(0x3fc00000)"
        );
        assert_eq!(
            format!("{:?}", F32::<LittleEndian>::new(1.5)),
            "F32(0x3fc00000)"
        );
        assert_eq!(
            format!("{:?}", F64::<LittleEndian>::new(-0.25)),
            "F64(0xbfd0000000000000)"
        );
    }
}
