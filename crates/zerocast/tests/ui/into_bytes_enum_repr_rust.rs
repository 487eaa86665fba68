// `IntoBytes` on an enum with the default representation.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
enum Kind {
    A,
    B,
}

fn main() {}
