#!/usr/bin/env python3
"""Writes the seed inputs of the rfb-core fuzz tests (io.vncstream.rfb.fuzz): valid messages
from RFC 6143 and the stream extension spec, so regression mode (every `mvn test`) walks the
real paths of each parser and fuzzing starts from them. Each seed's first byte is the fuzz
test's selector (see FuzzInput: low 3 bits = pixel format, bit 0 = password, 0x80 = one byte per
read); the rest is the peer's bytes. Run from the repository root; seeds found by fuzzing
(crash-*, named after the bug) are kept next to these and never overwritten."""
import os
import struct
import zlib

ROOT = "rfb-core/src/test/resources/io/vncstream/rfb/fuzz"

u8 = lambda v: struct.pack(">B", v)
u16 = lambda v: struct.pack(">H", v)
u32 = lambda v: struct.pack(">I", v)
s32 = lambda v: struct.pack(">i", v)

RAW, COPYRECT, RRE, HEXTILE, ZLIB, TIGHT, ZRLE = 0, 1, 2, 5, 6, 7, 16
CURSOR, DESKTOP_SIZE, LAST_RECT, EXT_KEY, DESKTOP_NAME, EXT_DESKTOP_SIZE, STREAMS = -239, -223, -224, -258, -307, -308, -260
POINTER_CHANGE, AUDIO, LED_STATE, VMWARE_LED_STATE, XVP, CURSOR_ALPHA = -257, -259, -261, 0x574D5668, -309, -314
FENCE, CONTINUOUS_UPDATES, EXT_CLIPBOARD = -312, -313, -1063131698


def rect(x, y, w, h, enc, body=b""):
    return u16(x) + u16(y) + u16(w) + u16(h) + s32(enc) + body


def update(*rects):
    return u8(0) + u8(0) + u16(len(rects)) + b"".join(rects)


# Pixel bytes per selector (see FuzzInput.FORMATS): 0 32-bit LE, 3 16-bit 565 LE, 6 8-bit colour map.
def px32(r, g, b):
    return bytes([b, g, r, 0])


def px16(r, g, b):
    return struct.pack("<H", ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3))


def cpixel(r, g, b):  # ZRLE CPIXEL / Tight TPIXEL for format 0: 3 bytes
    return bytes([b, g, r])


def tpixel(r, g, b):  # Tight TPIXEL for 32/24 8-8-8: always r, g, b
    return bytes([r, g, b])


def compact_length(n):
    out = bytes([n & 0x7F | (0x80 if n > 0x7F else 0)])
    if n > 0x7F:
        out += bytes([(n >> 7) & 0x7F | (0x80 if n > 0x3FFF else 0)])
        if n > 0x3FFF:
            out += bytes([n >> 14])
    return out


