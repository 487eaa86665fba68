// SPDX-License-Identifier: MIT OR Apache-2.0
//! The conversion macros: `transmute!`, `transmute_ref!`, `transmute_mut!`, `try_transmute!`,
//! `try_transmute_ref!`, `try_transmute_mut!`, and `include_value!`.
//!
//! Each expands to a call of a function in [`macro_util`](crate::macro_util), so it puts no
//! `unsafe` in the caller's code (a crate with `#![forbid(unsafe_code)]` can use them), and a
//! size or alignment mismatch is a compile error naming both types and their sizes.

/// Converts a value into another type of the same size, reinterpreting its bytes.
///
/// The source type must be [`IntoBytes`](crate::IntoBytes) and the destination
/// [`FromBytes`](crate::FromBytes); a size mismatch is a compile error. Usable in `const`.
///
/// # Examples
///
/// ```
/// const PACKED: [[u8; 2]; 2] = zerocast::transmute!([1u8, 2, 3, 4]);
/// assert_eq!(PACKED, [[1, 2], [3, 4]]);
///
/// let word: u32 = zerocast::transmute!([0u8; 4]);
/// assert_eq!(word, 0);
/// ```
///
/// ```compile_fail
/// let word: u64 = zerocast::transmute!(0u32); // 4 bytes into 8: rejected
/// ```
///
/// With `#![allow(shrink)]` first, the destination may be smaller: it gets the first bytes of
/// the source (in memory order).
///
/// ```
/// let pair = [0x1122u16, 0x3344];
/// let first: u16 = zerocast::transmute!(#![allow(shrink)] pair);
/// assert_eq!(first, 0x1122);
/// ```
#[macro_export]
macro_rules! transmute {
    (#![allow(shrink)] $e:expr) => {
        $crate::macro_util::transmute_shrink($e)
    };
    ($e:expr) => {
        $crate::macro_util::transmute($e)
    };
}

/// Converts `&Src` into `&Dst` of the same size and no greater alignment.
///
/// `Src` must be [`IntoBytes`](crate::IntoBytes) + [`Immutable`](crate::Immutable), `Dst`
/// [`FromBytes`](crate::FromBytes) + `Immutable`. Usable in `const` when both are `Sized`.
///
/// Either type may be unsized (a slice or slice-tailed [`KnownLayout`](crate::KnownLayout)
/// type), `Src` sized and `Dst` unsized, or both: the destination's element count is computed
/// from the source's size. The two layouts must allow that for every source length: a
/// slice-tailed `Dst`'s elements must divide `Src`'s, and its fixed part be reachable by a
/// whole number of them; what fails is a compile error saying which condition (the rule:
/// [`macro_util::Wrap`](crate::macro_util::Wrap)). An unsized `Src` cannot become a sized `Dst`.
///
/// # Examples
///
/// ```
/// let pairs: [[u8; 2]; 2] = [[1, 2], [3, 4]];
/// let flat: &[u8; 4] = zerocast::transmute_ref!(&pairs);
/// assert_eq!(flat, &[1, 2, 3, 4]);
///
/// let pairs: &[[u8; 2]] = &[[1, 2], [3, 4], [5, 6]];
/// let flat: &[u8] = zerocast::transmute_ref!(pairs);
/// assert_eq!(flat.len(), 6);
/// ```
///
/// ```compile_fail,E0080
/// let bytes: &[u8] = &[0, 1, 2];
/// let words: &[[u8; 2]] = zerocast::transmute_ref!(bytes); // 3 bytes are no whole pair
/// ```
///
/// ```compile_fail
/// let bytes = [0u8; 4];
/// let word: &u32 = zerocast::transmute_ref!(&bytes); // needs alignment 4: rejected
/// ```
#[macro_export]
macro_rules! transmute_ref {
    // The source expression is evaluated outside the block that imports the trait, so that
    // the import cannot change what the user's expression means.
    ($e:expr) => {
        match $crate::macro_util::Wrap::new($e) {
            __zc_wrap => {
                #[allow(unused_imports)]
                use $crate::macro_util::TransmuteRefDst as _;
                // The `if false` branch names the destination type first, so that it is inferred
                // from the context before `transmute_ref` is resolved: the inherent (sized, `const`) method
                // when both types are `Sized`, else the trait's (unsized) one.
                if false {
                    __zc_wrap.infer_dst()
                } else {
                    __zc_wrap.transmute_ref()
                }
            }
        }
    };
}

/// Converts `&mut Src` into `&mut Dst` of the same size and no greater alignment.
///
/// Both types must be [`FromBytes`](crate::FromBytes) + [`IntoBytes`](crate::IntoBytes).
/// Usable in `const` when both are `Sized`; either may be unsized, as for
/// [`transmute_ref!`](crate::transmute_ref!).
///
/// # Examples
///
/// ```
/// let mut pairs: [[u8; 2]; 2] = [[1, 2], [3, 4]];
/// let flat: &mut [u8; 4] = zerocast::transmute_mut!(&mut pairs);
/// flat[3] = 9;
/// assert_eq!(pairs, [[1, 2], [3, 9]]);
/// ```
#[macro_export]
macro_rules! transmute_mut {
    // The source expression is evaluated outside the block that imports the trait, so that
    // the import cannot change what the user's expression means.
    ($e:expr) => {
        match $crate::macro_util::Wrap::new_mut($e) {
            __zc_wrap => {
                #[allow(unused_imports)]
                use $crate::macro_util::TransmuteMutDst as _;
                // The `if false` branch names the destination type first, so that it is inferred
                // from the context before `transmute_mut` is resolved: the inherent (sized, `const`) method
                // when both types are `Sized`, else the trait's (unsized) one.
                if false {
                    __zc_wrap.infer_dst()
                } else {
                    __zc_wrap.transmute_mut()
                }
            }
        }
    };
}

