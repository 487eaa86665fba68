// SPDX-License-Identifier: MIT OR Apache-2.0
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
    let mut d = Desc {
        addr: 0x1234_5678,
        flags: 7,
    };
    let mut p = DevicePtrMut::from_mut(&mut d);
    assert_eq!(
        p.read(),
        Desc {
            addr: 0x1234_5678,
            flags: 7
        }
    );
    assert_eq!(
        p.as_shared().read(),
        Desc {
            addr: 0x1234_5678,
            flags: 7
        }
    );
    let mut ro = ReadOnly::new(Desc { addr: 1, flags: 2 });
    assert_eq!(
        DevicePtrMut::from_mut(&mut ro).read(),
        Desc { addr: 1, flags: 2 }
    );

    let mut t: (u16, u8) = (0xbeef, 9);
    let mut p = DevicePtrMut::from_mut(&mut t);
    assert_eq!(p.read(), (0xbeef, 9));
    assert_eq!(p.into_shared().read(), (0xbeef, 9));

    let mut ring = [Desc { addr: 1, flags: 1 }, Desc { addr: 2, flags: 2 }];
    let mut out = [Desc { addr: 0, flags: 0 }; 3];
    assert_eq!(
        DevicePtrMut::from_mut(&mut ring[..]).read_slice(&mut out[..2]),
        Ok(())
    );
    assert_eq!(out[1], Desc { addr: 2, flags: 2 });
    let shared = DevicePtrMut::from_mut(&mut ring[..]).into_shared();
    assert_eq!(shared.read_slice(&mut out[1..]), Ok(()));
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
        assert_eq!(
            DROPS.load(Ordering::SeqCst),
            before,
            "the written value was dropped"
        );
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
    let mut e = Entry {
        len: 3,
        valid: true,
        last: false,
    };
    let mut p = DevicePtrMut::from_mut(&mut e);
    assert_eq!(
        p.try_read(),
        Ok(Entry {
            len: 3,
            valid: true,
            last: false
        })
    );
    assert!(p.try_update(|e| Entry { last: true, ..e }).is_ok());
    assert_eq!(p.as_shared().try_read().map(|e| e.last), Ok(true));
}

// Probes: safe programs that tried to alias a unique pointer, read uninitialized or
// misaligned memory, or make the module panic. Each passes, and so proves the behaviour.

/// The probes use the recording device, which needs `alloc`.
#[cfg(feature = "alloc")]
mod probes {
    use super::*;
    use core::cell::Cell;
    use zerocast::device::{
        Access, AccessKind, FakeDevice, ReadPure, RecordingDevice, Reg, RegArray, RegError, Regs,
        RegsDyn, Width,
    };
    use zerocast::{field, split_fields};

    use crate::device_words::{expect_u64_access, U64_ALIGN};

    #[repr(C)]
    struct Pair {
        a: ReadWrite<u32>,
        b: ReadWrite<u32>,
        id: ReadPure<u64>,
    }

    fn pair() -> Pair {
        Pair {
            a: ReadWrite::new(0),
            b: ReadWrite::new(0),
            id: ReadPure::new(7),
        }
    }

    /// Probe: a `&DevicePtrMut` shared by two threads only reads (`as_shared`, `Sync`), and the
    /// fields split from a reborrow are written by one thread each: no data race under Miri, and
    /// the pointer is usable again afterwards.
    #[test]
    fn device_probe_threads_share_reads_and_split_writes() {
        let mut mem = pair();
        let mut p = DevicePtrMut::from_mut(&mut mem);
        std::thread::scope(|s| {
            let r = &p;
            s.spawn(move || assert_eq!(field!(r.as_shared(), Pair, id).read(), 7));
            s.spawn(move || assert_eq!(field!(r.as_shared(), Pair, id).read(), 7));
        });
        std::thread::scope(|s| {
            let (mut a, mut b) = split_fields!(p.reborrow(), Pair, a, b);
            s.spawn(move || a.write(1));
            s.spawn(move || b.write(2));
        });
        assert_eq!(field!(p.reborrow(), Pair, a).read(), 1);
        assert_eq!(field!(p, Pair, b).read(), 2);
    }

