package io.vncstream.terminal.log;

import java.util.Arrays;

/**
 * When each part of the log file arrived: pairs of (file offset, time), recorded at most once per
 * second of arrival, so it stays small for a long session. Used to put timestamps at line starts
 * when saving the log; the file itself stays exactly the bytes received.
 */
public final class TimeIndex {
    private long[] offsets = new long[64];
    private long[] millis = new long[64];
    private int size;

    /** Records that the byte at {@code offset} arrived at {@code epochMillis}. */
    public synchronized void record(long offset, long epochMillis) {
        if (size > 0 && epochMillis / 1000 == millis[size - 1] / 1000) {
            return;
        }
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            millis = Arrays.copyOf(millis, size * 2);
        }
        offsets[size] = offset;
        millis[size] = epochMillis;
        size++;
    }

    /** The arrival time of the byte at {@code offset} (to the second), or -1 if unknown. */
    public synchronized long timeAt(long offset) {
        int index = Arrays.binarySearch(offsets, 0, size, offset);
        if (index < 0) {
            index = -index - 2;
        }
        return index < 0 ? (size > 0 ? millis[0] : -1) : millis[index];
    }

    public synchronized int size() {
        return size;
    }
}
