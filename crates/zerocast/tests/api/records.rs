// SPDX-License-Identifier: MIT OR Apache-2.0
//! Variable-length records on real formats, each built byte by byte here: netlink attributes
//! (nested too), ELF notes (constructed, and read from `/bin/ls` and checked against
//! `readelf -n`), a pcap capture, IPv4 options; and the derive's attribute keys.
//!
//! Expected values come from the formats' own rules (`nla_len` counts the 4-byte header,
//! attributes align to 4; a note's name and descriptor are each padded to 4; a pcap record is
//! 16 bytes plus `incl_len`), never from zerocast's output.

use core::mem::size_of_val;

use zerocast::record::{
    record_from_bytes, record_from_prefix, LengthUnit, RecordErrorKind, RecordLength, Records,
    RecordsMut,
};
use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record, TryFromBytes, Unaligned};

use crate::common::{addr, addr_of};

/// `bytes` copied into a buffer aligned to 8 (a `Vec<u64>`'s), which the returned closure's
/// caller views as bytes.
pub(crate) fn aligned(bytes: &[u8]) -> Vec<u64> {
    let mut words = vec![0u64; bytes.len().div_ceil(8)];
    words.as_mut_bytes()[..bytes.len()].copy_from_slice(bytes);
    words
}

/// The first `len` bytes of an aligned buffer.
pub(crate) fn view(words: &[u64], len: usize) -> &[u8] {
    &words.as_bytes()[..len]
}

// ---------------------------------------------------------------------------------------------
// Netlink attributes (`struct nlattr`, include/uapi/linux/netlink.h).

pub(crate) const NLA_F_NESTED: u16 = 1 << 15;

#[derive(KnownLayout, FromBytes, Immutable, Record, Debug)]
#[repr(C)]
#[zerocast(len = nla_len, unit = bytes, includes_header, align = 4)]
pub(crate) struct NlAttr {
    pub(crate) nla_len: u16,
    pub(crate) nla_type: u16,
    pub(crate) data: [u8],
}

/// The same with byte-array fields: alignment 1, so no padding after an odd payload, which
/// makes it `IntoBytes` and so viewable mutably.
#[derive(KnownLayout, FromBytes, IntoBytes, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = u16::from_ne_bytes(self.nla_len), includes_header, align = 4)]
pub(crate) struct NlAttrBytes {
    pub(crate) nla_len: [u8; 2],
    pub(crate) nla_type: [u8; 2],
    pub(crate) data: [u8],
}

/// Appends one attribute as `nla_put` does: header, payload, zero padding to 4.
pub(crate) fn put_attr(out: &mut Vec<u8>, ty: u16, payload: &[u8]) {
    let len = u16::try_from(4 + payload.len()).unwrap();
    out.extend_from_slice(&len.to_ne_bytes());
    out.extend_from_slice(&ty.to_ne_bytes());
    out.extend_from_slice(payload);
    while out.len() % 4 != 0 {
        out.push(0);
    }
}

/// An `RTM_NEWLINK`-style attribute set: IFLA_IFNAME "veth0", IFLA_MTU 1500, and
/// IFLA_LINKINFO (nested) holding IFLA_INFO_KIND "veth" and IFLA_INFO_DATA (nested) holding
/// VETH_INFO_PEER with a 3-byte payload.
pub(crate) fn link_message() -> Vec<u8> {
    let mut peer = Vec::new();
    put_attr(&mut peer, 1, &[0xaa, 0xbb, 0xcc]);
    let mut info = Vec::new();
    put_attr(&mut info, 1, b"veth\0");
    put_attr(&mut info, 2 | NLA_F_NESTED, &peer);
    let mut msg = Vec::new();
    put_attr(&mut msg, 3, b"veth0\0");
    put_attr(&mut msg, 4, &1500u32.to_ne_bytes());
    put_attr(&mut msg, 18 | NLA_F_NESTED, &info);
    msg
}

