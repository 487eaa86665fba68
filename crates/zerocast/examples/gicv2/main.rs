// SPDX-License-Identifier: MIT OR Apache-2.0
//! A GICv2 distributor's initialization (as Linux's `gic_dist_init`), then one interrupt
//! enabled and one SGI sent, written with zerocast (`regs.rs`: the registers; `driver.rs`: the
//! sequence, generic over the backend) and driven against a simulated distributor (`sim.rs`)
//! with exact access logs; docs/device.md compares it with the Linux kernel's `register!`/`Io`
//! and tock-registers.
//!
//! ```text
//! cargo run -p zerocast --all-features --example gicv2     # prints the accesses
//! cargo test -p zerocast --all-features --example gicv2
//! ```
#![forbid(unsafe_code)]

#[cfg(test)]
#[path = "../common/docs_quote.rs"]
mod docs_quote;
mod driver;
#[cfg(test)]
mod driver_tests;
mod regs;
#[cfg_attr(
    not(test),
    expect(
        dead_code,
        reason = "the simulation's inspection helpers serve the tests"
    )
)]
mod sim;

use zerocast::device::{Access, AccessKind, Backend};

use driver::{dist_init, send_sgi, Dist, Error};
use regs::{Gicd, SgiFilter, ICFGR0, IIDR, ITARGETSR_SGI_PPI};
use sim::{Config, GicSim};

/// docs/device.md's sequence: the distributor initialized for CPU interface 0, interrupt 40
/// enabled, SGI 1 sent to CPU interface 0.
fn bring_up<B: Backend>(gicd: &mut Gicd<'_, B>) -> Result<Dist, Error> {
    let dist = dist_init(gicd, 0x01)?;
    dist.enable(gicd, 40)?;
    send_sgi(gicd, 1, SgiFilter::List, 0x01)?;
    Ok(dist)
}

fn main() {
    let sim = GicSim::new(Config::default());
    // PANIC: none, 0 is a multiple of 8.
    let mut gicd = Gicd::fake(&sim, 0).unwrap();
    let result = bring_up(&mut gicd);
    for a in sim.log() {
        println!("{}", show(a));
    }
    println!("{result:?}, faults: {:?}", sim.faults());
    let Ok(dist) = result else { return };

    // Then: reads through a shared borrow of the block, and one priority byte.
    let before = sim.log().len();
    let shared = &gicd;
    let iidr = shared.read_pure::<IIDR>();
    let sgi_cfg = shared.read_pure::<ICFGR0>();
    let target = shared
        .elem_pure::<ITARGETSR_SGI_PPI>(0)
        .map_or(0, |t| t.read());
    println!(
        "implementer {:#x} product {:#x}; SGIs edge-triggered: {}; SGI 0 goes to {target:#04x}",
        iidr.implementer().get(),
        iidr.product_id(),
        sgi_cfg.get() == 0xaaaa_aaaa,
    );
    println!(
        "interrupt 40 (enabled, pending): {:?}",
        dist.state(shared, 40)
    );
    let prio = dist.set_priority(&mut gicd, 40, 0x80);
    println!("priority 0x80 for interrupt 40: {prio:?}; the accesses:");
    for a in &sim.log()[before..] {
        println!("{}", show(*a));
    }
}

/// One access as a line: `write 0x104 32-bit 0x100`.
fn show(a: Access) -> String {
    let kind = if a.kind == AccessKind::Read {
        "read "
    } else {
        "write"
    };
    format!(
        "{kind} {:#05x} {:>2}-bit {:#x}",
        a.offset,
        a.width.bits(),
        a.value
    )
}

#[cfg(test)]
mod tests {
    use zerocast::device::Width::{W16, W32, W64, W8};
    use zerocast::device::{Access, FakeDevice};

    use super::sim::{off, Config, FaultKind, GicSim, IIDR};

    #[test]
    fn typer_and_iidr_describe_the_configuration() {
        let gic = GicSim::new(Config {
            it_lines: 2,
            cpus: 4,
            this_cpu: 0,
        });
        assert_eq!(gic.lines(), 96);
        assert_eq!(gic.read(off::TYPER, W32), 0x62);
        assert_eq!(gic.read(off::IIDR, W32), u64::from(IIDR));
        assert_eq!(gic.read(off::CTLR, W32), 0);
        assert_eq!(
            gic.log(),
            [
                Access::read(4, W32, 0x62),
                Access::read(8, W32, 0x0200_143b),
                Access::read(0, W32, 0),
            ]
        );
        assert_eq!(gic.faults(), []);
        let big = GicSim::new(Config {
            it_lines: 31,
            ..Config::default()
        });
        assert_eq!(big.lines(), 1020);
    }

