package io.vncstream.gateway.net;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Password guessing, slowed per address as TigerVNC's blacklist does: after a few failures in a
 * row an address is refused for a while, twice as long after each further failure; a success
 * clears its record. After each failure the session also holds the connection a second before it
 * lets go of it, which with the cap on unauthenticated connections per address bounds the
 * guesses per second. The table holds a bounded number of addresses.
 */
public final class AuthThrottle {
    static final int THRESHOLD = 5;
    static final long FIRST_BLOCK_MS = 10_000;
    static final long MAX_BLOCK_MS = 10 * 60_000;
    private static final int MAX_ADDRESSES = 4096;

    private record Record(int failures, long blockedUntilNanos) {
    }

    private final Map<InetAddress, Record> records = new LinkedHashMap<>(16, 0.75f, true);

    /** Why {@code from} may not try now, or null. */
    public synchronized String refusal(InetAddress from) {
        Record r = records.get(from);
        if (r == null) {
            return null;
        }
        long left = r.blockedUntilNanos() - System.nanoTime();
        if (left <= 0) {
            return null;
        }
        return "too many authentication failures from " + from.getHostAddress() + "; try again in "
                + Math.max(1, left / 1_000_000_000) + " s";
    }

    public synchronized void failed(InetAddress from) {
        Record r = records.get(from);
        int failures = r == null ? 1 : r.failures() + 1;
        long blockedUntil = System.nanoTime();
        if (failures >= THRESHOLD) {
            long block = FIRST_BLOCK_MS << Math.min(16, failures - THRESHOLD);
            blockedUntil += Math.min(MAX_BLOCK_MS, block) * 1_000_000;
        }
        records.put(from, new Record(failures, blockedUntil));
        if (records.size() > MAX_ADDRESSES) {
            Iterator<InetAddress> oldest = records.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized void succeeded(InetAddress from) {
        records.remove(from);
    }
}
