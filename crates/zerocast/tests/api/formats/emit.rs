// SPDX-License-Identifier: MIT OR Apache-2.0
//! The write side: `Ipv4Repr::emit`, `TcpRepr::emit` and `elf::Header::emit`, checked by reading
//! back, by RFC 1071 computed by hand, against the captured packets and the committed ELF
//! fixtures byte for byte, and (ELF) by `readelf`.

use std::net::Ipv4Addr;

use zerocast::bitfield::Bounded;
use zerocast_formats::elf::{self, Class, EmitError as ElfEmitError, Encoding, Header};
use zerocast_formats::ipv4::{self, Ecn, EmitError, Ipv4Repr};
use zerocast_formats::tcp::{self, Control, TcpRepr};

use super::elf::{assert_same, ours, readelf, Scratch, FIXTURES};
use super::packets::{completed, ip_packets, pseudo_by_hand, rfc1071, CRAFTED, LOOPBACK};

/// Writes `ip` and, if there is one, `tcp` after it into a buffer of exactly their length.
fn emit_packet(ip: &Ipv4Repr<'_>, tcp: Option<&TcpRepr<'_>>, payload: &[u8]) -> Vec<u8> {
    let mut out = vec![0xa5; ip.header_len() + ip.payload_len];
    let hlen = ip.emit(&mut out).unwrap();
    assert_eq!(hlen, ip.header_len());
    match tcp {
        Some(t) => {
            let n = t.emit(ip.source, ip.destination, &mut out[hlen..]).unwrap();
            assert_eq!(n, ip.payload_len);
        }
        None => out[hlen..].copy_from_slice(payload),
    }
    out
}

#[test]
fn captured_packets_are_emitted_again_byte_for_byte() {
    let mut tcp_segments = 0;
    // The loopback segments carry the kernel's partial checksum (offload); re-emitted, they
    // carry the complete one, which `completed` computes by hand.
    let files: &[(&[u8], bool)] = if cfg!(miri) {
        &[(CRAFTED, false)]
    } else {
        &[(CRAFTED, false), (LOOPBACK, true)]
    };
    for &(file, offloaded) in files {
        for bytes in ip_packets(file) {
            let ip = ipv4::parse(bytes).unwrap();
            let ip_repr = Ipv4Repr::of(&ip);
            let total = usize::from(ip.header.total_length.get());
            let want = if offloaded {
                completed(bytes)
            } else {
                bytes.to_vec()
            };
            let tcp_repr =
                (ip.header.protocol == 6).then(|| TcpRepr::of(&tcp::parse_unchecked(&ip).unwrap()));
            let emitted = emit_packet(&ip_repr, tcp_repr.as_ref(), ip.payload);
            assert_eq!(emitted, want[..total], "{ip}");
            // And read back, they are the same values.
            assert_eq!(Ipv4Repr::parse(&emitted), Ok(ip_repr));
            if let Some(t) = tcp_repr {
                let again = ipv4::parse(&emitted).unwrap();
                assert_eq!(TcpRepr::parse(&again), Ok(t));
                tcp_segments += 1;
            }
        }
    }
    assert_eq!(tcp_segments, if cfg!(miri) { 3 } else { 3 + 10 });
}

/// A packet with IPv4 options, TCP options and an odd amount of data, so that every part of
/// the checksums is exercised.
fn odd_packet<'a>(data: &'a [u8]) -> (Ipv4Repr<'a>, TcpRepr<'a>) {
    let tcp = TcpRepr {
        source_port: 0xfffe,
        destination_port: 443,
        sequence: 0xdead_beef,
        acknowledgment: 0x0102_0304,
        control: Control {
            ack: true,
            psh: true,
            cwr: true,
            ..Control::default()
        },
        window: 0x8000,
        urgent_pointer: 7,
        // Timestamps, NOP, NOP: 12 bytes.
        options: &[8, 10, 0, 0, 0, 1, 0, 0, 0, 2, 1, 1],
        payload: data,
    };
    let ip = Ipv4Repr {
        dscp: Bounded::<u8, 6>::new::<46>(),
        ecn: Ecn::Ect0,
        identification: 0xbeef,
        dont_fragment: false,
        more_fragments: false,
        fragment_offset: Bounded::<u16, 13>::new::<0>(),
        ttl: 1,
        protocol: ipv4::PROTOCOL_TCP,
        source: Ipv4Addr::new(203, 0, 113, 9),
        destination: Ipv4Addr::new(198, 51, 100, 200),
        // Router alert (RFC 2113): 4 bytes.
        options: &[0x94, 0x04, 0x00, 0x00],
        payload_len: tcp.segment_len(),
    };
    (ip, tcp)
}

