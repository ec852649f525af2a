package io.vncstream.gateway.log;

/**
 * Text from a peer (a viewer's device name, a server's reason), made safe for a log line: quoted,
 * with control characters (a newline would forge a log line, an ESC reaches whoever tails the
 * log), backslashes, quotes and bidirectional overrides written as escapes, and cut at a length.
 */
public final class LogText {
    private static final int MAX_CHARS = 300;

    private LogText() {
    }

    /** A name or text from a peer, in quotes. */
    public static String quote(String s) {
        return s == null ? "null" : "\"" + escape(s, true) + "\"" + cut(s);
    }

    /** A message that may hold peer text (an exception's, a server's reason), escaped but not quoted. */
    public static String clean(String s) {
        return s == null ? "null" : escape(s, false) + cut(s);
    }

    private static String escape(String s, boolean quoting) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        int n = Math.min(s.length(), MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append(quoting ? "\\\\" : "\\");
                case '"' -> b.append(quoting ? "\\\"" : "\"");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else if ((c >= 0x80 && c < 0xA0) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                            || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !validPair(s, i)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String cut(String s) {
        return s.length() > MAX_CHARS ? " (" + (s.length() - MAX_CHARS) + " more characters)" : "";
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