    #[test]
    fn set_and_clear_registers_change_only_the_bits_written_as_one() {
        let gic = GicSim::new(Config::default());
        gic.write(off::ISENABLER + 4, W32, 0b1010);
        gic.write(off::ICENABLER + 4, W32, 0);
        assert_eq!(
            (gic.state(33).0, gic.state(34).0, gic.state(35).0),
            (true, false, true)
        );
        gic.write(off::ICENABLER + 4, W32, 0b0010);
        assert_eq!(gic.read(off::ISENABLER + 4, W32), 0b1000);
        assert_eq!(gic.read(off::ICENABLER + 4, W32), 0b1000);
        gic.write(off::ISPENDR + 4, W32, 1 << 31);
        gic.write(off::ISACTIVER + 4, W32, 1 << 31);
        assert_eq!(gic.state(63), (false, true, true));
        gic.write(off::ICPENDR + 4, W32, u64::from(u32::MAX));
        gic.write(off::ICACTIVER + 4, W32, u64::from(u32::MAX));
        assert_eq!(gic.state(63), (false, false, false));
        gic.write(off::IGROUPR + 4, W32, 0xf0);
        gic.write(off::IGROUPR + 4, W32, 0x0f);
        assert_eq!(
            gic.read(off::IGROUPR + 4, W32),
            0x0f,
            "IGROUPR is written as is"
        );
        assert_eq!(gic.faults(), []);
    }

    #[test]
    fn priorities_and_targets_take_bytes_and_words() {
        let gic = GicSim::new(Config::default());
        gic.write(off::IPRIORITYR + 33, W8, 0xa0);
        gic.write(off::IPRIORITYR + 36, W32, 0xa0b0_c0d0);
        assert_eq!(gic.read(off::IPRIORITYR + 32, W32), 0xa000);
        assert_eq!(gic.read(off::IPRIORITYR + 38, W8), 0xb0);
        gic.write(off::ITARGETSR + 40, W8, 0xff);
        gic.write(off::ITARGETSR + 44, W32, 0x0102_0301);
        assert_eq!(gic.read(off::ITARGETSR + 40, W32), 0x03);
        assert_eq!(gic.read(off::ITARGETSR + 44, W32), 0x0102_0301);
        assert_eq!(
            gic.read(off::ITARGETSR + 4, W32),
            0x0101_0101,
            "SGIs and PPIs: this CPU"
        );
        assert_eq!(gic.setup(33), (0xa0, 0, false));
        assert_eq!(gic.setup(40), (0, 3, false));
        assert_eq!(gic.setup(46), (0, 2, false));
        gic.write(off::ITARGETSR + 31, W8, 1);
        gic.write(off::ITARGETSR + 28, W32, 1);
        assert_eq!(
            gic.faults(),
            [
                (FaultKind::ReadOnly, Access::write(0x81f, W8, 1)),
                (FaultKind::ReadOnly, Access::write(0x81c, W32, 1)),
            ]
        );
    }

    #[test]
    fn sgir_makes_sgis_pending_on_the_cpus_it_selects() {
        let gic = GicSim::new(Config {
            it_lines: 0,
            cpus: 4,
            this_cpu: 1,
        });
        gic.write(off::SGIR, W32, 0x0005_0003); // list: CPUs 0 and 2, SGI 3
        gic.write(off::SGIR, W32, 0x0100_0005); // all but this CPU, SGI 5
        gic.write(off::SGIR, W32, 0x0200_0007); // this CPU only, SGI 7
        let pending: Vec<u16> = (0..4).map(|cpu| gic.sgi_pending(cpu)).collect();
        assert_eq!(pending, [0x28, 0x80, 0x28, 0x20]);
        assert_eq!(gic.read(off::ISPENDR, W32), 0x80, "this CPU's SGIs");
        gic.write(off::ICPENDR, W32, 0xffff);
        gic.write(off::ISPENDR, W32, 0x1);
        assert_eq!(
            gic.read(off::ISPENDR, W32),
            0x80,
            "ISPENDR0/ICPENDR0 ignore SGI bits"
        );
        assert_eq!(gic.read(off::SGIR, W32), 0);
        gic.write(off::SGIR, W32, 0x0300_0001);
        gic.write(off::SGIR, W32, 0x0001_0010);
        use FaultKind::*;
        let expected = [
            (WriteOnly, Access::read(0xf00, W32, 0)),
            (Reserved, Access::write(0xf00, W32, 0x0300_0001)),
            (Reserved, Access::write(0xf00, W32, 0x0001_0010)),
        ];
        assert_eq!(gic.faults(), expected);
        assert_eq!(gic.sgi_pending(0), 0x28);
    }

