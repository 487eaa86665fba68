// `FromZeros` on an enum with the default representation.
use zerocast::FromZeros;

#[derive(FromZeros)]
enum Kind {
    A,
    B,
}

fn main() {}