/// Converts a value into another type of the same size if its bytes are a valid value of it.
///
/// The source must be [`IntoBytes`](crate::IntoBytes), the destination
/// [`TryFromBytes`](crate::TryFromBytes). Returns `Result<Dst, ValidityError<Src, Dst>>`.
///
/// # Examples
///
/// ```
/// let ok: Result<bool, _> = zerocast::try_transmute!(1u8);
/// assert_eq!(ok.unwrap(), true);
/// let bad: Result<char, _> = zerocast::try_transmute!(0xD800u32);
/// assert_eq!(bad.unwrap_err().into_src(), 0xD800);
/// ```
#[macro_export]
macro_rules! try_transmute {
    ($e:expr) => {
        $crate::macro_util::try_transmute($e)
    };
}

/// Converts `&Src` into `&Dst` of the same size and no greater alignment, if the bytes are a
/// valid `Dst`.
///
/// `Src` must be [`IntoBytes`](crate::IntoBytes) + [`Immutable`](crate::Immutable), `Dst`
/// [`TryFromBytes`](crate::TryFromBytes) + `Immutable`; a size mismatch or an alignment
/// increase is a compile error. Returns `Result<&Dst, ValidityError<&Src, Dst>>`. Either type
/// may be unsized, as for [`transmute_ref!`](crate::transmute_ref!).
///
/// # Examples
///
/// ```
/// let raw = [0u8, 1, 1];
/// let flags: &[bool; 3] = zerocast::try_transmute_ref!(&raw).unwrap();
/// assert_eq!(flags, &[false, true, true]);
///
/// let bad: Result<&[bool; 3], _> = zerocast::try_transmute_ref!(&[0u8, 2, 1]);
/// assert!(bad.unwrap_err().to_string().contains("0x2 is not a valid `bool` at byte offset 1"));
/// ```
#[macro_export]
macro_rules! try_transmute_ref {
    // The source expression is evaluated outside the block that imports the trait, so that
    // the import cannot change what the user's expression means.
    ($e:expr) => {
        match $crate::macro_util::Wrap::new($e) {
            __zc_wrap => {
                #[allow(unused_imports)]
                use $crate::macro_util::TryTransmuteRefDst as _;
                // The `if false` branch names the destination type first, so that it is inferred
                // from the context before `try_transmute_ref` is resolved: the inherent (sized, `const`) method
                // when both types are `Sized`, else the trait's (unsized) one.
                if false {
                    __zc_wrap.infer_try_dst()
                } else {
                    __zc_wrap.try_transmute_ref()
                }
            }
        }
    };
}

/// Converts `&mut Src` into `&mut Dst` of the same size and no greater alignment, if the bytes
/// are a valid `Dst`.
///
/// `Src` must be [`FromBytes`](crate::FromBytes) + [`IntoBytes`](crate::IntoBytes), `Dst`
/// [`TryFromBytes`](crate::TryFromBytes) + `IntoBytes`. Returns
/// `Result<&mut Dst, ValidityError<&mut Src, Dst>>`. Either type may be unsized, as for
/// [`transmute_ref!`](crate::transmute_ref!).
///
/// # Examples
///
/// ```
/// let mut raw = [1u8];
/// let flag: &mut bool = zerocast::try_transmute_mut!(&mut raw).unwrap();
/// *flag = false;
/// assert_eq!(raw, [0]);
/// ```
#[macro_export]
macro_rules! try_transmute_mut {
    // The source expression is evaluated outside the block that imports the trait, so that
    // the import cannot change what the user's expression means.
    ($e:expr) => {
        match $crate::macro_util::Wrap::new_mut($e) {
            __zc_wrap => {
                #[allow(unused_imports)]
                use $crate::macro_util::TryTransmuteMutDst as _;
                // The `if false` branch names the destination type first, so that it is inferred
                // from the context before `try_transmute_mut` is resolved: the inherent (sized, `const`) method
                // when both types are `Sized`, else the trait's (unsized) one.
                if false {
                    __zc_wrap.infer_try_dst()
                } else {
                    __zc_wrap.try_transmute_mut()
                }
            }
        }
    };
}

/// Includes a file's bytes at compile time as a value of a [`FromBytes`](crate::FromBytes)
/// type, which the context infers.
///
/// The path is found like [`include_bytes!`]'s: relative to the file that invokes the macro.
/// The file must hold exactly `size_of::<T>()` bytes; any other size is a compile error naming
/// both sizes. The bytes are taken as they are, in the target's byte order: for a file in a
/// fixed order, include a [`byteorder`](crate::byteorder) type (`U32<BigEndian>`) and call
/// `get`. Usable in `const`.
///
/// # Examples
///
/// The file `tests/data/include_value.bin` holds the 8 bytes `zerocast`:
///
/// ```
/// const WORD: u64 = zerocast::include_value!("../tests/data/include_value.bin");
/// assert_eq!(WORD, u64::from_ne_bytes(*b"zerocast"));
///
/// let halves: [u32; 2] = zerocast::include_value!("../tests/data/include_value.bin");
/// assert_eq!(halves, [u32::from_ne_bytes(*b"zero"), u32::from_ne_bytes(*b"cast")]);
/// ```
///
/// ```compile_fail,E0080
/// let word: u32 = zerocast::include_value!("../tests/data/include_value.bin"); // 8 bytes into 4
/// ```
#[macro_export]
macro_rules! include_value {
    ($file:expr $(,)?) => {
        $crate::macro_util::include_value(::core::include_bytes!($file))
    };
}
