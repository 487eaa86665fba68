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
//!
//! [`parse`] views a packet in place; [`Ipv4Repr`] is the header as plain values, smoltcp's
//! `Repr`: [`Ipv4Repr::parse`] reads one, [`Ipv4Repr::emit`] writes it back with its checksum
//! filled in, through a mutable view of the same [`Ipv4Header`].

use core::fmt;
use std::net::Ipv4Addr;

use zerocast::bitfield::Bounded;
use zerocast::byteorder::{BigEndian, U16};
use zerocast::record::{record_from_prefix, record_from_prefix_mut, RecordError};
use zerocast::{
    bitfield, BitEnum, Immutable, IntoBytes, KnownLayout, Record, TryFromBytes, Unaligned,
};

use crate::checksum::Checksum;

/// The IP version this header is for: only 4 is valid here.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Version {
    /// IPv4.
    V4 = 4,
}

bitfield! {
    /// Byte 0: the version and the header length in 32-bit words (IHL).
    pub struct VersionIhl(u8) {
        7:4 version as? Version;
        3:0 ihl as u8;
    }
}

/// The ECN codepoint (RFC 3168, section 5).
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Ecn {
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
    pub struct Tos(u8) {
        7:2 dscp as u8;
        1:0 ecn as Ecn;
    }
}

bitfield! {
    /// Bytes 6 and 7: the flags and the fragment offset (in 8-byte units).
    pub struct FlagsFragment(U16<BigEndian>) {
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
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct Ipv4Header {
    pub version_ihl: VersionIhl,
    pub tos: Tos,
    pub total_length: U16<BigEndian>,
    pub identification: U16<BigEndian>,
    pub flags_fragment: FlagsFragment,
    pub ttl: u8,
    pub protocol: u8,
    pub checksum: U16<BigEndian>,
    pub source: [u8; 4],
    pub destination: [u8; 4],
    /// The options and their padding, `IHL - 5` words.
    pub options: [[u8; 4]],
}

/// The size of the header without options.
pub const MIN_HEADER: usize = 20;

/// The size of the longest header: IHL 15, 40 bytes of options.
pub const MAX_HEADER: usize = 60;

/// `protocol` of a TCP payload.
pub const PROTOCOL_TCP: u8 = 6;

impl Ipv4Header {
    /// The header's length in bytes, options included.
    #[expect(
        clippy::len_without_is_empty,
        reason = "a header is never empty: it has at least 20 bytes"
    )]
    pub fn len(&self) -> usize {
        self.as_bytes().len()
    }

    /// The options as bytes.
    pub fn options(&self) -> &[u8] {
        self.options.as_flattened()
    }

    /// The source address.
    pub fn source(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.source)
    }

    /// The destination address.
    pub fn destination(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.destination)
    }

    /// The header checksum this header should carry: computed over the header with the
    /// checksum field taken as zero.
    pub fn computed_checksum(&self) -> u16 {
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
pub struct Ipv4<'a> {
    /// The header, options included, viewed in place.
    pub header: &'a Ipv4Header,
    /// The payload: `total_length` minus the header; link-layer padding after it is dropped.
    pub payload: &'a [u8],
}

/// Why bytes are not a valid IPv4 packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "the variants' fields are the facts the variant docs name"
)]
pub enum Ipv4Error {
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
pub fn parse(bytes: &[u8]) -> Result<Ipv4<'_>, Ipv4Error> {
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

/// An IPv4 header as plain values: what [`Ipv4Repr::emit`] needs to write one. The version
/// (4), the header length, the total length and the checksum follow from the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipv4Repr<'a> {
    /// The differentiated services codepoint (RFC 2474).
    pub dscp: Bounded<u8, 6>,
    /// The ECN codepoint (RFC 3168).
    pub ecn: Ecn,
    /// The identification, for reassembling fragments.
    pub identification: u16,
    /// DF: do not fragment.
    pub dont_fragment: bool,
    /// MF: more fragments follow.
    pub more_fragments: bool,
    /// The fragment's offset in 8-byte units.
    pub fragment_offset: Bounded<u16, 13>,
    /// The time to live.
    pub ttl: u8,
    /// The payload's protocol ([`PROTOCOL_TCP`]...).
    pub protocol: u8,
    /// The source address.
    pub source: Ipv4Addr,
    /// The destination address.
    pub destination: Ipv4Addr,
    /// The options and their padding: a multiple of 4 bytes, at most 40.
    pub options: &'a [u8],
    /// The length of the payload that follows the header.
    pub payload_len: usize,
}

/// Why a header could not be written. When `emit` fails it has written nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmitError {
    /// The buffer is shorter than what is to be written.
    BufferTooShort {
        /// The bytes to write.
        needed: usize,
        /// The buffer's length.
        found: usize,
    },
    /// The options are not a multiple of 4 bytes, or more than 40.
    Options {
        /// Their length.
        len: usize,
    },
    /// The header and payload are longer than a 16-bit length field can say.
    TooLong {
        /// Their length.
        len: usize,
    },
}

impl fmt::Display for EmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmitError::BufferTooShort { needed, found } => {
                write!(f, "{needed} bytes to write, but the buffer has {found}")
            }
            EmitError::Options { len } => write!(
                f,
                "{len} bytes of options: they must be whole 32-bit words, at most 40 bytes"
            ),
            EmitError::TooLong { len } => {
                write!(f, "{len} bytes do not fit a 16-bit length field")
            }
        }
    }
}

