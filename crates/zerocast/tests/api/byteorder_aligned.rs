// SPDX-License-Identifier: MIT OR Apache-2.0
//! The aligned fixed-endian integers (`zerocast::byteorder::{Le16..Be64}`): values and byte
//! layout against the native `to_le_bytes`/`to_be_bytes`, size and alignment, conversions,
//! formatting, the bitwise operators, the zerocast traits, device accesses (width and the value
//! on the bus), NVMe queue entries in a `DmaBuf`, and bit fields stored in them.

use core::hash::BuildHasher;
use std::collections::hash_map::RandomState;

use zerocast::byteorder::{
    Be16, Be32, Be64, BigEndian, Le16, Le32, Le64, LittleEndian, U16, U32, U64,
};
use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes};

use crate::common::{Aligned, Rng};

/// Iterations of each random test; fewer under Miri.
const ROUNDS: usize = if cfg!(miri) { 16 } else { 2000 };

/// A type with every zerocast trait the aligned integers have (and `Unaligned` is not among
/// them: `tests/ui/aligned_endian_not_unaligned.rs`).
fn traits<T: FromBytes + FromZeros + TryFromBytes + IntoBytes + Immutable + KnownLayout>() {}

/// For one type: size and alignment, `new`, `get`, `set`, `from_bytes`, `to_bytes`, `ZERO`,
/// `Default`, `From` both ways, equality, hashing and order, against the native number.
macro_rules! value_tests {
    ($test:ident, $name:ident, $native:ident, $bytes:literal, $to_bytes:ident, $from_bytes:ident) => {
        #[test]
        fn $test() {
            traits::<$name>();
            assert_eq!(size_of::<$name>(), $bytes);
            assert_eq!(align_of::<$name>(), align_of::<$native>());
            assert_eq!($name::ZERO.to_bytes(), [0; $bytes]);
            assert_eq!($name::default(), $name::ZERO);
            let state = RandomState::new();
            let mut rng = Rng(u64::from(stringify!($name).as_bytes()[2]) << 8 | $bytes);
            for _ in 0..ROUNDS {
                let raw: [u8; $bytes] = rng.bytes();
                let x = $native::from_ne_bytes(raw);
                let v = $name::new(x);
                assert_eq!(v.to_bytes(), x.$to_bytes());
                assert_eq!(v.get(), x);
                assert_eq!(v, x);
                assert_eq!($native::from(v), x);
                assert_eq!($name::from(x), v);
                assert_eq!(<[u8; $bytes]>::from(v), x.$to_bytes());
                // The bytes as they are, decoded in the named order.
                let w = $name::from_bytes(raw);
                assert_eq!(w.to_bytes(), raw);
                assert_eq!(w.get(), $native::$from_bytes(raw));
                assert_eq!($name::from(raw), w);
                let mut s = $name::ZERO;
                s.set(x);
                assert_eq!(s.to_bytes(), x.$to_bytes());
                // Equality and hashing are the stored bytes'; order is the value's.
                let y = $native::from_ne_bytes(rng.bytes());
                assert_eq!(v == $name::new(y), x == y);
                assert_eq!(state.hash_one(v), state.hash_one($name::new(x)));
                assert_eq!(v.cmp(&$name::new(y)), x.cmp(&y));
                assert_eq!(v.partial_cmp(&y), x.partial_cmp(&y));
                // The zerocast traits: the bytes in memory are `to_bytes`.
                assert_eq!(v.as_bytes(), x.$to_bytes());
                assert_eq!($name::read_from_bytes(&raw).unwrap(), w);
            }
        }
    };
}

value_tests!(le16_values, Le16, u16, 2, to_le_bytes, from_le_bytes);
value_tests!(le32_values, Le32, u32, 4, to_le_bytes, from_le_bytes);
value_tests!(le64_values, Le64, u64, 8, to_le_bytes, from_le_bytes);
value_tests!(be16_values, Be16, u16, 2, to_be_bytes, from_be_bytes);
value_tests!(be32_values, Be32, u32, 4, to_be_bytes, from_be_bytes);
value_tests!(be64_values, Be64, u64, 8, to_be_bytes, from_be_bytes);

