// SPDX-License-Identifier: MIT OR Apache-2.0
//! Hygiene of the generated code: every derive and macro, used in a `#[no_implicit_prelude]`
//! module where every name the generated code could reach for unqualified is shadowed by
//! something else.
//!
//! The module `shadowed` has no prelude, and declares items named like:
//!
//! - every primitive type (`u8`, `u16`, ..., `bool`, `char`, `str`), as aliases of primitive
//!   types of *another* size or as structs, so that generated code which names a primitive
//!   unqualified either fails to compile or reads the wrong number of bytes;
//! - `core`, `std`, `alloc` and `zerocast`, as empty modules (`::core` and `::zerocast` still
//!   work: generated code must use them);
//! - the prelude's items (`Option`, `Some`, `Result`, `Ok`, `size_of`, `Clone`, ...) and its
//!   macros (`panic!`, `assert!`, ...), the latter as macros that fail to compile when used;
//! - the generated items (`__ZcTag`, `__ZcV1`, `__ZcEnum`, `__ZcFields`, `__D0`, `__W`,
//!   `__MASK`, `__zc_constructs`, ...) and the generated local variables and parameters
//!   (`candidate`, `tag`, `bits`, `found`, `offset`, `v`, ...), the latter as constants, which
//!   would turn a generated `let tag = ..` into a pattern matching the constant.
//!
//! Two of the shadowing items are also *used*: the discriminant `Stop` of `Cmd` is computed from
//! the user's `__ZcV1` (2 bytes, so `Stop` is 7), and the variant `Cmd::Wrap` holds the user's
//! `__ZcTag`; generated code that declares items of those names next to a copy of the user's
//! expressions and types changes what they mean.
//!
//! The tests outside the module check the results: which bytes validate and which are rejected
//! (with the offset, field and value of the error), sizes, field values and bit-field getters.
//! Each expected value comes from the layout rules of the Rust Reference, the documented
//! behaviour, or arithmetic (`to_ne_bytes`), never from zerocast's output.
//!
//! Shadowing that made the generated code *compile* while it checked the wrong thing (an
//! `IntoBytes` enum with padding, a `FromZeros` enum with no zero variant) is tested by the
//! UI tests `tests/ui/shadowed_primitive_padded_enum.rs` and
//! `tests/ui/shadowed_primitive_no_zero_variant.rs`, as the right behaviour there is a compile
//! error; a user constant named like a generated local by `tests/ui/hygiene_reserved_local.rs`.
#![cfg(feature = "derive")]

#[no_implicit_prelude]
#[allow(
    dead_code,
    missing_docs,
    non_camel_case_types,
    non_upper_case_globals,
    unused_macros,
    unused_imports,
    clippy::all
)]
pub mod shadowed {
    // The real primitive types, for the code written here.
    use ::core::primitive as p;

    // ---- Shadowing ------------------------------------------------------------------------

    // Primitive types: aliases of a primitive of another size (so that a generated
    // `u16::from_ne_bytes`, `size_of::<u16>()` or `as u16` compiles but means something
    // else), or structs.
    pub type u8 = p::u16;
    pub type u16 = p::u8;
    pub type u32 = p::u8;
    pub type u64 = p::u8;
    pub type u128 = p::u8;
    pub type usize = p::u8;
    pub type i8 = p::i16;
    pub type i16 = p::i8;
    pub type i32 = p::i8;
    pub type i64 = p::i8;
    pub type i128 = p::i8;
    pub type isize = p::i8;
    pub type f32 = p::f64;
    pub type f64 = p::f32;
    pub type char = p::u8;
    pub struct bool;
    pub struct str;

    // Crate names: relative paths through them find nothing.
    pub mod core {}
    pub mod std {}
    pub mod alloc {}
    pub mod zerocast {}

    // The prelude's items.
    pub struct Option;
    pub struct Some;
    pub struct None;
    pub struct Result;
    pub struct Ok;
    pub struct Err;
    pub struct Box;
    pub struct Vec;
    pub struct String;
    pub trait Default {}
    pub trait Clone {}
    pub trait Copy {}
    pub trait PartialEq {}
    pub trait Eq {}
    pub trait PartialOrd {}
    pub trait Ord {}
    pub trait Hash {}
    pub trait Debug {}
    pub trait Into {}
    pub trait From {}
    pub trait Sized {}
    pub trait Send {}
    pub trait Sync {}
    pub trait Drop {}
    pub trait Fn {}
    pub trait FnMut {}
    pub trait FnOnce {}
    pub trait Iterator {}
    pub trait IntoIterator {}
    pub trait AsRef {}
    pub trait AsMut {}
    pub trait ToOwned {}
    pub trait ToString {}
    pub trait TryFrom {}
    pub trait TryInto {}
    /// Wrong on purpose: generated code that calls this gets 1000.
    pub const fn size_of<T>() -> p::usize {
        1000
    }
    /// Wrong on purpose: generated code that calls this gets 1000.
    pub const fn align_of<T>() -> p::usize {
        1000
    }
    pub fn drop<T>(_: T) {}

