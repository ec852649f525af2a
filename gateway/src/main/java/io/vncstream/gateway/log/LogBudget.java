package io.vncstream.gateway.log;

/**
 * How often one source (a viewer) may make the gateway log the same kind of complaint: the
 * first few in an interval in full, the rest counted and summarised in one line, so that a
 * viewer repeating a bad message cannot turn a few bytes sent into many bytes of log.
 */
public final class LogBudget {
    private final int perInterval;
    private final long intervalNanos;
    private long windowStart;
    private int used;
    private int suppressed;

    public LogBudget(int perInterval, long intervalMillis) {
        this.perInterval = perInterval;
        this.intervalNanos = intervalMillis * 1_000_000;
        this.windowStart = System.nanoTime() - intervalNanos;
    }

    /**
     * Whether to log this one in full. When a new interval starts with complaints held back in
     * the last, {@code summary} is told how many (then logs its one line).
     */
    public synchronized boolean allow(java.util.function.IntConsumer summary) {
        long now = System.nanoTime();
        if (now - windowStart >= intervalNanos) {
            if (suppressed > 0) {
                summary.accept(suppressed);
            }
            windowStart = now;
            used = 0;
            suppressed = 0;
        }
        if (used < perInterval) {
            used++;
            return true;
        }
        suppressed++;
        return false;
    }

    /** How many are held back and not yet summarised (say so when the source goes away). */
    public synchronized int takeSuppressed() {
        int n = suppressed;
        suppressed = 0;
        return n;
    }
}
