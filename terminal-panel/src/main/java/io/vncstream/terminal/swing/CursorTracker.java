package io.vncstream.terminal.swing;

import io.vncstream.terminal.emulation.TerminalEngine;

import javax.swing.Timer;
import java.util.function.IntSupplier;

/**
 * Repaints the cursor's cell where it is and where it was (so a moved cursor leaves no trace),
 * and blinks it: the phase flips every {@link #BLINK_MILLIS} while the panel is showing.
 */
final class CursorTracker {
    static final int BLINK_MILLIS = 530;

    /** Repaints the cell at a column and a row on view. */
    interface CellRepaint {
        void repaint(int column, int visibleRow);
    }

    private final TerminalEngine engine;
    private final IntSupplier scrollOffset;
    private final CellRepaint cells;
    private final Timer blink;
    private boolean blinkOn = true;
    private int lastRow = -1;
    private int lastColumn = -1;

    CursorTracker(TerminalEngine engine, IntSupplier scrollOffset, CellRepaint cells) {
        this.engine = engine;
        this.scrollOffset = scrollOffset;
        this.cells = cells;
        this.blink = new Timer(BLINK_MILLIS, e -> {
            blinkOn = !blinkOn;
            repaint();
        });
    }

    void start() {
        blink.start();
    }

    void stop() {
        blink.stop();
    }

    /** The blink phase: a blinking cursor is hidden while it is false. */
    boolean blinkOn() {
        return blinkOn;
    }

    void repaint() {
        int column = engine.cursorColumn();
        int row = engine.cursorRow() + scrollOffset.getAsInt();
        if (lastRow != row || lastColumn != column) {
            repaintCell(lastColumn, lastRow);
            lastRow = row;
            lastColumn = column;
        }
        repaintCell(column, row);
    }

    private void repaintCell(int column, int row) {
        if (row >= 0 && column >= 0) {
            cells.repaint(column, row);
        }
    }
}
