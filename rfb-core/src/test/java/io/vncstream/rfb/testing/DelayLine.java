package io.vncstream.rfb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a delayed link: a reader takes bytes as fast as they come and stamps them,
 * a writer passes each on {@code delay} after it was read, in order, as fast as the receiver
 * takes them (no bandwidth limit). At most {@code maxQueuedBytes} wait; past that the reader
 * stops reading, and TCP's flow control holds the sender, as a full router queue would.
 */
final class DelayLine {
    private static final int PIECE = 64 * 1024;

    /** What the writer does with each piece after it is delivered, and before the next is sent. */
    interface Tap {
        /** Called on the writer thread just before delivery; {@code endOffset} counts every byte up to this piece's end. */
        default void beforeDelivery(long endOffset) throws InterruptedException {
        }

        /** Called on the reader thread as the piece is read, before it waits out the delay. */
        default void read(byte[] data, int length) {
        }

        /** Called on the writer thread after delivery. */
        default void delivered(byte[] data, int length) {
        }

        default void ended() {
        }
    }

    private record Piece(byte[] data, int length, long due, long endOffset) {
    }

    private final String name;
    private final long delayNanos;
    private final int maxQueuedBytes;
    private final Semaphore room;
    private final LinkedBlockingQueue<Piece> pieces = new LinkedBlockingQueue<>();
    private final Tap tap;
    private final Runnable onEnd;
    private volatile boolean closed;
    private volatile long maxQueued;
    private final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
    private long queued;

    DelayLine(String name, long delayNanos, int maxQueuedBytes, Tap tap, Runnable onEnd) {
        if (maxQueuedBytes < PIECE) {
            throw new IllegalArgumentException("a delay line holds at least " + PIECE + " bytes, not " + maxQueuedBytes);
        }
        this.name = name;
        this.delayNanos = delayNanos;
        this.maxQueuedBytes = maxQueuedBytes;
        this.room = new Semaphore(maxQueuedBytes);
        this.tap = tap;
        this.onEnd = onEnd;
    }

    /** The most bytes that waited at once. */
    long maxQueuedBytes() {
        return maxQueued;
    }

    /** Bytes passed on so far. */
    long deliveredBytes() {
        return delivered.get();
    }

    void start(InputStream in, OutputStream out) {
        Thread reader = new Thread(() -> readLoop(in), "delay-line " + name + " reader");
        Thread writer = new Thread(() -> writeLoop(out), "delay-line " + name + " writer");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void readLoop(InputStream in) {
        long offset = 0;
        try {
            while (!closed) {
                room.acquire(PIECE);
                byte[] buf = new byte[PIECE];
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                room.release(PIECE - n);
                offset += n;
                synchronized (this) {
                    queued += n;
                    maxQueued = Math.max(maxQueued, queued);
                }
                tap.read(buf, n);
                pieces.put(new Piece(buf, n, System.nanoTime() + delayNanos, offset));
            }
        } catch (IOException | InterruptedException e) {
            // the link is closing
        }
        // The end travels through the line too: the receiver sees it after the delay.
        pieces.add(new Piece(null, -1, System.nanoTime() + delayNanos, offset));
    }

    private void writeLoop(OutputStream out) {
        try {
            while (!closed) {
                Piece p = pieces.poll(100, TimeUnit.MILLISECONDS);
                if (p == null) {
                    continue;
                }
                long wait = p.due() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (p.data() == null) {
                    break;
                }
                tap.beforeDelivery(p.endOffset());
                out.write(p.data(), 0, p.length());
                out.flush();
                synchronized (this) {
                    queued -= p.length();
                }
                room.release(p.length());
                delivered.addAndGet(p.length());
                tap.delivered(p.data(), p.length());
            }
        } catch (IOException | InterruptedException e) {
            // the link is closing
        }
        tap.ended();
        onEnd.run();
    }

    void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "delay line " + name + " (" + delayNanos / 1_000_000 + " ms, at most " + maxQueuedBytes + " bytes queued)";
    }
}
