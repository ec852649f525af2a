package io.vncstream.terminal.dnd;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.TransferHandler;
import java.awt.Cursor;

/**
 * A small label a host puts on a tab or toolbar: dragging it drops the terminal's log, as a
 * plain text file, wherever files are accepted; dropping a file on it types the file into the
 * terminal, as on the terminal itself.
 */
public final class LogDragHandle extends JLabel {
    public LogDragHandle(TransferHandler handler) {
        super("\u2630 log");
        setName("logDragHandle");
        setToolTipText("Drag the log (plain text file) to a file manager, mail or editor");
        setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        setTransferHandler(handler);
        LogDragGesture.install(this);
    }
}
