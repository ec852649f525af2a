package io.vncstream.libvirt.host;

import io.vncstream.ssh.SshConnection;
import io.vncstream.ssh.SshException;
import io.vncstream.ssh.SshOptions;
import io.vncstream.ssh.SshTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InterruptedIOException;
import java.io.IOException;

/**
 * The SSH connection to a libvirt host, made again after it is lost when asked to. The loss is
 * said once, in one line; a reconnection is tried when the connection is next wanted, one at a
 * time, and after a failed one the next waits {@link #FIRST_BACKOFF_MS} doubling up to
 * {@link #MAX_BACKOFF_MS}: callers meanwhile wait for the next attempt (each at most one backoff
 * and one connect), so nothing spins while the host is away and nothing waits forever.
 * No lock is held while connecting.
 */
final class SshLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshLink.class);
    static final long FIRST_BACKOFF_MS = 1000;
    static final long MAX_BACKOFF_MS = 10_000;

    private final SshTarget target;
    private final SshOptions options;
    private final boolean reconnect;
    private final String describe;
    // Guarded by this.
    private SshConnection current;
    private boolean connecting;
    private boolean lostSaid;
    private long lostAt;
    private long nextAttempt;
    private long backoff = FIRST_BACKOFF_MS;
    private SshException lastFailure;
    private int attempts;
    private boolean closed;

    private SshLink(SshTarget target, SshOptions options, boolean reconnect, SshConnection first) {
        this.target = target;
        this.options = options;
        this.reconnect = reconnect;
        this.current = first;
        this.describe = first.host().describe();
    }

    static SshLink open(SshTarget target, SshOptions options, boolean reconnect) throws SshException {
        return new SshLink(target, options, reconnect, SshConnection.open(target, options));
    }

    /** "root@host:22". */
    String describe() {
        return describe;
    }

    /**
     * The connection, made again first if it was lost (with reconnection on); without
     * reconnection the lost one, whose channels then fail saying the connection was lost.
     */
    SshConnection connection() throws IOException {
        int seen;
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new SshException("ssh " + describe + ": closed");
                }
                if (current.isOpen() || !reconnect) {
                    return current;
                }
                if (!lostSaid) {
                    lostSaid = true;
                    lostAt = System.nanoTime();
                    nextAttempt = lostAt;
                    LOG.warn("ssh {}: connection lost; connecting again (consoles and the screen come back when it is)", describe);
                }
                long wait = (nextAttempt - System.nanoTime()) / 1_000_000;
                if (!connecting && wait <= 0) {
                    connecting = true;
                    break;
                }
                // Another caller connects, or the last attempt failed a moment ago: its outcome is ours.
                seen = attempts;
                long until = System.nanoTime() + Math.max(wait, 0) * 1_000_000 + options.connectTimeout().toNanos() + 5_000_000_000L;
                while (attempts == seen && !closed && !current.isOpen() && System.nanoTime() < until
                        && (connecting || System.nanoTime() < nextAttempt)) {
                    await(Math.max(1, (connecting ? until - System.nanoTime() : nextAttempt - System.nanoTime()) / 1_000_000));
                }
                if (attempts != seen && !current.isOpen() && lastFailure != null) {
                    throw lastFailure;
                }
            }
        }
        SshConnection next = null;
        SshException failure = null;
        try {
            next = SshConnection.open(target, options);
        } catch (SshException e) {
            failure = e;
        }
        SshConnection old;
        synchronized (this) {
            connecting = false;
            attempts++;
            notifyAll();
            if (failure != null) {
                lastFailure = new SshException(failure.getMessage() + " (connection lost; trying again in "
                        + backoff / 1000 + " s)", failure);
                nextAttempt = System.nanoTime() + backoff * 1_000_000;
                LOG.debug("ssh {}: not back yet: {}", describe, failure.getMessage());
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                throw lastFailure;
            }
            if (closed) {
                next.close();
                throw new SshException("ssh " + describe + ": closed");
            }
            old = current;
            current = next;
            LOG.info("ssh {}: connected again after {} s", describe, (System.nanoTime() - lostAt) / 1_000_000_000L);
            lostSaid = false;
            backoff = FIRST_BACKOFF_MS;
            lastFailure = null;
        }
        old.close();
        return next;
    }

    private void await(long millis) throws InterruptedIOException {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for ssh " + describe);
        }
    }

    @Override
    public void close() {
        SshConnection c;
        synchronized (this) {
            closed = true;
            c = current;
            notifyAll();
        }
        c.close();
    }
}
