// SPDX-License-Identifier: MIT OR Apache-2.0
// `cryptocorrosion_derive_traits!` bounds its impls on the fields having the traits: a `bool`
// field (not every byte is a `bool`) makes `FromBytes` unprovable.
zerocast::cryptocorrosion_derive_traits! {
    #[repr(transparent)]
    struct Flag(bool);
}

fn main() {}
