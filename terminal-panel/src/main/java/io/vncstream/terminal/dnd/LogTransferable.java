package io.vncstream.terminal.dnd;

import io.vncstream.terminal.log.LogExport;
import io.vncstream.terminal.log.SessionLog;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The log, stripped to plain text, as something to drop: a real file named
 * {@code <device>-<timestamp>.log} for file managers and mail programs
 * ({@link DataFlavor#javaFileListFlavor}), and the text itself for editors and text fields
 * ({@link DataFlavor#stringFlavor}). The file is written once, on a thread of its own, starting
 * when the transferable is made (the drag starts): the log as it is then.
 */
public final class LogTransferable implements Transferable {
    /**
     * Marks a terminal log being dragged inside this application, so that a terminal can refuse
     * it: dropping a log on a terminal would type the whole log into the device's shell. Its data
     * is the device name. Not mapped to any native format, so other applications never see it.
     */
    public static final DataFlavor TERMINAL_LOG_FLAVOR =
            new DataFlavor("application/x-vncstream-terminal-log; class=java.lang.String", "vncstream terminal log");

    /**
     * Above this log size the text itself is not offered, only the file: the text flavor is one
     * string in memory (twice the bytes), which a long session's log would not fit.
     */
    public static final long MAX_TEXT_FLAVOR_LOG_BYTES = 32L * 1024 * 1024;

    private static final DataFlavor[] WITH_TEXT =
            {DataFlavor.javaFileListFlavor, DataFlavor.stringFlavor, TERMINAL_LOG_FLAVOR};
    private static final DataFlavor[] FILE_ONLY = {DataFlavor.javaFileListFlavor, TERMINAL_LOG_FLAVOR};
    /**
     * Writes the files off the event thread: a drop asks for the data on the event (or toolkit)
     * thread, and stripping a long log takes a while.
     */
    private static final ExecutorService EXPORTER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "terminal-log-export");
        thread.setDaemon(true);
        return thread;
    });

    private final SessionLog log;
    private final DataFlavor[] flavors;
    /** Written from the moment the drag starts, so that the drop rarely has to wait for it. */
    private final Future<Path> file;

    public LogTransferable(SessionLog log, Clock clock) {
        this(log, clock, MAX_TEXT_FLAVOR_LOG_BYTES);
    }

    LogTransferable(SessionLog log, Clock clock, long maxTextFlavorLogBytes) {
        this.log = log;
        this.flavors = log.length() <= maxTextFlavorLogBytes ? WITH_TEXT : FILE_ONLY;
        this.file = EXPORTER.submit(() -> LogExport.writeTempFile(log, clock));
    }

    @Override
    public DataFlavor[] getTransferDataFlavors() {
        return flavors.clone();
    }

    @Override
    public boolean isDataFlavorSupported(DataFlavor flavor) {
        for (DataFlavor supported : flavors) {
            if (supported.equals(flavor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException, IOException {
        if (DataFlavor.javaFileListFlavor.equals(flavor)) {
            List<File> files = List.of(file().toFile());
            return files;
        }
        if (DataFlavor.stringFlavor.equals(flavor) && isDataFlavorSupported(flavor)) {
            // The file is the stripped text: read it rather than strip the log a second time.
            return Files.readString(file(), StandardCharsets.UTF_8);
        }
        if (TERMINAL_LOG_FLAVOR.equals(flavor)) {
            return log.device();
        }
        throw new UnsupportedFlavorException(flavor);
    }

    /** The exported file; waits for its writing to finish. */
    public Path file() throws IOException {
        try {
            return file.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("exporting the log failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while exporting the log");
        }
    }
}
