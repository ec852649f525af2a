package io.vncstream.terminal.log;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Turns a raw terminal log into plain text a person can read: escape sequences (CSI, OSC, DCS
 * and the other string sequences, two- and three-byte ESC sequences) are removed, and carriage
 * returns are applied the way a terminal would show them: {@code CR LF} ends a line, a lone
 * {@code CR} goes back to the line start so that a progress counter ends as its last value, and
 * backspace and "erase to end of line" edit the line. Host notes in the log become lines of their
 * own; input marked as sent is left out (the device's echo of it is in the log already).
 *
 * <p>Bytes are fed in chunks of any size (a character or sequence may be split anywhere); call
 * {@link #finish()} at the end. Optionally each line starts with the time its first byte arrived.
 */
public final class EscapeStripper {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_STRING = 64 * 1024;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private enum State { TEXT, ESC, ESC_INTERMEDIATE, CSI, OSC, STRING, STRING_ESC }

    private final Writer out;
    private final TimeIndex times;
    private final ZoneId zone;

    private State state = State.TEXT;
    /** Whether the string sequence being skipped is an OSC (whose body is kept, for notes). */
    private boolean stringIsOsc;
    private final StringBuilder params = new StringBuilder();
    private final StringBuilder osc = new StringBuilder();

    private int[] line = new int[256];
    private int lineLength;
    private int column;
    private long lineStart = -1;

    private int utf8Needed;
    private int utf8CodePoint;
    private int utf8Min;

    /** Plain text without timestamps. */
    public EscapeStripper(Writer out) {
        this(out, null, ZoneId.systemDefault());
    }

    /** With {@code times} non-null, each line starts with the arrival time of its first byte. */
    public EscapeStripper(Writer out, TimeIndex times, ZoneId zone) {
        this.out = out;
        this.times = times;
        this.zone = zone;
    }

    /** Strips a whole log at once. */
    public static String strip(byte[] log) {
        java.io.StringWriter text = new java.io.StringWriter();
        EscapeStripper stripper = new EscapeStripper(text);
        try {
            stripper.feed(log, 0, log.length, 0);
            stripper.finish();
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    /**
     * @param logOffset the position in the log of {@code bytes[offset]}, for timestamps
     */
    public void feed(byte[] bytes, int offset, int length, long logOffset) throws IOException {
        for (int i = 0; i < length; i++) {
            if (lineStart < 0) {
                lineStart = logOffset + i;
            }
            feedByte(bytes[offset + i] & 0xff);
        }
    }

    /** Writes out a last line that has no line feed. */
    public void finish() throws IOException {
        if (lineLength > 0) {
            endLine();
        }
        out.flush();
    }

    private void feedByte(int b) throws IOException {
        if (utf8Needed > 0) {
            if ((b & 0xc0) == 0x80) {
                utf8CodePoint = (utf8CodePoint << 6) | (b & 0x3f);
                if (--utf8Needed == 0) {
                    boolean valid = utf8CodePoint >= utf8Min && utf8CodePoint <= 0x10ffff
                            && (utf8CodePoint < 0xd800 || utf8CodePoint > 0xdfff);
                    character(valid ? utf8CodePoint : 0xfffd);
                }
                return;
            }
            // The sequence broke off: show that, then read this byte afresh.
            utf8Needed = 0;
            character(0xfffd);
        }
        if (b < 0x80) {
            character(b);
        } else if ((b & 0xe0) == 0xc0) {
            start(b & 0x1f, 1, 0x80);
        } else if ((b & 0xf0) == 0xe0) {
            start(b & 0x0f, 2, 0x800);
        } else if ((b & 0xf8) == 0xf0) {
            start(b & 0x07, 3, 0x10000);
        } else {
            character(0xfffd);
        }
    }

    private void start(int bits, int needed, int min) {
        utf8CodePoint = bits;
        utf8Needed = needed;
        utf8Min = min;
    }

    private void character(int c) throws IOException {
        switch (state) {
            case TEXT -> text(c);
            case ESC -> escape(c);
            case ESC_INTERMEDIATE -> {
                if (c == 0x1b) {
                    state = State.ESC;
                } else if (c < 0x20) {
                    control(c);
                } else if (c > 0x2f) {
                    // The final byte (as in ESC ( B): the sequence is over.
                    state = State.TEXT;
                }
            }
            case CSI -> csi(c);
            case OSC, STRING -> string(c);
            case STRING_ESC -> {
                if (c == '\\') {
                    endString();
                } else {
                    // Not a string terminator: ESC begins a new sequence, the string is abandoned.
                    state = State.ESC;
                    escape(c);
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void text(int c) throws IOException {
        if (c == 0x1b) {
            state = State.ESC;
        } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
            control(c);
        } else {
            put(c);
        }
    }

    /** Acts on a C0 control; returns true when it was one that aborts a sequence (CAN, SUB). */
    private boolean control(int c) throws IOException {
        switch (c) {
            case '\n', 0x0b, 0x0c -> endLine();
            case '\r' -> column = 0;
            case '\b' -> column = Math.max(0, column - 1);
            case '\t' -> put('\t');
            case 0x18, 0x1a -> {
                state = State.TEXT;
                return true;
            }
            default -> {
                // BEL, NUL and the rest show nothing.
            }
        }
        return false;
    }

    private void escape(int c) throws IOException {
        switch (c) {
            case '[' -> {
                params.setLength(0);
                state = State.CSI;
            }
            case ']' -> {
                osc.setLength(0);
                stringIsOsc = true;
                state = State.OSC;
            }
            case 'P', 'X', '^', '_' -> {
                stringIsOsc = false;
                state = State.STRING;
            }
            case 0x1b -> state = State.ESC;
            default -> {
                if (c >= 0x20 && c <= 0x2f) {
                    state = State.ESC_INTERMEDIATE;
                } else if (c < 0x20) {
                    control(c);
                } else {
                    state = State.TEXT;
                }
            }
        }
    }

    private void csi(int c) throws IOException {
        if (c >= 0x40 && c <= 0x7e) {
            state = State.TEXT;
            applyCsi((char) c, params.toString());
        } else if (c >= 0x20 && c <= 0x3f) {
            if (params.length() < 256) {
                params.append((char) c);
            }
        } else if (c == 0x1b) {
            state = State.ESC;
        } else if (c < 0x20) {
            control(c);
        } else {
            state = State.TEXT;
        }
    }

    /** The few CSI sequences that change what a line says; the rest only style or move. */
    private void applyCsi(char command, String parameters) {
        int n = firstParameter(parameters);
        switch (command) {
            case 'K' -> eraseInLine(n < 0 ? 0 : n);
            case 'G' -> column = Math.max(0, (n <= 0 ? 1 : n) - 1);
            case 'C' -> column += Math.max(1, n);
            case 'D' -> column = Math.max(0, column - Math.max(1, n));
            default -> {
                // Styles, cursor moves between lines, modes, scrolling: nothing for plain text.
            }
        }
    }

    private static int firstParameter(String parameters) {
        int end = 0;
        while (end < parameters.length() && Character.isDigit(parameters.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 6) {
            return -1;
        }
        return Integer.parseInt(parameters.substring(0, end));
    }

    private void eraseInLine(int mode) {
        if (mode == 0) {
            lineLength = Math.min(lineLength, column);
        } else if (mode == 1) {
            for (int i = 0; i < Math.min(column + 1, lineLength); i++) {
                line[i] = ' ';
            }
        } else if (mode == 2) {
            lineLength = 0;
        }
    }

    private void string(int c) throws IOException {
        if (c == 0x07 && stringIsOsc) {
            endString();
        } else if (c == 0x1b) {
            state = State.STRING_ESC;
        } else if (c == 0x18 || c == 0x1a) {
            state = State.TEXT;
        } else if (stringIsOsc && osc.length() < MAX_STRING) {
            osc.appendCodePoint(c);
        }
    }

    private void endString() throws IOException {
        state = State.TEXT;
        if (!stringIsOsc) {
            return;
        }
        LogAnnotations.Annotation annotation = LogAnnotations.decode(osc.toString());
        if (annotation != null && LogAnnotations.NOTE.equals(annotation.kind())) {
            // A note stands on a line of its own, as it does on the screen.
            if (lineLength > 0) {
                endLine();
            }
            annotation.text().codePoints().forEach(this::put);
            endLine();
        }
    }

    private void put(int c) {
        if (column >= MAX_LINE) {
            return;
        }
        if (column >= line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, column + 1));
        }
        while (lineLength < column) {
            line[lineLength++] = ' ';
        }
        line[column++] = c;
        lineLength = Math.max(lineLength, column);
    }

    private void endLine() throws IOException {
        if (times != null) {
            long time = times.timeAt(Math.max(0, lineStart));
            if (time >= 0) {
                out.write('[');
                out.write(STAMP.format(Instant.ofEpochMilli(time).atZone(zone)));
                out.write("] ");
            }
        }
        StringBuilder text = new StringBuilder(lineLength + 1);
        for (int i = 0; i < lineLength; i++) {
            text.appendCodePoint(line[i]);
        }
        text.append('\n');
        out.write(text.toString());
        lineLength = 0;
        column = 0;
        lineStart = -1;
    }
}