#[test]
fn aligned_sizes_and_alignments() {
    assert_eq!((size_of::<Le16>(), align_of::<Le16>()), (2, 2));
    assert_eq!((size_of::<Be16>(), align_of::<Be16>()), (2, 2));
    assert_eq!((size_of::<Le32>(), align_of::<Le32>()), (4, 4));
    assert_eq!((size_of::<Be32>(), align_of::<Be32>()), (4, 4));
    // `u64`'s alignment is the target's (4 on some 32-bit targets), as for `__le64`.
    assert_eq!(
        (size_of::<Le64>(), align_of::<Le64>()),
        (8, align_of::<u64>())
    );
    assert_eq!(
        (size_of::<Be64>(), align_of::<Be64>()),
        (8, align_of::<u64>())
    );
}

#[test]
fn aligned_byte_layout_written_out() {
    assert_eq!(Le16::new(0x1234).to_bytes(), [0x34, 0x12]);
    assert_eq!(Be16::new(0x1234).to_bytes(), [0x12, 0x34]);
    assert_eq!(Le32::new(0x1122_3344).to_bytes(), [0x44, 0x33, 0x22, 0x11]);
    assert_eq!(Be32::new(0x1122_3344).to_bytes(), [0x11, 0x22, 0x33, 0x44]);
    assert_eq!(
        Le64::new(0x0102_0304_0506_0708).to_bytes(),
        [8, 7, 6, 5, 4, 3, 2, 1]
    );
    assert_eq!(
        Be64::new(0x0102_0304_0506_0708).to_bytes(),
        [1, 2, 3, 4, 5, 6, 7, 8]
    );
    // In `const` too.
    const V: Le32 = Le32::new(0xdead_beef);
    const B: [u8; 4] = V.to_bytes();
    const N: u32 = Le32::from_bytes(B).get();
    const S: Be16 = {
        let mut s = Be16::ZERO;
        s.set(0xabcd);
        s
    };
    assert_eq!(
        (B, N, S.to_bytes()),
        ([0xef, 0xbe, 0xad, 0xde], 0xdead_beef, [0xab, 0xcd])
    );
}

#[test]
fn aligned_conversions_to_unaligned_and_the_other_order() {
    let mut rng = Rng(0xa11);
    for _ in 0..ROUNDS {
        let x = u32::from_ne_bytes(rng.bytes());
        let (le, be) = (Le32::new(x), Be32::new(x));
        // Same order: the same bytes, in `const` and without a swap.
        assert_eq!(le.to_unaligned().to_bytes(), le.to_bytes());
        assert_eq!(be.to_unaligned().to_bytes(), be.to_bytes());
        assert_eq!(Le32::from_unaligned(U32::<LittleEndian>::new(x)), le);
        assert_eq!(Be32::from_unaligned(U32::<BigEndian>::new(x)), be);
        // `From`, either order: the same number.
        assert_eq!(U32::<BigEndian>::from(le).get(), x);
        assert_eq!(U32::<LittleEndian>::from(be).get(), x);
        assert_eq!(Le32::from(U32::<BigEndian>::new(x)), le);
        assert_eq!(Be32::from(U32::<LittleEndian>::new(x)), be);
        // The other aligned order: the same number, the bytes reversed.
        let mut rev = le.to_bytes();
        rev.reverse();
        assert_eq!(Be32::from(le).to_bytes(), rev);
        assert_eq!(Le32::from(be), le);
    }
    let h = 0xbeef_u16;
    assert_eq!(
        Le16::from(U16::<BigEndian>::new(h)).to_bytes(),
        [0xef, 0xbe]
    );
    assert_eq!(Be16::from(Le16::new(h)).to_bytes(), [0xbe, 0xef]);
    assert_eq!(
        U16::<LittleEndian>::from(Be16::new(h)).to_bytes(),
        [0xef, 0xbe]
    );
    let q = 0x0011_2233_4455_6677_u64;
    assert_eq!(Le64::new(q).to_unaligned(), U64::<LittleEndian>::new(q));
    assert_eq!(
        Be64::from(Le64::new(q)).to_unaligned(),
        U64::<BigEndian>::new(q)
    );
    assert_eq!(Be64::from_unaligned(U64::<BigEndian>::new(q)).get(), q);
}

