package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelConverter;

import java.io.EOFException;
import java.io.IOException;

/**
 * Hextile (5): 16x16 tiles, each raw or a background with solid subrectangles. Background and
 * foreground colours carry over from tile to tile within one rectangle.
 * <p>
 * Phase one reads a tile's header and consumes (records) the tile in one piece, where a call
 * per byte recorded byte by byte; phase two parses the recording straight off its array.
 */
public final class HextileDecoder implements Decoder {
    static final int RAW = 1;
    static final int BACKGROUND_SPECIFIED = 2;
    static final int FOREGROUND_SPECIFIED = 4;
    static final int ANY_SUBRECTS = 8;
    static final int SUBRECTS_COLOURED = 16;
    private static final int TILE = 16;

    /** Exact reads only: on a socket, asking for more than the tile could wait for the next update. */
    @Override
    public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        int bpp = ctx.format().bytesPerPixel();
        for (int ty = 0; ty < rect.height(); ty += TILE) {
            int th = Math.min(TILE, rect.height() - ty);
            for (int tx = 0; tx < rect.width(); tx += TILE) {
                int tw = Math.min(TILE, rect.width() - tx);
                in.ensure(1);
                int sub = in.array()[in.arrayOffset()] & 0xFF;
                checkSubencoding(rect, sub, tx, ty);
                int header = 1;
                if ((sub & RAW) == 0) {
                    header += ((sub & BACKGROUND_SPECIFIED) != 0 ? bpp : 0) + ((sub & FOREGROUND_SPECIFIED) != 0 ? bpp : 0)
                            + ((sub & ANY_SUBRECTS) != 0 ? 1 : 0);
                }
                in.ensure(header);
                in.skip(tileLength(in.array(), in.arrayOffset(), header, tw, th, bpp, true));
            }
        }
    }

    /**
     * The byte length of the tile at {@code p}, 0 if fewer than {@code avail} bytes hold it
     * (unless {@code headerOnly}: then only its header need be there), or minus the subencoding
     * if that is invalid.
     */
    private static int tileLength(byte[] a, int p, int avail, int tw, int th, int bpp, boolean headerOnly) {
        if (avail < 1) {
            return 0;
        }
        int sub = a[p] & 0xFF;
        if (sub > 31) {
            return -sub;
        }
        int len = 1;
        if ((sub & RAW) != 0) {
            len += tw * th * bpp;
        } else {
            if ((sub & BACKGROUND_SPECIFIED) != 0) {
                len += bpp;
            }
            if ((sub & FOREGROUND_SPECIFIED) != 0) {
                len += bpp;
            }
            if ((sub & ANY_SUBRECTS) != 0) {
                if (avail < len + 1) {
                    return 0;
                }
                int n = a[p + len] & 0xFF;
                len += 1 + n * (((sub & SUBRECTS_COLOURED) != 0 ? bpp : 0) + 2);
            }
        }
        return headerOnly || len <= avail ? len : 0;
    }

    /**
     * Each tile is painted straight into the framebuffer: raw rows converted into place; else the
     * background, then the subrectangles with plain loops (they are a few pixels each). TigerVNC
     * paints into a 16x16 buffer and copies that; painting in place saves the copy.
     */
    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        if (!in.inMemory()) {
            // Phase two is handed phase one's recording; a stream is recorded here first.
            ByteArray bytes = new ByteArray();
            in.startRecording(bytes);
            try {
                readRect(rect, in, ctx);
            } finally {
                in.stopRecording();
            }
            in = RfbInput.wrap(bytes.array(), bytes.size());
        }
        PixelConverter conv = ctx.converter();
        int bpp = conv.format().bytesPerPixel();
        byte[] a = in.array();
        int start = in.arrayOffset();
        int end = start + in.buffered();
        int p = start;
        int background = 0xFF000000;
        int foreground = 0xFF000000;
        int[] px = fb.pixels();
        int stride = fb.width();
        for (int ty = 0; ty < rect.height(); ty += TILE) {
            int th = Math.min(TILE, rect.height() - ty);
            for (int tx = 0; tx < rect.width(); tx += TILE) {
                int tw = Math.min(TILE, rect.width() - tx);
                int len = tileLength(a, p, end - p, tw, th, bpp, false);
                if (len < 0) {
                    checkSubencoding(rect, -len, tx, ty);
                }
                if (len == 0) {
                    throw new EOFException("unexpected end of data at byte " + (end - start) + " (in a Hextile tile)");
                }
                int x = rect.x() + tx;
                int y = rect.y() + ty;
                int sub = a[p++] & 0xFF;
                int first = y * stride + x;
                if ((sub & RAW) != 0) {
                    for (int row = 0; row < th; row++, p += tw * bpp) {
                        conv.convert(a, p, px, first + row * stride, tw);
                    }
                    continue;
                }
                if ((sub & BACKGROUND_SPECIFIED) != 0) {
                    background = conv.readArgb(a, p);
                    p += bpp;
                }
                if ((sub & FOREGROUND_SPECIFIED) != 0) {
                    foreground = conv.readArgb(a, p);
                    p += bpp;
                }
                fb.fillRect(x, y, tw, th, background);
                if ((sub & ANY_SUBRECTS) == 0) {
                    continue;
                }
                int n = a[p++] & 0xFF;
                boolean coloured = (sub & SUBRECTS_COLOURED) != 0;
                for (int i = 0; i < n; i++) {
                    int colour = foreground;
                    if (coloured) {
                        colour = conv.readArgb(a, p);
                        p += bpp;
                    }
                    int xy = a[p++] & 0xFF;
                    int wh = a[p++] & 0xFF;
                    int sx = xy >>> 4;
                    int sy = xy & 15;
                    int sw = (wh >>> 4) + 1;
                    int sh = (wh & 15) + 1;
                    if (sx + sw > tw || sy + sh > th) {
                        throw new RfbProtocolException(rect.describe() + ": tile at (" + tx + "," + ty
                                + ") has a subrectangle " + sw + "x" + sh + " at (" + sx + "," + sy
                                + ") outside its " + tw + "x" + th + " area");
                    }
                    for (int row = sy; row < sy + sh; row++) {
                        int s = first + row * stride + sx;
                        for (int col = s; col < s + sw; col++) {
                            px[col] = colour;
                        }
                    }
                }
            }
        }
        in.skip(p - start);
        fb.damage(rect.x(), rect.y(), rect.width(), rect.height());
    }

    private static void checkSubencoding(RectHeader rect, int sub, int tx, int ty) throws RfbProtocolException {
        if (sub > 31) {
            throw new RfbProtocolException(rect.describe() + ": tile at (" + tx + "," + ty
                    + ") has an invalid subencoding " + sub);
        }
    }
}