#[test]
fn netlink_attributes() {
    let msg = link_message();
    // 4 + 6 = 10, padded to 12; 4 + 4 = 8; the nested set: 4 + (12 + (4 + 8)) = 28.
    assert_eq!(msg.len(), 12 + 8 + 28);
    let buf = aligned(&msg);
    let bytes = view(&buf, msg.len());

    let attrs: Vec<&NlAttr> = Records::<NlAttr>::new(bytes)
        .collect::<Result<_, _>>()
        .unwrap();
    let got: Vec<(usize, u16, &[u8])> = attrs
        .iter()
        .map(|a| (addr_of(*a) - addr(bytes), a.nla_type, &a.data))
        .collect();
    assert_eq!(got[0], (0, 3, &b"veth0\0"[..]));
    assert_eq!(got[1], (12, 4, &1500u32.to_ne_bytes()[..]));
    assert_eq!((got[2].0, got[2].1), (20, 18 | NLA_F_NESTED));
    assert_eq!(got.len(), 3);
    // The typed view is exactly the header and the declared payload (10 is even: no padding).
    assert_eq!(size_of_val(attrs[0]), 10);

    // Nested attributes: the payload is itself a run of attributes.
    let info: Vec<&NlAttr> = Records::<NlAttr>::new(&attrs[2].data)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(info.len(), 2);
    assert_eq!((info[0].nla_type, &info[0].data), (1, &b"veth\0"[..]));
    assert_eq!(info[1].nla_type, 2 | NLA_F_NESTED);
    let peer = record_from_bytes::<NlAttr>(&info[1].data).unwrap();
    assert_eq!((peer.nla_len, peer.nla_type), (7, 1));
    assert_eq!(&peer.data, &[0xaa, 0xbb, 0xcc]);
    // 7 bytes, odd: the view has `NlAttr`'s own 1 byte of trailing padding (alignment 2).
    assert_eq!(size_of_val(peer), 8);
}

#[test]
fn netlink_errors_at_their_offsets() {
    let msg = link_message();
    let at = |cut_len: usize, patch: &dyn Fn(&mut Vec<u8>)| {
        let mut m = msg[..cut_len].to_vec();
        patch(&mut m);
        let buf = aligned(&m);
        let mut it = Records::<NlAttr>::new(view(&buf, m.len()));
        let err = it.by_ref().find_map(Result::err).unwrap();
        assert!(it.next().is_none(), "fused after the error");
        (err.record_offset(), err.kind())
    };
    // Truncated in the second attribute's header: 3 of its 4 bytes.
    assert_eq!(
        at(15, &|_| {}),
        (
            12,
            RecordErrorKind::TruncatedHeader {
                needed: 4,
                available: 3
            }
        )
    );
    // Truncated in the third attribute's payload: it declares 28, 10 are there.
    assert_eq!(
        at(30, &|_| {}),
        (
            20,
            RecordErrorKind::PastEnd {
                needed: 28,
                available: 10
            }
        )
    );
    // `nla_len` 3 at the second attribute: shorter than the 4-byte header it counts.
    assert_eq!(
        at(msg.len(), &|m| m[12..14]
            .copy_from_slice(&3u16.to_ne_bytes())),
        (
            12,
            RecordErrorKind::LengthTooShort {
                declared: 3,
                min: 4
            }
        )
    );
    // A last attribute with an odd length and no padding: its view needs 1 byte more.
    let mut m = Vec::new();
    put_attr(&mut m, 1, b"x");
    m.truncate(5);
    let buf = aligned(&m);
    let e = record_from_bytes::<NlAttr>(view(&buf, 5)).unwrap_err();
    assert_eq!(
        e.kind(),
        RecordErrorKind::PastEnd {
            needed: 6,
            available: 5
        }
    );
    // The padding of the last attribute may be missing (`nla_ok` accepts that too): the first
    // attribute, 10 bytes and 2 of padding, alone, with 0, 1 or 2 bytes of its padding.
    let buf = aligned(&msg);
    let all = view(&buf, msg.len());
    for len in 10..=12 {
        let a = record_from_bytes::<NlAttr>(&all[..len]).unwrap();
        assert_eq!(&a.data, b"veth0\0");
        assert_eq!(Records::<NlAttr>::new(&all[..len]).count(), 1);
    }
    let e = record_from_bytes::<NlAttr>(&all[..13]).unwrap_err();
    assert_eq!(
        (e.offset(), e.kind()),
        (12, RecordErrorKind::TrailingBytes { at: 12, extra: 1 })
    );
    // Misaligned: an attribute at an odd address.
    let e = record_from_prefix::<NlAttr>(&all[1..]).unwrap_err();
    assert_eq!(
        e.kind(),
        RecordErrorKind::Misaligned {
            align: 2,
            misalignment: 1
        }
    );
}

