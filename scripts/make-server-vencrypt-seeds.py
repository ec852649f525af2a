#!/usr/bin/env python3
"""Writes the seeds of ServerVeNCryptFuzzTest (rfb-core io.vncstream.rfb.fuzz): a client's side of
VeNCrypt against a server that offers it. First byte: the selector (bit 0 password, so X509Vnc
is offered, else X509None; bit 1 unencrypted allowed too; 0x80 one byte per read). Run from the
repository root."""
import os
import struct

DIR = "rfb-core/src/test/resources/io/vncstream/rfb/fuzz/ServerVeNCryptFuzzTestInputs/serverReadsClientVeNCrypt"
u32 = lambda v: struct.pack(">I", v)
V38 = b"RFB 003.008\n"
# A TLS record header announcing a ClientHello that never completes.
HELLO_START = bytes.fromhex("16 0301 0200 01 0001fc 0303".replace(" ", "")) + bytes(32)

seeds = {
    "x509vnc-then-tls-hello": b"\x01" + V38 + b"\x13" + b"\x00\x02" + u32(261) + HELLO_START,
    "x509none-then-tls-hello": b"\x00" + V38 + b"\x13" + b"\x00\x02" + u32(260) + HELLO_START,
    "x509none-one-byte-per-read": b"\x80" + V38 + b"\x13" + b"\x00\x02" + u32(260) + HELLO_START,
    "unencrypted-allowed-vnc-auth": b"\x03" + V38 + b"\x02" + bytes(16) + b"\x01",
    "unencrypted-allowed-none": b"\x02" + V38 + b"\x01" + b"\x01",
    "wrong-vencrypt-version": b"\x01" + V38 + b"\x13" + b"\x00\x01",
    "wrong-sub-type": b"\x00" + V38 + b"\x13" + b"\x00\x02" + u32(257),
    "rfb33-refused": b"\x01" + b"RFB 003.003\n",
}
os.makedirs(DIR, exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(DIR, name), "wb") as f:
        f.write(data)
