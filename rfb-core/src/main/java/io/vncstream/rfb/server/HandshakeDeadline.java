package io.vncstream.rfb.server;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One deadline for a whole handshake: when it passes, the connection is closed, which ends any
 * read or write the handshake is blocked in. A read timeout alone restarts with every byte, so
 * a peer dripping one byte just within it would hold the connection for ever; and Unix sockets
 * have no read timeout at all.
 */
final class HandshakeDeadline {
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int EXPIRED = 2;

    private final Duration limit;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final ScheduledFuture<?> expiry;

    private HandshakeDeadline(Duration limit, AutoCloseable connection) {
        this.limit = limit;
        this.expiry = TIMER.schedule(() -> {
            if (state.compareAndSet(RUNNING, EXPIRED)) {
                try {
                    connection.close();
                } catch (Exception ignored) {
                    // closing is best effort: the handshake's blocked read fails either way
                }
            }
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    static HandshakeDeadline start(Duration limit, AutoCloseable connection) {
        return new HandshakeDeadline(limit, connection);
    }

    boolean expired() {
        return state.get() == EXPIRED;
    }

    /** Ends the deadline; throws if it passed first (and so closed the connection). */
    void finish() throws SocketTimeoutException {
        expiry.cancel(false);
        if (!state.compareAndSet(RUNNING, DONE)) {
            throw timeout();
        }
    }

    SocketTimeoutException timeout() {
        return new SocketTimeoutException("handshake not completed within " + describe(limit));
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "rfb-handshake-deadline");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
