// SPDX-License-Identifier: MIT OR Apache-2.0
//! The byte-order numbers (`zerocast::byteorder`): layout and conversions against the native
//! `to_be_bytes`/`to_le_bytes`, the zerocast traits, and (in `byteorder_ops`) every operator
//! and formatting trait against the native number's.

use core::hash::BuildHasher;
use std::collections::hash_map::RandomState;

use zerocast::byteorder::{
    big_endian, little_endian, native_endian, network_endian, BigEndian, ByteOrder, Isize,
    LittleEndian, NativeEndian, NetworkEndian, Order, Usize, BE, F32, F64, I128, I16, I32, I64, LE,
    U128, U16, U32, U64,
};
use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned};

use crate::common::{addr, addr_of, Aligned, Rng};

/// Iterations of each random test; fewer under Miri.
pub(crate) const ROUNDS: usize = if cfg!(miri) { 16 } else { 2000 };

/// Whether `O` is big-endian (the expected bytes are then the native `to_be_bytes`).
fn order_is_big<O: ByteOrder>() -> bool {
    match O::ORDER {
        Order::BigEndian => true,
        Order::LittleEndian => false,
    }
}

/// The hash of `v` under `state`.
fn hash_of<T: core::hash::Hash>(state: &RandomState, v: &T) -> u64 {
    state.hash_one(v)
}

/// For one type and one order: `new`, `get`, `set`, `from_bytes`, `to_bytes`, the constants,
/// `From` both ways, `AsRef`/`AsMut`, equality with arrays and natives, hashing.
macro_rules! layout_tests {
    ($test:ident, $name:ident, $native:ident, $bytes:expr, $same:expr) => {
        #[test]
        fn $test() {
            fn one<O: ByteOrder>(rng: &mut Rng) {
                let state = RandomState::new();
                let same: fn($native, $native) -> bool = $same;
                assert_eq!(size_of::<$name<O>>(), $bytes);
                assert_eq!(align_of::<$name<O>>(), 1);
                assert_eq!($name::<O>::ZERO.to_bytes(), [0u8; $bytes]);
                assert_eq!($name::<O>::default().to_bytes(), [0u8; $bytes]);
                for _ in 0..ROUNDS {
                    let raw: [u8; $bytes] = rng.bytes();
                    let x = $native::from_ne_bytes(raw);
                    let (want, native_back) = if order_is_big::<O>() {
                        (x.to_be_bytes(), $native::from_be_bytes(raw))
                    } else {
                        (x.to_le_bytes(), $native::from_le_bytes(raw))
                    };
                    let v = $name::<O>::new(x);
                    assert_eq!(v.to_bytes(), want);
                    assert!(same(v.get(), x));
                    let w = $name::<O>::from_bytes(raw);
                    assert_eq!(w.to_bytes(), raw);
                    assert!(same(w.get(), native_back));
                    let mut s = $name::<O>::ZERO;
                    s.set(x);
                    assert_eq!(s.to_bytes(), want);
                    // `From`, `AsRef`, `AsMut`, equality.
                    assert_eq!(<[u8; $bytes]>::from(v), want);
                    assert_eq!($name::<O>::from(raw).to_bytes(), raw);
                    assert!(same($native::from(v), x));
                    assert_eq!($name::<O>::from(x).to_bytes(), want);
                    assert_eq!(v.as_ref(), &want);
                    let mut m = v;
                    m.as_mut()[0] ^= 0xff;
                    let mut flipped = want;
                    flipped[0] ^= 0xff;
                    assert_eq!(m.to_bytes(), flipped);
                    assert!(v == want && want == v);
                    assert!(m != want && want != m);
                    assert_eq!(
                        v == x,
                        x == x,
                        "PartialEq<native> is the native's (NaN != NaN)"
                    );
                    // Equality and hashing are those of the stored bytes.
                    assert_eq!(v == w, want == raw);
                    assert_eq!(
                        hash_of(&state, &v),
                        hash_of(&state, &$name::<O>::from_bytes(want))
                    );
                }
            }
            let mut rng = Rng(0x5eed ^ $bytes as u64);
            one::<BigEndian>(&mut rng);
            one::<LittleEndian>(&mut rng);
        }
    };
}

