// SPDX-License-Identifier: MIT OR Apache-2.0
//! One sized value or reference reinterpreted as another of the same size: what `transmute!`,
//! `transmute_ref!`, `transmute_mut!`, their `try_` forms and `include_value!` call. The
//! sizes and alignments are compared at compile time, in `const` blocks whose failure names
//! the caller's line.

use core::mem::ManuallyDrop;
use core::ptr;
use core::slice;

use super::bytes::{as_bytes, as_mut_bytes};
use super::transmute_dst::Wrap;
use crate::const_msg::Msg;
use crate::error::ValidityError;
use crate::{Candidate, FromBytes, Immutable, IntoBytes, TryFromBytes};

/// The storage `transmute` reinterprets a value through (and `Unalign::into_inner`).
#[repr(C)]
pub(crate) union Transmute<S, D> {
    pub(crate) src: ManuallyDrop<S>,
    pub(crate) dst: ManuallyDrop<D>,
}

/// Fails to compile unless `Src` and `Dst` have the same size.
const fn assert_same_size<Src, Dst>(what: &str) {
    if size_of::<Src>() != size_of::<Dst>() {
        Msg::new()
            .str(what)
            .str(": the source type is ")
            .num(size_of::<Src>())
            .str(" bytes but the destination type is ")
            .num(size_of::<Dst>())
            .str(" bytes; a transmute must keep the size")
            .panic();
    }
}

/// Fails to compile unless `Dst` needs no more alignment than `Src`.
const fn assert_align_fits<Src, Dst>(what: &str) {
    if align_of::<Dst>() > align_of::<Src>() {
        Msg::new()
            .str(what)
            .str(": the destination type needs ")
            .num(align_of::<Dst>())
            .str("-byte alignment but the source type guarantees only ")
            .num(align_of::<Src>())
            .panic();
    }
}

/// Reinterprets the bytes of `src` as a `Dst` of the same size; what `transmute!` calls.
///
/// # Examples
///
/// ```
/// const WORD: u32 = zerocast::macro_util::transmute([0xffu8; 4]);
/// assert_eq!(WORD, u32::MAX);
/// ```
#[must_use]
#[inline(always)]
pub const fn transmute<Src: IntoBytes, Dst: FromBytes>(src: Src) -> Dst {
    const { assert_same_size::<Src, Dst>("transmute!") };
    // `transmute_same_size` needs `Src` and `Dst` of the same size: the assertion
    // above is evaluated for every instantiation of this function, and fails to compile
    // unless `size_of::<Src>() == size_of::<Dst>()`.
    // SAFETY: each precondition listed above holds, for the reason given there.
    unsafe { transmute_same_size(src) }
}

/// Reinterprets the bytes of `src` as a `Dst`: the body of `transmute` and `include_value`,
/// which each check the sizes at compile time with their own message.
///
/// # Safety
///
/// `size_of::<Src>()` must equal `size_of::<Dst>()`.
#[inline(always)]
const unsafe fn transmute_same_size<Src: IntoBytes, Dst: FromBytes>(src: Src) -> Dst {
    let u = Transmute {
        src: ManuallyDrop::new(src),
    };
    // Reading the `dst` field of the union reinterprets the bytes of the `src` field,
    // which is sound when they are a valid `Dst`:
    // - both fields are `size_of::<Src>() == size_of::<Dst>()` bytes (the caller's promise)
    //   at offset 0 (`repr(C)`), so `dst` covers exactly the bytes written;
    // - `Src: IntoBytes`: all those bytes are initialized;
    // - `Dst: FromBytes`: any initialized bytes are a valid `Dst`.
    // `src` is not dropped (`ManuallyDrop`): its bytes now belong to the result.
    // SAFETY: each precondition listed above holds, for the reason given there.
    ManuallyDrop::into_inner(unsafe { u.dst })
}