#[test]
fn aligned_formatting_is_the_values() {
    assert_eq!(format!("{:?}", Le32::new(0x1234_5678)), "Le32(305419896)");
    assert_eq!(
        format!("{:#x?}", Le32::new(0x1234_5678)),
        "Le32(\n    0x12345678,\n)"
    );
    assert_eq!(format!("{:x?}", Be32::new(0x1234_5678)), "Be32(12345678)");
    assert_eq!(format!("{:?}", Be16::new(7)), "Be16(7)");
    assert_eq!(
        format!("{:?}", Le64::new(u64::MAX)),
        "Le64(18446744073709551615)"
    );
    assert_eq!(format!("{:?}", Be64::new(1)), "Be64(1)");
    assert_eq!(format!("{:?}", Le16::new(0x100)), "Le16(256)");
    // The same as the unaligned type's, by design.
    assert_eq!(
        format!("{:?}", Le32::new(9)).replace("Le32", "U32"),
        format!("{:?}", U32::<LittleEndian>::new(9))
    );
    let v = Be32::new(0x00ab_cdef);
    assert_eq!(format!("{v}"), "11259375");
    assert_eq!(format!("{v:x}"), "abcdef");
    assert_eq!(format!("{v:#X}"), "0xABCDEF");
    assert_eq!(format!("{:b}", Le16::new(5)), "101");
    assert_eq!(format!("{:o}", Le16::new(8)), "10");
    assert_eq!(format!("{:08x}", Le32::new(0xbeef)), "0000beef");
}

#[test]
fn aligned_bitwise_operators_match_the_natives() {
    let mut rng = Rng(0xb17);
    for _ in 0..ROUNDS {
        let (x, y) = (
            u32::from_ne_bytes(rng.bytes()),
            u32::from_ne_bytes(rng.bytes()),
        );
        let (a, b) = (Be32::new(x), Be32::new(y));
        assert_eq!((a & b).get(), x & y);
        assert_eq!((a | b).get(), x | y);
        assert_eq!((a ^ b).get(), x ^ y);
        assert_eq!((!a).get(), !x);
        let mut c = a;
        c &= b;
        assert_eq!(c.get(), x & y);
        c |= Be32::new(1);
        assert_eq!(c.get(), (x & y) | 1);
        c ^= a;
        assert_eq!(c.get(), ((x & y) | 1) ^ x);
        let (p, q) = (
            u16::from_ne_bytes(rng.bytes()),
            u16::from_ne_bytes(rng.bytes()),
        );
        assert_eq!((Le16::new(p) & Le16::new(q)).get(), p & q);
        assert_eq!((!Le16::new(p)).get(), !p);
        let (r, s) = (
            u64::from_ne_bytes(rng.bytes()),
            u64::from_ne_bytes(rng.bytes()),
        );
        assert_eq!((Le64::new(r) | Le64::new(s)).get(), r | s);
        assert_eq!((Be64::new(r) ^ Be64::new(s)).get(), r ^ s);
    }
}

#[test]
fn aligned_views_need_alignment() {
    let buf = Aligned::<12>::from_fn(|i| i as u8);
    // At offset 4: aligned, read in place, the bytes in the named order.
    let le = Le32::ref_from_bytes(&buf.0[4..8]).unwrap();
    assert_eq!(le.get(), u32::from_le_bytes([4, 5, 6, 7]));
    let be = Be32::ref_from_bytes(&buf.0[4..8]).unwrap();
    assert_eq!(be.get(), 0x0405_0607);
    // At offset 1: the reference is refused, a copy is fine.
    assert!(Le32::ref_from_bytes(&buf.0[1..5]).is_err());
    assert_eq!(
        Be32::read_from_bytes(&buf.0[1..5]).unwrap().get(),
        0x0102_0304
    );
    let words = <[Le16]>::ref_from_bytes(&buf.0[..]).unwrap();
    assert_eq!(words.len(), 6);
    assert_eq!(words[5].get(), 0x0b0a);
    assert!(Le16::try_read_from_bytes(&buf.0[..2]).is_ok());
    assert_eq!(Be64::new_zeroed(), Be64::ZERO);
}

// ---- Device memory ----------------------------------------------------------------------

#[cfg(feature = "alloc")]
mod device {
    use zerocast::byteorder::{Be32, Be64, Le16, Le32, Le64};
    use zerocast::device::{
        Access, DevicePtrMut, ReadOnly, ReadWrite, RecordingDevice, Width, WriteOnly,
    };
    use zerocast::{field, IntoBytes};