def server_message_seeds():
    red, green, blue, white = (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)
    raw32 = b"".join(px32(*c) for c in [red, green, blue, white] * 2)
    raw16 = b"".join(px16(*c) for c in [red, green, blue, white] * 2)
    seeds = {}
    seeds["raw-32bit"] = b"\x00" + update(rect(1, 2, 4, 2, RAW, raw32))
    seeds["raw-16bit-one-byte-per-read"] = b"\x83" + update(rect(60, 46, 4, 2, RAW, raw16))
    seeds["copyrect-after-raw"] = b"\x00" + update(rect(0, 0, 4, 2, RAW, raw32), rect(10, 10, 4, 2, COPYRECT, u16(0) + u16(0)))
    rre = u32(2) + px32(*white) + px32(*red) + u16(0) + u16(0) + u16(3) + u16(3) + px32(*blue) + u16(4) + u16(4) + u16(2) + u16(1)
    seeds["rre"] = b"\x00" + update(rect(8, 8, 8, 8, RRE, rre))
    # Hextile over 20x18: tiles 16x16, 4x16, 16x2, 4x2 - raw, bg+fg+mono subrects, coloured subrects, empty (bg kept).
    tile_raw = u8(1) + b"".join(px32(*red) for _ in range(16 * 16))
    tile_mono = u8(2 | 4 | 8) + px32(*white) + px32(*blue) + u8(2) + u8(0x00) + u8(0x11) + u8(0x21) + u8(0x00)
    tile_col = u8(8 | 16) + u8(1) + px32(*green) + u8(0x10) + u8(0x10)
    tile_empty = u8(0)
    seeds["hextile"] = b"\x00" + update(rect(2, 3, 20, 18, HEXTILE, tile_raw + tile_mono + tile_col + tile_empty))
    z = zlib.compressobj()
    first = z.compress(raw32) + z.flush(zlib.Z_SYNC_FLUSH)
    second = z.compress(raw32[::-1]) + z.flush(zlib.Z_SYNC_FLUSH)
    seeds["zlib-two-rects-one-stream"] = b"\x00" + update(rect(0, 0, 4, 2, ZLIB, u32(len(first)) + first),
                                                         rect(4, 0, 4, 2, ZLIB, u32(len(second)) + second))
    # ZRLE 70x10 (two tiles wide): raw tile, then solid; second rect: packed palette, plain RLE, palette RLE.
    z = zlib.compressobj()
    t1 = u8(0) + b"".join(cpixel(*[red, green][i % 2]) for i in range(64 * 10)) + u8(1) + cpixel(*blue)
    d1 = z.compress(t1) + z.flush(zlib.Z_SYNC_FLUSH)
    packed = u8(2) + cpixel(*red) + cpixel(*white) + bytes([0b10101010]) * 10  # 8x10 tile, 1 bit per pixel
    d2 = z.compress(packed) + z.flush(zlib.Z_SYNC_FLUSH)
    plain_rle = u8(128) + cpixel(*red) + u8(39) + cpixel(*blue) + u8(39)  # 8x10 = 80 pixels: 40 + 40
    d3 = z.compress(plain_rle) + z.flush(zlib.Z_SYNC_FLUSH)
    pal_rle = u8(130) + cpixel(*green) + cpixel(*white) + u8(0x80) + u8(38) + u8(1) + u8(0x81) + u8(39)  # 39+1+40
    d4 = z.compress(pal_rle) + z.flush(zlib.Z_SYNC_FLUSH)
    # The framebuffer grows first (DesktopSize) so that a rectangle spans two tiles.
    seeds["zrle-all-tile-types"] = b"\x00" + update(rect(0, 0, 80, 48, DESKTOP_SIZE),
                                                    rect(0, 0, 64 + 6, 10, ZRLE, u32(len(d1)) + d1),
                                                    rect(0, 20, 8, 10, ZRLE, u32(len(d2)) + d2),
                                                    rect(8, 20, 8, 10, ZRLE, u32(len(d3)) + d3),
                                                    rect(16, 20, 8, 10, ZRLE, u32(len(d4)) + d4))
    # Tight: fill; basic copy short (plain); basic copy zlib; palette of 2; gradient.
    fill = u8(0x80) + tpixel(*green)
    short = u8(0x00) + tpixel(*red) + tpixel(*blue)  # 2x1 = 6 bytes < 12: plain
    copy_data = b"".join(tpixel(*c) for c in [red, green, blue, white] * 4)  # 4x4
    zc = zlib.compressobj()
    copy_z = zc.compress(copy_data) + zc.flush(zlib.Z_SYNC_FLUSH)
    copy = u8(0x00) + compact_length(len(copy_z)) + copy_z
    pal_data = bytes([0b10100000, 0b01010000] * 8)  # 4x16, 2 colours: 1 byte per row
    zp = zlib.compressobj()
    pal_z = zp.compress(pal_data) + zp.flush(zlib.Z_SYNC_FLUSH)
    palette = u8(0x40 | 0x10) + u8(1) + u8(1) + tpixel(*red) + tpixel(*white) + compact_length(len(pal_z)) + pal_z
    grad_data = bytes([10, 20, 30] * 16)
    zg = zlib.compressobj()
    grad_z = zg.compress(grad_data) + zg.flush(zlib.Z_SYNC_FLUSH)
    gradient = u8(0x40 | 0x20) + u8(2) + compact_length(len(grad_z)) + grad_z
    seeds["tight-fill-copy-palette-gradient"] = b"\x00" + update(
        rect(0, 0, 64, 48, TIGHT, fill), rect(0, 0, 2, 1, TIGHT, short), rect(4, 4, 4, 4, TIGHT, copy),
        rect(10, 0, 4, 16, TIGHT, palette), rect(20, 20, 4, 4, TIGHT, gradient))
    cursor = px32(*white) * 16 + bytes([0b11110000, 0b10010000, 0b10010000, 0b11110000])
    seeds["pseudo-encodings"] = b"\x00" + update(
        rect(1, 1, 4, 4, CURSOR, cursor),
        rect(0, 0, 0, 0, DESKTOP_NAME, u32(4) + b"fuzz"),
        rect(0, 0, 0, 0, EXT_KEY),
        rect(0, 0, 32, 24, DESKTOP_SIZE),
        rect(0, 0, 40, 30, EXT_DESKTOP_SIZE, u8(1) + b"\0\0\0" + u32(1) + u16(0) + u16(0) + u16(40) + u16(30) + u32(0)),
        rect(36, 28, 4, 2, RAW, raw32))
    seeds["lastrect"] = b"\x00" + u8(0) + u8(0) + u16(0xFFFF) + rect(0, 0, 4, 2, RAW, raw32) + rect(0, 0, 0, 0, LAST_RECT) + u8(2)
    colour_map = u8(1) + u8(0) + u16(0) + u16(3) + u16(0xFFFF) + u16(0) + u16(0) + u16(0) + u16(0xFFFF) + u16(0) + u16(0) * 3
    seeds["colour-map-8bit"] = b"\x06" + colour_map + update(rect(0, 0, 4, 2, RAW, bytes([0, 1, 2, 0, 1, 2, 0, 1])))
    seeds["bell-and-cut-text"] = b"\x00" + u8(2) + u8(3) + b"\0\0\0" + u32(5) + b"hello" + u8(2)
    # The stream extension spec's worked example (server side), then a removal and the capture's end.
    notice = bytes.fromhex("00 00 00 01 00 00 00 00 00 00 00 00 ff ff fe fc 00 00 00 08 63 6f 6e 73 6f 6c 65 31".replace(" ", ""))
    granted = bytes.fromhex("ff 02 00 00 00 00 01 00 00 00 07 73 65 72 69 61 6c 30".replace(" ", ""))
    data = bytes.fromhex("ff 02 02 00 00 00 01 00 00 00 03 6c 73 0d".replace(" ", ""))
    end = bytes.fromhex("ff 02 01 00 00 00 01".replace(" ", ""))
    removed = update(rect(1, 0, 0, 0, STREAMS, u32(8) + b"console1"))
    seeds["stream-extension-worked-example"] = b"\x00" + notice + granted + data + end + removed
    # The extensions a relay passes on unread: continuous updates, fence, XVP, QEMU audio, the
    # extended clipboard (caps, then a zlib provide), LED states, pointer change, alpha cursor.
    provide = zlib.compress(u32(6) + b"hi\xc3\xa9!\0")
    seeds["extension-messages"] = (b"\x80" + u8(150) + u8(248) + b"\0\0\0" + u32(0x80000001) + u8(2) + b"ab"
        + u8(250) + u8(0) + u8(1) + u8(1)
        + u8(255) + u8(1) + u16(1) + u8(255) + u8(1) + u16(2) + u32(4) + bytes(4) + u8(255) + u8(1) + u16(0)
        + u8(3) + b"\0\0\0" + s32(-12) + u32(0x1F000001) + u32(1024 * 1024) + u32(0)
        + u8(3) + b"\0\0\0" + s32(-(4 + len(provide))) + u32(0x10000001) + provide
        + update(rect(0, 0, 1, 1, LED_STATE, u8(4)), rect(0, 0, 1, 1, VMWARE_LED_STATE, u32(2)),
                 rect(1, 0, 64, 48, POINTER_CHANGE), rect(0, 0, 64, 48, AUDIO),
                 rect(1, 1, 2, 2, CURSOR_ALPHA, s32(RAW) + bytes([255, 0, 0, 255, 128, 0, 0, 128]) * 2)))
    return seeds


