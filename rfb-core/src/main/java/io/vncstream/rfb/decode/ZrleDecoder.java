package io.vncstream.rfb.decode;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.ByteArray;
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
        RfbInput tiles = stream.open(in.array(), in.arrayOffset(), length, rect);
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

    @Override
    public boolean paintsAhead(RectHeader rect, DecodeContext ctx) {
        return maxTileData(rect, ctx) <= DecodePipeline.MAX_ITEM;
    }

    @Override
    public void readAhead(RectHeader rect, RfbInput in, DecodeContext ctx, ByteArray out) throws IOException {
        int length = readLength(rect, in, ctx);
        stream.inflateAll(in, length, rect, out, maxTileData(rect, ctx));
    }

    @Override
    public void paintAhead(RectHeader rect, RfbInput tiles, DecodeContext ctx, Framebuffer fb) throws IOException {
        try {
            decodeTiles(rect, tiles, ctx.converter(), fb);
        } catch (java.io.EOFException e) {
            throw new RfbProtocolException(rect.describe() + ": tile data ends early ("
                    + (tiles.position() + tiles.buffered()) + " bytes inflated)");
        }
        if (tiles.buffered() > 0) {
            throw new RfbProtocolException(rect.describe() + ": " + tiles.buffered() + " bytes of tile data left over");
        }
        fb.damage(rect.x(), rect.y(), rect.width(), rect.height());
    }

    private static int readLength(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        return rect.checkLength("compressed length", in.readU32(), Limits.compressedLimit(maxTileData(rect, ctx)));
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

    /**
     * Raw and packed-palette tiles are written straight into the framebuffer's rows; RLE tiles,
     * whose runs cross rows, go through the tile buffer.
     */
    private void decodeTiles(RectHeader rect, RfbInput in, PixelConverter conv, Framebuffer fb) throws IOException {
        int[] px = fb.pixels();
        int stride = fb.width();
        for (int ty = 0; ty < rect.height(); ty += TILE) {
            int th = Math.min(TILE, rect.height() - ty);
            for (int tx = 0; tx < rect.width(); tx += TILE) {
                int tw = Math.min(TILE, rect.width() - tx);
                int x = rect.x() + tx;
                int y = rect.y() + ty;
                int first = y * stride + x;
                int sub = in.readU8();
                boolean rle = (sub & 128) != 0;
                int paletteSize = sub & 127;
                if (sub == 0) {
                    WirePixels.readCompactBlock(in, conv, px, first, stride, tw, th);
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
                    readPackedPalette(in, px, first, stride, tw, th, paletteSize);
                    continue;
                }
                if (paletteSize == 0) {
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

    /**
     * Packed indices; a tile's exact byte count is known, so it is read in one piece. An index
     * beyond the palette shows its last colour: the unused entries up to 16 are set to it.
     */
    private void readPackedPalette(RfbInput in, int[] px, int first, int stride, int tw, int th, int paletteSize)
            throws IOException {
        int bits = packedIndexBits(paletteSize);
        int rowBytes = (tw * bits + 7) / 8;
        in.ensure(rowBytes * th);
        byte[] a = in.array();
        int p = in.arrayOffset();
        java.util.Arrays.fill(palette, paletteSize, 16, palette[paletteSize - 1]);
        for (int row = 0; row < th; row++, p += rowBytes) {
            PackedIndices.row(a, p, bits, tw, palette, px, first + row * stride);
        }
        in.skip(rowBytes * th);
    }

    /** Most a run takes: a colour (at most 4 bytes) and its length bytes (a 4096-pixel run needs 17). */
    private static final int MAX_RUN_BYTES = 4 + 17;

    private void readPlainRle(RectHeader rect, RfbInput in, PixelConverter conv, int tw, int th) throws IOException {
        int total = tw * th;
        int size = conv.format().compactPixelSize();
        int i = 0;
        while (i < total) {
            int avail = in.request(4096);
            byte[] a = in.array();
            int base = in.arrayOffset();
            int p = base;
            int safeEnd = base + avail - MAX_RUN_BYTES;
            // Runs parsed off the array while a whole run surely fits; the last few one by one.
            while (i < total && p <= safeEnd) {
                int colour = conv.readCompactArgb(a, p);
                p += size;
                int run = 1;
                int b;
                do {
                    b = a[p++] & 0xFF;
                    run += b;
                } while (b == 255 && run <= total - i);
                if (run > total - i) {
                    throw runOverflow(rect, run, total - i);
                }
                java.util.Arrays.fill(tile, i, i + run, colour);
                i += run;
            }
            in.skip(p - base);
            if (i < total && avail < 4096) {
                int colour = WirePixels.readCompact(in, conv);
                int run = readRunLength(rect, in, total - i);
                java.util.Arrays.fill(tile, i, i + run, colour);
                i += run;
            }
        }
    }

    private void readPaletteRle(RectHeader rect, RfbInput in, int tw, int th, int paletteSize) throws IOException {
        int total = tw * th;
        int i = 0;
        while (i < total) {
            int avail = in.request(4096);
            byte[] a = in.array();
            int base = in.arrayOffset();
            int p = base;
            int safeEnd = base + avail - MAX_RUN_BYTES;
            while (i < total && p <= safeEnd) {
                int b = a[p++] & 0xFF;
                int index = b & 127;
                if (index >= paletteSize) {
                    throw badIndex(rect, index, paletteSize);
                }
                int run = 1;
                if ((b & 128) != 0) {
                    int c;
                    do {
                        c = a[p++] & 0xFF;
                        run += c;
                    } while (c == 255 && run <= total - i);
                    if (run > total - i) {
                        throw runOverflow(rect, run, total - i);
                    }
                }
                int colour = palette[index];
                if (run == 1) {
                    tile[i++] = colour;
                } else {
                    java.util.Arrays.fill(tile, i, i + run, colour);
                    i += run;
                }
            }
            in.skip(p - base);
            if (i < total && avail < 4096) {
                int b = in.readU8();
                int index = b & 127;
                if (index >= paletteSize) {
                    throw badIndex(rect, index, paletteSize);
                }
                int run = (b & 128) != 0 ? readRunLength(rect, in, total - i) : 1;
                java.util.Arrays.fill(tile, i, i + run, palette[index]);
                i += run;
            }
        }
    }

    private static RfbProtocolException badIndex(RectHeader rect, int index, int paletteSize) {
        return new RfbProtocolException(rect.describe() + ": palette index " + index
                + " beyond a palette of " + paletteSize);
    }

    private static RfbProtocolException runOverflow(RectHeader rect, int run, int remaining) {
        return new RfbProtocolException(rect.describe() + ": run length " + run
                + " overflows its tile (" + remaining + " pixels left)");
    }

    private static int readRunLength(RectHeader rect, RfbInput in, int remaining) throws IOException {
        int run = 1;
        int b;
        do {
            b = in.readU8();
            run += b;
            if (run > remaining) {
                throw runOverflow(rect, run, remaining);
            }
        } while (b == 255);
        return run;
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
