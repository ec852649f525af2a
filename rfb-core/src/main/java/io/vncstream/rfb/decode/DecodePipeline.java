package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Inflating and painting on two cores. Inflating is most of ZRLE's and Tight's time and must
 * follow each zlib stream's order, so it stays on the thread reading the connection; the
 * rectangles it inflates ({@link Decoder#readAhead}) are painted, in wire order, on a painter
 * thread ({@link Decoder#paintAhead}) while the reader reads and inflates the next ones. An
 * update is done only when all of it is painted ({@link #drain}), so the client's handler sees
 * updates complete exactly as before, on the reading thread.
 * <p>
 * Starting the painter costs a wake-up (50-80 us on the virtual machine measured, what
 * inflating 30-60 KiB takes), so it is started once per run of rectangles, when
 * {@link #START_ITEMS} or {@link #START_BYTES} are queued, and then spins briefly for the next
 * one instead of sleeping; it stops at once when the reader drains the update. A lone small
 * rectangle is painted by the reader at the update's end, with no hand-over. The queue holds
 * at most {@link #MAX_QUEUED} bytes (the reader waits beyond it), a rectangle at most
 * {@link #MAX_ITEM}.
 * <p>
 * Rectangles that cannot be painted ahead (Raw, Hextile, CopyRect, which reads what earlier
 * ones painted, and any too large) are decoded in place by the reader once the queue is
 * drained, so the framebuffer is always painted in wire order.
 */
public final class DecodePipeline {
    /** Most bytes one rectangle may take here, inflated: larger ones are decoded in place. */
    public static final int MAX_ITEM = 1 << 20;
    /** Most bytes queued for the painter before the reader waits. */
    static final long MAX_QUEUED = 4L << 20;
    /** Queued bytes at which the painter is started. */
    static final long START_BYTES = 32 << 10;
    /** Queued rectangles at which the painter is started. */
    static final int START_ITEMS = 2;
    /**
     * How long the painter, having emptied the queue, spins for the next rectangle before it
     * stops: an update's rectangles come every 10-250 us (a large one takes that to inflate),
     * and starting the painter again costs a wake-up, 50 us at the median and 80 at the 90th
     * percentile on the virtual machine measured. It stops at once when the update ends.
     */
    private static final long PAINTER_SPIN = 1_000_000;
    /** How long the reader, at the end of an update, spins for the painter to finish before it sleeps. */
    private static final long DRAIN_SPIN = 500_000;
    /** Buffers up to this size are kept for the next rectangles, at most {@link #POOL} of them. */
    private static final int KEEP_CAPACITY = 384 << 10;
    private static final int POOL = 48;

    private static final ExecutorService PAINTERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rfb-painter");
        t.setDaemon(true);
        return t;
    });

    private record Item(RectHeader rect, Decoder decoder, ByteArray bytes) {
    }

    private final DecodeContext ctx;
    private final Framebuffer fb;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when painting stops (queue empty or failed). */
    private final Condition idle = lock.newCondition();
    /** Signalled when the queue has drained to half its bound. */
    private final Condition room = lock.newCondition();
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private final ArrayDeque<ByteArray> free = new ArrayDeque<>();
    /** The painter's own decoders: their scratch buffers are its alone (their zlib streams go unused). */
    private final Decoders painters = new Decoders();
    private long queued;
    /** Someone (the painter thread or the reader in {@link #drain}) is painting the queue: one at a time. */
    private volatile boolean painting;
    /** The reader waits in {@link #drain}: nothing more is coming, the painter should not wait for it. */
    private volatile boolean draining;
    /** Rectangles ever queued: the spinning painter watches it. */
    private volatile long submitted;
    private volatile IOException failure;
    private final Runnable painter = this::paintQueue;

    public DecodePipeline(DecodeContext ctx, Framebuffer fb) {
        this.ctx = ctx;
        this.fb = fb;
    }

    /**
     * Whether the client paints on a second core: only when asked ({@code -Dvncstream.decodeThreads=2})
     * and there is more than one processor. Off by default: on recorded 1080p Xvnc sessions
     * (SessionBench) it took ZRLE and lossless Tight 1.11-1.15x faster in wall-clock time for
     * 1.6-1.7x the CPU, and Tight with JPEG 0.85x (see the README's Benchmarks).
     */
    public static boolean useful() {
        return Runtime.getRuntime().availableProcessors() > 1
                && "2".equals(System.getProperty("vncstream.decodeThreads"));
    }

    /** An empty buffer for the next rectangle's {@link Decoder#readAhead}; hand it to {@link #submit}. */
    public ByteArray buffer() {
        ByteArray b;
        lock.lock();
        try {
            b = free.pollLast();
        } finally {
            lock.unlock();
        }
        if (b == null) {
            return new ByteArray(16 * 1024);
        }
        b.clear();
        return b;
    }

    /**
     * Queues a rectangle that {@code decoder}'s readAhead wrote into {@code bytes}, waiting
     * while the queue is full; throws what painting an earlier one failed with.
     */
    public void submit(RectHeader rect, ByteArray bytes) throws IOException {
        Decoder decoder = painters.get(rect.encoding());
        boolean start = false;
        lock.lock();
        try {
            throwFailure();
            while (queued > 0 && queued + bytes.size() > MAX_QUEUED) {
                if (!painting) {
                    painting = true;
                    lock.unlock();
                    try {
                        PAINTERS.execute(painter);
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                await(room);
                throwFailure();
            }
            queue.add(new Item(rect, decoder, bytes));
            queued += bytes.size();
            submitted++;
            if (!painting && (queued >= START_BYTES || queue.size() >= START_ITEMS)) {
                painting = true;
                start = true;
            }
        } finally {
            lock.unlock();
        }
        if (start) {
            PAINTERS.execute(painter);
        }
    }

    /**
     * Returns once everything queued is painted: by the painter, or, when it is not running,
     * by this thread. Throws what painting failed with.
     */
    public void drain() throws IOException {
        draining = true;
        lock.lock();
        try {
            while (true) {
                throwFailure();
                if (!painting) {
                    if (queue.isEmpty()) {
                        return;
                    }
                    painting = true;
                    lock.unlock();
                    try {
                        paintQueue();
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                lock.unlock();
                try {
                    spinWhile(() -> painting, DRAIN_SPIN);
                } finally {
                    lock.lock();
                }
                if (painting) {
                    await(idle);
                }
            }
        } finally {
            draining = false;
            lock.unlock();
        }
    }

    /** What painting failed with, or null. */
    public IOException failure() {
        return failure;
    }

    /** Forgets what is queued (the update failed; the connection ends with it). */
    public void discard() {
        lock.lock();
        try {
            queue.clear();
            queued = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Paints queued rectangles in order until none is left; the caller holds {@link #painting}. */
    private void paintQueue() {
        while (true) {
            Item it;
            long seen;
            lock.lock();
            try {
                it = failure == null ? queue.poll() : null;
                seen = submitted;
            } finally {
                lock.unlock();
            }
            if (it == null) {
                // The next rectangle is usually a few microseconds away: wait for it awake.
                spinWhile(() -> submitted == seen && failure == null && !draining, PAINTER_SPIN);
                lock.lock();
                try {
                    if (failure == null && !queue.isEmpty()) {
                        continue;
                    }
                    painting = false;
                    idle.signalAll();
                    room.signalAll();
                    return;
                } finally {
                    lock.unlock();
                }
            }
            IOException failed = paint(it);
            lock.lock();
            try {
                if (failed != null) {
                    failure = failed;
                    queue.clear();
                    queued = 0;
                } else {
                    queued -= it.bytes.size();
                    recycle(it.bytes);
                    if (queued <= MAX_QUEUED / 2) {
                        room.signal();
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private IOException paint(Item it) {
        try {
            it.decoder.paintAhead(it.rect, RfbInput.wrap(it.bytes.array(), it.bytes.size()), ctx, fb);
            return null;
        } catch (EOFException e) {
            return new RfbProtocolException(it.rect.describe() + ": encoded data ends early (" + e.getMessage() + ")");
        } catch (IOException e) {
            return e;
        } catch (RuntimeException | Error e) {
            // A bug or memory running out on the painter: the reader reports it, with the rectangle.
            return new IOException(it.rect.describe() + ": painting failed (" + e + ")", e);
        }
    }

    private static void spinWhile(java.util.function.BooleanSupplier condition, long nanos) {
        long end = System.nanoTime() + nanos;
        while (condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private void recycle(ByteArray b) {
        if (b.array().length <= KEEP_CAPACITY && free.size() < POOL) {
            free.add(b);
        }
    }

    private void throwFailure() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private static void await(Condition c) throws InterruptedIOException {
        try {
            c.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while painting");
        }
    }
}
