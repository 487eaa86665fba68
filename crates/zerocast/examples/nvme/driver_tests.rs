// SPDX-License-Identifier: MIT OR Apache-2.0
//! The driver against the simulated controller: the exact accesses of docs/device.md's
//! canonical sequence, no faults, and each error path.

use zerocast::byteorder::{Le32, Le64};
use zerocast::device::Width::{W32, W64};
use zerocast::device::{Access, BusOrder, DmaBuf, FakeDevice, RegError, Regs, Width};
use zerocast::{FromZeros, IntoBytes};

use super::driver::{enable, identify_controller, AdminQueue, Error};
use super::regs::{Bar0, Csts, QueueBase, Shst, Sqe, CSTS};
use super::sim::{off, Config, Doorbell, NvmeSim, Which, RDY};
use super::sim_admin::{AdminFault, AdminSim, MN, VID};
use super::{bring_up, HostMemory, ACQ_ADDR, ASQ_ADDR, ID_ADDR};

/// CAP of `Config::default()`: MQES 1023, CQR, TO 20, DSTRD 0, CSS NVM, MPSMIN 0, MPSMAX 4.
const CAP: u64 = 0x0040_0020_1401_03ff;

/// A 64-bit register's access as this target issues it (docs/device.md's table is a 64-bit
/// target's): one 64-bit access where `u64` is aligned to 8, else its two 32-bit halves, low
/// first, as Linux's `lo_hi_readq`/`lo_hi_writeq` on 32-bit targets. (The device is
/// little-endian, so the low half is at the lower address on every host.)
fn reg64(access: fn(usize, Width, u64) -> Access, offset: usize, value: u64) -> Vec<Access> {
    if align_of::<u64>() == 8 {
        vec![access(offset, W64, value)]
    } else {
        vec![
            access(offset, W32, value & 0xffff_ffff),
            access(offset + 4, W32, value >> 32),
        ]
    }
}

/// The accesses of docs/device.md's table for a controller found disabled: CAP, CC, the queue
/// registers, CC, one CSTS read per value of `csts`.
fn enable_log(cap: u64, csts: &[u64]) -> Vec<Access> {
    queue_log(cap, ASQ_ADDR, ACQ_ADDR, 0x0046_0001, csts)
}

/// As [`enable_log`], with the queues' addresses and the value written to CC given.
fn queue_log(cap: u64, asq: u64, acq: u64, cc: u64, csts: &[u64]) -> Vec<Access> {
    let mut log = reg64(Access::read, 0x00, cap);
    log.push(Access::read(0x14, W32, 0));
    log.push(Access::write(0x24, W32, 0x001f_001f));
    log.extend(reg64(Access::write, 0x28, asq));
    log.extend(reg64(Access::write, 0x30, acq));
    log.push(Access::write(0x14, W32, cc));
    log.extend(csts.iter().map(|&v| Access::read(0x1c, W32, v)));
    log
}

/// Counts the driver's sleeps.
fn counting(n: &mut u32) -> impl FnMut(u32) + '_ {
    move |ms| *n += ms
}

#[test]
fn the_sequence_issues_the_documented_accesses_and_identify_completes() {
    let sim = NvmeSim::new(Config::default());
    let mut mem = HostMemory::new();
    let mut slept = 0;
    let found = bring_up(
        &sim,
        &mut AdminSim::default(),
        &mut mem,
        &mut counting(&mut slept),
    )
    .unwrap();
    // docs/device.md's table, accesses 1 to 10, then the completion queue's head doorbell.
    let mut expected = enable_log(CAP, &[0, 0, 1]);
    expected.push(Access::write(0x1000, W32, 1));
    expected.push(Access::write(0x1004, W32, 1));
    assert_eq!(sim.log(), expected);
    assert_eq!(sim.faults(), []);
    assert_eq!(slept, 2, "one sleep between two CSTS reads");
    assert_eq!(
        sim.doorbells(),
        [Doorbell(0, Which::SqTail, 1), Doorbell(0, Which::CqHead, 1)]
    );
    assert_eq!(
        sim.state(),
        (0x0046_0001, RDY, 0x001f_001f, ASQ_ADDR, ACQ_ADDR)
    );
    assert_eq!(found.cap.into_bits().get(), CAP);
    assert_eq!(&found.mn, MN);
    let c = found.cqe;
    assert_eq!((c.cid.get(), c.sqhd.get(), c.sqid.get()), (1, 1, 0));
    assert!(c.status.phase());
    assert_eq!((mem.id.vid.get(), mem.id.ssvid.get()), (VID, VID));
    // The entry as the specification lays it out: opcode, CID, PRP1 at byte 24, CNS at 40.
    let sqe = mem.sq[0].as_bytes();
    assert_eq!(sqe[0..4], [0x06, 0, 1, 0]);
    assert_eq!(sqe[24..32], ID_ADDR.to_le_bytes());
    assert_eq!(sqe[40..44], [1, 0, 0, 0]);
    assert!(sqe[4..24]
        .iter()
        .chain(&sqe[32..40])
        .chain(&sqe[44..])
        .all(|&b| b == 0));
}

