// SPDX-License-Identifier: MIT OR Apache-2.0
//! The driver against the simulated distributor: the exact accesses of docs/device.md's
//! canonical sequence, no faults, larger distributors and each refusal.

use zerocast::device::Width::{W32, W8};
use zerocast::device::{Access, Regs};
use zerocast::IntoBytes;

use super::bring_up;
use super::driver::{dist_init, send_sgi, Dist, Error};
use super::regs::{Gicd, SgiFilter, ITARGETSR_SGI_PPI};
use super::sim::{Config, GicSim};

/// The initialization's accesses for a distributor with TYPER `typer` and `lines` interrupts,
/// computed from docs/device.md's steps 1 to 7.
fn init_log(typer: u64, lines: usize) -> Vec<Access> {
    let mut log = vec![Access::write(0, W32, 0), Access::read(4, W32, typer)];
    log.extend(
        (32..lines)
            .step_by(16)
            .map(|i| Access::write(0xc00 + i / 4, W32, 0)),
    );
    log.extend((32..lines).map(|i| Access::write(0x800 + i, W8, 1)));
    let prio = (32..lines)
        .step_by(4)
        .map(|i| Access::write(0x400 + i, W32, 0xa0a0_a0a0));
    log.extend(prio);
    for i in (32..lines).step_by(32) {
        log.push(Access::write(0x180 + i / 8, W32, 0xffff_ffff));
        log.push(Access::write(0x280 + i / 8, W32, 0xffff_ffff));
    }
    log.push(Access::write(0, W32, 1));
    log
}

/// docs/device.md's table for the default distributor, row by row: the initialization, then
/// interrupt 40 enabled and SGI 1 sent to CPU 0 (49 accesses).
pub(crate) fn documented_log() -> Vec<Access> {
    let mut expected = vec![Access::write(0x000, W32, 0), Access::read(0x004, W32, 0x21)];
    expected.extend([0xc08, 0xc0c].map(|o| Access::write(o, W32, 0)));
    expected.extend((0x820..=0x83f).map(|o| Access::write(o, W8, 0x01)));
    expected.extend(
        (0x420..=0x43c)
            .step_by(4)
            .map(|o| Access::write(o, W32, 0xa0a0_a0a0)),
    );
    expected.extend([
        Access::write(0x184, W32, 0xffff_ffff),
        Access::write(0x284, W32, 0xffff_ffff),
        Access::write(0x000, W32, 1),
        Access::write(0x104, W32, 0x100),
        Access::write(0xf00, W32, 0x0001_0001),
    ]);
    expected
}

/// The distributor's state after [`documented_log`]'s accesses, and no fault on the way.
pub(crate) fn assert_documented_state(gic: &GicSim) {
    assert_eq!(gic.faults(), []);
    assert_eq!(gic.ctlr(), 1);
    assert_eq!(
        (gic.setup(32), gic.setup(63)),
        ((0xa0, 1, false), (0xa0, 1, false))
    );
    assert_eq!(
        (gic.state(40), gic.state(41)),
        ((true, false, false), (false, false, false))
    );
    assert_eq!((gic.sgi_pending(0), gic.sgi_pending(1)), (0b10, 0));
}

#[test]
fn the_sequence_issues_the_documented_accesses() {
    let gic = GicSim::new(Config::default());
    let mut gicd = Gicd::fake(&gic, 0).unwrap();
    assert_eq!(bring_up(&mut gicd), Ok(Dist { lines: 64 }));
    let expected = documented_log();
    assert_eq!(expected.len(), 49);
    assert_eq!(gic.log(), expected);
    assert_eq!(gic.log()[..47], init_log(0x21, 64));
    assert_documented_state(&gic);
}

#[test]
fn larger_distributors_get_every_register_of_their_interrupts() {
    for (it_lines, lines) in [(2, 96), (30, 992), (31, 1020)] {
        let gic = GicSim::new(Config {
            it_lines,
            cpus: 8,
            this_cpu: 0,
        });
        let mut gicd = Gicd::fake(&gic, 0).unwrap();
        assert_eq!(dist_init(&mut gicd, 0x01), Ok(Dist { lines }));
        let typer = u64::from(it_lines) | 7 << 5;
        assert_eq!(gic.log(), init_log(typer, lines), "{lines} interrupts");
        assert_eq!(gic.faults(), []);
        assert_eq!(gic.setup(lines - 1), (0xa0, 1, false));
    }
    let gic = GicSim::new(Config {
        it_lines: 31,
        ..Config::default()
    });
    let mut gicd = Gicd::fake(&gic, 0).unwrap();
    dist_init(&mut gicd, 0x01).unwrap();
    assert_eq!(gic.log().len(), 2 + 62 + 988 + 247 + 2 * 31 + 1);
    let last = |base| Access::write(base, W32, 0xffff_ffff);
    assert!(gic.log().contains(&last(0x1fc)) && gic.log().contains(&last(0x2fc)));
}

#[test]
fn interrupts_the_distributor_lacks_are_refused_without_an_access() {
    let gic = GicSim::new(Config::default());
    let mut gicd = Gicd::fake(&gic, 0).unwrap();
    let dist = dist_init(&mut gicd, 0x01).unwrap();
    let n = gic.log().len();
    let past = Err(Error::NoSuchIrq { irq: 64, lines: 64 });
    assert_eq!(dist.enable(&mut gicd, 64), past);
    assert_eq!(dist.set_priority(&mut gicd, 64, 0), past);
    assert_eq!(
        dist.state(&gicd, 64),
        Err(Error::NoSuchIrq { irq: 64, lines: 64 })
    );
    assert_eq!(dist.enable(&mut gicd, usize::MAX).map_err(|_| ()), Err(()));
    assert_eq!(gic.log().len(), n);

    let big = GicSim::new(Config {
        it_lines: 31,
        ..Config::default()
    });
    let mut gicd = Gicd::fake(&big, 0).unwrap();
    let dist = Dist { lines: 1020 };
    assert_eq!(dist.enable(&mut gicd, 1019), Ok(()));
    assert_eq!(dist.enable(&mut gicd, 1020).map_err(|_| ()), Err(()));
    assert_eq!(big.log(), [Access::write(0x17c, W32, 1 << 27)]);
    assert_eq!(big.faults(), []);
}

