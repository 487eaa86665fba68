// SPDX-License-Identifier: MIT OR Apache-2.0
//! IPv4 and TCP against packets decoded again by hand from the RFC layouts: a real loopback
//! capture, packets built by an independent script, and a public checksum example; every
//! single-byte corruption of a header is caught.

use zerocast::byteorder::{BigEndian, U16};
use zerocast::record::RecordErrorKind;

use zerocast_formats::checksum::Checksum;
use zerocast_formats::ipv4::{self, Ecn, FlagsFragment, Ipv4Error, Tos, VersionIhl};
use zerocast_formats::pcap;
use zerocast_formats::tcp::{self, OptionError, TcpError, TcpOption};

/// One TCP conversation over the loopback device (see `tests/data/README.md`).
pub(super) const LOOPBACK: &[u8] = include_bytes!("../../data/loopback.pcap");
/// Four packets built with Python's `struct` (see `tests/data/README.md`).
pub(super) const CRAFTED: &[u8] = include_bytes!("../../data/crafted.pcap");

// ---------------------------------------------------------------------------------------------
// The model: decoding by hand, with byte offsets and shifts from the RFCs' diagrams.

/// RFC 1071, as its section 4.1 writes it: add 16-bit words, pad an odd byte, fold, complement.
pub(super) fn rfc1071(data: &[u8]) -> u16 {
    let mut sum: u32 = 0;
    let mut i = 0;
    while i + 1 < data.len() {
        sum += u32::from(data[i]) << 8 | u32::from(data[i + 1]);
        i += 2;
    }
    if i < data.len() {
        sum += u32::from(data[i]) << 8;
    }
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

fn be16(b: &[u8], at: usize) -> u16 {
    u16::from(b[at]) << 8 | u16::from(b[at + 1])
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from(be16(b, at)) << 16 | u32::from(be16(b, at + 2))
}

/// The IPv4 header fields, from RFC 791's diagram.
#[derive(Debug, PartialEq, Eq)]
struct IpFields {
    version: u8,
    ihl: u8,
    dscp: u8,
    ecn: u8,
    total_length: u16,
    identification: u16,
    dont_fragment: bool,
    more_fragments: bool,
    fragment_offset: u16,
    ttl: u8,
    protocol: u8,
    checksum: u16,
    source: [u8; 4],
    destination: [u8; 4],
    options: Vec<u8>,
}

/// The TCP header fields, from RFC 9293's diagram.
#[derive(Debug, PartialEq, Eq)]
struct TcpFields {
    source_port: u16,
    destination_port: u16,
    sequence: u32,
    acknowledgment: u32,
    data_offset: u8,
    /// Byte 13: CWR ECE URG ACK PSH RST SYN FIN, most significant first.
    flags: u8,
    window: u16,
    checksum: u16,
    urgent_pointer: u16,
    options: Vec<u8>,
    data: Vec<u8>,
}

fn ip_by_hand(p: &[u8]) -> IpFields {
    let ihl = p[0] & 0x0f;
    IpFields {
        version: p[0] >> 4,
        ihl,
        dscp: p[1] >> 2,
        ecn: p[1] & 3,
        total_length: be16(p, 2),
        identification: be16(p, 4),
        dont_fragment: p[6] & 0x40 != 0,
        more_fragments: p[6] & 0x20 != 0,
        fragment_offset: be16(p, 6) & 0x1fff,
        ttl: p[8],
        protocol: p[9],
        checksum: be16(p, 10),
        source: [p[12], p[13], p[14], p[15]],
        destination: [p[16], p[17], p[18], p[19]],
        options: p[20..usize::from(ihl) * 4].to_vec(),
    }
}

fn tcp_by_hand(s: &[u8]) -> TcpFields {
    let data_offset = s[12] >> 4;
    let len = usize::from(data_offset) * 4;
    TcpFields {
        source_port: be16(s, 0),
        destination_port: be16(s, 2),
        sequence: be32(s, 4),
        acknowledgment: be32(s, 8),
        data_offset,
        flags: s[13],
        window: be16(s, 14),
        checksum: be16(s, 16),
        urgent_pointer: be16(s, 18),
        options: s[20..len].to_vec(),
        data: s[len..].to_vec(),
    }
}

/// The packets of a pcap file, walked by hand: `(link type, packets)`.
fn pcap_by_hand(f: &[u8]) -> (u32, Vec<Vec<u8>>) {
    let big = f[..4] == [0xa1, 0xb2, 0xc3, 0xd4] || f[..4] == [0xa1, 0xb2, 0x3c, 0x4d];
    let u32_at = |at: usize| {
        let b = [f[at], f[at + 1], f[at + 2], f[at + 3]];
        if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        }
    };
    let mut packets = Vec::new();
    let mut at = 24;
    while at < f.len() {
        let len = u32_at(at + 8) as usize;
        packets.push(f[at + 16..at + 16 + len].to_vec());
        at += 16 + len;
    }
    (u32_at(20), packets)
}

