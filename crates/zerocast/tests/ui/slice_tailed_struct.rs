// A struct ending in a slice: not supported by the derives yet.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(C)]
struct Packet {
    len: u16,
    body: [u8],
}

fn main() {}
