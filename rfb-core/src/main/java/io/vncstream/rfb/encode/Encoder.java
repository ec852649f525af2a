package io.vncstream.rfb.encode;

import io.vncstream.rfb.io.ByteArray;

/** One encoding on the server side: writes a rectangle (header included) of ARGB pixels. */
public interface Encoder {
    int encoding();

    /** Appends the rectangle at (x, y) of {@code pixels} (row stride {@code stride}). */
    void writeRect(ByteArray out, int x, int y, int w, int h, int[] pixels, int stride, PixelPacker packer);

    static void header(ByteArray out, int x, int y, int w, int h, int encoding) {
        out.u16(x).u16(y).u16(w).u16(h).s32(encoding);
    }
}