/// The IPv4 packet in a frame, by hand: after 14 bytes of Ethernet, or the whole frame.
fn ip_of_frame(linktype: u32, frame: &[u8]) -> &[u8] {
    match linktype {
        1 => {
            assert_eq!(be16(frame, 12), 0x0800, "not IPv4");
            &frame[14..]
        }
        101 => frame,
        other => panic!("link type {other}"),
    }
}

/// `source, destination, 0, 6, length` (RFC 9293 section 3.1).
pub(super) fn pseudo_by_hand(ip: &[u8], segment_len: usize) -> Vec<u8> {
    let mut p = ip[12..20].to_vec();
    p.extend_from_slice(&[0, 6]);
    p.extend_from_slice(&(segment_len as u16).to_be_bytes());
    p
}

// ---------------------------------------------------------------------------------------------
// Ours, into the same shape.

fn ip_ours(ip: &ipv4::Ipv4<'_>) -> IpFields {
    let h = ip.header;
    let ff = h.flags_fragment;
    IpFields {
        version: h.version_ihl.version() as u8,
        ihl: h.version_ihl.ihl().get(),
        dscp: h.tos.dscp().get(),
        ecn: h.tos.ecn() as u8,
        total_length: h.total_length.get(),
        identification: h.identification.get(),
        dont_fragment: ff.dont_fragment(),
        more_fragments: ff.more_fragments(),
        fragment_offset: ff.fragment_offset().get(),
        ttl: h.ttl,
        protocol: h.protocol,
        checksum: h.checksum.get(),
        source: h.source,
        destination: h.destination,
        options: h.options().to_vec(),
    }
}

fn tcp_ours(t: &tcp::Tcp<'_>) -> TcpFields {
    let h = t.header;
    let of = h.offset_flags;
    let flags = [
        of.cwr(),
        of.ece(),
        of.urg(),
        of.ack(),
        of.psh(),
        of.rst(),
        of.syn(),
        of.fin(),
    ]
    .iter()
    .fold(0u8, |acc, &bit| acc << 1 | u8::from(bit));
    TcpFields {
        source_port: h.source_port.get(),
        destination_port: h.destination_port.get(),
        sequence: h.sequence.get(),
        acknowledgment: h.acknowledgment.get(),
        data_offset: of.data_offset().get(),
        flags,
        window: h.window.get(),
        checksum: h.checksum.get(),
        urgent_pointer: h.urgent_pointer.get(),
        options: h.options.as_flattened().to_vec(),
        data: t.data.to_vec(),
    }
}

/// The IPv4 packets of a capture, through our pcap reader.
pub(super) fn ip_packets(file: &[u8]) -> Vec<&[u8]> {
    let capture = pcap::parse(file).unwrap();
    capture
        .packets
        .iter()
        .map(|p| pcap::ipv4_of(capture.linktype, p.data).unwrap())
        .collect()
}

// ---------------------------------------------------------------------------------------------

