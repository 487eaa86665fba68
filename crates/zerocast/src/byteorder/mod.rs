// SPDX-License-Identifier: MIT OR Apache-2.0
//! Integers and floats stored in a fixed byte order: with alignment 1 for wire formats, or
//! naturally aligned for device memory.
//!
//! [`U16`], [`U32`], [`U64`], [`U128`], [`Usize`], [`I16`], [`I32`], [`I64`], [`I128`],
//! [`Isize`], [`F32`] and [`F64`] hold a number as its bytes in the order `O`
//! ([`BigEndian`] or [`LittleEndian`]). They have alignment 1 and every byte pattern is a
//! value, so they can sit at any offset of a wire format: a `#[repr(C)]` struct of them
//! derives [`FromBytes`](crate::FromBytes), [`IntoBytes`](crate::IntoBytes) and
//! [`Unaligned`](crate::Unaligned). [`get`](U32::get) and [`new`](U32::new) convert to
//! and from the native number: one load or store, plus a byte swap when `O` is not the
//! target's order.
//!
//! The names and signatures are zerocopy 0.8's (`zerocopy::byteorder`).
//!
//! [`Le16`], [`Le32`], [`Le64`], [`Be16`], [`Be32`] and [`Be64`] (zerocast only) are the Linux
//! kernel's `__le16`..`__be64`: an unsigned integer stored in the named order with the native
//! integer's size and alignment. They are for device memory, where an access must be one load or
//! store of the value's width: a register cell (`ReadWrite<Le32>`), a field of a DMA descriptor,
//! the storage of a [`bitfield!`](mod@crate::bitfield). They are not
//! [`Unaligned`](crate::Unaligned); each converts to and from the unaligned type of its width
//! (`Le32` and `U32<LittleEndian>` have the same bytes).
//!
//! # Examples
//!
//! ```
//! use zerocast::byteorder::network_endian::U16;
//! use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};
//!
//! #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
//! #[repr(C)]
//! struct UdpHeader {
//!     src_port: U16,
//!     dst_port: U16,
//!     length: U16,
//!     checksum: U16,
//! }
//!
//! let bytes = [0x30, 0x39, 0x00, 0x35, 0x00, 0x1c, 0xab, 0xcd, /* payload */ 1, 2];
//! let (header, payload) = UdpHeader::ref_from_prefix(&bytes).unwrap();
//! assert_eq!(header.src_port.get(), 12345);
//! assert_eq!(header.dst_port.get(), 53);
//! assert_eq!(header.length.get(), 28);
//! assert_eq!(payload, [1, 2]);
//! ```
//!
//! An NVMe completion-queue entry in DMA memory, little-endian whatever the host:
//!
//! ```
//! use zerocast::byteorder::{Le16, Le32};
//! use zerocast::device::DmaBuf;
//! use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout};
//!
//! #[derive(FromBytes, IntoBytes, KnownLayout, Immutable)]
//! #[repr(C)]
//! struct Cqe {
//!     dw0: Le32,
//!     dw1: Le32,
//!     sq_head: Le16,
//!     sq_id: Le16,
//!     cid: Le16,
//!     status: Le16,
//! }
//!
//! let mut mem = Cqe::new_zeroed();
//! let mut buf = DmaBuf::new(&mut mem, 0x8000_0000);
//! buf.ptr().write(Cqe { cid: Le16::new(7), status: Le16::new(1), ..Cqe::new_zeroed() });
//! let cqe = buf.shared().read();
//! assert_eq!((cqe.cid.get(), cqe.status.get()), (7, 1));
//! assert_eq!(mem.as_bytes()[12..], [7, 0, 1, 0]);
//! ```

use core::fmt::{self, Debug, Display, Formatter};
use core::hash::Hash;
use core::marker::PhantomData;
use core::num::TryFromIntError;

mod aligned;
mod ops;
#[cfg(feature = "serde")]
mod serde;