#[test]
fn netlink_in_place_edit() {
    let msg = link_message();
    let mut buf = aligned(&msg);
    let bytes = &mut buf.as_mut_bytes()[..msg.len()];
    for attr in RecordsMut::<NlAttrBytes>::new(bytes) {
        let attr = attr.unwrap();
        if u16::from_ne_bytes(attr.nla_type) == 4 {
            attr.data.copy_from_slice(&9000u32.to_ne_bytes());
        }
    }
    let mut expected = msg.clone();
    expected[16..20].copy_from_slice(&9000u32.to_ne_bytes());
    assert_eq!(view(&buf, msg.len()), &expected[..]);
}

// ---------------------------------------------------------------------------------------------
// ELF notes (`Elf64_Nhdr`, the System V ABI): name and descriptor each padded to 4 bytes.

#[derive(KnownLayout, FromBytes, Immutable, Record, Debug)]
#[repr(C)]
#[zerocast(len = note_payload(self.n_namesz, self.n_descsz), align = 4)]
pub(crate) struct Note {
    pub(crate) n_namesz: u32,
    pub(crate) n_descsz: u32,
    pub(crate) n_type: u32,
    pub(crate) data: [u8],
}

fn pad4(n: u32) -> Option<usize> {
    usize::try_from(n).ok()?.checked_next_multiple_of(4)
}

/// The bytes after a note's header: the name and the descriptor, each padded to 4.
pub(crate) fn note_payload(namesz: u32, descsz: u32) -> Option<usize> {
    pad4(namesz)?.checked_add(pad4(descsz)?)
}

impl Note {
    /// The name, with its terminating NUL.
    pub(crate) fn name(&self) -> &[u8] {
        // PANIC: the record's payload is `pad4(namesz) + pad4(descsz)` bytes.
        &self.data[..self.n_namesz as usize]
    }

    pub(crate) fn desc(&self) -> &[u8] {
        let start = pad4(self.n_namesz).unwrap();
        &self.data[start..start + self.n_descsz as usize]
    }
}

/// Appends a note: header, name + NUL padded to 4, descriptor padded to 4.
pub(crate) fn put_note(out: &mut Vec<u8>, name: &[u8], ty: u32, desc: &[u8]) {
    let namesz = u32::try_from(name.len() + 1).unwrap();
    out.extend_from_slice(&namesz.to_ne_bytes());
    out.extend_from_slice(&u32::try_from(desc.len()).unwrap().to_ne_bytes());
    out.extend_from_slice(&ty.to_ne_bytes());
    out.extend_from_slice(name);
    out.push(0);
    while out.len() % 4 != 0 {
        out.push(0);
    }
    out.extend_from_slice(desc);
    while out.len() % 4 != 0 {
        out.push(0);
    }
}

const NT_GNU_ABI_TAG: u32 = 1;
const NT_GNU_BUILD_ID: u32 = 3;

