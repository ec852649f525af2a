package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.CursorShape;
import io.vncstream.terminal.emulation.TerminalEngine;

import java.awt.Graphics2D;

/**
 * Paints the text cursor in the shape the application asked for (block, underline, bar; blinking
 * or steady), and as a hollow box while the terminal does not have the keyboard focus.
 */
final class CursorPainter {
    private final ColorScheme colors;

    CursorPainter(ColorScheme colors) {
        this.colors = colors;
    }

    /**
     * @param visibleRow the cursor's row on view (the screen row plus the scroll offset)
     * @param blinkOn    the blink phase; a blinking cursor is hidden in the off phase
     */
    void paint(Graphics2D g, TerminalEngine engine, CellMetrics cell, int column, int visibleRow,
               boolean focused, boolean blinkOn) {
        CursorShape shape = engine.cursorShape();
        if (focused && shape.isBlinking() && !blinkOn) {
            return;
        }
        int x = column * cell.width;
        int y = visibleRow * cell.height;
        g.setColor(colors.defaultForeground());
        if (!focused) {
            g.drawRect(x, y, cell.width - 1, cell.height - 1);
            return;
        }
        switch (shape) {
            case BLINK_UNDERLINE, STEADY_UNDERLINE -> g.fillRect(x, y + cell.height - 2, cell.width, 2);
            case BLINK_VERTICAL_BAR, STEADY_VERTICAL_BAR -> g.fillRect(x, y, 2, cell.height);
            default -> {
                g.setXORMode(colors.defaultBackground());
                g.fillRect(x, y, cell.width, cell.height);
                g.setPaintMode();
            }
        }
    }
}