pub use aligned::{Be16, Be32, Be64, Le16, Le32, Le64};

/// A byte order, as a type: [`BigEndian`] or [`LittleEndian`].
///
/// It is the `O` parameter of the types of this module: [`U32<BigEndian>`](U32) is a
/// 32-bit unsigned integer stored most significant byte first. [`NativeEndian`],
/// [`NetworkEndian`], [`BE`] and [`LE`] are aliases of the two.
///
/// The trait is sealed: no other type implements it.
///
/// # Examples
///
/// ```
/// use zerocast::byteorder::{BigEndian, ByteOrder, LittleEndian, NetworkEndian, Order};
///
/// fn order_of<O: ByteOrder>() -> Order {
///     O::ORDER
/// }
/// assert_eq!(order_of::<BigEndian>(), Order::BigEndian);
/// assert_eq!(order_of::<LittleEndian>(), Order::LittleEndian);
/// assert_eq!(order_of::<NetworkEndian>(), Order::BigEndian);
/// ```
pub trait ByteOrder:
    Copy + Clone + Debug + Display + Eq + PartialEq + Ord + PartialOrd + Hash + sealed::Sealed
{
    /// The byte order as a value.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::byteorder::{BigEndian, ByteOrder, NativeEndian, Order};
    ///
    /// assert_eq!(BigEndian::ORDER, Order::BigEndian);
    /// assert_eq!(NativeEndian::ORDER == Order::BigEndian, cfg!(target_endian = "big"));
    /// ```
    const ORDER: Order;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::BigEndian {}
    impl Sealed for super::LittleEndian {}
}

/// A byte order, as a value: what [`ByteOrder::ORDER`] is.
///
/// # Examples
///
/// ```
/// use zerocast::byteorder::{ByteOrder, NativeEndian, Order};
///
/// let native = if cfg!(target_endian = "big") { Order::BigEndian } else { Order::LittleEndian };
/// assert_eq!(NativeEndian::ORDER, native);
/// ```
#[derive(Copy, Clone, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub enum Order {
    /// Most significant byte first: [`BigEndian`].
    BigEndian,
    /// Least significant byte first: [`LittleEndian`].
    LittleEndian,
}

/// Big-endian byte order: most significant byte first.
///
/// A type only (it has no values); see [`ByteOrder`].
///
/// # Examples
///
/// ```
/// use zerocast::byteorder::{BigEndian, U32};
/// assert_eq!(U32::<BigEndian>::new(0x0102_0304).to_bytes(), [1, 2, 3, 4]);
/// ```
#[derive(Copy, Clone, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub enum BigEndian {}

impl ByteOrder for BigEndian {
    const ORDER: Order = Order::BigEndian;
}