fn same_int<T: PartialEq>(a: T, b: T) -> bool {
    a == b
}

layout_tests!(layout_u16, U16, u16, 2, same_int);
layout_tests!(layout_u32, U32, u32, 4, same_int);
layout_tests!(layout_u64, U64, u64, 8, same_int);
layout_tests!(layout_u128, U128, u128, 16, same_int);
layout_tests!(layout_usize, Usize, usize, size_of::<usize>(), same_int);
layout_tests!(layout_i16, I16, i16, 2, same_int);
layout_tests!(layout_i32, I32, i32, 4, same_int);
layout_tests!(layout_i64, I64, i64, 8, same_int);
layout_tests!(layout_i128, I128, i128, 16, same_int);
layout_tests!(layout_isize, Isize, isize, size_of::<isize>(), same_int);
layout_tests!(layout_f32, F32, f32, 4, |a, b| a.to_bits() == b.to_bits());
layout_tests!(layout_f64, F64, f64, 8, |a, b| a.to_bits() == b.to_bits());

#[test]
fn max_value_is_all_ones_in_either_order() {
    assert_eq!(U16::<BE>::MAX_VALUE.get(), u16::MAX);
    assert_eq!(U32::<LE>::MAX_VALUE.get(), u32::MAX);
    assert_eq!(U64::<BE>::MAX_VALUE.to_bytes(), [0xff; 8]);
    assert_eq!(U128::<LE>::MAX_VALUE.get(), u128::MAX);
    assert_eq!(Usize::<BE>::MAX_VALUE.get(), usize::MAX);
}

#[test]
fn orders_and_aliases() {
    assert_eq!(BigEndian::ORDER, Order::BigEndian);
    assert_eq!(LittleEndian::ORDER, Order::LittleEndian);
    assert_eq!(NetworkEndian::ORDER, Order::BigEndian);
    assert_eq!(BE::ORDER, Order::BigEndian);
    assert_eq!(LE::ORDER, Order::LittleEndian);
    let native = if u16::from_ne_bytes([1, 0]) == 1 {
        Order::LittleEndian
    } else {
        Order::BigEndian
    };
    assert_eq!(NativeEndian::ORDER, native);
    assert_eq!(
        native_endian::U32::new(0x0102_0304).to_bytes(),
        0x0102_0304u32.to_ne_bytes()
    );
    assert_eq!(big_endian::U16::new(0x0102).to_bytes(), [1, 2]);
    assert_eq!(
        network_endian::I32::new(-2).to_bytes(),
        [0xff, 0xff, 0xff, 0xfe]
    );
    assert_eq!(
        little_endian::U64::new(0x0102).to_bytes(),
        [2, 1, 0, 0, 0, 0, 0, 0]
    );
    assert_eq!(
        big_endian::F32::new(1.0).to_bytes(),
        1.0f32.to_bits().to_be_bytes()
    );
    assert_eq!(little_endian::Isize::new(-1).get(), -1);
    let _: big_endian::U128 = U128::<BigEndian>::ZERO;
    let _: little_endian::F64 = F64::<LittleEndian>::ZERO;
}

#[test]
fn new_and_get_are_const() {
    const V: U32<BE> = U32::new(0x0a0b_0c0d);
    const G: u32 = V.get();
    const B: [u8; 4] = V.to_bytes();
    const F: F64<LE> = F64::from_bytes(2.5f64.to_le_bytes());
    const FG: f64 = F.get();
    assert_eq!(B, [0x0a, 0x0b, 0x0c, 0x0d]);
    assert_eq!(G, 0x0a0b_0c0d);
    assert_eq!(FG, 2.5);
}

#[test]
fn debug_prints_the_type_and_number() {
    assert_eq!(format!("{:?}", U32::<BE>::new(7)), "U32(7)");
    assert_eq!(format!("{:?}", I16::<LE>::new(-3)), "I16(-3)");
    assert_eq!(format!("{:?}", F32::<BE>::new(1.5)), "F32(1.5)");
    assert_eq!(format!("{:x?}", U16::<LE>::new(255)), "U16(ff)");
}

// ---- The zerocast traits -------------------------------------------------------------------

