package io.vncstream.viewer.ui;

import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import java.awt.Rectangle;

/**
 * Full screen on the window's monitor without decorations or the window's bars (F11 toggles).
 * Decorations can only change while the frame is not displayable, so the frame is disposed and
 * shown again; {@link #isRebuilding} tells the window's close handler that this is no close.
 */
final class FullScreen {
    private final JFrame frame;
    private final JComponent[] bars;
    private boolean on;
    private boolean rebuilding;
    private Rectangle windowedBounds;

    FullScreen(JFrame frame, JComponent... bars) {
        this.frame = frame;
        this.bars = bars;
    }

    boolean isOn() {
        return on;
    }

    boolean isRebuilding() {
        return rebuilding;
    }

    void toggle() {
        on = !on;
        Rectangle target;
        if (on) {
            windowedBounds = frame.getBounds();
            target = frame.getGraphicsConfiguration().getBounds();
        } else {
            target = windowedBounds != null ? windowedBounds : frame.getBounds();
        }
        rebuilding = true;
        frame.dispose();
        // WINDOW_CLOSED is queued by dispose(): clear the flag only after it has been handled.
        SwingUtilities.invokeLater(() -> rebuilding = false);
        frame.setUndecorated(on);
        for (JComponent bar : bars) {
            bar.setVisible(!on);
        }
        frame.setBounds(target);
        frame.setVisible(true);
        if (on) {
            frame.toFront();
        }
    }
}