    // The prelude's macros: generated code that uses one unqualified fails to compile.
    macro_rules! panic {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `panic!` unqualified")
        };
    }
    macro_rules! assert {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `assert!` unqualified")
        };
    }
    macro_rules! assert_eq {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `assert_eq!` unqualified")
        };
    }
    macro_rules! debug_assert {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `debug_assert!` unqualified")
        };
    }
    macro_rules! unreachable {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `unreachable!` unqualified")
        };
    }
    macro_rules! matches {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `matches!` unqualified")
        };
    }
    macro_rules! concat {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `concat!` unqualified")
        };
    }
    macro_rules! stringify {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `stringify!` unqualified")
        };
    }
    macro_rules! format_args {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `format_args!` unqualified")
        };
    }
    macro_rules! include_bytes {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `include_bytes!` unqualified")
        };
    }
    macro_rules! offset_of {
        ($($t:tt)*) => {
            ::core::compile_error!("generated code uses `offset_of!` unqualified")
        };
    }

    // The items the derives and macros generate (crates/zerocast-derive/src/data_enum.rs,
    // expand.rs, bitfield.rs, record.rs).
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::TryFromBytes,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(C)]
    pub struct __ZcTag {
        pub lo: p::u8,
        pub ok: p::bool,
    }
    /// Two bytes: `Cmd::Stop` is `2 + 5`.
    pub struct __ZcV1([p::u8; 2]);
    pub struct __ZcV0;
    pub struct __ZcV2;
    pub struct __ZcV3;
    pub struct __ZcEnum;
    pub const __D0: p::u8 = 0xEE;
    pub const __D1: p::u8 = 0xEE;
    pub const __D2: p::u8 = 0xEE;
    pub const __D3: p::u8 = 0xEE;
    pub const __ZC_D0: p::u128 = 0xEE;
    pub const __ZC_D1: p::u128 = 0xEE;
    pub const __W: p::usize = 1000;
    pub const __MASK: p::u128 = 0;
    pub fn __zc_constructs() {}
    pub struct __zc_marker;
    pub struct __zc_fields;
    pub const __zc: () = ();
    pub const __zerocast_p: () = (); // the macros' locals before they were `__zc_*`
    pub const __zerocast_v: () = ();

    // The names generated code used to give its local variables and parameters: a constant of
    // that name turns a `let name = ..` or a parameter `name: T` into a pattern that matches
    // the constant. Generated locals are now all named `__zc_*` (a prefix the docs reserve; a
    // user constant with such a name is a compile error, E0530, never a silent change: see
    // tests/ui/hygiene_reserved_local.rs), except the parameters of the public methods that
    // `bitfield!` generates, which keep readable names for their docs (`bits`, `v`).
    pub const candidate: () = ();
    pub const tag: () = ();
    pub const found: () = ();
    pub const offset: () = ();
    pub const first: () = ();
    pub const length: () = ();
    pub const layout: () = ();
    pub const wrap: () = ();
    pub const bytes: () = ();
    pub const meta: () = ();
    pub const ptr: () = ();
    pub const state: () = ();
    pub const other: () = ();
    pub const data: () = ();
    pub const max: () = ();
    pub const msg: () = ();
    pub const a: () = ();
    pub const b: () = ();
    pub const d: () = ();
    pub const e: () = ();
    pub const f: () = ();
    pub const i: () = ();
    pub const s: () = ();
    pub const t: () = ();

    // ---- Fieldless enums ------------------------------------------------------------------

    /// The example: with `u16` the alias of `u8`, a validator that reads one byte
    /// accepts `[0, 2]`.
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::FromZeros,
        ::zerocast::IntoBytes,
        ::zerocast::ByteEq,
        ::zerocast::ByteHash,
        ::core::fmt::Debug,
        ::core::clone::Clone,
        ::core::marker::Copy,
    )]
    #[repr(u16)]
    pub enum Op {
        Read = 0,
        Write = 1,
    }

    /// Two bits' worth of variants: a `BitEnum` too.
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::FromZeros,
        ::zerocast::IntoBytes,
        ::zerocast::Unaligned,
        ::zerocast::BitEnum,
        ::core::fmt::Debug,
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
    )]
    #[repr(u8)]
    pub enum Level {
        Low,
        Mid,
        High,
        Top,
    }

    /// Three variants in two bits: a checked (`as?`) bit-field type.
    #[derive(
        ::zerocast::BitEnum,
        ::core::fmt::Debug,
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
    )]
    #[repr(u8)]
    pub enum Mode3 {
        Off = 0,
        On = 1,
        Auto = 2,
    }

    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::FromZeros,
        ::zerocast::IntoBytes,
        ::zerocast::Unaligned,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(i8)]
    pub enum Signed {
        Neg = -2,
        Zero = 0,
        Pos = 3,
    }

    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::TryFromBytes,
        ::zerocast::IntoBytes,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(u32)]
    pub enum Wide {
        A = 1,
        B = 0x0001_0000,
        C = 0xFFFF_FFFF,
    }

    /// `repr(C)`: the discriminant is a C `int` (4 bytes on the targets this is tested on).
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::TryFromBytes,
        ::zerocast::IntoBytes,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(C)]
    pub enum CEnum {
        One = 1,
        MinusOne = -1,
    }

    pub const ZBASE: p::u16 = 256;

    /// Discriminants the derive cannot evaluate: `FromZeros` rests on the compiler's
    /// assertion that one of them is 0 (`B`; `A` is 256, which is 0 only when truncated).
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::FromZeros,
        ::zerocast::IntoBytes,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(u16)]
    pub enum ZeroExpr {
        A = ZBASE,
        B = ZBASE - 256,
    }

    // ---- Enums with fields ----------------------------------------------------------------

    /// `repr(u8)` (Reference: a `repr(C)` union of `repr(C)` structs `{ tag: u8, fields.. }`):
    /// `Set` is `{ u8 @0, bool @1, u32 @4 }` (size 8, align 4); `Wrap` is `{ u8 @0, __ZcTag
    /// @1 }` (`lo` @1, `ok` @2). Size 8, align 4. Tags: 0, 1, 7 (= 2 + 5), 8.
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::TryFromBytes,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(u8)]
    pub enum Cmd {
        Nop,
        Set(p::bool, p::u32),
        Stop = ::core::mem::size_of::<__ZcV1>() as p::u8 + 5,
        Wrap(__ZcTag),
    }

    /// A user type named like the `repr(C)` mirror's union, as a variant's field:
    /// `{ code: u16 @0, level: Level @2, pad: u8 @3 }`, size 4, align 2.
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::TryFromBytes,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(C)]
    pub struct __ZcFields {
        pub code: p::u16,
        pub level: Level,
        pub pad: p::u8,
    }

    /// `repr(C)` (Reference: a `repr(C)` struct `{ tag: C int, fields: repr(C) union }`): the
    /// tag is 4 bytes at 0, the union (align 2, size 4) at 4. `Data`: `len` @4, `flag` @6;
    /// `Code`: `code` @4, `level` @6, `pad` @7. Size 8.
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::TryFromBytes,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(C)]
    pub enum Packet {
        Empty,
        Data { len: p::u16, flag: p::bool },
        Code(__ZcFields),
    }

    /// `repr(C, u8)`: the tag (1 byte) at 0, the union (align 1, size 2) at 1. `A` is 0, so
    /// `FromZeros`; every variant fills the 3 bytes, so `IntoBytes`.
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::FromZeros,
        ::zerocast::IntoBytes,
        ::zerocast::Unaligned,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(C, u8)]
    pub enum Short {
        A([p::u8; 2]),
        B { x: p::u8, y: p::bool },
    }

    /// `repr(u8)` with no padding: `A` is `{ u8 @0, [u8; 3] @1 }`, `B` is `{ u8 @0, u8 @1,
    /// u16 @2 }`. Size 4, align 2.
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::FromZeros,
        ::zerocast::IntoBytes,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(u8)]
    pub enum Word {
        A([p::u8; 3]),
        B(p::u8, p::u16),
    }

    // ---- Structs and unions ---------------------------------------------------------------

    /// `kind` @0 (2 bytes), `flags` @2, `level` @3, `len` @4. Size 8, no padding.
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::FromZeros,
        ::zerocast::IntoBytes,
        ::zerocast::ByteEq,
        ::zerocast::ByteHash,
        ::core::fmt::Debug,
    )]
    #[repr(C)]
    pub struct Header {
        pub kind: Op,
        pub flags: p::u8,
        pub level: Level,
        pub len: p::u32,
    }

    /// `a` @0, `b` @2, `c` @4. Size 8.
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::FromBytes,
        ::zerocast::IntoBytes,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(C)]
    pub struct Plain {
        pub a: p::u16,
        pub b: [p::u8; 2],
        pub c: p::u32,
    }

    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::FromBytes,
        ::zerocast::IntoBytes,
        ::zerocast::Unaligned,
    )]
    #[repr(C, packed)]
    pub struct Packed {
        pub a: p::u8,
        pub b: p::u32,
    }

    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::FromBytes,
        ::zerocast::IntoBytes,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[repr(transparent)]
    pub struct Meters(pub p::u32);

    /// Slice-tailed: `len` @0, `kind` @2, `pad` @3, `data` @4 (elements of 2 bytes). `len`
    /// counts the elements.
    #[derive(
        ::zerocast::KnownLayout,
        ::zerocast::Immutable,
        ::zerocast::TryFromBytes,
        ::zerocast::IntoBytes,
        ::zerocast::SplitAt,
        ::zerocast::Record,
    )]
    #[zerocast(len = len, unit = elements)]
    #[repr(C)]
    pub struct Frame {
        pub len: p::u16,
        pub kind: Level,
        pub pad: p::u8,
        pub data: [p::u16],
    }

    /// A netlink-style attribute: `hdr_len` counts the 4-byte header and the payload; the next
    /// record starts at a multiple of 2.
    #[derive(
        ::zerocast::KnownLayout, ::zerocast::Immutable, ::zerocast::FromBytes, ::zerocast::Record,
    )]
    #[zerocast(len = hdr_len, unit = bytes, includes_header, align = 2)]
    #[repr(C)]
    pub struct Attr {
        pub hdr_len: p::u16,
        pub kind: p::u16,
        pub data: [p::u8],
    }

    #[derive(
        ::zerocast::KnownLayout, ::zerocast::Immutable, ::zerocast::FromBytes, ::zerocast::IntoBytes,
    )]
    #[repr(C)]
    pub union Either {
        pub a: p::u32,
        pub b: [p::u8; 4],
    }

    /// Valid if either field is: bytes 0 and 1 (`bool`), 0 to 3 (`Level`).
    #[derive(::zerocast::KnownLayout, ::zerocast::Immutable, ::zerocast::TryFromBytes)]
    #[repr(C)]
    pub union Choice {
        pub flag: p::bool,
        pub level: Level,
    }

    /// The file holds the 8 bytes `zerocast`.
    #[derive(::zerocast::KnownLayout, ::zerocast::Immutable, ::zerocast::FromBytes)]
    #[repr(C)]
    pub struct Halves {
        pub lo: [p::u8; 4],
        pub hi: [p::u8; 4],
    }

    // ---- bitfield! ------------------------------------------------------------------------

    ::zerocast::bitfield! {
        /// bool, reserved, enum, checked enum, and a full-width integer.
        pub struct Ctrl(::core::primitive::u16) {
            15 enable as ::core::primitive::bool;
            14:12 _ = 0;
            11:10 level as Level;
            9:8 mode as? Mode3;
            7:0 count as ::core::primitive::u8;
        }

        /// Every bit pattern valid: `FromBytes`; a narrow integer field (`Bounded`).
        pub struct Small(::core::primitive::u8) {
            7 on as ::core::primitive::bool;
            6:4 prio as ::core::primitive::u8;
            3:0 _;
        }

        /// A big-endian storage.
        pub struct BeWord(::zerocast::byteorder::U16<::zerocast::byteorder::BigEndian>) {
            15:8 hi as ::core::primitive::u8;
            7:4 mid as ::core::primitive::u8;
            3:2 lvl as Level;
            1:0 _;
        }

        /// A field checked when read (`?=>`), a reserved one, a full-width integer.
        pub struct Status(::core::primitive::u16) {
            15 ready as ::core::primitive::bool;
            14 _ = 1;
            9:8 mode ?=> Mode3;
            7:0 count as ::core::primitive::u8;
        }
    }

    /// `Ctrl` with `enable` and `mode = On`, built from raw bits in `const`.
    pub const CTRL: Ctrl = match Ctrl::try_from_bits(0x8000 | 1 << 8) {
        ::core::result::Result::Ok(ctrl) => ctrl,
        ::core::result::Result::Err(_) => ::core::panic!("valid"),
    };

    /// The error of `Ctrl` bits with `mode = 3`, found in `const`.
    pub const CTRL_ERROR: ::core::option::Option<::zerocast::InvalidBits> =
        match Ctrl::try_from_bits(3 << 8) {
            ::core::result::Result::Ok(_) => ::core::option::Option::None,
            ::core::result::Result::Err(err) => ::core::option::Option::Some(err),
        };

    /// `Status` with `ready`, the reserved bit, `mode = 3` (no variant) and `count = 7`, then
    /// `count` set to 9 through its checked setter.
    pub const STATUS: Status = match Status::try_from_bits(0xC000 | 3 << 8 | 7) {
        ::core::result::Result::Ok(status) => match status.try_with_count(9) {
            ::core::result::Result::Ok(set) => set.with_count_const::<10>().with_count(9),
            ::core::result::Result::Err(_) => ::core::panic!("fits"),
        },
        ::core::result::Result::Err(_) => ::core::panic!("valid"),
    };

    // ---- Device pointers ------------------------------------------------------------------

    #[repr(C)]
    pub struct Regs {
        pub ctrl: ::zerocast::device::ReadWrite<p::u32>,
        pub status: ::zerocast::device::ReadOnly<p::u32>,
        pub fifo: [::zerocast::device::ReadWrite<p::u8>; 4],
    }

    /// Writes `ctrl` (0x1234) and `fifo[2]` (9) through `field!`, then reads `ctrl`, `status`
    /// (0x55) and `fifo[2]` back through `split_fields!` and `field!`.
    pub fn device_io() -> (p::u32, p::u32, p::u8) {
        let mut regs = Regs {
            ctrl: ::zerocast::device::ReadWrite::new(1),
            status: ::zerocast::device::ReadOnly::new(0x55),
            fifo: [
                ::zerocast::device::ReadWrite::new(0),
                ::zerocast::device::ReadWrite::new(0),
                ::zerocast::device::ReadWrite::new(0),
                ::zerocast::device::ReadWrite::new(0),
            ],
        };
        let mut dev = ::zerocast::device::DevicePtrMut::from_mut(&mut regs);
        ::zerocast::field!(dev.reborrow(), Regs, ctrl).write(0x1234);
        let mut slot = ::zerocast::field!(dev.reborrow(), Regs, fifo).at::<2>();
        slot.write(9);
        let slot_value = slot.read();
        let (mut ctrl_reg, mut status_reg) = ::zerocast::split_fields!(dev, Regs, ctrl, status);
        (ctrl_reg.read(), status_reg.read(), slot_value)
    }

    // ---- cryptocorrosion_derive_traits! -----------------------------------------------------

    // `u16` is a one-byte alias here: a padding check that named it unqualified would see 3
    // bytes of fields in a 4-byte struct; one that called `size_of` unqualified would get 1000.
    ::zerocast::cryptocorrosion_derive_traits! {
        #[repr(C)]
        #[derive(::core::fmt::Debug, ::core::cmp::PartialEq)]
        pub struct CcNamed {
            pub lo: [p::u8; 2],
            pub hi: p::u16,
        }
    }

    ::zerocast::cryptocorrosion_derive_traits! {
        #[repr(C)]
        #[derive(::core::fmt::Debug, ::core::cmp::PartialEq)]
        pub struct CcTuple(pub p::u32, pub [p::u8; 4]);
    }

    ::zerocast::cryptocorrosion_derive_traits! {
        #[repr(C)]
        pub union CcUnion {
            pub word: p::u32,
            pub bytes: [p::u8; 4],
        }
    }

    ::zerocast::cryptocorrosion_derive_traits! {
        #[repr(transparent)]
        #[derive(::core::fmt::Debug, ::core::cmp::PartialEq)]
        pub struct CcLanes<W>(pub [W; 2]);
    }

    // ---- include_value! and the transmute macros ------------------------------------------

    pub const WORD: p::u64 = ::zerocast::include_value!("data/include_value.bin");
    pub const HALVES: Halves = ::zerocast::include_value!("data/include_value.bin");

    /// `a` = bytes 0..2, `b` = [2, 3], `c` = bytes 4..8.
    pub const PLAIN: Plain = ::zerocast::transmute!([1u8, 0, 2, 3, 4, 0, 0, 0]);
    /// The first 2 bytes of 8.
    pub const SHRUNK: [p::u8; 2] =
        ::zerocast::transmute!(#![allow(shrink)] [5u8, 6, 7, 8, 9, 10, 11, 12]);

    pub fn plain_words(x: &Plain) -> &[p::u16; 4] {
        ::zerocast::transmute_ref!(x)
    }

    pub fn plain_bytes_mut(x: &mut Plain) -> &mut [p::u8; 8] {
        ::zerocast::transmute_mut!(x)
    }

    pub fn frame_words(x: &Frame) -> &[p::u16] {
        ::zerocast::transmute_ref!(x)
    }

    pub fn op_from(
        x: [p::u8; 2],
    ) -> ::core::result::Result<Op, ::zerocast::ValidityError<[p::u8; 2], Op>> {
        ::zerocast::try_transmute!(x)
    }

    pub fn level_ref(
        x: &p::u8,
    ) -> ::core::result::Result<&Level, ::zerocast::ValidityError<&p::u8, Level>> {
        ::zerocast::try_transmute_ref!(x)
    }

    pub fn short_mut(
        x: &mut [p::u8; 3],
    ) -> ::core::result::Result<&mut Short, ::zerocast::ValidityError<&mut [p::u8; 3], Short>> {
        ::zerocast::try_transmute_mut!(x)
    }
}