#[test]
fn views_at_odd_addresses() {
    let mut buf = Aligned::<24>::from_fn(|i| i as u8 * 3);
    for off in [1, 3, 5, 7] {
        let v = U32::<BE>::ref_from_bytes(&buf.0[off..off + 4]).unwrap();
        let want: [u8; 4] = buf.0[off..off + 4].try_into().unwrap();
        assert_eq!(addr_of(v), addr(&buf.0[off..]));
        assert_eq!(v.get(), u32::from_be_bytes(want));
        assert_eq!(v.as_bytes(), want);
        let (w, rest) = U64::<LE>::ref_from_prefix(&buf.0[off..]).unwrap();
        let want: [u8; 8] = buf.0[off..off + 8].try_into().unwrap();
        assert_eq!(w.get(), u64::from_le_bytes(want));
        assert_eq!(rest.len(), 24 - off - 8);
        let t = I16::<BE>::try_ref_from_bytes(&buf.0[off..off + 2]).unwrap();
        assert_eq!(t.get(), i16::from_be_bytes([buf.0[off], buf.0[off + 1]]));
    }
    let words = <[U16<BE>]>::ref_from_bytes(&buf.0[1..9]).unwrap();
    assert_eq!(words.len(), 4);
    assert_eq!(words[3].get(), u16::from_be_bytes([buf.0[7], buf.0[8]]));
    let m = U32::<LE>::mut_from_bytes(&mut buf.0[9..13]).unwrap();
    m.set(0xdead_beef);
    assert_eq!(buf.0[9..13], 0xdead_beefu32.to_le_bytes());
    let r = F64::<BE>::read_from_bytes(&2.25f64.to_be_bytes()).unwrap();
    assert_eq!(r.get(), 2.25);
    assert_eq!(U128::<LE>::new_zeroed().get(), 0);
    assert_eq!(U32::<BE>::LAYOUT.align(), 1);
}

fn assert_all_traits<
    T: FromBytes + IntoBytes + KnownLayout + Immutable + Unaligned + FromZeros + TryFromBytes,
>() {
}

#[test]
fn every_type_has_every_trait() {
    assert_all_traits::<U16<BE>>();
    assert_all_traits::<U32<LE>>();
    assert_all_traits::<U64<BE>>();
    assert_all_traits::<U128<LE>>();
    assert_all_traits::<Usize<BE>>();
    assert_all_traits::<I16<LE>>();
    assert_all_traits::<I32<BE>>();
    assert_all_traits::<I64<LE>>();
    assert_all_traits::<I128<BE>>();
    assert_all_traits::<Isize<LE>>();
    assert_all_traits::<F32<BE>>();
    assert_all_traits::<F64<LE>>();
}

#[cfg(feature = "derive")]
mod derived {
    use super::*;

    /// An IPv4 header's fixed part, as a `repr(C)` struct of byte-order fields.
    #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, PartialEq)]
    #[repr(C)]
    struct Ipv4 {
        version_ihl: u8,
        tos: u8,
        total_len: U16<BE>,
        id: U16<BE>,
        frag: U16<BE>,
        ttl: u8,
        proto: u8,
        checksum: U16<BE>,
        src: U32<BE>,
        dst: U32<BE>,
    }

    #[test]
    fn struct_of_byteorder_fields_is_unaligned() {
        assert_eq!(align_of::<Ipv4>(), 1);
        assert_eq!(size_of::<Ipv4>(), 20);
        let mut buf = Aligned::<24>::from_fn(|i| i as u8);
        let h = Ipv4::ref_from_bytes(&buf.0[1..21]).unwrap();
        assert_eq!(h.total_len.get(), u16::from_be_bytes([3, 4]));
        assert_eq!(h.src.get(), u32::from_be_bytes([13, 14, 15, 16]));
        assert_eq!(h.dst.get(), u32::from_be_bytes([17, 18, 19, 20]));
        let h = Ipv4::mut_from_bytes(&mut buf.0[3..23]).unwrap();
        h.checksum.set(0xabcd);
        assert_eq!(buf.0[3 + 10..3 + 12], [0xab, 0xcd]);
    }
}

// ---- Conversions between widths ------------------------------------------------------------

