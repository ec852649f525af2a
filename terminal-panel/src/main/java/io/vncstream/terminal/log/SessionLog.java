package io.vncstream.terminal.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The log of one terminal session: every received byte, as received, appended to a file named
 * {@code <device>-<yyyyMMdd-HHmmss>.log}; sent bytes and host notes are marked as
 * {@link LogAnnotations}. The file is flushed whenever the terminal has caught up with its input,
 * so it never lags the screen by more than the chunk being shown. The file keeps everything, also
 * what has fallen out of the scrollback; a bounded tail is also kept in memory, which is what
 * remains when the file cannot be written (full disk, read-only home).
 *
 * <p>Thread-safe: received bytes come from the emulator thread, sent bytes from the event thread.
 */
public final class SessionLog implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLog.class);

    private final String device;
    private final Path path;
    private final Clock clock;
    private final RecentBytes recent;
    private final TimeIndex timeIndex = new TimeIndex();
    private OutputStream out;
    private volatile boolean recordInput;
    private long length;
    private boolean dirty;

    private SessionLog(String device, Path path, OutputStream out, Clock clock, int memoryBytes) {
        this.device = device;
        this.path = path;
        this.out = out;
        this.clock = clock;
        this.recent = new RecentBytes(memoryBytes);
    }

    /**
     * Creates the log file in {@code directory} (made if missing). If that fails the log still
     * works, in memory only, and says so in the application log.
     */
    public static SessionLog open(Path directory, String device, Clock clock, int memoryBytes) {
        return open(directory, device, clock, memoryBytes, LogSettings.DEFAULTS);
    }

    /**
     * As above, with the user's log settings: the directory and the file are owner-only, old logs
     * are pruned first, and typed input is stored only if {@code settings} say so.
     */
    public static SessionLog open(Path directory, String device, Clock clock, int memoryBytes, LogSettings settings) {
        LocalDateTime now = LocalDateTime.now(clock);
        String name = LogNames.fileName(device, now);
        Path path = directory.resolve(name);
        OutputStream out = null;
        try {
            LogFiles.prepare(directory);
            LogFiles.prune(directory, settings, clock, null);
            for (int attempt = 1; out == null; attempt++) {
                try {
                    out = new BufferedOutputStream(LogFiles.create(path), 64 * 1024);
                } catch (FileAlreadyExistsException e) {
                    // Two sessions of one device in the same second: number the later ones.
                    path = directory.resolve(name.replace(".log", "-" + attempt + ".log"));
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot create the terminal log {}; keeping the log in memory only", path, e);
        }
        SessionLog log = new SessionLog(device, path, out, clock, memoryBytes);
        log.recordInput = settings.recordInput();
        return log;
    }

    /** Whether {@link #sent} stores input; the user may change it while the log is open. */
    public void recordInput(boolean on) {
        recordInput = on;
    }

    public boolean recordsInput() {
        return recordInput;
    }

    public String device() {
        return device;
    }

    /** The log file; it may not exist when {@link #fileAvailable()} is false. */
    public Path path() {
        return path;
    }

    public synchronized boolean fileAvailable() {
        return out != null;
    }

    public TimeIndex timeIndex() {
        return timeIndex;
    }

    /** Bytes in the log so far (received bytes plus annotations). */
    public synchronized long length() {
        return length;
    }

    public synchronized void received(byte[] bytes, int offset, int count) {
        timeIndex.record(length, clock.millis());
        write(bytes, offset, count);
    }

    /** Input sent to the device, marked as such; nothing unless the user turned recording input on. */
    public synchronized void sent(byte[] bytes) {
        if (!recordInput) {
            return;
        }
        byte[] marked = LogAnnotations.encode(LogAnnotations.SENT, bytes);
        write(marked, 0, marked.length);
    }

    /** A host note (gap marker, end of stream), marked as such. */
    public synchronized void note(String text) {
        timeIndex.record(length, clock.millis());
        byte[] marked = LogAnnotations.encode(LogAnnotations.NOTE, text.getBytes(StandardCharsets.UTF_8));
        write(marked, 0, marked.length);
    }

    private void write(byte[] bytes, int offset, int count) {
        recent.append(bytes, offset, count);
        length += count;
        dirty = true;
        if (out == null) {
            return;
        }
        try {
            out.write(bytes, offset, count);
        } catch (IOException e) {
            fileFailed(e);
        }
    }

    public synchronized void flush() {
        if (out == null || !dirty) {
            return;
        }
        try {
            out.flush();
            dirty = false;
        } catch (IOException e) {
            fileFailed(e);
        }
    }

    private void fileFailed(IOException e) {
        LOG.warn("writing the terminal log {} failed; keeping the rest in memory only", path, e);
        try {
            out.close();
        } catch (IOException ignored) {
            // Already failing; the first error is the one reported.
        }
        out = null;
    }

    /**
     * The whole log, from its start: the file when it is being written, else the in-memory tail.
     * The stream ends at the length the log had when this was called.
     */
    public synchronized LogContent content() throws IOException {
        flush();
        // Checked after the flush, which drops the file when writing it fails.
        if (out != null) {
            long size = length;
            InputStream file = Files.newInputStream(path);
            return new LogContent(new BoundedInputStream(file, size), size, 0);
        }
        byte[] tail = recent.snapshot();
        return new LogContent(new ByteArrayInputStream(tail), tail.length, recent.total() - tail.length);
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("closing the terminal log {} failed", path, e);
            }
            out = null;
        }
    }

    /**
     * A readable copy of the log.
     * @param stream the bytes
     * @param size how many bytes the stream gives
     * @param startOffset the log offset of the first byte (non-zero when only the tail is kept)
     */
    public record LogContent(InputStream stream, long size, long startOffset) {
    }
}