    /// The value on the bus of an access to the bytes `b` (2, 4 or 8 of them): the native
    /// word they make, zero-extended.
    fn bus(b: &[u8]) -> u64 {
        match *b {
            [b0, b1] => u64::from(u16::from_ne_bytes([b0, b1])),
            [b0, b1, b2, b3] => u64::from(u32::from_ne_bytes([b0, b1, b2, b3])),
            [b0, b1, b2, b3, b4, b5, b6, b7] => {
                u64::from_ne_bytes([b0, b1, b2, b3, b4, b5, b6, b7])
            }
            _ => panic!("no access of {} bytes", b.len()),
        }
    }

    #[test]
    fn aligned_register_is_one_access_of_its_width() {
        let dev = RecordingDevice::new(32);
        let mut le = DevicePtrMut::<ReadWrite<Le32>, _>::fake(&dev, 8).unwrap();
        le.write(Le32::new(0x1122_3344));
        assert_eq!(le.read().get(), 0x1122_3344);
        let mut be = DevicePtrMut::<ReadWrite<Be32>, _>::fake(&dev, 12).unwrap();
        be.write(Be32::new(0x1122_3344));
        assert_eq!(be.read().get(), 0x1122_3344);
        let mut h = DevicePtrMut::<WriteOnly<Le16>, _>::fake(&dev, 2).unwrap();
        h.write(Le16::new(0xa55a));
        let le_bus = bus(&0x1122_3344_u32.to_le_bytes());
        let be_bus = bus(&0x1122_3344_u32.to_be_bytes());
        assert_eq!(
            dev.take_log(),
            [
                Access::write(8, Width::W32, le_bus),
                Access::read(8, Width::W32, le_bus),
                Access::write(12, Width::W32, be_bus),
                Access::read(12, Width::W32, be_bus),
                Access::write(2, Width::W16, bus(&0xa55a_u16.to_le_bytes())),
            ]
        );
        // The bytes in device memory are in the named order, whatever the host.
        let mem = dev.memory();
        assert_eq!(mem[8..12], [0x44, 0x33, 0x22, 0x11]);
        assert_eq!(mem[12..16], [0x11, 0x22, 0x33, 0x44]);
        assert_eq!(mem[2..4], [0x5a, 0xa5]);
        // Written out for this host: on a little-endian one the `Le32` goes on the bus as it
        // is, the `Be32` swapped; on a big-endian one the other way round.
        if cfg!(target_endian = "little") {
            assert_eq!((le_bus, be_bus), (0x1122_3344, 0x4433_2211));
        } else {
            assert_eq!((le_bus, be_bus), (0x4433_2211, 0x1122_3344));
        }
    }

    #[test]
    fn aligned_64_bit_register_width_follows_its_alignment() {
        let dev = RecordingDevice::new(16);
        let mut q = DevicePtrMut::<ReadWrite<Le64>, _>::fake(&dev, 8).unwrap();
        let v = 0x0102_0304_0506_0708_u64;
        q.write(Le64::new(v));
        assert_eq!(q.read(), Le64::new(v));
        let mut b = DevicePtrMut::<ReadOnly<Be64>, _>::fake(&dev, 8).unwrap();
        assert_eq!(b.read().get(), v.swap_bytes());
        let log = dev.take_log();
        if align_of::<u64>() == 8 {
            let w = bus(&v.to_le_bytes());
            assert_eq!(
                log,
                [
                    Access::write(8, Width::W64, w),
                    Access::read(8, Width::W64, w),
                    Access::read(8, Width::W64, w),
                ]
            );
        } else {
            assert_eq!(log.len(), 6, "two 32-bit accesses each: {log:?}");
        }
        assert_eq!(dev.memory()[8..], [8, 7, 6, 5, 4, 3, 2, 1]);
    }

    /// A little-endian register block, as an NVMe controller's start (CC at 0x14, CSTS at 0x1c).
    #[repr(C)]
    struct Nvme {
        cap: ReadOnly<Le64>,
        vs: ReadOnly<Le32>,
        intms: WriteOnly<Le32>,
        intmc: WriteOnly<Le32>,
        cc: ReadWrite<Le32>,
        _rsvd: ReadOnly<Le32>,
        csts: ReadOnly<Le32>,
    }