#[test]
fn a_controller_left_enabled_is_disabled_first() {
    let sim = NvmeSim::new(Config {
        enabled: true,
        ready_after: 1,
        ..Config::default()
    });
    let mut bar = Bar0::fake(&sim, 0).unwrap();
    enable(&mut bar, ASQ_ADDR, ACQ_ADDR, 12, &mut |_| {}).unwrap();
    let mut expected = reg64(Access::read, 0x00, CAP);
    expected.extend([
        Access::read(0x14, W32, 1),
        Access::write(0x14, W32, 0),
        Access::read(0x1c, W32, 1),
        Access::read(0x1c, W32, 0),
    ]);
    // The rest of the table, from CC's write of AQA (its CAP and CC reads are above).
    let rest = enable_log(CAP, &[0, 1]);
    let skip = rest.iter().position(|a| a.offset == 0x24).unwrap();
    expected.extend(rest.into_iter().skip(skip));
    assert_eq!(sim.log(), expected);
    assert_eq!(sim.faults(), []);
}

#[test]
fn cfs_is_a_typed_error() {
    // 8 KiB pages (CC.MPS 1) with an admin queue aligned to 4 KiB only: the controller sets
    // CFS. The driver's `QueueBase` checks 4 KiB alignment, not the page size.
    let sim = NvmeSim::new(Config::default());
    let mut bar = Bar0::fake(&sim, 0).unwrap();
    let e = enable(&mut bar, 0x8_1000, 0x10_0000, 13, &mut |_| {});
    assert_eq!(e, Err(Error::Fatal));
    let expected = queue_log(CAP, 0x8_1000, 0x10_0000, 0x0046_0081, &[0, 0, 2]);
    assert_eq!(sim.log(), expected);
    assert_eq!(sim.faults(), []);
}

#[test]
fn csts_unchanged_within_cap_to_is_a_timeout() {
    // CAP.TO = 1: 500 ms, one read a millisecond.
    let sim = NvmeSim::new(Config {
        to: 1,
        ready_after: u32::MAX,
        ..Config::default()
    });
    let mut bar = Bar0::fake(&sim, 0).unwrap();
    let mut slept = 0;
    let e = enable(&mut bar, ASQ_ADDR, ACQ_ADDR, 12, &mut counting(&mut slept));
    assert_eq!(e, Err(Error::Timeout { csts: Csts::new() }));
    let cap = CAP & !(0xff << 24) | 1 << 24;
    assert_eq!(sim.log(), enable_log(cap, &[0; 500]));
    assert_eq!(slept, 499);
    assert_eq!(sim.faults(), []);
}

#[test]
fn wrong_arguments_are_refused_before_the_controller_is_touched() {
    let sim = NvmeSim::new(Config::default());
    let mut bar = Bar0::fake(&sim, 0).unwrap();
    let mut nap = |_| {};
    for shift in [11, 17, 100] {
        let e = enable(&mut bar, ASQ_ADDR, ACQ_ADDR, shift, &mut nap);
        assert_eq!(e, Err(Error::PageSize { shift }));
    }
    let Err(Error::QueueAddr(e)) = enable(&mut bar, 0x8_0800, ACQ_ADDR, 12, &mut nap) else {
        panic!("an unaligned queue");
    };
    assert_eq!(
        (e.field(), e.found()),
        (Some(("QueueBase", "reserved 11:0")), Some(0x800))
    );
    assert!(enable(&mut bar, ASQ_ADDR, 0x8_0004, 12, &mut nap).is_err());
    assert_eq!(sim.log(), reg64(Access::read, 0, CAP).repeat(5));
    assert_eq!(sim.faults(), []);
}