/// Fails to compile unless `Dst` is no larger than `Src`.
const fn assert_no_larger<Src, Dst>() {
    if size_of::<Dst>() > size_of::<Src>() {
        Msg::new()
            .str("transmute!(#![allow(shrink)] ..): the source type is ")
            .num(size_of::<Src>())
            .str(" bytes but the destination type is ")
            .num(size_of::<Dst>())
            .str(" bytes; a shrinking transmute cannot grow the value")
            .panic();
    }
}

/// Fails to compile unless an included file of `N` bytes has the size of `Dst`.
const fn assert_file_size<const N: usize, Dst>() {
    if N != size_of::<Dst>() {
        Msg::new()
            .str("include_value!: the file is ")
            .num(N)
            .str(" bytes but the destination type is ")
            .num(size_of::<Dst>())
            .str(" bytes; the file must hold exactly one value")
            .panic();
    }
}

/// Reads the bytes of an included file (`include_bytes!`) as a `Dst` of the same size; what
/// `include_value!` calls.
///
/// A size mismatch is a compile error. Usable in `const`.
///
/// # Examples
///
/// ```
/// const MAGIC: u32 = zerocast::macro_util::include_value(b"\x7fELF");
/// assert_eq!(MAGIC, u32::from_ne_bytes(*b"\x7fELF"));
/// ```
#[must_use]
#[inline(always)]
pub const fn include_value<Dst: FromBytes, const N: usize>(bytes: &[u8; N]) -> Dst {
    const { assert_file_size::<N, Dst>() };
    // `transmute_same_size` needs `[u8; N]` and `Dst` of the same size, `N` bytes:
    // the assertion above is evaluated for every instantiation of this function, and fails
    // to compile unless `N == size_of::<Dst>()`.
    // SAFETY: each precondition listed above holds, for the reason given there.
    unsafe { transmute_same_size::<[u8; N], Dst>(*bytes) }
}

/// Reinterprets the first `size_of::<Dst>()` bytes of `src` as a `Dst` no larger than `Src`;
/// what `transmute!(#![allow(shrink)] ..)` calls.
///
/// The bytes after the first `size_of::<Dst>()` are dropped with `src`'s other bits (`src` is
/// not dropped as a value).
///
/// # Examples
///
/// ```
/// let word = 0x0102_0304_0506_0708u64;
/// let half: u32 = zerocast::macro_util::transmute_shrink(word);
/// let first: [u8; 4] = word.to_ne_bytes()[..4].try_into().unwrap();
/// assert_eq!(half, u32::from_ne_bytes(first));
/// ```
#[must_use]
#[inline(always)]
pub const fn transmute_shrink<Src: IntoBytes, Dst: FromBytes>(src: Src) -> Dst {
    const { assert_no_larger::<Src, Dst>() };
    let u = Transmute {
        src: ManuallyDrop::new(src),
    };
    // Reading the `dst` field of the union reinterprets the first bytes of the `src`
    // field, which is sound when they are a valid `Dst`:
    // - both fields are at offset 0 (`repr(C)`) and `size_of::<Dst>() <= size_of::<Src>()`
    //   (asserted above), so `dst` covers only bytes written through `src`;
    // - `Src: IntoBytes`: all those bytes are initialized;
    // - `Dst: FromBytes`: any initialized bytes are a valid `Dst`.
    // `src` is not dropped (`ManuallyDrop`): its bytes now belong to the result.
    // SAFETY: each precondition listed above holds, for the reason given there.
    ManuallyDrop::into_inner(unsafe { u.dst })
}

/// Reinterprets `&Src` as `&Dst` of the same size and no greater alignment; what
/// `transmute_ref!` calls.
///
/// # Examples
///
/// ```
/// let words = [1u16, 2];
/// let bytes: &[u8; 4] = zerocast::macro_util::transmute_ref(&words);
/// assert_eq!(bytes, &[1u16.to_ne_bytes(), 2u16.to_ne_bytes()].concat()[..]);
/// ```
#[must_use]
#[inline(always)]
pub const fn transmute_ref<Src, Dst>(src: &Src) -> &Dst
where
    Src: IntoBytes + Immutable,
    Dst: FromBytes + Immutable,
{
    const { assert_same_size::<Src, Dst>("transmute_ref!") };
    const { assert_align_fits::<Src, Dst>("transmute_ref!") };
    // `ref_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more aligned:
    // the assertions above are evaluated for every instantiation and fail to compile otherwise.
    // SAFETY: each precondition listed above holds, for the reason given there.
    unsafe { ref_same_layout(src) }
}