#[test]
fn elf_notes_built_here() {
    let build_id: Vec<u8> = (0..20u8).map(|i| i * 13).collect();
    let abi: Vec<u8> = [0u32, 3, 2, 0]
        .iter()
        .flat_map(|w| w.to_ne_bytes())
        .collect();
    let mut sec = Vec::new();
    put_note(&mut sec, b"GNU", NT_GNU_BUILD_ID, &build_id);
    put_note(&mut sec, b"GNU", NT_GNU_ABI_TAG, &abi);
    put_note(&mut sec, b"Linux", 0x100, b"abc"); // 6-byte name, 3-byte desc: both padded
    assert_eq!(sec.len(), (12 + 4 + 20) + (12 + 4 + 16) + (12 + 8 + 4));
    let buf = aligned(&sec);
    let notes: Vec<&Note> = Records::<Note>::new(view(&buf, sec.len()))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(notes.len(), 3);
    assert_eq!(
        (notes[0].name(), notes[0].desc()),
        (&b"GNU\0"[..], &build_id[..])
    );
    assert_eq!(
        (notes[1].n_type, notes[1].desc()),
        (NT_GNU_ABI_TAG, &abi[..])
    );
    assert_eq!(
        (notes[2].name(), notes[2].desc()),
        (&b"Linux\0"[..], &b"abc"[..])
    );
    assert_eq!(addr_of(notes[2]) - addr(view(&buf, 1)), 36 + 32);

    // A descriptor size past the section's end, at the second note (offset 36).
    let mut bad = sec.clone();
    bad[36 + 4..36 + 8].copy_from_slice(&u32::MAX.to_ne_bytes());
    let buf = aligned(&bad);
    let err = Records::<Note>::new(view(&buf, bad.len()))
        .find_map(Result::err)
        .unwrap();
    assert_eq!(err.record_offset(), 36);
    assert!(matches!(
        err.kind(),
        RecordErrorKind::PastEnd { .. } | RecordErrorKind::Overflow
    ));
}

/// Notes read from a binary of this machine. Miri cannot open files or run programs;
/// `elf_notes_built_here` covers the parsing there.
#[cfg(not(miri))]
mod elf_file {
    use super::*;

    /// The ELF64 file header (only what the walk needs is read).
    #[derive(FromBytes, KnownLayout, Immutable)]
    #[repr(C)]
    struct Elf64Ehdr {
        e_ident: [u8; 16],
        e_type: u16,
        e_machine: u16,
        e_version: u32,
        e_entry: u64,
        e_phoff: u64,
        e_shoff: u64,
        e_flags: u32,
        e_ehsize: u16,
        e_phentsize: u16,
        e_phnum: u16,
        e_shentsize: u16,
        e_shnum: u16,
        e_shstrndx: u16,
    }

    #[derive(FromBytes, KnownLayout, Immutable)]
    #[repr(C)]
    struct Elf64Shdr {
        sh_name: u32,
        sh_type: u32,
        sh_flags: u64,
        sh_addr: u64,
        sh_offset: u64,
        sh_size: u64,
        sh_link: u32,
        sh_info: u32,
        sh_addralign: u64,
        sh_entsize: u64,
    }

    const SHT_NOTE: u32 = 7;

    /// `(section name, bytes)` of every note section of an ELF64 file of this machine's byte order.
    fn note_sections(file: &[u8]) -> Vec<(String, Vec<u8>)> {
        let (eh, _) = Elf64Ehdr::read_from_prefix(file).unwrap();
        assert_eq!(&eh.e_ident[..4], b"\x7fELF");
        assert_eq!(eh.e_ident[4], 2, "ELF64");
        assert_eq!(
            eh.e_ident[5],
            if cfg!(target_endian = "little") { 1 } else { 2 }
        );
        assert_eq!(usize::from(eh.e_shentsize), size_of::<Elf64Shdr>());
        let shdr = |i: usize| {
            let at = eh.e_shoff as usize + i * size_of::<Elf64Shdr>();
            Elf64Shdr::read_from_prefix(&file[at..]).unwrap().0
        };
        let strtab = shdr(usize::from(eh.e_shstrndx));
        let name = |off: u32| {
            let s = &file[strtab.sh_offset as usize + off as usize..];
            String::from_utf8(s[..s.iter().position(|&b| b == 0).unwrap()].to_vec()).unwrap()
        };
        (0..usize::from(eh.e_shnum))
            .map(shdr)
            .filter(|s| s.sh_type == SHT_NOTE)
            .map(|s| {
                let start = s.sh_offset as usize;
                (
                    name(s.sh_name),
                    file[start..start + s.sh_size as usize].to_vec(),
                )
            })
            .collect()
    }