    /// Probe: a `&Regs` / `&RegsDyn` / `&DmaBuf` shared by threads only reads.
    #[test]
    fn device_probe_register_blocks_shared_between_threads_only_read() {
        type Id = Reg<ReadPure<u32>, 4>;
        // The `u32` at byte 4 is 9, on hosts of either byte order.
        let [a, b, c, d] = 9_u32.to_ne_bytes();
        let mut mem = [u64::from_ne_bytes([0, 0, 0, 0, a, b, c, d]); 2];
        let mut regs = Regs::<16>::from_mut(&mut mem);
        std::thread::scope(|s| {
            let r = &regs;
            s.spawn(move || assert_eq!(r.read_pure::<Id>(), 9));
            s.spawn(move || assert_eq!(r.read_pure::<Id>(), 9));
        });
        let dynamic = regs.as_dyn();
        std::thread::scope(|s| {
            let r = &dynamic;
            s.spawn(move || assert_eq!(r.read_pure::<Id>(), Ok(9)));
            s.spawn(move || assert!(r.read_pure::<Reg<ReadPure<u32>, 16>>().is_err()));
        });
        let mut ring = [1_u32, 2, 3];
        let buf = zerocast::device::DmaBuf::new(&mut ring[..], 0x1000);
        std::thread::scope(|s| {
            let b = &buf;
            s.spawn(move || assert_eq!(b.shared().get(2).map(|e| e.read()), Some(3)));
            s.spawn(move || assert_eq!(b.shared().len(), 3));
        });
    }

    /// Probe: offsets and indices at the edges of `usize` are errors, never panics or wrapping
    /// accesses (overflow checks are on in tests).
    #[test]
    fn device_probe_run_time_checks_do_not_overflow() {
        type Huge = RegArray<ReadWrite<u32>, 8, { 1 << (usize::BITS - 1) }, 4>;
        let mut mem = [0_u64; 2];
        let mut regs = RegsDyn::from_mut(&mut mem[..]);
        assert!(regs.elem::<Huge>(0).is_ok());
        assert_eq!(
            regs.elem::<Huge>(1).unwrap_err(),
            RegError::OutOfBlock {
                offset: (1 << (usize::BITS - 1)) + 8,
                width: 4,
                size: 16
            }
        );
        assert_eq!(
            regs.elem::<Huge>(2).unwrap_err(),
            RegError::OutOfBlock {
                offset: usize::MAX,
                width: 4,
                size: 16
            }
        );
        assert_eq!(
            regs.elem::<Huge>(usize::MAX).unwrap_err(),
            RegError::Index {
                index: usize::MAX,
                len: 4
            }
        );
        assert!(regs
            .read::<Reg<ReadWrite<u64>, { usize::MAX - 7 }>>()
            .is_err());
        assert!(regs.write::<Reg<ReadWrite<u8>, { usize::MAX }>>(1).is_err());
        assert_eq!(mem, [0, 0], "nothing was written");

        // A fake block whose size is `usize::MAX`: the checks hold, accesses reach the fake only.
        let dev = RecordingDevice::new(8);
        let mut regs = RegsDyn::fake(&dev, 0, usize::MAX).expect("aligned");
        assert_eq!(regs.read::<Reg<ReadWrite<u8>, { usize::MAX - 1 }>>(), Ok(0));
        assert!(regs
            .read::<Reg<ReadWrite<u16>, { usize::MAX - 1 }>>()
            .is_err());
        assert!(DevicePtrMut::<u64, _>::fake(&dev, 2).is_none());
        // 4 is a multiple of `u64`'s alignment only where that is 4.
        assert_eq!(
            DevicePtrMut::<u64, _>::fake(&dev, 4).map(|p| p.addr()),
            (4 % U64_ALIGN == 0).then_some(4)
        );
        assert!(DevicePtrMut::<[u32], _>::fake_slice(&dev, 2, usize::MAX).is_none());
    }