    #[test]
    fn aligned_register_block_accesses() {
        assert_eq!(core::mem::offset_of!(Nvme, cc), 0x14);
        assert_eq!(core::mem::offset_of!(Nvme, csts), 0x1c);
        let mut mem = vec![0_u8; 0x20];
        mem[0x08..0x0c].copy_from_slice(&0x0001_0400_u32.to_le_bytes()); // VS 1.4
        mem[0x1c..0x20].copy_from_slice(&1_u32.to_le_bytes()); // CSTS.RDY
        let dev = RecordingDevice::with_memory(mem);
        let mut regs = DevicePtrMut::<Nvme, _>::fake(&dev, 0).unwrap();
        assert_eq!(field!(regs.reborrow(), Nvme, vs).read().get(), 0x0001_0400);
        let mut cc = field!(regs.reborrow(), Nvme, cc);
        let v = cc.read() | Le32::new(1);
        cc.write(v);
        assert_eq!(field!(regs, Nvme, csts).read().get() & 1, 1);
        let le = |n: u32| bus(&n.to_le_bytes());
        assert_eq!(
            dev.take_log(),
            [
                Access::read(0x08, Width::W32, le(0x0001_0400)),
                Access::read(0x14, Width::W32, le(0)),
                Access::write(0x14, Width::W32, le(1)),
                Access::read(0x1c, Width::W32, le(1)),
            ]
        );
        assert_eq!(dev.memory()[0x14..0x18], 1_u32.to_le_bytes());
        assert_eq!(Le32::new(1).as_bytes(), [1, 0, 0, 0]);
    }
}

// ---- NVMe queue entries in DMA memory -----------------------------------------------------

