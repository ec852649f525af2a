package io.vncstream.rfb.bench;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.encode.Encoder;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.testing.Wire;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Writes Tight rectangles (and CopyRect ones) into one FramebufferUpdate, for a client in
 * {@link io.vncstream.rfb.pixel.PixelFormat#TRUE_COLOUR_32}, whose Tight pixels (TPIXEL) are
 * three bytes R, G, B. Four zlib streams, each flushed after its rectangle as servers do.
 */
final class TightUpdateWriter {
    static final int STREAM_COPY = 0;
    static final int STREAM_MONO = 1;
    static final int STREAM_PALETTE = 2;
    static final int STREAM_GRADIENT = 3;
    static final int FILTER_PALETTE = 1;
    static final int FILTER_GRADIENT = 2;
    private static final int MIN_TO_COMPRESS = 12;

    private final ByteArray rects = new ByteArray(1 << 20);
    private final Deflater[] streams = new Deflater[4];
    private final byte[] deflated = new byte[1 << 20];
    private int count;

    TightUpdateWriter(int zlibLevel) {
        for (int i = 0; i < 4; i++) {
            streams[i] = new Deflater(zlibLevel);
        }
    }

    void fill(int x, int y, int w, int h, int argb) {
        Encoder.header(rects, x, y, w, h, Encodings.TIGHT);
        rects.u8(0x80);
        tpixel(rects, argb);
        count++;
    }

    void jpeg(int x, int y, int w, int h, byte[] jpeg) {
        Encoder.header(rects, x, y, w, h, Encodings.TIGHT);
        rects.u8(0x90);
        compactLength(jpeg.length);
        rects.bytes(jpeg);
        count++;
    }

    /** Basic compression: filter -1 is none (copy); {@code palette} only with FILTER_PALETTE. */
    void basic(int x, int y, int w, int h, int stream, int filter, int[] palette, byte[] data) {
        Encoder.header(rects, x, y, w, h, Encodings.TIGHT);
        rects.u8((stream << 4) | (filter >= 0 ? 0x40 : 0));
        if (filter >= 0) {
            rects.u8(filter);
        }
        if (filter == FILTER_PALETTE) {
            rects.u8(palette.length - 1);
            for (int c : palette) {
                tpixel(rects, c);
            }
        }
        if (data.length < MIN_TO_COMPRESS) {
            rects.bytes(data);
        } else {
            Deflater d = streams[stream];
            d.setInput(data);
            int n = d.deflate(deflated, 0, deflated.length, Deflater.SYNC_FLUSH);
            if (n == deflated.length) {
                // A full buffer may hide more output; rectangles here are far smaller than 1 MiB.
                throw new IllegalStateException("Tight rectangle " + w + "x" + h + " deflates to over 1 MiB");
            }
            compactLength(n);
            rects.append(deflated, 0, n);
        }
        count++;
    }

    void copyRect(int x, int y, int w, int h, int srcX, int srcY) {
        Encoder.header(rects, x, y, w, h, Encodings.COPY_RECT);
        rects.u16(srcX).u16(srcY);
        count++;
    }

    /** The FramebufferUpdate message, type byte first. */
    byte[] update() {
        ByteArray out = new ByteArray(rects.size() + 4);
        out.u8(0).u8(0).u16(count);
        out.append(rects.array(), 0, rects.size());
        Arrays.stream(streams).forEach(Deflater::end);
        return out.toByteArray();
    }

    static void tpixel(ByteArray out, int argb) {
        out.u8((argb >>> 16) & 0xFF).u8((argb >>> 8) & 0xFF).u8(argb & 0xFF);
    }

    private void compactLength(int length) {
        rects.append(Wire.tightLength(length));
    }
}
