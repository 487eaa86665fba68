//! `#[r#repr(align(8))]` unread by `KnownLayout`: the derived `LAYOUT` says alignment 1 and
//! size `1 + n`, the compiler's is alignment 8, size rounded up to 8; `ref_from_bytes` on 9
//! bytes makes a 16-byte reference. Must not compile (or must read the hint).
use zerocast::{FromBytes, Immutable, KnownLayout};

#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
#[r#repr(align(8))]
struct Dst {
    len: u8,
    tail: [u8],
}

fn main() {
    let buf = [0u8; 9];
    let r = Dst::ref_from_bytes(&buf[..]).unwrap();
    assert_eq!(core::mem::size_of_val(r), 16); // out of bounds
}
