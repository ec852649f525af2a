package io.vncstream.rfb.decode;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Phase two of a run of rectangles on two cores, as far as the protocol allows (TigerVNC's
 * DecodeManager): phase one records each rectangle of an update here; {@link #run} then splits
 * them into two lanes, one decoded on the calling thread and one on a helper, each in wire
 * order. A rectangle waits for every earlier one it depends on: one it overlaps, one on the
 * same zlib stream (ZRLE's one, Zlib's one, each of Tight's four, a Tight reset included), and
 * CopyRect depends on everything before it and everything after depends on it. A rectangle
 * whose dependencies are all in one lane goes there, so a chain (ZRLE) stays in one lane and
 * never waits across. The helper is woken once per batch, not per rectangle, and when it has
 * not started by the time lane 0 is done (no free core), the calling thread decodes lane 1 too.
 * <p>
 * Batches are bounded ({@link #full}): the caller runs one when it holds 256 rectangles or
 * 16 MiB of recorded bytes, so an update of any size needs bounded memory.
 */
public final class DecodeBatch {
    private static final int MAX_RECTS = 256;
    private static final long MAX_BYTES = 16L << 20;
    /** Recording buffers larger than this are not kept for the next batch. */
    private static final int KEEP_CAPACITY = 4 << 20;
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rfb-decode-helper");
        t.setDaemon(true);
        return t;
    });

    /** Keys of the zlib streams a rectangle uses: bit 0 Zlib, bit 1 ZRLE, bits 2-5 Tight's four. */
    private static final int ZLIB_KEY = 1;
    private static final int ZRLE_KEY = 2;
    private static final int ALL_KEYS = -1;

    private final Decoders[] lanes;
    private final List<ByteArray> recordings = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private long bytes;

    private record Item(RectHeader rect, int encoding, ByteArray bytes, int keys) {
    }

    /** The connection's decoders decode lane 0; lane 1 gets its own, sharing their zlib streams. */
    public DecodeBatch(Decoders decoders) {
        this.lanes = new Decoders[]{decoders, decoders.forSecondLane()};
    }

    /**
     * Whether the client decodes on two lanes: only when asked ({@code -Dvncstream.decodeThreads=2})
     * and there is more than one processor. Off by default: on the recorded Xvnc sessions
     * (SessionBench) two lanes gained no wall-clock time (0.87-1.09x, Xvnc's Tight rectangles
     * mostly chain on one stream) and cost 6-21% more CPU.
     */
    public static boolean useful() {
        return Runtime.getRuntime().availableProcessors() > 1
                && "2".equals(System.getProperty("vncstream.decodeThreads"));
    }

    /** A buffer for phase one to record the next rectangle into; hand it back with {@link #add}. */
    public ByteArray recording() {
        int i = items.size();
        if (i == recordings.size()) {
            recordings.add(new ByteArray(4 * 1024));
        }
        ByteArray b = recordings.get(i);
        b.clear();
        return b;
    }

    /** Adds a rectangle whose phase one recorded {@code bytes} (from {@link #recording}). */
    public void add(RectHeader rect, ByteArray bytes) {
        items.add(new Item(rect, rect.encoding(), bytes, keys(rect.encoding(), bytes)));
        this.bytes += bytes.size();
    }

    /** Whether the caller should {@link #run} before adding more. */
    public boolean full() {
        return items.size() >= MAX_RECTS || bytes >= MAX_BYTES;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    private static int keys(int encoding, ByteArray bytes) {
        switch (encoding) {
            case Encodings.ZLIB:
                return ZLIB_KEY;
            case Encodings.ZRLE:
                return ZRLE_KEY;
            case Encodings.COPY_RECT:
                return ALL_KEYS;
            case Encodings.TIGHT: {
                if (bytes.size() == 0) {
                    return 0;
                }
                int control = bytes.array()[0] & 0xFF;
                int keys = (control & 0x0F) << 2;
                int type = control >>> 4;
                if (type < 8) {
                    keys |= 1 << (2 + (type & 3));
                }
                return keys;
            }
            default:
                return 0;
        }
    }

    private static boolean dependent(Item a, Item b) {
        if ((a.keys & b.keys) != 0 || a.encoding == Encodings.COPY_RECT || b.encoding == Encodings.COPY_RECT) {
            return true;
        }
        RectHeader p = a.rect;
        RectHeader q = b.rect;
        return p.x() < q.x() + q.width() && q.x() < p.x() + p.width()
                && p.y() < q.y() + q.height() && q.y() < p.y() + p.height();
    }

    /** Decodes every rectangle added so far into {@code fb}, on two lanes; then the batch is empty. */
    public void run(DecodeContext ctx, Framebuffer fb) throws IOException {
        int n = items.size();
        if (n == 0) {
            return;
        }
        // Lane of each item, its position in that lane, and how far the other lane must have got first.
        int[] lane = new int[n];
        int[] waitFor = new int[n];
        List<List<Integer>> order = List.of(new ArrayList<>(), new ArrayList<>());
        long[] load = new long[2];
        for (int j = 0; j < n; j++) {
            int[] lastDep = {-1, -1};
            for (int i = 0; i < j; i++) {
                if (dependent(items.get(i), items.get(j))) {
                    lastDep[lane[i]] = i;
                }
            }
            int l;
            if (lastDep[0] >= 0 && lastDep[1] < 0) {
                l = 0;
            } else if (lastDep[1] >= 0 && lastDep[0] < 0) {
                l = 1;
            } else {
                l = load[0] <= load[1] ? 0 : 1;
            }
            lane[j] = l;
            int other = lastDep[1 - l];
            // The other lane must have completed the item at 'other' (its count then exceeds its position).
            waitFor[j] = other < 0 ? 0 : position(order.get(1 - l), other) + 1;
            order.get(l).add(j);
            load[l] += items.get(j).rect.area() + items.get(j).bytes.size();
        }
        AtomicInteger[] done = {new AtomicInteger(), new AtomicInteger()};
        Object monitor = new Object();
        boolean[] failed = new boolean[1];
        Future<?> helper = null;
        IOException failure = null;
        // Whoever comes first decodes lane 1: the helper, or this thread once lane 0 is done (a
        // helper that has not been given a core by then is not waited for).
        java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            if (!order.get(1).isEmpty()) {
                helper = HELPERS.submit(() -> {
                    if (claimed.compareAndSet(false, true)) {
                        decodeLane(1, order.get(1), waitFor, done, monitor, failed, ctx, fb);
                    }
                    return null;
                });
            }
            decodeLane(0, order.get(0), waitFor, done, monitor, failed, ctx, fb);
            if (helper != null && claimed.compareAndSet(false, true)) {
                decodeLane(1, order.get(1), waitFor, done, monitor, failed, ctx, fb);
            }
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            abort(monitor, failed);
        } finally {
            if (helper != null) {
                try {
                    helper.get(1, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (failure == null) {
                        Throwable c = e.getCause();
                        failure = c instanceof IOException io ? io : new IOException(String.valueOf(c.getMessage()), c);
                    }
                } catch (InterruptedException e) {
                    abort(monitor, failed);
                    Thread.currentThread().interrupt();
                    failure = new java.io.InterruptedIOException("interrupted while decoding");
                } catch (java.util.concurrent.TimeoutException e) {
                    abort(monitor, failed);
                    failure = new IOException("a decoding helper did not finish within a minute");
                }
            }
            clear();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static int position(List<Integer> laneOrder, int item) {
        // Items are appended in increasing order: binary search.
        int lo = 0;
        int hi = laneOrder.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = laneOrder.get(mid);
            if (v == item) {
                return mid;
            }
            if (v < item) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        throw new IllegalStateException("item " + item + " is not in its lane");
    }

    private void decodeLane(int l, List<Integer> laneOrder, int[] waitFor, AtomicInteger[] done, Object monitor,
                            boolean[] failed, DecodeContext ctx, Framebuffer fb) throws IOException {
        AtomicInteger other = done[1 - l];
        for (int j : laneOrder) {
            if (other.get() < waitFor[j]) {
                synchronized (monitor) {
                    while (other.get() < waitFor[j] && !failed[0]) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new java.io.InterruptedIOException("interrupted while decoding");
                        }
                    }
                    if (failed[0]) {
                        return;
                    }
                }
            }
            Item it = items.get(j);
            Decoder d = lanes[l].get(it.encoding);
            try {
                d.decodeRect(it.rect, RfbInput.wrap(it.bytes.array(), it.bytes.size()), ctx, fb);
            } catch (EOFException e) {
                abort(monitor, failed);
                throw new io.vncstream.rfb.RfbProtocolException(it.rect.describe() + ": encoded data ends early ("
                        + e.getMessage() + ")");
            } catch (IOException | RuntimeException | Error e) {
                abort(monitor, failed);
                throw e;
            }
            done[l].incrementAndGet();
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    private static void abort(Object monitor, boolean[] failed) {
        synchronized (monitor) {
            failed[0] = true;
            monitor.notifyAll();
        }
    }

    /** Forgets what was added and not run (the update failed). */
    public void discard() {
        clear();
    }

    private void clear() {
        items.clear();
        bytes = 0;
        recordings.removeIf(b -> b.array().length > KEEP_CAPACITY);
    }
}
