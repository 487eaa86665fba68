// SPDX-License-Identifier: MIT OR Apache-2.0
//! `BitEnum` is for enums without fields.
#[derive(zerocast::BitEnum, Clone, Copy)]
pub enum E {
    A,
    B(u8),
}

fn main() {}
