package io.vncstream.rfb.stream;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.decode.RectHeader;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A device added or removed: one -260 rectangle of a FramebufferUpdate with x = 0 (added) or
 * 1 (removed), y = 0, an empty area, and a u32-length-prefixed UTF-8 name.
 */
public record DeviceNotice(boolean added, String name) {
    public static final int ADDED = 0;
    public static final int REMOVED = 1;

    /** Whether a -260 rectangle is a stream notification rather than TightPNG (empty area). */
    public static boolean isNotice(RectHeader rect) {
        return rect.encoding() == Encodings.STREAMS && rect.width() == 0 && rect.height() == 0;
    }

    /** Reads the payload of a rectangle for which {@link #isNotice} holds. */
    public static DeviceNotice read(RectHeader rect, RfbInput in) throws IOException {
        if (rect.x() != ADDED && rect.x() != REMOVED) {
            throw new RfbProtocolException("stream device notice: x-position " + rect.x() + " is neither 0 (added) nor 1 (removed)");
        }
        if (rect.y() != 0) {
            throw new RfbProtocolException("stream device notice: y-position " + rect.y() + " is not 0");
        }
        String name = StreamNames.read(in, "stream device notice");
        return new DeviceNotice(rect.x() == ADDED, name);
    }

    /** The whole rectangle: header and payload. */
    public void write(ByteArray out) {
        out.u16(added ? ADDED : REMOVED).u16(0).u16(0).u16(0).s32(Encodings.STREAMS);
        StreamNames.write(out, name);
    }

    /** A FramebufferUpdate message holding just this notice. */
    public byte[] toUpdateMessage() {
        ByteArray out = new ByteArray(32 + name.length());
        out.u8(0).padding(1).u16(1);
        write(out);
        return out.toByteArray();
    }

    static byte[] utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    public static void checkName(String name) {
        int length = utf8(name).length;
        if (length == 0 || length > Limits.MAX_STREAM_NAME) {
            throw new IllegalArgumentException("device name must be 1 to " + Limits.MAX_STREAM_NAME + " bytes of UTF-8: " + name);
        }
    }
}
