// SPDX-License-Identifier: MIT OR Apache-2.0
// Enums with fields: every `repr` with a defined layout, generic ones, and every derive that
// applies. And unions whose fields are not `Immutable`: `TryFromBytes` validates a `&[u8]`
// nothing else can write to while it is checked, so interior mutability does not matter.
use core::cell::{Cell, UnsafeCell};
use core::mem::ManuallyDrop;
use core::num::NonZeroU16;

use zerocast::{FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned};

#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(u8)]
enum Primitive {
    Quit,
    Data { flag: bool, len: u32 },
    Pair(u16, char) = 7,
}

#[derive(FromZeros, KnownLayout, Immutable)]
#[repr(C)]
enum COnly {
    Zero(u64),
    One { a: NonZeroU16 },
}

#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C, u8)]
enum CAndU8 {
    A([u8; 2]),
    B(u8, bool),
}

#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable)]
#[repr(u32, align(8))]
enum Aligned {
    A(u32),
    B([u8; 4]),
}

#[derive(FromZeros, KnownLayout, Immutable)]
#[repr(i16)]
enum Generic<'a, T: Copy, const N: usize>
where
    T: Default,
{
    Empty = -1,
    Some([T; N]) = 0,
    Ref(core::marker::PhantomData<&'a T>),
}

#[derive(TryFromBytes, KnownLayout)]
#[repr(C)]
union WithCells {
    a: ManuallyDrop<UnsafeCell<u32>>,
    b: ManuallyDrop<Cell<bool>>,
}

#[derive(FromZeros, KnownLayout)]
#[repr(C)]
union ZeroCell {
    a: ManuallyDrop<UnsafeCell<u32>>,
}

fn main() {
    assert!(Primitive::try_read_from_bytes(&[0; 8]).is_ok());
    assert!(COnly::try_read_from_bytes(&[0; 16]).is_ok());
    assert!(CAndU8::try_read_from_bytes(&[1, 1, 1]).is_ok());
    assert_eq!(size_of::<Aligned>(), 8);
    assert!(Generic::<'static, u8, 2>::try_read_from_bytes(&[0; 4]).is_ok());
    assert!(WithCells::try_read_from_bytes(&[2, 0, 0, 0]).is_ok());
    let _ = ZeroCell::new_zeroed();
}