/// `&Src` as `&Dst`: the body of `transmute_ref` and of the `transmute_ref!` macro's sized
/// path, which each check the layouts at compile time first, where the caller sees the error.
///
/// # Safety
///
/// `size_of::<Src>() == size_of::<Dst>()` and `align_of::<Dst>() <= align_of::<Src>()`.
#[inline(always)]
const unsafe fn ref_same_layout<Src, Dst>(src: &Src) -> &Dst
where
    Src: IntoBytes + Immutable,
    Dst: FromBytes + Immutable,
{
    let ptr = ptr::from_ref(src).cast::<Dst>();
    // The dereference yields a `&Dst` with `src`'s lifetime, sound because:
    // - `ptr` is non-null and aligned for `Dst` (`src` is aligned for `Src`, whose alignment
    //   is at least `Dst`'s, the caller's promise) and covers `size_of::<Dst>() ==
    //   size_of::<Src>()` bytes (the caller's promise) readable for the lifetime of `src`;
    // - they are initialized (`Src: IntoBytes`) and so a valid `Dst` (`Dst: FromBytes`);
    // - neither `Src` nor `Dst` has interior mutability (`Immutable`), so the bytes cannot
    //   change while either reference exists.
    // SAFETY: each precondition listed above holds, for the reason given there.
    unsafe { &*ptr }
}

/// Reinterprets `&mut Src` as `&mut Dst` of the same size and no greater alignment; what
/// `transmute_mut!` calls.
///
/// # Examples
///
/// ```
/// let mut word = 0u32;
/// let bytes: &mut [u8; 4] = zerocast::macro_util::transmute_mut(&mut word);
/// bytes[0] = 1;
/// assert_eq!(word, u32::from_ne_bytes([1, 0, 0, 0]));
/// ```
#[must_use]
#[inline(always)]
pub const fn transmute_mut<Src, Dst>(src: &mut Src) -> &mut Dst
where
    Src: FromBytes + IntoBytes,
    Dst: FromBytes + IntoBytes,
{
    const { assert_same_size::<Src, Dst>("transmute_mut!") };
    const { assert_align_fits::<Src, Dst>("transmute_mut!") };
    // `mut_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more aligned:
    // the assertions above are evaluated for every instantiation and fail to compile otherwise.
    // SAFETY: each precondition listed above holds, for the reason given there.
    unsafe { mut_same_layout(src) }
}

/// `&mut Src` as `&mut Dst`: the body of `transmute_mut` and of the `transmute_mut!` macro's
/// sized path, which each check the layouts at compile time first.
///
/// # Safety
///
/// `size_of::<Src>() == size_of::<Dst>()` and `align_of::<Dst>() <= align_of::<Src>()`.
#[inline(always)]
const unsafe fn mut_same_layout<Src, Dst>(src: &mut Src) -> &mut Dst
where
    Src: FromBytes + IntoBytes,
    Dst: FromBytes + IntoBytes,
{
    let ptr = ptr::from_mut(src).cast::<Dst>();
    // The dereference yields a unique `&mut Dst` with `src`'s lifetime, sound because:
    // - `ptr` is non-null, aligned for `Dst` and covers `size_of::<Dst>()` bytes uniquely
    //   borrowed for that lifetime (as in `ref_same_layout`, with `&mut`, by the caller's
    //   promise);
    // - the bytes are initialized (`Src: IntoBytes`), so a valid `Dst` (`Dst: FromBytes`);
    // - anything written through the `&mut Dst` is initialized (`Dst: IntoBytes`) and so a
    //   valid `Src` (`Src: FromBytes`) when the borrow ends.
    // SAFETY: each precondition listed above holds, for the reason given there.
    unsafe { &mut *ptr }
}

