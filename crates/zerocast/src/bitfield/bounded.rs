// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`Bounded`]: an integer narrower than its type, what a narrow integer field of a
//! [`bitfield!`](mod@crate::bitfield) reads and takes.

use core::fmt;

/// A value of type `T` that fits in `W` bits: an integer field of a [`bitfield!`](mod@crate::bitfield)
/// narrower than its type.
///
/// # Invariants
///
/// The value is at most [`MAX`](Self::MAX) (`2^W - 1`, or `T::MAX` if `W` is `T`'s width).
///
/// # Examples
///
/// ```
/// use zerocast::bitfield::Bounded;
///
/// let b = Bounded::<u16, 13>::new::<8191>();
/// assert_eq!(b.get(), 8191);
/// assert_eq!(Bounded::<u16, 13>::MAX, 8191);
/// assert!(Bounded::<u16, 13>::try_new(8192).is_none());
/// assert_eq!(u16::from(b), 8191);
/// assert!(b == 8191);
/// assert_eq!(format!("{b} {b:?} {b:#x}"), "8191 8191 0x1fff");
/// ```
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Bounded<T, const W: u32>(T);

macro_rules! bounded {
    ($($t:ident)*) => {$(
        impl<const W: u32> Bounded<$t, W> {
            /// The largest value: `2^W - 1` (the type's maximum if `W` is its width or more).
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::bitfield::Bounded;
            #[doc = concat!("assert_eq!(Bounded::<", stringify!($t), ", 3>::MAX, 7);")]
            /// ```
            pub const MAX: $t = if W >= $t::BITS { $t::MAX } else { (1 << W) - 1 };

            /// The value `v`, if it fits in `W` bits.
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::bitfield::Bounded;
            #[doc = concat!("assert_eq!(Bounded::<", stringify!($t), ", 3>::try_new(7).map(|b| b.get()), Some(7));")]
            #[doc = concat!("assert!(Bounded::<", stringify!($t), ", 3>::try_new(8).is_none());")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn try_new(v: $t) -> Option<Self> {
                if v <= Self::MAX {
                    Some(Bounded(v))
                } else {
                    None
                }
            }

            /// The low `W` bits of `v`; what generated getters call on already masked bits.
            #[doc(hidden)]
            #[must_use]
            #[inline(always)]
            pub const fn __masked(v: $t) -> Self {
                Bounded(v & Self::MAX)
            }

            /// The value.
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::bitfield::Bounded;
            #[doc = concat!("assert_eq!(Bounded::<", stringify!($t), ", 4>::new::<9>().get(), 9);")]
            /// ```
            #[must_use]
            #[inline(always)]
            pub const fn get(self) -> $t {
                self.0
            }
        }

        impl<const W: u32> From<Bounded<$t, W>> for $t {
            #[inline(always)]
            fn from(b: Bounded<$t, W>) -> $t {
                b.0
            }
        }

        impl<const W: u32> PartialEq<$t> for Bounded<$t, W> {
            #[inline(always)]
            fn eq(&self, other: &$t) -> bool {
                self.0 == *other
            }
        }
    )*};
}
bounded!(u8 u16 u32 u64 u128);

impl<T, const W: u32> Bounded<T, W> {
    /// The value `V`, checked at compile time; the integer type is inferred.
    ///
    /// `V` is written as a `u128` whatever the type (a constant of another type needs
    /// `{ C as u128 }`): a `const` parameter's type cannot depend on `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::bitfield::Bounded;
    ///
    /// let b = Bounded::<u16, 13>::new::<8191>();
    /// assert_eq!(b.get(), 8191);
    /// // The type comes from where the value goes.
    /// let c: Bounded<u8, 3> = Bounded::new::<5>();
    /// assert_eq!(c.get(), 5);
    /// fn level(b: Bounded<u8, 3>) -> u8 {
    ///     b.get()
    /// }
    /// assert_eq!(level(Bounded::new::<7>()), 7);
    /// ```
    ///
    /// A value out of range does not compile:
    ///
    /// ```compile_fail
    /// use zerocast::bitfield::Bounded;
    /// let b: Bounded<u8, 3> = Bounded::new::<8>();
    /// ```
    #[must_use]
    #[inline(always)]
    pub const fn new<const V: u128>() -> Self
    where
        T: BoundedValue<V>,
    {
        const {
            assert!(
                V <= bounded_max(T::BITS, W),
                "the value does not fit in the `Bounded`'s bits"
            )
        };
        Bounded(T::VALUE)
    }
}

/// `2^W - 1` for a type of `bits` bits, or its maximum if `W` is its width or more.
const fn bounded_max(bits: u32, w: u32) -> u128 {
    let w = if w < bits { w } else { bits };
    if w >= 128 {
        u128::MAX
    } else {
        (1 << w) - 1
    }
}

/// An integer type of a [`Bounded`]: `u8`..`u128`, with the value `V` (checked to fit by
/// [`Bounded::new`] first) as that type. Sealed.
#[doc(hidden)]
pub trait BoundedValue<const V: u128>: Copy + sealed::Sealed {
    /// The type's width.
    const BITS: u32;
    /// `V`, truncated to the type.
    const VALUE: Self;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! bounded_value {
    ($($t:ident)*) => {$(
        impl sealed::Sealed for $t {}
        impl<const V: u128> BoundedValue<V> for $t {
            const BITS: u32 = $t::BITS;
            // CAST: truncates only a `V` too large, which `Bounded::new` refuses at compile time.
            const VALUE: $t = V as $t;
        }
    )*};
}
bounded_value!(u8 u16 u32 u64 u128);

macro_rules! bounded_fmt {
    ($($tr:ident)*) => {$(
        impl<T: fmt::$tr, const W: u32> fmt::$tr for Bounded<T, W> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::$tr::fmt(&self.0, f)
            }
        }
    )*};
}
bounded_fmt!(Debug Display LowerHex UpperHex Binary Octal);
