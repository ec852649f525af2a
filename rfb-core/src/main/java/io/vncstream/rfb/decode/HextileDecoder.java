package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/**
 * Hextile (5): 16x16 tiles, each raw or a background with solid subrectangles. Background and
 * foreground colours carry over from tile to tile within one rectangle.
 */
public final class HextileDecoder implements Decoder {
    static final int RAW = 1;
    static final int BACKGROUND_SPECIFIED = 2;
    static final int FOREGROUND_SPECIFIED = 4;
    static final int ANY_SUBRECTS = 8;
    static final int SUBRECTS_COLOURED = 16;
    private static final int TILE = 16;

    private final int[] tile = new int[TILE * TILE];

    @Override
    public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        int bpp = ctx.format().bytesPerPixel();
        for (int ty = 0; ty < rect.height(); ty += TILE) {
            int th = Math.min(TILE, rect.height() - ty);
            for (int tx = 0; tx < rect.width(); tx += TILE) {
                int tw = Math.min(TILE, rect.width() - tx);
                int sub = in.readU8();
                checkSubencoding(rect, sub, tx, ty);
                if ((sub & RAW) != 0) {
                    in.skip(tw * th * bpp);
                    continue;
                }
                if ((sub & BACKGROUND_SPECIFIED) != 0) {
                    in.skip(bpp);
                }
                if ((sub & FOREGROUND_SPECIFIED) != 0) {
                    in.skip(bpp);
                }
                if ((sub & ANY_SUBRECTS) != 0) {
                    int n = in.readU8();
                    in.skip(n * (((sub & SUBRECTS_COLOURED) != 0 ? bpp : 0) + 2));
                }
            }
        }
    }

    /**
     * Each tile is painted in a 16x16 buffer (background, then subrectangles, with plain loops:
     * they are a few pixels each) and copied into the framebuffer once, as TigerVNC does.
     */
    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        int background = 0xFF000000;
        int foreground = 0xFF000000;
        int[] t = tile;
        for (int ty = 0; ty < rect.height(); ty += TILE) {
            int th = Math.min(TILE, rect.height() - ty);
            for (int tx = 0; tx < rect.width(); tx += TILE) {
                int tw = Math.min(TILE, rect.width() - tx);
                int x = rect.x() + tx;
                int y = rect.y() + ty;
                int sub = in.readU8();
                checkSubencoding(rect, sub, tx, ty);
                if ((sub & RAW) != 0) {
                    WirePixels.readRow(in, ctx.converter(), t, 0, tw * th);
                    fb.setPixels(x, y, tw, th, t, 0, tw);
                    continue;
                }
                if ((sub & BACKGROUND_SPECIFIED) != 0) {
                    background = WirePixels.read(in, ctx.converter());
                }
                if ((sub & FOREGROUND_SPECIFIED) != 0) {
                    foreground = WirePixels.read(in, ctx.converter());
                }
                if ((sub & ANY_SUBRECTS) == 0) {
                    fb.fillRect(x, y, tw, th, background);
                    continue;
                }
                java.util.Arrays.fill(t, 0, tw * th, background);
                int n = in.readU8();
                boolean coloured = (sub & SUBRECTS_COLOURED) != 0;
                for (int i = 0; i < n; i++) {
                    int colour = coloured ? WirePixels.read(in, ctx.converter()) : foreground;
                    int xy = in.readU8();
                    int wh = in.readU8();
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
                        int start = row * tw + sx;
                        for (int col = start; col < start + sw; col++) {
                            t[col] = colour;
                        }
                    }
                }
                fb.setPixels(x, y, tw, th, t, 0, tw);
            }
        }
        fb.damage(rect.x(), rect.y(), rect.width(), rect.height());
    }

    private static void checkSubencoding(RectHeader rect, int sub, int tx, int ty) throws RfbProtocolException {
        if (sub > 31) {
            throw new RfbProtocolException(rect.describe() + ": tile at (" + tx + "," + ty
                    + ") has an invalid subencoding " + sub);
        }
    }
}