/// Reinterprets `src` as a `Dst` of the same size if its bytes are a valid `Dst`; what
/// `try_transmute!` calls.
///
/// # Examples
///
/// ```
/// use zerocast::macro_util::try_transmute;
/// let b: Result<bool, _> = try_transmute(1u8);
/// assert_eq!(b.unwrap(), true);
/// let bad: Result<bool, _> = try_transmute(7u8);
/// assert_eq!(bad.unwrap_err().into_src(), 7);
/// ```
///
/// # Errors
///
/// A [`ValidityError`] holding `src` if its bytes are not a valid `Dst`.
#[inline(always)]
pub fn try_transmute<Src, Dst>(src: Src) -> Result<Dst, ValidityError<Src, Dst>>
where
    Src: IntoBytes,
    Dst: TryFromBytes,
{
    const { assert_same_size::<Src, Dst>("try_transmute!") };
    let src = ManuallyDrop::new(src);
    let ptr = ptr::from_ref::<Src>(&src).cast::<u8>();
    // `from_raw_parts` needs `size_of::<Src>()` initialized bytes that do not change
    // while the slice lives: `src` is our own local, borrowed shared here and used by nothing
    // else until the slice is dead, and `Src: IntoBytes` means every byte is initialized.
    // SAFETY: each precondition listed above holds, for the reason given there.
    let bytes = unsafe { slice::from_raw_parts(ptr, size_of::<Src>()) };
    if let Err(invalid) = Dst::validate(Candidate::new(bytes)) {
        return Err(ValidityError::new(ManuallyDrop::into_inner(src), invalid));
    }
    // `read_unaligned` needs `size_of::<Dst>()` readable bytes forming a valid `Dst`:
    // `ptr` points to `size_of::<Src>() == size_of::<Dst>()` bytes of `src` (asserted above),
    // which `Dst::validate` accepted. `src` is never dropped: its bytes now belong to the result.
    // SAFETY: each precondition listed above holds, for the reason given there.
    Ok(unsafe { ptr::read_unaligned(ptr.cast::<Dst>()) })
}

/// Reinterprets `&Src` as `&Dst` of the same size and no greater alignment if its bytes are a
/// valid `Dst`; what `try_transmute_ref!` calls.
///
/// # Examples
///
/// ```
/// use zerocast::macro_util::try_transmute_ref;
/// let flags = [1u8, 0];
/// let ok: Result<&[bool; 2], _> = try_transmute_ref(&flags);
/// assert_eq!(ok.unwrap(), &[true, false]);
/// let bad: Result<&[bool; 2], _> = try_transmute_ref(&[1u8, 9]);
/// assert_eq!(bad.unwrap_err().invalid().offset(), 1);
/// ```
///
/// # Errors
///
/// A [`ValidityError`] holding `src` if its bytes are not a valid `Dst`.
#[inline(always)]
pub fn try_transmute_ref<Src, Dst>(src: &Src) -> Result<&Dst, ValidityError<&Src, Dst>>
where
    Src: IntoBytes + Immutable,
    Dst: TryFromBytes + Immutable,
{
    const { assert_same_size::<Src, Dst>("try_transmute_ref!") };
    const { assert_align_fits::<Src, Dst>("try_transmute_ref!") };
    // `try_ref_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
    // aligned: the assertions above fail to compile otherwise.
    // SAFETY: each precondition listed above holds, for the reason given there.
    unsafe { try_ref_same_layout(src) }
}

