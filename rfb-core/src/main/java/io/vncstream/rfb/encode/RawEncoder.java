package io.vncstream.rfb.encode;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.io.ByteArray;

/** Raw: every pixel in the client's format. */
public final class RawEncoder implements Encoder {
    @Override
    public int encoding() {
        return Encodings.RAW;
    }

    @Override
    public void writeRect(ByteArray out, int x, int y, int w, int h, int[] pixels, int stride, PixelPacker packer) {
        Encoder.header(out, x, y, w, h, Encodings.RAW);
        for (int row = y; row < y + h; row++) {
            int start = row * stride + x;
            for (int i = start; i < start + w; i++) {
                packer.write(out, packer.pack(pixels[i]));
            }
        }
    }
}