    /// The notes of `/bin/ls`, found with the walk above, against `readelf -n /bin/ls`: the same
    /// sections with the same owners and descriptor sizes, the same build ID, the same ABI tag.
    #[test]
    fn elf_notes_of_bin_ls_match_readelf() {
        use std::fmt::Write;
        let path = "/bin/ls";
        let file = std::fs::read(path).unwrap();
        let mut ours = String::new();
        let mut build_id = None;
        let mut abi_tag = None;
        for (section, bytes) in note_sections(&file) {
            writeln!(ours, "{section}").unwrap();
            let buf = aligned(&bytes);
            for note in Records::<Note>::new(view(&buf, bytes.len())) {
                let note = note.unwrap();
                let owner = String::from_utf8_lossy(note.name().strip_suffix(b"\0").unwrap());
                writeln!(ours, "  {owner} {:#010x}", note.n_descsz).unwrap();
                match (section.as_str(), note.n_type) {
                    (".note.gnu.build-id", NT_GNU_BUILD_ID) => {
                        build_id = Some(note.desc().iter().map(|b| format!("{b:02x}")).collect());
                    }
                    (".note.ABI-tag", NT_GNU_ABI_TAG) => {
                        let w: Vec<u32> = note
                            .desc()
                            .chunks_exact(4)
                            .map(|c| u32::read_from_bytes(c).unwrap())
                            .collect();
                        abi_tag = Some(format!("ABI: {}.{}.{}", w[1], w[2], w[3]));
                    }
                    _ => {}
                }
            }
        }
        let out = std::process::Command::new("readelf")
            .args(["-n", path])
            .output()
            .expect("readelf (binutils) is needed to check the notes of /bin/ls");
        let text = String::from_utf8(out.stdout).unwrap();
        let mut theirs = String::new();
        let mut their_id = None;
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            if let Some(s) = line.strip_prefix("Displaying notes found in: ") {
                writeln!(theirs, "{}", s.trim()).unwrap();
            } else if words.len() >= 2 && words[1].starts_with("0x") && words[0] != "Owner" {
                writeln!(theirs, "  {} {}", words[0], words[1]).unwrap();
            }
            // On a line of its own, or at the end of the owner's line with `-W`.
            if let Some((_, id)) = line.split_once("Build ID: ") {
                their_id = Some(id.trim().to_string());
            }
        }
        assert_eq!(ours, theirs);
        assert!(ours.contains(".note.gnu.build-id"), "{ours}");
        assert!(their_id.is_some(), "{text}");
        assert_eq!(build_id, their_id);
        let abi_tag = abi_tag.expect("/bin/ls has an ABI tag note");
        assert!(text.contains(&abi_tag), "{abi_tag} not in {text}");
    }
}

// ---------------------------------------------------------------------------------------------
// pcap (libpcap's file format): a 24-byte file header, then records of a 16-byte header and
// `incl_len` bytes of packet, unaligned and unpadded. Written little-endian here.

#[derive(KnownLayout, FromBytes, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = u32::from_le_bytes(self.incl_len))]
pub(crate) struct PcapRecord {
    pub(crate) ts_sec: [u8; 4],
    pub(crate) ts_usec: [u8; 4],
    pub(crate) incl_len: [u8; 4],
    pub(crate) orig_len: [u8; 4],
    pub(crate) data: [u8],
}

#[derive(KnownLayout, FromBytes, Immutable, Unaligned)]
#[repr(C)]
struct PcapFileHeader {
    magic: [u8; 4],
    version_major: [u8; 2],
    version_minor: [u8; 2],
    thiszone: [u8; 4],
    sigfigs: [u8; 4],
    snaplen: [u8; 4],
    linktype: [u8; 4],
}

/// `(ts_sec, ts_usec, orig_len, packet)` of each record.
pub(crate) type Packet = (u32, u32, u32, Vec<u8>);