// ---- The results ------------------------------------------------------------------------------

use core::hash::{BuildHasher, Hasher};
use std::hash::RandomState;

use zerocast::record::{record_from_bytes, record_from_prefix};
use zerocast::{ConvertError, FromBytes, FromZeros, IntoBytes, InvalidBits, SplitAt, TryFromBytes};

use shadowed::{
    __ZcFields, __ZcTag, Attr, BeWord, CEnum, CcLanes, CcNamed, CcTuple, CcUnion, Choice, Cmd,
    Ctrl, Either, Frame, Halves, Header, Level, Meters, Mode3, Op, Packed, Packet, Plain, Short,
    Signed, Small, Status, Wide, Word, ZeroExpr,
};

/// The facts of an `InvalidBits`: offset, value found, innermost field.
type Facts = (usize, Option<u128>, Option<(&'static str, &'static str)>);

fn facts(e: InvalidBits) -> Facts {
    (e.offset(), e.found(), e.field())
}

/// The validity error of reading a `T` from `bytes`.
fn invalid<T: TryFromBytes + core::fmt::Debug>(bytes: &[u8]) -> Facts {
    match T::try_read_from_bytes(bytes) {
        Err(ConvertError::Validity(e)) => facts(e.invalid()),
        other => panic!("expected a validity error, got {other:?}"),
    }
}