    /// Probe: slice copies with every combination of empty and unequal lengths are checked
    /// (a range that does not fit is an error), never panic; zero-sized values make no access.
    #[test]
    fn device_probe_slices_and_zero_sized_values() {
        let mut buf = [1_u16, 2, 3];
        let mut p = DevicePtrMut::from_mut(&mut buf[..]);
        assert_eq!(p.read_slice(&mut []), Ok(()));
        assert_eq!(p.write_slice(&[]), Ok(()));
        assert!(p.write_slice(&[9; 5]).is_err());
        assert_eq!(p.write_slice(&[9; 3]), Ok(()));
        let mut out = [0_u16; 2];
        assert_eq!(p.read_slice(&mut out), Ok(()));
        assert_eq!(out, [9, 9]);
        assert!(p.reborrow().get(usize::MAX).is_none());
        let mut empty: [u32; 0] = [];
        let mut e = DevicePtrMut::from_mut(&mut empty[..]);
        assert!(e.read_slice(&mut [0; 4]).is_err());
        assert!(e.get(0).is_none());

        let dev = RecordingDevice::new(8);
        let mut unit = DevicePtrMut::<(), _>::fake(&dev, 3).expect("() is aligned to 1");
        unit.write(());
        let () = unit.read();
        assert!(dev.log().is_empty(), "a zero-sized value is no access");
    }

    /// Probe: the `Explicit` backend (volatile under Miri) and the `Fake` backend copy a padded
    /// value as `Volatile` does: the fake answers every word, padding included.
    #[test]
    fn device_probe_padded_reads_on_every_backend() {
        let mut d = Desc { addr: 5, flags: 6 };
        assert_eq!(
            DevicePtrMut::from_mut(&mut d).explicit().read(),
            Desc { addr: 5, flags: 6 }
        );
        assert_eq!(
            DevicePtrMut::from_mut(&mut d)
                .into_shared()
                .explicit()
                .read(),
            Desc { addr: 5, flags: 6 }
        );
        let dev = RecordingDevice::new(16);
        // The second word's first byte (`flags`) is 0x33, the rest padding, on hosts of either
        // byte order (the recording device's bus is the host's).
        let word = u32::from_ne_bytes([0x33, 0xff, 0xff, 0xff]);
        dev.queue_read(8, 0x1111_2222);
        dev.queue_read(12, u64::from(word));
        let mut p = DevicePtrMut::<Desc, _>::fake(&dev, 8).expect("aligned");
        assert_eq!(
            p.read(),
            Desc {
                addr: 0x1111_2222,
                flags: 0x33
            }
        );
        assert_eq!(
            dev.log(),
            [
                Access::read(8, Width::W32, 0x1111_2222),
                Access::read(12, Width::W32, u64::from(word))
            ]
        );
    }

    /// Probe: `try_read`/`try_update` on invalid device bytes are errors and write nothing.
    #[test]
    fn device_probe_invalid_bytes_never_become_values() {
        struct Twos(Cell<usize>);
        impl FakeDevice for Twos {
            fn read(&self, _: usize, _: Width) -> u64 {
                0xd802
            }
            fn write(&self, _: usize, _: Width, _: u64) {
                self.0.set(self.0.get() + 1);
            }
        }
        let dev = Twos(Cell::new(0));
        let mut flag = DevicePtrMut::<ReadWrite<bool>, _>::fake(&dev, 0).expect("aligned");
        assert_eq!(
            flag.try_read().map_err(|e| e.invalid().found()),
            Err(Some(2))
        );
        assert!(flag.try_update(|b| !b).is_err());
        assert_eq!(dev.0.get(), 0, "nothing written after an invalid read");
        // 0xd802 is a surrogate, and its low byte 2 is no `bool`.
        let c = DevicePtrMut::<char, _>::fake(&dev, 0)
            .expect("aligned")
            .into_shared();
        assert!(c.try_read().is_err());
    }