/// `From` into every wider native and byte-order type, `TryFrom` from them, as the natives'.
macro_rules! widening_tests {
    ($test:ident, $W:ident, $native:ident, [$($wide:ident $Wide:ident),*]) => {
        #[test]
        fn $test() {
            let mut rng = Rng(0x31de ^ size_of::<$native>() as u64);
            for _ in 0..ROUNDS / 10 {
                let n = $native::from_ne_bytes(rng.bytes());
                let (be, le) = ($W::<BE>::new(n), $W::<LE>::new(n));
                $(
                    assert_eq!($wide::from(be), $wide::from(n));
                    assert_eq!($Wide::<LE>::from(be).get(), $wide::from(n));
                    assert_eq!($Wide::<BE>::from(le).get(), $wide::from(n));
                    let big = $wide::from_ne_bytes(rng.bytes());
                    let want = $native::try_from(big).ok();
                    assert_eq!($W::<BE>::try_from(big).ok().map($W::get), want);
                    assert_eq!($W::<LE>::try_from($Wide::<BE>::new(big)).ok().map($W::get), want);
                    // Small wide values always fit.
                    let small = $wide::from(n);
                    assert_eq!($W::<LE>::try_from(small).unwrap().get(), n);
                    assert_eq!($W::<BE>::try_from($Wide::<LE>::new(small)).unwrap().get(), n);
                )*
            }
        }
    };
}

widening_tests!(widen_u16, U16, u16, [u32 U32, u64 U64, u128 U128, usize Usize]);
widening_tests!(widen_u32, U32, u32, [u64 U64, u128 U128]);
widening_tests!(widen_u64, U64, u64, [u128 U128]);
widening_tests!(widen_i16, I16, i16, [i32 I32, i64 I64, i128 I128, isize Isize]);
widening_tests!(widen_i32, I32, i32, [i64 I64, i128 I128]);
widening_tests!(widen_i64, I64, i64, [i128 I128]);

#[test]
fn widen_f32() {
    let mut rng = Rng(0xf32);
    for _ in 0..ROUNDS / 10 {
        let n = f32::from_bits(u32::from_ne_bytes(rng.bytes()));
        let be = F32::<BE>::new(n);
        let want = f64::from(n);
        let same = |a: f64| a.to_bits() == want.to_bits() || (a.is_nan() && want.is_nan());
        assert!(same(f64::from(be)));
        assert!(same(F64::<LE>::from(be).get()));
    }
}

// ---- serde ---------------------------------------------------------------------------------

#[cfg(feature = "serde")]
pub(crate) mod serde_impls {
    use serde::de::value::{
        Error, F64Deserializer, I16Deserializer, StrDeserializer, U32Deserializer,
    };
    use serde::de::IntoDeserializer;
    use serde::ser::{self, Impossible, Serialize};
    use serde::Deserialize;

    use super::*;

    /// What a value serialized as: the serializer method called and the number.
    #[derive(Debug, PartialEq)]
    pub(crate) enum Seen {
        U16(u16),
        U32(u32),
        U64(u64),
        U128(u128),
        I16(i16),
        I32(i32),
        I64(i64),
        I128(i128),
        F32(u32),
        F64(u64),
    }

    /// A serializer that accepts one number and reports which one.
    pub(crate) struct Probe;

    macro_rules! probe_methods {
        ($($method:ident $t:ident => $seen:expr),*) => {$(
            fn $method(self, v: $t) -> Result<Seen, Error> {
                Ok($seen(v))
            }
        )*};
    }

    macro_rules! refuse {
        ($($method:ident($($arg:ty),*) $(-> $ret:ty)?),*) => {$(
            fn $method(self, $(_: $arg),*) -> Result<refuse!(@ret $($ret)?), Error> {
                Err(ser::Error::custom(stringify!($method)))
            }
        )*};
        (@ret) => { Seen };
        (@ret $ret:ty) => { $ret };
    }

    impl ser::Serializer for Probe {
        type Ok = Seen;
        type Error = Error;
        type SerializeSeq = Impossible<Seen, Error>;
        type SerializeTuple = Impossible<Seen, Error>;
        type SerializeTupleStruct = Impossible<Seen, Error>;
        type SerializeTupleVariant = Impossible<Seen, Error>;
        type SerializeMap = Impossible<Seen, Error>;
        type SerializeStruct = Impossible<Seen, Error>;
        type SerializeStructVariant = Impossible<Seen, Error>;

