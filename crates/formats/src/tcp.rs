// SPDX-License-Identifier: MIT OR Apache-2.0
//! The TCP header (RFC 9293, section 3.1), its options, and its checksum over the IPv4
//! pseudo-header.
//!
//! ```text
//!  0                   1                   2                   3
//!  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |          Source Port          |       Destination Port        |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |                        Sequence Number                        |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |                    Acknowledgment Number                      |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |  Data |       |C|E|U|A|P|R|S|F|                               |
//! | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
//! |       |       |R|E|G|K|H|T|N|N|                               |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |           Checksum            |         Urgent Pointer        |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! |                           [Options]                           |
//! +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//! ```
//!
//! The header is a record: the data offset counts its 32-bit words, options included. The
//! reserved bits "must be ignored in received segments" (RFC 9293), so they are `_` here.
//! Options are kind-length-value records, except End of Option List (0) and No-Operation (1),
//! which are one byte.
//!
//! [`parse`] views a segment in place; [`TcpRepr`] is the segment as plain values, smoltcp's
//! `Repr`: [`TcpRepr::parse`] reads one, [`TcpRepr::emit`] writes header and data with the
//! checksum over the pseudo-header filled in, through a mutable view of the same [`TcpHeader`].

use core::fmt;
use std::net::Ipv4Addr;

use zerocast::byteorder::{BigEndian, U16, U32};
use zerocast::record::{record_from_prefix, RecordError};
use zerocast::{
    bitfield, FromBytes, Immutable, IntoBytes, KnownLayout, Record, TryFromBytes, Unaligned,
};

use crate::checksum::Checksum;
use crate::ipv4::{words_with, EmitError, Ipv4, PROTOCOL_TCP};

bitfield! {
    /// Bytes 12 and 13: the data offset (header length in 32-bit words) and the control bits.
    pub struct OffsetFlags(U16<BigEndian>) {
        15:12 data_offset as u8;
        11:8 _;
        7 cwr as bool;
        6 ece as bool;
        5 urg as bool;
        4 ack as bool;
        3 psh as bool;
        2 rst as bool;
        1 syn as bool;
        0 fin as bool;
    }
}

impl OffsetFlags {
    /// The names of the control bits set, in header order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        [
            (self.cwr(), "CWR"),
            (self.ece(), "ECE"),
            (self.urg(), "URG"),
            (self.ack(), "ACK"),
            (self.psh(), "PSH"),
            (self.rst(), "RST"),
            (self.syn(), "SYN"),
            (self.fin(), "FIN"),
        ]
        .into_iter()
        .filter_map(|(set, name)| set.then_some(name))
    }
}

/// The TCP header, options included: as long as its data offset says.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = self.offset_flags.data_offset().get(), unit = elements, includes_header)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct TcpHeader {
    pub source_port: U16<BigEndian>,
    pub destination_port: U16<BigEndian>,
    pub sequence: U32<BigEndian>,
    pub acknowledgment: U32<BigEndian>,
    pub offset_flags: OffsetFlags,
    pub window: U16<BigEndian>,
    pub checksum: U16<BigEndian>,
    pub urgent_pointer: U16<BigEndian>,
    /// The options and their padding, `data offset - 5` words.
    pub options: [[u8; 4]],
}

impl TcpHeader {
    /// The header's length in bytes, options included.
    #[expect(
        clippy::len_without_is_empty,
        reason = "a header is never empty: it has at least 20 bytes"
    )]
    pub fn len(&self) -> usize {
        self.as_bytes().len()
    }

    /// The options, one by one.
    pub fn options(&self) -> TcpOptions<'_> {
        TcpOptions {
            rest: self.options.as_flattened(),
            offset: 0,
        }
    }
}

/// The IPv4 pseudo-header the TCP checksum covers (RFC 9293, section 3.1).
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct PseudoHeader {
    pub source: [u8; 4],
    pub destination: [u8; 4],
    pub zero: u8,
    pub protocol: u8,
    /// The TCP header and data length, in bytes.
    pub tcp_length: U16<BigEndian>,
}

