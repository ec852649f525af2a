package io.vncstream.terminal.dnd;

import io.vncstream.terminal.TerminalSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.JComponent;
import javax.swing.TransferHandler;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.IOException;

/**
 * Drag and drop for a terminal, also usable on a host's tab header. Dragging out gives the log as
 * plain text ({@link LogTransferable}: a file and a string). Dropping a file or text in sends it
 * as input through a {@link DroppedTextReceiver}, which asks for confirmation when it is long;
 * what cannot be typed is refused with a reason (see {@link DroppedInput}).
 */
public final class TerminalTransferHandler extends TransferHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalTransferHandler.class);

    private final TerminalSession session;
    private final DroppedTextReceiver receiver;

    public TerminalTransferHandler(TerminalSession session, DroppedTextReceiver receiver) {
        this.session = session;
        this.receiver = receiver;
    }

    @Override
    public int getSourceActions(JComponent c) {
        return COPY;
    }

    @Override
    protected Transferable createTransferable(JComponent c) {
        return session.logTransferable();
    }

    @Override
    public boolean canImport(TransferSupport support) {
        if (!DroppedInput.acceptable(support.getTransferable())) {
            return false;
        }
        if (support.isDrop() && (support.getSourceDropActions() & COPY) != 0) {
            support.setDropAction(COPY);
        }
        return true;
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!canImport(support)) {
            return false;
        }
        DroppedInput.Outcome outcome;
        try {
            outcome = DroppedInput.read(support.getTransferable());
        } catch (UnsupportedFlavorException | IOException e) {
            LOG.warn("could not read what was dropped on the terminal", e);
            receiver.refused("Not sent: could not read what was dropped (" + e.getMessage() + ")");
            return false;
        }
        if (outcome.refused()) {
            receiver.refused(outcome.refusal());
            return false;
        }
        return receiver.send(outcome.text());
    }
}