pub(crate) fn pcap_packets() -> Vec<Packet> {
    // An ARP request (42 bytes, padded to Ethernet's 60), a 1514-byte frame captured to 64,
    // and an empty record.
    let mut arp = vec![0xff; 6];
    arp.extend_from_slice(&[0x02, 0, 0, 0, 0, 1, 0x08, 0x06]);
    arp.extend((0..46).map(|i| i as u8));
    let frame: Vec<u8> = (0..64).map(|i| (i * 3) as u8).collect();
    vec![
        (1_700_000_000, 1, 60, arp),
        (1_700_000_000, 250_000, 1514, frame),
        (1_700_000_001, 0, 0, Vec::new()),
    ]
}

pub(crate) fn pcap_file(packets: &[Packet]) -> Vec<u8> {
    let mut f = Vec::new();
    f.extend_from_slice(&0xa1b2_c3d4u32.to_le_bytes());
    f.extend_from_slice(&2u16.to_le_bytes());
    f.extend_from_slice(&4u16.to_le_bytes());
    f.extend_from_slice(&[0; 8]);
    f.extend_from_slice(&65535u32.to_le_bytes());
    f.extend_from_slice(&1u32.to_le_bytes()); // LINKTYPE_ETHERNET
    for (sec, usec, orig, data) in packets {
        f.extend_from_slice(&sec.to_le_bytes());
        f.extend_from_slice(&usec.to_le_bytes());
        f.extend_from_slice(&u32::try_from(data.len()).unwrap().to_le_bytes());
        f.extend_from_slice(&orig.to_le_bytes());
        f.extend_from_slice(data);
    }
    f
}

#[test]
fn pcap_capture() {
    let packets = pcap_packets();
    let file = pcap_file(&packets);
    assert_eq!(file.len(), 24 + (16 + 60) + (16 + 64) + 16);
    // Unaligned types: any offset will do, so view the file at an odd address too.
    let mut shifted = vec![0u8];
    shifted.extend_from_slice(&file);
    for bytes in [&file[..], &shifted[1..]] {
        let (hdr, records) = PcapFileHeader::ref_from_prefix(bytes).unwrap();
        assert_eq!(u32::from_le_bytes(hdr.magic), 0xa1b2_c3d4);
        assert_eq!(u16::from_le_bytes(hdr.version_major), 2);
        assert_eq!(u16::from_le_bytes(hdr.version_minor), 4);
        assert_eq!(hdr.thiszone, [0; 4]);
        assert_eq!(hdr.sigfigs, [0; 4]);
        assert_eq!(u32::from_le_bytes(hdr.snaplen), 65535);
        assert_eq!(u32::from_le_bytes(hdr.linktype), 1);
        let got: Vec<Packet> = Records::<PcapRecord>::new(records)
            .map(|r| {
                let r = r.unwrap();
                (
                    u32::from_le_bytes(r.ts_sec),
                    u32::from_le_bytes(r.ts_usec),
                    u32::from_le_bytes(r.orig_len),
                    r.data.to_vec(),
                )
            })
            .collect();
        assert_eq!(got, packets);
    }

    // A record that claims more than the file holds: the second one, at file offset 24 + 76.
    let mut bad = file.clone();
    bad[100 + 8..100 + 12].copy_from_slice(&1000u32.to_le_bytes());
    let mut it = Records::<PcapRecord>::new(&bad[24..]);
    assert!(it.next().unwrap().is_ok());
    let e = it.next().unwrap().unwrap_err();
    assert_eq!(24 + e.record_offset(), 100);
    assert_eq!(
        e.kind(),
        RecordErrorKind::PastEnd {
            needed: 1016,
            available: 16 + 64 + 16
        }
    );
    assert_eq!(it.remainder(), &bad[100..]);
    assert!(it.next().is_none());
}

// ---------------------------------------------------------------------------------------------
// IPv4 (RFC 791): IHL counts 32-bit words, the 20-byte fixed header included; options follow.

#[derive(KnownLayout, FromBytes, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = self.version_ihl & 0x0f, unit = elements, includes_header)]
struct Ipv4 {
    version_ihl: u8,
    tos: u8,
    total_len: [u8; 2],
    id: [u8; 2],
    frag: [u8; 2],
    ttl: u8,
    proto: u8,
    checksum: [u8; 2],
    src: [u8; 4],
    dst: [u8; 4],
    options: [[u8; 4]],
}

