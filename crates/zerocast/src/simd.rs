// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits' implementations for the `core::arch` vector types (the `simd` feature), the
//! types and traits of zerocopy's `simd` feature.
//!
//! Every type here is either a SIMD vector, `#[repr(simd)]` over a number of integer or float
//! lanes, or (on AArch64) a `#[repr(C)]` struct of two to four vectors of one type, with public
//! fields. Each is its lanes and nothing else. For vectors, this is the layout the Unsafe Code
//! Guidelines give packed SIMD vectors ("Layout of packed SIMD vectors": `N` lanes of `T` are
//! `N * size_of::<T>()` bytes, back to back, with no padding; alignment is the platform's).
//! The Reference does not yet guarantee it, but the types exist to be loaded from and stored
//! to memory as their lanes (`_mm_loadu_si128`, `vld1q_u8`, `v128_load`), so it cannot change
//! without breaking their purpose; zerocopy puts its impls behind the `simd` feature for the
//! same reason, and so does zerocast. For the AArch64 structs it is the `repr(C)` layout of
//! fields whose size is a multiple of their alignment: back to back, no padding (Reference,
//! 'The C representation').
//!
//! What the compiler can check is checked: for each type, a `const` assertion that its size
//! is its lanes' total size (so no byte of it is padding), computed through a function that
//! requires the lane type to be `FromBytes + IntoBytes + Immutable`. What it cannot check,
//! that the type is made of those lanes, is the layout rule above.
//!
//! Not here, as in zerocopy: `Unaligned` (every vector has an alignment above 1), and the
//! 32-bit Arm NEON types (unstable in `core::arch::arm`). Not here, unlike zerocopy: the
//! AVX-512 types `__m512`, `__m512d`, `__m512i` and `__m512bh` (stable since Rust 1.89, after
//! zerocast's minimum of 1.85), and the NEON types on big-endian AArch64 (zerocopy has them
//! there from Rust 1.87 on, NEON being broken on big-endian targets before); both need the
//! compiler's version, which zerocast does not probe (it has no build script). `simd-nightly`'s PowerPC vector types need a nightly compiler, which zerocast
//! does not support; the feature exists so that dependency lines naming it keep working.

use core::mem::size_of;

use crate::byte_rule::ByteRule;
use crate::error::InvalidBits;
use crate::layout::DstLayout;
use crate::{Candidate, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes};

/// Implements `KnownLayout`, `Immutable`, `TryFromBytes`, `FromZeros`, `FromBytes` and
/// `IntoBytes` for vector types made of `N` lanes of `T`, written `Type: [T; N]`, after
/// asserting that each type's size is its lanes' size.
macro_rules! vectors {
    ($($ty:ident: [$lane:ty; $n:literal]),* $(,)?) => {$(
        const _: () = {
            /// The size of `n` lanes of `T`; requires `T` to have every property the impls
            /// below claim, so that a lane type without one fails to compile. (Declared here,
            /// not once for the module: Rust 1.85 counts no use in a `const _` as a use.)
            const fn lanes_size<T: FromBytes + IntoBytes + Immutable>(n: usize) -> usize {
                size_of::<T>() * n
            }
            assert!(
                size_of::<$ty>() == lanes_size::<$lane>($n),
                concat!("`", stringify!($ty), "` is not the size of its lanes"),
            );
        };

        // SAFETY: `$ty` is sized, so `for_sized` is its layout and its metadata is `()`; a
        // pointer `cast` keeps address and provenance.
        unsafe impl KnownLayout for $ty {
            type PointerMetadata = ();
            const LAYOUT: DstLayout = DstLayout::for_sized::<Self>();
            #[inline(always)]
            fn ptr_from_parts(bytes: *mut u8, _meta: ()) -> *mut Self {
                bytes.cast()
            }
            #[inline(always)]
            fn pointer_to_metadata(_ptr: *mut Self) {}
        }

        // SAFETY: no interior mutability: `$ty` is `$n` `$lane` lanes and nothing else (the
        // layout rule in the module docs), and `$lane` is `Immutable` (`lanes_size` requires
        // it in the assertion above).
        unsafe impl Immutable for $ty {}

        // SAFETY: every candidate is a valid `$ty`, so accepting all of them is correct: any
        // bytes are valid lanes (`$lane: FromBytes`, required by `lanes_size`) and `$ty` has
        // no bytes but its lanes (the assertion above). The rule accepts any bytes: `Self` is
        // `FromBytes` (below).
        unsafe impl TryFromBytes for $ty {
            #[inline(always)]
            fn validate(_: Candidate<'_, Self>) -> Result<(), InvalidBits> {
                Ok(())
            }
            const BYTE_RULE: ByteRule = ByteRule::from_bytes::<Self>();
        }

        // SAFETY: all-zero bytes are a valid `$ty`: zero lanes (`$lane: FromBytes`, so
        // `FromZeros`) and nothing else (the assertion above).
        unsafe impl FromZeros for $ty {}

        // SAFETY: any initialized bytes of `$ty`'s size are a valid `$ty`: `$n` lanes that are
        // valid for any bytes (`$lane: FromBytes`), with no padding and no other field (the
        // assertion above: its size is its lanes' size). `validate` accepts everything.
        unsafe impl FromBytes for $ty {}

        // SAFETY: every byte of a `$ty` is initialized: its size is its lanes' size (the
        // assertion above), so no byte is padding, and `$lane: IntoBytes` has no padding of
        // its own.
        unsafe impl IntoBytes for $ty {}
    )*};
}

