// SPDX-License-Identifier: MIT OR Apache-2.0
//! An NVMe controller's enable sequence and one Identify command, written with zerocast
//! (`regs.rs`: the registers and queue entries; `driver.rs`: the sequence, generic over the
//! backend) and driven against a simulated controller (`sim.rs`, `sim_admin.rs`) with exact
//! access logs; docs/device.md compares it with the Linux kernel's `register!`/`Io` and
//! tock-registers.
//!
//! ```text
//! cargo run -p zerocast --all-features --example nvme     # prints the accesses
//! cargo test -p zerocast --all-features --example nvme
//! ```
#![forbid(unsafe_code)]

#[cfg(test)]
#[path = "../common/docs_quote.rs"]
mod docs_quote;
mod driver;
#[cfg(test)]
mod driver_tests;
mod regs;
mod sim;
mod sim_admin;

use zerocast::device::{Access, AccessKind, DmaBuf};
use zerocast::{field, FromZeros};

use driver::{enable, identify_controller, AdminQueue, Error, ADMIN_ENTRIES};
use regs::{Bar0, Cap, Cqe, IdCtrl, Sqe, VS};
use sim::{Config, NvmeSim};
use sim_admin::AdminSim;

/// The host memory the driver shares with the controller, and the device addresses an IOMMU
/// would have given it.
struct HostMemory {
    sq: [Sqe; ADMIN_ENTRIES],
    cq: [Cqe; ADMIN_ENTRIES],
    id: IdCtrl,
}

const ASQ_ADDR: u64 = 0x8_0000;
const ACQ_ADDR: u64 = 0x8_1000;
const ID_ADDR: u64 = 0x8_2000;

impl HostMemory {
    fn new() -> Box<HostMemory> {
        Box::new(HostMemory {
            sq: [Sqe::new_zeroed(); ADMIN_ENTRIES],
            cq: [Cqe::new_zeroed(); ADMIN_ENTRIES],
            id: IdCtrl::new_zeroed(),
        })
    }
}

/// What [`bring_up`] found.
#[derive(Debug)]
struct Found {
    cap: Cap,
    /// The completion of Identify.
    cqe: Cqe,
    /// The Identify data's model number.
    mn: [u8; 40],
}

/// Brings the controller up and sends Identify Controller with command identifier 1, the
/// simulation playing the device between submission and completion (`admin`, its admin queue
/// state); `delay_ms` is the driver's sleep.
fn bring_up(
    sim: &NvmeSim,
    admin_sim: &mut AdminSim,
    mem: &mut HostMemory,
    delay_ms: &mut impl FnMut(u32),
) -> Result<Found, Error> {
    // PANIC: none, 0 is a multiple of 8.
    let mut bar = Bar0::fake(sim, 0).unwrap();
    let cap = enable(&mut bar, ASQ_ADDR, ACQ_ADDR, 12, delay_ms)?;
    let sq = DmaBuf::new(&mut mem.sq, ASQ_ADDR);
    let cq = DmaBuf::new(&mut mem.cq, ACQ_ADDR);
    let mut admin = AdminQueue::new(sq, cq, cap);
    let mut id = DmaBuf::new(&mut mem.id, ID_ADDR);
    admin.submit(&mut bar, identify_controller(id.dma_addr()), 1)?;

    // The controller executes the command; if it cannot, no completion comes.
    let (sq, cq) = admin.device_view();
    let _executed = admin_sim.run(sim, sq, cq, id.reborrow().into_bytes());

    let cqe = admin.complete(&mut bar, 1, 1000, delay_ms)?;
    let mut mn = [0; 40];
    // PANIC: none, the lengths are equal.
    field!(id.shared(), IdCtrl, mn)
        .into_slice()
        .read_slice(&mut mn)
        .unwrap();
    Ok(Found { cap, cqe, mn })
}

