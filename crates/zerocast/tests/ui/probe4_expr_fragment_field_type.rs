// SPDX-License-Identifier: MIT OR Apache-2.0
// A field type with a `$e:expr` fragment in a constant expression: `$n / 2` with `$n = 2 + 4`
// is 3, not `2 + 4 / 2` = 4. syn built with `full` (turned on here by zerocopy-derive, a
// dependency of this test crate, as any other proc macro in a build may) parses through the
// fragment's invisible group; the derives give such operand groups parentheses first, so they
// check the types the struct really has.
//
// `Padded`: `a` is `[u8; 3]`, then one byte of padding before `b`; read as `[u8; 4]`, the
// padding would be hidden and `as_bytes` would read it. `Flag`: `flag` is a `bool`; read as
// `u8`, `FromBytes` would let any byte be a `bool`.
use zerocast::{FromBytes, Immutable, IntoBytes};

pub struct Sel<const K: usize>;
pub trait Pick {
    type T;
}
impl Pick for Sel<3> {
    type T = u8;
}
impl Pick for Sel<4> {
    type T = bool;
}

macro_rules! padded {
    ($n:expr) => {
        #[derive(IntoBytes, Immutable)]
        #[repr(C)]
        pub struct Padded {
            pub a: [u8; $n / 2],
            pub b: u16,
        }

        #[derive(FromBytes)]
        #[repr(C)]
        pub struct Flag {
            pub flag: <Sel<{ $n / 2 + 1 }> as Pick>::T,
        }
    };
}

padded!(2 + 4);

// A comparison binds tighter than `||`: with `$c = T || F`, `($c < T)` is `true < true`, false,
// so `a` is `[u8; 1]` and one byte of padding follows; `T || F < T` would be true, `[u8; 2]`.
const T: bool = true;
const F: bool = false;

macro_rules! compared {
    ($c:expr) => {
        #[derive(IntoBytes, Immutable)]
        #[repr(C)]
        pub struct Compared {
            pub a: [u8; ($c < T) as usize + 1],
            pub b: u16,
        }
    };
}

compared!(T || F);

fn main() {}