#[test]
fn pcap_files_of_both_byte_orders() {
    for (file, linktype, nanos, count) in [(LOOPBACK, 1, false, 10), (CRAFTED, 101, true, 4)] {
        let capture = pcap::parse(file).unwrap();
        let (their_linktype, theirs) = pcap_by_hand(file);
        assert_eq!((capture.linktype, capture.nanos), (linktype, nanos));
        assert_eq!(their_linktype, linktype);
        let ours: Vec<Vec<u8>> = capture.packets.iter().map(|p| p.data.to_vec()).collect();
        assert_eq!(ours, theirs);
        assert_eq!(ours.len(), count);
        for p in &capture.packets {
            assert_eq!(p.orig_len as usize, p.data.len());
        }
    }
    // The crafted file's timestamps: 1700000000 + i seconds, 500 * i nanoseconds.
    let crafted = pcap::parse(CRAFTED).unwrap();
    for (i, p) in crafted.packets.iter().enumerate() {
        assert_eq!(
            (p.ts_sec, p.ts_frac),
            (1_700_000_000 + i as u32, 500 * i as u32)
        );
    }

    // A record claiming more bytes than the file has: the last one, cut short.
    let e = pcap::parse(&CRAFTED[..CRAFTED.len() - 1]).unwrap_err();
    let pcap::PcapError::Record(e) = e else {
        panic!("{e:?}")
    };
    assert!(matches!(e.kind(), RecordErrorKind::PastEnd { .. }), "{e}");
    assert_eq!(24 + e.record_offset(), CRAFTED.len() - (16 + 28));
    assert_eq!(
        pcap::parse(&CRAFTED[..23]),
        Err(pcap::PcapError::Short { len: 23 })
    );
    assert_eq!(
        pcap::parse(&[0; 24]),
        Err(pcap::PcapError::BadMagic([0; 4]))
    );
}

#[test]
fn every_field_matches_the_hand_decoding() {
    let mut tcp_segments = 0;
    for file in [LOOPBACK, CRAFTED] {
        let (linktype, frames) = pcap_by_hand(file);
        for (frame, bytes) in frames.iter().zip(ip_packets(file)) {
            let by_hand = ip_of_frame(linktype, frame);
            assert_eq!(bytes, by_hand);
            let ip = ipv4::parse(bytes).unwrap();
            let theirs = ip_by_hand(bytes);
            assert_eq!(ip_ours(&ip), theirs);
            assert_eq!(theirs.version, 4);
            // The header checksum, recomputed by hand with the field zeroed.
            let mut zeroed = bytes[..usize::from(theirs.ihl) * 4].to_vec();
            zeroed[10..12].fill(0);
            assert_eq!(rfc1071(&zeroed), theirs.checksum);
            assert_eq!(ip.header.computed_checksum(), theirs.checksum);
            // The payload is `total_length` minus the header.
            assert_eq!(
                ip.payload,
                &bytes[usize::from(theirs.ihl) * 4..usize::from(theirs.total_length)]
            );
            if theirs.protocol != 6 {
                assert_eq!(
                    tcp::parse(&ip).unwrap_err(),
                    TcpError::NotTcp {
                        protocol: theirs.protocol
                    }
                );
                continue;
            }
            let t = tcp::parse_unchecked(&ip).unwrap();
            let segment = ip.payload;
            let theirs = tcp_by_hand(segment);
            assert_eq!(tcp_ours(&t), theirs);
            tcp_segments += 1;
        }
    }
    assert_eq!(tcp_segments, 10 + 3);
}

