// SPDX-License-Identifier: MIT OR Apache-2.0
// `#[zerocast(crate = "...")]` with zerocast under another name, and derives on items that a
// `macro_rules!` macro defines. As in zerocopy, a crate path that does not start with `crate`,
// `self` or `super` is read from the crate root (`"zc"` is `::zc`), so it names the same crate
// in every module, also one without the implicit prelude.
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

// The crate path through a macro's arguments, as a literal, an expression and a whole attribute.
macro_rules! with_crate {
    ($name:ident, $krate:literal) => {
        #[derive(zc::FromBytes, zc::IntoBytes, zc::Immutable, zc::KnownLayout)]
        #[zerocast(crate = $krate)]
        #[repr(C)]
        struct $name(u32);
    };
    (expr $name:ident, $krate:expr) => {
        #[derive(zc::FromBytes, zc::IntoBytes, zc::Immutable, zc::KnownLayout)]
        #[zerocast(crate = $krate)]
        #[repr(C)]
        struct $name(u32);
    };
    (meta $name:ident, $attr:meta) => {
        #[derive(zc::FromBytes, zc::IntoBytes, zc::Immutable, zc::KnownLayout)]
        #[$attr]
        #[repr(C)]
        struct $name(u32);
    };
}

with_crate!(ByLiteral, "zc");
with_crate!(expr ByExpr, "zc");
with_crate!(meta ByMeta, zerocast(crate = "zc"));

// A module cut off from every prelude: only `::`-rooted paths resolve in it, and the derives'
// output (with the crate path made absolute) must not rely on anything else.
mod bare {
    #![no_implicit_prelude]

    #[derive(
        ::zc::FromBytes,
        ::zc::IntoBytes,
        ::zc::Immutable,
        ::zc::KnownLayout,
        ::zc::Unaligned,
        ::zc::ByteEq,
        ::zc::ByteHash
    )]
    #[zerocast(crate = "zc")]
    #[repr(C)]
    pub struct Header {
        pub kind: u8,
        pub len: [u8; 3],
    }

    #[derive(::zc::TryFromBytes, ::zc::Immutable, ::zc::KnownLayout)]
    #[zerocast(crate = "zc")]
    #[repr(u8)]
    pub enum Cmd {
        Stop = 1,
        Go(u8) = 2,
    }

    #[derive(::zc::FromBytes, ::zc::Immutable, ::zc::KnownLayout, ::zc::SplitAt)]
    #[zerocast(crate = "zc")]
    #[repr(C)]
    pub struct Packet {
        pub len: u8,
        pub body: [u8],
    }

    ::zc::bitfield! {
        #[zerocast(crate = "zc")]
        pub struct Flags(u8) {
            3:0 low as u8;
            7:4 high as u8;
        }
    }
}

fn main() {
    use zc::TryFromBytes;

    let r = Renamed::read_from_bytes(&[0; 8][..]).unwrap();
    assert_eq!(r.a + r.b, 0);
    let p = Pair::read_from_bytes(&[1, 0, 2, 0][..]).unwrap();
    assert_eq!(p.as_bytes(), &[1, 0, 2, 0]);
    assert_eq!(p.lo + p.hi, u16::from_ne_bytes([1, 0]) + u16::from_ne_bytes([2, 0]));
    assert_eq!(ByLiteral(7).as_bytes(), ByExpr(7).as_bytes());
    assert_eq!(ByMeta(7).0, 7);

    let h = bare::Header::read_from_bytes(&[4, 1, 2, 3][..]).unwrap();
    assert!(h == bare::Header { kind: 4, len: [1, 2, 3] });
    assert!(matches!(bare::Cmd::try_read_from_bytes(&[2, 9][..]), Ok(bare::Cmd::Go(9))));
    assert!(bare::Cmd::try_read_from_bytes(&[3, 0][..]).is_err());
    let packet = bare::Packet::ref_from_bytes(&[2, 8, 9][..]).unwrap();
    assert_eq!((packet.len, &packet.body), (2, &[8, 9][..]));
    let f = bare::Flags::from_bits(0x5a);
    assert_eq!((f.low().get(), f.high().get()), (0xa, 0x5));
}