#[cfg(feature = "derive")]
mod nvme {
    use zerocast::bitfield;
    use zerocast::byteorder::{Be32, Le16, Le32, Le64};
    use zerocast::device::DmaBuf;
    use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes};

    /// An NVMe completion-queue entry (NVMe base specification, figure "Completion Queue
    /// Entry Layout"): 16 bytes, little-endian.
    #[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Clone, Copy, Debug, PartialEq)]
    #[repr(C)]
    struct Cqe {
        dw0: Le32,
        dw1: Le32,
        sq_head: Le16,
        sq_id: Le16,
        cid: Le16,
        status: CqeStatus,
    }

    bitfield! {
        /// Dword 3's upper half: the phase tag and the status field.
        struct CqeStatus(Le16) {
            15 dnr as bool;
            14 more as bool;
            13:12 crd as u8;
            11:9 sct as u8;
            8:1 sc as u8;
            0 phase as bool;
        }
    }

    /// An NVMe submission-queue entry: 64 bytes, little-endian.
    #[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Clone, Copy, Debug, PartialEq)]
    #[repr(C)]
    struct Sqe {
        opcode: u8,
        flags: u8,
        cid: Le16,
        nsid: Le32,
        cdw2: Le32,
        cdw3: Le32,
        mptr: Le64,
        prp1: Le64,
        prp2: Le64,
        cdw10: [Le32; 6],
    }

    #[test]
    fn nvme_entries_have_the_spec_layout() {
        assert_eq!((size_of::<Cqe>(), align_of::<Cqe>()), (16, 4));
        assert_eq!(core::mem::offset_of!(Cqe, sq_id), 10);
        assert_eq!(core::mem::offset_of!(Cqe, status), 14);
        assert_eq!(size_of::<Sqe>(), 64);
        assert_eq!(core::mem::offset_of!(Sqe, prp1), 24);
        assert_eq!(core::mem::offset_of!(Sqe, cdw10), 40);
        assert_eq!(align_of::<CqeStatus>(), 2);
    }

    #[test]
    fn nvme_cqe_round_trips_through_a_dma_buf() {
        // The bytes a controller writes, as the specification lays them out.
        let wire: [u8; 16] = [
            0x78, 0x56, 0x34, 0x12, // dw0
            0, 0, 0, 0, // dw1
            0x05, 0x00, // sq_head 5
            0x01, 0x00, // sq_id 1
            0x2a, 0x00, // cid 42
            0x03, 0x80, // status: phase 1, sc 1, sct 0, dnr 1
        ];
        let mut mem = Cqe::read_from_bytes(&wire).unwrap();
        let mut buf = DmaBuf::new(&mut mem, 0x1_0000);
        let cqe = buf.shared().read();
        assert_eq!(cqe.dw0.get(), 0x1234_5678);
        assert_eq!(
            (cqe.sq_head.get(), cqe.sq_id.get(), cqe.cid.get()),
            (5, 1, 42)
        );
        assert!(cqe.status.phase() && cqe.status.dnr() && !cqe.status.more());
        assert_eq!((cqe.status.sc(), cqe.status.sct().get()), (1, 0));
        assert_eq!(cqe.status.into_bits().get(), 0x8003);

        // The driver recycles the slot: clears it, keeping the phase.
        let cleared = Cqe {
            status: CqeStatus::new().with_phase(true),
            ..Cqe::new_zeroed()
        };
        buf.ptr().write(cleared);
        assert_eq!(buf.shared().read(), cleared);
        let mut want = [0_u8; 16];
        want[14] = 1;
        assert_eq!(mem.as_bytes(), want);
    }

    #[test]
    fn nvme_sqe_round_trips_through_a_dma_buf() {
        let sqe = Sqe {
            opcode: 0x02, // read
            flags: 0,
            cid: Le16::new(0x0102),
            nsid: Le32::new(1),
            cdw2: Le32::ZERO,
            cdw3: Le32::ZERO,
            mptr: Le64::ZERO,
            prp1: Le64::new(0x0000_0001_2345_6000),
            prp2: Le64::ZERO,
            cdw10: [
                Le32::new(0x10),
                Le32::ZERO,
                Le32::new(7),
                Le32::ZERO,
                Le32::ZERO,
                Le32::ZERO,
            ],
        };
        let mut ring = [Sqe::new_zeroed(); 2];
        let mut buf = DmaBuf::new(&mut ring, 0x2_0000);
        buf.ptr().get(1).unwrap().write(sqe);
        assert_eq!(buf.shared().get(1).unwrap().read(), sqe);
        let b = ring[1].as_bytes();
        assert_eq!(b[..8], [0x02, 0, 0x02, 0x01, 1, 0, 0, 0]);
        assert_eq!(b[24..32], [0x00, 0x60, 0x45, 0x23, 1, 0, 0, 0]);
        assert_eq!(b[40..44], [0x10, 0, 0, 0]);
        assert_eq!(b[48..52], [7, 0, 0, 0]);
        assert_eq!(ring[0].as_bytes(), [0; 64]);
    }

    bitfield! {
        /// The first word of an IPv6 header, big-endian: version, traffic class, flow label.
        struct V6Word(Be32) {
            31:28 version as u8;
            27:20 class as u8;
            19:0 flow as u32;
        }
        /// A reserved-as-zero bit over `Le16`, to check validation offsets.
        struct Strict(Le16) {
            15:15 _ = 0;
            14:0 n as u16;
        }
    }

    #[test]
    fn bitfield_over_le16_numbers_bits_in_the_value() {
        for v in (0..=u16::MAX).step_by(if cfg!(miri) { 4099 } else { 1 }) {
            let s = CqeStatus::from_bits(Le16::new(v));
            assert_eq!(s.phase(), v & 1 == 1);
            assert_eq!(s.sc(), ((v >> 1) & 0xff) as u8);
            assert_eq!(s.sct().get(), ((v >> 9) & 7) as u8);
            assert_eq!(s.crd().get(), ((v >> 12) & 3) as u8);
            assert_eq!(s.more(), v >> 14 & 1 == 1);
            assert_eq!(s.dnr(), v >> 15 == 1);
            // In memory: the value's little-endian bytes.
            assert_eq!(s.as_bytes(), v.to_le_bytes());
        }
        let s = CqeStatus::new()
            .with_sc(0x81)
            .with_sct_const::<2>()
            .with_dnr(true);
        assert_eq!(s.into_bits().get(), 0x8000 | 2 << 9 | 0x81 << 1);
        assert_eq!(s.as_bytes(), [0x02, 0x85]);
        const C: CqeStatus = CqeStatus::from_bits(Le16::new(1));
        assert!(C.phase());
    }

    #[test]
    fn bitfield_over_be32_numbers_bits_in_the_value() {
        let bytes = [0x6b, 0x8a, 0xbc, 0xde];
        let w = V6Word::read_from_bytes(&bytes).unwrap();
        assert_eq!(w.into_bits().get(), 0x6b8a_bcde);
        assert_eq!(
            (w.version().get(), w.class(), w.flow().get()),
            (6, 0xb8, 0xa_bcde)
        );
        let w = w.with_class(0x01).with_flow_const::<0x1_2345>();
        assert_eq!(w.as_bytes(), [0x60, 0x11, 0x23, 0x45]);
        assert_eq!(align_of::<V6Word>(), 4);

        // The reserved bit 15 of a `Le16` is the top bit of the second byte.
        assert!(Strict::try_read_from_bytes(&[0xff, 0x7f]).is_ok());
        let err = Strict::try_read_from_bytes(&[0x00, 0x80]).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("reserved 15:15"), "{msg}");
        assert_eq!(
            Strict::try_from_bits(Le16::new(0x7fff)).unwrap().n().get(),
            0x7fff
        );
        assert!(Strict::try_from_bits(Le16::new(0x8000)).is_err());
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn bitfield_over_le32_is_one_register_access() {
        use zerocast::device::{Access, DevicePtrMut, ReadWrite, RecordingDevice, Width};

        bitfield! {
            /// An xHCI TRB control word: cycle bit, TRB type, slot id.
            struct TrbControl(Le32) {
                31:24 slot as u8;
                15:10 trb_type as u8;
                0 cycle as bool;
            }
        }
        let dev = RecordingDevice::new(8);
        let mut p = DevicePtrMut::<ReadWrite<TrbControl>, _>::fake(&dev, 4).unwrap();
        let c = TrbControl::new()
            .with_slot(3)
            .with_trb_type_const::<9>()
            .with_cycle(true);
        p.write(c);
        assert_eq!(p.read().slot(), 3);
        let v: u32 = 3 << 24 | 9 << 10 | 1;
        let bus = u64::from(u32::from_ne_bytes(v.to_le_bytes()));
        assert_eq!(
            dev.take_log(),
            [
                Access::write(4, Width::W32, bus),
                Access::read(4, Width::W32, bus)
            ]
        );
        assert_eq!(dev.memory()[4..], v.to_le_bytes());
    }
}

