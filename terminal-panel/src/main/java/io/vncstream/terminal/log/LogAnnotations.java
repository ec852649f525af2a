package io.vncstream.terminal.log;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How things other than received bytes are marked in the log file: as a private OSC sequence,
 * {@code ESC ] 7777 ; kind ; base64 BEL}. Received bytes stay byte for byte as they came, so the
 * log still replays in any terminal ({@code cat} it), which ignores an OSC it does not know; and
 * the base64 keeps the marked data from ever looking like a terminator.
 */
public final class LogAnnotations {
    /** The OSC number; private, unassigned by xterm. */
    public static final String OSC_NUMBER = "7777";
    public static final String SENT = "sent";
    public static final String NOTE = "note";

    private LogAnnotations() {
    }

    public static byte[] encode(String kind, byte[] payload) {
        String text = "\u001b]" + OSC_NUMBER + ";" + kind + ";"
                + Base64.getEncoder().encodeToString(payload) + "\u0007";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** An annotation found by the stripper, or null when the OSC body is not one of ours. */
    public static Annotation decode(String oscBody) {
        String prefix = OSC_NUMBER + ";";
        if (!oscBody.startsWith(prefix)) {
            return null;
        }
        int kindEnd = oscBody.indexOf(';', prefix.length());
        if (kindEnd < 0) {
            return null;
        }
        try {
            byte[] payload = Base64.getDecoder().decode(oscBody.substring(kindEnd + 1));
            return new Annotation(oscBody.substring(prefix.length(), kindEnd), payload);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public record Annotation(String kind, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }
}
