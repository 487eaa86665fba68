// `FromBytes` on an enum whose variants carry data.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(u8)]
enum Message {
    Quit,
    Move { x: u8, y: u8 },
}

fn main() {}
