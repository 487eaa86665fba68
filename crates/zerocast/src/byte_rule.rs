// SPDX-License-Identifier: MIT OR Apache-2.0
//! Validating large slices at memory speed: byte-wise validity rules and a chunked checker.
//!
//! Checking `[E]` element by element (one call of `E::validate` per element, each with its own
//! bounds check and early return) runs at a few tenths of a nanosecond per byte. Many element
//! types are simpler than that: their validity is a condition on each byte on its own. A
//! `bool` is one byte in `0..=1`; a fieldless `repr(u8)` enum is one byte in the set of its
//! discriminants; a `repr(C)` struct of such fields is valid exactly when each field is, and
//! its padding may hold anything. For these, validity is "byte `i` of each element lies in the
//! allowed set of position `i`", which a loop can check on a whole block of bytes with no
//! branch, a form the compiler turns into vector compare-and-OR instructions.
//!
//! # The rule
//!
//! [`ByteRule`] describes a type byte-wise: for each of its (at most 64) byte positions, up to
//! four ranges `lo..=hi` of allowed values ("any byte" is the range `0..=255`). A type states
//! its rule in the hidden associated constant [`TryFromBytes::BYTE_RULE`]; the default is
//! [`ByteRule::NONE`], "no rule", which makes every check take the element-by-element path.
//! Rules compose at compile time, in `const` evaluation:
//!
//! - `FromBytes` types: [`ByteRule::from_bytes`], any byte everywhere (only callable for a
//!   `FromBytes` type, which is the proof).
//! - `bool` and fieldless `repr(u8)`/`repr(i8)` enums: [`ByteRule::byte_values`], the derive
//!   listing the discriminants (`Self::A as u8`, evaluated by the compiler); a set that needs
//!   more than four ranges gives no rule.
//! - structs: [`ByteRule::for_struct`] (all positions "any", which is what padding is), then
//!   [`ByteRule::field`] per field at its `offset_of!`, which copies the field type's own rule
//!   into its positions. A field whose type has no rule, one that does not fit, or two that
//!   overlap, leave the whole struct with no rule.
//! - arrays: [`ByteRule::repeat`]; transparent wrappers reuse their inner type's rule.
//!
//! # The checker
//!
//! From a type's rule the compiler computes, once per type and at compile time, a [`Table`]:
//! the allowed ranges of each byte of a *period* of `lcm(size, 32)` bytes (so that the table
//! lines up with every period of a slice), and a block of about 256 bytes made of whole
//! periods. [`validate_elems`] checks a slice block by block, 32 bytes at a time: each byte is
//! compared with the ranges of its lane (`x - lo > hi - lo`, wrapping, in `u8`; `x != lo` where
//! every lane's range is one value) and the failures are ORed together without a branch; one
//! test per block decides. On x86-64's baseline SSE2 that is a loop of about ten vector
//! instructions per 16 bytes for a three-range enum (`pmaxub`/`pcmpeqb`/`por`), which runs at
//! the speed of reading the memory for slices that do not fit in the cache. A block that fails (or the last, partial one)
//! is checked again element by element with the ordinary `validate`, which finds the first
//! invalid element and reports exactly the [`InvalidBits`] the element-by-element path reports:
//! the same calls on the same bytes at the same offsets. A block the rule rejects but `validate`
//! accepts (a rule may be narrower than `validate`) is simply accepted after that re-check.
//!
//! Types with no rule (`char`, wider enums, unions, tuples, types over 64 bytes or whose size
//! does not fit the block scheme) take the element-by-element path, unchanged.
//!
//! # Soundness
//!
//! The fast path accepts a block without calling `validate` when every byte is in its lane's
//! ranges. That is sound because `TryFromBytes` is an `unsafe trait` whose implementers promise
//! (see its `# Safety` section) that every byte sequence the type's rule accepts is a valid
//! value: the rule is part of the same promise as `validate`, made by the same `unsafe impl`. A
//! hand implementation that does not mention the rule gets [`ByteRule::NONE`] and so the old
//! path: an absent rule never lets anything through. The composing constructors can only
//! *narrow*: a struct's rule is the fields' own rules (each promised by the field type's impl)
//! at the offsets the compiler reports, with overlaps and misfits giving no rule at all; an
//! array's is its element's; "any byte" is only available for a `FromBytes` type.
//!
//! The checker itself is safe code: it reads the candidate's bytes as `&[u8]`.

