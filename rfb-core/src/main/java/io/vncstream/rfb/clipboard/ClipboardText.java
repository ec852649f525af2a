package io.vncstream.rfb.clipboard;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.message.ExtendedClipboard;

import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The provide action's payload: a zlib stream holding, for each format flagged, a u32 length and
 * the data. Text is UTF-8 with CRLF line ends and a terminating NUL (TigerVNC's form). Sending
 * ends the stream with a sync flush, as TigerVNC does; receiving also takes a finished stream,
 * as QEMU sends one. Every length is checked against the limit before anything is allocated.
 */
public final class ClipboardText {
    private ClipboardText() {
    }

    /** A provide message carrying this text (line ends as LF or CRLF). */
    public static ExtendedClipboard provide(String text) {
        byte[] utf8 = wireText(text);
        ByteArray plain = new ByteArray(utf8.length + 4);
        plain.u32(utf8.length).bytes(utf8);
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(plain.array(), 0, plain.size());
            ByteArray z = new ByteArray(utf8.length / 2 + 64);
            byte[] chunk = new byte[64 * 1024];
            int n;
            do {
                n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                z.append(chunk, 0, n);
            } while (n == chunk.length || !deflater.needsInput());
            return new ExtendedClipboard(ExtendedClipboard.PROVIDE | ExtendedClipboard.TEXT, z.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** A provide message with no formats: the answer to a request when there is nothing to give. */
    public static ExtendedClipboard empty() {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(new byte[0]);
            byte[] chunk = new byte[64];
            int n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
            return new ExtendedClipboard(ExtendedClipboard.PROVIDE, java.util.Arrays.copyOf(chunk, n));
        } finally {
            deflater.end();
        }
    }

    /** The bytes the text goes as: CRLF line ends, UTF-8, NUL-terminated. */
    public static byte[] wireText(String text) {
        String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
        byte[] utf8 = crlf.getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(utf8, utf8.length + 1);
        return out;
    }

    /**
     * The text of a provide message, or null when it carries none; formats after text (RTF,
     * HTML...) are not inflated at all. Line ends come back as LF, the NUL is dropped.
     */
    public static String textOf(ExtendedClipboard provide, long limit) throws RfbProtocolException {
        if (!provide.has(ExtendedClipboard.TEXT)) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(provide.payload());
            byte[] length = inflate(inflater, 4);
            long size = (length[0] & 0xFFL) << 24 | (length[1] & 0xFF) << 16 | (length[2] & 0xFF) << 8 | (length[3] & 0xFF);
            RfbProtocolException.checkLength("extended clipboard text length", size, limit);
            byte[] utf8 = inflate(inflater, (int) size);
            int end = utf8.length;
            while (end > 0 && utf8[end - 1] == 0) {
                end--;
            }
            return new String(utf8, 0, end, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } finally {
            inflater.end();
        }
    }

    private static byte[] inflate(Inflater inflater, int n) throws RfbProtocolException {
        byte[] out = new byte[n];
        int got = 0;
        try {
            while (got < n) {
                int k = inflater.inflate(out, got, n - got);
                got += k;
                if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            throw new RfbProtocolException("extended clipboard provide: bad zlib data (" + e.getMessage() + ")");
        }
        if (got < n) {
            throw new RfbProtocolException("extended clipboard provide: the zlib data ends after " + got + " of " + n
                    + " bytes");
        }
        return out;
    }
}
