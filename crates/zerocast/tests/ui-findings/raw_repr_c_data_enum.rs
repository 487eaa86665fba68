//! `#[r#repr(C)]` unread: the derive validates `E` with the `repr(u8)` field offsets (the
//! `bool` at 1), rustc lays it out as `repr(C, u8)` (the `bool` at 4). Both have size 12 and
//! alignment 4, so the layout check passes; a `bool` holding 2 is accepted. Must not compile
//! (or must read the hint).
use zerocast::TryFromBytes;

#[derive(TryFromBytes)]
#[repr(u8)]
#[r#repr(C)]
enum E {
    A(bool, u16),
    B(u32, u16),
}

fn main() {
    let mut buf = [0u8; 12];
    buf[4] = 2;
    let _invalid_bool = E::try_read_from_bytes(&buf[..]).unwrap();
}
