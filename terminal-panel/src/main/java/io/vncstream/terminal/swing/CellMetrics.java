package io.vncstream.terminal.swing;

import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;

/** The fonts of one zoom level and the size of a cell, which every cell shares. */
final class CellMetrics {
    private final Font plain;
    private final Font bold;
    private final Font italic;
    private final Font boldItalic;
    final int width;
    final int height;
    final int ascent;

    private CellMetrics(Font plain, FontMetrics metrics) {
        this.plain = plain;
        this.bold = plain.deriveFont(Font.BOLD);
        this.italic = plain.deriveFont(Font.ITALIC);
        this.boldItalic = plain.deriveFont(Font.BOLD | Font.ITALIC);
        // A monospaced font: one advance for all; 'W' guards against fonts lying about it.
        this.width = Math.max(1, Math.max(metrics.charWidth('W'), metrics.charWidth('m')));
        this.height = Math.max(1, metrics.getHeight());
        this.ascent = metrics.getAscent();
    }

    static CellMetrics of(Component component, String family, int size) {
        Font font = new Font(family, Font.PLAIN, size);
        return new CellMetrics(font, component.getFontMetrics(font));
    }

    Font font(boolean isBold, boolean isItalic) {
        if (isBold) {
            return isItalic ? boldItalic : bold;
        }
        return isItalic ? italic : plain;
    }

    int size() {
        return plain.getSize();
    }
}
