// SPDX-License-Identifier: MIT OR Apache-2.0
//! Device pointers to fields: the projection behind [`field!`](crate::field) and
//! [`split_fields!`](crate::split_fields), the by-value traits those macros call, and the
//! offset casts that register blocks use.

use core::marker::PhantomData;
use core::mem::{align_of, size_of};

use super::backend::Backend;
use super::ptr::{DevicePtr, DevicePtrMut};

macro_rules! projection {
    ($ptr:ident) => {
        impl<'a, T, B: Backend> $ptr<'a, T, B> {
            /// The pointer to the field of type `F` at `OFFSET`; used by [`field!`](crate::field).
            ///
            /// # Safety
            ///
            /// `OFFSET` is the offset of a field of type `F` in `T` (`offset_of!` on the path
            /// whose type `_path` names). Bounds and alignment are checked at compile time, but
            /// not that the bytes there are meant as an `F`: a write of another type could
            /// break a `T` that ordinary code reads.
            #[doc(hidden)]
            #[must_use]
            pub unsafe fn __project<F, const OFFSET: usize>(
                self,
                _path: fn(&T) -> &F,
            ) -> $ptr<'a, F, B> {
                const {
                    assert!(
                        OFFSET <= size_of::<T>() && size_of::<F>() <= size_of::<T>() - OFFSET,
                        "the projected field is not inside the pointee"
                    );
                    assert!(
                        OFFSET % align_of::<F>() == 0 && align_of::<F>() <= align_of::<T>(),
                        "the projected field is not aligned to its type (a packed struct?)"
                    );
                };
                // INVARIANT: `OFFSET` is the offset of a field of type `F` in `T` (the macro
                // computes it with `offset_of!` and checks the path's type); the field lies
                // inside `T` and is aligned to `F`, both checked above at compile time.
                $ptr {
                    ptr: self.ptr.cast::<u8>().wrapping_add(OFFSET).cast::<F>(),
                    backend: self.backend,
                    _life: PhantomData,
                }
            }
        }
    };
}
projection!(DevicePtrMut);
projection!(DevicePtr);

mod sealed {
    /// Implemented by [`DevicePtr`](super::DevicePtr) and
    /// [`DevicePtrMut`](super::DevicePtrMut) only.
    pub trait Pointer {}
}
impl<T: ?Sized, B: Backend> sealed::Pointer for DevicePtr<'_, T, B> {}
impl<T: ?Sized, B: Backend> sealed::Pointer for DevicePtrMut<'_, T, B> {}

/// A device pointer by value, as [`field!`](crate::field) takes it; implemented by
/// [`DevicePtr`] and [`DevicePtrMut`] (never by references to them).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`field!` takes a device pointer by value, not `{Self}`",
    label = "not a `DevicePtr` or `DevicePtrMut` by value",
    note = "pass the pointer itself: a `DevicePtrMut` is consumed (pass `p.reborrow()` to use `p` again afterwards), a `DevicePtr` is copied"
)]
pub trait FieldSource: sealed::Pointer + Sized {
    /// `self`, unchanged: calling this as `FieldSource::__by_value(p)` (no auto-reference or
    /// auto-dereference) proves that `p` is a pointer by value.
    #[must_use]
    #[inline(always)]
    fn __by_value(self) -> Self {
        self
    }
}
impl<T: ?Sized, B: Backend> FieldSource for DevicePtr<'_, T, B> {}
impl<T: ?Sized, B: Backend> FieldSource for DevicePtrMut<'_, T, B> {}

/// A unique device pointer by value, as [`split_fields!`](crate::split_fields) takes it;
/// implemented by [`DevicePtrMut`] only (never by a reference to one, through which the pointer
/// would outlive the split and could be split again).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`split_fields!` takes a `DevicePtrMut` by value, not `{Self}`",
    label = "not a `DevicePtrMut` by value",
    note = "pass the pointer itself (it is consumed), or `p.reborrow()` to use `p` again once the field pointers are gone; through `&p` or `&mut p` the pointer would outlive the split"
)]
pub trait SplitSource: sealed::Pointer + Sized {
    /// The token the fields are split from.
    type Split;
    /// Consumes the pointer into the token `split_fields!` splits (its only use).
    #[must_use]
    fn __into_split(self) -> Self::Split;
}
impl<'a, T, B: Backend> SplitSource for DevicePtrMut<'a, T, B> {
    type Split = Split<'a, T, B>;
    #[inline(always)]
    fn __into_split(self) -> Split<'a, T, B> {
        Split {
            ptr: self,
            _not_shared: PhantomData,
        }
    }
}

