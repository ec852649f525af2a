package io.vncstream.gateway.session;

import io.vncstream.gateway.device.Subscription;
import io.vncstream.rfb.Limits;
import io.vncstream.rfb.stream.EndCapture;
import io.vncstream.rfb.stream.StreamMessage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The one thread that writes to a viewer. It takes whole messages (the desktop's, notices,
 * capture replies) from a queue, in order, and between them drains the device subscriptions of
 * the viewer's open captures, framing their output as send-data. A capture's subscription is
 * attached and detached through the same queue, so its start reply comes before its first data
 * and its end reply after its last. Nobody waits on this thread: callers queue and signal.
 * <p>
 * Desktop messages are whole upstream messages; the gateway's own (notices, capture replies,
 * device output) go only between them. After a desktop Fence that fences what follows it
 * (BlockAfter, SyncNext), ours wait until the desktop's next message is written, so nothing of
 * ours lands between a Fence and what it fences.
 */
final class ViewerWriter implements AutoCloseable {
    /** Drained from one capture per turn, so that one busy device does not starve the others. */
    private static final int TURN_BYTES = 256 * 1024;
    private static final int TURN_MESSAGES = 256;

    private record Attach(int id, byte[] started, Subscription subscription, Consumer<String> ended) {
    }

    private record Detach(int id) {
    }

    private record AfterEnds(byte[] message) {
    }

    private record DesktopMessage(byte[] message, boolean fencesNext) {
    }

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    /** Writer thread only. */
    private final Map<Integer, Attach> feeds = new LinkedHashMap<>();
    /** Writer thread only: our items queued while a Fence holds them back, in order. */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    /** Writer thread only: the last desktop message was a Fence that fences the next one. */
    private boolean fenced;
    private final OutputStream out;
    /** Writer thread only: a send-data header, reused (the buffered stream copies it at once). */
    private final byte[] header = {(byte) StreamMessage.TYPE, StreamMessage.SUBTYPE, StreamMessage.SEND_DATA,
            0, 0, 0, 0, 0, 0, 0, 0};
    private final Consumer<IOException> onError;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean finishing;

