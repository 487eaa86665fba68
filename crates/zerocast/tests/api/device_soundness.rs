//! Regressions for the soundness holes found by adversarial review of the device module, each
//! reproduced with safe code only, and the probes written against the module afterwards. Run
//! under Miri (`-Zmiri-strict-provenance -Zmiri-symbolic-alignment-check`): the holes were
//! undefined behaviour at run time. What must not compile is in the UI tests
//! (`tests/ui/device_*.rs`). `docs/soundness.md` lists which test guards which class.

use core::sync::atomic::{AtomicUsize, Ordering};

use zerocast::device::{DevicePtrMut, ReadOnly, ReadWrite};
use zerocast::{FromBytes, Immutable, IntoBytes, TryFromBytes};

/// A descriptor with 3 padding bytes after `flags`.
#[repr(C)]
#[derive(FromBytes, Immutable, Clone, Copy, Debug, PartialEq)]
struct Desc {
    addr: u32,
    flags: u8,
}

/// Reads of a padded `FromBytes` value copy its padding as uninitialized bytes (as a move
/// does) instead of loading it into integers: no uninitialized-memory error under Miri.
#[test]
fn device_padded_read_keeps_padding_uninit() {
    let mut d = Desc { addr: 0x1234_5678, flags: 7 };
    let mut p = DevicePtrMut::from_mut(&mut d);
    assert_eq!(p.read(), Desc { addr: 0x1234_5678, flags: 7 });
    assert_eq!(p.as_shared().read(), Desc { addr: 0x1234_5678, flags: 7 });
    let mut ro = ReadOnly::new(Desc { addr: 1, flags: 2 });
    assert_eq!(DevicePtrMut::from_mut(&mut ro).read(), Desc { addr: 1, flags: 2 });

    let mut t: (u16, u8) = (0xbeef, 9);
    let mut p = DevicePtrMut::from_mut(&mut t);
    assert_eq!(p.read(), (0xbeef, 9));
    assert_eq!(p.into_shared().read(), (0xbeef, 9));

    let mut ring = [Desc { addr: 1, flags: 1 }, Desc { addr: 2, flags: 2 }];
    let mut out = [Desc { addr: 0, flags: 0 }; 3];
    assert_eq!(DevicePtrMut::from_mut(&mut ring[..]).read_slice(&mut out), 2);
    assert_eq!(out[1], Desc { addr: 2, flags: 2 });
    let shared = DevicePtrMut::from_mut(&mut ring[..]).into_shared();
    assert_eq!(shared.read_slice(&mut out[1..]), 2);
    assert_eq!(out[2], Desc { addr: 2, flags: 2 });
}

/// A `FromBytes` type whose `Drop` counts: `IntoBytes` does not forbid `Drop`.
#[repr(transparent)]
#[derive(IntoBytes, FromBytes, Immutable, Debug)]
struct Counted(u32);

static DROPS: AtomicUsize = AtomicUsize::new(0);

impl Drop for Counted {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

/// A write moves the value into the memory: it is not dropped after its bytes are copied (the
/// owner of the memory drops it), so `from_mut(&mut x).write(v)` never drops twice.
#[test]
fn device_write_moves_the_value_in_and_never_drops_it() {
    let before = DROPS.load(Ordering::SeqCst);
    {
        let mut x = Counted(1);
        DevicePtrMut::from_mut(&mut x).write(Counted(2));
        assert_eq!(DROPS.load(Ordering::SeqCst), before, "the written value was dropped");
        assert_eq!(x.0, 2);
        let mut rw = ReadWrite::new(Counted(3));
        DevicePtrMut::from_mut(&mut rw).write(Counted(4));
        assert_eq!(DROPS.load(Ordering::SeqCst), before);
    }
    // `x` and `rw` are dropped once each; the overwritten `Counted(1)` and `Counted(3)` leak.
    assert_eq!(DROPS.load(Ordering::SeqCst), before + 2);
}

/// `try_read` validates a copy with every byte initialized: a padded `TryFromBytes` type is
/// refused at compile time (`tests/ui/device_try_read_padded.rs`); unpadded ones validate.
#[test]
fn device_try_read_of_unpadded_struct() {
    #[repr(C)]
    #[derive(TryFromBytes, IntoBytes, Immutable, Debug, PartialEq)]
    struct Entry {
        len: u16,
        valid: bool,
        last: bool,
    }
    let mut e = Entry { len: 3, valid: true, last: false };
    let mut p = DevicePtrMut::from_mut(&mut e);
    assert_eq!(p.try_read(), Ok(Entry { len: 3, valid: true, last: false }));
    assert!(p.try_update(|e| Entry { last: true, ..e }).is_ok());
    assert_eq!(p.as_shared().try_read().map(|e| e.last), Ok(true));
}
