// SPDX-License-Identifier: MIT OR Apache-2.0
//! The worked example of `docs/migrating-from-zerocopy.md`, compiled and checked: one IPv4 and
//! UDP parser written twice, against zerocopy 0.8 (`migration/zerocopy_version.rs`) and against
//! zerocast (`migration/zerocast_version.rs`).
//!
//! The tests check that the two files differ only in the crate's name, that the guide shows
//! that difference and the zerocast code as they are in the files, and that both parsers give
//! the same result, or the same error at the same offset, on the same packets. The packets are
//! built here byte by byte from the field layouts of RFC 791 and RFC 768, with checksums
//! computed by this file's own RFC 1071 sum (checked against published examples), not by the
//! parsers' code.
#![cfg(feature = "derive")]
#![forbid(unsafe_code)]

#[path = "migration/zerocopy_version.rs"]
pub mod zerocopy_version;

#[path = "migration/zerocast_version.rs"]
pub mod zerocast_version;

const ZEROCOPY_SRC: &str = include_str!("migration/zerocopy_version.rs");
const ZEROCAST_SRC: &str = include_str!("migration/zerocast_version.rs");
const GUIDE: &str = include_str!("../../../docs/migrating-from-zerocopy.md");

/// Every line of the two files that differs, as (line number from 1, zerocopy's, zerocast's).
const RENAMED_LINES: [(usize, &str, &str); 3] = [
    (
        3,
        "//! against zerocopy. Its twin in this directory is the same module on the other side of the",
        "//! against zerocast. Its twin in this directory is the same module on the other side of the",
    ),
    (
        9,
        "use zerocopy::byteorder::{NetworkEndian, U16};",
        "use zerocast::byteorder::{NetworkEndian, U16};",
    ),
    (10, "use zerocopy::{", "use zerocast::{"),
];

fn differing_lines() -> Vec<(usize, &'static str, &'static str)> {
    ZEROCOPY_SRC
        .lines()
        .zip(ZEROCAST_SRC.lines())
        .enumerate()
        .filter(|(_, (old, new))| old != new)
        .map(|(i, (old, new))| (i + 1, old, new))
        .collect()
}

#[test]
fn the_two_versions_differ_only_in_the_crate_name() {
    assert_eq!(ZEROCOPY_SRC.lines().count(), ZEROCAST_SRC.lines().count());
    assert_eq!(differing_lines(), RENAMED_LINES);
    // Normalizing the crate's name leaves nothing different: moving over is a rename.
    assert_eq!(
        ZEROCOPY_SRC.replace("zerocopy", "zerocast"),
        ZEROCAST_SRC.replace("zerocopy", "zerocast")
    );
    for (_, old, new) in RENAMED_LINES {
        assert_eq!(old.replace("zerocopy", "zerocast"), new);
    }
    assert!(!ZEROCAST_SRC.contains("zerocopy::"));
    assert!(ZEROCOPY_SRC.contains("use zerocopy::{"));
}

/// The guide's diff block: `@@ line N @@` then `-` zerocopy's line and `+` zerocast's.
fn diff_block() -> String {
    let mut block = String::from("```diff\n");
    for (line, old, new) in differing_lines() {
        block += &format!("@@ line {line} @@\n-{old}\n+{new}\n");
    }
    block + "```\n"
}

#[test]
fn the_guide_shows_the_diff_as_it_is() {
    let block = diff_block();
    assert!(
        GUIDE.contains(&block),
        "the guide must contain, verbatim:\n{block}"
    );
}

/// The marker the guide puts on the line before each excerpt of a file, with the file's path.
const EXCERPT_MARKER: &str = "<!-- excerpt: ";

/// The files the guide may quote, by path from the repository's root.
const QUOTABLE: [(&str, &str); 2] = [
    (
        "crates/zerocast/tests/migration/zerocast_version.rs",
        ZEROCAST_SRC,
    ),
    (
        "crates/zerocast/tests/migration.rs",
        include_str!("migration.rs"),
    ),
];

