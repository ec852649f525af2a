package io.vncstream.rfb.encode;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.decode.ZrleDecoder;
import io.vncstream.rfb.io.ByteArray;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * ZRLE: 64x64 tiles, each sent as whichever of solid, packed palette, palette RLE, plain RLE
 * or raw is smallest, through one zlib stream per connection (flushed at each rectangle).
 */
public final class ZrleEncoder implements Encoder {
    private static final int TILE = 64;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private final ByteArray tiles = new ByteArray(64 * 1024);
    private final TileAnalysis analysis = new TileAnalysis();
    private byte[] compressed = new byte[64 * 1024];

    @Override
    public int encoding() {
        return Encodings.ZRLE;
    }

    @Override
    public void writeRect(ByteArray out, int x, int y, int w, int h, int[] pixels, int stride, PixelPacker packer) {
        tiles.clear();
        for (int ty = y; ty < y + h; ty += TILE) {
            int th = Math.min(TILE, y + h - ty);
            for (int tx = x; tx < x + w; tx += TILE) {
                int tw = Math.min(TILE, x + w - tx);
                writeTile(tx, ty, tw, th, pixels, stride, packer);
            }
        }
        Encoder.header(out, x, y, w, h, Encodings.ZRLE);
        int length = deflate();
        out.u32(length);
        out.append(compressed, 0, length);
    }

    private int deflate() {
        deflater.setInput(tiles.array(), 0, tiles.size());
        int length = 0;
        while (true) {
            if (length == compressed.length) {
                compressed = Arrays.copyOf(compressed, compressed.length * 2);
            }
            int n = deflater.deflate(compressed, length, compressed.length - length, Deflater.SYNC_FLUSH);
            length += n;
            if (length < compressed.length) {
                return length;
            }
        }
    }

    private void writeTile(int tx, int ty, int tw, int th, int[] pixels, int stride, PixelPacker packer) {
        TileAnalysis a = analysis;
        a.analyse(pixels, tx, ty, tw, th, stride);
        int cpixel = packer.compactSize();
        int n = tw * th;
        if (a.colours == 1) {
            tiles.u8(1);
            packer.writeCompact(tiles, packer.pack(a.palette[0]));
            return;
        }
        long raw = (long) n * cpixel;
        long plainRle = (long) a.runs * (cpixel + 1) + a.longRunBytes;
        long paletteRle = a.colours <= 127 ? (long) a.colours * cpixel + a.runs + a.longRunBytes + a.runs : Long.MAX_VALUE;
        long packed = a.colours <= 16 ? (long) a.colours * cpixel + packedBytes(tw, th, a.colours) : Long.MAX_VALUE;
        long best = Math.min(Math.min(raw, plainRle), Math.min(paletteRle, packed));
        if (best == packed) {
            tiles.u8(a.colours);
            writePalette(a, packer);
            writePacked(a, tw, th);
        } else if (best == paletteRle) {
            tiles.u8(128 | a.colours);
            writePalette(a, packer);
            writeRuns(a, n, null);
        } else if (best == plainRle) {
            tiles.u8(128);
            writeRuns(a, n, packer);
        } else {
            tiles.u8(0);
            for (int i = 0; i < n; i++) {
                packer.writeCompact(tiles, packer.pack(a.tile[i]));
            }
        }
    }

    private static int packedBytes(int tw, int th, int colours) {
        return (tw * ZrleDecoder.packedIndexBits(colours) + 7) / 8 * th;
    }

    private void writePalette(TileAnalysis a, PixelPacker packer) {
        for (int i = 0; i < a.colours; i++) {
            packer.writeCompact(tiles, packer.pack(a.palette[i]));
        }
    }

    private void writePacked(TileAnalysis a, int tw, int th) {
        int bits = ZrleDecoder.packedIndexBits(a.colours);
        // Neighbours mostly share a colour: look the index up only when the colour changes.
        int colour = a.tile[0];
        int index = a.index(colour);
        for (int row = 0; row < th; row++) {
            int b = 0;
            int used = 0;
            for (int col = 0; col < tw; col++) {
                int c = a.tile[row * tw + col];
                if (c != colour) {
                    colour = c;
                    index = a.index(c);
                }
                b = (b << bits) | index;
                used += bits;
                if (used == 8) {
                    tiles.u8(b);
                    b = 0;
                    used = 0;
                }
            }
            if (used > 0) {
                tiles.u8(b << (8 - used));
            }
        }
    }

    /** Plain RLE when {@code packer} is given (colour then length), else palette RLE (index, length if > 1). */
    private void writeRuns(TileAnalysis a, int n, PixelPacker packer) {
        int i = 0;
        while (i < n) {
            int colour = a.tile[i];
            int run = 1;
            while (i + run < n && a.tile[i + run] == colour) {
                run++;
            }
            if (packer != null) {
                packer.writeCompact(tiles, packer.pack(colour));
                writeRunLength(run);
            } else if (run == 1) {
                tiles.u8(a.index(colour));
            } else {
                tiles.u8(128 | a.index(colour));
                writeRunLength(run);
            }
            i += run;
        }
    }

    private void writeRunLength(int run) {
        int rest = run - 1;
        while (rest >= 255) {
            tiles.u8(255);
            rest -= 255;
        }
        tiles.u8(rest);
    }
}