impl Display for BigEndian {
    fn fmt(&self, _: &mut Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

/// Little-endian byte order: least significant byte first.
///
/// A type only (it has no values); see [`ByteOrder`].
///
/// # Examples
///
/// ```
/// use zerocast::byteorder::{LittleEndian, U32};
/// assert_eq!(U32::<LittleEndian>::new(0x0102_0304).to_bytes(), [4, 3, 2, 1]);
/// ```
#[derive(Copy, Clone, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub enum LittleEndian {}

impl ByteOrder for LittleEndian {
    const ORDER: Order = Order::LittleEndian;
}

impl Display for LittleEndian {
    fn fmt(&self, _: &mut Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

/// The target's byte order: [`BigEndian`] or [`LittleEndian`].
///
/// # Examples
///
/// ```
/// use zerocast::byteorder::{NativeEndian, U32};
/// assert_eq!(U32::<NativeEndian>::new(7).to_bytes(), 7u32.to_ne_bytes());
/// ```
#[cfg(target_endian = "big")]
pub type NativeEndian = BigEndian;

/// The target's byte order: [`BigEndian`] or [`LittleEndian`].
///
/// # Examples
///
/// ```
/// use zerocast::byteorder::{NativeEndian, U32};
/// assert_eq!(U32::<NativeEndian>::new(7).to_bytes(), 7u32.to_ne_bytes());
/// ```
#[cfg(target_endian = "little")]
pub type NativeEndian = LittleEndian;

/// The byte order of most network protocols: [`BigEndian`].
///
/// # Examples
///
/// ```
/// use zerocast::byteorder::{NetworkEndian, U16};
/// assert_eq!(U16::<NetworkEndian>::new(80).to_bytes(), [0, 80]);
/// ```
pub type NetworkEndian = BigEndian;

/// Short for [`BigEndian`].
///
/// # Examples
///
/// ```
/// use zerocast::byteorder::{BE, U16};
/// assert_eq!(U16::<BE>::new(0x0102).to_bytes(), [1, 2]);
/// ```
pub type BE = BigEndian;

/// Short for [`LittleEndian`].
///
/// # Examples
///
/// ```
/// use zerocast::byteorder::{LE, U16};
/// assert_eq!(U16::<LE>::new(0x0102).to_bytes(), [2, 1]);
/// ```
pub type LE = LittleEndian;

/// `MAX_VALUE`, for the unsigned types only (a signed maximum's bytes depend on the order).
macro_rules! max_value {
    ($name:ident, $native:ident, $bytes:expr, unsigned) => {
        #[doc = concat!("The largest value, `", stringify!($native), "::MAX` (all bytes `0xff` in either order).")]
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("use zerocast::byteorder::{", stringify!($name), ", BigEndian};")]
        #[doc = concat!("assert_eq!(", stringify!($name), "::<BigEndian>::MAX_VALUE.get(), ", stringify!($native), "::MAX);")]
        /// ```
        pub const MAX_VALUE: $name<O> = $name([0xff; $bytes], PhantomData);
    };
    ($name:ident, $native:ident, $bytes:expr, $kind:ident) => {};
}

/// Defines one type: struct, constants, conversions to and from bytes and the native number.
macro_rules! define_type {
    (
        $name:ident, $native:ident, $bytes:expr, $kind:ident, $what:literal, $example:literal,
        wider: [$($wider:ident),*], try_narrower: [$($narrower:ident),*],
        wider_types: [$($wider_t:ident),*], try_narrower_types: [$($narrower_t:ident),*]
    ) => {
        #[doc = concat!("A ", $what, " stored in the byte order `O`, with alignment 1.")]
        ///
        #[doc = concat!("It is the `", stringify!($native), "` whose bytes, in order `O`, are its")]
        #[doc = concat!("contents: [`new`](Self::new) and [`get`](Self::get) convert from and to")]
        /// the native number (swapping bytes when `O` is not the target's order),
        /// [`from_bytes`](Self::from_bytes) and [`to_bytes`](Self::to_bytes) take and give the
        /// stored bytes as they are. Every byte pattern is a value, and the alignment is 1, so
        /// it implements [`FromBytes`](crate::FromBytes), [`IntoBytes`](crate::IntoBytes),
        /// [`Unaligned`](crate::Unaligned), [`KnownLayout`](crate::KnownLayout) and
        /// [`Immutable`](crate::Immutable), whatever `O` is.
        ///
        /// Equality and hashing compare the stored bytes.
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("use zerocast::byteorder::{", stringify!($name), ", BigEndian, LittleEndian};")]
        /// use zerocast::FromBytes;
        ///
        #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
        #[doc = concat!("let be = ", stringify!($name), "::<BigEndian>::new(n);")]
        #[doc = concat!("let le = ", stringify!($name), "::<LittleEndian>::new(n);")]
        /// assert_eq!(be.to_bytes(), n.to_be_bytes());
        /// assert_eq!(le.to_bytes(), n.to_le_bytes());
        /// assert_eq!(be.get(), le.get());
        ///
        /// // At any offset of a buffer:
        #[doc = concat!("let mut buf = [0u8; ", stringify!($bytes), " + 1];")]
        /// buf[1..].copy_from_slice(&n.to_be_bytes());
        #[doc = concat!("let v = ", stringify!($name), "::<BigEndian>::ref_from_bytes(&buf[1..]).unwrap();")]
        /// assert_eq!(v.get(), n);
        /// ```
        #[derive(Copy, Clone, PartialEq, Eq, Hash)]
        #[repr(transparent)]
        pub struct $name<O>([u8; $bytes], PhantomData<O>);

        impl<O> $name<O> {
            /// The value zero (all bytes zero in either order).
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::{", stringify!($name), ", LittleEndian};")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::<LittleEndian>::ZERO.to_bytes(), [0; ", stringify!($bytes), "]);")]
            /// ```
            pub const ZERO: $name<O> = $name([0; $bytes], PhantomData);

            max_value!($name, $native, $bytes, $kind);

            /// Wraps bytes that are already in the order `O`, as they are.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::{", stringify!($name), ", BigEndian};")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::<BigEndian>::from_bytes(n.to_be_bytes()).get(), n);")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn from_bytes(bytes: [u8; $bytes]) -> $name<O> {
                $name(bytes, PhantomData)
            }

            /// The stored bytes, in the order `O`, as they are.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::{", stringify!($name), ", LittleEndian};")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::<LittleEndian>::new(n).to_bytes(), n.to_le_bytes());")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn to_bytes(self) -> [u8; $bytes] {
                self.0
            }
        }

        impl<O: ByteOrder> $name<O> {
            #[doc = concat!("Stores `n` in the order `O`: its `to_be_bytes` or `to_le_bytes`.")]
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::{", stringify!($name), ", BigEndian};")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::<BigEndian>::new(n).to_bytes(), n.to_be_bytes());")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn new(n: $native) -> $name<O> {
                let bytes = match O::ORDER {
                    Order::BigEndian => n.to_be_bytes(),
                    Order::LittleEndian => n.to_le_bytes(),
                };
                $name(bytes, PhantomData)
            }

            #[doc = concat!("The stored number as a native `", stringify!($native), "`.")]
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::{", stringify!($name), ", LittleEndian};")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("let v = ", stringify!($name), "::<LittleEndian>::from_bytes(n.to_le_bytes());")]
            #[doc = "assert_eq!(v.get(), n);"]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn get(self) -> $native {
                match O::ORDER {
                    Order::BigEndian => $native::from_be_bytes(self.0),
                    Order::LittleEndian => $native::from_le_bytes(self.0),
                }
            }

            /// Replaces the stored number with `n`, stored in the order `O`.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use zerocast::byteorder::{", stringify!($name), ", BigEndian};")]
            #[doc = concat!("let n: ", stringify!($native), " = ", $example, ";")]
            #[doc = concat!("let mut v = ", stringify!($name), "::<BigEndian>::ZERO;")]
            /// v.set(n);
            /// assert_eq!(v.to_bytes(), n.to_be_bytes());
            /// ```
            #[inline(always)]
            pub fn set(&mut self, n: $native) {
                *self = Self::new(n);
            }
        }

        impl<O> Default for $name<O> {
            /// Zero.
            #[inline(always)]
            fn default() -> $name<O> {
                $name::ZERO
            }
        }

        impl<O: ByteOrder> From<$name<O>> for [u8; $bytes] {
            #[inline(always)]
            fn from(x: $name<O>) -> [u8; $bytes] {
                x.0
            }
        }

        impl<O: ByteOrder> From<[u8; $bytes]> for $name<O> {
            #[inline(always)]
            fn from(bytes: [u8; $bytes]) -> $name<O> {
                $name::from_bytes(bytes)
            }
        }

        impl<O: ByteOrder> From<$name<O>> for $native {
            #[inline(always)]
            fn from(x: $name<O>) -> $native {
                x.get()
            }
        }

        impl<O: ByteOrder> From<$native> for $name<O> {
            #[inline(always)]
            fn from(n: $native) -> $name<O> {
                $name::new(n)
            }
        }

        $(
            impl<O: ByteOrder> From<$name<O>> for $wider {
                #[inline(always)]
                fn from(x: $name<O>) -> $wider {
                    $wider::from(x.get())
                }
            }
        )*

        $(
            impl<O: ByteOrder> TryFrom<$narrower> for $name<O> {
                type Error = TryFromIntError;
                #[inline(always)]
                fn try_from(n: $narrower) -> Result<$name<O>, TryFromIntError> {
                    $native::try_from(n).map($name::new)
                }
            }
        )*

        $(
            impl<O: ByteOrder, P: ByteOrder> From<$name<O>> for $wider_t<P> {
                #[inline(always)]
                fn from(x: $name<O>) -> $wider_t<P> {
                    $wider_t::new(x.get().into())
                }
            }
        )*

        $(
            impl<O: ByteOrder, P: ByteOrder> TryFrom<$narrower_t<P>> for $name<O> {
                type Error = TryFromIntError;
                #[inline(always)]
                fn try_from(x: $narrower_t<P>) -> Result<$name<O>, TryFromIntError> {
                    $native::try_from(x.get()).map($name::new)
                }
            }
        )*

        impl<O> AsRef<[u8; $bytes]> for $name<O> {
            #[inline(always)]
            fn as_ref(&self) -> &[u8; $bytes] {
                &self.0
            }
        }

        impl<O> AsMut<[u8; $bytes]> for $name<O> {
            #[inline(always)]
            fn as_mut(&mut self) -> &mut [u8; $bytes] {
                &mut self.0
            }
        }

        impl<O> PartialEq<$name<O>> for [u8; $bytes] {
            #[inline(always)]
            fn eq(&self, other: &$name<O>) -> bool {
                *self == other.0
            }
        }

        impl<O> PartialEq<[u8; $bytes]> for $name<O> {
            #[inline(always)]
            fn eq(&self, other: &[u8; $bytes]) -> bool {
                self.0 == *other
            }
        }

        impl<O: ByteOrder> PartialEq<$native> for $name<O> {
            #[inline(always)]
            fn eq(&self, other: &$native) -> bool {
                self.get() == *other
            }
        }
    };
}

