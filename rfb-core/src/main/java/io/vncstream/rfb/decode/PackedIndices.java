package io.vncstream.rfb.decode;

/**
 * A row of palette indices packed 1, 2 or 4 to a byte, the first pixel in the high bits, rows
 * padded to whole bytes: ZRLE's packed-palette tiles and Tight's two-colour rectangles. A
 * whole byte gives its 8, 4 or 2 pixels in straight-line code. Every index a byte can hold must
 * have an entry in {@code palette} (callers pad it): no pixel is checked.
 */
final class PackedIndices {
    private PackedIndices() {
    }

    /** The {@code w} pixels of the row at {@code src[p]} into {@code dst} from {@code d}. */
    static void row(byte[] src, int p, int bits, int w, int[] palette, int[] dst, int d) {
        int[] pal = palette;
        int perByte = 8 / bits;
        int whole = w / perByte;
        switch (bits) {
            case 1 -> {
                for (int i = 0; i < whole; i++, d += 8) {
                    int b = src[p + i];
                    dst[d] = pal[(b >>> 7) & 1];
                    dst[d + 1] = pal[(b >>> 6) & 1];
                    dst[d + 2] = pal[(b >>> 5) & 1];
                    dst[d + 3] = pal[(b >>> 4) & 1];
                    dst[d + 4] = pal[(b >>> 3) & 1];
                    dst[d + 5] = pal[(b >>> 2) & 1];
                    dst[d + 6] = pal[(b >>> 1) & 1];
                    dst[d + 7] = pal[b & 1];
                }
            }
            case 2 -> {
                for (int i = 0; i < whole; i++, d += 4) {
                    int b = src[p + i];
                    dst[d] = pal[(b >>> 6) & 3];
                    dst[d + 1] = pal[(b >>> 4) & 3];
                    dst[d + 2] = pal[(b >>> 2) & 3];
                    dst[d + 3] = pal[b & 3];
                }
            }
            case 4 -> {
                for (int i = 0; i < whole; i++, d += 2) {
                    int b = src[p + i];
                    dst[d] = pal[(b >>> 4) & 15];
                    dst[d + 1] = pal[b & 15];
                }
            }
            default -> throw new IllegalArgumentException("packed indices of " + bits + " bits");
        }
        int rest = w - whole * perByte;
        if (rest > 0) {
            int b = src[p + whole];
            int mask = (1 << bits) - 1;
            for (int k = 0; k < rest; k++) {
                dst[d + k] = pal[(b >>> (8 - bits * (k + 1))) & mask];
            }
        }
    }

    /**
     * A row of one-bit indices into two colours, each bit selecting by a mask rather than by a
     * load from the palette: Tight's two-colour rectangles (text), where it took lossless Tight's
     * decoding 1-5% faster on recorded Xvnc sessions (A/B, two runs of 3 rounds). ZRLE's tiles
     * did not gain from it (3-9% slower in one run), so they keep {@link #row}.
     */
    static void twoColours(byte[] src, int p, int w, int c0, int c1, int[] dst, int d) {
        int x = c0 ^ c1;
        int whole = w >>> 3;
        for (int i = 0; i < whole; i++, d += 8) {
            int b = src[p + i];
            dst[d] = c0 ^ (x & -((b >>> 7) & 1));
            dst[d + 1] = c0 ^ (x & -((b >>> 6) & 1));
            dst[d + 2] = c0 ^ (x & -((b >>> 5) & 1));
            dst[d + 3] = c0 ^ (x & -((b >>> 4) & 1));
            dst[d + 4] = c0 ^ (x & -((b >>> 3) & 1));
            dst[d + 5] = c0 ^ (x & -((b >>> 2) & 1));
            dst[d + 6] = c0 ^ (x & -((b >>> 1) & 1));
            dst[d + 7] = c0 ^ (x & -(b & 1));
        }
        int rest = w & 7;
        if (rest > 0) {
            int b = src[p + whole];
            for (int k = 0; k < rest; k++) {
                dst[d + k] = c0 ^ (x & -((b >>> (7 - k)) & 1));
            }
        }
    }
}