#[test]
fn tcp_checksums_complete_and_offloaded() {
    // The crafted segments carry complete checksums: they verify, and equal RFC 1071 by hand.
    for bytes in ip_packets(CRAFTED) {
        let ip = ipv4::parse(bytes).unwrap();
        if ip.header.protocol != 6 {
            continue;
        }
        let t = tcp::parse(&ip).unwrap();
        let mut all = pseudo_by_hand(bytes, ip.payload.len());
        let start = all.len();
        all.extend_from_slice(ip.payload);
        all[start + 16..start + 18].fill(0);
        assert_eq!(rfc1071(&all), t.header.checksum.get());
    }
    // The loopback segments carry the Linux kernel's folded pseudo-header sum (checksum
    // offload): our pseudo-header must sum to exactly that, and the full check must fail with
    // the checksum RFC 1071 gives by hand.
    for bytes in ip_packets(LOOPBACK) {
        let ip = ipv4::parse(bytes).unwrap();
        let field = be16(ip.payload, 16);
        let pseudo = pseudo_by_hand(bytes, ip.payload.len());
        assert_eq!(field, !rfc1071(&pseudo), "the kernel's partial checksum");
        let ours = tcp::PseudoHeader::of(&ip).unwrap();
        assert_eq!(zerocast::IntoBytes::as_bytes(&ours), &pseudo[..]);
        assert_eq!(tcp::offloaded_checksum(&ours), field);
        let mut all = pseudo.clone();
        let start = all.len();
        all.extend_from_slice(ip.payload);
        all[start + 16..start + 18].fill(0);
        assert_eq!(
            tcp::parse(&ip).unwrap_err(),
            TcpError::Checksum {
                found: field,
                computed: rfc1071(&all)
            }
        );
    }
}

#[test]
fn rfc_and_public_checksum_examples() {
    // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2.
    let sum = Checksum::new().add(&[0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]);
    assert_eq!((sum.fold(), sum.finish()), (0xddf2, !0xddf2));
    // The same bytes split across parts, and an odd tail padded with a zero byte.
    let parts = Checksum::new()
        .add(&[0x00, 0x01, 0xf2, 0x03])
        .add(&[0xf4, 0xf5, 0xf6, 0xf7]);
    assert_eq!(parts.fold(), 0xddf2);
    assert_eq!(Checksum::new().add(&[0xab]).fold(), 0xab00);

    // The IPv4 header of Wikipedia's "Internet checksum" example: UDP from 192.168.0.1 to
    // 192.168.0.199, checksum b861.
    let header = [
        0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0xb8, 0x61, 0xc0, 0xa8, 0x00,
        0x01, 0xc0, 0xa8, 0x00, 0xc7,
    ];
    let mut packet = header.to_vec();
    packet.resize(0x73, 0);
    let ip = ipv4::parse(&packet).unwrap();
    assert_eq!(ip.header.checksum.get(), 0xb861);
    assert_eq!(ip.header.computed_checksum(), 0xb861);
    assert!(ip.header.flags_fragment.dont_fragment());
    assert_eq!(ip.header.source(), std::net::Ipv4Addr::new(192, 168, 0, 1));
    assert_eq!((ip.header.protocol, ip.payload.len()), (17, 0x73 - 20));
    // Checksumming a header with a correct checksum in it gives 0.
    assert_eq!(Checksum::new().add(&header).finish(), 0);
}

/// Flips bits of `bytes[at]`.
fn corrupt(bytes: &[u8], at: usize, mask: u8) -> Vec<u8> {
    let mut b = bytes.to_vec();
    b[at] ^= mask;
    b
}

const MASKS: &[u8] = if cfg!(miri) {
    &[0x81]
} else {
    &[0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xff]
};