define_type!(U16, u16, 2, unsigned, "16-bit unsigned integer", "0x1234",
    wider: [u32, u64, u128, usize], try_narrower: [u32, u64, u128, usize],
    wider_types: [U32, U64, U128, Usize], try_narrower_types: [U32, U64, U128, Usize]);
define_type!(U32, u32, 4, unsigned, "32-bit unsigned integer", "0x1234_5678",
    wider: [u64, u128], try_narrower: [u64, u128],
    wider_types: [U64, U128], try_narrower_types: [U64, U128]);
define_type!(U64, u64, 8, unsigned, "64-bit unsigned integer", "0x1234_5678_9abc_def0",
    wider: [u128], try_narrower: [u128],
    wider_types: [U128], try_narrower_types: [U128]);
define_type!(U128, u128, 16, unsigned, "128-bit unsigned integer",
    "0x0011_2233_4455_6677_8899_aabb_ccdd_eeff",
    wider: [], try_narrower: [], wider_types: [], try_narrower_types: []);
define_type!(Usize, usize, size_of::<usize>(), unsigned, "pointer-sized unsigned integer",
    "0x1234",
    wider: [], try_narrower: [], wider_types: [], try_narrower_types: []);
define_type!(I16, i16, 2, signed, "16-bit signed integer", "-0x1234",
    wider: [i32, i64, i128, isize], try_narrower: [i32, i64, i128, isize],
    wider_types: [I32, I64, I128, Isize], try_narrower_types: [I32, I64, I128, Isize]);