    ViewerWriter(OutputStream out, String threadName, Consumer<IOException> onError) {
        // Larger than a device read (64 KiB): a send-data header and its chunk leave in one write.
        this.out = new BufferedOutputStream(out, 256 * 1024);
        this.onError = onError;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a whole message; never blocks. */
    void send(byte[] message) {
        if (!closed && message.length > 0) {
            queuedBytes.addAndGet(message.length);
            queue.add(message);
            wake();
        }
    }

    /** Queues a whole desktop message; never blocks. */
    void sendDesktop(byte[] message, boolean fencesNext) {
        if (!closed && message.length > 0) {
            queuedBytes.addAndGet(message.length);
            queue.add(new DesktopMessage(message, fencesNext));
            wake();
        }
    }

    /**
     * A device removal notice: the captures the device ended are finished first (their output,
     * then their end capture), as the stream extension's order wants.
     */
    void sendAfterEnds(byte[] message) {
        if (!closed) {
            queue.add(new AfterEnds(message));
            wake();
        }
    }

    /**
     * Writes {@code started} (the capture's start reply), and from there on the subscription's
     * output as send-data of capture {@code id}. One item, so a viewer that has the reply has a
     * capture this writer knows of: a shutdown that finishes the writer ends it with an end
     * capture, however late the viewer's request came.
     */
    void attach(int id, byte[] started, Subscription subscription, Consumer<String> ended) {
        queuedBytes.addAndGet(started.length);
        queue.add(new Attach(id, started, subscription, ended));
        wake();
    }

    /** No more send-data of capture {@code id} after what is queued now. */
    void detach(int id) {
        queue.add(new Detach(id));
        wake();
    }

    /** A subscription has output: lock-free, safe from any thread. */
    void wake() {
        LockSupport.unpark(thread);
    }

    /** Bytes of whole messages queued but not yet written (device output is bounded per subscription). */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Asks the writer to write what is queued (messages and device output), then stop; returns at once. */
    void finish() {
        finishing = true;
        wake();
    }

    /** Waits until the writer has stopped after {@link #finish()}, or the deadline ({@link System#nanoTime()}) passes. */
    void awaitFinished(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            try {
                thread.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        wake();
    }

    private void run() {
        try {
            while (!closed) {
                boolean busy = writeQueued();
                busy |= writeFeeds();
                if (!busy) {
                    if (finishing) {
                        if (fenced || !held.isEmpty()) {
                            // Shutting down: no desktop message will end a Fence's hold now. What
                            // it held goes out, then the feeds it held back (their end captures).
                            fenced = false;
                            while (!held.isEmpty()) {
                                writeOwn(held.poll());
                            }
                            continue;
                        }
                        out.flush();
                        return;
                    }
                    out.flush();
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                }
            }
        } catch (IOException e) {
            if (!closed) {
                closed = true;
                onError.accept(e);
            }
        }
    }

    private boolean writeQueued() throws IOException {
        boolean busy = false;
        Object item;
        for (int n = 0; n < TURN_MESSAGES && !closed && (item = queue.poll()) != null; n++) {
            busy = true;
            if (item instanceof DesktopMessage d) {
                out.write(d.message());
                queuedBytes.addAndGet(-d.message().length);
                fenced = d.fencesNext();
                while (!fenced && !held.isEmpty()) {
                    writeOwn(held.poll());
                }
            } else if (fenced) {
                held.add(item);
            } else {
                writeOwn(item);
            }
        }
        return busy;
    }

    /** One of the gateway's own items: a message, a capture attached or detached, a removal notice. */
    private void writeOwn(Object item) throws IOException {
        if (item instanceof byte[] m) {
            out.write(m);
            queuedBytes.addAndGet(-m.length);
        } else if (item instanceof Attach a) {
            out.write(a.started());
            queuedBytes.addAndGet(-a.started().length);
            feeds.put(a.id(), a);
        } else if (item instanceof Detach d) {
            feeds.remove(d.id());
        } else if (item instanceof AfterEnds a) {
            finishEnded();
            out.write(a.message());
        }
    }

    private boolean writeFeeds() throws IOException {
        boolean busy = false;
        if (fenced) {
            return false;
        }
        for (Iterator<Attach> it = feeds.values().iterator(); it.hasNext() && !closed; ) {
            Attach a = it.next();
            int budget = TURN_BYTES;
            byte[] chunk = null;
            while (budget > 0 && (chunk = a.subscription().poll()) != null) {
                writeSendData(a.id(), chunk);
                budget -= chunk.length;
                busy = true;
            }
            if (chunk == null) {
                String ended = a.subscription().endReason();
                if (ended != null) {
                    it.remove();
                    out.write(new EndCapture(a.id()).toBytes());
                    a.ended().accept(ended);
                    busy = true;
                }
            }
        }
        return busy;
    }

    private void finishEnded() throws IOException {
        for (Iterator<Attach> it = feeds.values().iterator(); it.hasNext(); ) {
            Attach a = it.next();
            if (a.subscription().ending()) {
                byte[] chunk;
                while ((chunk = a.subscription().poll()) != null) {
                    writeSendData(a.id(), chunk);
                }
                it.remove();
                out.write(new EndCapture(a.id()).toBytes());
                a.ended().accept(a.subscription().endReason());
            }
        }
    }

    /** Header and payload written apart: a chunk shared by every viewer of a device is never copied. */
    private void writeSendData(int id, byte[] data) throws IOException {
        // do-while: an empty chunk is still a message, the one that ends a replay (Device#subscribe).
        int off = 0;
        do {
            int len = Math.min(Limits.MAX_STREAM_DATA, data.length - off);
            header[3] = (byte) (id >>> 24);
            header[4] = (byte) (id >>> 16);
            header[5] = (byte) (id >>> 8);
            header[6] = (byte) id;
            header[7] = (byte) (len >>> 24);
            header[8] = (byte) (len >>> 16);
            header[9] = (byte) (len >>> 8);
            header[10] = (byte) len;
            out.write(header);
            out.write(data, off, len);
            off += len;
        } while (off < data.length);
    }
}
