package io.vncstream.rfb.handshake;

import io.vncstream.rfb.security.UserWait;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One deadline for a whole handshake, client or server side: when it passes, the connection is
 * closed, which ends any read or write the handshake is blocked in. A read timeout alone bounds
 * each read, so a peer dripping one byte just inside it could hold the other side for ever; and
 * Unix sockets have no read timeout at all. Time the user spends answering a prompt (a password,
 * a certificate) does not count: a person is not a dripping peer.
 */
public final class HandshakeDeadline implements UserWait, AutoCloseable {
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

    /** Starts counting now; {@code onExpiry} closes the connection, outside any lock. */
    public HandshakeDeadline(Duration limit, Runnable onExpiry) {
        this.limit = limit;
        this.onExpiry = onExpiry;
        this.remainingNanos = limit.toNanos();
        schedule();
    }

    /** A deadline that closes {@code connection} when it passes, ignoring how closing fails. */
    public static HandshakeDeadline closing(Duration limit, AutoCloseable connection) {
        return new HandshakeDeadline(limit, () -> {
            try {
                connection.close();
            } catch (Exception ignored) {
                // best effort: the handshake's blocked read fails either way
            }
        });
    }

    public Duration limit() {
        return limit;
    }

    /** Whether the deadline passed (and so closed the connection) before {@link #close}. */
    public boolean expired() {
        return expired;
    }

    /** The limit as a person reads it: "2 s", or "1500 ms" when it is not whole seconds. */
    public String describeLimit() {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
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

    /** Ends the deadline; once closed it can no longer expire. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