#[test]
fn emitted_checksums_agree_with_rfc_1071_by_hand() {
    let data = b"odd length!";
    let (ip, t) = odd_packet(data);
    let packet = emit_packet(&ip, Some(&t), &[]);
    // By hand, from RFC 791's and RFC 9293's diagrams.
    assert_eq!(packet[0], 0x46, "version 4, IHL 6");
    assert_eq!(packet[1], 46 << 2 | 0b10, "DSCP EF, ECT(0)");
    assert_eq!(
        usize::from(u16::from_be_bytes([packet[2], packet[3]])),
        packet.len()
    );
    assert_eq!(packet[20..24], [0x94, 0x04, 0x00, 0x00]);
    let segment = &packet[24..];
    assert_eq!(segment[12], 8 << 4, "data offset 8 words");
    assert_eq!(segment[13], 0b1001_1000, "CWR, ACK, PSH");
    assert_eq!(&segment[32..], data);
    // The IPv4 header checksum: the header with the field zeroed, summed by hand.
    let mut zeroed = packet[..24].to_vec();
    zeroed[10..12].fill(0);
    assert_eq!(
        rfc1071(&zeroed),
        u16::from_be_bytes([packet[10], packet[11]])
    );
    // Summed with its checksum in it, a header gives 0.
    assert_eq!(rfc1071(&packet[..24]), 0);
    // The TCP checksum, over the pseudo-header by hand.
    let mut all = pseudo_by_hand(&packet, segment.len());
    all.extend_from_slice(segment);
    assert_eq!(rfc1071(&all), 0);
    all[12 + 16..12 + 18].fill(0);
    assert_eq!(
        rfc1071(&all),
        u16::from_be_bytes([segment[16], segment[17]])
    );
    // The readers agree.
    let parsed = ipv4::parse(&packet).unwrap();
    assert_eq!(Ipv4Repr::of(&parsed), ip);
    assert_eq!(TcpRepr::parse(&parsed), Ok(t));
}

#[test]
fn emit_refuses_what_does_not_fit_and_writes_nothing() {
    let (ip, t) = odd_packet(&[]);
    let mut buf = [0x5a; 80];
    for (options, len) in [(&[1, 1, 1][..], 3), (&[1; 44][..], 44)] {
        let bad = Ipv4Repr { options, ..ip };
        assert_eq!(bad.emit(&mut buf), Err(EmitError::Options { len }));
        let bad = TcpRepr { options, ..t };
        let (s, d) = (ip.source, ip.destination);
        assert_eq!(bad.emit(s, d, &mut buf), Err(EmitError::Options { len }));
    }
    // 40 bytes of options is the most there can be.
    let longest = Ipv4Repr {
        options: &[1; 40],
        ..ip
    };
    assert_eq!(longest.emit(&mut buf), Ok(60));
    assert_eq!(buf[0], 0x4f);
    buf.fill(0x5a);
    let bad = Ipv4Repr {
        payload_len: 65535 - 24 + 1,
        ..ip
    };
    assert_eq!(bad.emit(&mut buf), Err(EmitError::TooLong { len: 65536 }));
    assert_eq!(
        ip.emit(&mut buf[..23]),
        Err(EmitError::BufferTooShort {
            needed: 24,
            found: 23
        })
    );
    assert_eq!(
        t.emit(ip.source, ip.destination, &mut buf[..31]),
        Err(EmitError::BufferTooShort {
            needed: 32,
            found: 31
        })
    );
    assert!(buf.iter().all(|&b| b == 0x5a), "a failed emit wrote");
    let big = vec![0; 65536 - 32];
    let bad = TcpRepr { payload: &big, ..t };
    assert_eq!(
        bad.emit(ip.source, ip.destination, &mut buf),
        Err(EmitError::TooLong { len: 65536 })
    );
}

/// A header of every class and byte order, with values that show up in readelf's report.
fn headers() -> Vec<Header> {
    let mut out = Vec::new();
    for (class, data, e_type, e_machine) in [
        (Class::Elf32, Encoding::Little, 2, 3),   // EXEC, i386
        (Class::Elf32, Encoding::Big, 1, 8),      // REL, MIPS
        (Class::Elf64, Encoding::Little, 3, 183), // DYN, AArch64
        (Class::Elf64, Encoding::Big, 4, 21),     // CORE, PowerPC64
    ] {
        let mut h = Header::new(class, data, e_type, e_machine);
        h.e_entry = 0x0040_1000;
        h.e_flags = 0x5;
        h.ident[7] = 3; // GNU
        h.os_abi = 3;
        if class == Class::Elf64 {
            h.e_entry = 0x1234_5678_9abc;
        }
        out.push(h);
    }
    out
}

