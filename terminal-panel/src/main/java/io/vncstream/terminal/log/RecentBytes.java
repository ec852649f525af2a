package io.vncstream.terminal.log;

import java.util.Arrays;

/**
 * The last {@code capacity} bytes written, in a ring: the log's bounded in-memory part. The ring
 * starts small and doubles up to the capacity as output comes: most consoles print far less
 * than the capacity, and a window may hold many of them.
 */
final class RecentBytes {
    static final int INITIAL_BYTES = 64 * 1024;

    private final int capacity;
    private byte[] ring;
    private long total;

    RecentBytes(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        ring = new byte[Math.min(capacity, INITIAL_BYTES)];
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        if (ring.length < capacity && total + length > ring.length) {
            // Until the ring reaches its capacity it has never wrapped: its bytes are in order.
            long wanted = Math.max(2L * ring.length, total + length);
            ring = Arrays.copyOf(ring, (int) Math.min(capacity, wanted));
        }
        if (length >= ring.length) {
            // Only the tail fits.
            int skip = length - ring.length;
            total += skip;
            offset += skip;
            length = ring.length;
        }
        int start = (int) (total % ring.length);
        int first = Math.min(length, ring.length - start);
        System.arraycopy(bytes, offset, ring, start, first);
        System.arraycopy(bytes, offset + first, ring, 0, length - first);
        total += length;
    }

    /** Bytes the ring holds now, kept or free: grows with the output up to the capacity. */
    synchronized int allocated() {
        return ring.length;
    }

    /** Bytes ever appended. */
    synchronized long total() {
        return total;
    }

    /** The kept tail, oldest first. */
    synchronized byte[] snapshot() {
        int kept = (int) Math.min(total, ring.length);
        byte[] out = new byte[kept];
        int start = (int) ((total - kept) % ring.length);
        int first = Math.min(kept, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, kept - first);
        return out;
    }
}