use core::marker::PhantomData;

use crate::last_field::{FieldLayout, LastRule};
use crate::{Candidate, FromBytes, InvalidBits, TryFromBytes};

/// The most bytes a rule describes: the largest element size with a fast path.
const MAX_SIZE: usize = 64;
/// The most ranges of allowed values per byte position.
const MAX_RANGES: usize = 4;
/// The most bytes in a table's period (and so in a block).
const MAX_PERIOD: usize = 256;
/// The bytes of a block, before rounding to whole periods.
const BLOCK: usize = 256;
/// The bytes compared at once: a period is a whole number of these.
const VECTOR: usize = 32;

/// The validity of a type described byte by byte: for each byte position, the ranges of values
/// allowed there; or no description at all ([`NONE`](Self::NONE)).
///
/// This is an implementation detail of [`TryFromBytes`] (see its hidden `BYTE_RULE`), public
/// only so that the derive can name it; the module docs of `zerocast::byte_rule` (in the
/// source) explain the design.
///
/// # Examples
///
/// ```
/// use zerocast::{ByteRule, TryFromBytes};
/// assert!(<bool as TryFromBytes>::BYTE_RULE.accepts(&[1]));
/// assert!(!<bool as TryFromBytes>::BYTE_RULE.accepts(&[2]));
/// assert!(!ByteRule::NONE.accepts(&[0]));
/// ```
#[doc(hidden)]
#[derive(Copy, Clone, Debug)]
pub struct ByteRule {
    /// Whether this is a rule at all.
    known: bool,
    /// The number of bytes described.
    size: usize,
    /// Per position: how many of the ranges below are in use (0: no value is allowed).
    count: [u8; MAX_SIZE],
    /// Per position: the lowest value of each range.
    lo: [[u8; MAX_RANGES]; MAX_SIZE],
    /// Per position: the highest value of each range.
    hi: [[u8; MAX_RANGES]; MAX_SIZE],
}

impl ByteRule {
    /// No rule: values of the type are checked by `validate` alone.
    pub const NONE: ByteRule = ByteRule {
        known: false,
        size: 0,
        count: [0; MAX_SIZE],
        lo: [[0; MAX_RANGES]; MAX_SIZE],
        hi: [[0; MAX_RANGES]; MAX_SIZE],
    };

    /// `size` bytes, each of which may be anything; no rule if `size` is over the limit.
    const fn any(size: usize) -> ByteRule {
        if size > MAX_SIZE {
            return ByteRule::NONE;
        }
        ByteRule {
            known: true,
            size,
            count: [1; MAX_SIZE],
            lo: [[0; MAX_RANGES]; MAX_SIZE],
            hi: [[u8::MAX; MAX_RANGES]; MAX_SIZE],
        }
    }

    /// The rule of a type all of whose byte sequences are valid values: any byte everywhere.
    #[must_use]
    pub const fn from_bytes<T: FromBytes>() -> ByteRule {
        ByteRule::any(size_of::<T>())
    }

    /// The rule of a one-byte type whose valid values are the bytes in `values` (the
    /// discriminants of a fieldless `repr(u8)` enum); no rule if they need more than four
    /// ranges.
    #[must_use]
    pub const fn byte_values(values: &[u8]) -> ByteRule {
        let mut present = [false; 256];
        let mut i = 0;
        while i < values.len() {
            present[values[i] as usize] = true;
            i += 1;
        }
        let mut rule = ByteRule::any(1);
        let mut n = 0;
        let mut v = 0;
        while v < 256 {
            if present[v] && (v == 0 || !present[v - 1]) {
                if n == MAX_RANGES {
                    return ByteRule::NONE;
                }
                let mut end = v;
                while end + 1 < 256 && present[end + 1] {
                    end += 1;
                }
                rule.lo[0][n] = v as u8;
                rule.hi[0][n] = end as u8;
                n += 1;
            }
            v += 1;
        }
        rule.count[0] = n as u8;
        rule
    }

