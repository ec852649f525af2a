package io.vncstream.libvirt.events;

import io.vncstream.libvirt.Virsh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * A domain's events followed for as long as this is open: when {@code virsh event} ends unasked
 * (libvirtd restarted, the SSH connection to the host was lost) it is started again, a second
 * later and then less and less often (up to {@link #MAX_WAIT_MS}), and {@code resumed} is told,
 * since events may have been missed meanwhile.
 */
public final class EventFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFollower.class);
    static final long FIRST_WAIT_MS = 1000;
    static final long MAX_WAIT_MS = 30_000;
    /** Events followed this long count as a success: the next loss waits a second again. */
    static final long STABLE_NANOS = 10_000_000_000L;

    private final Virsh virsh;
    private final String domain;
    private final String name;
    private final DomainEventListener listener;
    private final Runnable resumed;
    private volatile DomainEvents events;
    private volatile long startedAt;
    private long waitMs = FIRST_WAIT_MS;
    private volatile boolean closed;
    private volatile Thread restarter;

    private EventFollower(Virsh virsh, String domain, String name, DomainEventListener listener, Runnable resumed) {
        this.virsh = virsh;
        this.domain = domain;
        this.name = name;
        this.listener = listener;
        this.resumed = resumed;
    }

    /** Starts following {@code domain} (its UUID), {@code name} being how logs call it. */
    public static EventFollower follow(Virsh virsh, String domain, String name, DomainEventListener listener,
                                       Runnable resumed) throws IOException {
        EventFollower f = new EventFollower(virsh, domain, name, listener, resumed);
        f.start();
        return f;
    }

    private void start() throws IOException {
        startedAt = System.nanoTime();
        events = DomainEvents.follow(virsh, domain, new DomainEventListener() {
            @Override
            public void event(DomainEvent event) {
                listener.event(event);
            }

            @Override
            public void ended(String reason) {
                if (!closed) {
                    LOG.warn("{}: no more domain events ({}); following them again", name, reason);
                    restartLater();
                }
            }
        });
        if (closed) {
            events.close();
        }
    }

    private synchronized void restartLater() {
        waitMs = System.nanoTime() - startedAt > STABLE_NANOS ? FIRST_WAIT_MS : Math.min(MAX_WAIT_MS, waitMs * 2);
        Thread t = new Thread(this::restart, "libvirt events restart " + name);
        t.setDaemon(true);
        restarter = t;
        t.start();
    }

    private void restart() {
        long wait;
        synchronized (this) {
            wait = waitMs;
        }
        while (!closed) {
            try {
                Thread.sleep(wait);
                if (closed) {
                    return;
                }
                start();
                LOG.info("{}: following domain events again", name);
                resumed.run();
                return;
            } catch (IOException e) {
                LOG.debug("{}: domain events not followed yet: {}", name, e.getMessage());
                wait = Math.min(MAX_WAIT_MS, wait * 2);
                synchronized (this) {
                    waitMs = wait;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether {@code virsh event} runs now. */
    public boolean isRunning() {
        DomainEvents e = events;
        return e != null && e.isRunning();
    }

    @Override
    public void close() {
        closed = true;
        Thread t = restarter;
        if (t != null) {
            t.interrupt();
        }
        DomainEvents e = events;
        if (e != null) {
            e.close();
        }
    }
}