define_type!(I32, i32, 4, signed, "32-bit signed integer", "-0x1234_5678",
    wider: [i64, i128], try_narrower: [i64, i128],
    wider_types: [I64, I128], try_narrower_types: [I64, I128]);
define_type!(I64, i64, 8, signed, "64-bit signed integer", "-0x1234_5678_9abc_def0",
    wider: [i128], try_narrower: [i128],
    wider_types: [I128], try_narrower_types: [I128]);
define_type!(I128, i128, 16, signed, "128-bit signed integer",
    "-0x0011_2233_4455_6677_8899_aabb_ccdd_eeff",
    wider: [], try_narrower: [], wider_types: [], try_narrower_types: []);
define_type!(Isize, isize, size_of::<isize>(), signed, "pointer-sized signed integer",
    "-0x1234",
    wider: [], try_narrower: [], wider_types: [], try_narrower_types: []);
define_type!(F32, f32, 4, float, "32-bit floating-point number", "-1.5e10",
    wider: [f64], try_narrower: [], wider_types: [F64], try_narrower_types: []);
define_type!(F64, f64, 8, float, "64-bit floating-point number", "-1.5e100",
    wider: [], try_narrower: [], wider_types: [], try_narrower_types: []);

/// Defines an alias module: each type of this module with one byte order.
macro_rules! alias_module {
    ($module:ident, $order:ident, $words:literal) => {
        #[doc = concat!("The types of [`byteorder`](super) in ", $words, " byte order, by their names.")]
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("use zerocast::byteorder::", stringify!($module), "::U32;")]
        #[doc = concat!("use zerocast::byteorder::", stringify!($order), ";")]
        #[doc = concat!("use zerocast::byteorder::", stringify!($module), "::{F64, I16};")]
        #[doc = concat!("let _: zerocast::byteorder::U32<", stringify!($order), "> = U32::new(7);")]
        /// assert_eq!(I16::new(-2).get(), -2);
        /// assert_eq!(F64::new(0.5).get(), 0.5);
        /// ```
        pub mod $module {
            use super::$order;
            alias_module!(@ty $module, $order, $words, U16, u16, "16-bit unsigned integer");
            alias_module!(@ty $module, $order, $words, U32, u32, "32-bit unsigned integer");
            alias_module!(@ty $module, $order, $words, U64, u64, "64-bit unsigned integer");
            alias_module!(@ty $module, $order, $words, U128, u128, "128-bit unsigned integer");
            alias_module!(@ty $module, $order, $words, Usize, usize, "pointer-sized unsigned integer");
            alias_module!(@ty $module, $order, $words, I16, i16, "16-bit signed integer");
            alias_module!(@ty $module, $order, $words, I32, i32, "32-bit signed integer");
            alias_module!(@ty $module, $order, $words, I64, i64, "64-bit signed integer");
            alias_module!(@ty $module, $order, $words, I128, i128, "128-bit signed integer");
            alias_module!(@ty $module, $order, $words, Isize, isize, "pointer-sized signed integer");
            alias_module!(@ty $module, $order, $words, F32, f32, "32-bit floating-point number");
            alias_module!(@ty $module, $order, $words, F64, f64, "64-bit floating-point number");
        }
    };
    (@ty $module:ident, $order:ident, $words:literal, $ty:ident, $native:ident, $what:literal) => {
        #[doc = concat!("A ", $what, " in ", $words, " byte order: [`", stringify!($ty), "<", stringify!($order), ">`](super::", stringify!($ty), ").")]
        ///
        /// The module's documentation has an example; the type's has more.
        pub type $ty = super::$ty<$order>;
    };
}

alias_module!(big_endian, BigEndian, "big-endian");
alias_module!(little_endian, LittleEndian, "little-endian");
alias_module!(network_endian, NetworkEndian, "network (big-endian)");
alias_module!(native_endian, NativeEndian, "the target's");