def client_handshake_seeds():
    pf32 = u8(32) + u8(24) + u8(0) + u8(1) + u16(255) * 3 + u8(16) + u8(8) + u8(0) + b"\0\0\0"
    init = u16(64) + u16(48) + pf32 + u32(4) + b"fuzz"
    challenge = bytes(range(16))
    return {
        "v38-none": b"\x00" + b"RFB 003.008\n" + u8(2) + u8(2) + u8(1) + u32(0) + init,
        "v38-vnc-auth": b"\x01" + b"RFB 003.008\n" + u8(1) + u8(2) + challenge + u32(0) + init,
        "v38-vnc-auth-wrong-password": b"\x01" + b"RFB 003.008\n" + u8(1) + u8(2) + challenge + u32(1) + u32(14) + b"wrong password",
        "v38-refused": b"\x00" + b"RFB 003.008\n" + u8(0) + u32(20) + b"too many connections",
        "v37-none-one-byte-per-read": b"\x80" + b"RFB 003.007\n" + u8(1) + u8(1) + init,
        "v33-vnc-auth": b"\x01" + b"RFB 003.003\n" + u32(2) + challenge + u32(0) + init,
        "v33-refused": b"\x00" + b"RFB 003.003\n" + u32(0) + u32(6) + b"go away",
        "v38-unsupported-types": b"\x00" + b"RFB 003.008\n" + u8(2) + u8(18) + u8(5),
    }