impl PseudoHeader {
    /// The pseudo-header of a TCP segment carried in `ip`, or `None` if the segment is longer
    /// than a 16-bit length.
    pub fn of(ip: &Ipv4<'_>) -> Option<PseudoHeader> {
        Some(PseudoHeader {
            source: ip.header.source,
            destination: ip.header.destination,
            zero: 0,
            protocol: PROTOCOL_TCP,
            tcp_length: U16::new(u16::try_from(ip.payload.len()).ok()?),
        })
    }
}

/// The checksum `segment` (TCP header and data) should carry under `pseudo`: computed with
/// the checksum field (bytes 16 and 17) taken as zero.
pub fn computed_checksum(pseudo: &PseudoHeader, segment: &[u8]) -> u16 {
    Checksum::new()
        .add(pseudo.as_bytes())
        .add(segment.get(..16).unwrap_or_default())
        .add(segment.get(18..).unwrap_or_default())
        .finish()
}

/// What a sender that leaves the checksum to its network card (checksum offload, as Linux
/// does on the loopback device) puts in the field: the folded pseudo-header sum, which the card
/// would then complete over the segment.
pub fn offloaded_checksum(pseudo: &PseudoHeader) -> u16 {
    Checksum::new().add(pseudo.as_bytes()).fold()
}

/// One TCP option (RFC 9293 section 3.2, RFC 7323, RFC 2018).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "the variants' fields are the facts the variant docs name"
)]
pub enum TcpOption<'a> {
    /// Kind 0: the end of the list; what follows is padding.
    End,
    /// Kind 1: padding between options.
    Nop,
    /// Kind 2: the maximum segment size.
    Mss(u16),
    /// Kind 3: the window scale shift.
    WindowScale(u8),
    /// Kind 4: selective acknowledgments are permitted.
    SackPermitted,
    /// Kind 5: selectively acknowledged blocks, `(left, right)` edges.
    Sack(&'a [SackBlock]),
    /// Kind 8: the timestamps, `(TSval, TSecr)`.
    Timestamps(u32, u32),
    /// Any other kind, with its data.
    Other { kind: u8, data: &'a [u8] },
}

impl fmt::Display for TcpOption<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TcpOption::End => write!(f, "end of options"),
            TcpOption::Nop => write!(f, "no-operation"),
            TcpOption::Mss(m) => write!(f, "maximum segment size {m}"),
            TcpOption::WindowScale(s) => write!(f, "window scale {s}"),
            TcpOption::SackPermitted => write!(f, "SACK permitted"),
            TcpOption::Sack(blocks) => {
                write!(f, "SACK")?;
                for b in *blocks {
                    write!(f, " {}-{}", b.left.get(), b.right.get())?;
                }
                Ok(())
            }
            TcpOption::Timestamps(val, ecr) => write!(f, "timestamps {val} {ecr}"),
            TcpOption::Other { kind, data } => write!(f, "kind {kind}, data {data:02x?}"),
        }
    }
}

/// One block of a SACK option.
#[derive(FromBytes, KnownLayout, Immutable, Unaligned, Debug, PartialEq, Eq)]
#[repr(C)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct SackBlock {
    pub left: U32<BigEndian>,
    pub right: U32<BigEndian>,
}

/// A kind-length-value option: `length` counts the kind and length bytes too.
#[derive(FromBytes, KnownLayout, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = length, includes_header)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct RawOption {
    pub kind: u8,
    pub length: u8,
    pub data: [u8],
}

/// Why an option could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "the variants' fields are the facts the variant docs name"
)]
pub enum OptionError {
    /// The option at byte `offset` of the options has a length below 2 or past their end.
    Record { offset: usize, error: RecordError },
    /// A known kind with a length its definition does not allow.
    BadLength { offset: usize, kind: u8, length: u8 },
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionError::Record { offset, error } => {
                write!(f, "TCP option at option byte {offset}: {error}")
            }
            OptionError::BadLength {
                offset,
                kind,
                length,
            } => write!(
                f,
                "TCP option of kind {kind} at option byte {offset} has length {length}, which \
                 its kind does not allow"
            ),
        }
    }
}