/// The guide's excerpts: (the quoted file's text, the ```rust block right after a marker).
fn guide_excerpts() -> Vec<(&'static str, Vec<&'static str>)> {
    let mut excerpts = Vec::new();
    let mut lines = GUIDE.lines();
    while let Some(line) = lines.next() {
        let Some(path) = line
            .strip_prefix(EXCERPT_MARKER)
            .and_then(|l| l.strip_suffix(" -->"))
        else {
            continue;
        };
        let Some((_, text)) = QUOTABLE.iter().find(|(p, _)| *p == path) else {
            panic!("the guide quotes `{path}`, which this test does not check");
        };
        assert_eq!(
            lines.next(),
            Some("```rust"),
            "a marker must be followed by a ```rust block"
        );
        excerpts.push((*text, lines.by_ref().take_while(|l| *l != "```").collect()));
    }
    excerpts
}

#[test]
fn the_guide_shows_the_code_as_it_is() {
    let excerpts = guide_excerpts();
    assert!(
        excerpts.len() >= 4,
        "the guide shows the imports, the types, the parser, the errors"
    );
    for (text, excerpt) in &excerpts {
        let file: Vec<&str> = text.lines().collect();
        assert!(!excerpt.is_empty());
        assert!(
            file.windows(excerpt.len()).any(|w| w == excerpt.as_slice()),
            "this excerpt of the guide is not a run of lines of its file:\n{}",
            excerpt.join("\n")
        );
    }
    // The excerpts cover the code that matters: the imports, every derive, `parse`,
    // `decrement_ttl`.
    let zerocast_lines = || {
        excerpts
            .iter()
            .filter(|(t, _)| *t == ZEROCAST_SRC)
            .flat_map(|(_, e)| e.iter())
    };
    for key in [
        "use zerocast::byteorder::{NetworkEndian, U16};",
        "    TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, Clone, Copy, PartialEq, Eq,",
        "#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]",
        "#[derive(IntoBytes, Immutable)]",
        "pub fn parse(packet: &[u8]) -> Result<Datagram<'_>, ParseError> {",
        "pub fn decrement_ttl(packet: &mut [u8]) -> Result<u8, ParseError> {",
    ] {
        assert!(
            zerocast_lines().any(|l| *l == key),
            "the guide must show `{key}`"
        );
    }
    let shown = zerocast_lines().count();
    assert!(
        shown > 100,
        "the excerpts show {shown} lines of the zerocast version"
    );
}

/// What zerocast's errors add to zerocopy's: the facts, as accessors and in the message. The
/// parsers above use neither (zerocopy has no such accessors), so they stay a pure rename.
#[test]
fn zerocast_errors_say_what_and_where() {
    use core::any::type_name;
    use zerocast::{FromBytes, SizeError, SizeNeeded};
    use zerocast_version::{Protocol, UdpHeader};

    let short = [0u8; 5];
    let err = SizeError::from(UdpHeader::ref_from_prefix(&short[..]).unwrap_err());
    assert_eq!((err.needed(), err.found()), (SizeNeeded::AtLeast(8), 5));
    assert!(err
        .to_string()
        .ends_with("needs at least 8 bytes, but the source has 5"));

    let not_a_protocol: Result<Protocol, _> = zerocast::try_transmute!(2u8);
    let err = not_a_protocol.unwrap_err();
    assert_eq!(
        (err.invalid().offset(), err.invalid().found()),
        (0, Some(2))
    );
    let message = format!(
        "0x2 is not a valid `{}` at byte offset 0",
        type_name::<Protocol>()
    );
    assert_eq!(err.to_string(), message);
    assert_eq!(err.into_src(), 2);
}

// ---------------------------------------------------------------------------------------------
// Packets, built by hand from the RFCs' field layouts.

/// RFC 1071: the one's complement of the one's complement sum of the big-endian 16-bit words,
/// an odd last byte padded with a zero byte. Written independently of the parsers' `checksum`
/// (which adds byte by byte): whole words, folded once at the end.
fn rfc1071(data: &[u8]) -> u16 {
    let mut sum: u32 = 0;
    for pair in data.chunks(2) {
        let word = match *pair {
            [hi, lo] => u16::from_be_bytes([hi, lo]),
            [hi] => u16::from_be_bytes([hi, 0]),
            _ => unreachable!("chunks(2) yields one or two bytes"),
        };
        sum += u32::from(word);
    }
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !u16::try_from(sum).unwrap()
}