def vencrypt_seeds():
    """VeNCrypt 0.2 (type 19): version, ack, sub-types, choice; Plain runs to ServerInit, the TLS
    sub-types reach the TLS handshake, which a fatal alert (or the end of data) ends."""
    pf32 = u8(32) + u8(24) + u8(0) + u8(1) + u16(255) * 3 + u8(16) + u8(8) + u8(0) + b"\0\0\0"
    init = u16(64) + u16(48) + pf32 + u32(4) + b"fuzz"
    start = b"RFB 003.008\n" + u8(1) + u8(19) + u8(0) + u8(2) + u8(0)
    alert = bytes.fromhex("15 03 03 00 02 02 28")  # TLS record: fatal handshake_failure
    def subtypes(*types):
        return u8(len(types)) + b"".join(u32(t) for t in types)
    return {
        "plain": b"\x01" + start + subtypes(256) + u32(0) + init,
        "plain-one-byte-per-read": b"\x81" + start + subtypes(256) + u32(0) + init,
        "plain-wrong-password": b"\x01" + start + subtypes(256) + u32(1) + u32(14) + b"wrong password",
        "v37-plain": b"\x01" + b"RFB 003.007\n" + u8(1) + u8(19) + u8(0) + u8(2) + u8(0) + subtypes(256) + u32(0) + init,
        "x509-alert": b"\x01" + start + subtypes(261, 260, 258, 257) + u8(1) + alert,
        "tls-alert-one-byte-per-read": b"\x81" + start + subtypes(257) + u8(1) + alert,
        "tls-refused": b"\x00" + start + subtypes(258) + u8(0),
        "old-version": b"\x00" + b"RFB 003.008\n" + u8(1) + u8(19) + u8(0) + u8(1),
        "version-refused": b"\x00" + b"RFB 003.008\n" + u8(1) + u8(19) + u8(0) + u8(2) + u8(1),
        "no-subtypes": b"\x00" + start + u8(0),
        "unknown-subtypes": b"\x00" + start + subtypes(30, 0xFFFFFFFF),
    }


def server_handshake_seeds():
    return {
        "v38-none": b"\x00" + b"RFB 003.008\n" + u8(1) + u8(1),
        "v38-vnc-auth": b"\x01" + b"RFB 003.008\n" + u8(2) + bytes(16) + u8(1),
        "v37-none-one-byte-per-read": b"\x80" + b"RFB 003.007\n" + u8(1) + u8(0),
        "v33-none": b"\x00" + b"RFB 003.003\n" + u8(1),
        "v38-wrong-type": b"\x00" + b"RFB 003.008\n" + u8(2),
    }