/// Whether `bytes` are a valid `T`.
fn valid<T: TryFromBytes>(bytes: &[u8]) -> bool {
    T::try_read_from_bytes(bytes).is_ok()
}

// ---- Fieldless enums ----------------------------------------------------------------------------

#[test]
fn repr_u16_reads_both_bytes() {
    assert_eq!(size_of::<Op>(), 2);
    for value in 0..=u16::MAX {
        let bytes = value.to_ne_bytes();
        match value {
            0 => assert!(matches!(Op::try_read_from_bytes(&bytes), Ok(Op::Read))),
            1 => assert!(matches!(Op::try_read_from_bytes(&bytes), Ok(Op::Write))),
            _ => assert_eq!(
                invalid::<Op>(&bytes),
                (0, Some(u128::from(value)), None),
                "{value:#x}"
            ),
        }
    }
    // The case: the second byte is checked too.
    assert!(!valid::<Op>(&0x0200u16.to_ne_bytes()));
    assert_eq!(Op::Write.as_bytes(), &1u16.to_ne_bytes());
    assert!(matches!(Op::new_zeroed(), Op::Read));
}

#[test]
fn repr_u8_and_i8_every_byte() {
    for byte in 0..=u8::MAX {
        assert_eq!(valid::<Level>(&[byte]), byte <= 3, "{byte}");
        // -2, 0 and 3.
        assert_eq!(
            valid::<Signed>(&[byte]),
            matches!(byte, 0xFE | 0 | 3),
            "{byte}"
        );
        if !matches!(byte, 0xFE | 0 | 3) {
            assert_eq!(
                invalid::<Signed>(&[byte]),
                (0, Some(u128::from(byte)), None)
            );
        }
    }
    assert_eq!(Level::try_read_from_bytes(&[2]).unwrap(), Level::High);
    assert_eq!(Signed::try_read_from_bytes(&[0xFE]).unwrap(), Signed::Neg);
    assert_eq!(Signed::new_zeroed(), Signed::Zero);
    assert_eq!(Level::new_zeroed(), Level::Low);
    assert_eq!(Signed::Neg.as_bytes(), &[0xFE]);
    // Slices go through the byte-wise rule.
    assert!(<[Level]>::try_ref_from_bytes(&[0, 1, 2, 3, 3, 2][..]).is_ok());
    assert!(<[Level]>::try_ref_from_bytes(&[0, 1, 2, 3, 4, 2][..]).is_err());
    assert!(<[Signed]>::try_ref_from_bytes(&[0xFE, 0, 3][..]).is_ok());
    assert!(<[Signed]>::try_ref_from_bytes(&[0xFE, 0, 1][..]).is_err());
}