/// The simulation, with CSTS.SHST reading as the reserved 11b.
struct ReservedShst(NvmeSim);

impl FakeDevice for ReservedShst {
    fn read(&self, offset: usize, width: Width) -> u64 {
        let v = self.0.read(offset, width);
        if offset == off::CSTS {
            v | 0b1100
        } else {
            v
        }
    }
    fn write(&self, offset: usize, width: Width, value: u64) {
        self.0.write(offset, width, value);
    }
    fn bus_order(&self) -> BusOrder {
        self.0.bus_order()
    }
}

#[test]
fn a_reserved_shutdown_status_does_not_hide_ready() {
    let dev = ReservedShst(NvmeSim::new(Config::default()));
    let mut bar = Bar0::fake(&dev, 0).unwrap();
    assert!(enable(&mut bar, ASQ_ADDR, ACQ_ADDR, 12, &mut |_| {}).is_ok());
    let csts = bar.read::<CSTS>();
    assert!(csts.rdy() && !csts.cfs());
    let e = csts.shst().unwrap_err();
    assert_eq!((e.field(), e.found()), (Some(("Csts", "shst")), Some(3)));
    assert_eq!(csts.with_shst(Shst::Normal).into_bits(), Le32::new(1));
    assert_eq!(format!("{csts:?}").matches("shst: Err(3)").count(), 1);
    assert_eq!(dev.0.faults(), []);
}

#[test]
fn doorbells_follow_cap_dstrd_and_stay_inside_bar0() {
    let sim = NvmeSim::new(Config {
        dstrd: 2,
        ..Config::default()
    });
    let mut mem = HostMemory::new();
    bring_up(&sim, &mut AdminSim::default(), &mut mem, &mut |_| {}).unwrap();
    let log = sim.log();
    let doorbells = &log[log.len() - 2..];
    assert_eq!(
        doorbells,
        [Access::write(0x1000, W32, 1), Access::write(0x1010, W32, 1)]
    );
    assert_eq!(sim.faults(), []);

    // DSTRD 11: 8 KiB apart, so CQ 0's head doorbell is at 0x3000, past BAR 0's 0x2000 bytes.
    let sim = NvmeSim::new(Config {
        dstrd: 11,
        ..Config::default()
    });
    let mut mem = HostMemory::new();
    let e = bring_up(&sim, &mut AdminSim::default(), &mut mem, &mut |_| {}).unwrap_err();
    let out = RegError::OutOfBlock {
        offset: 0x3000,
        width: 4,
        size: 0x2000,
    };
    assert_eq!(e, Error::Reg(out));
    assert_eq!(sim.log().last(), Some(&Access::write(0x1000, W32, 1)));
}

/// Enables the controller and returns the admin queue over `mem`.
fn admin_queue<'m>(sim: &NvmeSim, mem: &'m mut HostMemory) -> AdminQueue<'m> {
    let mut bar = Bar0::fake(sim, 0).unwrap();
    let cap = enable(&mut bar, ASQ_ADDR, ACQ_ADDR, 12, &mut |_| {}).unwrap();
    let sq = DmaBuf::new(&mut mem.sq, ASQ_ADDR);
    let cq = DmaBuf::new(&mut mem.cq, ACQ_ADDR);
    AdminQueue::new(sq, cq, cap)
}