/// The options of a TCP header; yields an error and stops at the first malformed one.
#[derive(Debug, Clone)]
pub struct TcpOptions<'a> {
    rest: &'a [u8],
    /// The offset of `rest` in the options.
    offset: usize,
}

impl<'a> Iterator for TcpOptions<'a> {
    type Item = Result<TcpOption<'a>, OptionError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (&kind, after) = self.rest.split_first()?;
        match kind {
            0 => {
                // Everything after the end of the list is padding.
                self.rest = &[];
                return Some(Ok(TcpOption::End));
            }
            1 => {
                self.rest = after;
                self.offset += 1;
                return Some(Ok(TcpOption::Nop));
            }
            _ => {}
        }
        let offset = self.offset;
        let (raw, rest) = match record_from_prefix::<RawOption>(self.rest) {
            Ok(r) => r,
            Err(e) => {
                self.rest = &[];
                return Some(Err(OptionError::Record { offset, error: e }));
            }
        };
        self.offset += self.rest.len() - rest.len();
        self.rest = rest;
        let data = &raw.data;
        let option = match kind {
            2 => U16::<BigEndian>::read_from_bytes(data)
                .ok()
                .map(|v| TcpOption::Mss(v.get())),
            3 => u8::read_from_bytes(data).ok().map(TcpOption::WindowScale),
            4 => data.is_empty().then_some(TcpOption::SackPermitted),
            5 => <[SackBlock]>::ref_from_bytes(data)
                .ok()
                .map(TcpOption::Sack),
            8 => <[U32<BigEndian>; 2]>::read_from_bytes(data)
                .ok()
                .map(|[val, ecr]| TcpOption::Timestamps(val.get(), ecr.get())),
            _ => Some(TcpOption::Other { kind, data }),
        };
        Some(option.ok_or(OptionError::BadLength {
            offset,
            kind,
            length: raw.length,
        }))
    }
}

/// A parsed TCP segment: the header, viewed in place, and the data.
#[derive(Debug, Clone, Copy)]
pub struct Tcp<'a> {
    /// The header, options included, viewed in place.
    pub header: &'a TcpHeader,
    /// The data after the header.
    pub data: &'a [u8],
}

/// Why an IPv4 payload is not a valid TCP segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "the variants' fields are the facts the variant docs name"
)]
pub enum TcpError {
    /// The IPv4 protocol is not TCP.
    NotTcp { protocol: u8 },
    /// The header could not be read: too short, or a data offset below 5 or past the end.
    Header(RecordError),
    /// The segment is longer than the pseudo-header's 16-bit length can say.
    TooLong { len: usize },
    /// The checksum is wrong.
    Checksum { found: u16, computed: u16 },
}

impl fmt::Display for TcpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TcpError::NotTcp { protocol } => write!(f, "IPv4 protocol {protocol} is not TCP (6)"),
            TcpError::Header(e) => write!(f, "TCP header: {e}"),
            TcpError::TooLong { len } => write!(f, "TCP segment of {len} bytes is too long"),
            TcpError::Checksum { found, computed } => write!(
                f,
                "TCP checksum is {found:#06x}, but the segment sums to {computed:#06x}"
            ),
        }
    }
}

impl std::error::Error for TcpError {}

/// Reads the TCP segment carried by `ip`; checks its checksum over the pseudo-header.
pub fn parse<'a>(ip: &Ipv4<'a>) -> Result<Tcp<'a>, TcpError> {
    let tcp = parse_unchecked(ip)?;
    let pseudo = PseudoHeader::of(ip).ok_or(TcpError::TooLong {
        len: ip.payload.len(),
    })?;
    let computed = computed_checksum(&pseudo, ip.payload);
    let found = tcp.header.checksum.get();
    if found != computed {
        return Err(TcpError::Checksum { found, computed });
    }
    Ok(tcp)
}

/// [`parse`] without the checksum: for segments captured before a NIC (or the loopback
/// device) filled it in.
pub fn parse_unchecked<'a>(ip: &Ipv4<'a>) -> Result<Tcp<'a>, TcpError> {
    if ip.header.protocol != PROTOCOL_TCP {
        return Err(TcpError::NotTcp {
            protocol: ip.header.protocol,
        });
    }
    let (header, data) = record_from_prefix::<TcpHeader>(ip.payload).map_err(TcpError::Header)?;
    Ok(Tcp { header, data })
}

