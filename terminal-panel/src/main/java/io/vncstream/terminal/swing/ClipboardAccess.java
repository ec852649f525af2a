package io.vncstream.terminal.swing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Toolkit;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.IOException;

/**
 * The system clipboard and, where the platform has one (X11), the primary selection. Clipboards
 * can be busy (another application holds them) or hold no text; that is not an error for a
 * terminal, so failures give null and a debug line.
 */
final class ClipboardAccess {
    private static final Logger LOG = LoggerFactory.getLogger(ClipboardAccess.class);

    void setClipboard(String text) {
        set(Toolkit.getDefaultToolkit().getSystemClipboard(), text);
    }

    void setPrimary(String text) {
        Clipboard primary = Toolkit.getDefaultToolkit().getSystemSelection();
        if (primary != null) {
            set(primary, text);
        }
    }

    String clipboardText() {
        return text(Toolkit.getDefaultToolkit().getSystemClipboard());
    }

    /** The primary selection's text; null where there is none (not X11) or it holds no text. */
    String primaryText() {
        Clipboard primary = Toolkit.getDefaultToolkit().getSystemSelection();
        return primary == null ? null : text(primary);
    }

    private static void set(Clipboard clipboard, String text) {
        StringSelection contents = new StringSelection(text);
        try {
            clipboard.setContents(contents, contents);
        } catch (IllegalStateException e) {
            LOG.debug("clipboard busy, copy dropped", e);
        }
    }

    private static String text(Clipboard clipboard) {
        try {
            if (clipboard.isDataFlavorAvailable(DataFlavor.stringFlavor)) {
                return (String) clipboard.getData(DataFlavor.stringFlavor);
            }
        } catch (IllegalStateException | UnsupportedFlavorException | IOException e) {
            LOG.debug("clipboard text unavailable", e);
        }
        return null;
    }
}
