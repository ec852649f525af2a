package io.vncstream.viewer.ui;

import javax.swing.SwingUtilities;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.image.BufferedImage;

/**
 * Notices the remote screen's picture changing size (the first picture, a VM switching video
 * modes, a reconnect to another desktop) and, as TigerVNC's viewer does, resizes the window to
 * the new desktop: when the window is not full screen or maximised, the user has not resized it
 * by hand since it was last fitted, and the new size fits on the screen. Event dispatch thread.
 */
final class DesktopSizeFollower {
    private final ViewerWindow window;
    private final Runnable pictureChanged;
    private Dimension pictureSize;
    /** The window's size when it was last sized to the desktop; another size is the user's doing. */
    private Dimension fittedSize;
    private boolean resizedByUser;

    DesktopSizeFollower(ViewerWindow window, Runnable pictureChanged) {
        this.window = window;
        this.pictureChanged = pictureChanged;
        window.screen().addPaintListener(this::painted);
        window.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                // Read now, not from the event: the events of our own pack-then-setSize come later.
                if (fittedSize != null && !window.getSize().equals(fittedSize) && !window.isFullScreen()) {
                    resizedByUser = true;
                }
            }
        });
    }

    /** The window was just sized to the remote screen. */
    void fitted() {
        fittedSize = window.getSize();
        resizedByUser = false;
    }

    /** During a paint: only compares sizes, and leaves the work to after the paint. */
    private void painted() {
        BufferedImage img = window.screen().image();
        if (img == null || (pictureSize != null && img.getWidth() == pictureSize.width
                && img.getHeight() == pictureSize.height)) {
            return;
        }
        boolean first = pictureSize == null;
        pictureSize = new Dimension(img.getWidth(), img.getHeight());
        SwingUtilities.invokeLater(() -> {
            pictureChanged.run();
            if (!first) {
                follow();
            }
        });
    }

    private void follow() {
        if (resizedByUser || window.isFullScreen() || !window.isVisible()
                || (window.getExtendedState() & Frame.MAXIMIZED_BOTH) != 0) {
            return;
        }
        window.getContentPane().validate();
        Dimension wanted = window.getPreferredSize();
        Rectangle usable = WindowSizing.usableScreen(window);
        if (wanted.width > usable.width || wanted.height > usable.height) {
            return; // too big for the screen: the user scrolls, or resizes the window as they like
        }
        Rectangle b = window.getBounds();
        int x = Math.max(usable.x, Math.min(b.x, usable.x + usable.width - wanted.width));
        int y = Math.max(usable.y, Math.min(b.y, usable.y + usable.height - wanted.height));
        window.setBounds(x, y, wanted.width, wanted.height);
        window.validate();
        fitted();
    }
}