    /// Probe: no write path drops what it wrote: `update`, register writes, `try_update` through a
    /// register block (each read makes a copy that is then moved back in).
    #[test]
    fn device_probe_no_write_path_drops() {
        let before = DROPS.load(Ordering::SeqCst);
        {
            let mut x = ReadWrite::new(Counted(1));
            let mut p = DevicePtrMut::from_mut(&mut x);
            p.update(|c| Counted(c.0 + 1));
            assert_eq!(
                DROPS.load(Ordering::SeqCst),
                before + 1,
                "the closure's argument only"
            );
            let mut mem = [0_u64; 1];
            let mut regs = Regs::<8>::from_mut(&mut mem);
            regs.write::<Reg<ReadWrite<Counted>, 4>>(Counted(3));
            regs.update::<Reg<ReadWrite<Counted>, 4>>(|c| c);
            let mut dynamic = regs.as_dyn();
            assert_eq!(
                dynamic.write::<Reg<ReadWrite<Counted>, 0>>(Counted(4)),
                Ok(())
            );
            assert_eq!(dynamic.update::<Reg<ReadWrite<Counted>, 0>>(|c| c), Ok(()));
            assert_eq!(DROPS.load(Ordering::SeqCst), before + 1);
            assert_eq!(mem[0].to_ne_bytes()[..4], 4_u32.to_ne_bytes());
        }
        assert_eq!(DROPS.load(Ordering::SeqCst), before + 2, "plus `x`, once");
    }

    /// Probe (finding): a fake pointer whose bytes would end past `usize::MAX` wrapped around, so a
    /// fake slice's last elements aliased offsets 0, 2, ... of the fake; such pointers are refused.
    /// At the end of the address space the `RecordingDevice` answers 0 and ignores writes.
    #[test]
    fn device_probe_fake_pointers_never_wrap_around() {
        let dev = RecordingDevice::new(8);
        assert!(DevicePtrMut::<u64, _>::fake(&dev, usize::MAX - 7).is_none());
        assert!(DevicePtrMut::<[u16], _>::fake_slice(&dev, usize::MAX - 1, 4).is_none());
        assert!(DevicePtrMut::<[u16], _>::fake_slice(&dev, 0, usize::MAX).is_none());
        assert!(Regs::<16, _>::fake(&dev, usize::MAX - 7).is_none());
        assert!(RegsDyn::fake(&dev, usize::MAX - 7, 16).is_none());

        let end = usize::MAX - 15;
        let mut p = DevicePtrMut::<u64, _>::fake(&dev, end).expect("inside, aligned");
        p.write(u64::MAX);
        assert_eq!(p.read(), 0);
        let mut s = DevicePtrMut::<[u16], _>::fake_slice(&dev, usize::MAX - 9, 4).expect("inside");
        assert_eq!(s.write_slice(&[1, 2, 3, 4]), Ok(()));
        assert_eq!(dev.memory(), [0; 8]);
        // Every access reached the fake, at its offset, none wrapped around.
        let mut expected = expect_u64_access(AccessKind::Write, end, u64::MAX);
        expected.extend(expect_u64_access(AccessKind::Read, end, 0));
        expected.extend(
            [1_u16, 2, 3, 4]
                .iter()
                .enumerate()
                .map(|(i, &v)| Access::write(usize::MAX - 9 + 2 * i, Width::W16, u64::from(v))),
        );
        assert_eq!(dev.log(), expected);
    }
}

// Probes of the slice and byte views (issue 17): safe programs that tried to leave an invalid
// value behind a reference, reach outside a sub-slice, or race on the halves of a split.

/// A DMA descriptor that accepts any bytes and has no padding.
#[repr(C)]
#[derive(FromBytes, IntoBytes, Immutable, Clone, Copy, Debug, PartialEq)]
struct RawDesc {
    addr: u64,
    len: u32,
    flags: u16,
    next: u16,
}