#[test]
fn repr_u32_reads_four_bytes() {
    assert_eq!(size_of::<Wide>(), 4);
    for value in [1u32, 0x0001_0000, 0xFFFF_FFFF] {
        assert!(valid::<Wide>(&value.to_ne_bytes()), "{value:#x}");
    }
    for value in [0u32, 2, 0x100, 0x0101_0000, 0xFFFF_FFFE, 0x0100_0001] {
        assert_eq!(
            invalid::<Wide>(&value.to_ne_bytes()),
            (0, Some(u128::from(value)), None),
            "{value:#x}"
        );
    }
    assert_eq!(Wide::B.as_bytes(), &0x0001_0000u32.to_ne_bytes());
}

#[test]
fn repr_c_fieldless() {
    assert_eq!(size_of::<CEnum>(), 4);
    assert_eq!(
        CEnum::try_read_from_bytes(&1i32.to_ne_bytes()).unwrap(),
        CEnum::One
    );
    assert_eq!(
        CEnum::try_read_from_bytes(&(-1i32).to_ne_bytes()).unwrap(),
        CEnum::MinusOne
    );
    for value in [0u32, 2, 0xFFFF_FFFE, 0x0100_0001] {
        assert_eq!(
            invalid::<CEnum>(&value.to_ne_bytes()),
            (0, Some(u128::from(value)), None),
            "{value:#x}"
        );
    }
}

#[test]
fn discriminants_given_by_constants() {
    assert_eq!(ZeroExpr::new_zeroed(), ZeroExpr::B);
    assert_eq!(
        ZeroExpr::try_read_from_bytes(&256u16.to_ne_bytes()).unwrap(),
        ZeroExpr::A
    );
    assert_eq!(invalid::<ZeroExpr>(&1u16.to_ne_bytes()), (0, Some(1), None));
    assert_eq!(
        invalid::<ZeroExpr>(&257u16.to_ne_bytes()),
        (0, Some(257), None)
    );
}

// ---- Enums with fields ------------------------------------------------------------------------

/// The 8 bytes of a `Cmd`: `tag`, then `rest` from byte 1; the other bytes 0xEE.
fn cmd(tag: u8, rest: &[u8]) -> [u8; 8] {
    let mut b = [0xEE; 8];
    b[0] = tag;
    b[1..1 + rest.len()].copy_from_slice(rest);
    b
}

#[test]
fn repr_u8_data_enum_layout_and_tags() {
    assert_eq!((size_of::<Cmd>(), align_of::<Cmd>()), (8, 4));
    // The discriminant expression names the user's `__ZcV1`, 2 bytes.
    assert_eq!(size_of::<__ZcTag>(), 2);
    let stop = 2 + 5;
    for t in 0..=u8::MAX {
        match t {
            0 => assert_eq!(Cmd::try_read_from_bytes(&cmd(0, &[])).unwrap(), Cmd::Nop),
            1 | 8 => {}
            _ if t == stop => {
                assert_eq!(Cmd::try_read_from_bytes(&cmd(t, &[])).unwrap(), Cmd::Stop)
            }
            _ => assert_eq!(
                invalid::<Cmd>(&cmd(t, &[])),
                (0, Some(u128::from(t)), None),
                "tag {t}"
            ),
        }
    }
}