fn main() {
    let sim = NvmeSim::new(Config::default());
    let mut mem = HostMemory::new();
    let result = bring_up(&sim, &mut AdminSim::default(), &mut mem, &mut |_| {});
    for a in sim.log() {
        println!("{}", show(a));
    }
    match result {
        Ok(Found { cap, cqe, mn }) => println!(
            "ready: CAP {:#x} (MQES {}, DSTRD {}, TO {}); Identify: CID {}, SQ head {}, \
             model {:?}",
            cap.into_bits().get(),
            cap.mqes(),
            cap.dstrd().get(),
            cap.to(),
            cqe.cid.get(),
            cqe.sqhd.get(),
            String::from_utf8_lossy(&mn).trim_end()
        ),
        Err(e) => println!("failed: {e}"),
    }
    println!("faults: {:?}", sim.faults());
    // A pure read, through a shared borrow of the block (after the log above: one more access).
    if let Some(bar) = Bar0::fake(&sim, 0) {
        let vs = bar.read_pure::<VS>();
        println!("NVMe {}.{}.{}", vs.mjr(), vs.mnr(), vs.ter());
    }
}

/// One access as a line: `write 0x1000 32-bit 0x1`.
fn show(a: Access) -> String {
    let kind = if a.kind == AccessKind::Read {
        "read "
    } else {
        "write"
    };
    format!(
        "{kind} {:#06x} {:>2}-bit {:#x}",
        a.offset,
        a.width.bits(),
        a.value
    )
}

#[cfg(test)]
mod tests {
    use zerocast::device::Width::{W16, W32, W64, W8};
    use zerocast::device::{Access, FakeDevice};

    use super::sim::{off, Config, Doorbell, FaultKind, NvmeSim, Which, CFS, EN, RDY};

    /// AQA for two 32-entry admin queues, their addresses, and CC for 4 KiB pages, 64-byte
    /// submission and 16-byte completion entries, enabled.
    const AQA: u64 = 0x001f_001f;
    const ASQ: u64 = 0x8_0000;
    const ACQ: u64 = 0x8_1000;
    const CC_ON: u64 = 0x0046_0001;

    /// Programs the admin queue and enables the controller, then reads CSTS until it is ready.
    fn start(sim: &NvmeSim) {
        sim.write(off::AQA, W32, AQA);
        sim.write(off::ASQ, W64, ASQ);
        sim.write(off::ACQ, W64, ACQ);
        sim.write(off::CC, W32, CC_ON);
        while sim.read(off::CSTS, W32) & u64::from(RDY | CFS) == 0 {}
    }

    #[test]
    fn cap_holds_the_configuration_whole_or_in_halves() {
        let sim = NvmeSim::new(Config {
            mqes: 63,
            dstrd: 2,
            to: 10,
            mpsmax: 2,
            ..Config::default()
        });
        let cap = 0x0020_0022_0a01_003f;
        assert_eq!(sim.cap(), cap);
        assert_eq!(sim.read(off::CAP, W64), cap);
        assert_eq!(sim.read(off::CAP, W32), 0x0a01_003f);
        assert_eq!(sim.read(off::CAP + 4, W32), 0x0020_0022);
        assert_eq!(sim.read(off::VS, W32), 0x0002_0000);
        assert_eq!(
            sim.log(),
            [
                Access::read(0, W64, cap),
                Access::read(0, W32, 0x0a01_003f),
                Access::read(4, W32, 0x0020_0022),
                Access::read(8, W32, 0x0002_0000),
            ]
        );
        assert_eq!(sim.faults(), []);
    }

