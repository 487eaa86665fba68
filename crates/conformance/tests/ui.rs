// SPDX-License-Identifier: MIT OR Apache-2.0
//! zerocopy-derive's compile-fail tests, renamed to zerocast (tools/port-zerocopy-derive-tests.py):
//! each must still fail to compile. The `.stderr` snapshots are zerocast's own messages;
//! the script's `--check` verifies from them that every case in each file is rejected.
#[test]
#[cfg_attr(miri, ignore = "trybuild runs rustc")]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
