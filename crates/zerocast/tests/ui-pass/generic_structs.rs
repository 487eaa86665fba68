// SPDX-License-Identifier: MIT OR Apache-2.0
// Generic structs: bounds follow the type parameters, and `IntoBytes` on a generic `repr(C)`
// struct holds for field types of alignment 1.
use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned};

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(C)]
struct Pair<A, B> {
    a: A,
    b: B,
}

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(transparent)]
struct Wrapper<T>(T);

#[derive(TryFromBytes, Immutable, KnownLayout)]
#[repr(C)]
struct Checked<T: Copy, const N: usize>
where
    T: Default,
{
    items: [T; N],
}

fn main() {
    let p = Pair::<u8, [u8; 3]>::read_from_bytes(&[1, 2, 3, 4][..]).unwrap();
    assert_eq!(p.as_bytes(), &[1, 2, 3, 4]);
    let w = Wrapper::<u32>::read_from_bytes(&7u32.to_ne_bytes()[..]).unwrap();
    assert_eq!(w.0, 7);
    let c = Checked::<bool, 2>::try_read_from_bytes(&[1, 0][..]).unwrap();
    assert_eq!(c.items, [true, false]);
    assert!(Checked::<bool, 2>::try_read_from_bytes(&[1, 2][..]).is_err());
}