/// Probe: any bytes written through a byte view leave a valid value behind the reference the
/// pointer was made from (Miri checks each typed read of the memory afterwards); the shared
/// byte view of a type with invalid bit patterns reads its bytes and never writes.
#[test]
fn device_probe_byte_views_leave_valid_values() {
    let mut d = RawDesc {
        addr: 1,
        len: 2,
        flags: 3,
        next: 4,
    };
    let mut bytes = DevicePtrMut::from_mut(&mut d).into_bytes();
    assert_eq!(bytes.len(), 16);
    assert_eq!(bytes.write_slice(&[0xa5; 16]), Ok(()));
    assert_eq!(d.addr, u64::from_ne_bytes([0xa5; 8]));
    assert_eq!(d.next, u16::from_ne_bytes([0xa5; 2]));

    let mut ring = [0_u64; 3];
    let mut bytes = DevicePtrMut::from_mut(&mut ring[..]).into_bytes();
    for i in 0..24_u8 {
        assert_eq!(bytes.write_slice_at(usize::from(i), &[i]), Ok(()));
    }
    assert_eq!(
        ring[2],
        u64::from_ne_bytes([16, 17, 18, 19, 20, 21, 22, 23])
    );

    let mut flags = [true, false];
    let shared = DevicePtrMut::from_mut(&mut flags[..])
        .into_shared()
        .into_bytes();
    let mut out = [9_u8; 2];
    assert_eq!(shared.read_slice(&mut out), Ok(()));
    assert_eq!(out, [1, 0]);
    let c = 'é';
    let mut c_mem = c;
    let c_bytes = DevicePtrMut::from_mut(&mut c_mem)
        .into_shared()
        .into_bytes();
    let mut out = [0_u8; 4];
    assert_eq!(c_bytes.read_slice(&mut out), Ok(()));
    assert_eq!(out, u32::from(c).to_ne_bytes());
    assert!(flags[0] && c_mem == 'é');

    // Zero-sized elements: an empty view, no access.
    let mut units = [(), (), ()];
    let view = DevicePtrMut::from_mut(&mut units[..]).into_bytes();
    assert!(view.is_empty());
}

/// Probe: every sub-slice of every range writes inside its range only (Miri checks each
/// access is inside the memory); what it writes lands where the standard library's sub-slice
/// says.
#[test]
fn device_probe_sub_slices_write_inside_their_range() {
    const LEN: usize = 4;
    for start in 0..=LEN + 1 {
        for end in 0..=LEN + 1 {
            let mut mem = [0_u16; LEN];
            let mut model = [0_u16; LEN];
            let sub = DevicePtrMut::from_mut(&mut mem[..]).get_range(start..end);
            assert_eq!(sub.is_some(), model.get(start..end).is_some());
            if let (Some(mut sub), Some(m)) = (sub, model.get_mut(start..end)) {
                let values = [7_u16; LEN];
                assert_eq!(sub.write_slice(&values[..m.len()]), Ok(()));
                assert!(sub.write_slice_at(m.len(), &[1]).is_err());
                m.fill(7);
            }
            assert_eq!(mem, model, "{start}..{end}");
        }
    }
}

/// Probe: the halves of a split unique pointer (and of a split DMA buffer) are written by one
/// thread each: no data race under Miri, and each half wrote its own elements only.
#[test]
fn device_probe_split_halves_are_disjoint_across_threads() {
    let mut ring = [0_u32; 6];
    let (mut low, mut high) = DevicePtrMut::from_mut(&mut ring[..])
        .split_at(2)
        .expect("2 <= 6");
    std::thread::scope(|s| {
        s.spawn(move || low.write_slice(&[1, 2]).expect("2 elements"));
        s.spawn(move || high.write_slice(&[3; 4]).expect("4 elements"));
    });
    assert_eq!(ring, [1, 2, 3, 3, 3, 3]);

    let mut pool = [0_u8; 8];
    let buf = zerocast::device::DmaBuf::new(&mut pool[..], 0x1000);
    let (mut a, mut b) = buf.split_at(5).expect("5 <= 8");
    std::thread::scope(|s| {
        s.spawn(move || a.ptr().write_slice_at(4, &[0xaa]).expect("inside"));
        s.spawn(move || b.ptr().write_slice_at(0, &[0xbb]).expect("inside"));
    });
    assert_eq!(pool, [0, 0, 0, 0, 0xaa, 0xbb, 0, 0]);
}