#[test]
fn repr_u8_data_enum_fields_at_their_offsets() {
    // `Set`: the `bool` at 1, padding at 2 and 3 (0xEE, ignored), the `u32` at 4.
    let mut b = cmd(1, &[1]);
    b[4..8].copy_from_slice(&0x1234_5678u32.to_ne_bytes());
    assert_eq!(
        Cmd::try_read_from_bytes(&b).unwrap(),
        Cmd::Set(true, 0x1234_5678)
    );
    b[1] = 2;
    assert_eq!(invalid::<Cmd>(&b), (1, Some(2), Some(("Cmd::Set", "0"))));
    // A valid `bool` at 1 with an invalid one in the padding at 2: valid.
    b[1] = 0;
    b[2] = 7;
    assert_eq!(
        Cmd::try_read_from_bytes(&b).unwrap(),
        Cmd::Set(false, 0x1234_5678)
    );
    // `Wrap`: the user's `__ZcTag` at 1, its `ok` at 2.
    let b = cmd(8, &[0x11, 1]);
    assert_eq!(
        Cmd::try_read_from_bytes(&b).unwrap(),
        Cmd::Wrap(__ZcTag { lo: 0x11, ok: true })
    );
    let b = cmd(8, &[0x11, 2]);
    assert_eq!(invalid::<Cmd>(&b), (2, Some(2), Some(("__ZcTag", "ok"))));
}

/// The 8 bytes of a `Packet`: the 4-byte tag, then `fields` from byte 4.
fn packet(tag: u32, fields: [u8; 4]) -> [u8; 8] {
    let mut b = [0; 8];
    b[..4].copy_from_slice(&tag.to_ne_bytes());
    b[4..].copy_from_slice(&fields);
    b
}

#[test]
fn repr_c_data_enum() {
    assert_eq!((size_of::<Packet>(), align_of::<Packet>()), (8, 4));
    assert_eq!(
        Packet::try_read_from_bytes(&packet(0, [9; 4])).unwrap(),
        Packet::Empty
    );
    let [l0, l1] = 0x1234u16.to_ne_bytes();
    assert_eq!(
        Packet::try_read_from_bytes(&packet(1, [l0, l1, 1, 0xEE])).unwrap(),
        Packet::Data {
            len: 0x1234,
            flag: true
        }
    );
    assert_eq!(
        invalid::<Packet>(&packet(1, [l0, l1, 3, 0])),
        (6, Some(3), Some(("Packet::Data", "flag")))
    );
    assert_eq!(
        Packet::try_read_from_bytes(&packet(2, [l0, l1, 2, 0])).unwrap(),
        Packet::Code(__ZcFields {
            code: 0x1234,
            level: Level::High,
            pad: 0
        })
    );
    assert_eq!(
        invalid::<Packet>(&packet(2, [l0, l1, 9, 0])),
        (6, Some(9), Some(("__ZcFields", "level")))
    );
    for t in [3u32, 0x100, 0x0001_0001, 0xFFFF_FFFF] {
        assert_eq!(
            invalid::<Packet>(&packet(t, [0; 4])),
            (0, Some(u128::from(t)), None),
            "{t:#x}"
        );
    }
}

#[test]
fn repr_c_u8_data_enum() {
    assert_eq!((size_of::<Short>(), align_of::<Short>()), (3, 1));
    assert_eq!(Short::new_zeroed(), Short::A([0, 0]));
    assert_eq!(
        Short::try_read_from_bytes(&[1, 5, 1]).unwrap(),
        Short::B { x: 5, y: true }
    );
    assert_eq!(
        invalid::<Short>(&[1, 5, 2]),
        (2, Some(2), Some(("Short::B", "y")))
    );
    assert_eq!(invalid::<Short>(&[2, 0, 0]), (0, Some(2), None));
    assert_eq!(Short::B { x: 7, y: true }.as_bytes(), &[1, 7, 1]);
    assert_eq!(Short::A([3, 4]).as_bytes(), &[0, 3, 4]);
}

#[test]
fn repr_u8_data_enum_without_padding() {
    assert_eq!((size_of::<Word>(), align_of::<Word>()), (4, 2));
    assert_eq!(Word::new_zeroed(), Word::A([0, 0, 0]));
    assert_eq!(
        Word::try_read_from_bytes(&[0, 1, 2, 3]).unwrap(),
        Word::A([1, 2, 3])
    );
    let [w0, w1] = 0x0102u16.to_ne_bytes();
    assert_eq!(
        Word::try_read_from_bytes(&[1, 9, w0, w1]).unwrap(),
        Word::B(9, 0x0102)
    );
    assert_eq!(Word::B(9, 0x0102).as_bytes(), &[1, 9, w0, w1]);
    assert_eq!(invalid::<Word>(&[2, 0, 0, 0]), (0, Some(2), None));
}

// ---- Structs and unions -------------------------------------------------------------------------

fn header_bytes(kind: u16, flags: u8, level: u8, len: u32) -> [u8; 8] {
    let mut b = [0; 8];
    b[..2].copy_from_slice(&kind.to_ne_bytes());
    b[2] = flags;
    b[3] = level;
    b[4..].copy_from_slice(&len.to_ne_bytes());
    b
}

#[test]
fn struct_fields_at_their_offsets() {
    assert_eq!(size_of::<Header>(), 8);
    let b = header_bytes(1, 0xAA, 3, 0xDEAD_BEEF);
    let h = Header::try_read_from_bytes(&b).unwrap();
    assert!(matches!(h.kind, Op::Write));
    assert_eq!((h.flags, h.level, h.len), (0xAA, Level::Top, 0xDEAD_BEEF));
    assert_eq!(h.as_bytes(), &b);
    assert_eq!(
        invalid::<Header>(&header_bytes(2, 0, 0, 0)),
        (0, Some(2), Some(("Header", "kind")))
    );
    assert_eq!(
        invalid::<Header>(&header_bytes(0x0200, 0, 0, 0)),
        (0, Some(0x0200), Some(("Header", "kind")))
    );
    assert_eq!(
        invalid::<Header>(&header_bytes(0, 0, 4, 0)),
        (3, Some(4), Some(("Header", "level")))
    );
    let z = Header::new_zeroed();
    assert!(matches!(z.kind, Op::Read));
    assert_eq!((z.flags, z.level, z.len), (0, Level::Low, 0));
}