#[test]
fn rfc1071_matches_published_examples() {
    // RFC 1071, section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (after the fold).
    assert_eq!(
        rfc1071(&[0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]),
        !0xddf2
    );
    // The IPv4 header worked example used throughout the literature (checksum b861).
    let mut hdr = [
        0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8, 0x00,
        0x01, 0xc0, 0xa8, 0x00, 0xc7,
    ];
    assert_eq!(rfc1071(&hdr), 0xb861);
    hdr[10..12].copy_from_slice(&[0xb8, 0x61]);
    assert_eq!(rfc1071(&hdr), 0);
}

const SRC: [u8; 4] = [192, 0, 2, 1]; // TEST-NET-1 (RFC 5737)
const DST: [u8; 4] = [198, 51, 100, 7]; // TEST-NET-2

/// The fields of an IPv4 header (RFC 791, section 3.1), before encoding.
#[derive(Clone)]
struct Ip {
    version: u8,
    ihl: u8,
    tos: u8,
    total_len: Option<u16>, // None: the header and data's length
    id: u16,
    flags_fragment: u16,
    ttl: u8,
    protocol: u8,
    checksum: Option<u16>, // None: the correct one
    options: Vec<u8>,
}

impl Ip {
    fn new(protocol: u8) -> Ip {
        Ip {
            version: 4,
            ihl: 5,
            tos: 0,
            total_len: None,
            id: 0x1c46,
            flags_fragment: 0x4000, // don't fragment
            ttl: 64,
            protocol,
            checksum: None,
            options: Vec::new(),
        }
    }

    fn with_options(mut self, options: &[u8]) -> Ip {
        assert_eq!(options.len() % 4, 0);
        self.ihl = 5 + u8::try_from(options.len() / 4).unwrap();
        self.options = options.to_vec();
        self
    }

    /// The header (with its options) followed by `data`.
    fn packet(&self, data: &[u8]) -> Vec<u8> {
        let total = 20 + self.options.len() + data.len();
        let total_len = self.total_len.unwrap_or(u16::try_from(total).unwrap());
        let mut p = Vec::new();
        p.push(self.version << 4 | self.ihl);
        p.push(self.tos);
        p.extend_from_slice(&total_len.to_be_bytes());
        p.extend_from_slice(&self.id.to_be_bytes());
        p.extend_from_slice(&self.flags_fragment.to_be_bytes());
        p.push(self.ttl);
        p.push(self.protocol);
        p.extend_from_slice(&[0, 0]);
        p.extend_from_slice(&SRC);
        p.extend_from_slice(&DST);
        p.extend_from_slice(&self.options);
        let checksum = self.checksum.unwrap_or_else(|| rfc1071(&p));
        p[10..12].copy_from_slice(&checksum.to_be_bytes());
        p.extend_from_slice(data);
        p
    }
}

/// A UDP header (RFC 768) and its data. `len` None: the header and data's length; `checksum`
/// None: the correct one over the pseudo-header for `SRC`, `DST`.
fn udp(data: &[u8], len: Option<u16>, checksum: Option<u16>) -> Vec<u8> {
    let len = len.unwrap_or(u16::try_from(8 + data.len()).unwrap());
    let mut seg = Vec::new();
    seg.extend_from_slice(&5353u16.to_be_bytes());
    seg.extend_from_slice(&53u16.to_be_bytes());
    seg.extend_from_slice(&len.to_be_bytes());
    seg.extend_from_slice(&[0, 0]);
    seg.extend_from_slice(data);
    let checksum = checksum.unwrap_or_else(|| {
        let mut pseudo = Vec::new();
        pseudo.extend_from_slice(&SRC);
        pseudo.extend_from_slice(&DST);
        pseudo.extend_from_slice(&[0, 17]);
        pseudo.extend_from_slice(&len.to_be_bytes());
        pseudo.extend_from_slice(&seg);
        // RFC 768: a computed 0 is sent as all ones (0 means "no checksum").
        match rfc1071(&pseudo) {
            0 => 0xffff,
            c => c,
        }
    });
    seg[6..8].copy_from_slice(&checksum.to_be_bytes());
    seg
}

// ---------------------------------------------------------------------------------------------
// Both parsers' outcomes, in one vocabulary.

/// A parsed datagram, as values and offsets into the input.
#[derive(Debug, PartialEq, Eq)]
struct Parsed {
    version_ihl: u8,
    total_len: u16,
    id: u16,
    ttl: u8,
    protocol: u8,
    src: [u8; 4],
    dst: [u8; 4],
    options: (usize, Vec<u8>),
    /// (source port, destination port, length, checksum) of the UDP header.
    udp: Option<(u16, u16, u16, u16)>,
    /// Where the payload starts in the input, and its bytes.
    payload: (usize, Vec<u8>),
}

