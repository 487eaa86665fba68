// SPDX-License-Identifier: MIT OR Apache-2.0
//! `cryptocorrosion_derive_traits!`, zerocopy's hidden macro that `ppv-lite86` calls: the items
//! it declares as `ppv-lite86` 0.2.21 declares them (`src/generic.rs`, `src/soft.rs`,
//! `src/x86_64/mod.rs`), and the traits it implements for them, through bytes and back. The
//! rejections (padding, a generic `repr(C)` struct, another `repr`) are UI tests
//! (`tests/ui/cryptocorrosion_*.rs`).
//!
//! This binary forbids `unsafe` code: the macro's `unsafe impl`s are zerocast's, expanded here
//! as a derive's are.
#![expect(non_camel_case_types, reason = "the names are ppv-lite86's")]

use core::marker::PhantomData;
use core::mem::size_of;

use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, TryFromBytes};

/// Every trait the macro implements, required at once.
fn all_traits<T: TryFromBytes + FromZeros + FromBytes + IntoBytes + Immutable>() {}

zerocast::cryptocorrosion_derive_traits! {
    #[repr(C)]
    #[derive(Clone, Copy)]
    pub union vec128_storage {
        d: [u32; 4],
        q: [u64; 2],
    }
}

zerocast::cryptocorrosion_derive_traits! {
    #[repr(transparent)]
    #[derive(Copy, Clone, Debug, PartialEq)]
    pub struct u32x4_generic([u32; 4]);
}

zerocast::cryptocorrosion_derive_traits! {
    #[repr(transparent)]
    #[derive(Copy, Clone, Default)]
    #[allow(non_camel_case_types)]
    pub struct x2<W, G>(pub [W; 2], PhantomData<G>);
}

zerocast::cryptocorrosion_derive_traits! {
    #[repr(transparent)]
    #[derive(Copy, Clone, Default)]
    #[allow(non_camel_case_types)]
    pub struct x4<W>(pub [W; 4]);
}

// Beyond ppv-lite86's uses: `repr(C)` structs, with named and tuple fields, whose padding the
// macro checks.
zerocast::cryptocorrosion_derive_traits! {
    #[repr(C)]
    /// A doc comment after the `repr`, as ppv-lite86 writes them.
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Header {
        pub kind: u16,
        pub flags: u16,
        len: u32,
    }
}

zerocast::cryptocorrosion_derive_traits! {
    #[repr(C)]
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Pair(pub u32, pub [u8; 4]);
}

/// ppv-lite86's x86-64 storage union holds an SSE2 vector: it needs the `simd` feature's impls.
#[cfg(all(feature = "simd", target_arch = "x86_64"))]
mod with_vectors {
    use core::arch::x86_64::__m128i;

    zerocast::cryptocorrosion_derive_traits! {
        #[repr(C)]
        #[allow(non_camel_case_types)]
        #[derive(Copy, Clone)]
        pub union vec128_storage {
            u32x4: [u32; 4],
            u64x2: [u64; 2],
            u128x1: [u128; 1],
            sse2: __m128i,
        }
    }

    #[test]
    fn a_union_with_a_vector_field() {
        use zerocast::{transmute, FromBytes, IntoBytes};
        super::all_traits::<vec128_storage>();
        let words = [1u32, 2, 3, 4];
        let s = vec128_storage::read_from_bytes(words.as_bytes()).unwrap();
        assert_eq!(s.as_bytes(), words.as_bytes());
        let v: __m128i = transmute!(s);
        assert_eq!(
            format!("{v:?}"),
            format!("__m128i({}, {})", 1u64 | 2 << 32, 3u64 | 4 << 32)
        );
    }
}

#[test]
fn every_trait_is_implemented() {
    all_traits::<vec128_storage>();
    all_traits::<u32x4_generic>();
    all_traits::<x2<u64, ()>>();
    all_traits::<x2<u32x4_generic, PhantomData<u8>>>();
    all_traits::<x4<u128>>();
    all_traits::<Header>();
    all_traits::<Pair>();
}

#[test]
fn items_are_declared_as_written() {
    // Attributes after the `repr` are kept (the derives above), and so are the field types
    // and their order.
    let h = Header {
        kind: 1,
        flags: 2,
        len: 3,
    };
    assert_eq!(format!("{h:?}"), "Header { kind: 1, flags: 2, len: 3 }");
    assert_eq!(size_of::<Header>(), 8);
    assert_eq!(size_of::<vec128_storage>(), 16);
    assert_eq!(size_of::<x2<u64, ()>>(), 16);
    let x = x4::<u8>::default();
    assert_eq!(x.0, [0; 4]);
}

#[test]
fn through_bytes_and_back() {
    let mut bytes = [0u8; 16];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = i as u8 * 3 + 1;
    }
    let words: [u32; 4] = core::array::from_fn(|i| {
        u32::from_ne_bytes([
            bytes[4 * i],
            bytes[4 * i + 1],
            bytes[4 * i + 2],
            bytes[4 * i + 3],
        ])
    });

    let g = u32x4_generic::read_from_bytes(&bytes).unwrap();
    assert_eq!(g, u32x4_generic(words));
    assert_eq!(g.as_bytes(), &bytes);

    let s = vec128_storage::read_from_bytes(&bytes).unwrap();
    assert_eq!(s.as_bytes(), &bytes);

    let pair = x2::<u64, ()>::read_from_bytes(&bytes).unwrap();
    assert_eq!(pair.0[1].to_ne_bytes(), bytes[8..16]);
    assert_eq!(pair.as_bytes(), &bytes);

    let h = Header::read_from_bytes(&bytes[..8]).unwrap();
    let expected = Header {
        kind: u16::from_ne_bytes([bytes[0], bytes[1]]),
        flags: u16::from_ne_bytes([bytes[2], bytes[3]]),
        len: words[1],
    };
    assert_eq!(h, expected);
    assert_eq!(h.as_bytes(), &bytes[..8]);

    let p = Pair::read_from_bytes(&bytes[8..]).unwrap();
    assert_eq!(
        p,
        Pair(words[2], [bytes[12], bytes[13], bytes[14], bytes[15]])
    );

    assert_eq!(x4::<u32>::new_zeroed().as_bytes(), &[0; 16]);
}