    #[test]
    fn the_trigger_mode_of_an_enabled_interrupt_is_fixed() {
        let gic = GicSim::new(Config::default());
        assert_eq!(
            gic.read(off::ICFGR, W32),
            0xaaaa_aaaa,
            "SGIs are edge-triggered"
        );
        gic.write(off::ISENABLER + 4, W32, 1 << 8); // interrupt 40
        gic.write(off::ICFGR + 8, W32, 1 << 19); // 41: edge
        gic.write(off::ICFGR + 8, W32, 1 << 17); // 40: edge, while enabled
        gic.write(off::ICFGR + 8, W32, 1 << 18); // a reserved bit
        gic.write(off::ICFGR, W32, 0);
        assert_eq!(
            (gic.setup(40).2, gic.setup(41).2),
            (false, true),
            "edge-triggered"
        );
        use FaultKind::*;
        let expected = [
            (WhileEnabled, Access::write(0xc08, W32, 1 << 17)),
            (Reserved, Access::write(0xc08, W32, 1 << 18)),
            (ReadOnly, Access::write(0xc00, W32, 0)),
        ];
        assert_eq!(gic.faults(), expected);
    }

    #[test]
    fn forbidden_widths_and_offsets_are_faults_without_effect() {
        let gic = GicSim::new(Config::default()); // 64 interrupts
        assert_eq!(gic.read(off::CTLR, W16), 0);
        assert_eq!(gic.read(off::TYPER, W8), 0);
        assert_eq!(gic.read(off::IPRIORITYR, W64), 0);
        assert_eq!(gic.read(off::IPRIORITYR + 2, W32), 0);
        assert_eq!(gic.read(0x00c, W32), 0);
        assert_eq!(gic.read(off::ISENABLER + 8, W32), 0);
        assert_eq!(gic.read(off::IPRIORITYR + 64, W8), 0);
        gic.write(off::CTLR, W32, 4);
        gic.write(off::TYPER, W32, 0);
        gic.write(off::ICFGR + 16, W32, 0);
        use FaultKind::*;
        let expected = [
            (Width, Access::read(0x000, W16, 0)),
            (Width, Access::read(0x004, W8, 0)),
            (Width, Access::read(0x400, W64, 0)),
            (Width, Access::read(0x402, W32, 0)),
            (Unmapped, Access::read(0x00c, W32, 0)),
            (Unmapped, Access::read(0x108, W32, 0)),
            (Unmapped, Access::read(0x440, W8, 0)),
            (Reserved, Access::write(0x000, W32, 4)),
            (ReadOnly, Access::write(0x004, W32, 0)),
            (Unmapped, Access::write(0xc10, W32, 0)),
        ];
        assert_eq!(gic.faults(), expected);
        assert_eq!(gic.ctlr(), 0);
    }

    #[test]
    fn ids_past_1019_do_not_exist() {
        let gic = GicSim::new(Config {
            it_lines: 31,
            ..Config::default()
        });
        gic.write(off::ISENABLER + 31 * 4, W32, u64::from(u32::MAX));
        assert_eq!(gic.read(off::ISENABLER + 31 * 4, W32), 0x0fff_ffff);
        gic.write(off::IPRIORITYR + 1019, W8, 0xa0);
        gic.write(off::IPRIORITYR + 1020, W8, 0xa0);
        gic.write(off::ICFGR + 63 * 4, W32, 0);
        assert_eq!(
            gic.faults(),
            [(FaultKind::Unmapped, Access::write(0x7fc, W8, 0xa0))]
        );
    }

    /// The sequence docs/device.md describes (Linux's `gic_dist_init`, with byte-wide targets
    /// and the pending state cleared), then interrupt 40 enabled and SGI 1 sent to CPU 0.
    #[test]
    fn the_documented_init_sequence_runs_without_faults() {
        let gic = GicSim::new(Config::default());
        gic.write(off::CTLR, W32, 0);
        let lines = (gic.read(off::TYPER, W32) as usize & 0x1f) * 32 + 32;
        for i in (32..lines).step_by(16) {
            gic.write(off::ICFGR + i / 4, W32, 0);
        }
        for i in 32..lines {
            gic.write(off::ITARGETSR + i, W8, 0x01);
        }
        for i in (32..lines).step_by(4) {
            gic.write(off::IPRIORITYR + i, W32, 0xa0a0_a0a0);
        }
        for i in (32..lines).step_by(32) {
            gic.write(off::ICENABLER + i / 8, W32, 0xffff_ffff);
            gic.write(off::ICPENDR + i / 8, W32, 0xffff_ffff);
        }
        gic.write(off::CTLR, W32, 1);
        gic.write(off::ISENABLER + 4, W32, 1 << 8);
        gic.write(off::SGIR, W32, 0x0001_0001);

        // The same table the driver's test checks (written once, in driver_tests.rs).
        assert_eq!(gic.log(), crate::driver_tests::documented_log());
        assert_eq!(gic.log().len(), 49);
        crate::driver_tests::assert_documented_state(&gic);
    }
}
