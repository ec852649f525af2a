package io.vncstream.rfb.handshake;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A failure reason string: u32 length and text, as in refusals and SecurityResult (3.8). */
public final class Reason {
    private Reason() {
    }

    /** The reason as printable text: see {@link #clean}. */
    public static String read(RfbInput in) throws IOException {
        int length = in.readLength("reason length", Limits.MAX_REASON);
        return clean(new String(in.readBytes(length), StandardCharsets.UTF_8));
    }

    /**
     * A reason from the wire made fit for a terminal or a log: control characters (QEMU ends its
     * reasons with a NUL; an escape sequence or a newline would act on a terminal or forge a log
     * line) become one space per run, and the ends are trimmed.
     */
    public static String clean(String reason) {
        StringBuilder out = new StringBuilder(reason.length());
        boolean inControl = false;
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (!inControl) {
                    out.append(' ');
                }
                inControl = true;
            } else {
                out.append(c);
                inControl = false;
            }
        }
        return out.toString().strip();
    }

    /**
     * {@code what + ": " + reason}, without saying it twice when the reason starts with the same
     * words (QEMU's "Authentication failed" after our "authentication failed").
     */
    public static String after(String what, String reason) {
        if (reason.regionMatches(true, 0, what, 0, what.length())) {
            String rest = reason.substring(what.length()).replaceFirst("^[\\s:.,;-]+", "");
            return rest.isEmpty() ? what : what + ": " + rest;
        }
        return what + ": " + reason;
    }

    public static void write(ByteArray out, String reason) {
        byte[] b = reason.getBytes(StandardCharsets.UTF_8);
        out.u32(b.length).bytes(b);
    }
}
