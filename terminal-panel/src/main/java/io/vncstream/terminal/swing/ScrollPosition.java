package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

import javax.swing.JScrollBar;

/**
 * How far the panel is scrolled back into the scrollback, and the scrollbar that shows and sets
 * it. The offset counts lines up from the bottom: 0 follows the output. Event thread.
 */
final class ScrollPosition {
    private final JScrollBar bar = new JScrollBar(JScrollBar.VERTICAL);
    private final ScrollFollow follow = new ScrollFollow();
    private final TerminalTextBuffer buffer;
    private final Runnable changed;
    private int offset;
    private boolean adjustingBar;

    /** @param changed told when the offset changes, to repaint */
    ScrollPosition(TerminalTextBuffer buffer, Runnable changed) {
        this.buffer = buffer;
        this.changed = changed;
        bar.addAdjustmentListener(e -> {
            if (!adjustingBar) {
                set(-e.getValue());
            }
        });
    }

    JScrollBar bar() {
        return bar;
    }

    int offset() {
        return offset;
    }

    /** Scrolls to {@code lines} back from the bottom, within the scrollback. */
    void set(int lines) {
        int clamped = Math.max(0, Math.min(lines, buffer.getHistoryLinesCount()));
        if (clamped != offset) {
            offset = clamped;
            changed.run();
        }
    }

    /** Scrolls so that core line {@code line} is on view, near the middle if it was not. */
    void reveal(int line, int rows) {
        int visible = line + offset;
        if (visible < 0 || visible >= rows) {
            set(rows / 2 - line);
        }
    }

    /**
     * Once per frame, with the buffer locked: keeps a scrolled-back view on the same lines while
     * output arrives (see {@link ScrollFollow}).
     */
    void follow(int history, long linesTrimmed) {
        offset = follow.follow(offset, history, linesTrimmed);
    }

    /** Shows the offset, the screen and the scrollback on the bar. */
    void updateBar(int history, int rows) {
        adjustingBar = true;
        try {
            int screen = buffer.getHeight();
            bar.setValues(-offset, screen, -history, screen);
            bar.setUnitIncrement(1);
            bar.setBlockIncrement(Math.max(1, rows - 1));
        } finally {
            adjustingBar = false;
        }
    }
}
