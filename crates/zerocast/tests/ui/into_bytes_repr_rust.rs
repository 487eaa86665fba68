// `IntoBytes` on a struct with the default representation: the compiler may reorder the
// fields and insert padding anywhere, so there is no layout to check.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
struct Header {
    kind: u8,
    len: u8,
}

fn main() {}