    /// The rule of a one-byte type whose valid values are `lo..=hi`.
    pub(crate) const fn byte_range(lo: u8, hi: u8) -> ByteRule {
        let mut rule = ByteRule::any(1);
        rule.lo[0][0] = lo;
        rule.hi[0][0] = hi;
        rule
    }

    /// The start of a struct's rule: `size` bytes that may be anything (as padding may), to be
    /// narrowed by [`field`](Self::field) for each field.
    #[must_use]
    pub const fn for_struct(size: usize) -> ByteRule {
        ByteRule::any(size)
    }

    /// This rule with the bytes at `offset..offset + size_of::<F>()` following `F`'s rule.
    /// No rule if `F` has none, if the field does not fit, or if those bytes were narrowed
    /// already (overlapping fields).
    #[must_use]
    pub const fn field<F: TryFromBytes>(self, offset: usize) -> ByteRule {
        self.field_rule(F::BYTE_RULE, size_of::<F>(), offset)
    }

    /// [`field`](Self::field) for a struct's last field `L`, which may be dynamically sized
    /// (see [`FieldLayout`]): no rule then, as the struct has no size to describe.
    #[must_use]
    pub const fn last_field<L: ?Sized + FieldLayout>(self, offset: usize) -> ByteRule
    where
        L::Sizedness: LastRule<L>,
    {
        let (rule, size) = <L::Sizedness as LastRule<L>>::RULE;
        self.field_rule(rule, size, offset)
    }

    /// Whether this is a rule (not [`NONE`](Self::NONE)).
    #[must_use]
    pub const fn is_known(&self) -> bool {
        self.known
    }

    /// This rule with the `size` bytes at `offset` following `f`.
    const fn field_rule(self, f: ByteRule, size: usize, offset: usize) -> ByteRule {
        if !self.known || !f.known || f.size != size {
            return ByteRule::NONE;
        }
        let Some(end) = offset.checked_add(size) else {
            return ByteRule::NONE;
        };
        if end > self.size {
            return ByteRule::NONE;
        }
        let mut out = self;
        let mut i = 0;
        while i < size {
            let at = offset + i;
            if !out.is_any(at) {
                return ByteRule::NONE;
            }
            out.count[at] = f.count[i];
            out.lo[at] = f.lo[i];
            out.hi[at] = f.hi[i];
            i += 1;
        }
        out
    }

    /// The rule of `[T; n]`: `T`'s rule `n` times over; no rule if it is too long.
    #[must_use]
    pub const fn repeat<T: TryFromBytes>(n: usize) -> ByteRule {
        let Some(total) = size_of::<T>().checked_mul(n) else {
            return ByteRule::NONE;
        };
        if total > MAX_SIZE {
            return ByteRule::NONE;
        }
        let mut out = ByteRule::for_struct(total);
        if total == 0 {
            // Zero-sized elements: the array is valid if empty or if `T`'s empty bytes are.
            return if n == 0 { out } else { out.field::<T>(0) };
        }
        let mut i = 0;
        while i < n {
            out = out.field::<T>(i * size_of::<T>());
            i += 1;
        }
        out
    }

    /// `true` if position `at` allows any byte (one range `0..=255`).
    const fn is_any(&self, at: usize) -> bool {
        self.count[at] == 1 && self.lo[at][0] == 0 && self.hi[at][0] == u8::MAX
    }

    /// `true` if this is a rule, `bytes` has its size, and every byte is in its position's
    /// ranges. A slow, plain statement of what the fast checker computes.
    #[must_use]
    pub fn accepts(&self, bytes: &[u8]) -> bool {
        self.known
            && bytes.len() == self.size
            && bytes.iter().enumerate().all(|(i, &b)| {
                let n = usize::from(self.count[i]);
                (0..n).any(|k| (self.lo[i][k]..=self.hi[i][k]).contains(&b))
            })
    }
}