def client_message_seeds():
    pf16 = u8(16) + u8(16) + u8(0) + u8(1) + u16(31) + u16(63) + u16(31) + u8(11) + u8(5) + u8(0) + b"\0\0\0"
    encodings = [TIGHT, ZRLE, HEXTILE, ZLIB, RRE, RAW, COPYRECT, DESKTOP_SIZE, EXT_DESKTOP_SIZE, LAST_RECT, CURSOR, STREAMS]
    start = bytes.fromhex("ff0200000000077365726961 6c30".replace(" ", ""))
    send = bytes.fromhex("ff020200000001000000036c730d")
    return {
        "all-messages": b"\x00" + u8(0) + b"\0\0\0" + pf16
                        + u8(2) + u8(0) + u16(len(encodings)) + b"".join(s32(e) for e in encodings)
                        + u8(3) + u8(1) + u16(0) + u16(0) + u16(64) + u16(48)
                        + u8(4) + u8(1) + b"\0\0" + u32(0x61)
                        + u8(5) + u8(1) + u16(10) + u16(20)
                        + u8(6) + b"\0\0\0" + u32(5) + b"hello"
                        + u8(255) + u8(0) + u16(1) + u32(0x61) + u32(30),
        "extension-messages": b"\x80" + u8(251) + u8(0) + u16(800) + u16(600) + u8(1) + u8(0)
                              + u32(0) + u16(0) + u16(0) + u16(800) + u16(600) + u32(0)
                              + u8(248) + b"\0\0\0" + u32(0x80000004) + u8(1) + b"\1"
                              + u8(150) + u8(1) + u16(0) + u16(0) + u16(64) + u16(48)
                              + u8(250) + u8(0) + u8(1) + u8(4)
                              + u8(255) + u8(1) + u16(2) + u8(3) + u8(2) + u32(44100) + u8(255) + u8(1) + u16(0)
                              + u8(6) + b"\0\0\0" + s32(-4) + u32(0x08000001)
                              + u8(2) + u8(0) + u16(4) + s32(FENCE) + s32(CONTINUOUS_UPDATES) + s32(EXT_CLIPBOARD) + s32(XVP),
        # The stream extension spec's worked example (client side), then end capture.
        "stream-extension-worked-example": b"\x80" + start + send + bytes.fromhex("ff02010000 0001".replace(" ", "")),
    }


def viewer_stream_seeds():
    def start(name):
        return u8(255) + u8(2) + u8(0) + u32(len(name)) + name

    def send(capture, data):
        return u8(255) + u8(2) + u8(2) + u32(capture) + u32(len(data)) + data

    def end(capture):
        return u8(255) + u8(2) + u8(1) + u32(capture)

    return {
        "worked-example-then-end": b"\x00" + start(b"serial0") + send(1, b"ls\r") + end(1),
        "two-devices-and-a-repeat": b"\x00" + start(b"serial0") + start("console-\u00e9".encode()) + start(b"serial0")
                                    + send(2, b"x") + end(2) + end(1),
        "unknown-device-and-foreign-capture": b"\x80" + start(b"nosuch") + send(7, b"dropped") + end(7),
    }


def write(directory, seeds):
    os.makedirs(directory, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)


write(f"{ROOT}/ServerMessagesFuzzTestInputs/clientReadsServerMessages", server_message_seeds())
def relay_seeds():
    seeds = server_message_seeds()
    # Selector 0x58: the viewer sent a SyncNext fence and then SetPixelFormat (format 3, 16-bit):
    # one 32-bit update before the server's answer to the fence, one 16-bit update after it.
    seeds["pixel-format-at-fence-answer"] = (b"\x58" + update(rect(0, 0, 1, 1, RAW, px32(255, 0, 0)))
        + u8(248) + b"\0\0\0" + u32(4) + u8(0) + update(rect(0, 0, 1, 1, RAW, px16(255, 0, 0))))
    return seeds


write(f"{ROOT}/ServerMessagesFuzzTestInputs/relayFramesServerMessages", relay_seeds())
write(f"{ROOT}/ClientHandshakeFuzzTestInputs/clientReadsServerHandshake", client_handshake_seeds())
write(f"{ROOT}/VeNCryptFuzzTestInputs/clientNegotiatesVeNCrypt", vencrypt_seeds())
write(f"{ROOT}/ServerSideFuzzTestInputs/serverReadsClientHandshake", server_handshake_seeds())
write(f"{ROOT}/ServerSideFuzzTestInputs/serverReadsClientMessages", client_message_seeds())
write("gateway/src/test/resources/io/vncstream/gateway/session/ViewerStreamMessagesFuzzTestInputs/"
      "gatewayAnswersViewerStreamMessages", viewer_stream_seeds())
