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

    private final byte[] ring;
    private int start;
    private int size;
    /** Whether older output than the tail was shown (and forgotten). */
    private boolean forgot;

    ReplayOverlap(int capacity) {
        ring = new byte[capacity];
    }

    /** Records output that was shown. */
    void remember(byte[] data, int off, int len) {
        forgot |= size + len > ring.length;
        if (len >= ring.length) {
            System.arraycopy(data, off + len - ring.length, ring, 0, ring.length);
            start = 0;
            size = ring.length;
            return;
        }
        for (int i = 0; i < len; i++) {
            int pos = (start + size) % ring.length;
            ring[pos] = data[off + i];
            if (size < ring.length) {
                size++;
            } else {
                start = (start + 1) % ring.length;
            }
        }
    }

    /** The last bytes remembered, oldest first. */
    byte[] tail() {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
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
