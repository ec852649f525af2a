package io.vncstream.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Reads a remote command's output to the end, bounded in bytes (and in time for stdout). */
final class OutputCollector {
    /** Daemon threads for stderr while the caller reads stdout. */
    static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ssh-command-stderr");
        t.setDaemon(true);
        return t;
    });

    private OutputCollector() {
    }

    static String collect(InputStream in, int limit) {
        try {
            return read(in, limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads to the end; a command still writing after {@code timeout} is closed, which ends the read. */
    static String collectWithin(InputStream in, int limit, Duration timeout, RemoteProcess p) throws IOException {
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
                fired.set(true);
                p.close();
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "ssh-command-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            return read(in, limit);
        } catch (IOException e) {
            if (fired.get()) {
                throw new IOException("did not finish within " + timeout.toSeconds() + " s", e);
            }
            throw e;
        } finally {
            watchdog.interrupt();
        }
    }

    private static String read(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (b.size() + n > limit) {
                throw new IOException("more than " + limit + " bytes of output");
            }
            b.write(buf, 0, n);
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
