package io.vncstream.terminal.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.LongConsumer;

/** The log as plain text (escape sequences stripped): into a writer, a file, or a temp file. */
public final class LogExport {
    private static final int CHUNK = 64 * 1024;

    private LogExport() {
    }

    /**
     * Streams the whole log, stripped, into {@code out}.
     * @param progress told the number of log bytes done after each chunk; may be null
     * @return the number of log bytes read
     */
    public static long writeStripped(SessionLog log, Writer out, boolean timestamps, ZoneId zone,
                                     LongConsumer progress) throws IOException {
        SessionLog.LogContent content = log.content();
        EscapeStripper stripper = new EscapeStripper(out, timestamps ? log.timeIndex() : null, zone);
        long done = 0;
        try (InputStream in = content.stream()) {
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("log export cancelled");
                }
                stripper.feed(buf, 0, n, content.startOffset() + done);
                done += n;
                if (progress != null) {
                    progress.accept(done);
                }
            }
        }
        stripper.finish();
        return done;
    }

    /** The whole log as plain text, in memory. */
    public static String strippedText(SessionLog log) throws IOException {
        StringWriter text = new StringWriter();
        writeStripped(log, text, false, ZoneId.systemDefault(), null);
        return text.toString();
    }

    /**
     * Writes the plain text log to {@code target} (UTF-8).
     * @return the number of log bytes read
     */
    public static long writeFile(SessionLog log, Path target, boolean timestamps, LongConsumer progress)
            throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target),
                StandardCharsets.UTF_8), CHUNK)) {
            return writeStripped(log, out, timestamps, ZoneId.systemDefault(), progress);
        }
    }

    /**
     * Writes the plain text log to a fresh temporary file named {@code <device>-<timestamp>.log},
     * for drag and drop: the receiving application gets a real file with a meaningful name.
     * The file and its directory go away when the JVM exits.
     */
    public static Path writeTempFile(SessionLog log, Clock clock) throws IOException {
        Path dir = Files.createTempDirectory("vncstream-log-");
        dir.toFile().deleteOnExit();
        Path file = dir.resolve(LogNames.fileName(log.device(), LocalDateTime.now(clock)));
        file.toFile().deleteOnExit();
        writeFile(log, file, false, null);
        return file;
    }
}
