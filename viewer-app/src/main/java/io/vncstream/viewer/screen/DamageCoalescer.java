package io.vncstream.viewer.screen;

import io.vncstream.rfb.framebuffer.Framebuffer;

import java.awt.Rectangle;
import javax.swing.SwingUtilities;

/**
 * Gathers the framebuffer's damage, reported on the connection's reader thread, into one
 * bounding rectangle (and the latest resize), and asks the event thread to take it once: a
 * burst of small updates becomes one repaint.
 */
final class DamageCoalescer {
    /** A resized framebuffer: its new pixel array with the size it was made for. */
    record Frame(Framebuffer fb, int[] pixels, int width, int height) {
    }

    /** What the event thread takes: a new frame, or damage in framebuffer coordinates, or neither. */
    record Pending(Frame frame, Rectangle damage) {
    }

    private final Runnable flushOnEdt;
    private int x0 = Integer.MAX_VALUE;
    private int y0 = Integer.MAX_VALUE;
    private int x1;
    private int y1;
    private boolean scheduled;
    private Frame frame;

    DamageCoalescer(Runnable flushOnEdt) {
        this.flushOnEdt = flushOnEdt;
    }

    synchronized void damaged(int x, int y, int w, int h) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + w);
        y1 = Math.max(y1, y + h);
        schedule();
    }

    synchronized void resized(Frame f) {
        if (f != null) {
            frame = f;
        }
        schedule();
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            SwingUtilities.invokeLater(flushOnEdt);
        }
    }

    /** Takes what has gathered since the last call and starts afresh. */
    synchronized Pending take() {
        scheduled = false;
        Rectangle damage = x1 > x0 && y1 > y0 ? new Rectangle(x0, y0, x1 - x0, y1 - y0) : null;
        Pending p = new Pending(frame, damage);
        frame = null;
        x0 = Integer.MAX_VALUE;
        y0 = Integer.MAX_VALUE;
        x1 = 0;
        y1 = 0;
        return p;
    }
}
