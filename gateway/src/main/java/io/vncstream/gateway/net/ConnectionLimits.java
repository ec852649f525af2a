package io.vncstream.gateway.net;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * How many viewers the gateway serves at once, and how many connections one address may have
 * that have not yet authenticated (each is a handshake held open, or a password guess under
 * way). Without a password there is no authentication to wait for, so only the first applies.
 */
public final class ConnectionLimits {
    public static final int DEFAULT_MAX_VIEWERS = 256;
    public static final int DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS = 8;

    private final int maxViewers;
    private final int maxUnauthenticatedPerAddress;
    private int viewers;
    private final Map<InetAddress, Integer> unauthenticated = new HashMap<>();

    public ConnectionLimits(int maxViewers, int maxUnauthenticatedPerAddress) {
        this.maxViewers = maxViewers;
        this.maxUnauthenticatedPerAddress = maxUnauthenticatedPerAddress;
    }

    /** Counts a new connection in, or returns why it is refused (and counts nothing). */
    public synchronized String admit(InetAddress from, boolean authenticates) {
        if (viewers >= maxViewers) {
            return "the gateway already serves its maximum of " + maxViewers + " viewers";
        }
        if (authenticates && unauthenticated.getOrDefault(from, 0) >= maxUnauthenticatedPerAddress) {
            return "too many connections from " + from.getHostAddress() + " have not authenticated yet";
        }
        viewers++;
        if (authenticates) {
            unauthenticated.merge(from, 1, Integer::sum);
        }
        return null;
    }

    /** The connection from {@code from} authenticated (or failed to): it no longer counts as unauthenticated. */
    public synchronized void authenticationDone(InetAddress from) {
        unauthenticated.computeIfPresent(from, (a, n) -> n > 1 ? n - 1 : null);
    }

    public synchronized void closed() {
        viewers--;
    }

    public synchronized int viewers() {
        return viewers;
    }
}
