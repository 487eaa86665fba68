// SPDX-License-Identifier: MIT OR Apache-2.0
//! The IPv4 header (RFC 791, with the DS field of RFC 2474 and ECN of RFC 3168) and its
//! header checksum (RFC 1071).
//!
//! ```text
//!  0                   1                   2                   3
//!  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |Version|  IHL  |   DSCP    |ECN|          Total Length         |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |         Identification        |Flags|      Fragment Offset    |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |  Time to Live |    Protocol   |         Header Checksum       |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |                       Source Address                          |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |                    Destination Address                        |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |                    Options                    |    Padding    |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! ```
//!
//! The header is a record: IHL counts its 32-bit words, options included, so
//! [`record_from_prefix`] views exactly the header, whatever its options. The version must be
//! 4 and the reserved flag zero: a header breaking either fails validation naming the field.

use core::fmt;
use std::net::Ipv4Addr;

use zerocast::byteorder::{BigEndian, U16};
use zerocast::record::{record_from_prefix, RecordError};
use zerocast::{
    bitfield, BitEnum, Immutable, IntoBytes, KnownLayout, Record, TryFromBytes, Unaligned,
};

use super::checksum::Checksum;

/// The IP version this header is for: only 4 is valid here.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Version {
    /// IPv4.
    V4 = 4,
}

bitfield! {
    /// Byte 0: the version and the header length in 32-bit words (IHL).
    pub(crate) struct VersionIhl(u8) {
        7:4 version as? Version;
        3:0 ihl as u8;
    }
}

/// The ECN codepoint (RFC 3168, section 5).
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Ecn {
    /// Not ECN-capable transport.
    NotEct = 0,
    /// ECN-capable transport, ECT(1).
    Ect1 = 1,
    /// ECN-capable transport, ECT(0).
    Ect0 = 2,
    /// Congestion experienced.
    Ce = 3,
}

bitfield! {
    /// Byte 1: the differentiated services field (RFC 2474) and ECN (RFC 3168).
    pub(crate) struct Tos(u8) {
        7:2 dscp as u8;
        1:0 ecn as Ecn;
    }
}

bitfield! {
    /// Bytes 6 and 7: the flags and the fragment offset (in 8-byte units).
    pub(crate) struct FlagsFragment(U16<BigEndian>) {
        15 _ = 0;
        14 dont_fragment as bool;
        13 more_fragments as bool;
        12:0 fragment_offset as u16;
    }
}

/// The IPv4 header, options included: as long as its IHL says.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = self.version_ihl.ihl().get(), unit = elements, includes_header)]
pub(crate) struct Ipv4Header {
    pub(crate) version_ihl: VersionIhl,
    pub(crate) tos: Tos,
    pub(crate) total_length: U16<BigEndian>,
    pub(crate) identification: U16<BigEndian>,
    pub(crate) flags_fragment: FlagsFragment,
    pub(crate) ttl: u8,
    pub(crate) protocol: u8,
    pub(crate) checksum: U16<BigEndian>,
    pub(crate) source: [u8; 4],
    pub(crate) destination: [u8; 4],
    /// The options and their padding, `IHL - 5` words.
    pub(crate) options: [[u8; 4]],
}

/// The size of the header without options.
pub(crate) const MIN_HEADER: usize = 20;

/// `protocol` of a TCP payload.
pub(crate) const PROTOCOL_TCP: u8 = 6;

impl Ipv4Header {
    /// The header's length in bytes, options included.
    pub(crate) fn len(&self) -> usize {
        self.as_bytes().len()
    }

    /// The options as bytes.
    pub(crate) fn options(&self) -> &[u8] {
        self.options.as_flattened()
    }

    /// The source address.
    pub(crate) fn source(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.source)
    }

    /// The destination address.
    pub(crate) fn destination(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.destination)
    }

    /// The header checksum this header should carry: computed over the header with the
    /// checksum field taken as zero.
    pub(crate) fn computed_checksum(&self) -> u16 {
        let bytes = self.as_bytes();
        // The checksum is bytes 10 and 11; the header is at least 20 bytes.
        Checksum::new()
            .add(bytes.get(..10).unwrap_or_default())
            .add(bytes.get(12..).unwrap_or_default())
            .finish()
    }
}

/// A parsed IPv4 packet: the header, viewed in place, and the payload it declares.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ipv4<'a> {
    pub(crate) header: &'a Ipv4Header,
    /// The payload: `total_length` minus the header; link-layer padding after it is dropped.
    pub(crate) payload: &'a [u8],
}

/// Why bytes are not a valid IPv4 packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ipv4Error {
    /// The header could not be read: too short, IHL below 5 or past the end, or a field
    /// invalid (the version, the reserved flag), named in the error.
    Header(RecordError),
    /// The header checksum is wrong.
    Checksum { found: u16, computed: u16 },
    /// `total_length` is shorter than the header or longer than the bytes there are.
    TotalLength {
        declared: u16,
        header: usize,
        available: usize,
    },
}

impl fmt::Display for Ipv4Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ipv4Error::Header(e) => write!(f, "IPv4 header: {e}"),
            Ipv4Error::Checksum { found, computed } => write!(
                f,
                "IPv4 header checksum is {found:#06x}, but the header sums to {computed:#06x}"
            ),
            Ipv4Error::TotalLength {
                declared,
                header,
                available,
            } => write!(
                f,
                "IPv4 total length {declared} is not between the header's {header} bytes and the \
                 {available} bytes there are"
            ),
        }
    }
}

impl std::error::Error for Ipv4Error {}

/// Reads an IPv4 packet from the start of `bytes` and checks its header checksum and total
/// length.
pub(crate) fn parse(bytes: &[u8]) -> Result<Ipv4<'_>, Ipv4Error> {
    let (header, _) = record_from_prefix::<Ipv4Header>(bytes).map_err(Ipv4Error::Header)?;
    let computed = header.computed_checksum();
    let found = header.checksum.get();
    if found != computed {
        return Err(Ipv4Error::Checksum { found, computed });
    }
    let declared = header.total_length.get();
    let payload = bytes
        .get(..usize::from(declared))
        .and_then(|packet| packet.get(header.len()..))
        .ok_or(Ipv4Error::TotalLength {
            declared,
            header: header.len(),
            available: bytes.len(),
        })?;
    Ok(Ipv4 { header, payload })
}

impl fmt::Display for Ipv4<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = self.header;
        let ff = h.flags_fragment;
        writeln!(f, "IPv4 {} -> {}", h.source(), h.destination())?;
        writeln!(
            f,
            "  version 4, IHL {} ({} bytes), DSCP {}, ECN {:?}, total length {}",
            h.version_ihl.ihl(),
            h.len(),
            h.tos.dscp(),
            h.tos.ecn(),
            h.total_length.get()
        )?;
        let flags = match (ff.dont_fragment(), ff.more_fragments()) {
            (false, false) => "",
            (true, false) => "DF",
            (false, true) => "MF",
            (true, true) => "DF MF",
        };
        writeln!(
            f,
            "  id {:#06x}, flags [{flags}], fragment offset {} ({} bytes), TTL {}, protocol {}",
            h.identification.get(),
            ff.fragment_offset(),
            u32::from(ff.fragment_offset().get()) * 8,
            h.ttl,
            h.protocol,
        )?;
        write!(f, "  header checksum {:#06x} (correct)", h.checksum.get())?;
        if !h.options.is_empty() {
            write!(f, "\n  options {:02x?}", h.options())?;
        }
        Ok(())
    }
}
