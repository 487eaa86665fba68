#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Builds crafted.pcap: IPv4 packets assembled field by field with `struct`, checksums by
RFC 1071 arithmetic written here, independently of zerocast.

The file is big-endian with nanosecond timestamps (magic a1 b2 3c 4d as written) and link
type RAW (101): each record is an IPv4 packet. Addresses are the documentation ranges of
RFC 5737.

Usage: python3 craft_packets.py [out.pcap]
"""
import struct
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "crafted.pcap"


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s > 0xFFFF:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, payload, tos=0, ident=0, df=False, mf=False, frag=0, ttl=64, options=b""):
    assert len(options) % 4 == 0
    ihl = 5 + len(options) // 4
    flags_frag = (0x4000 if df else 0) | (0x2000 if mf else 0) | frag
    total = ihl * 4 + len(payload)
    hdr = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, tos, total, ident, flags_frag, ttl, proto, 0,
                      bytes(src), bytes(dst)) + options
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + payload


def tcp(src, dst, sport, dport, seq, ack, flags, window, urgent=0, options=b"", data=b""):
    assert len(options) % 4 == 0
    offset = 5 + len(options) // 4
    hdr = struct.pack("!HHIIHHHH", sport, dport, seq, ack, offset << 12 | flags, window, 0,
                      urgent) + options
    segment = hdr + data
    pseudo = struct.pack("!4s4sBBH", bytes(src), bytes(dst), 0, 6, len(segment))
    check = csum(pseudo + segment)
    return segment[:16] + struct.pack("!H", check) + segment[18:]


A = [192, 0, 2, 1]
B = [198, 51, 100, 7]
FIN, SYN, RST, PSH, ACK, URG, ECE, CWR = 1, 2, 4, 8, 16, 32, 64, 128

packets = []
# 1. A SYN with the options Linux sends: MSS, SACK permitted, timestamps, NOP, window scale.
#    DSCP 46 (EF), ECN ECT(0), DF.
opts = struct.pack("!BBH", 2, 4, 1460) + bytes([4, 2]) + struct.pack("!BBII", 8, 10, 123456789, 0)
opts += bytes([1, 3, 3, 7])
packets.append(ipv4(A, B, 6, tcp(A, B, 49152, 80, 0x01020304, 0, SYN, 64240, options=opts),
                    tos=46 << 2 | 2, ident=0x1c46, df=True))
# 2. Every control bit, an urgent pointer, 13 bytes of data (odd: the checksum pads it), an IP
#    option (Router Alert, RFC 2113), ECN CE, TTL 1.
packets.append(ipv4(B, A, 6, tcp(B, A, 80, 49152, 0xFFFFFFFF, 0x01020305,
                                 FIN | SYN | RST | PSH | ACK | URG | ECE | CWR, 512, urgent=7,
                                 data=b"hello, world\n"),
                    tos=3, ident=0xABCD, ttl=1, options=bytes([0x94, 0x04, 0, 0])))
# 3. ACK with two SACK blocks after two NOPs, window 0.
sack = bytes([1, 1, 5, 18]) + struct.pack("!IIII", 1000, 2000, 3000, 4000)
packets.append(ipv4(A, B, 6, tcp(A, B, 49152, 80, 0x01020305, 0x00000001, ACK, 0, options=sack),
                    ident=0x1c47, df=True))
# 4. A middle fragment of a UDP datagram: MF set, offset 185 (1480 bytes), 8 bytes of data.
packets.append(ipv4(A, B, 17, bytes(range(8)), ident=0xBEEF, mf=True, frag=185))

with open(out, "wb") as f:
    f.write(struct.pack(">IHHiIII", 0xA1B23C4D, 2, 4, 0, 0, 262144, 101))
    for i, p in enumerate(packets):
        f.write(struct.pack(">IIII", 1700000000 + i, 500 * i, len(p), len(p)))
        f.write(p)
print(f"{out}: {len(packets)} packets")
