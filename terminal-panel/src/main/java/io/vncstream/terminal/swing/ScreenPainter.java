package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import io.vncstream.terminal.emulation.TerminalEngine;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;

/**
 * Paints what the panel shows of the screen and scrollback (rows, highlights, cursor), and
 * fingerprints the rows so that a frame repaints only those that changed.
 */
final class ScreenPainter {
    private final TerminalPanel panel;
    private final TerminalEngine engine;
    private final TerminalTextBuffer buffer;
    private final ColorScheme colors;
    private final RowPainter rowPainter;
    private final CursorPainter cursorPainter;

    ScreenPainter(TerminalPanel panel, ColorScheme colors) {
        this.panel = panel;
        this.engine = panel.session().engine();
        this.buffer = engine.textBuffer();
        this.colors = colors;
        this.rowPainter = new RowPainter(colors);
        this.cursorPainter = new CursorPainter(colors);
    }

    /** Paints the rows in {@code clip}, then the cursor. */
    void paint(Graphics2D g, Rectangle clip, boolean blinkOn) {
        CellMetrics cell = panel.cell();
        int rows = panel.rows();
        int scrollOffset = panel.scrollOffset();
        g.setColor(colors.defaultBackground());
        g.fillRect(clip.x, clip.y, clip.width, clip.height);
        int firstRow = Math.max(0, clip.y / cell.height);
        int lastRow = Math.min(rows - 1, (clip.y + clip.height) / cell.height);
        buffer.lock();
        try {
            for (int row = firstRow; row <= lastRow; row++) {
                int line = row - scrollOffset;
                if (line >= buffer.getHeight() || line < -buffer.getHistoryLinesCount()) {
                    continue;
                }
                rowPainter.paint(g, buffer.getLine(line), row * cell.height, panel.columns(), cell, highlights(line));
            }
        } finally {
            buffer.unlock();
        }
        paintCursor(g, cell, rows, scrollOffset, blinkOn);
    }

    private void paintCursor(Graphics2D g, CellMetrics cell, int rows, int scrollOffset, boolean blinkOn) {
        if (!engine.cursorVisible()) {
            return;
        }
        int column = engine.cursorColumn();
        int row = engine.cursorRow() + scrollOffset;
        if (row >= 0 && row < rows && column >= 0 && column < panel.columns()) {
            cursorPainter.paint(g, engine, cell, column, row, panel.isFocusOwner(), blinkOn);
        }
    }

    /**
     * A fingerprint of each row on view (0 for a row past the content). Call with the buffer
     * locked, so that the scroll offset and the history agree.
     */
    long[] fingerprints(int rows, int scrollOffset, int history) {
        long[] prints = new long[rows];
        for (int row = 0; row < rows; row++) {
            int line = row - scrollOffset;
            boolean exists = line < buffer.getHeight() && line >= -history;
            prints[row] = exists ? RowPainter.fingerprint(buffer.getLine(line), highlights(line)) : 0;
        }
        return prints;
    }

    /** Selection and find matches on core line {@code line}, as cell ranges. */
    private List<CellRange> highlights(int line) {
        return Highlights.on(line, panel.findModel(), panel.selection(), panel.columns());
    }
}