impl fmt::Display for Tcp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = self.header;
        let of = h.offset_flags;
        writeln!(
            f,
            "TCP {} -> {}",
            h.source_port.get(),
            h.destination_port.get()
        )?;
        writeln!(
            f,
            "  seq {}, ack {}, data offset {} ({} bytes), flags [{}]",
            h.sequence.get(),
            h.acknowledgment.get(),
            of.data_offset(),
            h.len(),
            of.names().collect::<Vec<_>>().join(" "),
        )?;
        write!(
            f,
            "  window {}, checksum {:#06x}, urgent pointer {}",
            h.window.get(),
            h.checksum.get(),
            h.urgent_pointer.get()
        )?;
        for option in h.options() {
            match option {
                Ok(TcpOption::Nop | TcpOption::End) => {}
                Ok(o) => write!(f, "\n  option: {o}")?,
                Err(e) => write!(f, "\n  {e}")?,
            }
        }
        write!(f, "\n  {} bytes of data", self.data.len())
    }
}

/// The control bits of a segment (byte 13), by name.
#[expect(
    clippy::struct_excessive_bools,
    reason = "eight independent bits, named as RFC 9293 names them"
)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Control {
    /// CWR: congestion window reduced (RFC 3168).
    pub cwr: bool,
    /// ECE: ECN echo (RFC 3168).
    pub ece: bool,
    /// URG: the urgent pointer is significant.
    pub urg: bool,
    /// ACK: the acknowledgment number is significant.
    pub ack: bool,
    /// PSH: push.
    pub psh: bool,
    /// RST: reset the connection.
    pub rst: bool,
    /// SYN: synchronize sequence numbers.
    pub syn: bool,
    /// FIN: no more data from the sender.
    pub fin: bool,
}

impl Control {
    /// The control bits of `of`.
    #[must_use]
    pub fn of(of: OffsetFlags) -> Control {
        Control {
            cwr: of.cwr(),
            ece: of.ece(),
            urg: of.urg(),
            ack: of.ack(),
            psh: of.psh(),
            rst: of.rst(),
            syn: of.syn(),
            fin: of.fin(),
        }
    }

    /// `of` with these control bits.
    #[must_use]
    pub fn apply(self, of: OffsetFlags) -> OffsetFlags {
        of.with_cwr(self.cwr)
            .with_ece(self.ece)
            .with_urg(self.urg)
            .with_ack(self.ack)
            .with_psh(self.psh)
            .with_rst(self.rst)
            .with_syn(self.syn)
            .with_fin(self.fin)
    }
}

/// A TCP segment as plain values: what [`TcpRepr::emit`] needs to write one. The data offset
/// and the checksum follow from the rest; the reserved bits are written as zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TcpRepr<'a> {
    /// The source port.
    pub source_port: u16,
    /// The destination port.
    pub destination_port: u16,
    /// The sequence number.
    pub sequence: u32,
    /// The acknowledgment number.
    pub acknowledgment: u32,
    /// The control bits.
    pub control: Control,
    /// The window.
    pub window: u16,
    /// The urgent pointer.
    pub urgent_pointer: u16,
    /// The options and their padding: a multiple of 4 bytes, at most 40.
    pub options: &'a [u8],
    /// The data after the header.
    pub payload: &'a [u8],
}