/// What the fast checker needs about an element type, computed from its rule at compile time.
struct Table {
    /// The fast path applies.
    on: bool,
    /// Every byte sequence is valid: nothing to check.
    any: bool,
    /// Bytes per period: a whole number of elements, lined up with the lanes below.
    period: usize,
    /// Bytes per block: a whole number of periods.
    block: usize,
    /// Ranges compared per byte: the most any position has.
    ranges: usize,
    /// Per range: every lane's range is a single value, compared for equality (one
    /// instruction instead of three).
    points: [bool; MAX_RANGES],
    /// Per range and lane: the range's lowest value.
    lo: [[u8; MAX_PERIOD]; MAX_RANGES],
    /// Per range and lane: `hi - lo`, so that `x` is in the range iff `x - lo <= span`
    /// (wrapping).
    span: [[u8; MAX_PERIOD]; MAX_RANGES],
}

const fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Table {
    const OFF: Table = Table {
        on: false,
        any: false,
        period: 1,
        block: 1,
        ranges: 0,
        points: [true; MAX_RANGES],
        lo: [[0; MAX_PERIOD]; MAX_RANGES],
        span: [[0; MAX_PERIOD]; MAX_RANGES],
    };

    const fn new(rule: &ByteRule, size: usize) -> Table {
        if !rule.known || rule.size != size || size == 0 || size > MAX_SIZE {
            return Table::OFF;
        }
        // 32 bytes: two SSE2 vectors or one AVX2 vector per period, at least.
        let period = size / gcd(size, VECTOR) * VECTOR;
        if period > MAX_PERIOD {
            return Table::OFF;
        }
        let mut t = Table::OFF;
        t.period = period;
        t.block = if period >= BLOCK {
            period
        } else {
            BLOCK / period * period
        };
        t.any = true;
        let mut at = 0;
        while at < size {
            if rule.count[at] == 0 {
                // No value is allowed: every element is invalid, which `validate` reports.
                return Table::OFF;
            }
            if !rule.is_any(at) {
                t.any = false;
            }
            if rule.count[at] as usize > t.ranges {
                t.ranges = rule.count[at] as usize;
            }
            at += 1;
        }
        let mut lane = 0;
        while lane < period {
            let at = lane % size;
            let n = rule.count[at] as usize;
            let mut k = 0;
            while k < MAX_RANGES {
                // Positions with fewer ranges fill the others with a value their first range
                // allows already: a miss there changes nothing, and a range of one value is
                // the cheaper test.
                let (lo, hi) = if k < n {
                    (rule.lo[at][k], rule.hi[at][k])
                } else {
                    (rule.lo[at][0], rule.lo[at][0])
                };
                t.lo[k][lane] = lo;
                t.span[k][lane] = hi - lo;
                if hi != lo {
                    t.points[k] = false;
                }
                k += 1;
            }
            lane += 1;
        }
        t.on = true;
        t
    }
}

/// The table of `T`, computed once per type by the compiler.
struct Plan<T>(PhantomData<T>);

impl<T: TryFromBytes> Plan<T> {
    const TABLE: Table = Table::new(&T::BYTE_RULE, size_of::<T>());
}

/// Validates `count` elements of `T` back to back at the start of `candidate`: block by block
/// against `T`'s byte rule where it has one, element by element otherwise. The result is the
/// one [`each`] gives on the same candidate.
#[inline]
pub(crate) fn validate_elems<T: TryFromBytes>(
    candidate: Candidate<'_, [T]>,
    count: usize,
) -> Result<(), InvalidBits> {
    let t: &Table = &Plan::<T>::TABLE;
    if t.on {
        if let Some(body) = count
            .checked_mul(size_of::<T>())
            .and_then(|total| candidate.bytes().get(..total))
        {
            return chunked(t, candidate, body);
        }
    }
    each(candidate, count)
}

