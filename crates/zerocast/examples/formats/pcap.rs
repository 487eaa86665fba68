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
pub(crate) struct FileHeader<O: ByteOrder> {
    pub(crate) magic: U32<O>,
    pub(crate) version_major: U16<O>,
    pub(crate) version_minor: U16<O>,
    pub(crate) thiszone: U32<O>,
    pub(crate) sigfigs: U32<O>,
    pub(crate) snaplen: U32<O>,
    pub(crate) linktype: U32<O>,
}

/// One packet record: a 16-byte header, then `incl_len` bytes of the packet.
#[derive(FromBytes, KnownLayout, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = self.incl_len.get())]
pub(crate) struct PacketRecord<O: ByteOrder> {
    pub(crate) ts_sec: U32<O>,
    pub(crate) ts_frac: U32<O>,
    pub(crate) incl_len: U32<O>,
    pub(crate) orig_len: U32<O>,
    pub(crate) data: [u8],
}

/// The magic number of a file with microsecond timestamps.
pub(crate) const MAGIC: u32 = 0xa1b2_c3d4;
/// The magic number of a file with nanosecond timestamps.
pub(crate) const MAGIC_NANOS: u32 = 0xa1b2_3c4d;

/// `LINKTYPE_ETHERNET`.
pub(crate) const LINKTYPE_ETHERNET: u32 = 1;
/// `LINKTYPE_RAW`: the packet starts with its IP header.
pub(crate) const LINKTYPE_RAW: u32 = 101;
/// `LINKTYPE_IPV4`.
pub(crate) const LINKTYPE_IPV4: u32 = 228;

/// One captured packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Packet<'a> {
    pub(crate) ts_sec: u32,
    pub(crate) ts_frac: u32,
    pub(crate) orig_len: u32,
    pub(crate) data: &'a [u8],
}

/// A parsed capture file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Capture<'a> {
    pub(crate) linktype: u32,
    pub(crate) nanos: bool,
    pub(crate) packets: Vec<Packet<'a>>,
}

/// Why bytes are not a capture file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PcapError {
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
pub(crate) fn parse(file: &[u8]) -> Result<Capture<'_>, PcapError> {
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
pub(crate) struct EthernetHeader {
    pub(crate) destination: [u8; 6],
    pub(crate) source: [u8; 6],
    pub(crate) ethertype: U16<BigEndian>,
}

/// `ethertype` of IPv4.
pub(crate) const ETHERTYPE_IPV4: u16 = 0x0800;

/// The IPv4 packet inside a captured frame of link type `linktype`, if it holds one.
pub(crate) fn ipv4_of(linktype: u32, frame: &[u8]) -> Option<&[u8]> {
    match linktype {
        LINKTYPE_ETHERNET => {
            let (eth, rest) = EthernetHeader::ref_from_prefix(frame).ok()?;
            (eth.ethertype.get() == ETHERTYPE_IPV4).then_some(rest)
        }
        LINKTYPE_RAW | LINKTYPE_IPV4 => Some(frame),
        _ => None,
    }
}
