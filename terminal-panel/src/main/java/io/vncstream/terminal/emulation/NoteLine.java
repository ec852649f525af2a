package io.vncstream.terminal.emulation;

/**
 * How a host note (a gap marker, "stream ended") is written into the terminal: on a line of its
 * own, in reverse video, so it stands out from the device's output.
 */
final class NoteLine {
    private NoteLine() {
    }

    static String render(String text, boolean cursorAtLineStart) {
        // A sequence the stream left half-sent has been ended already (OpenSequence); CAN is
        // only a second guard. A line break before (unless the cursor is already at a line
        // start) and after keep the note on a line of its own.
        return "\u0018\u001b[0m" + (cursorAtLineStart ? "" : "\r\n")
                + "\u001b[7m " + sanitize(text) + " \u001b[0m\r\n";
    }

    /** Notes are text, not commands: control characters are shown as spaces. */
    private static String sanitize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? ' ' : c);
        }
        return sb.toString();
    }
}
