package io.vncstream.terminal.swing;

import javax.swing.JComponent;
import javax.swing.Timer;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * A short message over the terminal's top-right corner, e.g. why typed input was not sent.
 * It fades out by itself after a few seconds.
 */
final class InputHint {
    private static final int SHOW_MILLIS = 2500;
    private static final Color BOX = new Color(0xe0, 0x60, 0x20, 230);

    private final JComponent owner;
    private final Timer hide;
    private String text;

    InputHint(JComponent owner) {
        this.owner = owner;
        this.hide = new Timer(SHOW_MILLIS, e -> {
            text = null;
            owner.repaint();
        });
        hide.setRepeats(false);
    }

    void show(String message) {
        text = message;
        hide.restart();
        owner.repaint();
    }

    /** The message showing now, or null. */
    String text() {
        return text;
    }

    void paint(Graphics2D g, int rightEdge) {
        if (text == null) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(owner.getFont() != null ? owner.getFont() : g.getFont());
        FontMetrics metrics = g.getFontMetrics();
        int width = metrics.stringWidth(text) + 16;
        int height = metrics.getHeight() + 8;
        int x = Math.max(4, rightEdge - width - 8);
        g.setColor(BOX);
        g.fillRoundRect(x, 8, width, height, 10, 10);
        g.setColor(Color.WHITE);
        g.drawString(text, x + 8, 12 + metrics.getAscent());
    }

    void stop() {
        hide.stop();
    }
}
