package io.vncstream.viewer.screen;

import javax.swing.SwingUtilities;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.FlavorListener;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The clipboard both ways. The server's text goes onto the local clipboard; local text goes
 * to the server when it changes (noticed through the clipboard's flavor listener and whenever
 * the screen gains focus, since X11 does not always report a change). What the connection
 * cannot carry (anything beyond Latin-1 for a server without the extended clipboard, more than
 * the server takes) is not sent at all (sending what is left would put garbled text on the
 * server's clipboard), and the user is told why. Sync can be switched off in both directions.
 */
public final class ClipboardBridge {
    private final Clipboard clipboard;
    private final Consumer<String> sender;
    private final Consumer<String> status;
    private final Function<String, String> problem;
    private final FlavorListener flavorListener = e -> checkLocal();
    private String lastKnown;
    private boolean enabled = true;
    private volatile boolean sync = true;
    private boolean installed;

    /**
     * @param sender receives text for the server (already checked to be Latin-1, line ends as LF)
     * @param status receives a message for the user
     */
    public ClipboardBridge(Clipboard clipboard, Consumer<String> sender, Consumer<String> status) {
        this(clipboard, sender, status, text -> io.vncstream.rfb.message.CutText.isLatin1(text) ? null
                : "Clipboard not sent to the server: it contains characters outside Latin-1, which RFB cannot carry");
    }

    /**
     * @param sender receives text for the server (already checked with {@code problem}, line ends as LF)
     * @param problem says why text cannot go to the server, or null when it can
     */
    public ClipboardBridge(Clipboard clipboard, Consumer<String> sender, Consumer<String> status,
                           Function<String, String> problem) {
        this.clipboard = clipboard;
        this.sender = sender;
        this.status = status;
        this.problem = problem;
    }

    /** Clipboard sync on or off, both directions (TigerVNC's AcceptClipboard and SendClipboard together). */
    public void setSyncEnabled(boolean on) {
        sync = on;
    }

    public boolean isSyncEnabled() {
        return sync;
    }

    /** Starts listening for local changes. */
    public void install() {
        if (clipboard != null && !installed) {
            clipboard.addFlavorListener(flavorListener);
            installed = true;
        }
    }

    public void uninstall() {
        if (clipboard != null && installed) {
            clipboard.removeFlavorListener(flavorListener);
            installed = false;
        }
    }

    /** Whether local text may go to the server (not in view-only mode). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The server's clipboard changed (any thread). */
    public void serverText(String text) {
        if (!sync) {
            return;
        }
        if (!SwingUtilities.isEventDispatchThread()) {
            SwingUtilities.invokeLater(() -> applyServerText(text));
            return;
        }
        applyServerText(text);
    }

    /** Puts the server's text on the clipboard now, on the calling thread. */
    void applyServerText(String text) {
        lastKnown = text;
        if (clipboard == null) {
            return;
        }
        try {
            clipboard.setContents(new StringSelection(text), null);
        } catch (IllegalStateException busy) {
            status.accept("Could not put the server's clipboard text on the local clipboard (it is busy)");
        }
    }

    /** Sends the local clipboard's text if it changed since we last saw it (event dispatch thread). */
    public void checkLocal() {
        if (clipboard == null || !enabled || !sync) {
            return;
        }
        String text;
        try {
            if (!clipboard.isDataFlavorAvailable(DataFlavor.stringFlavor)) {
                return;
            }
            text = (String) clipboard.getData(DataFlavor.stringFlavor);
        } catch (IllegalStateException | UnsupportedFlavorException | IOException e) {
            return;
        }
        if (text == null || Objects.equals(text, lastKnown)) {
            return;
        }
        lastKnown = text;
        offer(text);
    }

    /** Sends text to the server if RFB can carry it; returns whether it was sent. */
    public boolean offer(String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        String why = problem.apply(lf);
        if (why != null) {
            status.accept(why);
            return false;
        }
        sender.accept(lf);
        return true;
    }

    /** The text last seen on either side. */
    public String lastKnown() {
        return lastKnown;
    }
}
