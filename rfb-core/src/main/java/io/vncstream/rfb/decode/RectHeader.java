package io.vncstream.rfb.decode;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** The 12-byte header of one FramebufferUpdate rectangle. */
public record RectHeader(int x, int y, int width, int height, int encoding) {

    /** Reads x, y, width, height (u16 each) and the encoding (s32). */
    public static RectHeader read(RfbInput in) throws IOException {
        return new RectHeader(in.readU16(), in.readU16(), in.readU16(), in.readU16(), in.readS32());
    }

    /** "ZRLE rectangle 1920x1080 at (0,0)": the prefix of every error about this rectangle. */
    public String describe() {
        return Encodings.name(encoding) + " rectangle " + width + "x" + height + " at (" + x + "," + y + ")";
    }

    /**
     * A length read for this rectangle, checked against {@code limit} before anything is
     * allocated for it. The message names the rectangle, and is built only when the check fails:
     * the rectangles of a busy screen come by the tens of thousands a second.
     */
    public int checkLength(String what, long length, long limit) throws RfbProtocolException {
        if (length >= 0 && length <= limit) {
            return (int) length;
        }
        return RfbProtocolException.checkLength(describe() + ": " + what, length, limit);
    }

    public long area() {
        return (long) width * height;
    }
}