    #[test]
    fn enabling_sets_ready_after_the_configured_reads_and_doorbells_are_recorded() {
        let sim = NvmeSim::new(Config {
            ready_after: 2,
            ..Config::default()
        });
        assert_eq!(sim.read(off::CC, W32), 0);
        sim.write(off::AQA, W32, AQA);
        sim.write(off::ASQ, W64, ASQ);
        sim.write(off::ACQ, W64, ACQ);
        sim.write(off::CC, W32, CC_ON);
        let csts: Vec<u64> = (0..3).map(|_| sim.read(off::CSTS, W32)).collect();
        assert_eq!(csts, [0, 0, 1]);
        sim.write(off::DOORBELLS, W32, 1);
        assert_eq!(
            sim.log(),
            [
                Access::read(0x14, W32, 0),
                Access::write(0x24, W32, AQA),
                Access::write(0x28, W64, ASQ),
                Access::write(0x30, W64, ACQ),
                Access::write(0x14, W32, CC_ON),
                Access::read(0x1c, W32, 0),
                Access::read(0x1c, W32, 0),
                Access::read(0x1c, W32, 1),
                Access::write(0x1000, W32, 1),
            ]
        );
        assert_eq!(sim.doorbells(), [Doorbell(0, Which::SqTail, 1)]);
        assert_eq!(sim.faults(), []);
        assert_eq!(sim.state(), (0x0046_0001, RDY, 0x001f_001f, ASQ, ACQ));
    }

    #[test]
    fn disabling_clears_ready_after_the_configured_reads() {
        let sim = NvmeSim::new(Config {
            enabled: true,
            ready_after: 1,
            ..Config::default()
        });
        assert_eq!(sim.read(off::CC, W32), u64::from(EN));
        sim.write(off::CC, W32, 0);
        let csts: Vec<u64> = (0..3).map(|_| sim.read(off::CSTS, W32)).collect();
        assert_eq!(csts, [1, 0, 0]);
        start(&sim);
        assert_eq!(sim.state().1, RDY);
        assert_eq!(sim.faults(), []);
    }

    #[test]
    fn enabling_before_the_disable_completes_is_a_fault() {
        let sim = NvmeSim::new(Config {
            enabled: true,
            ..Config::default()
        });
        sim.write(off::CC, W32, 0);
        sim.write(off::CC, W32, 1);
        assert_eq!(
            sim.faults(),
            [(FaultKind::StillReady, Access::write(0x14, W32, 1))]
        );
        assert_eq!(sim.state().0, 0);
    }

    #[test]
    fn an_unusable_admin_queue_sets_cfs_instead_of_rdy() {
        // (AQA, ASQ, CC): queues of zero entries; 8 KiB pages with a queue aligned to 4 KiB
        // only; a page size beyond CAP.MPSMAX; a command set other than NVM.
        let cases = [
            (0, ASQ, CC_ON),
            (AQA, 0x8_1000, CC_ON | 1 << 7),
            (AQA, ASQ, CC_ON | 5 << 7),
            (AQA, ASQ, CC_ON | 7 << 4),
        ];
        for (aqa, asq, cc) in cases {
            let sim = NvmeSim::new(Config {
                ready_after: 0,
                ..Config::default()
            });
            sim.write(off::AQA, W32, aqa);
            sim.write(off::ASQ, W64, asq);
            sim.write(off::ACQ, W64, 0x10_0000);
            sim.write(off::CC, W32, cc);
            assert_eq!(
                sim.read(off::CSTS, W32),
                u64::from(CFS),
                "{aqa:#x} {asq:#x} {cc:#x}"
            );
            assert_eq!(sim.faults(), []);
            sim.write(off::CC, W32, 0);
            assert_eq!(sim.read(off::CSTS, W32), 0, "disabling clears CFS");
        }
    }

