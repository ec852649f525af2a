package io.vncstream.rfb.client;

import io.vncstream.rfb.security.UserWait;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One deadline for a whole handshake: when it passes, the connection is closed, which ends any
 * read in progress. A read timeout alone bounds each read, so a server that drips one byte just
 * inside it could hold a client for ever. Time the user spends answering a prompt does not count.
 */
final class HandshakeDeadline implements UserWait, AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "rfb-handshake-deadline");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private final Duration limit;
    private final Runnable onExpiry;
    private long remainingNanos;
    private long startedAt;
    private ScheduledFuture<?> pending;
    private int pauses;
    private volatile boolean expired;
    private boolean closed;

    HandshakeDeadline(Duration limit, Runnable onExpiry) {
        this.limit = limit;
        this.onExpiry = onExpiry;
        this.remainingNanos = limit.toNanos();
        schedule();
    }

    Duration limit() {
        return limit;
    }

    boolean expired() {
        return expired;
    }

    private synchronized void schedule() {
        if (closed) {
            return;
        }
        startedAt = System.nanoTime();
        pending = TIMER.schedule(this::expire, Math.max(0, remainingNanos), TimeUnit.NANOSECONDS);
    }

    private void expire() {
        synchronized (this) {
            if (closed || pauses > 0) {
                return;
            }
            expired = true;
        }
        onExpiry.run(); // outside the lock: it closes a connection
    }

    @Override
    public synchronized void started() {
        if (pauses++ == 0 && pending != null) {
            pending.cancel(false);
            remainingNanos -= System.nanoTime() - startedAt;
            pending = null;
        }
    }

    @Override
    public void ended() {
        boolean resume;
        synchronized (this) {
            resume = --pauses == 0;
        }
        if (resume) {
            schedule();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
