// SPDX-License-Identifier: MIT OR Apache-2.0
//! The padding checks over hand-written layouts, and [`DeriveChecks`] over extreme inputs.

use super::*;

#[test]
fn accepts_tight_layouts() {
    assert_no_padding("T", 8, &[Field::new("a", 0, 4), Field::new("b", 4, 4)]);
    assert_union_no_padding("U", 4, &[Field::new("a", 0, 4), Field::new("b", 0, 4)]);
}

#[test]
#[should_panic(
    expected = "`T` has 3 byte(s) of padding at offset 1, before field `b` (offset 4, 4 byte(s)), after field `a`"
)]
fn names_inner_padding() {
    assert_no_padding("T", 8, &[Field::new("a", 0, 1), Field::new("b", 4, 4)]);
}

#[test]
#[should_panic(
    expected = "`T` has 3 byte(s) of trailing padding at offset 5, after its last field `b`"
)]
fn names_trailing_padding() {
    assert_no_padding("T", 8, &[Field::new("a", 0, 4), Field::new("b", 4, 1)]);
}

#[test]
fn judges_fields_in_any_order() {
    // Listed `b`, `a`, `c`, laid out `a` (0..2), `c` (2..3), a hole at 3, `b` (4..6).
    let hole = [
        Field::new("b", 4, 2),
        Field::new("a", 0, 2),
        Field::new("c", 2, 1),
    ];
    let v = no_padding("T", 6, &hole);
    let m = v.failure().unwrap();
    assert!(
        m.starts_with("`T` has 1 byte(s) of padding at offset 3, before field `b` (offset 4, 2 byte(s)), after field `c`"),
        "{m}"
    );
    // Listed out of order, laid out with no hole (as `repr(Rust)` may reorder): accepted
    // in every order.
    let tight = [
        Field::new("a", 0, 2),
        Field::new("c", 4, 2),
        Field::new("b", 2, 2),
    ];
    for order in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        let fields = order.map(|i| tight[i]);
        assert!(no_padding("T", 6, &fields).failure().is_none(), "{order:?}");
        // One byte more is trailing padding, in every order.
        let v = no_padding("T", 7, &fields);
        let m = v.failure().unwrap();
        assert!(
            m.contains("1 byte(s) of trailing padding at offset 6"),
            "{m}"
        );
    }
    // Zero-sized fields anywhere change nothing.
    let zst = [
        Field::new("z", 6, 0),
        tight[1],
        Field::new("y", 0, 0),
        tight[0],
        tight[2],
    ];
    assert!(no_padding("T", 6, &zst).failure().is_none());
    assert!(no_padding("T", 8, &zst).failure().is_some());
}

/// A probe: the checks are public and callable at run time with any numbers; none may
/// panic, also with overflow checks on (the debug profile the tests run in).
#[test]
fn derive_checks_never_panic_on_extreme_inputs() {
    let c = DeriveChecks::<for_trait::TheIntoBytes>::new();
    let huge = [
        Field::new("a", usize::MAX, usize::MAX),
        Field::new("b", 0, usize::MAX),
    ];
    assert!(c.no_padding("T", usize::MAX, &huge).failure().is_none());
    assert!(c
        .no_padding("T", 0, &[Field::new("a", usize::MAX, 1)])
        .failure()
        .is_some());
    assert!(c
        .union_no_padding("U", usize::MAX, &huge)
        .failure()
        .is_none());
    assert!(c
        .union_no_padding("U", usize::MAX, &[Field::new("a", 0, 1)])
        .failure()
        .is_some());
    let m = c.variant_no_padding("E", "A", usize::MAX, usize::MAX, &huge);
    assert!(m.failure().is_none());
    assert_eq!(c.round_up(usize::MAX, 4), usize::MAX);
    assert_eq!(c.round_up(5, 0), 5);
    assert_eq!(c.max(usize::MAX, 0), usize::MAX);
    assert_eq!(c.int_align(usize::MAX), 1);
    assert_eq!(c.tag_bits(-1, usize::MAX), u128::MAX);
    assert_eq!(c.tag_bits(i128::MIN, 0), 0);
    assert_eq!(c.c_enum_tag_size(&[i128::MIN, i128::MAX]), 16);
    assert_eq!(c.c_enum_tag_size(&[]), c.c_enum_tag_size(&[0]));
}

#[test]
#[should_panic(expected = "union `U` is 4 bytes but its field `b` is 1 bytes")]
fn names_short_union_field() {
    assert_union_no_padding("U", 4, &[Field::new("a", 0, 4), Field::new("b", 0, 1)]);
}

#[test]
fn enum_variants_name_the_tag_and_fields() {
    let tag_only = variant_no_padding("E", "A", 4, 1, &[]);
    let m = tag_only.failure().unwrap();
    assert!(
        m.starts_with("variant `E::A` has 3 byte(s) of trailing padding at offset 1, after the tag (every variant must fill the enum's 4 bytes)"),
        "{m}"
    );
    let hole = variant_no_padding("E", "B", 8, 2, &[Field::new("x", 4, 4)]);
    assert!(hole.failure().unwrap().starts_with(
        "variant `E::B` has 2 byte(s) of padding at offset 2, before field `x` (offset 4, 4 byte(s)), after the tag"
    ));
    let tail = variant_no_padding("E", "C", 8, 4, &[Field::new("y", 4, 2)]);
    assert!(tail.failure().unwrap().starts_with(
        "variant `E::C` has 2 byte(s) of trailing padding at offset 6, after its last field `y`"
    ));
    let tight = [Field::new("p", 1, 1), Field::new("q", 2, 2)];
    assert!(variant_no_padding("E", "D", 4, 1, &tight)
        .failure()
        .is_none());
    // A field-less variant exactly as large as its tag has no padding.
    assert!(variant_no_padding("E", "F", 2, 2, &[]).failure().is_none());
}