#[test]
fn no_completion_and_failed_commands_are_errors() {
    let sim = NvmeSim::new(Config::default());
    let (mut mem, mut id) = (HostMemory::new(), [0_u8; 4096]);
    let mut admin = admin_queue(&sim, &mut mem);
    let mut bar = Bar0::fake(&sim, 0).unwrap();
    let mut slept = 0;
    admin
        .submit(&mut bar, identify_controller(ID_ADDR), 7)
        .unwrap();
    let e = admin.complete(&mut bar, 7, 3, &mut counting(&mut slept));
    assert_eq!((e.unwrap_err(), slept), (Error::NoCompletion { cid: 7 }, 2));

    let mut unknown = Sqe::new_zeroed();
    unknown.cdw0 = unknown.cdw0.with_opc(0x7f);
    admin.submit(&mut bar, unknown, 8).unwrap();
    admin
        .submit(&mut bar, identify_controller(0x9_0000), 9)
        .unwrap();
    let mut sim_admin = AdminSim::default();
    let (sq, cq) = admin.device_view();
    let data = DmaBuf::new(&mut id[..], ID_ADDR);
    assert_eq!(sim_admin.run(&sim, sq, cq, data), Ok(3));
    assert!(admin.complete(&mut bar, 7, 1, &mut |_| {}).is_ok());
    let e = admin.complete(&mut bar, 8, 1, &mut |_| {});
    assert_eq!(e.unwrap_err(), Error::Command { sct: 0, sc: 1 });
    let e = admin.complete(&mut bar, 9, 1, &mut |_| {});
    assert_eq!(e.unwrap_err(), Error::Command { sct: 0, sc: 2 });

    admin
        .submit(&mut bar, identify_controller(ID_ADDR), 10)
        .unwrap();
    let (sq, cq) = admin.device_view();
    let data = DmaBuf::new(&mut id[..], ID_ADDR);
    assert_eq!(sim_admin.run(&sim, sq, cq, data), Ok(1));
    let e = admin.complete(&mut bar, 11, 1, &mut |_| {});
    assert_eq!(e.unwrap_err(), Error::OtherCommand { cid: 10 });
    let heads: Vec<u32> = sim
        .doorbells()
        .iter()
        .filter(|d| d.1 == Which::CqHead)
        .map(|d| d.2)
        .collect();
    assert_eq!(heads, [1, 2, 3, 4], "every completion released");
    assert_eq!(sim.faults(), []);
}

#[test]
fn the_phase_tag_flips_after_each_pass_through_the_queue() {
    let sim = NvmeSim::new(Config::default());
    let (mut mem, mut data) = (HostMemory::new(), [0_u8; 4096]);
    let mut admin = admin_queue(&sim, &mut mem);
    let mut bar = Bar0::fake(&sim, 0).unwrap();
    let mut sim_admin = AdminSim::default();
    for cid in 0..70 {
        admin
            .submit(&mut bar, identify_controller(ID_ADDR), cid)
            .unwrap();
        let (sq, cq) = admin.device_view();
        let data = DmaBuf::new(&mut data[..], ID_ADDR);
        assert_eq!(sim_admin.run(&sim, sq, cq, data), Ok(1));
        let cqe = admin.complete(&mut bar, cid, 1, &mut |_| {}).unwrap();
        assert_eq!(cqe.cid.get(), cid);
        assert_eq!(cqe.status.phase(), cid / 32 % 2 == 0, "cid {cid}");
    }
    let rings = sim.doorbells();
    assert_eq!(rings.len(), 140);
    assert_eq!(rings[139], Doorbell(0, Which::CqHead, 70 % 32));
    assert_eq!(sim.faults(), []);
    let (sq, cq) = admin.device_view();
    let data = DmaBuf::new(&mut data[..], 0);
    assert_eq!(
        sim_admin.run(&sim, cq, sq, data),
        Err(AdminFault::WrongQueue(Which::SqTail))
    );
}

#[test]
fn the_same_driver_runs_on_volatile_memory() {
    // Memory standing for BAR 0 (`Regs::new` on a mapping is the `unsafe` equivalent): CAP
    // with TO 1 and MPSMAX 4, CSTS.RDY already 1.
    let mut mem = [0_u64; 0x400];
    let bytes = mem.as_mut_bytes();
    bytes[..8].copy_from_slice(&0x0040_0000_0100_003f_u64.to_le_bytes());
    bytes[0x1c..0x20].copy_from_slice(&RDY.to_le_bytes());
    let mut bar = Regs::<0x2000>::from_mut(&mut mem);
    let cap = enable(&mut bar, ASQ_ADDR, ACQ_ADDR, 12, &mut |_| {}).unwrap();
    assert_eq!((cap.mqes(), cap.to()), (63, 1));
    let bytes = mem.as_bytes();
    let le32 = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    let le64 = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
    assert_eq!(
        (le32(0x14), le32(0x24)),
        (0x0046_0001, 0x001f_001f),
        "CC, AQA"
    );
    assert_eq!((le64(0x28), le64(0x30)), (ASQ_ADDR, ACQ_ADDR));
    assert!(QueueBase::try_from_bits(Le64::new(ASQ_ADDR)).is_ok());
}

#[test]
fn docs_quote_the_example() {
    // docs/device.md's zerocast section: each `rust` block under a "### NVMe: ..." heading is
    // this example's code, verbatim.
    let sources = [include_str!("regs.rs"), include_str!("driver.rs")];
    assert_eq!(crate::docs_quote::quoted_blocks("NVMe: ", &sources), 4);
}
