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
        String raw = line.getText();
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == CharUtils.DWC) {
                continue;
            }
            sb.append(c == CharUtils.NUL_CHAR ? ' ' : c);
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        return sb.toString();
    }
}
