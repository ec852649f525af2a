package io.vncstream.rfb.decode;

import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelConverter;

import java.io.IOException;

/** Reading pixels off an input in the connection's pixel format, singly or a row at a time. */
final class WirePixels {
    private WirePixels() {
    }

    /** One full-size pixel (PIXEL), converted to ARGB. */
    static int read(RfbInput in, PixelConverter conv) throws IOException {
        int bpp = conv.format().bytesPerPixel();
        in.ensure(bpp);
        int argb = conv.readArgb(in.array(), in.arrayOffset());
        in.skip(bpp);
        return argb;
    }

    /** One compact pixel (ZRLE's CPIXEL, Tight's TPIXEL), converted to ARGB. */
    static int readCompact(RfbInput in, PixelConverter conv) throws IOException {
        int size = conv.format().compactPixelSize();
        in.ensure(size);
        int argb = conv.readCompactArgb(in.array(), in.arrayOffset());
        in.skip(size);
        return argb;
    }

    /** One Tight TPIXEL, converted to ARGB. */
    static int readTight(RfbInput in, PixelConverter conv) throws IOException {
        int size = conv.format().tightPixelSize();
        in.ensure(size);
        int argb = conv.argb(conv.tightValue(in.array(), in.arrayOffset()));
        in.skip(size);
        return argb;
    }

    /** {@code count} Tight TPIXELs into {@code dst}. */
    static void readTightRow(RfbInput in, PixelConverter conv, int[] dst, int dstOff, int count) throws IOException {
        if (!conv.format().hasTightRgbPixel()) {
            readRow(in, conv, dst, dstOff, count);
            return;
        }
        int perChunk = in.capacity() / 3;
        while (count > 0) {
            int n = Math.min(count, perChunk);
            in.ensure(n * 3);
            byte[] a = in.array();
            int off = in.arrayOffset();
            for (int i = 0; i < n; i++, off += 3) {
                dst[dstOff + i] = 0xFF000000 | ((a[off] & 0xFF) << 16) | ((a[off + 1] & 0xFF) << 8) | (a[off + 2] & 0xFF);
            }
            in.skip(n * 3);
            dstOff += n;
            count -= n;
        }
    }

    /** {@code count} full-size pixels into {@code dst}, in chunks that fit the input's buffer. */
    static void readRow(RfbInput in, PixelConverter conv, int[] dst, int dstOff, int count) throws IOException {
        int bpp = conv.format().bytesPerPixel();
        int perChunk = in.capacity() / bpp;
        while (count > 0) {
            int n = Math.min(count, perChunk);
            in.ensure(n * bpp);
            conv.convert(in.array(), in.arrayOffset(), dst, dstOff, n);
            in.skip(n * bpp);
            dstOff += n;
            count -= n;
        }
    }

    /** {@code count} compact pixels into {@code dst}. */
    static void readCompactRow(RfbInput in, PixelConverter conv, int[] dst, int dstOff, int count) throws IOException {
        int size = conv.format().compactPixelSize();
        int perChunk = in.capacity() / size;
        while (count > 0) {
            int n = Math.min(count, perChunk);
            in.ensure(n * size);
            conv.convertCompact(in.array(), in.arrayOffset(), dst, dstOff, n);
            in.skip(n * size);
            dstOff += n;
            count -= n;
        }
    }

    /** A w*h block of compact pixels, row by row, into {@code dst} at {@code first} with row stride {@code stride}. */
    static void readCompactBlock(RfbInput in, PixelConverter conv, int[] dst, int first, int stride, int w, int h)
            throws IOException {
        for (int row = 0; row < h; row++) {
            readCompactRow(in, conv, dst, first + row * stride, w);
        }
    }
}
