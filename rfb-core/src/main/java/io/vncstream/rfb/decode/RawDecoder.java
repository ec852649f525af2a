package io.vncstream.rfb.decode;

import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** Raw (0): width*height pixels, row by row. */
public final class RawDecoder implements Decoder {
    private int[] row = new int[0];

    @Override
    public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        int rowBytes = rect.width() * ctx.format().bytesPerPixel();
        for (int y = 0; y < rect.height(); y++) {
            in.skip(rowBytes);
        }
    }

    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        if (row.length < rect.width()) {
            row = new int[rect.width()];
        }
        for (int y = 0; y < rect.height(); y++) {
            WirePixels.readRow(in, ctx.converter(), row, 0, rect.width());
            fb.setPixels(rect.x(), rect.y() + y, rect.width(), 1, row, 0, rect.width());
        }
        fb.damage(rect.x(), rect.y(), rect.width(), rect.height());
    }
}
