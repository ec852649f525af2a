package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelConverter;

import java.io.IOException;

/**
 * Hextile (5): 16x16 tiles, each raw or a background with solid subrectangles. Background and
 * foreground colours carry over from tile to tile within one rectangle.
 * <p>
 * Read a tile at a time: its header says how long it is, the whole tile is then made contiguous
 * in the input's buffer and parsed off its array. The client decodes straight from the
 * connection ({@link #decodesFromStream}); {@link #readRect} only consumes.
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
                in.skip(nextTile(rect, in, tx, ty, tw, th, bpp));
            }
        }
    }

    /**
     * Makes the next tile contiguous in {@code in}'s buffer (at most 1,540 bytes: 255 coloured
     * subrectangles), reading no further than the tile, and returns its length.
     */
    private static int nextTile(RectHeader rect, RfbInput in, int tx, int ty, int tw, int th, int bpp)
            throws IOException {
        in.ensure(1);
        int sub = in.array()[in.arrayOffset()] & 0xFF;
        checkSubencoding(rect, sub, tx, ty);
        if ((sub & RAW) != 0) {
            int len = 1 + tw * th * bpp;
            in.ensure(len);
            return len;
        }
        int len = 1 + ((sub & BACKGROUND_SPECIFIED) != 0 ? bpp : 0) + ((sub & FOREGROUND_SPECIFIED) != 0 ? bpp : 0);
        if ((sub & ANY_SUBRECTS) != 0) {
            in.ensure(len + 1);
            int n = in.array()[in.arrayOffset() + len] & 0xFF;
            len += 1 + n * (((sub & SUBRECTS_COLOURED) != 0 ? bpp : 0) + 2);
        }
        in.ensure(len);
        return len;
    }

    /**
     * Tile by tile off the input's buffer, on a socket as well as from memory, so the rectangle
     * is neither recorded nor parsed twice. Each tile is painted straight into the framebuffer:
     * raw rows converted into place; else the background, then the subrectangles with plain
     * loops (they are a few pixels each). TigerVNC paints into a 16x16 buffer and copies that.
     */
    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        PixelConverter conv = ctx.converter();
        int bpp = conv.format().bytesPerPixel();
        int background = 0xFF000000;
        int foreground = 0xFF000000;
        int[] px = fb.pixels();
        int stride = fb.width();
        for (int ty = 0; ty < rect.height(); ty += TILE) {
            int th = Math.min(TILE, rect.height() - ty);
            for (int tx = 0; tx < rect.width(); tx += TILE) {
                int tw = Math.min(TILE, rect.width() - tx);
                int len = nextTile(rect, in, tx, ty, tw, th, bpp);
                byte[] a = in.array();
                int p = in.arrayOffset();
                int x = rect.x() + tx;
                int y = rect.y() + ty;
                int sub = a[p++] & 0xFF;
                int first = y * stride + x;
                if ((sub & RAW) != 0) {
                    for (int row = 0; row < th; row++, p += tw * bpp) {
                        conv.convert(a, p, px, first + row * stride, tw);
                    }
                    in.skip(len);
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
                    in.skip(len);
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
                in.skip(len);
            }
        }
        fb.damage(rect.x(), rect.y(), rect.width(), rect.height());
    }

    @Override
    public boolean decodesFromStream() {
        return true;
    }

    private static void checkSubencoding(RectHeader rect, int sub, int tx, int ty) throws RfbProtocolException {
        if (sub > 31) {
            throw new RfbProtocolException(rect.describe() + ": tile at (" + tx + "," + ty
                    + ") has an invalid subencoding " + sub);
        }
    }
}
