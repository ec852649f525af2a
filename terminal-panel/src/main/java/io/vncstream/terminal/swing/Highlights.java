package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.compatibility.Point;
import com.techsenger.jeditermfx.core.model.SelectionUtil;
import com.techsenger.jeditermfx.core.model.TerminalSelection;

import java.util.ArrayList;
import java.util.List;

/** What is highlighted on a line: find matches (the current one apart) and the selection. */
final class Highlights {
    private Highlights() {
    }

    /**
     * @param line    a core line (negative in the scrollback)
     * @param columns the grid's width, where a selection running on to the next line ends
     */
    static List<CellRange> on(int line, FindModel find, TerminalSelection selection, int columns) {
        List<CellRange> ranges = new ArrayList<>(2);
        FindModel.Match current = find.current();
        for (FindModel.Match match : find.matchesOn(line)) {
            ranges.add(new CellRange(match.column(), match.column() + match.length(),
                    match.equals(current) ? ColorScheme.FIND_CURRENT : ColorScheme.FIND_MATCH));
        }
        if (selection != null) {
            kotlin.Pair<Point, Point> sorted = SelectionUtil.sortPoints(selection.getStart(), selection.getEnd());
            Point top = sorted.getFirst();
            Point bottom = sorted.getSecond();
            if (line >= top.y && line <= bottom.y) {
                int from = line == top.y ? top.x : 0;
                int to = line == bottom.y ? bottom.x : columns;
                if (to > from) {
                    ranges.add(new CellRange(from, to, ColorScheme.SELECTION));
                }
            }
        }
        return ranges;
    }
}
