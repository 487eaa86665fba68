// SPDX-License-Identifier: MIT OR Apache-2.0
//! A parser for IPv4 datagrams (RFC 791) and the UDP header (RFC 768) they carry, written
//! against zerocast. Its twin in this directory is the same module on the other side of the
//! move between zerocopy and zerocast (`docs/migrating-from-zerocopy.md`): `tests/migration.rs`
//! checks that the two files differ only in the crate's name and parse every packet alike.

use core::mem::size_of;

use zerocast::byteorder::{NetworkEndian, U16};
use zerocast::{
    try_transmute, FromBytes, Immutable, IntoBytes, KnownLayout, Ref, SizeError, TryFromBytes,
    Unaligned,
};

/// The fixed 20 bytes of an IPv4 header; IHL - 5 words of options follow them.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
pub struct Ipv4Header {
    /// The version (high 4 bits, 4 here) and IHL, the header's length in 32-bit words.
    pub version_ihl: u8,
    /// Differentiated services (6 bits) and ECN (2 bits).
    pub dscp_ecn: u8,
    /// The datagram's length in bytes, header included.
    pub total_len: U16<NetworkEndian>,
    /// The identification, for reassembly.
    pub id: U16<NetworkEndian>,
    /// A reserved bit, don't fragment, more fragments, and the 13-bit fragment offset.
    pub flags_fragment: U16<NetworkEndian>,
    /// Time to live.
    pub ttl: u8,
    /// The transport protocol's number (see [`Protocol`]).
    pub protocol: u8,
    /// The one's complement of the one's complement sum of the header's 16-bit words.
    pub checksum: U16<NetworkEndian>,
    /// The source address.
    pub src: [u8; 4],
    /// The destination address.
    pub dst: [u8; 4],
}

/// The UDP header.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
pub struct UdpHeader {
    /// The source port.
    pub src_port: U16<NetworkEndian>,
    /// The destination port.
    pub dst_port: U16<NetworkEndian>,
    /// The length in bytes of the header and the data.
    pub len: U16<NetworkEndian>,
    /// The checksum over a pseudo-header, the UDP header and the data; 0 if not computed.
    pub checksum: U16<NetworkEndian>,
}

/// The part of the IP header the UDP checksum covers (RFC 768), never sent as such.
#[derive(IntoBytes, Immutable)]
#[repr(C)]
struct PseudoHeader {
    src: [u8; 4],
    dst: [u8; 4],
    zero: u8,
    protocol: u8,
    udp_len: U16<NetworkEndian>,
}

/// The transport protocols this parser accepts; any other number is an error.
#[derive(
    TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, Clone, Copy, PartialEq, Eq,
)]
#[repr(u8)]
pub enum Protocol {
    /// ICMP.
    Icmp = 1,
    /// TCP.
    Tcp = 6,
    /// UDP.
    Udp = 17,
}

/// A parsed datagram: views into the input, nothing copied.
#[derive(Debug)]
pub struct Datagram<'a> {
    /// The fixed part of the IP header.
    pub ip: &'a Ipv4Header,
    /// The IP options (IHL * 4 - 20 bytes).
    pub options: &'a [u8],
    /// The transport protocol.
    pub protocol: Protocol,
    /// The UDP header, if `protocol` is UDP.
    pub udp: Option<&'a UdpHeader>,
    /// The data after the IP header (and after the UDP header for UDP), cut to the lengths
    /// the headers give.
    pub payload: &'a [u8],
}

/// What is wrong with a datagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input ends inside a header.
    Truncated {
        /// The header's length.
        needed: usize,
        /// The bytes left from the header's start.
        found: usize,
    },
    /// The version is not 4.
    Version(u8),
    /// IHL is below 5 words.
    HeaderLen(u8),
    /// The total length is shorter than the header or longer than the input.
    TotalLen(u16),
    /// The header checksum (this value) does not match the header.
    HeaderChecksum(u16),
    /// A fragment (more fragments set, or a fragment offset): not reassembled here.
    Fragment,
    /// A transport protocol other than ICMP, TCP and UDP.
    Protocol(u8),
    /// The UDP length is shorter than the UDP header or longer than the datagram's data.
    UdpLen(u16),
    /// The UDP checksum (this value) does not match the pseudo-header, header and data.
    UdpChecksum(u16),
    /// The TTL is 0 or 1: a router must drop the datagram rather than forward it.
    TtlExpired,
}

/// An error and the byte offset in the input of the header or field at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseError {
    /// What is wrong.
    pub kind: ErrorKind,
    /// Where, in bytes from the start of the input.
    pub offset: usize,
}

fn error(kind: ErrorKind, offset: usize) -> ParseError {
    ParseError { kind, offset }
}