/// The fast path over `body`, the first `count` elements' bytes of `candidate`.
#[inline]
fn chunked<T: TryFromBytes>(
    t: &Table,
    candidate: Candidate<'_, [T]>,
    body: &[u8],
) -> Result<(), InvalidBits> {
    if t.any {
        return Ok(());
    }
    let base = candidate.offset();
    let mut blocks = body.chunks_exact(t.block);
    let mut start = base;
    for block in &mut blocks {
        if !block_ok(t, block) {
            recheck::<T>(start, block)?;
        }
        // OVERFLOW: `start` is an offset into the converted source, at most its length
        // (`base` plus the bytes of `body` before this block), which fits in an `isize`.
        // Saturating says so without an overflow check; were it ever reached, it would only
        // make an error's offset too small, never skip a check.
        start = start.saturating_add(block.len());
    }
    recheck::<T>(start, blocks.remainder())
}

/// `true` if every byte of `block` (whole periods) is in one of its lane's ranges. No branch
/// depends on the bytes: the work is on 32-byte arrays, which the compiler turns into vector
/// instructions (two SSE2 or one AVX2 register per array).
#[inline(always)]
fn block_ok(t: &Table, block: &[u8]) -> bool {
    let mut acc = [0u8; VECTOR];
    let mut lane = 0;
    for v in block.chunks_exact(VECTOR) {
        let Some(x) = v.first_chunk::<VECTOR>() else {
            // Never taken: `v` has `VECTOR` bytes. Answering "re-check" is correct anyway.
            return false;
        };
        let mut miss = [1u8; VECTOR];
        for k in 0..t.ranges {
            let (Some(lo), Some(span)) = (row(&t.lo, k, lane), row(&t.span, k, lane)) else {
                // Never taken: `k < ranges <= MAX_RANGES`, `lane + VECTOR <= period`.
                return false;
            };
            if t.points[k] {
                for j in 0..VECTOR {
                    miss[j] &= u8::from(x[j] != lo[j]);
                }
            } else {
                for j in 0..VECTOR {
                    miss[j] &= u8::from(x[j].wrapping_sub(lo[j]) > span[j]);
                }
            }
        }
        for j in 0..VECTOR {
            acc[j] |= miss[j];
        }
        lane += VECTOR;
        if lane == t.period {
            lane = 0;
        }
    }
    acc.iter().fold(0, |a, &m| a | m) == 0
}

/// The `VECTOR` entries of range `k` from lane `lane` on.
#[inline(always)]
fn row(rows: &[[u8; MAX_PERIOD]; MAX_RANGES], k: usize, lane: usize) -> Option<&[u8; VECTOR]> {
    rows.get(k)?.get(lane..)?.first_chunk::<VECTOR>()
}

/// Validates the elements in `bytes`, which start at offset `start` of the converted source,
/// one by one.
#[cold]
#[inline(never)]
fn recheck<T: TryFromBytes>(start: usize, bytes: &[u8]) -> Result<(), InvalidBits> {
    // Zero-sized `T` never gets here (its table is off), but the function exists for it too:
    // `checked_div` keeps it total without a division-by-zero check.
    let count = bytes.len().checked_div(size_of::<T>()).unwrap_or(0);
    each::<T>(Candidate::at(bytes, start, count), count)
}

