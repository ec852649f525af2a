package io.vncstream.rfb.pseudo;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.decode.RectHeader;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelConverter;

import java.io.IOException;

/**
 * The Cursor pseudo-encoding (-239): the server's pointer shape as pixels and a 1-bit mask,
 * here combined into ARGB with transparent pixels where the mask is 0. The rectangle's x and y
 * are the hotspot.
 */
public record RemoteCursor(int width, int height, int hotX, int hotY, int[] argb) {

    public static RemoteCursor read(RectHeader rect, RfbInput in, PixelConverter conv) throws IOException {
        int w = rect.width();
        int h = rect.height();
        if (w > Limits.MAX_CURSOR_SIDE || h > Limits.MAX_CURSOR_SIDE) {
            throw new RfbProtocolException("Cursor " + w + "x" + h + " exceeds limit " + Limits.MAX_CURSOR_SIDE + " per side");
        }
        int bpp = conv.format().bytesPerPixel();
        byte[] pixels = in.readBytes(w * h * bpp);
        int maskStride = (w + 7) / 8;
        byte[] mask = in.readBytes(maskStride * h);
        if (rect.x() >= Math.max(w, 1) || rect.y() >= Math.max(h, 1)) {
            throw new RfbProtocolException("Cursor " + w + "x" + h + ": hotspot (" + rect.x() + "," + rect.y() + ") lies outside it");
        }
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean opaque = (mask[y * maskStride + x / 8] & (0x80 >>> (x & 7))) != 0;
                int i = y * w + x;
                argb[i] = opaque ? conv.readArgb(pixels, i * bpp) : 0;
            }
        }
        return new RemoteCursor(w, h, rect.x(), rect.y(), argb);
    }

    /** The bytes a rectangle of this size carries, for framing without decoding. */
    public static int encodedLength(RectHeader rect, int bytesPerPixel) throws RfbProtocolException {
        if (rect.width() > Limits.MAX_CURSOR_SIDE || rect.height() > Limits.MAX_CURSOR_SIDE) {
            throw new RfbProtocolException("Cursor " + rect.width() + "x" + rect.height() + " exceeds limit "
                    + Limits.MAX_CURSOR_SIDE + " per side");
        }
        return rect.width() * rect.height() * bytesPerPixel + (rect.width() + 7) / 8 * rect.height();
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }
}