#[test]
fn emitted_headers_read_back_equal() {
    for h in headers() {
        let mut buf = vec![0; h.size() + 3];
        assert_eq!(h.emit(&mut buf), Ok(h.size()));
        assert_eq!(elf::parse_header(&buf), Ok(h));
        assert_eq!(buf[h.size()..], [0; 3], "wrote past the header");
        // The byte order, by hand: e_type is the 16 bits after e_ident.
        let e_type = match h.data {
            Encoding::Little => u16::from_le_bytes([buf[16], buf[17]]),
            Encoding::Big => u16::from_be_bytes([buf[16], buf[17]]),
        };
        assert_eq!(e_type, h.e_type);
        assert_eq!(usize::from(h.e_ehsize), h.size());
    }
}

#[test]
fn fixture_headers_are_emitted_again_byte_for_byte() {
    for (name, file, _) in FIXTURES {
        let h = elf::parse_header(file).unwrap();
        let mut buf = vec![0; h.size()];
        h.emit(&mut buf).unwrap();
        assert_eq!(buf, file[..h.size()], "{name}");
    }
}

#[test]
fn elf_emit_refuses_what_does_not_fit_and_writes_nothing() {
    let h = Header::new(Class::Elf32, Encoding::Little, 2, 3);
    let mut buf = [0x5a; 64];
    for (field, value) in [
        ("e_entry", 1 << 32),
        ("e_phoff", u64::MAX),
        ("e_shoff", 1 << 40),
    ] {
        let mut bad = h;
        match field {
            "e_entry" => bad.e_entry = value,
            "e_phoff" => bad.e_phoff = value,
            _ => bad.e_shoff = value,
        }
        assert_eq!(
            bad.emit(&mut buf),
            Err(ElfEmitError::DoesNotFit { field, value })
        );
    }
    // `ident` must agree with the fields it repeats.
    let mut bad = h;
    bad.os_abi = 9;
    assert_eq!(
        bad.emit(&mut buf),
        Err(ElfEmitError::Ident {
            index: 7,
            found: 0,
            expected: 9
        })
    );
    let mut bad = h;
    bad.ident[0] = 0;
    assert_eq!(
        bad.emit(&mut buf),
        Err(ElfEmitError::Ident {
            index: 0,
            found: 0,
            expected: 0x7f
        })
    );
    assert_eq!(
        h.emit(&mut buf[..51]),
        Err(ElfEmitError::BufferTooShort {
            needed: 52,
            found: 51
        })
    );
    assert!(buf.iter().all(|&b| b == 0x5a), "a failed emit wrote");
}

/// readelf's value for `key` in the header part of its report.
fn value<'a>(report: &'a [String], key: &str) -> &'a str {
    report
        .iter()
        .find_map(|l| l.trim().strip_prefix(key))
        .unwrap_or_else(|| panic!("no {key} in {report:?}"))
        .trim()
}

/// Emitted headers, alone in a file, are what readelf says they are.
#[test]
#[cfg_attr(miri, ignore = "runs readelf")]
fn readelf_reads_emitted_headers() {
    let scratch = Scratch::new("emit");
    let expected = [
        ("ELF32", "little", "EXEC", "Intel 80386", "0x401000"),
        ("ELF32", "big", "REL", "MIPS R3000", "0x401000"),
        ("ELF64", "little", "DYN", "AArch64", "0x123456789abc"),
        ("ELF64", "big", "CORE", "PowerPC64", "0x123456789abc"),
    ];
    for (h, (class, data, kind, machine, entry)) in headers().into_iter().zip(expected) {
        let mut file = vec![0; h.size()];
        h.emit(&mut file).unwrap();
        let path = scratch.0.join(format!("{class}-{data}"));
        std::fs::write(&path, &file).unwrap();
        let theirs = readelf(&path).unwrap_or_else(|| panic!("readelf refused {class} {data}"));
        assert_eq!(value(&theirs, "Class:"), class);
        assert_eq!(
            value(&theirs, "Data:"),
            format!("2's complement, {data} endian")
        );
        assert_eq!(value(&theirs, "Type:"), kind);
        assert_eq!(value(&theirs, "Machine:"), machine);
        assert_eq!(value(&theirs, "OS/ABI:"), "UNIX - GNU");
        assert_eq!(value(&theirs, "Version:"), "1 (current)");
        assert_eq!(value(&theirs, "Entry point address:"), entry);
        assert_eq!(value(&theirs, "Flags:"), "0x5");
        assert_eq!(
            value(&theirs, "Size of this header:"),
            format!("{} (bytes)", h.size())
        );
        assert_eq!(value(&theirs, "Number of section headers:"), "0");
        // And line for line what our reader prints for the same bytes.
        assert_same(&ours(&file).unwrap(), &theirs, class);
    }
}