impl<'a> TcpRepr<'a> {
    /// Reads the TCP segment carried by `ip`; checks it as [`parse`] does, checksum included.
    ///
    /// # Errors
    ///
    /// As [`parse`].
    pub fn parse(ip: &Ipv4<'a>) -> Result<TcpRepr<'a>, TcpError> {
        parse(ip).map(|t| TcpRepr::of(&t))
    }

    /// The values of a segment [`parse`] or [`parse_unchecked`] has read.
    #[must_use]
    pub fn of(t: &Tcp<'a>) -> TcpRepr<'a> {
        let h = t.header;
        TcpRepr {
            source_port: h.source_port.get(),
            destination_port: h.destination_port.get(),
            sequence: h.sequence.get(),
            acknowledgment: h.acknowledgment.get(),
            control: Control::of(h.offset_flags),
            window: h.window.get(),
            urgent_pointer: h.urgent_pointer.get(),
            options: h.options.as_flattened(),
            payload: t.data,
        }
    }

    /// The length of the header: 20 bytes and the options.
    #[must_use]
    pub fn header_len(&self) -> usize {
        20usize.saturating_add(self.options.len())
    }

    /// The length of the segment [`emit`](TcpRepr::emit) writes: header and payload.
    #[must_use]
    pub fn segment_len(&self) -> usize {
        self.header_len().saturating_add(self.payload.len())
    }

    /// Writes the segment, header then payload, at the start of `buf`, with the checksum over
    /// the pseudo-header of `source` and `destination`; returns the segment's length.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::net::Ipv4Addr;
    /// use zerocast_formats::tcp::{Control, TcpRepr};
    ///
    /// let syn = TcpRepr {
    ///     source_port: 40000,
    ///     destination_port: 80,
    ///     sequence: 1,
    ///     acknowledgment: 0,
    ///     control: Control { syn: true, ..Control::default() },
    ///     window: 65535,
    ///     urgent_pointer: 0,
    ///     options: &[2, 4, 0x05, 0xb4], // MSS 1460
    ///     payload: &[],
    /// };
    /// let (source, destination) = (Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2));
    /// let mut segment = [0; 24];
    /// assert_eq!(syn.emit(source, destination, &mut segment), Ok(24));
    /// assert_eq!(segment[12..14], [0x60, 0x02]); // data offset 6, SYN
    /// ```
    ///
    /// # Errors
    ///
    /// [`EmitError::Options`] if the options are not whole words or more than 10 of them,
    /// [`EmitError::TooLong`] if the segment exceeds 65535 bytes (the pseudo-header's length),
    /// [`EmitError::BufferTooShort`] if it does not fit `buf`. Nothing is written then.
    pub fn emit(
        &self,
        source: Ipv4Addr,
        destination: Ipv4Addr,
        buf: &mut [u8],
    ) -> Result<usize, EmitError> {
        let words = words_with(self.options)?;
        let len = self.segment_len();
        let tcp_length = u16::try_from(len).map_err(|_| EmitError::TooLong { len })?;
        let found = buf.len();
        let too_short = EmitError::BufferTooShort { needed: len, found };
        let segment = buf.get_mut(..len).ok_or(too_short)?;
        let offset_flags = OffsetFlags::new()
            .try_with_data_offset(words)
            .map(|of| self.control.apply(of))
            .map_err(|_| EmitError::Options {
                len: self.options.len(),
            })?;
        segment.fill(0);
        // Every bit pattern of the fixed part is a header; the data offset is set below.
        let (h, data) = TcpHeader::try_mut_from_prefix_with_elems(segment, self.options.len() / 4)
            .map_err(|_| too_short)?;
        h.source_port = U16::new(self.source_port);
        h.destination_port = U16::new(self.destination_port);
        h.sequence = U32::new(self.sequence);
        h.acknowledgment = U32::new(self.acknowledgment);
        h.offset_flags = offset_flags;
        h.window = U16::new(self.window);
        h.urgent_pointer = U16::new(self.urgent_pointer);
        for (to, from) in h.options.as_flattened_mut().iter_mut().zip(self.options) {
            *to = *from;
        }
        // `data` is the rest of `segment`: exactly the payload's length.
        for (to, from) in data.iter_mut().zip(self.payload) {
            *to = *from;
        }
        let pseudo = PseudoHeader {
            source: source.octets(),
            destination: destination.octets(),
            zero: 0,
            protocol: PROTOCOL_TCP,
            tcp_length: U16::new(tcp_length),
        };
        let sum = computed_checksum(&pseudo, segment);
        let (h, _) = TcpHeader::try_mut_from_prefix_with_elems(segment, self.options.len() / 4)
            .map_err(|_| too_short)?;
        h.checksum = U16::new(sum);
        Ok(len)
    }
}
