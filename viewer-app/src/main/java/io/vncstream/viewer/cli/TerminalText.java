package io.vncstream.viewer.cli;

/**
 * Text from a server made safe to print on a terminal: control characters (ESC starting a
 * sequence that would act on the terminal, a newline making one name look like two, a carriage
 * return hiding what came before), and the characters that reorder or hide text (bidi controls,
 * line and paragraph separators), are shown as escapes; a backslash is doubled so that the
 * escapes cannot be faked. Everything else, accented letters and CJK included, is kept.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else if ((c >= 0x80 && c < 0xa0) || isInvisibleFormat(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** Bidi embeddings, overrides and isolates, line and paragraph separators, zero-width marks. */
    private static boolean isInvisibleFormat(int c) {
        return (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0xfeff;
    }
}