// ---- serde ----------------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod serde_impls {
    use serde::de::value::{Error, U16Deserializer, U32Deserializer, U64Deserializer};
    use serde::de::IntoDeserializer;
    use serde::{Deserialize, Serialize};
    use zerocast::byteorder::{Be16, Be32, Be64, Le16, Le32, Le64};

    use crate::byteorder::serde_impls::{Probe, Seen};

    #[test]
    fn aligned_serializes_as_the_native_number() {
        assert_eq!(
            Le16::new(0x1234).serialize(Probe).unwrap(),
            Seen::U16(0x1234)
        );
        assert_eq!(
            Be16::new(0x1234).serialize(Probe).unwrap(),
            Seen::U16(0x1234)
        );
        assert_eq!(Le32::new(7).serialize(Probe).unwrap(), Seen::U32(7));
        assert_eq!(Be32::new(7).serialize(Probe).unwrap(), Seen::U32(7));
        assert_eq!(
            Le64::new(1 << 40).serialize(Probe).unwrap(),
            Seen::U64(1 << 40)
        );
        assert_eq!(
            Be64::new(1 << 40).serialize(Probe).unwrap(),
            Seen::U64(1 << 40)
        );
    }

    #[test]
    fn aligned_deserializes_from_the_native_number() {
        let d: U32Deserializer<Error> = 0x0102_0304u32.into_deserializer();
        assert_eq!(Be32::deserialize(d).unwrap().to_bytes(), [1, 2, 3, 4]);
        let d: U32Deserializer<Error> = 0x0102_0304u32.into_deserializer();
        assert_eq!(Le32::deserialize(d).unwrap().to_bytes(), [4, 3, 2, 1]);
        let d: U16Deserializer<Error> = 0x0102u16.into_deserializer();
        assert_eq!(Le16::deserialize(d).unwrap().to_bytes(), [2, 1]);
        let d: U64Deserializer<Error> = 0x0102u64.into_deserializer();
        assert_eq!(Be64::deserialize(d).unwrap().get(), 0x0102);
        // A number that does not fit is an error, as for the native type.
        let d: U32Deserializer<Error> = 0x1_0000u32.into_deserializer();
        assert!(Be16::deserialize(d).is_err());
        let d: U64Deserializer<Error> = u64::MAX.into_deserializer();
        assert!(Le64::deserialize(d).is_ok());
    }
}
