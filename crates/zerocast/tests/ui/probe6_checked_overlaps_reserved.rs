// SPDX-License-Identifier: MIT OR Apache-2.0
// A `?=>` field overlapping a reserved line would let its setter change reserved bits: the
// overlap is refused, once, at the second line.
#[derive(zerocast::BitEnum, Clone, Copy, Debug)]
pub enum Shst {
    Normal = 0,
    Occurring = 1,
    Complete = 2,
}

zerocast::bitfield! {
    pub struct Csts(u32) {
        3 _ = 1;
        3:2 shst ?=> Shst;
    }
}

fn main() {}
