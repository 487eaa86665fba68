// SPDX-License-Identifier: MIT OR Apache-2.0
// `?=>` needs a field name: `_ ?=> E` (ignored bits checked when read?) is refused, once, at the
// `?=>`, with a message naming the forms an unnamed range can take.
#[derive(zerocast::BitEnum, Clone, Copy, Debug)]
pub enum Shst {
    Normal = 0,
    Occurring = 1,
    Complete = 2,
}

zerocast::bitfield! {
    pub struct Csts(u32) {
        0 rdy as bool;
        3:2 _ ?=> Shst;
    }
}

fn main() {}
