package io.vncstream.rfb.pseudo;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.decode.RectHeader;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/**
 * CursorWithAlpha (-314): the pointer shape as 32-bit RGBA with premultiplied alpha, carried in
 * an encoding named first. Xvnc and QEMU use Raw, the only one read here; the result is the
 * same straight-alpha ARGB as the classic cursor's, so antialiased edges and shadows survive.
 */
public final class AlphaCursor {
    private AlphaCursor() {
    }

    public static RemoteCursor read(RectHeader rect, RfbInput in) throws IOException {
        int w = rect.width();
        int h = rect.height();
        if (w > Limits.MAX_CURSOR_SIDE || h > Limits.MAX_CURSOR_SIDE) {
            throw new RfbProtocolException(rect.describe() + " exceeds limit " + Limits.MAX_CURSOR_SIDE + " per side");
        }
        int encoding = in.readS32();
        if (encoding != Encodings.RAW) {
            throw new RfbProtocolException(rect.describe() + " in " + Encodings.name(encoding) + ": only Raw is supported");
        }
        byte[] rgba = in.readBytes(w * h * 4);
        if (rect.x() >= Math.max(w, 1) || rect.y() >= Math.max(h, 1)) {
            throw new RfbProtocolException(rect.describe() + ": hotspot (" + rect.x() + "," + rect.y() + ") lies outside it");
        }
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            int r = rgba[i * 4] & 0xFF;
            int g = rgba[i * 4 + 1] & 0xFF;
            int b = rgba[i * 4 + 2] & 0xFF;
            int a = rgba[i * 4 + 3] & 0xFF;
            argb[i] = a == 0 ? 0 : a << 24 | unpremultiply(r, a) << 16 | unpremultiply(g, a) << 8 | unpremultiply(b, a);
        }
        return new RemoteCursor(w, h, rect.x(), rect.y(), argb);
    }

    private static int unpremultiply(int c, int a) {
        return Math.min(255, (c * 255 + a / 2) / a);
    }
}