impl std::error::Error for EmitError {}

/// The length in 32-bit words of a header with `options`: 5 to 15.
pub(crate) fn words_with(options: &[u8]) -> Result<u8, EmitError> {
    let len = options.len();
    match u8::try_from(len / 4) {
        Ok(extra @ 0..=10) if len % 4 == 0 => Ok(5 + extra),
        _ => Err(EmitError::Options { len }),
    }
}

impl<'a> Ipv4Repr<'a> {
    /// Reads the header of the IPv4 packet at the start of `bytes`; checks it as [`parse`]
    /// does.
    ///
    /// # Errors
    ///
    /// As [`parse`].
    pub fn parse(bytes: &'a [u8]) -> Result<Ipv4Repr<'a>, Ipv4Error> {
        parse(bytes).map(|ip| Ipv4Repr::of(&ip))
    }

    /// The values of a packet [`parse`] has checked.
    #[must_use]
    pub fn of(ip: &Ipv4<'a>) -> Ipv4Repr<'a> {
        let h = ip.header;
        let ff = h.flags_fragment;
        Ipv4Repr {
            dscp: h.tos.dscp(),
            ecn: h.tos.ecn(),
            identification: h.identification.get(),
            dont_fragment: ff.dont_fragment(),
            more_fragments: ff.more_fragments(),
            fragment_offset: ff.fragment_offset(),
            ttl: h.ttl,
            protocol: h.protocol,
            source: h.source(),
            destination: h.destination(),
            options: h.options(),
            payload_len: ip.payload.len(),
        }
    }

    /// The length of the header [`emit`](Ipv4Repr::emit) writes: 20 bytes and the options.
    #[must_use]
    pub fn header_len(&self) -> usize {
        MIN_HEADER.saturating_add(self.options.len())
    }

    /// Writes the header at the start of `buf`, its total length covering `payload_len` bytes
    /// after it and its checksum filled in; returns the header's length. The payload is the
    /// caller's to write after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::net::Ipv4Addr;
    /// use zerocast::bitfield::Bounded;
    /// use zerocast_formats::ipv4::{self, Ecn, Ipv4Repr};
    ///
    /// // Wikipedia's "Internet checksum" example: UDP, 192.168.0.1 -> 192.168.0.199.
    /// let repr = Ipv4Repr {
    ///     dscp: Bounded::<u8, 6>::new::<0>(),
    ///     ecn: Ecn::NotEct,
    ///     identification: 0,
    ///     dont_fragment: true,
    ///     more_fragments: false,
    ///     fragment_offset: Bounded::<u16, 13>::new::<0>(),
    ///     ttl: 64,
    ///     protocol: 17,
    ///     source: Ipv4Addr::new(192, 168, 0, 1),
    ///     destination: Ipv4Addr::new(192, 168, 0, 199),
    ///     options: &[],
    ///     payload_len: 0x73 - 20,
    /// };
    /// let mut packet = [0; 0x73];
    /// assert_eq!(repr.emit(&mut packet), Ok(20));
    /// assert_eq!(packet[10..12], [0xb8, 0x61]); // the checksum
    /// assert_eq!(Ipv4Repr::parse(&packet), Ok(repr));
    /// # let _ = ipv4::parse(&packet).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// [`EmitError::Options`] if the options are not whole words or more than 10 of them,
    /// [`EmitError::TooLong`] if the header and payload exceed 65535 bytes,
    /// [`EmitError::BufferTooShort`] if the header does not fit `buf`. Nothing is written then.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let words = words_with(self.options)?;
        let len = self.header_len();
        let total = len.saturating_add(self.payload_len);
        let total_length = u16::try_from(total).map_err(|_| EmitError::TooLong { len: total })?;
        let found = buf.len();
        let too_short = EmitError::BufferTooShort { needed: len, found };
        let head = buf.get_mut(..len).ok_or(too_short)?;
        // Byte 0 first: a mutable view of the header checks the version and reads the IHL. The
        // version is the high nibble (RFC 791); `with_version` then says it by name.
        let version_ihl = VersionIhl::try_from_bits(0x40)
            .ok()
            .and_then(|v| v.with_version(Version::V4).try_with_ihl(words).ok())
            .ok_or(EmitError::Options {
                len: self.options.len(),
            })?;
        head.fill(0);
        version_ihl.write_to_prefix(head).map_err(|_| too_short)?;
        let (h, _) = record_from_prefix_mut::<Ipv4Header>(head).map_err(|_| too_short)?;
        h.tos = Tos::new().with_dscp(self.dscp).with_ecn(self.ecn);
        h.total_length = U16::new(total_length);
        h.identification = U16::new(self.identification);
        h.flags_fragment = FlagsFragment::new()
            .with_dont_fragment(self.dont_fragment)
            .with_more_fragments(self.more_fragments)
            .with_fragment_offset(self.fragment_offset);
        h.ttl = self.ttl;
        h.protocol = self.protocol;
        h.source = self.source.octets();
        h.destination = self.destination.octets();
        // The view has exactly `options.len() / 4` words, as `words_with` checked.
        for (to, from) in h.options.as_flattened_mut().iter_mut().zip(self.options) {
            *to = *from;
        }
        h.checksum = U16::new(h.computed_checksum());
        Ok(len)
    }
}
