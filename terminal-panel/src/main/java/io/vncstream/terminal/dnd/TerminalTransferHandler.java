package io.vncstream.terminal.dnd;

import io.vncstream.terminal.TerminalSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.JComponent;
import javax.swing.TransferHandler;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;

/**
 * Drag and drop for a terminal. Dragging out gives the log as plain text ({@link LogTransferable}:
 * a temp file and a string). Dropping a file or text in sends it as input, through
 * {@code dropTarget}, which asks for confirmation when it is long.
 */
public final class TerminalTransferHandler extends TransferHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalTransferHandler.class);
    /** Dropped files larger than this are refused: they are not something to type. */
    private static final long MAX_DROP_BYTES = 1024 * 1024;

    private final TerminalSession session;
    private final Predicate<String> dropTarget;

    /** @param dropTarget sends dropped text as input; returns false when the person declined */
    public TerminalTransferHandler(TerminalSession session, Predicate<String> dropTarget) {
        this.session = session;
        this.dropTarget = dropTarget;
    }

    @Override
    public int getSourceActions(JComponent c) {
        return COPY;
    }

    @Override
    protected Transferable createTransferable(JComponent c) {
        return new LogTransferable(session.sessionLog(), session.clock());
    }

    @Override
    public boolean canImport(TransferSupport support) {
        if (support.isDrop() && (support.getSourceDropActions() & COPY) != 0) {
            support.setDropAction(COPY);
        }
        return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)
                || support.isDataFlavorSupported(DataFlavor.stringFlavor);
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!canImport(support)) {
            return false;
        }
        try {
            String text = support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)
                    ? filesText(support.getTransferable())
                    : (String) support.getTransferable().getTransferData(DataFlavor.stringFlavor);
            return text != null && !text.isEmpty() && dropTarget.test(text);
        } catch (UnsupportedFlavorException | IOException e) {
            LOG.warn("could not read what was dropped on the terminal", e);
            return false;
        }
    }

    private static String filesText(Transferable transferable) throws UnsupportedFlavorException, IOException {
        @SuppressWarnings("unchecked")
        List<File> files = (List<File>) transferable.getTransferData(DataFlavor.javaFileListFlavor);
        StringBuilder text = new StringBuilder();
        for (File file : files) {
            if (!file.isFile() || file.length() > MAX_DROP_BYTES) {
                LOG.warn("not sending dropped file {}: not a regular file of at most {} bytes", file, MAX_DROP_BYTES);
                continue;
            }
            text.append(Files.readString(file.toPath(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
