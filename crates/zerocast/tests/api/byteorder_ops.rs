// SPDX-License-Identifier: MIT OR Apache-2.0
//! The operators, ordering and formatting of the byte-order numbers, against the native
//! number's, on random operands from a small deterministic PRNG (edge values and small values
//! included, so that overflow, division by zero and over-long shifts all occur).
//!
//! Each operation runs under `catch_unwind`, natively and in every form the byte-order type
//! offers (`W op W`, `W op n`, `n op W`, `W op= W`, `W op= n`, `n op= W`); the results must
//! agree, a panic included: a panic happens iff the native operation panics. Which ones panic
//! depends on the build (`cfg(debug_assertions)`: overflow checks), so this is run in debug
//! and release builds.

use core::cell::Cell;
use core::fmt::Debug;
use std::panic::{self, catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use zerocast::byteorder::{
    BigEndian, ByteOrder, Isize, LittleEndian, Order, Usize, BE, F32, F64, I128, I16, I32, I64, LE,
    U128, U16, U32, U64,
};

use crate::common::Rng;

/// Iterations of each random test; fewer under Miri.
const ROUNDS: usize = if cfg!(miri) { 6 } else { 1500 };

thread_local! {
    /// Set while an operation that may panic runs, so that the panic hook stays quiet.
    static EXPECTING_PANIC: Cell<bool> = const { Cell::new(false) };
    /// How many operations run by `outcome` on this thread panicked.
    static PANICS: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f`, returning `None` if it panicked (without printing the panic).
///
/// The closures here capture numbers by copy only, so nothing they touch is seen after a panic
/// (hence `AssertUnwindSafe`: the generic byte-order parameter is not `UnwindSafe` itself).
fn outcome<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !EXPECTING_PANIC.with(Cell::get) {
                previous(info);
            }
        }));
    });
    EXPECTING_PANIC.with(|e| e.set(true));
    let result = catch_unwind(AssertUnwindSafe(f)).ok();
    EXPECTING_PANIC.with(|e| e.set(false));
    if result.is_none() {
        PANICS.with(|p| p.set(p.get() + 1));
    }
    result
}

/// A native number the tests can draw and compare.
trait Native: Copy + Debug {
    /// Floats never panic in arithmetic; integers do (at least on division by zero).
    const FLOAT: bool;
    /// A random value: any bits, a small value, an edge value or a half-width value.
    fn sample(rng: &mut Rng) -> Self;
    /// A shift amount: mostly in range, sometimes just past it, sometimes anything.
    fn shift(rng: &mut Rng) -> Self;
    /// Equal values (for floats: equal bits, or both NaN, whose payload is not specified).
    fn same(self, other: Self) -> bool;
}

macro_rules! native_int {
    ($($t:ident),*) => {$(
        impl Native for $t {
            const FLOAT: bool = false;
            fn sample(rng: &mut Rng) -> $t {
                let edges = [0, 1, $t::MAX, $t::MIN, $t::MAX - 1, $t::MIN.wrapping_add(1), $t::MIN / 2];
                match rng.next() % 4 {
                    0 => $t::from_ne_bytes(rng.bytes()),
                    1 => $t::try_from(rng.next() % 33).unwrap(),
                    2 => edges[(rng.next() % edges.len() as u64) as usize],
                    _ => $t::from_ne_bytes(rng.bytes()) >> ($t::BITS / 2),
                }
            }
            fn shift(rng: &mut Rng) -> $t {
                match rng.next() % 8 {
                    0 => $t::from_ne_bytes(rng.bytes()),
                    1 => $t::try_from($t::BITS + (rng.next() % 3) as u32).unwrap(),
                    _ => $t::try_from(rng.next() % u64::from($t::BITS)).unwrap(),
                }
            }
            fn same(self, other: $t) -> bool {
                self == other
            }
        }
    )*};
}
native_int!(u16, u32, u64, u128, usize, i16, i32, i64, i128, isize);

macro_rules! native_float {
    ($($t:ident $bits:ident),*) => {$(
        impl Native for $t {
            const FLOAT: bool = true;
            fn sample(rng: &mut Rng) -> $t {
                let edges = [
                    0.0, -0.0, 1.0, -1.0, $t::MAX, $t::MIN, $t::MIN_POSITIVE, $t::EPSILON,
                    $t::INFINITY, $t::NEG_INFINITY, $t::NAN,
                ];
                match rng.next() % 4 {
                    0 => $t::from_bits($bits::from_ne_bytes(rng.bytes())),
                    1 => (rng.next() % 33) as $t - 16.0,
                    2 => edges[(rng.next() % edges.len() as u64) as usize],
                    _ => (rng.next() as $t) / (rng.next() as $t + 1.0),
                }
            }
            fn shift(rng: &mut Rng) -> $t {
                Self::sample(rng)
            }
            fn same(self, other: $t) -> bool {
                self.to_bits() == other.to_bits() || (self.is_nan() && other.is_nan())
            }
        }
    )*};
}
native_float!(f32 u32, f64 u64);

/// Both panicked, or neither did and the values are the same.
fn agree<N: Native>(want: Option<N>, got: Option<N>, what: &str, a: N, b: N) {
    let ok = match (want, got) {
        (None, None) => true,
        (Some(w), Some(g)) => w.same(g),
        _ => false,
    };
    assert!(
        ok,
        "{what} on {a:?}, {b:?}: native {want:?}, byte-order type {got:?}"
    );
}

/// Checks one binary operator in its six forms against the native one.
macro_rules! check_binop {
    ($W:ident, $O:ident, $a:expr, $b:expr, $op:tt, $op_assign:tt, $bytes:ident) => {{
        let (a, b) = ($a, $b);
        let (wa, wb) = ($W::<$O>::new(a), $W::<$O>::new(b));
        let want = outcome(move || a $op b);
        let w = |r: Option<$W<$O>>| {
            r.map(|r| {
                assert_eq!(r.to_bytes(), $bytes(r.get()), "stored in the type's order");
                r.get()
            })
        };
        let name = stringify!($op);
        agree(want, w(outcome(move || wa $op wb)), name, a, b);
        agree(want, w(outcome(move || wa $op b)), name, a, b);
        agree(want, w(outcome(move || a $op wb)), name, a, b);
        agree(want, w(outcome(move || { let mut x = wa; x $op_assign wb; x })), name, a, b);
        agree(want, w(outcome(move || { let mut x = wa; x $op_assign b; x })), name, a, b);
        agree(want, outcome(move || { let mut x = a; x $op_assign wb; x }), name, a, b);
    }};
}

/// The bytes of `n` in the order `O`, by the native methods.
macro_rules! order_bytes {
    ($O:ident, $native:ident) => {
        |n: $native| match $O::ORDER {
            Order::BigEndian => n.to_be_bytes(),
            Order::LittleEndian => n.to_le_bytes(),
        }
    };
}

/// Arithmetic operators and `PartialOrd`, for every type.
macro_rules! arith_tests {
    ($test:ident, $W:ident, $native:ident) => {
        #[test]
        fn $test() {
            fn one<O: ByteOrder>(rng: &mut Rng) {
                let bytes = order_bytes!(O, $native);
                for _ in 0..ROUNDS {
                    let (a, b) = ($native::sample(rng), $native::sample(rng));
                    check_binop!($W, O, a, b, +, +=, bytes);
                    check_binop!($W, O, a, b, -, -=, bytes);
                    check_binop!($W, O, a, b, *, *=, bytes);
                    check_binop!($W, O, a, b, /, /=, bytes);
                    check_binop!($W, O, a, b, %, %=, bytes);
                    let (wa, wb) = ($W::<O>::new(a), $W::<O>::new(b));
                    assert_eq!(wa.partial_cmp(&wb), a.partial_cmp(&b));
                    assert_eq!(wa < wb, a < b);
                    assert_eq!(wa >= wb, a >= b);
                }
            }
            let mut rng = Rng(0xa417 ^ size_of::<$native>() as u64);
            PANICS.with(|p| p.set(0));
            one::<BigEndian>(&mut rng);
            one::<LittleEndian>(&mut rng);
            // The operands reach the panicking cases (not checked on Miri's few rounds).
            let panics = PANICS.with(Cell::get);
            if <$native as Native>::FLOAT {
                assert_eq!(panics, 0);
            } else if !cfg!(miri) {
                assert!(panics > 0, "no operation panicked: the operands miss the edge cases");
            }
        }
    };
}

arith_tests!(arith_u16, U16, u16);
arith_tests!(arith_u32, U32, u32);
arith_tests!(arith_u64, U64, u64);
arith_tests!(arith_u128, U128, u128);
arith_tests!(arith_usize, Usize, usize);
arith_tests!(arith_i16, I16, i16);
arith_tests!(arith_i32, I32, i32);
arith_tests!(arith_i64, I64, i64);
arith_tests!(arith_i128, I128, i128);
arith_tests!(arith_isize, Isize, isize);
arith_tests!(arith_f32, F32, f32);
arith_tests!(arith_f64, F64, f64);

/// Bitwise and shift operators, `Not`, `Ord` and `PartialOrd<native>`, for integers.
macro_rules! int_tests {
    ($test:ident, $W:ident, $native:ident) => {
        #[test]
        fn $test() {
            fn one<O: ByteOrder>(rng: &mut Rng) {
                let bytes = order_bytes!(O, $native);
                for _ in 0..ROUNDS {
                    let (a, b) = ($native::sample(rng), $native::sample(rng));
                    check_binop!($W, O, a, b, &, &=, bytes);
                    check_binop!($W, O, a, b, |, |=, bytes);
                    check_binop!($W, O, a, b, ^, ^=, bytes);
                    let s = $native::shift(rng);
                    check_binop!($W, O, a, s, <<, <<=, bytes);
                    check_binop!($W, O, a, s, >>, >>=, bytes);
                    let (wa, wb) = ($W::<O>::new(a), $W::<O>::new(b));
                    assert_eq!((!wa).get(), !a);
                    assert_eq!((!wa).to_bytes(), bytes(!a));
                    assert_eq!(wa.cmp(&wb), a.cmp(&b));
                    assert_eq!(wa.max(wb).get(), a.max(b));
                    assert_eq!(wa.partial_cmp(&b), a.partial_cmp(&b));
                    assert_eq!(wa > b, a > b);
                }
            }
            let mut rng = Rng(0xb175 ^ size_of::<$native>() as u64);
            one::<BigEndian>(&mut rng);
            one::<LittleEndian>(&mut rng);
        }
    };
}

int_tests!(int_ops_u16, U16, u16);
int_tests!(int_ops_u32, U32, u32);
int_tests!(int_ops_u64, U64, u64);
int_tests!(int_ops_u128, U128, u128);
int_tests!(int_ops_usize, Usize, usize);
int_tests!(int_ops_i16, I16, i16);
int_tests!(int_ops_i32, I32, i32);
int_tests!(int_ops_i64, I64, i64);
int_tests!(int_ops_i128, I128, i128);
int_tests!(int_ops_isize, Isize, isize);

/// `Neg`, for signed integers and floats.
macro_rules! neg_tests {
    ($test:ident, $W:ident, $native:ident) => {
        #[test]
        fn $test() {
            fn one<O: ByteOrder>(rng: &mut Rng) {
                let bytes = order_bytes!(O, $native);
                for _ in 0..ROUNDS {
                    let a = $native::sample(rng);
                    let want = outcome(move || -a);
                    let got = outcome(move || -$W::<O>::new(a));
                    if let Some(g) = got {
                        assert_eq!(g.to_bytes(), bytes(g.get()));
                    }
                    agree(want, got.map($W::get), "neg", a, a);
                }
            }
            let mut rng = Rng(0x4e6 ^ size_of::<$native>() as u64);
            one::<BigEndian>(&mut rng);
            one::<LittleEndian>(&mut rng);
        }
    };
}

neg_tests!(neg_i16, I16, i16);
neg_tests!(neg_i32, I32, i32);
neg_tests!(neg_i64, I64, i64);
neg_tests!(neg_i128, I128, i128);
neg_tests!(neg_isize, Isize, isize);
neg_tests!(neg_f32, F32, f32);
neg_tests!(neg_f64, F64, f64);

/// Overflow panics exactly when overflow checks are on (debug builds), and wraps otherwise.
#[test]
fn overflow_follows_the_build() {
    let debug = cfg!(debug_assertions);
    let add = outcome(|| U32::<BE>::MAX_VALUE + 1);
    assert_eq!(add.is_none(), debug);
    if let Some(v) = add {
        assert_eq!(v.get(), 0);
    }
    let neg = outcome(|| -I16::<LE>::new(i16::MIN));
    assert_eq!(neg.is_none(), debug);
    if let Some(v) = neg {
        assert_eq!(v.get(), i16::MIN);
    }
    let shl = outcome(|| U64::<LE>::new(1) << 64u64);
    assert_eq!(shl.is_none(), debug);
    if let Some(v) = shl {
        assert_eq!(v.get(), 1, "the shift amount is masked to 0");
    }
    let mut acc = 250u16;
    let sub = outcome(move || {
        acc -= U16::<BE>::new(251);
        acc
    });
    assert_eq!(sub.is_none(), debug);
    if let Some(v) = sub {
        assert_eq!(v, u16::MAX);
    }
    // Division by zero and `MIN / -1` panic in every build.
    assert!(outcome(|| U32::<BE>::new(1) / 0).is_none());
    assert!(outcome(|| I64::<LE>::new(i64::MIN) / I64::new(-1)).is_none());
    assert!(outcome(|| I32::<BE>::new(i32::MIN) % I32::new(-1)).is_none());
    // Floats never panic.
    assert!(outcome(|| F64::<BE>::new(1.0) / 0.0)
        .unwrap()
        .get()
        .is_infinite());
}

// ---- Formatting ----------------------------------------------------------------------------

/// Formats a value and its native number with each format string; they must agree.
macro_rules! same_format {
    ($w:expr, $n:expr, $($fmt:literal),*) => {{
        let (w, n) = ($w, $n);
        $( assert_eq!(format!($fmt, w), format!($fmt, n), "format {}", $fmt); )*
    }};
}

macro_rules! int_format_tests {
    ($test:ident, $W:ident, $native:ident) => {
        #[test]
        fn $test() {
            let mut rng = Rng(0xf0 ^ size_of::<$native>() as u64);
            for _ in 0..ROUNDS / 10 + 1 {
                let n = $native::sample(&mut rng);
                for w in [$W::<BE>::new(n).get(), $W::<LE>::new(n).get()] {
                    assert_eq!(w, n);
                }
                let (be, le) = ($W::<BE>::new(n), $W::<LE>::new(n));
                for w in [be, $W::<BE>::from_bytes(be.to_bytes())] {
                    same_format!(
                        w, n, "{}", "{:7}", "{:<9}|", "{:^9}|", "{:+}", "{:08}", "{:x}", "{:#x}",
                        "{:X}", "{:#012X}", "{:o}", "{:#o}", "{:b}", "{:#b}", "{:>40b}"
                    );
                }
                same_format!(le, n, "{}", "{:7}", "{:+}", "{:x}", "{:#X}", "{:o}", "{:#b}");
                assert_eq!(format!("{be:?}"), format!("{}({n:?})", stringify!($W)));
                assert_eq!(format!("{le:x?}"), format!("{}({n:x?})", stringify!($W)));
            }
        }
    };
}

int_format_tests!(format_u16, U16, u16);
int_format_tests!(format_u32, U32, u32);
int_format_tests!(format_u64, U64, u64);
int_format_tests!(format_u128, U128, u128);
int_format_tests!(format_usize, Usize, usize);
int_format_tests!(format_i16, I16, i16);
int_format_tests!(format_i32, I32, i32);
int_format_tests!(format_i64, I64, i64);
int_format_tests!(format_i128, I128, i128);
int_format_tests!(format_isize, Isize, isize);

macro_rules! float_format_tests {
    ($test:ident, $W:ident, $native:ident) => {
        #[test]
        fn $test() {
            let mut rng = Rng(0xf1 ^ size_of::<$native>() as u64);
            for _ in 0..ROUNDS / 10 + 1 {
                let n = $native::sample(&mut rng);
                let (be, le) = ($W::<BE>::new(n), $W::<LE>::from_bytes(n.to_le_bytes()));
                same_format!(be, n, "{}", "{:.3}", "{:12.1}|", "{:+}", "{:<10}|");
                same_format!(le, n, "{}", "{:.3}", "{:12.1}|", "{:+}", "{:<10}|");
                assert_eq!(format!("{be:?}"), format!("{}({n:?})", stringify!($W)));
                assert_eq!(format!("{le:?}"), format!("{}({n:?})", stringify!($W)));
            }
        }
    };
}

float_format_tests!(format_f32, F32, f32);
float_format_tests!(format_f64, F64, f64);