#[test]
fn every_corrupted_ipv4_header_byte_is_caught() {
    let packets: Vec<&[u8]> = if cfg!(miri) {
        ip_packets(CRAFTED)
    } else {
        ip_packets(LOOPBACK)
            .into_iter()
            .chain(ip_packets(CRAFTED))
            .collect()
    };
    for bytes in packets {
        let hlen = usize::from(bytes[0] & 0x0f) * 4;
        for at in 0..hlen {
            for &mask in MASKS {
                let bad = corrupt(bytes, at, mask);
                let e = ipv4::parse(&bad).unwrap_err();
                match e {
                    // The version is checked when the header is read, before the checksum.
                    Ipv4Error::Header(e) if at == 0 && mask & 0xf0 != 0 => {
                        let RecordErrorKind::Invalid(bits) = e.kind() else {
                            panic!("byte {at} ^ {mask:#x}: {e}")
                        };
                        assert_eq!(bits.field(), Some(("VersionIhl", "version")));
                        assert_eq!(bits.found(), Some(u128::from(bad[0] >> 4)));
                        assert_eq!(bits.offset(), 0);
                    }
                    // So is the reserved flag.
                    Ipv4Error::Header(e) if at == 6 && mask & 0x80 != 0 => {
                        let RecordErrorKind::Invalid(bits) = e.kind() else {
                            panic!("byte {at} ^ {mask:#x}: {e}")
                        };
                        assert_eq!(bits.field(), Some(("FlagsFragment", "reserved 15:15")));
                        assert_eq!(bits.offset(), 6);
                    }
                    // A new IHL reads a header of another length.
                    Ipv4Error::Header(e) if at == 0 => assert!(
                        matches!(
                            e.kind(),
                            RecordErrorKind::LengthTooShort { .. }
                                | RecordErrorKind::PastEnd { .. }
                        ),
                        "byte 0 ^ {mask:#x}: {e}"
                    ),
                    Ipv4Error::Checksum { found, computed } => {
                        let hlen = usize::from(bad[0] & 0x0f) * 4;
                        let mut zeroed = bad[..hlen].to_vec();
                        zeroed[10..12].fill(0);
                        assert_eq!((found, computed), (be16(&bad, 10), rfc1071(&zeroed)));
                    }
                    e => panic!("byte {at} ^ {mask:#x}: unexpected {e:?}"),
                }
            }
        }
    }
}

/// `bytes` with the TCP checksum completed by hand, as a network card would.
pub(super) fn completed(bytes: &[u8]) -> Vec<u8> {
    let mut b = bytes.to_vec();
    let hlen = usize::from(b[0] & 0x0f) * 4;
    let total = usize::from(be16(&b, 2));
    let mut all = pseudo_by_hand(&b, total - hlen);
    let start = all.len();
    all.extend_from_slice(&b[hlen..total]);
    all[start + 16..start + 18].fill(0);
    let sum = rfc1071(&all);
    b[hlen + 16..hlen + 18].copy_from_slice(&sum.to_be_bytes());
    b
}

#[test]
fn every_corrupted_tcp_header_byte_is_caught() {
    let mut segments: Vec<Vec<u8>> = ip_packets(CRAFTED)
        .into_iter()
        .map(<[u8]>::to_vec)
        .collect();
    if !cfg!(miri) {
        segments.extend(ip_packets(LOOPBACK).into_iter().map(completed));
    }
    for bytes in segments {
        let ip = ipv4::parse(&bytes).unwrap();
        if ip.header.protocol != 6 {
            continue;
        }
        tcp::parse(&ip).unwrap();
        let ip_len = ip.header.len();
        let tcp_len = ip_len + usize::from(bytes[ip_len + 12] >> 4) * 4;
        for at in ip_len..tcp_len {
            for &mask in MASKS {
                let bad = corrupt(&bytes, at, mask);
                let ip = ipv4::parse(&bad).unwrap();
                match tcp::parse(&ip).unwrap_err() {
                    TcpError::Checksum { found, .. } => {
                        assert_eq!(found, be16(&bad, ip_len + 16));
                    }
                    // A new data offset: shorter than 5 words, or past the end.
                    TcpError::Header(e) if at == ip_len + 12 => assert!(matches!(
                        e.kind(),
                        RecordErrorKind::LengthTooShort { .. } | RecordErrorKind::PastEnd { .. }
                    )),
                    e => panic!("byte {at} ^ {mask:#x}: unexpected {e:?}"),
                }
            }
        }
    }
}

