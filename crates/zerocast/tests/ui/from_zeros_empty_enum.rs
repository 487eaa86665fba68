// `FromZeros` on an enum with no variants: no bytes at all are a valid value.
use zerocast::FromZeros;

#[derive(FromZeros)]
enum Never {}

fn main() {}
