package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.compatibility.Point;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;

/**
 * Where the cells are in the panel: the cell size of the current zoom, how many columns and
 * rows fit, and the margin between the panel's edge and the text. Row 0 is the top row on view;
 * pixel positions are the panel's.
 */
final class CellGrid {
    /** Room between the edge of the panel and the text, so that the first column does not touch it. */
    static final int LEFT = 4;
    static final int TOP = 2;
    private static final int MIN_FONT = 6;
    private static final int MAX_FONT = 72;

    private CellMetrics cell;
    private int columns;
    private int rows;

    CellGrid(CellMetrics cell, int columns, int rows) {
        this.cell = cell;
        this.columns = columns;
        this.rows = rows;
    }

    CellMetrics cell() {
        return cell;
    }

    /**
     * Takes the cells of font size {@code size} (kept within 6..72) for {@code component}.
     * @return whether the size changed (the grid must be fitted again)
     */
    boolean zoom(Component component, String fontFamily, int size) {
        int clamped = Math.max(MIN_FONT, Math.min(MAX_FONT, size));
        if (clamped == cell.size()) {
            return false;
        }
        cell = CellMetrics.of(component, fontFamily, clamped);
        return true;
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    /** The panel size showing {@code columns} x {@code rows} cells beside a scrollbar {@code barWidth} wide. */
    Dimension preferredSize(int columns, int rows, int barWidth) {
        return new Dimension(LEFT + columns * cell.width + barWidth, TOP + rows * cell.height);
    }

    /**
     * Fits the grid to a panel of this size (at least 5 x 2 cells).
     * @return false when the panel has no room at all yet (nothing changed)
     */
    boolean fit(int width, int height, int barWidth) {
        int gridWidth = width - LEFT - barWidth;
        int gridHeight = height - TOP;
        if (gridWidth <= 0 || gridHeight <= 0) {
            return false;
        }
        columns = Math.max(5, gridWidth / cell.width);
        rows = Math.max(2, gridHeight / cell.height);
        return true;
    }

    /** The pixel bounds of a visible cell. */
    Rectangle cellBounds(int column, int visibleRow) {
        return new Rectangle(LEFT + column * cell.width, TOP + visibleRow * cell.height, cell.width, cell.height);
    }

    /** The pixel bounds of a whole visible row. */
    Rectangle rowBounds(int visibleRow) {
        return new Rectangle(LEFT, TOP + visibleRow * cell.height, columns * cell.width, cell.height);
    }

    /**
     * The cell under a panel point, in the core's coordinates (rows negative in the scrollback,
     * {@code scrollOffset} lines scrolled back). With {@code toNearestEdge}, the column is the
     * cell edge nearest the point, which is what a selection dragged between characters wants.
     */
    Point cellAt(int panelX, int panelY, boolean toNearestEdge, int scrollOffset) {
        int x = panelX - LEFT;
        int y = panelY - TOP;
        int column = toNearestEdge ? Math.round((float) x / cell.width) : x / cell.width;
        column = Math.max(0, Math.min(columns, column));
        int row = Math.max(0, Math.min(rows - 1, Math.floorDiv(y, cell.height)));
        return new Point(column, row - scrollOffset);
    }
}
