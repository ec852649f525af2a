package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** CopyRect (1): the rectangle is a copy of another part of the framebuffer. */
public final class CopyRectDecoder implements Decoder {
    @Override
    public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        in.skip(4);
    }

    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        int srcX = in.readU16();
        int srcY = in.readU16();
        if (!fb.contains(srcX, srcY, rect.width(), rect.height())) {
            throw new RfbProtocolException(rect.describe() + ": source (" + srcX + "," + srcY
                    + ") lies outside the " + fb.width() + "x" + fb.height() + " framebuffer");
        }
        fb.copyRect(srcX, srcY, rect.x(), rect.y(), rect.width(), rect.height());
        fb.damage(rect.x(), rect.y(), rect.width(), rect.height());
    }

    /** Reads another region of the framebuffer, so it must not overtake earlier rectangles. */
    @Override
    public boolean ordered() {
        return true;
    }
}