        probe_methods!(
            serialize_u16 u16 => Seen::U16, serialize_u32 u32 => Seen::U32,
            serialize_u64 u64 => Seen::U64, serialize_u128 u128 => Seen::U128,
            serialize_i16 i16 => Seen::I16, serialize_i32 i32 => Seen::I32,
            serialize_i64 i64 => Seen::I64, serialize_i128 i128 => Seen::I128,
            serialize_f32 f32 => |v: f32| Seen::F32(v.to_bits()),
            serialize_f64 f64 => |v: f64| Seen::F64(v.to_bits())
        );
        refuse!(
            serialize_bool(bool), serialize_i8(i8), serialize_u8(u8), serialize_char(char),
            serialize_str(&str), serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
            serialize_unit_struct(&'static str),
            serialize_unit_variant(&'static str, u32, &'static str),
            serialize_seq(Option<usize>) -> Self::SerializeSeq,
            serialize_tuple(usize) -> Self::SerializeTuple,
            serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct,
            serialize_tuple_variant(&'static str, u32, &'static str, usize)
                -> Self::SerializeTupleVariant,
            serialize_map(Option<usize>) -> Self::SerializeMap,
            serialize_struct(&'static str, usize) -> Self::SerializeStruct,
            serialize_struct_variant(&'static str, u32, &'static str, usize)
                -> Self::SerializeStructVariant
        );

        fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<Seen, Error> {
            Err(ser::Error::custom("some"))
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<Seen, Error> {
            Err(ser::Error::custom("newtype struct"))
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<Seen, Error> {
            Err(ser::Error::custom("newtype variant"))
        }
    }

    #[test]
    fn serializes_as_the_native_number() {
        assert_eq!(
            U16::<BE>::new(0x1234).serialize(Probe).unwrap(),
            Seen::U16(0x1234)
        );
        assert_eq!(U32::<LE>::new(7).serialize(Probe).unwrap(), Seen::U32(7));
        assert_eq!(
            U64::<BE>::new(u64::MAX - 1).serialize(Probe).unwrap(),
            Seen::U64(u64::MAX - 1)
        );
        assert_eq!(
            U128::<LE>::new(1 << 100).serialize(Probe).unwrap(),
            Seen::U128(1 << 100)
        );
        assert_eq!(
            Usize::<BE>::new(9).serialize(Probe),
            usize::serialize(&9, Probe)
        );
        assert_eq!(I16::<LE>::new(-2).serialize(Probe).unwrap(), Seen::I16(-2));
        assert_eq!(
            I32::<BE>::new(i32::MIN).serialize(Probe).unwrap(),
            Seen::I32(i32::MIN)
        );
        assert_eq!(I64::<LE>::new(-5).serialize(Probe).unwrap(), Seen::I64(-5));
        assert_eq!(
            I128::<BE>::new(-1 << 100).serialize(Probe).unwrap(),
            Seen::I128(-1 << 100)
        );
        assert_eq!(
            Isize::<LE>::new(-9).serialize(Probe),
            isize::serialize(&-9, Probe)
        );
        assert_eq!(
            F32::<BE>::new(1.5).serialize(Probe).unwrap(),
            Seen::F32(1.5f32.to_bits())
        );
        assert_eq!(
            F64::<LE>::new(-0.25).serialize(Probe).unwrap(),
            Seen::F64((-0.25f64).to_bits())
        );
    }

    #[test]
    fn deserializes_from_the_native_number() {
        let d: U32Deserializer<Error> = 0x0102_0304u32.into_deserializer();
        let v = U32::<BE>::deserialize(d).unwrap();
        assert_eq!(v.to_bytes(), [1, 2, 3, 4]);
        let d: U32Deserializer<Error> = 0x0102_0304u32.into_deserializer();
        assert_eq!(U32::<LE>::deserialize(d).unwrap().to_bytes(), [4, 3, 2, 1]);
        // A value that fits converts, as for the native type; one that does not is an error.
        let d: U32Deserializer<Error> = 300u32.into_deserializer();
        assert_eq!(U16::<BE>::deserialize(d).unwrap().get(), 300);
        let d: U32Deserializer<Error> = 70_000u32.into_deserializer();
        assert!(U16::<BE>::deserialize(d).is_err());
        let d: I16Deserializer<Error> = (-3i16).into_deserializer();
        assert_eq!(I64::<LE>::deserialize(d).unwrap().get(), -3);
        let d: F64Deserializer<Error> = 2.5f64.into_deserializer();
        assert_eq!(
            F64::<BE>::deserialize(d).unwrap().to_bytes(),
            2.5f64.to_be_bytes()
        );
        let d: StrDeserializer<'_, Error> = "12".into_deserializer();
        assert!(
            U32::<BE>::deserialize(d).is_err(),
            "a string is not a number"
        );
    }
}

// ---- byteorder at the root -----------------------------------------------------------------

/// The root re-exports, named by their full paths (hence a module of their own: the imports
/// above would make those paths needlessly qualified).
mod at_root {
    use zerocast::IntoBytes;

    /// Takes the `byteorder` module's type: a root path naming another type would not compile.
    fn module_u32(v: zerocast::byteorder::U32<zerocast::byteorder::BigEndian>) -> u32 {
        v.get()
    }

    #[test]
    fn byteorder_at_root_are_the_module_items() {
        let x = 0x1234_5678u32;
        assert_eq!(module_u32(zerocast::U32::<zerocast::BigEndian>::new(x)), x);
        assert_eq!(module_u32(zerocast::big_endian::U32::new(x)), x);
        assert_eq!(module_u32(zerocast::network_endian::U32::new(x)), x);
        assert_eq!(module_u32(zerocast::U32::<zerocast::BE>::new(x)), x);
        assert_eq!(
            module_u32(zerocast::U32::<zerocast::NetworkEndian>::new(x)),
            x
        );

        assert_eq!(
            zerocast::U16::<zerocast::BigEndian>::new(0x1234).as_bytes(),
            &0x1234u16.to_be_bytes()
        );
        assert_eq!(
            zerocast::little_endian::I64::new(-5).as_bytes(),
            &(-5i64).to_le_bytes()
        );
        assert_eq!(
            zerocast::native_endian::U128::new(7).as_bytes(),
            &7u128.to_ne_bytes()
        );
        assert_eq!(
            zerocast::U64::<zerocast::LE>::new(1 << 40).as_bytes(),
            &(1u64 << 40).to_le_bytes()
        );
        assert_eq!(
            zerocast::I16::<zerocast::LittleEndian>::new(-2).as_bytes(),
            &(-2i16).to_le_bytes()
        );
        assert_eq!(
            zerocast::I32::<zerocast::NativeEndian>::new(-3).as_bytes(),
            &(-3i32).to_ne_bytes()
        );
        assert_eq!(
            zerocast::I128::<zerocast::BE>::new(-9).as_bytes(),
            &(-9i128).to_be_bytes()
        );
        assert_eq!(
            zerocast::Usize::<zerocast::BE>::new(3).as_bytes(),
            &3usize.to_be_bytes()
        );
        assert_eq!(
            zerocast::Isize::<zerocast::LE>::new(-3).as_bytes(),
            &(-3isize).to_le_bytes()
        );
        assert_eq!(
            zerocast::F32::<zerocast::BE>::new(1.5).as_bytes(),
            &1.5f32.to_be_bytes()
        );
        assert_eq!(
            zerocast::F64::<zerocast::LE>::new(-0.25).as_bytes(),
            &(-0.25f64).to_le_bytes()
        );
        assert_eq!(
            zerocast::U16::<zerocast::LE>::new(0x1234).as_bytes(),
            &0x1234u16.to_le_bytes()
        );

        fn order<O: zerocast::ByteOrder>() -> zerocast::Order {
            O::ORDER
        }
        assert_eq!(order::<zerocast::BE>(), zerocast::Order::BigEndian);
        assert_eq!(order::<zerocast::LE>(), zerocast::Order::LittleEndian);
        let native = if cfg!(target_endian = "big") {
            zerocast::Order::BigEndian
        } else {
            zerocast::Order::LittleEndian
        };
        assert_eq!(order::<zerocast::NativeEndian>(), native);
    }
}
