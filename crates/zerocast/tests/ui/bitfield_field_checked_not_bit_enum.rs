// SPDX-License-Identifier: MIT OR Apache-2.0
//! `?=>` on an enum without `#[derive(BitEnum)]`: one error, on the type.
#[derive(Clone, Copy, Debug)]
pub enum Shst {
    Normal = 0,
    Occurring = 1,
    Complete = 2,
}

zerocast::bitfield! {
    pub struct Csts(u32) {
        0 rdy as bool;
        3:2 shst ?=> Shst;
    }
}

fn main() {}
