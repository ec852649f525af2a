package io.vncstream.viewer.screen;

import io.vncstream.rfb.client.RfbClient;

import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import java.awt.Dimension;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.util.function.Consumer;

/**
 * "Resize remote session to the window" (TigerVNC's RemoteResize): when the viewport showing
 * the remote screen changes size, the server is asked (SetDesktopSize) to make its desktop that
 * size, once the size has held still for a moment, so that dragging a window border sends one
 * request, not fifty. The server's answer comes back through {@link #answered}; a refusal is
 * told to the user in words, and no more requests follow for that connection.
 */
public final class RemoteResize {
    /** How long the size must hold still before we ask (TigerVNC waits 500 ms too). */
    public static final int DEBOUNCE_MILLIS = 500;

    private final JViewport viewport;
    private final Consumer<String> status;
    private final Timer timer;
    private final ComponentAdapter listener = new ComponentAdapter() {
        @Override
        public void componentResized(ComponentEvent e) {
            sizeChanged();
        }
    };
    private RfbClient client;
    private boolean enabled;
    private boolean refused;
    private volatile boolean offered;
    private Dimension lastAsked;

    public RemoteResize(JViewport viewport, Consumer<String> status) {
        this.viewport = viewport;
        this.status = status;
        this.timer = new Timer(DEBOUNCE_MILLIS, e -> askNow());
        timer.setRepeats(false);
        viewport.addComponentListener(listener);
    }

    /** The connection to resize (null: none); event dispatch thread. */
    public void attach(RfbClient client) {
        this.client = client;
        this.refused = false;
        this.lastAsked = null;
        this.offered = false;
        sizeChanged();
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Turns the option on (asks for the current size at once, after the debounce) or off. */
    public void setEnabled(boolean on) {
        enabled = on;
        if (viewport.getParent() instanceof JScrollPane scroll) {
            // Scroll bars would take from the size asked for, and vanish once it is granted: no end.
            scroll.setHorizontalScrollBarPolicy(on ? ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER
                    : ScrollPaneConstants.HORIZONTAL_SCROLLBAR_AS_NEEDED);
            scroll.setVerticalScrollBarPolicy(on ? ScrollPaneConstants.VERTICAL_SCROLLBAR_NEVER
                    : ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED);
        }
        refused = false;
        lastAsked = null;
        if (on) {
            sizeChanged();
        } else {
            timer.stop();
        }
    }

    /** Also called when the server first offers remote resize, so the current size is asked for then. */
    public void sizeChanged() {
        if (enabled) {
            timer.restart();
        }
    }

    private void askNow() {
        RfbClient c = client;
        if (!enabled || refused || c == null || c.isClosed()) {
            return;
        }
        Dimension size = viewport.getExtentSize();
        if (size.width < 1 || size.height < 1 || size.equals(lastAsked)) {
            return;
        }
        if (size.width == c.framebuffer().width() && size.height == c.framebuffer().height()) {
            return;
        }
        if (!c.supportsRemoteResize()) {
            status.accept("The server does not offer remote resizing (no ExtendedDesktopSize): the remote screen stays "
                    + c.framebuffer().width() + " x " + c.framebuffer().height());
            return;
        }
        lastAsked = size;
        c.requestDesktopSize(size.width, size.height);
    }

    /**
     * The server's ExtendedDesktopSize (any thread): an answer to our request has reason 1 and a
     * status (0 done, 1 prohibited, 2 out of resources, 3 invalid layout).
     */
    public void answered(int reason, int status, int width, int height) {
        if (reason != 1) {
            if (!offered) {
                // The server's first ExtendedDesktopSize: now it can be asked. Later changes by
                // the server or another client are left alone, so two viewers do not fight.
                offered = true;
                SwingUtilities.invokeLater(this::sizeChanged);
            }
            return;
        }
        if (status == 0) {
            return;
        }
        String why = switch (status) {
            case 1 -> "the server does not allow clients to resize it";
            case 2 -> "the server is out of resources";
            case 3 -> "the server rejected the screen layout";
            default -> "the server answered with status " + status;
        };
        SwingUtilities.invokeLater(() -> {
            refused = true;
            this.status.accept("Remote resize refused: " + why + "; the remote screen stays " + width + " x " + height);
        });
    }

    public void dispose() {
        timer.stop();
        viewport.removeComponentListener(listener);
    }
}
