// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits for the `core::arch` vector types (the `simd` feature): every type zerocopy's
//! `simd` feature covers on this target goes through bytes and back, by value, by reference
//! (aligned and not), as a slice and by `transmute!`, and is zero when made zeroed. The sizes
//! and lane values expected are stated here (Intel's and Arm's register widths, the lanes
//! `core`'s `Debug` prints), not read from zerocast.

#![cfg(any(
    target_arch = "x86",
    target_arch = "x86_64",
    all(target_arch = "aarch64", target_endian = "little"),
    target_arch = "wasm32"
))]

use core::mem::{align_of, size_of};

use zerocast::{transmute, Candidate, ConvertError, FromBytes, Immutable, IntoBytes, KnownLayout};

/// A buffer aligned for every vector type (AVX's are 32-byte aligned), large enough for three
/// of the largest ones (an AArch64 `uint8x16x4_t` is 64 bytes) and one byte more.
#[repr(C, align(64))]
struct Buf([u8; 200]);

impl Buf {
    /// Byte `i` is `seed + 7 * i`, so that every byte of a value differs from its neighbours
    /// and from the same byte of a buffer with another seed.
    fn pattern(seed: u8) -> Buf {
        Buf(core::array::from_fn(|i| {
            seed.wrapping_add((i as u8).wrapping_mul(7))
        }))
    }
}

/// Checks every conversion of `T`, a type of `size` bytes with an alignment above 1.
fn check<T>(size: usize)
where
    T: FromBytes + IntoBytes + Immutable + KnownLayout<PointerMetadata = ()> + Copy,
{
    let name = core::any::type_name::<T>();
    assert_eq!(size_of::<T>(), size, "{name}");
    assert!(align_of::<T>() > 1, "{name}");
    assert_eq!(T::size_for_metadata(()), Some(size), "{name}");

    let src = Buf::pattern(1);
    let bytes = &src.0[..size];

    // By value: what goes in comes out.
    let v = T::read_from_bytes(bytes).unwrap();
    assert_eq!(v.as_bytes(), bytes, "{name}");
    assert_eq!(
        T::try_read_from_bytes(bytes).unwrap().as_bytes(),
        bytes,
        "{name}"
    );
    assert!(T::is_bit_valid(Candidate::new(bytes)), "{name}");
    let (v, rest) = T::read_from_prefix(&src.0[..size + 1]).unwrap();
    assert_eq!(
        (v.as_bytes(), rest),
        (bytes, &src.0[size..size + 1]),
        "{name}"
    );

    // By reference, in place: at an aligned address, and refused one byte past it.
    let r = T::ref_from_bytes(bytes).unwrap();
    assert_eq!(r.as_bytes().as_ptr(), bytes.as_ptr(), "{name}");
    assert_eq!(r.as_bytes(), bytes, "{name}");
    match T::ref_from_bytes(&src.0[1..size + 1]) {
        Err(ConvertError::Alignment(_)) => {}
        _ => panic!("{name}: a misaligned view must fail for alignment"),
    }
    match T::ref_from_bytes(&bytes[..size - 1]) {
        Err(ConvertError::Size(_)) => {}
        _ => panic!("{name}: a short view must fail for size"),
    }

    // Writing through a mutable view changes exactly the bytes of the value.
    let mut dst = Buf::pattern(100);
    let other = Buf::pattern(200);
    *T::mut_from_bytes(&mut dst.0[..size]).unwrap() = T::read_from_bytes(&other.0[..size]).unwrap();
    assert_eq!(&dst.0[..size], &other.0[..size], "{name}");
    assert_eq!(&dst.0[size..], &Buf::pattern(100).0[size..], "{name}");
    T::mut_from_bytes(&mut dst.0[..size]).unwrap().zero();
    assert!(dst.0[..size].iter().all(|&b| b == 0), "{name}");

    // Slices: element `i` is bytes `i * size..(i + 1) * size`.
    let elems = <[T]>::ref_from_bytes(&src.0[..3 * size]).unwrap();
    assert_eq!(elems.len(), 3, "{name}");
    for (i, e) in elems.iter().enumerate() {
        assert_eq!(
            e.as_bytes(),
            &src.0[i * size..(i + 1) * size],
            "{name}[{i}]"
        );
    }
    assert_eq!(elems.as_bytes(), &src.0[..3 * size], "{name}");

    assert!(T::new_zeroed().as_bytes().iter().all(|&b| b == 0), "{name}");
}

#[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
mod x86 {
    #[cfg(target_arch = "x86")]
    use core::arch::x86::{__m128, __m128d, __m128i, __m256, __m256d, __m256i};
    #[cfg(target_arch = "x86_64")]
    use core::arch::x86_64::{__m128, __m128d, __m128i, __m256, __m256d, __m256i};

    use zerocast::FromZeros;

    use super::*;

    #[test]
    fn every_type_through_bytes() {
        check::<__m128>(16);
        check::<__m128d>(16);
        check::<__m128i>(16);
        check::<__m256>(32);
        check::<__m256d>(32);
        check::<__m256i>(32);
    }

