package io.vncstream.rfb.decode;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelConverter;

import java.io.IOException;

/**
 * ZRLE (16): 64x64 tiles inside one connection-long zlib stream; each tile raw, solid,
 * packed palette, plain RLE or palette RLE (RFC 6143 7.7.6).
 */
public final class ZrleDecoder implements Decoder {
    private static final int TILE = 64;

    private final ZlibStream stream = new ZlibStream();
    private final int[] tile = new int[TILE * TILE];
    private final int[] palette = new int[128];

    @Override
    public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        in.skip(readLength(rect, in, ctx));
    }

    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        int length = readLength(rect, in, ctx);
        in.ensure(length);
        RfbInput tiles = stream.open(in.array(), in.arrayOffset(), length, rect.describe());
        try {
            decodeTiles(rect, tiles, ctx.converter(), fb);
        } catch (java.io.EOFException e) {
            throw new RfbProtocolException(rect.describe() + ": tile data ends early (" + stream.produced()
                    + " bytes inflated)");
        }
        stream.finish(tiles, "tile data");
        in.skip(length);
        fb.damage(rect.x(), rect.y(), rect.width(), rect.height());
    }

    private static int readLength(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        return in.readLength(rect.describe() + ": compressed length", Limits.compressedLimit(maxTileData(rect, ctx)));
    }

    /**
     * The most a rectangle's tiles can take: per tile a subencoding byte and a full palette, per
     * pixel a CPIXEL and a run-length byte (plain RLE with runs of one).
     */
    static long maxTileData(RectHeader rect, DecodeContext ctx) {
        long tiles = (long) ((rect.width() + TILE - 1) / TILE) * ((rect.height() + TILE - 1) / TILE);
        int cpixel = ctx.format().compactPixelSize();
        return rect.area() * (cpixel + 1) + tiles * (1 + 127L * cpixel);
    }

    private void decodeTiles(RectHeader rect, RfbInput in, PixelConverter conv, Framebuffer fb) throws IOException {
        for (int ty = 0; ty < rect.height(); ty += TILE) {
            int th = Math.min(TILE, rect.height() - ty);
            for (int tx = 0; tx < rect.width(); tx += TILE) {
                int tw = Math.min(TILE, rect.width() - tx);
                int x = rect.x() + tx;
                int y = rect.y() + ty;
                int sub = in.readU8();
                boolean rle = (sub & 128) != 0;
                int paletteSize = sub & 127;
                if (sub == 0) {
                    WirePixels.readCompactRow(in, conv, tile, 0, tw * th);
                    fb.setPixels(x, y, tw, th, tile, 0, tw);
                    continue;
                }
                if (sub == 1) {
                    fb.fillRect(x, y, tw, th, WirePixels.readCompact(in, conv));
                    continue;
                }
                if ((!rle && paletteSize > 16) || sub == 129) {
                    throw new RfbProtocolException(rect.describe() + ": tile at (" + tx + "," + ty
                            + ") has an invalid subencoding " + sub);
                }
                for (int i = 0; i < paletteSize; i++) {
                    palette[i] = WirePixels.readCompact(in, conv);
                }
                if (!rle) {
                    readPackedPalette(in, tw, th, paletteSize);
                } else if (paletteSize == 0) {
                    readPlainRle(rect, in, conv, tw, th);
                } else {
                    readPaletteRle(rect, in, tw, th, paletteSize);
                }
                fb.setPixels(x, y, tw, th, tile, 0, tw);
            }
        }
    }

    /** Bits per index of a packed-palette tile (RFC 6143 7.7.6): 1 for 2 colours, 2 for 3-4, 4 for 5-16. */
    public static int packedIndexBits(int paletteSize) {
        return paletteSize <= 2 ? 1 : paletteSize <= 4 ? 2 : 4;
    }

    private void readPackedPalette(RfbInput in, int tw, int th, int paletteSize) throws IOException {
        int bits = packedIndexBits(paletteSize);
        int mask = (1 << bits) - 1;
        for (int row = 0; row < th; row++) {
            int shift = 0;
            int b = 0;
            for (int col = 0; col < tw; col++) {
                if (shift == 0) {
                    b = in.readU8();
                    shift = 8;
                }
                shift -= bits;
                int index = (b >>> shift) & mask;
                tile[row * tw + col] = palette[Math.min(index, paletteSize - 1)];
            }
        }
    }

    private void readPlainRle(RectHeader rect, RfbInput in, PixelConverter conv, int tw, int th) throws IOException {
        int total = tw * th;
        int i = 0;
        while (i < total) {
            int colour = WirePixels.readCompact(in, conv);
            int run = readRunLength(rect, in, total - i);
            java.util.Arrays.fill(tile, i, i + run, colour);
            i += run;
        }
    }

    private void readPaletteRle(RectHeader rect, RfbInput in, int tw, int th, int paletteSize) throws IOException {
        int total = tw * th;
        int i = 0;
        while (i < total) {
            int b = in.readU8();
            int index = b & 127;
            if (index >= paletteSize) {
                throw new RfbProtocolException(rect.describe() + ": palette index " + index
                        + " beyond a palette of " + paletteSize);
            }
            int run = (b & 128) != 0 ? readRunLength(rect, in, total - i) : 1;
            java.util.Arrays.fill(tile, i, i + run, palette[index]);
            i += run;
        }
    }

    private static int readRunLength(RectHeader rect, RfbInput in, int remaining) throws IOException {
        int run = 1;
        int b;
        do {
            b = in.readU8();
            run += b;
            if (run > remaining) {
                throw new RfbProtocolException(rect.describe() + ": run length " + run
                        + " overflows its tile (" + remaining + " pixels left)");
            }
        } while (b == 255);
        return run;
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
