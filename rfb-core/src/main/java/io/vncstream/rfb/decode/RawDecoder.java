package io.vncstream.rfb.decode;

import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** Raw (0): width*height pixels, row by row. */
public final class RawDecoder implements Decoder {
    @Override
    public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        int rowBytes = rect.width() * ctx.format().bytesPerPixel();
        for (int y = 0; y < rect.height(); y++) {
            in.skip(rowBytes);
        }
    }

    /** Converts each row straight into the framebuffer's pixels: no row buffer, no second copy. */
    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        int[] pixels = fb.pixels();
        int stride = fb.width();
        int w = rect.width();
        for (int y = 0; y < rect.height(); y++) {
            WirePixels.readRow(in, ctx.converter(), pixels, (rect.y() + y) * stride + rect.x(), w);
        }
        fb.damage(rect.x(), rect.y(), rect.width(), rect.height());
    }

    @Override
    public boolean decodesFromStream() {
        return true;
    }
}