/// The body of `try_transmute_ref` and of the `try_transmute_ref!` macro's sized path, which
/// each check the layouts at compile time first.
///
/// # Safety
///
/// `size_of::<Src>() == size_of::<Dst>()` and `align_of::<Dst>() <= align_of::<Src>()`.
#[inline(always)]
unsafe fn try_ref_same_layout<Src, Dst>(src: &Src) -> Result<&Dst, ValidityError<&Src, Dst>>
where
    Src: IntoBytes + Immutable,
    Dst: TryFromBytes + Immutable,
{
    if let Err(invalid) = Dst::validate(Candidate::new(as_bytes(src))) {
        return Err(ValidityError::new(src, invalid));
    }
    let ptr = ptr::from_ref(src).cast::<Dst>();
    // The dereference yields a `&Dst` with `src`'s lifetime, sound because:
    // - `ptr` is non-null, aligned for `Dst` (`Src`'s alignment is at least `Dst`'s, the
    //   caller's promise) and covers `size_of::<Dst>() == size_of::<Src>()` bytes (the
    //   caller's promise) readable for that lifetime;
    // - they are a valid `Dst`: `Dst::validate` accepted them, and they cannot have changed
    //   since, as `src` is a shared borrow of an `Immutable` type;
    // - neither type has interior mutability (`Immutable`), so they cannot change while either
    //   reference exists.
    // SAFETY: each precondition listed above holds, for the reason given there.
    Ok(unsafe { &*ptr })
}

/// Reinterprets `&mut Src` as `&mut Dst` of the same size and no greater alignment if its
/// bytes are a valid `Dst`; what `try_transmute_mut!` calls.
///
/// # Examples
///
/// ```
/// use zerocast::macro_util::try_transmute_mut;
/// let mut flags = [1u8, 0];
/// let b: &mut [bool; 2] = try_transmute_mut(&mut flags).unwrap();
/// b[1] = true;
/// assert_eq!(flags, [1, 1]);
/// ```
///
/// # Errors
///
/// A [`ValidityError`] holding `src` if its bytes are not a valid `Dst`.
#[inline(always)]
pub fn try_transmute_mut<Src, Dst>(src: &mut Src) -> Result<&mut Dst, ValidityError<&mut Src, Dst>>
where
    Src: FromBytes + IntoBytes,
    Dst: TryFromBytes + IntoBytes,
{
    const { assert_same_size::<Src, Dst>("try_transmute_mut!") };
    const { assert_align_fits::<Src, Dst>("try_transmute_mut!") };
    // `try_mut_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
    // aligned: the assertions above fail to compile otherwise.
    // SAFETY: each precondition listed above holds, for the reason given there.
    unsafe { try_mut_same_layout(src) }
}

/// The body of `try_transmute_mut` and of the `try_transmute_mut!` macro's sized path, which
/// each check the layouts at compile time first.
///
/// # Safety
///
/// `size_of::<Src>() == size_of::<Dst>()` and `align_of::<Dst>() <= align_of::<Src>()`.
#[inline(always)]
unsafe fn try_mut_same_layout<Src, Dst>(
    src: &mut Src,
) -> Result<&mut Dst, ValidityError<&mut Src, Dst>>
where
    Src: FromBytes + IntoBytes,
    Dst: TryFromBytes + IntoBytes,
{
    if let Err(invalid) = Dst::validate(Candidate::new(as_mut_bytes(src))) {
        return Err(ValidityError::new(src, invalid));
    }
    let ptr = ptr::from_mut(src).cast::<Dst>();
    // The dereference yields a unique `&mut Dst` with `src`'s lifetime, sound because:
    // - `ptr` is non-null, aligned for `Dst` and covers `size_of::<Dst>()` bytes uniquely
    //   borrowed for that lifetime (as in `try_ref_same_layout`, with `&mut`);
    // - they are a valid `Dst`: `Dst::validate` accepted them, and nothing could change them
    //   since (`src` is borrowed uniquely here);
    // - anything written through the `&mut Dst` is initialized (`Dst: IntoBytes`), so a valid
    //   `Src` (`Src: FromBytes`) when the borrow ends.
    // SAFETY: each precondition listed above holds, for the reason given there.
    Ok(unsafe { &mut *ptr })
}

// The reference-transmute macros' two paths. Each method checks the layouts in a `const`
// block of its own, so that a rejection names the caller's line (the compiler reports the
// function instantiated there).

