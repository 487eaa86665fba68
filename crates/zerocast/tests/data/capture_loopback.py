#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Captures one TCP conversation over this machine's loopback device into loopback.pcap.

Needs root (an AF_PACKET socket). The client sets IP options (three NOPs and an End of Option
List: IHL 6) and a TOS byte of 0xb8 (DSCP 46, Expedited Forwarding); it sends 5 bytes, the
server answers 11, and both close. Every packet is the Linux kernel's own. The IPv4 header
checksums are the kernel's; the TCP checksum fields hold only the pseudo-header sum, because
the loopback device offloads the rest of the checksum and nothing ever completes it.

Usage: python3 capture_loopback.py [out.pcap]
"""
import socket
import struct
import sys
import threading
import time

ETH_P_ALL = 0x0003
out = sys.argv[1] if len(sys.argv) > 1 else "loopback.pcap"

sniffer = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
sniffer.bind(("lo", 0))
sniffer.settimeout(1.0)

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(("127.0.0.1", 0))
server.listen(1)
port = server.getsockname()[1]


def serve():
    conn, _ = server.accept()
    data = conn.recv(100)
    conn.sendall(b"pong " + data + b"!")
    conn.close()


thread = threading.Thread(target=serve)
thread.start()
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.setsockopt(socket.IPPROTO_IP, socket.IP_OPTIONS, b"\x01\x01\x01\x00")
client.setsockopt(socket.IPPROTO_IP, socket.IP_TOS, 0xB8)
client.connect(("127.0.0.1", port))
client.sendall(b"ping!")
reply = client.recv(100)
assert reply == b"pong ping!!", reply
client.close()
thread.join()

frames = []
deadline = time.time() + 3
while time.time() < deadline:
    try:
        frame, addr = sniffer.recvfrom(65535)
    except socket.timeout:
        break
    # Each packet is seen leaving and arriving; keep the arrivals, and only this conversation.
    if addr[2] == socket.PACKET_OUTGOING or len(frame) < 14 + 20 + 4:
        continue
    ihl = (frame[14] & 0x0F) * 4
    sport, dport = struct.unpack_from("!HH", frame, 14 + ihl)
    if frame[14 + 9] == 6 and port in (sport, dport):
        frames.append((time.time(), frame))

with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    for ts, frame in frames:
        sec = int(ts)
        f.write(struct.pack("<IIII", sec, int((ts - sec) * 1e6), len(frame), len(frame)))
        f.write(frame)
print(f"{out}: {len(frames)} packets")