/// The parsers' `ErrorKind`, mirrored (the conversion's `match` is exhaustive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Truncated { needed: usize, found: usize },
    Version(u8),
    HeaderLen(u8),
    TotalLen(u16),
    HeaderChecksum(u16),
    Fragment,
    Protocol(u8),
    UdpLen(u16),
    UdpChecksum(u16),
    TtlExpired,
}

/// Where `part` starts in `whole` (which must contain it).
fn offset_in(whole: &[u8], part: &[u8]) -> usize {
    let offset = part.as_ptr().addr() - whole.as_ptr().addr();
    assert!(
        offset + part.len() <= whole.len(),
        "a view outside the input"
    );
    offset
}

macro_rules! kind {
    ($m:ident, $kind:expr) => {
        match $kind {
            $m::ErrorKind::Truncated { needed, found } => Kind::Truncated { needed, found },
            $m::ErrorKind::Version(v) => Kind::Version(v),
            $m::ErrorKind::HeaderLen(v) => Kind::HeaderLen(v),
            $m::ErrorKind::TotalLen(v) => Kind::TotalLen(v),
            $m::ErrorKind::HeaderChecksum(v) => Kind::HeaderChecksum(v),
            $m::ErrorKind::Fragment => Kind::Fragment,
            $m::ErrorKind::Protocol(v) => Kind::Protocol(v),
            $m::ErrorKind::UdpLen(v) => Kind::UdpLen(v),
            $m::ErrorKind::UdpChecksum(v) => Kind::UdpChecksum(v),
            $m::ErrorKind::TtlExpired => Kind::TtlExpired,
        }
    };
}

macro_rules! parse_with {
    ($m:ident, $krate:ident, $packet:expr) => {{
        let packet: &[u8] = $packet;
        match $m::parse(packet) {
            Ok(d) => {
                use $krate::IntoBytes as _;
                use $m::Protocol;
                // The header is viewed in place: zero copy.
                assert_eq!(offset_in(packet, d.ip.as_bytes()), 0);
                assert_eq!(d.protocol as u8, d.ip.protocol);
                assert_eq!(d.udp.is_some(), d.protocol == Protocol::Udp);
                Ok(Parsed {
                    version_ihl: d.ip.version_ihl,
                    total_len: d.ip.total_len.get(),
                    id: d.ip.id.get(),
                    ttl: d.ip.ttl,
                    protocol: d.protocol.as_bytes()[0],
                    src: d.ip.src,
                    dst: d.ip.dst,
                    options: (offset_in(packet, d.options), d.options.to_vec()),
                    udp: d.udp.map(|u| {
                        assert_eq!(
                            offset_in(packet, u.as_bytes()),
                            usize::from(d.ip.version_ihl & 15) * 4
                        );
                        (
                            u.src_port.get(),
                            u.dst_port.get(),
                            u.len.get(),
                            u.checksum.get(),
                        )
                    }),
                    payload: (offset_in(packet, d.payload), d.payload.to_vec()),
                })
            }
            Err(e) => Err((kind!($m, e.kind), e.offset)),
        }
    }};
}

type Outcome = Result<Parsed, (Kind, usize)>;

/// Both parsers' outcome on `packet`, which must be the same.
fn parse_both(packet: &[u8]) -> Outcome {
    let old = parse_with!(zerocopy_version, zerocopy, packet);
    let new = parse_with!(zerocast_version, zerocast, packet);
    assert_eq!(old, new, "the parsers disagree on {packet:02x?}");
    new
}

/// Both versions of `decrement_ttl` on copies of `packet`: the same result and bytes.
fn decrement_both(packet: &[u8]) -> (Result<u8, (Kind, usize)>, Vec<u8>) {
    let mut old = packet.to_vec();
    let mut new = packet.to_vec();
    let old_result = zerocopy_version::decrement_ttl(&mut old)
        .map_err(|e| (kind!(zerocopy_version, e.kind), e.offset));
    let new_result = zerocast_version::decrement_ttl(&mut new)
        .map_err(|e| (kind!(zerocast_version, e.kind), e.offset));
    assert_eq!(
        old_result, new_result,
        "decrement_ttl disagrees on {packet:02x?}"
    );
    assert_eq!(
        old, new,
        "decrement_ttl wrote different bytes into {packet:02x?}"
    );
    (new_result, new)
}

