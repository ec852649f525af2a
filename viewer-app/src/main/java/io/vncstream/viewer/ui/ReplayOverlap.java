package io.vncstream.viewer.ui;

import java.util.Arrays;

/**
 * Remembers the last bytes a console received so that, when the device is captured again after
 * a lost connection, the server's backlog replay does not print again what is already on the
 * screen. The replay is the device's last output, so it starts with some suffix of what we
 * had (unless the gap outran the backlog) and continues with what we missed: the longest
 * prefix of the replay that equals a suffix of our tail is dropped.
 *
 * <p>Used from one thread at a time (the capture's delivery thread).
 */
final class ReplayOverlap {
    /** Shorter matches are too likely to be chance (a prompt printed again) to drop. */
    static final int MIN_MATCH = 32;
    /** The probe: the last bytes of the tail looked for inside the replay. */
    private static final int PROBE = 64;

    /** The ring starts this small and doubles up to the capacity: most consoles print far less. */
    static final int INITIAL_BYTES = 16 * 1024;

    private final int capacity;
    /** Until it reaches the capacity the ring has never wrapped: {@code start} is 0 then. */
    private byte[] ring;
    private int start;
    private int size;
    /** Whether older output than the tail was shown (and forgotten). */
    private boolean forgot;

    ReplayOverlap(int capacity) {
        this.capacity = capacity;
        ring = new byte[Math.min(capacity, INITIAL_BYTES)];
    }

    /** Records output that was shown (on every output chunk: whole-block copies, no per-byte loop). */
    void remember(byte[] data, int off, int len) {
        forgot |= size + len > capacity;
        if (ring.length < capacity && size + len > ring.length) {
            ring = Arrays.copyOf(ring, (int) Math.min(capacity, Math.max(2L * ring.length, (long) size + len)));
        }
        if (len >= ring.length) {
            System.arraycopy(data, off + len - ring.length, ring, 0, ring.length);
            start = 0;
            size = ring.length;
            return;
        }
        int end = (start + size) % ring.length;
        int first = Math.min(len, ring.length - end);
        System.arraycopy(data, off, ring, end, first);
        System.arraycopy(data, off + first, ring, 0, len - first);
        int dropped = Math.max(0, size + len - ring.length);
        start = (start + dropped) % ring.length;
        size = Math.min(ring.length, size + len);
    }

    /** Bytes the ring holds now, used or free: grows with the output up to the capacity. */
    int allocated() {
        return ring.length;
    }

    /** The last bytes remembered, oldest first. */
    byte[] tail() {
        byte[] out = new byte[size];
        int first = Math.min(size, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, size - first);
        return out;
    }

    /** How many leading bytes of {@code replay} repeat the end of what was shown already. */
    int overlap(byte[] replay) {
        byte[] tail = tail();
        int probe = Math.min(PROBE, tail.length);
        if (probe < MIN_MATCH) {
            return 0;
        }
        byte[] key = Arrays.copyOfRange(tail, tail.length - probe, tail.length);
        // The longest overlap ends at the last place where the probe occurs and everything before it
        // matches too, as far back as we remember (a replay may reach further back than our tail).
        for (int at = lastIndexOf(replay, key, replay.length - probe); at >= 0; at = lastIndexOf(replay, key, at - 1)) {
            int k = at + probe;
            int m = Math.min(k, tail.length);
            if (k > tail.length && !forgot) {
                continue; // the replay holds output before anything we ever showed
            }
            if (Arrays.equals(replay, k - m, k, tail, tail.length - m, tail.length)) {
                return k;
            }
        }
        return 0;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = Math.min(from, haystack.length - needle.length); i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
