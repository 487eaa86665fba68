// SPDX-License-Identifier: MIT OR Apache-2.0
//! `serde` support (the `serde` feature): each type is (de)serialized as its native number.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{
    Be16, Be32, Be64, ByteOrder, Isize, Le16, Le32, Le64, Usize, F32, F64, I128, I16, I32, I64,
    U128, U16, U32, U64,
};

macro_rules! serde_impls {
    ($($name:ident $native:ident),*) => {$(
        /// Serializes the native number (the byte order is not part of the data).
        impl<O: ByteOrder> Serialize for $name<O> {
            #[inline]
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.get().serialize(serializer)
            }
        }

        /// Deserializes a native number and stores it in the order `O`.
        impl<'de, O: ByteOrder> Deserialize<'de> for $name<O> {
            #[inline]
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $native::deserialize(deserializer).map($name::new)
            }
        }
    )*};
}

serde_impls!(
    U16 u16, U32 u32, U64 u64, U128 u128, Usize usize,
    I16 i16, I32 i32, I64 i64, I128 i128, Isize isize,
    F32 f32, F64 f64
);

macro_rules! serde_aligned {
    ($($name:ident $native:ident),*) => {$(
        /// Serializes the native number (the byte order is not part of the data).
        impl Serialize for $name {
            #[inline]
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.get().serialize(serializer)
            }
        }

        /// Deserializes a native number and stores it in the type's order.
        impl<'de> Deserialize<'de> for $name {
            #[inline]
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $native::deserialize(deserializer).map($name::new)
            }
        }
    )*};
}

serde_aligned!(Le16 u16, Le32 u32, Le64 u64, Be16 u16, Be32 u32, Be64 u64);
