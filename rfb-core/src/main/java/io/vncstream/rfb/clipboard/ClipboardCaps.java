package io.vncstream.rfb.clipboard;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.message.ExtendedClipboard;

/**
 * The caps action of the extended clipboard: the formats and actions a side supports, and for
 * each format (lowest bit first) the largest size it accepts. Only text matters here; other
 * formats' sizes are read and kept out of the way.
 */
public record ClipboardCaps(long flags, long textLimit) {
    /** Ours: text only, every action, up to {@code textLimit} bytes of UTF-8. */
    public static ClipboardCaps ours(long textLimit) {
        return new ClipboardCaps(ExtendedClipboard.CAPS | ExtendedClipboard.REQUEST | ExtendedClipboard.PEEK
                | ExtendedClipboard.NOTIFY | ExtendedClipboard.PROVIDE | ExtendedClipboard.TEXT, textLimit);
    }

    public boolean has(long flag) {
        return (flags & flag) != 0;
    }

    public ExtendedClipboard toMessage() {
        ByteArray sizes = new ByteArray(4);
        sizes.u32(textLimit);
        return new ExtendedClipboard(flags, sizes.toByteArray());
    }

    /** Reads a caps message: one u32 size per format bit set, in bit order. */
    public static ClipboardCaps of(ExtendedClipboard caps) throws RfbProtocolException {
        byte[] payload = caps.payload();
        int formats = Long.bitCount(caps.flags() & ExtendedClipboard.FORMATS);
        if (payload.length < 4L * formats) {
            throw new RfbProtocolException("extended clipboard caps: " + formats + " formats but " + payload.length
                    + " bytes of sizes");
        }
        long text = 0;
        if (caps.has(ExtendedClipboard.TEXT)) {
            text = (payload[0] & 0xFFL) << 24 | (payload[1] & 0xFF) << 16 | (payload[2] & 0xFF) << 8 | (payload[3] & 0xFF);
        }
        return new ClipboardCaps(caps.flags(), text);
    }
}