impl<'a, Src, Dst> Wrap<&'a Src, &'a Dst> {
    /// The sized path of `transmute_ref!`, as [`transmute_ref`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::Wrap;
    /// const FLAT: &[u8; 4] = Wrap::new(&[[1u8, 2], [3, 4]]).transmute_ref();
    /// assert_eq!(FLAT, &[1, 2, 3, 4]);
    /// ```
    #[must_use]
    #[inline(always)]
    pub const fn transmute_ref(self) -> &'a Dst
    where
        Src: IntoBytes + Immutable,
        Dst: FromBytes + Immutable,
    {
        const { assert_same_size::<Src, Dst>("transmute_ref!") };
        const { assert_align_fits::<Src, Dst>("transmute_ref!") };
        // `ref_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
        // aligned: the assertions above fail to compile otherwise.
        // SAFETY: each precondition listed above holds, for the reason given there.
        unsafe { ref_same_layout(self.0) }
    }

    /// The sized path of `try_transmute_ref!`, as [`try_transmute_ref`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::Wrap;
    /// let b: Result<&[bool; 2], _> = Wrap::new(&[1u8, 2]).try_transmute_ref();
    /// assert_eq!(b.unwrap_err().invalid().offset(), 1);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`ValidityError`] holding the source if its bytes are not a valid `Dst`.
    #[inline(always)]
    pub fn try_transmute_ref(self) -> Result<&'a Dst, ValidityError<&'a Src, Dst>>
    where
        Src: IntoBytes + Immutable,
        Dst: TryFromBytes + Immutable,
    {
        const { assert_same_size::<Src, Dst>("try_transmute_ref!") };
        const { assert_align_fits::<Src, Dst>("try_transmute_ref!") };
        // `try_ref_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
        // aligned: the assertions above fail to compile otherwise.
        // SAFETY: each precondition listed above holds, for the reason given there.
        unsafe { try_ref_same_layout(self.0) }
    }
}

impl<'a, Src, Dst> Wrap<&'a mut Src, &'a mut Dst> {
    /// The sized path of `transmute_mut!`, as [`transmute_mut`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::Wrap;
    /// let mut word = 0u16;
    /// let bytes: &mut [u8; 2] = Wrap::new_mut(&mut word).transmute_mut();
    /// bytes.fill(0xFF);
    /// assert_eq!(word, u16::MAX);
    /// ```
    #[must_use]
    #[inline(always)]
    pub const fn transmute_mut(self) -> &'a mut Dst
    where
        Src: FromBytes + IntoBytes,
        Dst: FromBytes + IntoBytes,
    {
        const { assert_same_size::<Src, Dst>("transmute_mut!") };
        const { assert_align_fits::<Src, Dst>("transmute_mut!") };
        // `mut_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
        // aligned: the assertions above fail to compile otherwise.
        // SAFETY: each precondition listed above holds, for the reason given there.
        unsafe { mut_same_layout(self.0) }
    }

    /// The sized path of `try_transmute_mut!`, as [`try_transmute_mut`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::Wrap;
    /// let mut raw = [1u8];
    /// let b: Result<&mut bool, _> = Wrap::new_mut(&mut raw).try_transmute_mut();
    /// assert_eq!(b.unwrap(), &true);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`ValidityError`] holding the source if its bytes are not a valid `Dst`.
    #[inline(always)]
    pub fn try_transmute_mut(self) -> Result<&'a mut Dst, ValidityError<&'a mut Src, Dst>>
    where
        Src: FromBytes + IntoBytes,
        Dst: TryFromBytes + IntoBytes,
    {
        const { assert_same_size::<Src, Dst>("try_transmute_mut!") };
        const { assert_align_fits::<Src, Dst>("try_transmute_mut!") };
        // `try_mut_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
        // aligned: the assertions above fail to compile otherwise.
        // SAFETY: each precondition listed above holds, for the reason given there.
        unsafe { try_mut_same_layout(self.0) }
    }
}