// ---------------------------------------------------------------------------------------------
// Valid datagrams.

#[test]
fn a_udp_datagram() {
    let data = b"zerocast";
    let packet = Ip::new(17).packet(&udp(data, None, None));
    let parsed = parse_both(&packet).unwrap();
    assert_eq!(
        parsed,
        Parsed {
            version_ihl: 0x45,
            total_len: 36,
            id: 0x1c46,
            ttl: 64,
            protocol: 17,
            src: SRC,
            dst: DST,
            options: (20, Vec::new()),
            udp: Some((5353, 53, 16, u16::from_be_bytes([packet[26], packet[27]]))),
            payload: (28, data.to_vec()),
        }
    );
    assert_ne!(parsed.udp.unwrap().3, 0);
}

#[test]
fn a_udp_datagram_with_options_an_odd_payload_and_trailing_bytes() {
    // Router alert (RFC 2113): type 0x94, length 4, value 0.
    let data = b"odd";
    let mut packet = Ip::new(17)
        .with_options(&[0x94, 4, 0, 0])
        .packet(&udp(data, None, None));
    packet.extend_from_slice(&[0xee; 5]); // an Ethernet minimum-size pad, past total_len
    let parsed = parse_both(&packet).unwrap();
    assert_eq!(parsed.version_ihl, 0x46);
    assert_eq!(parsed.options, (20, vec![0x94, 4, 0, 0]));
    assert_eq!(parsed.total_len, 24 + 8 + 3);
    assert_eq!(parsed.payload, (32, data.to_vec()));
}

#[test]
fn a_udp_datagram_without_checksum() {
    let packet = Ip::new(17).packet(&udp(b"no sum", None, Some(0)));
    let parsed = parse_both(&packet).unwrap();
    assert_eq!(parsed.udp, Some((5353, 53, 14, 0)));
    assert_eq!(parsed.payload, (28, b"no sum".to_vec()));
}

#[test]
fn tcp_and_icmp_datagrams_are_not_looked_into() {
    for (protocol, data) in [
        (6u8, &b"a TCP segment"[..]),
        (1, &[8, 0, 0xf7, 0xff, 0, 0, 0, 0][..]),
    ] {
        let packet = Ip::new(protocol).packet(data);
        let parsed = parse_both(&packet).unwrap();
        assert_eq!((parsed.protocol, parsed.udp), (protocol, None));
        let named = [
            zerocast_version::Protocol::Tcp,
            zerocast_version::Protocol::Icmp,
        ];
        let named_before = [
            zerocopy_version::Protocol::Tcp,
            zerocopy_version::Protocol::Icmp,
        ];
        assert!(named.iter().any(|p| *p as u8 == protocol));
        assert!(named_before.iter().any(|p| *p as u8 == protocol));
        assert_eq!(parsed.payload, (20, data.to_vec()));
    }
}

// ---------------------------------------------------------------------------------------------
// Invalid datagrams: the same error, at the same offset, from both.