#[test]
fn ipv4_options() {
    assert_eq!(
        <Ipv4 as Record>::LENGTH,
        RecordLength::elements().including_header()
    );
    // IHL 6: one option word (Router Alert, RFC 2113), then a 2-byte payload.
    let mut pkt = vec![0x46, 0, 0, 26, 0, 1, 0, 0, 1, 2, 0, 0];
    pkt.extend_from_slice(&[10, 0, 0, 1, 224, 0, 0, 22]);
    pkt.extend_from_slice(&[0x94, 0x04, 0, 0, 0xab, 0xcd]);
    let (ip, payload) = record_from_prefix::<Ipv4>(&pkt).unwrap();
    assert_eq!(ip.options, [[0x94, 0x04, 0, 0]]);
    assert_eq!((ip.proto, ip.dst), (2, [224, 0, 0, 22]));
    assert_eq!(payload, [0xab, 0xcd]);
    // IHL 5: no options. IHL 4: less than the header itself.
    pkt[0] = 0x45;
    assert!(record_from_prefix::<Ipv4>(&pkt)
        .unwrap()
        .0
        .options
        .is_empty());
    pkt[0] = 0x44;
    let e = record_from_prefix::<Ipv4>(&pkt).unwrap_err();
    assert_eq!(
        e.kind(),
        RecordErrorKind::LengthTooShort {
            declared: 4,
            min: 5
        }
    );
    // IHL 15: 60 bytes, more than the 26 there are.
    pkt[0] = 0x4f;
    let e = record_from_prefix::<Ipv4>(&pkt).unwrap_err();
    assert_eq!(
        e.kind(),
        RecordErrorKind::PastEnd {
            needed: 60,
            available: 26
        }
    );
}

// ---------------------------------------------------------------------------------------------
// The derive's keys.

/// `bias`: the length counts the word after it (`kind`, in the fixed part) and the body.
#[derive(KnownLayout, FromBytes, Immutable, Record, Debug)]
#[repr(C)]
#[zerocast(len = words, unit = elements, bias = 1)]
struct Biased {
    words: u16,
    kind: u16,
    body: [u16],
}

/// An SSH binary packet (RFC 4253, 6): `packet_length` (big-endian) counts the bytes after
/// it: `padding_length`, the payload and the random padding.
#[derive(KnownLayout, FromBytes, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = u32::from_be_bytes(self.packet_length), bias = 1)]
struct SshPacket {
    packet_length: [u8; 4],
    padding_length: u8,
    rest: [u8],
}

/// A generic record, its length an `Option` computed by checked arithmetic.
#[derive(KnownLayout, FromBytes, Immutable, Record)]
#[repr(C)]
#[zerocast(len = self.count.checked_sub(1), unit = elements)]
struct Generic<T> {
    count: u8,
    body: [T],
}

/// Trailing elements that must be checked.
#[derive(KnownLayout, TryFromBytes, Immutable, Record, Debug)]
#[repr(C)]
#[zerocast(len = n, unit = elements)]
struct Flags {
    n: u8,
    flags: [bool],
}

/// Record keys together with `crate = ...` and other derives, which ignore them.
#[derive(KnownLayout, FromBytes, Immutable, Unaligned, Record)]
#[zerocast(crate = "zerocast")]
#[repr(C)]
#[zerocast(len = hdr.len, align = 2)]
struct WithHeader {
    hdr: TlvHeader,
    value: [u8],
}

/// A record whose tail is itself slice-tailed: a netlink attribute whose payload is viewed as
/// a 4-byte head (`struct ifaddrmsg`-like) and the bytes after it.
#[derive(KnownLayout, FromBytes, Immutable, Record, Debug)]
#[repr(C)]
#[zerocast(len = nla_len, includes_header, align = 4)]
struct NestedTail {
    nla_len: u16,
    nla_type: u16,
    #[zerocast(dst)]
    body: Body,
}

#[derive(KnownLayout, FromBytes, Immutable, Debug)]
#[repr(C)]
struct Body {
    family: u8,
    prefixlen: u8,
    flags: u8,
    scope: u8,
    rest: [u8],
}

