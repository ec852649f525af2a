package io.vncstream.rfb.bench;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.encode.Encoder;
import io.vncstream.rfb.encode.PixelPacker;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.pixel.PixelFormat;

import java.util.zip.Deflater;

/** Zlib rectangles (u32 length, then Raw pixels through one connection-long zlib stream) in one update. */
final class ZlibUpdateWriter {
    private final PixelPacker packer = new PixelPacker(PixelFormat.TRUE_COLOUR_32);
    private final Deflater deflater;
    private final ByteArray rects = new ByteArray(1 << 20);
    private final ByteArray pixels = new ByteArray(1 << 18);
    private final byte[] deflated = new byte[1 << 20];
    private int count;

    ZlibUpdateWriter(int zlibLevel) {
        deflater = new Deflater(zlibLevel);
    }

    void rect(int[] frame, int stride, int x, int y, int w, int h) {
        pixels.clear();
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                packer.write(pixels, packer.pack(frame[(y + row) * stride + x + col]));
            }
        }
        deflater.setInput(pixels.array(), 0, pixels.size());
        int n = deflater.deflate(deflated, 0, deflated.length, Deflater.SYNC_FLUSH);
        if (n == deflated.length) {
            throw new IllegalStateException("Zlib rectangle " + w + "x" + h + " deflates to over 1 MiB");
        }
        Encoder.header(rects, x, y, w, h, Encodings.ZLIB);
        rects.u32(n);
        rects.append(deflated, 0, n);
        count++;
    }

    /** The FramebufferUpdate message, type byte first. */
    byte[] update() {
        deflater.end();
        ByteArray out = new ByteArray(rects.size() + 4);
        out.u8(0).u8(0).u16(count);
        out.append(rects.array(), 0, rects.size());
        return out.toByteArray();
    }
}
