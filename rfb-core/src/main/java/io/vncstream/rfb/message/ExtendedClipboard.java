package io.vncstream.rfb.message;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.util.Arrays;

/**
 * An extended clipboard message (pseudo-encoding 0xC0A1E5CE): a ServerCutText or ClientCutText
 * whose length is negative, its absolute value the size of a u32 of flags (formats in the low
 * 16 bits, the action in the high 8) and the payload the action carries: maximum sizes for
 * caps, a zlib stream for provide, nothing for request, peek and notify. The payload is kept as
 * it came; {@code io.vncstream.rfb.clipboard} gives it meaning.
 */
public record ExtendedClipboard(long flags, byte[] payload) {
    public static final long TEXT = 1;
    public static final long RTF = 1 << 1;
    public static final long HTML = 1 << 2;
    public static final long DIB = 1 << 3;
    public static final long FILES = 1 << 4;
    public static final long CAPS = 1L << 24;
    public static final long REQUEST = 1L << 25;
    public static final long PEEK = 1L << 26;
    public static final long NOTIFY = 1L << 27;
    public static final long PROVIDE = 1L << 28;
    public static final long ACTIONS = 0xFF000000L;
    public static final long FORMATS = 0xFFFFL;

    public ExtendedClipboard {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public boolean has(long flag) {
        return (flags & flag) != 0;
    }

    /** The whole message, type byte included: {@code type} is 3 (ServerCutText) or 6 (ClientCutText). */
    public void write(ByteArray out, int type) {
        out.u8(type).padding(3).s32(-(4 + payload.length)).u32(flags).bytes(payload);
    }

    public byte[] toBytes(int type) {
        ByteArray out = new ByteArray(12 + payload.length);
        write(out, type);
        return out.toByteArray();
    }

    /**
     * Reads the body after a cut text's negative length (whose absolute value is given), checked
     * against the cut text limit before anything is allocated.
     */
    public static ExtendedClipboard readBody(RfbInput in, int negativeLength, String what) throws IOException {
        long length = -(long) negativeLength;
        RfbProtocolException.checkLength(what + " extended clipboard length", length, Limits.MAX_CUT_TEXT);
        if (length < 4) {
            throw new RfbProtocolException(what + " extended clipboard length " + length + " leaves no room for its flags");
        }
        long flags = in.readU32();
        return new ExtendedClipboard(flags, in.readBytes((int) length - 4));
    }

    /** Skips the body after a negative length, for a relay that forwards it unread. */
    public static void skipBody(RfbInput in, int negativeLength, String what) throws IOException {
        long length = -(long) negativeLength;
        RfbProtocolException.checkLength(what + " extended clipboard length", length, Limits.MAX_CUT_TEXT);
        if (length < 4) {
            throw new RfbProtocolException(what + " extended clipboard length " + length + " leaves no room for its flags");
        }
        in.skip((int) length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedClipboard c && c.flags == flags && Arrays.equals(c.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(flags) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "ExtendedClipboard[flags=0x" + Long.toHexString(flags) + ", " + payload.length + " bytes]";
    }
}