/// A unique device pointer being split into field pointers by
/// [`split_fields!`](crate::split_fields), which owns it in a local the caller cannot name.
/// Neither `Send` nor `Sync`: it never leaves that expression.
#[doc(hidden)]
pub struct Split<'a, T, B: Backend> {
    ptr: DevicePtrMut<'a, T, B>,
    _not_shared: PhantomData<*mut ()>,
}

impl<'a, T, B: Backend> Split<'a, T, B> {
    /// A unique pointer to the field at `OFFSET`, alongside other field pointers.
    ///
    /// # Safety
    ///
    /// `OFFSET` is the offset of a field of type `F` of the struct `T` (as in `__project`), and
    /// no other pointer returned by this function for `self` points to the same field: used by
    /// `split_fields!`, which names distinct fields of a struct (checked by a struct pattern)
    /// and made `self` from a `DevicePtrMut` it consumed.
    #[doc(hidden)]
    #[must_use]
    #[inline(always)]
    pub unsafe fn __field<F, const OFFSET: usize>(
        &self,
        path: fn(&T) -> &F,
    ) -> DevicePtrMut<'a, F, B> {
        // INVARIANT: the same pointer as `self.ptr`, for `'a`: the caller hands out only
        // pointers to distinct fields of it, and `self.ptr` itself is never used again.
        let this = DevicePtrMut {
            ptr: self.ptr.ptr,
            backend: self.ptr.backend,
            _life: PhantomData,
        };
        // SAFETY: the caller's promise: `OFFSET` is the offset of a field of type `F`.
        unsafe { this.__project::<F, OFFSET>(path) }
    }
}

impl<'a, T: ?Sized, B: Backend> DevicePtr<'a, T, B> {
    /// A shared pointer to the `F` at `offset` bytes from `self`, for the register blocks.
    ///
    /// # Safety
    ///
    /// The `size_of::<F>()` bytes at `offset` lie inside the memory `self` may access and
    /// their address is aligned to `align_of::<F>()`.
    pub(super) unsafe fn cast_at<F>(self, offset: usize) -> DevicePtr<'a, F, B> {
        // INVARIANT: the caller's promise: inside and aligned. A shared pointer never writes,
        // and its reads need `FromBytes` or validate a copy, so the bytes' validity as an `F`
        // is not needed.
        DevicePtr {
            ptr: self.ptr.cast::<u8>().wrapping_add(offset).cast::<F>(),
            backend: self.backend,
            _life: PhantomData,
        }
    }
}

impl<'a, T: ?Sized, B: Backend> DevicePtrMut<'a, T, B> {
    /// A unique pointer to the `F` at `offset` bytes from `self`, for the register blocks.
    ///
    /// # Safety
    ///
    /// The `size_of::<F>()` bytes at `offset` lie inside the memory `self` may access, their
    /// address is aligned to `align_of::<F>()`, any `F` written there leaves a valid pointee
    /// behind, and while the result lives nothing else accesses those bytes (`self` is
    /// consumed; the caller keeps no other pointer to them in use).
    pub(super) unsafe fn cast_at<F>(self, offset: usize) -> DevicePtrMut<'a, F, B> {
        // INVARIANT: the caller's promise: inside, aligned, not otherwise in use.
        DevicePtrMut {
            ptr: self.ptr.cast::<u8>().wrapping_add(offset).cast::<F>(),
            backend: self.backend,
            _life: PhantomData,
        }
    }

    /// A unique pointer to the `len` bytes at the start of `self`, for the register blocks.
    ///
    /// # Safety
    ///
    /// As [`cast_at`](Self::cast_at) for the `len` bytes from offset 0.
    pub(super) unsafe fn cast_bytes(self, len: usize) -> DevicePtrMut<'a, [u8], B> {
        // INVARIANT: the caller's promise: inside, not otherwise in use (`u8` needs no
        // alignment).
        DevicePtrMut {
            ptr: core::ptr::slice_from_raw_parts_mut(self.ptr.cast::<u8>(), len),
            backend: self.backend,
            _life: PhantomData,
        }
    }
}
