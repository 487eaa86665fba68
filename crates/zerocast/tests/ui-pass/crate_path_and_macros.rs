// `#[zerocast(crate = "...")]` with zerocast under another name, and derives on items that a
// `macro_rules!` macro defines.
extern crate zerocast as zc;

use zc::{FromBytes, Immutable, IntoBytes, KnownLayout};

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
#[zerocast(crate = "zc")]
#[repr(C)]
struct Renamed {
    a: u32,
    b: u32,
}

macro_rules! record {
    ($name:ident { $($field:ident: $ty:ty),* }) => {
        #[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
        #[repr(C)]
        struct $name {
            $($field: $ty),*
        }
    };
}

record!(Pair { lo: u16, hi: u16 });

fn main() {
    let r = Renamed::read_from_bytes(&[0; 8][..]).unwrap();
    assert_eq!(r.a + r.b, 0);
    let p = Pair::read_from_bytes(&[1, 0, 2, 0][..]).unwrap();
    assert_eq!(p.as_bytes(), &[1, 0, 2, 0]);
    assert_eq!(p.lo + p.hi, u16::from_ne_bytes([1, 0]) + u16::from_ne_bytes([2, 0]));
}
