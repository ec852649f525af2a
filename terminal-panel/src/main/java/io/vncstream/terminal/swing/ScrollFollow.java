package io.vncstream.terminal.swing;

/**
 * Keeps a view that is scrolled back on the same lines while output pushes lines into the
 * scrollback: the offset from the bottom grows by the number of lines pushed. That number is
 * the scrollback's growth plus the lines the engine trimmed from its top meanwhile (once the
 * scrollback is full it no longer grows, though lines keep coming).
 */
final class ScrollFollow {
    private int lastHistory;
    private long lastTrimmed;

    /**
     * @param offset  lines the view is scrolled back from the bottom; 0 follows the output
     * @param history lines in the scrollback now
     * @param trimmed lines trimmed from the scrollback's top since the start
     * @return the offset that shows the same lines, at most {@code history}
     */
    int follow(int offset, int history, long trimmed) {
        long pushed = history + trimmed - (lastHistory + lastTrimmed);
        lastHistory = history;
        lastTrimmed = trimmed;
        if (offset > 0 && pushed > 0) {
            return (int) Math.min(history, offset + pushed);
        }
        return Math.min(offset, history);
    }
}
