package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import io.vncstream.terminal.emulation.LineText;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Find in scrollback and screen: every case-insensitive match of the query, in reading order,
 * with one of them current. Rows are the core's line indices (negative in the scrollback);
 * columns are cells, so matches after wide characters are highlighted where they show.
 *
 * <p>Output that arrives after a search moves every line up (its index falls by one a line
 * pushed into the scrollback), so the matches {@linkplain #follow follow}: they are kept
 * against the count of lines pushed so far, the scrollback's size plus what was trimmed from
 * its top, and those trimmed away are dropped.
 */
public final class FindModel {
    /** A match: {@code length} cells from {@code column} of line {@code row}. */
    public record Match(int row, int column, int length) {
    }

    private String query = "";
    private List<Match> matches = List.of();
    private int current = -1;
    /** Lines pushed into the scrollback since the start, when the rows of {@link #matches} held. */
    private long pushed;

    public String query() {
        return query;
    }

    public List<Match> matches() {
        return matches;
    }

    /**
     * The matches on core line {@code row}, in column order. A binary search over the matches
     * (kept in reading order), as every frame asks this for each row on view.
     */
    List<Match> matchesOn(int row) {
        return matches.subList(firstRowAtOrAfter(row), firstRowAtOrAfter(row + 1));
    }

    private int firstRowAtOrAfter(int row) {
        int low = 0;
        int high = matches.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (matches.get(mid).row() < row) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The current match, or null when there is none. */
    public Match current() {
        return current >= 0 && current < matches.size() ? matches.get(current) : null;
    }

    public int currentIndex() {
        return current;
    }

    /**
     * Searches for {@code newQuery}; the current match becomes the one nearest the bottom.
     *
     * @param trimmed lines trimmed from the scrollback's top since the start (read under the lock)
     */
    void search(TerminalTextBuffer buffer, LongSupplier trimmed, String newQuery) {
        query = newQuery == null ? "" : newQuery;
        findAll(buffer, trimmed);
        current = matches.size() - 1;
    }

    /** Searches again (the text may have moved) and steps by {@code step} from the current match. */
    void step(TerminalTextBuffer buffer, LongSupplier trimmed, int step) {
        Match was = current();
        long pushedBefore = pushed;
        findAll(buffer, trimmed);
        if (matches.isEmpty()) {
            current = -1;
            return;
        }
        int index = was == null ? -1 : indexOf(was, pushed - pushedBefore);
        if (index < 0) {
            current = step > 0 ? 0 : matches.size() - 1;
        } else {
            current = Math.floorMod(index + step, matches.size());
        }
    }

    /**
     * Moves the matches with the text: {@code history + trimmed - pushed} lines went into the
     * scrollback since they were found. Call under the text buffer's lock.
     *
     * @param history the scrollback's size now
     * @param trimmed lines trimmed from its top since the start
     * @return whether matches were dropped with their trimmed lines
     */
    boolean follow(int history, long trimmed) {
        long now = history + trimmed;
        long moved = now - pushed;
        pushed = now;
        if (moved == 0 || matches.isEmpty()) {
            return false;
        }
        Match was = current();
        List<Match> kept = new ArrayList<>(matches.size());
        int newCurrent = -1;
        for (Match m : matches) {
            long row = m.row() - moved;
            if (row >= -history) {
                Match shifted = new Match((int) row, m.column(), m.length());
                if (m.equals(was)) {
                    newCurrent = kept.size();
                }
                kept.add(shifted);
            }
        }
        boolean dropped = kept.size() < matches.size();
        matches = List.copyOf(kept);
        current = newCurrent >= 0 ? newCurrent : matches.size() - 1;
        return dropped;
    }

    void clear() {
        query = "";
        matches = List.of();
        current = -1;
    }

    private int indexOf(Match match, long shift) {
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            if (m.row() == match.row() - shift && m.column() == match.column()) {
                return i;
            }
        }
        return -1;
    }

    private void findAll(TerminalTextBuffer buffer, LongSupplier trimmed) {
        List<Match> found = new ArrayList<>();
        buffer.lock();
        try {
            int history = buffer.getHistoryLinesCount();
            pushed = history + trimmed.getAsLong();
            if (!query.isEmpty()) {
                for (int row = -history; row < buffer.getHeight(); row++) {
                    findInLine(buffer.getLine(row), row, query, found);
                }
            }
        } finally {
            buffer.unlock();
        }
        matches = List.copyOf(found);
    }

    private static void findInLine(TerminalLine line, int row, String query, List<Match> found) {
        String raw = line.getText();
        int[] cellOf = new int[raw.length() + 1];
        String text = LineText.of(raw, cellOf);
        for (int i = 0; i + query.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, query, 0, query.length())) {
                int start = cellOf[i];
                int end = cellOf[i + query.length()];
                found.add(new Match(row, start, Math.max(1, end - start)));
                i += query.length() - 1;
            }
        }
    }
}
