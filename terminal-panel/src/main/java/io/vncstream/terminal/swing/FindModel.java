package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.core.util.CharUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Find in scrollback and screen: every case-insensitive match of the query, in reading order,
 * with one of them current. Rows are the core's line indices (negative in the scrollback);
 * columns are cells, so matches after wide characters are highlighted where they show.
 */
public final class FindModel {
    /** A match: {@code length} cells from {@code column} of line {@code row}. */
    public record Match(int row, int column, int length) {
    }

    private String query = "";
    private List<Match> matches = List.of();
    private int current = -1;

    public String query() {
        return query;
    }

    public List<Match> matches() {
        return matches;
    }

    /** The current match, or null when there is none. */
    public Match current() {
        return current >= 0 && current < matches.size() ? matches.get(current) : null;
    }

    public int currentIndex() {
        return current;
    }

    /** Searches for {@code newQuery}; the current match becomes the one nearest the bottom. */
    void search(TerminalTextBuffer buffer, String newQuery) {
        query = newQuery == null ? "" : newQuery;
        matches = query.isEmpty() ? List.of() : findAll(buffer, query);
        current = matches.size() - 1;
    }

    /** Searches again (the text may have moved) and steps by {@code step} from the current match. */
    void step(TerminalTextBuffer buffer, int step) {
        Match was = current();
        int historyBefore = buffer.getHistoryLinesCount();
        matches = query.isEmpty() ? List.of() : findAll(buffer, query);
        if (matches.isEmpty()) {
            current = -1;
            return;
        }
        int index = was == null ? -1 : indexOf(was, buffer.getHistoryLinesCount() - historyBefore);
        if (index < 0) {
            current = step > 0 ? 0 : matches.size() - 1;
        } else {
            current = Math.floorMod(index + step, matches.size());
        }
    }

    void clear() {
        query = "";
        matches = List.of();
        current = -1;
    }

    private int indexOf(Match match, int shift) {
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            if (m.row() == match.row() - shift && m.column() == match.column()) {
                return i;
            }
        }
        return -1;
    }

    private static List<Match> findAll(TerminalTextBuffer buffer, String query) {
        List<Match> found = new ArrayList<>();
        buffer.lock();
        try {
            int first = -buffer.getHistoryLinesCount();
            for (int row = first; row < buffer.getHeight(); row++) {
                findInLine(buffer.getLine(row), row, query, found);
            }
        } finally {
            buffer.unlock();
        }
        return found;
    }

    private static void findInLine(TerminalLine line, int row, String query, List<Match> found) {
        String raw = line.getText();
        StringBuilder visible = new StringBuilder(raw.length());
        int[] cellOf = new int[raw.length() + 1];
        for (int cell = 0; cell < raw.length(); cell++) {
            char c = raw.charAt(cell);
            if (c == CharUtils.DWC) {
                continue;
            }
            cellOf[visible.length()] = cell;
            visible.append(c == CharUtils.NUL_CHAR ? ' ' : c);
        }
        cellOf[visible.length()] = raw.length();
        String text = visible.toString();
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
