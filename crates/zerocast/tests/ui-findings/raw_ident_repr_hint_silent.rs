//! rustc reads `repr(r#C)` as `repr(C)`; the derive cannot parse the raw identifier, treats it
//! as a malformed `repr` that "the compiler reports", and generates nothing and says nothing.
//! The user then gets "`S` does not implement `FromBytes`" at the use, with no reason. Not
//! unsound; the derive should say which hint it could not read (or read raw identifiers).
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(r#C)]
struct S(u8);

fn main() {
    let _ = S::new_zeroed();
}