#[test]
fn lengths_that_do_not_fit() {
    let bytes = ip_packets(CRAFTED)[0].to_vec();
    // Total length past the bytes there are, checksum fixed up so only the length is wrong.
    let with_total = |total: u16| {
        let mut b = bytes.clone();
        b[2..4].copy_from_slice(&total.to_be_bytes());
        b[10..12].fill(0);
        let sum = rfc1071(&b[..20]);
        b[10..12].copy_from_slice(&sum.to_be_bytes());
        b
    };
    assert_eq!(
        ipv4::parse(&with_total(61)).unwrap_err(),
        Ipv4Error::TotalLength {
            declared: 61,
            header: 20,
            available: 60
        }
    );
    assert_eq!(
        ipv4::parse(&with_total(19)).unwrap_err(),
        Ipv4Error::TotalLength {
            declared: 19,
            header: 20,
            available: 60
        }
    );
    // Ethernet padding after the packet is not payload.
    let mut padded = bytes.clone();
    padded.extend_from_slice(&[0; 6]);
    assert_eq!(ipv4::parse(&padded).unwrap().payload.len(), 40);
    // Every truncation is an error, never a panic.
    for len in 0..bytes.len() {
        assert!(ipv4::parse(&bytes[..len]).is_err(), "length {len}");
    }
    let e = ipv4::parse(&bytes[..19]).unwrap_err();
    let Ipv4Error::Header(e) = e else {
        panic!("{e:?}")
    };
    assert_eq!(
        e.kind(),
        RecordErrorKind::TruncatedHeader {
            needed: 20,
            available: 19
        }
    );
}

/// TCP options walked by hand: `(kind, data)`, NOP as `(1, [])`, stopping after End.
fn options_by_hand(o: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < o.len() {
        match o[i] {
            0 => {
                out.push((0, Vec::new()));
                break;
            }
            1 => {
                out.push((1, Vec::new()));
                i += 1;
            }
            kind => {
                let len = usize::from(o[i + 1]);
                out.push((kind, o[i + 2..i + len].to_vec()));
                i += len;
            }
        }
    }
    out
}

/// One option of ours in the hand walk's shape.
fn option_as_kind_data(o: &TcpOption<'_>) -> (u8, Vec<u8>) {
    match *o {
        TcpOption::End => (0, Vec::new()),
        TcpOption::Nop => (1, Vec::new()),
        TcpOption::Mss(m) => (2, m.to_be_bytes().to_vec()),
        TcpOption::WindowScale(s) => (3, vec![s]),
        TcpOption::SackPermitted => (4, Vec::new()),
        TcpOption::Sack(blocks) => (
            5,
            blocks
                .iter()
                .flat_map(|b| [b.left.get(), b.right.get()])
                .flat_map(u32::to_be_bytes)
                .collect(),
        ),
        TcpOption::Timestamps(a, b) => (8, [a.to_be_bytes(), b.to_be_bytes()].concat()),
        TcpOption::Other { kind, data } => (kind, data.to_vec()),
    }
}

#[test]
fn tcp_options_match_the_hand_walk() {
    let mut seen = std::collections::BTreeSet::new();
    for file in [LOOPBACK, CRAFTED] {
        for bytes in ip_packets(file) {
            let ip = ipv4::parse(bytes).unwrap();
            let Ok(t) = tcp::parse_unchecked(&ip) else {
                continue;
            };
            let ours: Vec<(u8, Vec<u8>)> = t
                .header
                .options()
                .map(|o| option_as_kind_data(&o.unwrap()))
                .collect();
            let theirs = options_by_hand(t.header.options.as_flattened());
            assert_eq!(ours, theirs);
            seen.extend(theirs.iter().map(|(k, _)| *k));
        }
    }
    // MSS, window scale, SACK permitted, SACK, timestamps and NOP all appeared.
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), [1, 2, 3, 4, 5, 8]);

    // The crafted SYN's options, by value (craft_packets.py).
    let ip = ipv4::parse(ip_packets(CRAFTED)[0]).unwrap();
    let t = tcp::parse(&ip).unwrap();
    let options: Vec<TcpOption<'_>> = t.header.options().map(Result::unwrap).collect();
    assert_eq!(
        options,
        [
            TcpOption::Mss(1460),
            TcpOption::SackPermitted,
            TcpOption::Timestamps(123_456_789, 0),
            TcpOption::Nop,
            TcpOption::WindowScale(7)
        ]
    );
}