/// Validates `count` elements of `T` back to back, one `T::validate` call each.
#[inline(always)]
pub(crate) fn each<T: TryFromBytes>(
    candidate: Candidate<'_, [T]>,
    count: usize,
) -> Result<(), InvalidBits> {
    let size = size_of::<T>();
    if size == 0 {
        // Every zero-sized element is the same (empty) bytes: check one if there is one.
        return if count == 0 {
            Ok(())
        } else {
            T::validate(candidate.field::<T>(0)?)
        };
    }
    let mut offset = 0;
    for _ in 0..count {
        T::validate(candidate.field::<T>(offset)?)?;
        // OVERFLOW: `offset + size` is the end of an element that `field` just found inside
        // the candidate's bytes, so it fits; saturating keeps the compiler from adding an
        // overflow check. (Were it to saturate, the next `field` would fail, not wrap.)
        offset = offset.saturating_add(size);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recheck_offsets_near_the_top_of_the_address_space_saturate() {
        // The offset of an invalid element is `start` plus its position; sums past
        // `usize::MAX` (which a real source cannot reach) saturate instead of overflowing.
        let e = recheck::<bool>(usize::MAX - 1, &[1, 0, 2]).unwrap_err();
        assert_eq!(e.offset(), usize::MAX);
        let e = recheck::<bool>(usize::MAX - 3, &[1, 0, 2]).unwrap_err();
        assert_eq!(e.offset(), usize::MAX - 1);
        assert!(recheck::<bool>(usize::MAX, &[1, 0, 1]).is_ok());
        // Zero-sized elements: nothing to count.
        assert!(recheck::<()>(7, &[9, 9]).is_ok());
    }

    #[test]
    fn each_reports_the_first_invalid_element() {
        let bytes = [1, 0, 1, 5, 3];
        let e = each::<bool>(Candidate::at(&bytes, 10, 5), 5).unwrap_err();
        assert_eq!((e.offset(), e.found()), (13, Some(5)));
        // A count larger than the bytes hold is an error, not a panic.
        assert!(each::<bool>(Candidate::at(&bytes[..3], 0, usize::MAX), usize::MAX).is_err());
    }

    #[test]
    fn chunked_block_offsets_continue_across_blocks() {
        // Two full blocks of valid `bool`s, then an invalid one in the remainder.
        let mut bytes = [1u8; 2 * BLOCK + 3];
        bytes[2 * BLOCK + 1] = 7;
        let t: &Table = &Plan::<bool>::TABLE;
        assert_eq!(t.block, BLOCK);
        let c = Candidate::at(&bytes, 100, bytes.len());
        let e = chunked::<bool>(t, c, &bytes).unwrap_err();
        assert_eq!(e.offset(), 100 + 2 * BLOCK + 1);
    }

    #[test]
    fn sparse_values_become_ranges() {
        let r = ByteRule::byte_values(&[200, 0, 7, 1, 2]);
        assert!(r.known);
        assert_eq!(r.count[0], 3);
        assert_eq!((r.lo[0][0], r.hi[0][0]), (0, 2));
        assert_eq!((r.lo[0][1], r.hi[0][1]), (7, 7));
        assert_eq!((r.lo[0][2], r.hi[0][2]), (200, 200));
        for b in 0..=255u8 {
            assert_eq!(r.accepts(&[b]), matches!(b, 0..=2 | 7 | 200), "{b}");
        }
    }

    #[test]
    fn too_many_ranges_is_no_rule() {
        assert!(!ByteRule::byte_values(&[0, 2, 4, 6, 8]).known);
        assert!(ByteRule::byte_values(&[0, 2, 4, 6]).known);
        assert!(ByteRule::byte_values(&[255]).accepts(&[255]));
    }

    #[test]
    fn struct_rules_and_their_tables() {
        let r = ByteRule::for_struct(4).field::<bool>(0).field::<u16>(2);
        assert!(r.accepts(&[1, 77, 5, 6]));
        assert!(!r.accepts(&[2, 0, 0, 0]));
        // Overlap, misfit, or a field with no rule: no rule.
        assert!(
            !ByteRule::for_struct(4)
                .field::<bool>(0)
                .field::<bool>(0)
                .known
        );
        assert!(!ByteRule::for_struct(4).field::<u32>(1).known);
        assert!(!ByteRule::for_struct(4).field::<char>(0).known);

        let t = Table::new(&r, 4);
        assert!(t.on && !t.any);
        assert_eq!((t.period, t.block, t.ranges), (32, 256, 1));
        assert_eq!((t.lo[0][4], t.span[0][4], t.span[0][5]), (0, 1, 255));
        let t3 = Table::new(&ByteRule::repeat::<bool>(3), 3);
        assert_eq!((t3.period, t3.block), (96, 192));
        assert!(!Table::new(&ByteRule::repeat::<bool>(9), 9).on); // period 288
        assert!(Table::new(&ByteRule::from_bytes::<u64>(), 8).any);
    }
}
