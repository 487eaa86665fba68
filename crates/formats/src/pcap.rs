// SPDX-License-Identifier: MIT OR Apache-2.0
//! libpcap capture files: a file header, then one record per packet, in the byte order of the
//! machine that wrote them (told by the magic number).
//!
//! See the libpcap file format (draft-ietf-opsawg-pcap). Every field is a byte-order integer
//! generic over the order, so both orders share the definitions.

use core::fmt;

use zerocast::byteorder::{BigEndian, ByteOrder, LittleEndian, U16, U32};
use zerocast::record::{RecordError, Records};
use zerocast::{FromBytes, Immutable, KnownLayout, Record, Unaligned};

/// The file header (24 bytes).
#[derive(FromBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct FileHeader<O: ByteOrder> {
    pub magic: U32<O>,
    pub version_major: U16<O>,
    pub version_minor: U16<O>,
    pub thiszone: U32<O>,
    pub sigfigs: U32<O>,
    pub snaplen: U32<O>,
    pub linktype: U32<O>,
}

/// One packet record: a 16-byte header, then `incl_len` bytes of the packet.
#[derive(FromBytes, KnownLayout, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = self.incl_len.get())]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct PacketRecord<O: ByteOrder> {
    pub ts_sec: U32<O>,
    pub ts_frac: U32<O>,
    pub incl_len: U32<O>,
    pub orig_len: U32<O>,
    pub data: [u8],
}

/// The magic number of a file with microsecond timestamps.
pub const MAGIC: u32 = 0xa1b2_c3d4;
/// The magic number of a file with nanosecond timestamps.
pub const MAGIC_NANOS: u32 = 0xa1b2_3c4d;

/// `LINKTYPE_ETHERNET`.
pub const LINKTYPE_ETHERNET: u32 = 1;
/// `LINKTYPE_RAW`: the packet starts with its IP header.
pub const LINKTYPE_RAW: u32 = 101;
/// `LINKTYPE_IPV4`.
pub const LINKTYPE_IPV4: u32 = 228;

/// One captured packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Packet<'a> {
    /// The timestamp's seconds.
    pub ts_sec: u32,
    /// The timestamp's fraction of a second, in micro- or nanoseconds.
    pub ts_frac: u32,
    /// The packet's length on the wire, which the capture may have cut.
    pub orig_len: u32,
    /// The bytes captured.
    pub data: &'a [u8],
}

/// A parsed capture file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture<'a> {
    /// The link type of every packet (`LINKTYPE_*`).
    pub linktype: u32,
    /// Whether the timestamps' fractions are nanoseconds (else microseconds).
    pub nanos: bool,
    /// The packets, in file order.
    pub packets: Vec<Packet<'a>>,
}

/// Why bytes are not a capture file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "the variants' fields are the facts the variant docs name"
)]
pub enum PcapError {
    /// Fewer than 24 bytes.
    Short { len: usize },
    /// The magic number is none of the four.
    BadMagic([u8; 4]),
    /// A packet record is malformed (runs past the end of the file).
    Record(RecordError),
}

impl fmt::Display for PcapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PcapError::Short { len } => {
                write!(
                    f,
                    "a pcap file header needs 24 bytes, but the file has {len}"
                )
            }
            PcapError::BadMagic(m) => write!(f, "not a pcap file: the magic is {m:02x?}"),
            PcapError::Record(e) => write!(
                f,
                "pcap record at file offset {}: {e}",
                24 + e.record_offset()
            ),
        }
    }
}

impl std::error::Error for PcapError {}

/// Reads a capture file of either byte order.
pub fn parse(file: &[u8]) -> Result<Capture<'_>, PcapError> {
    let Ok((magic, _)) = <[u8; 4]>::read_from_prefix(file) else {
        return Err(PcapError::Short { len: file.len() });
    };
    let le = u32::from_le_bytes(magic);
    let be = u32::from_be_bytes(magic);
    match (le, be) {
        (MAGIC | MAGIC_NANOS, _) => parse_as::<LittleEndian>(file, le == MAGIC_NANOS),
        (_, MAGIC | MAGIC_NANOS) => parse_as::<BigEndian>(file, be == MAGIC_NANOS),
        _ => Err(PcapError::BadMagic(magic)),
    }
}

fn parse_as<O: ByteOrder + 'static>(file: &[u8], nanos: bool) -> Result<Capture<'_>, PcapError> {
    let (header, records) =
        FileHeader::<O>::ref_from_prefix(file).map_err(|_| PcapError::Short { len: file.len() })?;
    let packets = Records::<PacketRecord<O>>::new(records)
        .map(|r| {
            r.map(|r| Packet {
                ts_sec: r.ts_sec.get(),
                ts_frac: r.ts_frac.get(),
                orig_len: r.orig_len.get(),
                data: &r.data,
            })
        })
        .collect::<Result<_, _>>()
        .map_err(PcapError::Record)?;
    Ok(Capture {
        linktype: header.linktype.get(),
        nanos,
        packets,
    })
}

/// An Ethernet II header (14 bytes).
#[derive(FromBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
#[expect(
    missing_docs,
    reason = "the fields carry the names the specification gives them; the doc above cites it"
)]
pub struct EthernetHeader {
    pub destination: [u8; 6],
    pub source: [u8; 6],
    pub ethertype: U16<BigEndian>,
}

/// `ethertype` of IPv4.
pub const ETHERTYPE_IPV4: u16 = 0x0800;

/// The IPv4 packet inside a captured frame of link type `linktype`, if it holds one.
pub fn ipv4_of(linktype: u32, frame: &[u8]) -> Option<&[u8]> {
    match linktype {
        LINKTYPE_ETHERNET => {
            let (eth, rest) = EthernetHeader::ref_from_prefix(frame).ok()?;
            (eth.ethertype.get() == ETHERTYPE_IPV4).then_some(rest)
        }
        LINKTYPE_RAW | LINKTYPE_IPV4 => Some(frame),
        _ => None,
    }
}
