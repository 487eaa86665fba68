// SPDX-License-Identifier: MIT OR Apache-2.0
//! Bit fields (`bitfield!`): `try_from_bits`, getters, `with_`/`try_with_`/`try_set_` setters,
//! and `TryFromBytes` of a bit field, with native and byte-order storage.

use zerocast::byteorder::{BigEndian, U16};
use zerocast::{bitfield, BitEnum, TryFromBytes};

use crate::export;

/// A mode in three bits, not covering them all (`as?`: validated).
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Mode {
    Off = 0,
    On = 1,
    Auto = 5,
}

bitfield! {
    /// A control register: a reserved nibble, a validated enum, a wide and a narrow integer.
    pub struct Ctrl(u32) {
        31:28 _ = 0;
        27:25 mode as? Mode;
        24:9 count as u16;
        8:1 level as u8;
        0 enable as bool;
    }
}

bitfield! {
    /// IPv4's flags and fragment offset, big-endian.
    pub struct FlagsFragment(U16<BigEndian>) {
        15:15 _ = 0;
        14:14 dont_fragment as bool;
        13 more_fragments as bool;
        12:0 fragment_offset as u16;
    }
}

bitfield! {
    /// Narrow fields only, every bit pattern valid.
    pub struct Tos(u8) {
        7:2 dscp as u8;
        1:0 ecn as u8;
    }
}

/// `Ctrl::try_from_bits` and its getters, `with_` setters of values from C.
#[no_mangle]
pub extern "C" fn zc_bitfield_get(bits: u32, count: u16, level: u8) -> u64 {
    match Ctrl::try_from_bits(bits) {
        Ok(c) => {
            let c = c
                .with_count(count)
                .with_level(level)
                .with_enable(!c.enable());
            u64::from(c.into_bits()) ^ (c.mode() as u64) << 32 ^ u64::from(c.level()) << 40
        }
        Err(e) => 1 << 63 | e.offset() as u64 ^ e.found().unwrap_or(0) as u64,
    }
}

/// `try_with_` and `try_set_` of narrow fields, the values from C (too wide ones fail).
#[no_mangle]
pub extern "C" fn zc_bitfield_try_set(bits: u8, dscp: u8, ecn: u8, offset: u16) -> u64 {
    let tos = Tos::from_bits(bits);
    let a = tos
        .try_with_dscp(dscp)
        .map_or(0x100, |t| u64::from(t.into_bits()));
    let mut t = tos;
    let b = t
        .try_set_ecn(ecn)
        .map_or(0x200, |()| u64::from(t.into_bits()));
    let ff = FlagsFragment::new().try_with_fragment_offset(offset);
    let c = ff.map_or(0x400, |f| {
        u64::from(f.fragment_offset().get()) ^ u64::from(f.dont_fragment())
    });
    a ^ b << 16 ^ c << 32 ^ u64::from(tos.dscp().get())
}

export! {
    /// `FlagsFragment::try_ref_from_bytes` and `Ctrl::try_read_from_prefix`: bit fields from
    /// bytes.
    fn zc_bitfield_from_bytes(b: &[u8]) -> u64 {
        let ff = FlagsFragment::try_ref_from_prefix(b)
            .map_or(1 << 20, |(f, _)| u64::from(f.more_fragments()) ^ u64::from(f.into_bits().get()));
        let c = Ctrl::try_read_from_prefix(b).map_or(1 << 21, |(c, _)| u64::from(c.count()));
        ff ^ c << 24
    }
}
