// SPDX-License-Identifier: MIT OR Apache-2.0
// Round 5 finding, fixed: a hand-written `FieldLayout` for an unsized type of one's own may
// name only zerocast's sealed answers; a marker of its own, or impls of the dispatch traits
// that skip validation, do not compile.
use zerocast::checks::{FieldLayout, IsSized, LastField, LastRule, LastValidate};
use zerocast::{ByteRule, Candidate, DstLayout, Immutable, InvalidBits, KnownLayout, TryFromBytes};

#[derive(KnownLayout, TryFromBytes, Immutable)]
#[repr(C)]
struct HoleBody {
    n: u8,
    data: [u8],
}

#[derive(KnownLayout, TryFromBytes, Immutable)]
#[repr(C)]
struct HoleMid {
    flag: bool,
    #[zerocast(dst)]
    body: HoleBody,
}

/// The user's marker: its `validate` accepts everything.
enum Accepting {}

impl FieldLayout for HoleMid {
    type Sizedness = Accepting;
}

impl LastField<HoleOuter, HoleMid> for Accepting {
    const LAYOUT: DstLayout = <HoleMid as KnownLayout>::LAYOUT;
    const SELF_LAYOUT: Option<DstLayout> = None;
}

impl LastRule<HoleMid> for Accepting {
    const RULE: (ByteRule, usize) = (ByteRule::NONE, 0);
}

impl LastValidate<HoleMid> for Accepting {
    fn validate<T: ?Sized>(
        _: &Candidate<'_, T>,
        _: usize,
        _: &'static str,
        _: &'static str,
    ) -> Result<(), InvalidBits> {
        Ok(())
    }
}

#[derive(KnownLayout, TryFromBytes, Immutable)]
#[repr(C)]
struct HoleOuter {
    x: u8,
    m: HoleMid,
}

/// The same through zerocast's own `IsSized`, said of a dynamically sized type: the impls of
/// `LastField`/`LastRule`/`LastValidate` for `IsSized` require `Sized`, so the user's do not
/// overlap them (docs/soundness.md §3 says this fails to compile; it compiles).
#[derive(KnownLayout, TryFromBytes, Immutable)]
#[repr(C)]
struct HoleMid2 {
    flag: bool,
    #[zerocast(dst)]
    body: HoleBody,
}

impl FieldLayout for HoleMid2 {
    type Sizedness = IsSized;
}

impl LastField<HoleOuter2, HoleMid2> for IsSized {
    const LAYOUT: DstLayout = <HoleMid2 as KnownLayout>::LAYOUT;
    const SELF_LAYOUT: Option<DstLayout> = None;
}

impl LastRule<HoleMid2> for IsSized {
    const RULE: (ByteRule, usize) = (ByteRule::NONE, 0);
}

impl LastValidate<HoleMid2> for IsSized {
    fn validate<T: ?Sized>(
        _: &Candidate<'_, T>,
        _: usize,
        _: &'static str,
        _: &'static str,
    ) -> Result<(), InvalidBits> {
        Ok(())
    }
}

#[derive(KnownLayout, TryFromBytes, Immutable)]
#[repr(C)]
struct HoleOuter2 {
    x: u8,
    m: HoleMid2,
}

fn main() {
    let _ = HoleOuter::try_ref_from_bytes(&[0u8, 7, 0][..]);
    let _ = HoleOuter2::try_ref_from_bytes(&[0u8, 7, 0][..]);
}
