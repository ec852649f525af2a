package io.vncstream.rfb.decode;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** RRE (2): a background colour and a list of solid subrectangles. */
public final class RreDecoder implements Decoder {
    @Override
    public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        int count = rect.checkLength("subrectangle count", in.readU32(), Limits.MAX_RRE_SUBRECTS);
        int bpp = ctx.format().bytesPerPixel();
        in.skip(bpp);
        for (int i = 0; i < count; i++) {
            in.skip(bpp + 8);
        }
    }

    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        int count = rect.checkLength("subrectangle count", in.readU32(), Limits.MAX_RRE_SUBRECTS);
        int background = WirePixels.read(in, ctx.converter());
        fb.fillRect(rect.x(), rect.y(), rect.width(), rect.height(), background);
        for (int i = 0; i < count; i++) {
            int colour = WirePixels.read(in, ctx.converter());
            int x = in.readU16();
            int y = in.readU16();
            int w = in.readU16();
            int h = in.readU16();
            if (x + w > rect.width() || y + h > rect.height()) {
                throw new RfbProtocolException(rect.describe() + ": subrectangle " + i + " (" + w + "x" + h
                        + " at " + x + "," + y + ") lies outside the rectangle");
            }
            fb.fillRect(rect.x() + x, rect.y() + y, w, h, colour);
        }
        fb.damage(rect.x(), rect.y(), rect.width(), rect.height());
    }
}