    #[test]
    fn forbidden_accesses_are_faults_without_effect() {
        let sim = NvmeSim::new(Config::default());
        assert_eq!(sim.read(off::CC, W64), 0);
        assert_eq!(sim.read(off::CSTS, W8), 0);
        assert_eq!(sim.read(0x16, W32), 0);
        assert_eq!(sim.read(0x18, W32), 0);
        assert_eq!(sim.read(off::DOORBELLS, W32), 0);
        sim.write(off::CAP, W64, 0);
        sim.write(off::VS, W32, 1);
        sim.write(off::CC, W32, 1 << 24);
        sim.write(off::CSTS, W32, u64::from(RDY));
        sim.write(off::AQA, W32, 0x1000);
        sim.write(off::ASQ, W64, 0x8_0800);
        sim.write(off::ACQ + 2, W16, 1);
        sim.write(off::DOORBELLS, W32, 0);
        use FaultKind::*;
        let expected = [
            (Width, Access::read(0x14, W64, 0)),
            (Width, Access::read(0x1c, W8, 0)),
            (Width, Access::read(0x16, W32, 0)),
            (Unmapped, Access::read(0x18, W32, 0)),
            (WriteOnly, Access::read(0x1000, W32, 0)),
            (ReadOnly, Access::write(0, W64, 0)),
            (ReadOnly, Access::write(8, W32, 1)),
            (Reserved, Access::write(0x14, W32, 1 << 24)),
            (ReadOnly, Access::write(0x1c, W32, 1)),
            (Reserved, Access::write(0x24, W32, 0x1000)),
            (Reserved, Access::write(0x28, W64, 0x8_0800)),
            (Width, Access::write(0x32, W16, 1)),
            (NotReady, Access::write(0x1000, W32, 0)),
        ];
        assert_eq!(sim.faults(), expected);
        assert_eq!(sim.log().len(), expected.len());
        assert_eq!(sim.state(), (0, 0, 0, 0, 0));
        assert_eq!(sim.doorbells(), []);
    }

    #[test]
    fn the_queue_setup_is_fixed_while_enabled() {
        let sim = NvmeSim::new(Config::default());
        start(&sim);
        sim.write(off::AQA, W32, 0x000f_000f);
        sim.write(off::ASQ + 4, W32, 1);
        sim.write(off::CC, W32, CC_ON | 1 << 7);
        sim.write(off::CC, W32, 0x0044_0001); // IOSQES may change while enabled
        sim.write(off::AQA, W32, AQA); // rewriting the same value is no change
        assert_eq!(
            sim.faults(),
            [
                (
                    FaultKind::WhileEnabled,
                    Access::write(0x24, W32, 0x000f_000f)
                ),
                (FaultKind::WhileEnabled, Access::write(0x2c, W32, 1)),
                (
                    FaultKind::WhileEnabled,
                    Access::write(0x14, W32, CC_ON | 1 << 7)
                ),
            ]
        );
        assert_eq!(sim.state(), (0x0044_0001, RDY, 0x001f_001f, ASQ, ACQ));
    }

    #[test]
    fn doorbells_follow_the_stride_and_the_queue_sizes() {
        let sim = NvmeSim::new(Config {
            dstrd: 2,
            queues: 2,
            ..Config::default()
        });
        start(&sim);
        for (offset, value) in [(0x1000, 3), (0x1010, 2), (0x1020, 40), (0x1030, 1)] {
            sim.write(offset, W32, value);
        }
        assert_eq!(
            sim.doorbells(),
            [
                Doorbell(0, Which::SqTail, 3),
                Doorbell(0, Which::CqHead, 2),
                Doorbell(1, Which::SqTail, 40),
                Doorbell(1, Which::CqHead, 1),
            ]
        );
        assert_eq!(sim.faults(), []);
        sim.write(0x1004, W32, 1);
        sim.write(0x1040, W32, 1);
        sim.write(0x1000, W32, 32);
        sim.write(0x1010, W32, 0x1_0000);
        use FaultKind::*;
        let expected = [
            (Unmapped, Access::write(0x1004, W32, 1)),
            (Unmapped, Access::write(0x1040, W32, 1)),
            (BadDoorbell, Access::write(0x1000, W32, 32)),
            (Reserved, Access::write(0x1010, W32, 0x1_0000)),
        ];
        assert_eq!(sim.faults(), expected);
        assert_eq!(sim.doorbells().len(), 4);
    }
}
