// SPDX-License-Identifier: MIT OR Apache-2.0
//! Byte-order integers and floats: `from_bytes`, views of them (`ref_from_prefix`,
//! `mut_from_prefix`), `get` and `set`, in both byte orders.

use zerocast::byteorder::{
    BigEndian, LittleEndian, F32, F64, I128, I16, I32, I64, U128, U16, U32, U64,
};
use zerocast::FromBytes;

use crate::export;

/// Defines `zc_order_<get>` (reads the first bytes big- and little-endian, by `from_bytes` and
/// by a view, and returns the values' bits) and `zc_order_<set>` (writes `v` both ways).
macro_rules! order {
    ($($ty:ident, $native:ty, $get:ident, $set:ident, |$x:ident| $to_bits:expr, |$v:ident| $from_bits:expr;)*) => {$(
        export! {
            #[doc = concat!("`", stringify!($ty), "::from_bytes`, views, `get`, both byte orders.")]
            fn $get(b: &[u8]) -> u64 {
                let be = b
                    .first_chunk()
                    .map_or(0, |a| { let $x = $ty::<BigEndian>::from_bytes(*a).get(); $to_bits });
                let le = $ty::<LittleEndian>::ref_from_prefix(b)
                    .map_or(1, |(n, _)| { let $x = n.get(); $to_bits });
                be ^ le.rotate_left(17)
            }
        }
        export! {
            #[doc = concat!("`", stringify!($ty), "::set` through views, `new`, `to_bytes`.")]
            fn $set(b: &mut [u8], v: u64) -> u64 {
                let $v = v;
                let n: $native = $from_bits;
                let mut done = 0;
                if let Ok((be, rest)) = $ty::<BigEndian>::mut_from_prefix(b) {
                    be.set(n);
                    if let Ok((le, _)) = $ty::<LittleEndian>::mut_from_prefix(rest) {
                        le.set(n);
                        done = 2;
                    }
                }
                let bytes = $ty::<LittleEndian>::new(n).to_bytes();
                done ^ u64::from(bytes[0]) << 8
            }
        }
    )*};
}

order! {
    U16, u16, zc_order_u16_get, zc_order_u16_set, |x| u64::from(x), |v| v as u16;
    U32, u32, zc_order_u32_get, zc_order_u32_set, |x| u64::from(x), |v| v as u32;
    U64, u64, zc_order_u64_get, zc_order_u64_set, |x| x, |v| v;
    U128, u128, zc_order_u128_get, zc_order_u128_set, |x| x as u64 ^ (x >> 64) as u64, |v| u128::from(v) << 64 | u128::from(v);
    I16, i16, zc_order_i16_get, zc_order_i16_set, |x| x as u64, |v| v as i16;
    I32, i32, zc_order_i32_get, zc_order_i32_set, |x| x as u64, |v| v as i32;
    I64, i64, zc_order_i64_get, zc_order_i64_set, |x| x as u64, |v| v as i64;
    I128, i128, zc_order_i128_get, zc_order_i128_set, |x| x as u64 ^ (x >> 64) as u64, |v| i128::from(v as i64) << 64;
    F32, f32, zc_order_f32_get, zc_order_f32_set, |x| u64::from(x.to_bits()), |v| f32::from_bits(v as u32);
    F64, f64, zc_order_f64_get, zc_order_f64_set, |x| x.to_bits(), |v| f64::from_bits(v);
}
