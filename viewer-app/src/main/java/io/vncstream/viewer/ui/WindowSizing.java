package io.vncstream.viewer.ui;

import java.awt.Frame;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;

/** Window sizes within the part of the monitor that panels and docks leave free. */
final class WindowSizing {
    private WindowSizing() {
    }

    static Rectangle usableScreen(Window w) {
        GraphicsConfiguration gc = w.getGraphicsConfiguration();
        Rectangle b = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(b.x + in.left, b.y + in.top, b.width - in.left - in.right, b.height - in.top - in.bottom);
    }

    /**
     * Widens a shown, unmaximised window by {@code extra} pixels (as far as the screen allows) so
     * that a side panel appearing does not squeeze what was there.
     */
    static void widenFor(Frame w, int extra) {
        if (!w.isVisible() || (w.getExtendedState() & Frame.MAXIMIZED_HORIZ) != 0 || w.isUndecorated()) {
            return;
        }
        Rectangle usable = usableScreen(w);
        Rectangle b = w.getBounds();
        int width = Math.min(usable.width, b.width + extra);
        int x = Math.max(usable.x, Math.min(b.x, usable.x + usable.width - width));
        w.setBounds(x, b.y, width, b.height);
    }
}
