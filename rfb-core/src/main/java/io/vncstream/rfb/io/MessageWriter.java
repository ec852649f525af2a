package io.vncstream.rfb.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends whole messages on a thread of its own, so that no caller (the GUI's event thread, the
 * reader thread) ever blocks on the network. Messages leave in the order they were queued;
 * queued messages are written in batches with one flush. A write error closes the writer and
 * is reported once.
 */
public final class MessageWriter implements AutoCloseable {
    private static final byte[] CLOSE = new byte[0];

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final OutputStream out;
    private final Thread thread;
    private final Consumer<IOException> onError;
    private volatile boolean closed;
    private volatile long bytesWritten;
    private final AtomicLong queuedBytes = new AtomicLong();

    public MessageWriter(OutputStream out, String threadName, Consumer<IOException> onError) {
        this.out = out;
        this.onError = onError;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a complete message; never blocks. Ignored once closed. */
    public void send(byte[] message) {
        if (!closed && message.length > 0) {
            queuedBytes.addAndGet(message.length);
            queue.add(message);
        }
    }

    /** Bytes queued but not yet written: how far behind the peer is. */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    /** Writes what is queued, then stops (waiting at most {@code timeoutMillis}). */
    public void closeAfterFlush(long timeoutMillis) {
        if (!closed) {
            queue.add(CLOSE);
            try {
                thread.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.add(CLOSE);
    }

    private void run() {
        List<byte[]> batch = new ArrayList<>();
        try {
            while (true) {
                byte[] first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, 256);
                for (byte[] m : batch) {
                    if (m == CLOSE) {
                        out.flush();
                        closed = true;
                        return;
                    }
                    out.write(m);
                    bytesWritten += m.length;
                    queuedBytes.addAndGet(-m.length);
                }
                out.flush();
            }
        } catch (IOException e) {
            if (!closed) {
                closed = true;
                onError.accept(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
