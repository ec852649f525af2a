package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.CharBuffer;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.util.CharUtils;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;

/**
 * Paints one terminal line into its row: backgrounds, highlights (selection, find matches),
 * then the text cell by cell, so that every character sits on the grid whatever the font's
 * fallback glyphs measure. A wide character is drawn in its first cell and overflows into the
 * second, which the core fills with a placeholder that is not drawn.
 */
final class RowPainter {
    private final ColorScheme colors;

    RowPainter(ColorScheme colors) {
        this.colors = colors;
    }

    void paint(Graphics2D g, TerminalLine line, int y, int columns, CellMetrics cell, List<CellRange> highlights) {
        int rowWidth = columns * cell.width;
        g.setColor(colors.defaultBackground());
        g.fillRect(0, y, rowWidth, cell.height);
        List<TerminalLine.TextEntry> entries = line == null ? List.of() : line.getEntries();

        int x = 0;
        for (TerminalLine.TextEntry entry : entries) {
            Color bg = colors.backgroundOf(entry.getStyle());
            if (!bg.equals(colors.defaultBackground())) {
                g.setColor(bg);
                g.fillRect(x * cell.width, y, entry.getLength() * cell.width, cell.height);
            }
            x += entry.getLength();
        }
        for (CellRange range : highlights) {
            g.setColor(range.color());
            g.fillRect(range.from() * cell.width, y, (range.to() - range.from()) * cell.width, cell.height);
        }

        x = 0;
        int baseline = y + cell.ascent;
        for (TerminalLine.TextEntry entry : entries) {
            if (x >= columns) {
                break;
            }
            if (!entry.isNul()) {
                paintText(g, entry, x, y, baseline, cell);
            }
            x += entry.getLength();
        }
    }

    private void paintText(Graphics2D g, TerminalLine.TextEntry entry, int column, int y, int baseline, CellMetrics cell) {
        TextStyle style = entry.getStyle();
        g.setFont(cell.font(style.hasOption(TextStyle.Option.BOLD), style.hasOption(TextStyle.Option.ITALIC)));
        g.setColor(colors.foreground(style));
        CharBuffer text = entry.getText();
        char[] buf = text.getBuf();
        int start = text.getStart();
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = buf[start + i];
            int x = (column + i) * cell.width;
            if (c == CharUtils.DWC || c == CharUtils.NUL_CHAR || c == ' ') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(buf[start + i + 1])) {
                g.drawChars(buf, start + i, 2, x, baseline);
                i++;
            } else {
                g.drawChars(buf, start + i, 1, x, baseline);
            }
        }
        if (style.hasOption(TextStyle.Option.UNDERLINED)) {
            int underline = Math.min(baseline + 1, y + cell.height - 1);
            g.drawLine(column * cell.width, underline, (column + length) * cell.width - 1, underline);
        }
    }

    /**
     * A fingerprint of what {@link #paint} would draw for this line and these highlights, so a
     * frame repaints only the rows whose fingerprint changed.
     */
    static long fingerprint(TerminalLine line, List<CellRange> highlights) {
        long hash = 1;
        if (line != null) {
            for (TerminalLine.TextEntry entry : line.getEntries()) {
                hash = hash * 31 + entry.getStyle().hashCode();
                hash = hash * 31 + entry.getLength();
                hash = hash * 31 + (entry.isNul() ? 1 : 0);
                CharBuffer text = entry.getText();
                char[] buf = text.getBuf();
                for (int i = text.getStart(), end = text.getStart() + text.length(); i < end; i++) {
                    hash = hash * 31 + buf[i];
                }
            }
        }
        for (CellRange range : highlights) {
            hash = hash * 31 + range.from();
            hash = hash * 31 + range.to();
            hash = hash * 31 + range.color().getRGB();
        }
        return hash;
    }
}