/// The one's complement of the one's complement sum of the 16-bit big-endian words of the
/// concatenated `parts` (RFC 1071), an odd last byte padded with zero. 0 when the parts hold
/// a correct checksum.
fn checksum(parts: &[&[u8]]) -> u16 {
    let mut sum: u64 = 0;
    let mut high = true;
    for &byte in parts.iter().flat_map(|part| part.iter()) {
        sum += if high {
            u64::from(byte) << 8
        } else {
            u64::from(byte)
        };
        high = !high;
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    // CAST: the loop above leaves `sum` at most 0xffff.
    !(sum as u16)
}

/// Parses the IPv4 datagram at the start of `packet`, and its UDP header if it carries UDP.
///
/// # Errors
///
/// A [`ParseError`] for the first check that fails, in the order of the [`ErrorKind`]s.
pub fn parse(packet: &[u8]) -> Result<Datagram<'_>, ParseError> {
    // `Ipv4Header` is `Unaligned`, so too few bytes is the only way the cast can fail: the
    // error converts into a `SizeError`, which gives the input back.
    let (ip, rest) = Ref::<_, Ipv4Header>::from_prefix(packet).map_err(|err| {
        let found = SizeError::from(err).into_src().len();
        error(
            ErrorKind::Truncated {
                needed: size_of::<Ipv4Header>(),
                found,
            },
            0,
        )
    })?;
    let ip = Ref::into_ref(ip);

    let version = ip.version_ihl >> 4;
    if version != 4 {
        return Err(error(ErrorKind::Version(version), 0));
    }
    let ihl = ip.version_ihl & 0x0f;
    let header_len = usize::from(ihl) * 4;
    let Some(options_len) = header_len.checked_sub(size_of::<Ipv4Header>()) else {
        return Err(error(ErrorKind::HeaderLen(ihl), 0));
    };
    let Some((options, rest)) = rest.split_at_checked(options_len) else {
        let kind = ErrorKind::Truncated {
            needed: header_len,
            found: packet.len(),
        };
        return Err(error(kind, 0));
    };
    let total_len = ip.total_len.get();
    let data = usize::from(total_len)
        .checked_sub(header_len)
        .and_then(|n| rest.get(..n));
    let Some(data) = data else {
        return Err(error(ErrorKind::TotalLen(total_len), 2));
    };
    if checksum(&[ip.as_bytes(), options]) != 0 {
        return Err(error(ErrorKind::HeaderChecksum(ip.checksum.get()), 10));
    }
    if ip.flags_fragment.get() & 0x3fff != 0 {
        return Err(error(ErrorKind::Fragment, 6));
    }
    let protocol: Protocol =
        try_transmute!(ip.protocol).map_err(|err| error(ErrorKind::Protocol(err.into_src()), 9))?;
    if protocol != Protocol::Udp {
        return Ok(Datagram {
            ip,
            options,
            protocol,
            udp: None,
            payload: data,
        });
    }

    let (udp, after) = UdpHeader::ref_from_prefix(data).map_err(|err| {
        let found = SizeError::from(err).into_src().len();
        error(
            ErrorKind::Truncated {
                needed: size_of::<UdpHeader>(),
                found,
            },
            header_len,
        )
    })?;
    let udp_len = udp.len.get();
    let payload = usize::from(udp_len)
        .checked_sub(size_of::<UdpHeader>())
        .and_then(|n| after.get(..n));
    let Some(payload) = payload else {
        return Err(error(ErrorKind::UdpLen(udp_len), header_len + 4));
    };
    let pseudo = PseudoHeader {
        src: ip.src,
        dst: ip.dst,
        zero: 0,
        protocol: ip.protocol,
        udp_len: udp.len,
    };
    if udp.checksum.get() != 0 && checksum(&[pseudo.as_bytes(), udp.as_bytes(), payload]) != 0 {
        return Err(error(
            ErrorKind::UdpChecksum(udp.checksum.get()),
            header_len + 6,
        ));
    }
    Ok(Datagram {
        ip,
        options,
        protocol,
        udp: Some(udp),
        payload,
    })
}

/// Decrements the TTL of the IPv4 header at the start of `packet` in place, as a router
/// forwarding it does, updates the header checksum incrementally (RFC 1624, equation 3), and
/// returns the new TTL. Only the fixed header is checked: call [`parse`] first.
///
/// # Errors
///
/// [`ErrorKind::Truncated`] if `packet` is shorter than a header, [`ErrorKind::TtlExpired`]
/// if the TTL is 0 or 1.
pub fn decrement_ttl(packet: &mut [u8]) -> Result<u8, ParseError> {
    let (mut ip, _) = Ref::<_, Ipv4Header>::from_prefix(packet).map_err(|err| {
        let found = SizeError::from(err).into_src().len();
        error(
            ErrorKind::Truncated {
                needed: size_of::<Ipv4Header>(),
                found,
            },
            0,
        )
    })?;
    if ip.ttl <= 1 {
        return Err(error(ErrorKind::TtlExpired, 8));
    }
    let old = u16::from_be_bytes([ip.ttl, ip.protocol]);
    ip.ttl -= 1;
    let new = u16::from_be_bytes([ip.ttl, ip.protocol]);
    // HC' = ~(~HC + ~m + m'): `checksum` complements the folded sum of its words.
    let sum = [!ip.checksum.get(), !old, new].map(u16::to_be_bytes);
    ip.checksum.set(checksum(&[&sum[0], &sum[1], &sum[2]]));
    Ok(ip.ttl)
}