#[test]
fn sgis_reach_the_cpus_the_filter_selects() {
    let gic = GicSim::new(Config {
        it_lines: 0,
        cpus: 4,
        this_cpu: 1,
    });
    let mut gicd = Gicd::fake(&gic, 0).unwrap();
    send_sgi(&mut gicd, 3, SgiFilter::List, 0b0101).unwrap();
    send_sgi(&mut gicd, 5, SgiFilter::AllButSelf, 0).unwrap();
    send_sgi(&mut gicd, 7, SgiFilter::SelfOnly, 0).unwrap();
    let Err(Error::Field(e)) = send_sgi(&mut gicd, 16, SgiFilter::List, 1) else {
        panic!("SGI 16");
    };
    assert_eq!(
        e.to_string(),
        "16 does not fit in the 4 bits of field `sgiintid` of `Sgir` (at most 15)"
    );
    assert_eq!(
        gic.log(),
        [0x0005_0003, 0x0100_0005, 0x0200_0007].map(|v| Access::write(0xf00, W32, v))
    );
    let pending: Vec<u16> = (0..4).map(|cpu| gic.sgi_pending(cpu)).collect();
    assert_eq!(pending, [0x28, 0x80, 0x28, 0x20]);
    assert_eq!(gic.faults(), []);
}

#[test]
fn state_is_read_through_shared_borrows() {
    let gic = GicSim::new(Config {
        this_cpu: 1,
        ..Config::default()
    });
    let mut gicd = Gicd::fake(&gic, 0).unwrap();
    let dist = dist_init(&mut gicd, 0x02).unwrap();
    dist.enable(&mut gicd, 40).unwrap();
    send_sgi(&mut gicd, 1, SgiFilter::SelfOnly, 0).unwrap();
    let n = gic.log().len();
    let (a, b) = (&gicd, &gicd);
    assert_eq!(
        (dist.state(a, 40), dist.state(b, 41)),
        (Ok((true, false)), Ok((false, false)))
    );
    assert_eq!(
        dist.state(a, 1),
        Ok((false, true)),
        "SGI 1 pending on this CPU"
    );
    let target = a.elem_pure::<ITARGETSR_SGI_PPI>(31).map(|t| t.read());
    assert_eq!(target, Ok(0x02), "this CPU's bit");
    let reads = [
        (0x104, 0x100),
        (0x204, 0),
        (0x104, 0x100),
        (0x204, 0),
        (0x100, 0),
        (0x200, 2),
    ];
    let mut expected = reads.map(|(o, v)| Access::read(o, W32, v)).to_vec();
    expected.push(Access::read(0x81f, W8, 0x02));
    assert_eq!(gic.log()[n..], expected);
    assert_eq!(gic.faults(), []);
}

#[test]
fn a_priority_is_one_byte_write() {
    let gic = GicSim::new(Config::default());
    let mut gicd = Gicd::fake(&gic, 0).unwrap();
    let dist = dist_init(&mut gicd, 0x01).unwrap();
    dist.set_priority(&mut gicd, 41, 0x80).unwrap();
    assert_eq!(gic.log().last(), Some(&Access::write(0x429, W8, 0x80)));
    let prio: Vec<u8> = (40..43).map(|irq| gic.setup(irq).0).collect();
    assert_eq!(prio, [0xa0, 0x80, 0xa0]);
    assert_eq!(gic.faults(), []);
}

#[test]
fn the_same_driver_runs_on_volatile_memory() {
    // Memory standing for the distributor (`Regs::new` on a mapping is the `unsafe`
    // equivalent), with TYPER.ITLinesNumber 1. Memory does not implement write-1-to-clear:
    // ICENABLER reads back what was written.
    let mut mem = [0_u64; 0x200];
    mem.as_mut_bytes()[4..8].copy_from_slice(&1_u32.to_le_bytes());
    let mut gicd = Regs::<0x1000>::from_mut(&mut mem);
    assert_eq!(dist_init(&mut gicd, 0x01), Ok(Dist { lines: 64 }));
    let bytes = mem.as_bytes();
    assert_eq!(bytes[0..4], 1_u32.to_le_bytes(), "GICD_CTLR");
    assert!(bytes[0x820..0x840].iter().all(|&t| t == 1));
    assert!(bytes[0x420..0x440].iter().all(|&p| p == 0xa0));
    assert_eq!(bytes[0x184..0x188], [0xff; 4]);
    assert_eq!(bytes[0x284..0x288], [0xff; 4]);
    assert!(bytes[0x800..0x820]
        .iter()
        .chain(&bytes[0x400..0x420])
        .all(|&b| b == 0));
}

#[test]
fn docs_quote_the_example() {
    // docs/device.md's zerocast section: each `rust` block under a "### GICv2: ..." heading is
    // this example's code, verbatim.
    let sources = [
        include_str!("regs.rs"),
        include_str!("driver.rs"),
        include_str!("main.rs"),
    ];
    assert_eq!(crate::docs_quote::quoted_blocks("GICv2: ", &sources), 4);
}