#[test]
fn errors_name_the_check_and_the_offset() {
    let good_udp = udp(b"payload", None, None);
    let with = |f: &dyn Fn(&mut Ip)| {
        let mut ip = Ip::new(17);
        f(&mut ip);
        ip.packet(&good_udp)
    };
    let good = with(&|_| ());
    let cases: Vec<(Vec<u8>, Kind, usize)> = vec![
        (
            good[..19].to_vec(),
            Kind::Truncated {
                needed: 20,
                found: 19,
            },
            0,
        ),
        (
            Vec::new(),
            Kind::Truncated {
                needed: 20,
                found: 0,
            },
            0,
        ),
        (with(&|ip| ip.version = 6), Kind::Version(6), 0),
        (with(&|ip| ip.ihl = 4), Kind::HeaderLen(4), 0),
        // IHL 15 says 60 bytes of header; the input holds 35.
        (
            with(&|ip| ip.ihl = 15),
            Kind::Truncated {
                needed: 60,
                found: 35,
            },
            0,
        ),
        (with(&|ip| ip.total_len = Some(36)), Kind::TotalLen(36), 2),
        (with(&|ip| ip.total_len = Some(19)), Kind::TotalLen(19), 2),
        (
            with(&|ip| ip.checksum = Some(0x1234)),
            Kind::HeaderChecksum(0x1234),
            10,
        ),
        (with(&|ip| ip.flags_fragment = 0x2000), Kind::Fragment, 6), // more fragments
        (with(&|ip| ip.flags_fragment = 0x00b9), Kind::Fragment, 6), // offset 185 * 8
        (with(&|ip| ip.protocol = 2), Kind::Protocol(2), 9),         // IGMP
        (
            with(&|ip| ip.total_len = Some(24)),
            Kind::Truncated {
                needed: 8,
                found: 4,
            },
            20,
        ),
        (
            Ip::new(17).packet(&udp(b"payload", Some(7), None)),
            Kind::UdpLen(7),
            24,
        ),
        (
            Ip::new(17).packet(&udp(b"payload", Some(16), None)),
            Kind::UdpLen(16),
            24,
        ),
        (
            Ip::new(17).packet(&udp(b"payload", None, Some(0xbeef))),
            Kind::UdpChecksum(0xbeef),
            26,
        ),
    ];
    for (packet, kind, offset) in cases {
        assert_eq!(parse_both(&packet), Err((kind, offset)), "{packet:02x?}");
    }
    // A UDP header behind options is found after them.
    let packet = Ip::new(17)
        .with_options(&[1, 1, 1, 0])
        .packet(&udp(b"x", Some(3), None));
    assert_eq!(parse_both(&packet), Err((Kind::UdpLen(3), 28)));
}

/// Every cut and every one-byte change of some valid datagrams: both parsers agree.
#[test]
fn both_parsers_agree_on_every_cut_and_corruption() {
    let packets = [
        Ip::new(17).packet(&udp(b"zerocast", None, None)),
        Ip::new(17)
            .with_options(&[0x94, 4, 0, 0])
            .packet(&udp(b"odd", None, None)),
        Ip::new(6).packet(b"tcp"),
    ];
    // Miri runs the same checks on a sample of the positions.
    let step = if cfg!(miri) { 5 } else { 1 };
    let mut errors = 0;
    for packet in &packets {
        for len in (0..=packet.len()).step_by(step) {
            errors += usize::from(parse_both(&packet[..len]).is_err());
        }
        for i in (0..packet.len()).step_by(step) {
            for change in [0x01u8, 0x10, 0x80, 0xff] {
                let mut bad = packet.clone();
                bad[i] ^= change;
                errors += usize::from(parse_both(&bad).is_err());
            }
        }
    }
    // Most cuts and changes are caught (by a length, a checksum or a field check).
    assert!(errors > 0);
}

// ---------------------------------------------------------------------------------------------
// In-place update through `Ref<&mut [u8], _>`.

#[test]
fn decrement_ttl_updates_the_checksum_as_a_recomputation_would() {
    let ttls: Vec<u8> = if cfg!(miri) {
        vec![2, 64, 128, 255]
    } else {
        (2..=255).collect()
    };
    for id in [0u16, 0x1c46, 0xfffe, 0xffff] {
        for &ttl in &ttls {
            let mut ip = Ip::new(17);
            ip.ttl = ttl;
            ip.id = id;
            let packet = ip.packet(&udp(b"hop", None, None));
            let (result, after) = decrement_both(&packet);
            assert_eq!(result, Ok(ttl - 1));
            ip.ttl = ttl - 1;
            let expected = ip.packet(&udp(b"hop", None, None));
            assert_eq!(after, expected, "ttl {ttl}, id {id:#x}");
            assert_eq!(rfc1071(&after[..20]), 0);
        }
    }
}

#[test]
fn decrement_ttl_errors() {
    for ttl in [0, 1] {
        let mut ip = Ip::new(17);
        ip.ttl = ttl;
        let packet = ip.packet(b"");
        assert_eq!(
            decrement_both(&packet),
            (Err((Kind::TtlExpired, 8)), packet)
        );
    }
    let short = Ip::new(17).packet(b"")[..12].to_vec();
    assert_eq!(
        decrement_both(&short),
        (
            Err((
                Kind::Truncated {
                    needed: 20,
                    found: 12
                },
                0
            )),
            short
        )
    );
}