    /// Lanes go in and come out in memory order; `core`'s `Debug` prints a vector's lanes, so
    /// it tells what the vector holds without zerocast.
    #[test]
    fn lanes_by_transmute() {
        let v: __m128 = transmute!([1.5f32, 2.0, -3.0, 4.25]);
        assert_eq!(format!("{v:?}"), "__m128(1.5, 2.0, -3.0, 4.25)");
        let back: [f32; 4] = transmute!(v);
        assert_eq!(back, [1.5, 2.0, -3.0, 4.25]);

        let v: __m128i = transmute!([1i64, -2]);
        assert_eq!(format!("{v:?}"), "__m128i(1, -2)");
        // x86 is little-endian: each `i64` lane is its low half, then its high half.
        let as_u32s: [u32; 4] = transmute!(v);
        assert_eq!(as_u32s, [1, 0, 0xFFFF_FFFE, 0xFFFF_FFFF]);

        let v: __m256d = transmute!([0.5f64, -0.25, 8.0, 1e300]);
        assert_eq!(format!("{v:?}"), "__m256d(0.5, -0.25, 8.0, 1e300)");
        let v: __m256i = transmute!([u8::MAX; 32]);
        assert_eq!(format!("{v:?}"), "__m256i(-1, -1, -1, -1)");
        let v = __m256::new_zeroed();
        assert_eq!(
            format!("{v:?}"),
            "__m256(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)"
        );
        let v: __m128d = transmute!([1.0f64, -2.0]);
        assert_eq!(format!("{v:?}"), "__m128d(1.0, -2.0)");
    }

    /// A struct of vectors derives the traits like one of integers: vectors are `Immutable`,
    /// `FromBytes` and `IntoBytes` fields.
    #[cfg(feature = "derive")]
    #[test]
    fn as_fields_of_a_derived_struct() {
        #[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Clone, Copy)]
        #[repr(C)]
        struct State {
            a: __m128i,
            b: __m128i,
            key: __m256i,
        }
        let src = Buf::pattern(9);
        let s = State::ref_from_bytes(&src.0[..64]).unwrap();
        assert_eq!(s.b.as_bytes(), &src.0[16..32]);
        assert_eq!(s.key.as_bytes(), &src.0[32..64]);
        check::<State>(64);
    }
}

#[cfg(all(target_arch = "aarch64", target_endian = "little"))]
mod aarch64 {
    use core::arch::aarch64::*;

    use super::*;

    #[test]
    fn every_type_through_bytes() {
        check::<float32x2_t>(8);
        check::<float32x4_t>(16);
        check::<float64x1_t>(8);
        check::<float64x2_t>(16);
        check::<int8x8_t>(8);
        check::<int8x16_t>(16);
        check::<int16x4_t>(8);
        check::<int16x8_t>(16);
        check::<int32x2_t>(8);
        check::<int32x4_t>(16);
        check::<int64x1_t>(8);
        check::<int64x2_t>(16);
        check::<poly8x8_t>(8);
        check::<poly8x16_t>(16);
        check::<poly16x4_t>(8);
        check::<poly16x8_t>(16);
        check::<poly64x1_t>(8);
        check::<poly64x2_t>(16);
        check::<uint8x8_t>(8);
        check::<uint8x16_t>(16);
        check::<uint16x4_t>(8);
        check::<uint16x8_t>(16);
        check::<uint32x2_t>(8);
        check::<uint32x4_t>(16);
        check::<uint64x1_t>(8);
        check::<uint64x2_t>(16);
        check::<int8x8x2_t>(16);
        check::<int8x8x3_t>(24);
        check::<int8x8x4_t>(32);
        check::<int8x16x2_t>(32);
        check::<int8x16x3_t>(48);
        check::<int8x16x4_t>(64);
        check::<poly8x8x2_t>(16);
        check::<poly8x8x3_t>(24);
        check::<poly8x8x4_t>(32);
        check::<poly8x16x2_t>(32);
        check::<poly8x16x3_t>(48);
        check::<poly8x16x4_t>(64);
        check::<uint8x8x2_t>(16);
        check::<uint8x8x3_t>(24);
        check::<uint8x8x4_t>(32);
        check::<uint8x16x2_t>(32);
        check::<uint8x16x3_t>(48);
        check::<uint8x16x4_t>(64);
        check::<uint16x4x2_t>(16);
        check::<uint16x4x3_t>(24);
        check::<uint16x4x4_t>(32);
    }

    /// The fields of a multi-vector struct are its bytes in order.
    #[test]
    fn lanes_by_transmute() {
        let v: uint8x16_t = transmute!(core::array::from_fn::<u8, 16, _>(|i| i as u8));
        let back: [u8; 16] = transmute!(v);
        assert_eq!(back, core::array::from_fn(|i| i as u8));
        let pair: uint8x8x2_t = transmute!(core::array::from_fn::<u8, 16, _>(|i| i as u8));
        assert_eq!(pair.0.as_bytes(), &[0, 1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(pair.1.as_bytes(), &[8, 9, 10, 11, 12, 13, 14, 15]);
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm32 {
    use core::arch::wasm32::v128;

    use super::*;

    #[test]
    fn every_type_through_bytes() {
        check::<v128>(16);
        let v: v128 = transmute!([7u32, 8, 9, 10]);
        let back: [u32; 4] = transmute!(v);
        assert_eq!(back, [7, 8, 9, 10]);
    }
}
