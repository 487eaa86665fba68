// SPDX-License-Identifier: MIT OR Apache-2.0
#![forbid(unsafe_code)]
use zerocast::IntoBytes;

pub type E = u16;

macro_rules! call { () => { dep::def!(S, $crate::E); } }
call!();

fn main() {
    let s = S::<1> { a: [1], b: 0x0302 };
    println!("size {}", core::mem::size_of::<S<1>>());
    println!("{:?}", s.as_bytes());
}