#[test]
fn byte_eq_and_byte_hash() {
    let h1 = Header::try_read_from_bytes(&header_bytes(1, 2, 3, 4)).unwrap();
    let h2 = Header::try_read_from_bytes(&header_bytes(1, 2, 3, 4)).unwrap();
    let h3 = Header::try_read_from_bytes(&header_bytes(1, 2, 3, 5)).unwrap();
    assert!(h1 == h2);
    assert!(h1 != h3);
    assert!(Op::Read != Op::Write);
    // One `write` of the value's bytes.
    let rs = RandomState::new();
    let mut want = rs.build_hasher();
    want.write(&header_bytes(1, 2, 3, 4));
    assert_eq!(rs.hash_one(&h1), want.finish());
    let mut want = rs.build_hasher();
    want.write(&1u16.to_ne_bytes());
    assert_eq!(rs.hash_one(Op::Write), want.finish());
}

#[test]
fn from_bytes_structs_and_unions() {
    let mut b = [0u8; 8];
    b[..2].copy_from_slice(&0x0102u16.to_ne_bytes());
    b[2..4].copy_from_slice(&[7, 8]);
    b[4..].copy_from_slice(&0x0A0B_0C0Du32.to_ne_bytes());
    let p = Plain::read_from_bytes(&b).unwrap();
    assert_eq!(
        p,
        Plain {
            a: 0x0102,
            b: [7, 8],
            c: 0x0A0B_0C0D
        }
    );
    assert_eq!(p.as_bytes(), &b);
    assert_eq!(size_of::<Packed>(), 5);
    let pk = Packed::read_from_bytes(&[9, 1, 2, 3, 4]).unwrap();
    let pb = pk.b;
    assert_eq!((pk.a, pb), (9, u32::from_ne_bytes([1, 2, 3, 4])));
    assert_eq!(pk.as_bytes(), &[9, 1, 2, 3, 4]);
    assert_eq!(
        Meters::read_from_bytes(&7u32.to_ne_bytes()).unwrap(),
        Meters(7)
    );
    let e = Either::read_from_bytes(&[1, 2, 3, 4]).unwrap();
    assert_eq!(e.as_bytes(), &[1, 2, 3, 4]);
    assert_eq!(size_of::<Either>(), 4);
    for byte in 0..=u8::MAX {
        assert_eq!(valid::<Choice>(&[byte]), byte <= 3, "{byte}");
    }
}

#[test]
fn slice_tailed_struct() {
    // len 2, kind 1, pad 0, data [7, 9]: as `u16`s, aligned to 2.
    let words: [u16; 4] = [u16::from_ne_bytes([2, 0]), u16::from_ne_bytes([1, 0]), 7, 9];
    let bytes = words.as_bytes();
    let f = Frame::try_ref_from_bytes(bytes).unwrap();
    assert_eq!((f.len, f.kind, f.pad), (2, Level::Mid, 0));
    assert_eq!(&f.data, &[7, 9]);
    assert_eq!(f.as_bytes(), bytes);
    // `kind` at 2.
    let bad: [u16; 3] = [u16::from_ne_bytes([1, 0]), u16::from_ne_bytes([4, 0]), 0];
    match Frame::try_ref_from_bytes(bad.as_bytes()) {
        Err(ConvertError::Validity(e)) => {
            assert_eq!(facts(e.invalid()), (2, Some(4), Some(("Frame", "kind"))))
        }
        other => panic!("expected a validity error, got {:?}", other.map(|f| f.len)),
    }
    let (head, tail) = f.split_at(1).unwrap().via_immutable();
    assert_eq!((&head.data[..], tail), (&[7][..], &[9][..]));
    assert_eq!(shadowed::frame_words(f), &words[..]);
    // `Record`: `len` counts the elements.
    let r = record_from_bytes::<Frame>(bytes).unwrap();
    assert_eq!(r.data.len(), 2);
    let three: [u16; 4] = [u16::from_ne_bytes([3, 0]), 0, 7, 9];
    assert!(record_from_bytes::<Frame>(three.as_bytes()).is_err());
}

#[test]
fn record_with_header_and_alignment() {
    // hdr_len 6 (4 + 2), kind 1, [0xA, 0xB]; then a second record.
    let mut b = Vec::new();
    b.extend_from_slice(&6u16.to_ne_bytes());
    b.extend_from_slice(&1u16.to_ne_bytes());
    b.extend_from_slice(&[0xA, 0xB]);
    b.extend_from_slice(&6u16.to_ne_bytes());
    b.extend_from_slice(&2u16.to_ne_bytes());
    b.extend_from_slice(&[0xC, 0xD]);
    let words: Vec<u16> = b
        .chunks(2)
        .map(|c| u16::from_ne_bytes([c[0], c[1]]))
        .collect();
    let (r, rest) = record_from_prefix::<Attr>(words.as_bytes()).unwrap();
    assert_eq!((r.hdr_len, r.kind, &r.data[..]), (6, 1, &[0xA, 0xB][..]));
    assert_eq!(rest, &b[6..]);
}

// ---- bitfield! ----------------------------------------------------------------------------------

#[test]
fn bitfield_getters_and_validation() {
    assert_eq!(size_of::<Ctrl>(), 2);
    let bits: u16 = 0x8000 | (2 << 10) | (1 << 8) | 0x42;
    let c = Ctrl::try_from_bits(bits).unwrap();
    assert!(c.enable());
    assert_eq!(c.level(), Level::High);
    assert_eq!(c.mode(), Mode3::On);
    assert_eq!(c.count(), 0x42);
    assert_eq!(c.into_bits(), bits);
    let c2 = Ctrl::try_read_from_bytes(&bits.to_ne_bytes()).unwrap();
    assert_eq!(c2, c);
    // The reserved bits 14:12 hold 1.
    let e = Ctrl::try_from_bits(0x1000).unwrap_err();
    assert_eq!(facts(e), (0, Some(1), Some(("Ctrl", "reserved 14:12"))));
    // `mode` 3: no variant.
    let e = Ctrl::try_from_bits(3 << 8).unwrap_err();
    assert_eq!(facts(e), (0, Some(3), Some(("Ctrl", "mode"))));
    let built = Ctrl::new()
        .with_enable(true)
        .with_level(Level::Top)
        .with_mode(Mode3::Auto)
        .with_count(5);
    assert_eq!(built.into_bits(), 0x8000 | (3 << 10) | (2 << 8) | 5);
    assert_eq!(Ctrl::new_zeroed().into_bits(), 0);
    assert_eq!(Ctrl::default().into_bits(), 0);
}