#[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
mod x86 {
    #[cfg(target_arch = "x86")]
    use core::arch::x86::{__m128, __m128d, __m128i, __m256, __m256d, __m256i};
    #[cfg(target_arch = "x86_64")]
    use core::arch::x86_64::{__m128, __m128d, __m128i, __m256, __m256d, __m256i};

    use super::*;

    // The `__m128i`/`__m256i` lanes are `i64`s, as `core::arch` declares them; they hold any
    // integers of that total width.
    vectors!(
        __m128: [f32; 4],
        __m128d: [f64; 2],
        __m128i: [i64; 2],
        __m256: [f32; 8],
        __m256d: [f64; 4],
        __m256i: [i64; 4],
    );
}

// NEON on big-endian AArch64 needs Rust 1.87 (see the module docs).
#[cfg(all(target_arch = "aarch64", target_endian = "little"))]
mod aarch64 {
    use core::arch::aarch64::{
        float32x2_t, float32x4_t, float64x1_t, float64x2_t, int16x4_t, int16x8_t, int32x2_t,
        int32x4_t, int64x1_t, int64x2_t, int8x16_t, int8x16x2_t, int8x16x3_t, int8x16x4_t,
        int8x8_t, int8x8x2_t, int8x8x3_t, int8x8x4_t, poly16x4_t, poly16x8_t, poly64x1_t,
        poly64x2_t, poly8x16_t, poly8x16x2_t, poly8x16x3_t, poly8x16x4_t, poly8x8_t, poly8x8x2_t,
        poly8x8x3_t, poly8x8x4_t, uint16x4_t, uint16x4x2_t, uint16x4x3_t, uint16x4x4_t, uint16x8_t,
        uint32x2_t, uint32x4_t, uint64x1_t, uint64x2_t, uint8x16_t, uint8x16x2_t, uint8x16x3_t,
        uint8x16x4_t, uint8x8_t, uint8x8x2_t, uint8x8x3_t, uint8x8x4_t,
    };

    use super::*;

    // Vectors: `core::arch` declares the `poly*` lanes as the unsigned integers `p8`, `p16`
    // and `p64`, aliases of `u8`, `u16` and `u64`.
    vectors!(
        float32x2_t: [f32; 2],
        float32x4_t: [f32; 4],
        float64x1_t: [f64; 1],
        float64x2_t: [f64; 2],
        int8x8_t: [i8; 8],
        int8x16_t: [i8; 16],
        int16x4_t: [i16; 4],
        int16x8_t: [i16; 8],
        int32x2_t: [i32; 2],
        int32x4_t: [i32; 4],
        int64x1_t: [i64; 1],
        int64x2_t: [i64; 2],
        poly8x8_t: [u8; 8],
        poly8x16_t: [u8; 16],
        poly16x4_t: [u16; 4],
        poly16x8_t: [u16; 8],
        poly64x1_t: [u64; 1],
        poly64x2_t: [u64; 2],
        uint8x8_t: [u8; 8],
        uint8x16_t: [u8; 16],
        uint16x4_t: [u16; 4],
        uint16x8_t: [u16; 8],
        uint32x2_t: [u32; 2],
        uint32x4_t: [u32; 4],
        uint64x1_t: [u64; 1],
        uint64x2_t: [u64; 2],
    );

    // The `repr(C)` structs of 2, 3 or 4 vectors (the multi-register loads and stores'
    // operands), the ones zerocopy implements its traits for: their lanes are vectors, whose
    // impls are above.
    vectors!(
        int8x8x2_t: [int8x8_t; 2],
        int8x8x3_t: [int8x8_t; 3],
        int8x8x4_t: [int8x8_t; 4],
        int8x16x2_t: [int8x16_t; 2],
        int8x16x3_t: [int8x16_t; 3],
        int8x16x4_t: [int8x16_t; 4],
        poly8x8x2_t: [poly8x8_t; 2],
        poly8x8x3_t: [poly8x8_t; 3],
        poly8x8x4_t: [poly8x8_t; 4],
        poly8x16x2_t: [poly8x16_t; 2],
        poly8x16x3_t: [poly8x16_t; 3],
        poly8x16x4_t: [poly8x16_t; 4],
        uint8x8x2_t: [uint8x8_t; 2],
        uint8x8x3_t: [uint8x8_t; 3],
        uint8x8x4_t: [uint8x8_t; 4],
        uint8x16x2_t: [uint8x16_t; 2],
        uint8x16x3_t: [uint8x16_t; 3],
        uint8x16x4_t: [uint8x16_t; 4],
        uint16x4x2_t: [uint16x4_t; 2],
        uint16x4x3_t: [uint16x4_t; 3],
        uint16x4x4_t: [uint16x4_t; 4],
    );
}

#[cfg(target_arch = "wasm32")]
mod wasm32 {
    use core::arch::wasm32::v128;

    use super::*;

    // `v128` has no lane type of its own (its intrinsics read it as any of them); it is
    // declared as four `i32`s.
    vectors!(v128: [i32; 4]);
}