#[derive(KnownLayout, FromBytes, IntoBytes, Immutable, Unaligned)]
#[repr(C)]
struct TlvHeader {
    tag: u8,
    len: u8,
}

#[test]
fn derive_keys() {
    assert_eq!(<Biased as Record>::LENGTH.unit(), LengthUnit::Elements);
    assert_eq!(<Biased as Record>::LENGTH.bias(), 1);
    let words = [3u16, 1, 7, 8];
    let b = record_from_bytes::<Biased>(words.as_bytes()).unwrap();
    assert_eq!((b.kind, &b.body), (1, &[7, 8][..]));
    let e = record_from_bytes::<Biased>([0u16, 9].as_bytes()).unwrap_err();
    assert_eq!(
        e.kind(),
        RecordErrorKind::LengthTooShort {
            declared: 0,
            min: 1
        }
    );

    // packet_length 8: padding_length 4, a 3-byte payload, 4 bytes of padding.
    let pkt = [0, 0, 0, 8, 4, b'a', b'b', b'c', 0, 0, 0, 0, 0xee];
    let (p, next) = record_from_prefix::<SshPacket>(&pkt).unwrap();
    assert_eq!((p.padding_length, &p.rest), (4, &pkt[5..12]));
    assert_eq!(next, [0xee]);
    let e = record_from_prefix::<SshPacket>(&[0, 0, 0, 0, 0]).unwrap_err();
    assert_eq!(
        e.kind(),
        RecordErrorKind::LengthTooShort {
            declared: 0,
            min: 1
        }
    );

    let g = record_from_prefix::<Generic<u8>>(&[3, 10, 20, 30]).unwrap();
    assert_eq!((&g.0.body, g.1), (&[10u8, 20][..], &[30u8][..]));
    let e = record_from_prefix::<Generic<u8>>(&[0, 1]).err().unwrap();
    assert_eq!(e.kind(), RecordErrorKind::Overflow);

    let f = record_from_bytes::<Flags>(&[2, 1, 0]).unwrap();
    assert_eq!(&f.flags, &[true, false]);
    let mut it = Records::<Flags>::new(&[1, 1, 3, 0, 1, 2]);
    assert!(it.next().unwrap().is_ok());
    let e = it.next().unwrap().unwrap_err();
    // The second record starts at 2; its `flags[1]` (byte 5 of the input) is 2.
    assert_eq!((e.record_offset(), e.offset()), (2, 5));
    match e.kind() {
        RecordErrorKind::Invalid(bits) => assert_eq!((bits.offset(), bits.found()), (3, Some(2))),
        other => panic!("{other:?}"),
    }

    // `nla_len` 10: the 4-byte header, the body's 4-byte head, 2 more bytes. The body's head
    // lies before the trailing elements, so `includes_header` counts it too.
    let mut m = Vec::new();
    put_attr(&mut m, 8, &[2, 24, 0x80, 0, 0xaa, 0xbb]);
    let buf = aligned(&m);
    let n = record_from_bytes::<NestedTail>(view(&buf, m.len())).unwrap();
    assert_eq!((n.body.family, n.body.prefixlen), (2, 24));
    assert_eq!(&n.body.rest, &[0xaa, 0xbb]);

    let r = record_from_bytes::<WithHeader>(&[9, 3, b'a', b'b', b'c', 0]).unwrap();
    assert_eq!((r.hdr.tag, &r.value), (9, &b"abc"[..]));
}

#[test]
fn errors_display() {
    let msg = link_message();
    let buf = aligned(&msg);
    let e = Records::<NlAttr>::new(view(&buf, 30))
        .find_map(Result::err)
        .unwrap();
    assert_eq!(
        e.to_string(),
        format!(
            "record at byte 20: the declared length makes `{}` 28 bytes, but 10 are left",
            core::any::type_name::<NlAttr>()
        )
    );
    let e = record_from_bytes::<Flags>(&[1, 7]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "record at byte 0: 0x7 is not a valid `bool` at byte offset 1 (field `flags` of `Flags`) \
         of the record"
    );
}