#[test]
fn bitfield_narrow_integers_and_byteorder() {
    let s = Small::from_bits(0xD5);
    assert!(s.on());
    assert_eq!(s.prio().get(), 5);
    assert_eq!(Small::new().with_prio_const::<7>().into_bits(), 7 << 4);
    assert!(Small::new().try_with_prio(8).is_err());
    assert_eq!(Small::new().try_with_prio(6).unwrap().into_bits(), 6 << 4);
    assert_eq!(Small::read_from_bytes(&[0x80]).unwrap().into_bits(), 0x80);
    // Big-endian: [0x12, 0x3C] is 0x123C whatever the target.
    let w = BeWord::read_from_bytes(&[0x12, 0x3C]).unwrap();
    assert_eq!((w.hi(), w.mid().get(), w.lvl()), (0x12, 3, Level::Top));
    assert_eq!(BeWord::new().with_hi(0xAB).as_bytes(), &[0xAB, 0]);
}

#[test]
fn bitfield_checked_fields_and_const_construction() {
    assert_eq!(shadowed::CTRL.into_bits(), 0x8000 | 1 << 8);
    assert_eq!(shadowed::CTRL.mode(), Mode3::On);
    let e = shadowed::CTRL_ERROR.unwrap();
    assert_eq!(facts(e), (0, Some(3), Some(("Ctrl", "mode"))));
    let s = shadowed::STATUS;
    assert_eq!(s.into_bits(), 0xC000 | 3 << 8 | 9);
    assert!(s.ready());
    assert_eq!(s.count(), 9);
    let e = s.mode().unwrap_err();
    assert_eq!(facts(e), (0, Some(3), Some(("Status", "mode"))));
    assert_eq!(
        format!("{s:?}"),
        "Status { ready: true, mode: Err(3), count: 9 }"
    );
    let s = s.with_mode(Mode3::Auto);
    assert_eq!(s.mode(), Ok(Mode3::Auto));
    assert_eq!(s.into_bits(), 0xC000 | 2 << 8 | 9);
    // The reserved bit 14 must be 1; `mode` is not checked with the word.
    let e = Status::try_from_bits(3 << 8).unwrap_err();
    assert_eq!(facts(e), (0, Some(0), Some(("Status", "reserved 14:14"))));
    assert!(Status::try_read_from_bytes(&0x4300u16.to_ne_bytes()).is_ok());
}

// ---- Device pointers, include_value! and the transmute macros -------------------------------------

#[test]
fn device_fields() {
    assert_eq!(shadowed::device_io(), (0x1234, 0x55, 9));
}

#[test]
fn include_value() {
    assert_eq!(shadowed::WORD, u64::from_ne_bytes(*b"zerocast"));
    let Halves { lo, hi } = shadowed::HALVES;
    assert_eq!((&lo, &hi), (b"zero", b"cast"));
}

#[test]
fn transmutes() {
    assert_eq!(
        shadowed::PLAIN,
        Plain {
            a: u16::from_ne_bytes([1, 0]),
            b: [2, 3],
            c: u32::from_ne_bytes([4, 0, 0, 0])
        }
    );
    assert_eq!(shadowed::SHRUNK, [5, 6]);
    let mut p = shadowed::PLAIN;
    let words = *shadowed::plain_words(&p);
    assert_eq!(
        words,
        [
            u16::from_ne_bytes([1, 0]),
            u16::from_ne_bytes([2, 3]),
            u16::from_ne_bytes([4, 0]),
            0
        ]
    );
    shadowed::plain_bytes_mut(&mut p)[3] = 9;
    assert_eq!(p.b, [2, 9]);
    assert!(matches!(
        shadowed::op_from(1u16.to_ne_bytes()),
        Ok(Op::Write)
    ));
    let e = shadowed::op_from(0x0200u16.to_ne_bytes()).unwrap_err();
    assert_eq!(facts(e.invalid()), (0, Some(0x0200), None));
    assert_eq!(shadowed::level_ref(&3).unwrap(), &Level::Top);
    assert_eq!(
        facts(shadowed::level_ref(&4).unwrap_err().invalid()),
        (0, Some(4), None)
    );
    let mut raw = [1, 5, 1];
    *shadowed::short_mut(&mut raw).unwrap() = Short::A([7, 8]);
    assert_eq!(raw, [0, 7, 8]);
    let mut raw = [1, 5, 2];
    assert_eq!(
        facts(shadowed::short_mut(&mut raw).unwrap_err().invalid()),
        (2, Some(2), Some(("Short::B", "y")))
    );
}

// ---- cryptocorrosion_derive_traits! ---------------------------------------------------------------

#[test]
fn cryptocorrosion_items() {
    assert_eq!(size_of::<CcNamed>(), 4);
    assert_eq!(
        CcNamed::read_from_bytes(&[1, 2, 3, 4]).unwrap(),
        CcNamed {
            lo: [1, 2],
            hi: u16::from_ne_bytes([3, 4])
        }
    );
    let t = CcTuple(u32::from_ne_bytes([5, 6, 7, 8]), [9, 10, 11, 12]);
    assert_eq!(t.as_bytes(), &[5, 6, 7, 8, 9, 10, 11, 12]);
    assert_eq!(CcTuple::read_from_bytes(t.as_bytes()).unwrap(), t);
    let u = CcUnion::read_from_bytes(&[1, 2, 3, 4]).unwrap();
    assert_eq!(u.as_bytes(), &[1, 2, 3, 4]);
    assert_eq!(CcUnion::new_zeroed().as_bytes(), &[0; 4]);
    let lanes = CcLanes([u16::from_ne_bytes([1, 2]), u16::from_ne_bytes([3, 4])]);
    assert_eq!(lanes.as_bytes(), &[1, 2, 3, 4]);
    assert_eq!(
        CcLanes::<u16>::read_from_bytes(&[1, 2, 3, 4]).unwrap(),
        lanes
    );
}
