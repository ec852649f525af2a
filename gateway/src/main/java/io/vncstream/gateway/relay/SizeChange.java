package io.vncstream.gateway.relay;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.io.ByteArray;

/** The server's word that the framebuffer has a new size, as a whole FramebufferUpdate. */
final class SizeChange {
    private SizeChange() {
    }

    static byte[] desktopSize(int w, int h) {
        ByteArray b = new ByteArray(16);
        b.u8(0).padding(1).u16(1).u16(0).u16(0).u16(w).u16(h).s32(Encodings.DESKTOP_SIZE);
        return b.toByteArray();
    }

    /** A server-side change (reason 0, status 0) to one screen covering the desktop. */
    static byte[] extendedDesktopSize(int w, int h) {
        ByteArray b = new ByteArray(36);
        b.u8(0).padding(1).u16(1).u16(0).u16(0).u16(w).u16(h).s32(Encodings.EXTENDED_DESKTOP_SIZE);
        b.u8(1).padding(3).u32(0).u16(0).u16(0).u16(w).u16(h).u32(0);
        return b.toByteArray();
    }
}
