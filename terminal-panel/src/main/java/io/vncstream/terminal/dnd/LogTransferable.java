package io.vncstream.terminal.dnd;

import io.vncstream.terminal.log.LogExport;
import io.vncstream.terminal.log.SessionLog;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The log, stripped to plain text, as something to drop: a real file named
 * {@code <device>-<timestamp>.log} for file managers and mail programs
 * ({@link DataFlavor#javaFileListFlavor}), and the text itself for text fields
 * ({@link DataFlavor#stringFlavor}). The file is written when first asked for, once.
 */
public final class LogTransferable implements Transferable {
    private static final DataFlavor[] FLAVORS = {DataFlavor.javaFileListFlavor, DataFlavor.stringFlavor};

    private final SessionLog log;
    private final Clock clock;
    private Path file;

    public LogTransferable(SessionLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public DataFlavor[] getTransferDataFlavors() {
        return FLAVORS.clone();
    }

    @Override
    public boolean isDataFlavorSupported(DataFlavor flavor) {
        return DataFlavor.javaFileListFlavor.equals(flavor) || DataFlavor.stringFlavor.equals(flavor);
    }

    @Override
    public synchronized Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException, IOException {
        if (DataFlavor.javaFileListFlavor.equals(flavor)) {
            if (file == null) {
                file = LogExport.writeTempFile(log, clock);
            }
            List<File> files = List.of(file.toFile());
            return files;
        }
        if (DataFlavor.stringFlavor.equals(flavor)) {
            return LogExport.strippedText(log);
        }
        throw new UnsupportedFlavorException(flavor);
    }
}