#[test]
#[expect(
    clippy::result_large_err,
    reason = "the option errors carry zerocast's RecordError, facts included, by value"
)]
fn malformed_tcp_options() {
    // A header of 6 words whose options are `opts`, checksum left at zero.
    let walk = |opts: [u8; 4]| {
        let mut seg = vec![0u8; 20];
        seg[12] = 6 << 4;
        seg.extend_from_slice(&opts);
        let mut packet = vec![
            0x45, 0, 0, 0, 0, 0, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
        ];
        let total = (20 + seg.len()) as u16;
        packet[2..4].copy_from_slice(&total.to_be_bytes());
        let sum = rfc1071(&packet);
        packet[10..12].copy_from_slice(&sum.to_be_bytes());
        packet.extend_from_slice(&seg);
        let ip = ipv4::parse(&packet).unwrap();
        let t = tcp::parse_unchecked(&ip).unwrap();
        t.header
            .options()
            .map(|o| o.map(|o| option_as_kind_data(&o)))
            .collect::<Vec<_>>()
    };
    // MSS with length 3: one byte of data, where it needs two.
    assert_eq!(
        walk([1, 2, 3, 9]),
        [
            Ok((1, vec![])),
            Err(OptionError::BadLength {
                offset: 1,
                kind: 2,
                length: 3
            })
        ]
    );
    // A length below the 2 bytes of kind and length.
    let r = walk([2, 1, 0, 0]);
    let [Err(OptionError::Record { offset: 0, error })] = &r[..] else {
        panic!("{r:?}")
    };
    assert_eq!(
        error.kind(),
        RecordErrorKind::LengthTooShort {
            declared: 1,
            min: 2
        }
    );
    // A length past the end of the options.
    let r = walk([1, 8, 10, 0]);
    let [Ok(_), Err(OptionError::Record { offset: 1, error })] = &r[..] else {
        panic!("{r:?}")
    };
    assert_eq!(
        error.kind(),
        RecordErrorKind::PastEnd {
            needed: 10,
            available: 3
        }
    );
    // End of list: what follows is padding, even if it looks like options.
    assert_eq!(walk([0, 2, 4, 1]), [Ok((0, vec![]))]);
    // An unknown kind is kept with its data.
    assert_eq!(walk([30, 4, 0xaa, 0xbb]), [Ok((30, vec![0xaa, 0xbb]))]);
}

#[test]
fn bitfields_encode_as_the_rfcs_draw_them() {
    // Byte 0: version in the high nibble.
    let vi = VersionIhl::try_from_bits(0x46).unwrap();
    assert_eq!(vi.ihl().get(), 6);
    assert!(VersionIhl::try_from_bits(0x66).is_err());
    // Byte 1: DSCP 46 (EF) and ECT(0) is 0xba.
    let tos = Tos::new().with_dscp_const::<46>().with_ecn(Ecn::Ect0);
    assert_eq!(tos.into_bits(), 46 << 2 | 0b10);
    assert_eq!(tos.into_bits(), 0xba);
    assert!(Tos::new().try_with_dscp(64).is_err());
    // Bytes 6-7: DF and offset 185 is 0x40b9 on the wire, most significant byte first.
    let ff = FlagsFragment::new()
        .with_dont_fragment(true)
        .with_fragment_offset_const::<185>();
    assert_eq!(ff.into_bits().to_bytes(), [0x40, 0xb9]);
    let mf = FlagsFragment::try_from_bits(U16::<BigEndian>::from_bytes([0x20, 0x01])).unwrap();
    assert!(mf.more_fragments() && !mf.dont_fragment());
    assert_eq!(mf.fragment_offset().get(), 1);
    // TCP bytes 12-13: data offset 5, SYN and ACK is 0x5012.
    let of = tcp::OffsetFlags::from_bits(U16::new(0x5012));
    assert_eq!(of.data_offset().get(), 5);
    assert_eq!(of.names().collect::<Vec<_>>(), ["ACK", "SYN"]);
    // The reserved bits are ignored, as RFC 9293 says receivers must.
    let of = tcp::OffsetFlags::from_bits(U16::new(0x5f12));
    assert_eq!(
        (of.data_offset().get(), of.syn(), of.ack()),
        (5, true, true)
    );
}
