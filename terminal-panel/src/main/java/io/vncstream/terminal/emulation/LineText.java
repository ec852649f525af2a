package io.vncstream.terminal.emulation;

import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.util.CharUtils;

/** The text a person sees on one terminal line. */
public final class LineText {
    private LineText() {
    }

    /**
     * The line's characters with the core's bookkeeping removed: the placeholder cell after a
     * wide character is dropped, empty cells become spaces, and trailing blanks are trimmed.
     */
    public static String of(TerminalLine line) {
        StringBuilder sb = visible(line.getText(), null);
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        return sb.toString();
    }

    /**
     * Like {@link #of} but untrimmed, and telling where each character is: {@code cellOf[i]} is
     * set to the cell the {@code i}-th character starts in, and the entry after the last
     * character to the line's width in cells.
     *
     * @param raw    a line's {@link TerminalLine#getText()}
     * @param cellOf at least {@code raw.length() + 1} long
     */
    public static String of(String raw, int[] cellOf) {
        return visible(raw, cellOf).toString();
    }

    private static StringBuilder visible(String raw, int[] cellOf) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int cell = 0; cell < raw.length(); cell++) {
            char c = raw.charAt(cell);
            if (c == CharUtils.DWC) {
                continue;
            }
            if (cellOf != null) {
                cellOf[sb.length()] = cell;
            }
            sb.append(c == CharUtils.NUL_CHAR ? ' ' : c);
        }
        if (cellOf != null) {
            cellOf[sb.length()] = raw.length();
        }
        return sb;
    }
}
