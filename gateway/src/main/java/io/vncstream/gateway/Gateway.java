package io.vncstream.gateway;

import io.vncstream.gateway.device.CaptureLimits;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.listen.Incoming;
import io.vncstream.gateway.listen.Listener;
import io.vncstream.gateway.listen.TcpListener;
import io.vncstream.gateway.net.AuthThrottle;
import io.vncstream.gateway.net.ConnectionLimits;
import io.vncstream.gateway.session.Desktop;
import io.vncstream.gateway.session.SessionSettings;
import io.vncstream.gateway.session.ViewerSession;
import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.server.ServerSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens for viewers and gives each a {@link ViewerSession} on a thread of its own. The gateway
 * owns the desktop and the device registry it is started with: closing it removes the devices
 * (releasing a VM's serial socket) and closes the desktop.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    public static final long DEFAULT_MAX_BEHIND = CaptureLimits.DEFAULT_MAX_BEHIND;
    private static final long ACCEPT_LOG_INTERVAL_NANOS = 10_000_000_000L;
    /** How long shutdown waits for the viewers' last messages to be written. */
    private static final long SHUTDOWN_FLUSH_NANOS = 2_000_000_000L;

    private final Listener server;
    private final DeviceRegistry registry;
    private final Desktop desktop;
    private final SessionSettings settings;
    private final ConnectionLimits limits;
    private final boolean authenticates;
    private final AuthThrottle throttle = new AuthThrottle();
    private final Set<ViewerSession> sessions = ConcurrentHashMap.newKeySet();
    private final java.util.List<AutoCloseable> alsoClosing = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private Gateway(Listener server, DeviceRegistry registry, Desktop desktop, ServerSecurity security,
                    CaptureLimits captureLimits, ConnectionLimits limits) {
        this.server = server;
        this.registry = registry;
        this.desktop = desktop;
        this.limits = limits;
        this.authenticates = security.requiresPassword();
        this.settings = new SessionSettings(desktop, registry, security, captureLimits, this::sessionClosed);
    }

    /** Binds and starts accepting; port 0 picks a free one. */
    public static Gateway start(String host, int port, Desktop desktop, DeviceRegistry registry,
                                ServerSecurity security, long maxBehind) throws IOException {
        return start(host, port, desktop, registry, security, maxBehind,
                new ConnectionLimits(ConnectionLimits.DEFAULT_MAX_VIEWERS, ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS));
    }

    /** Binds and starts accepting, serving at most what {@code limits} allow; port 0 picks a free one. */
    public static Gateway start(String host, int port, Desktop desktop, DeviceRegistry registry,
                                ServerSecurity security, long maxBehind, ConnectionLimits limits) throws IOException {
        return start(host, port, desktop, registry, security, CaptureLimits.maxBehind(maxBehind), limits);
    }

    /** As above, with each capture bounded by {@code captureLimits}. */
    public static Gateway start(String host, int port, Desktop desktop, DeviceRegistry registry,
                                ServerSecurity security, CaptureLimits captureLimits, ConnectionLimits limits) throws IOException {
        return start(TcpListener.bind(host, port), desktop, registry, security, captureLimits, limits);
    }

    /** Starts accepting on {@code listener} (a TCP port or a Unix socket), which the gateway then owns. */
    public static Gateway start(Listener listener, Desktop desktop, DeviceRegistry registry,
                                ServerSecurity security, CaptureLimits captureLimits, ConnectionLimits limits) {
        Gateway g = new Gateway(listener, registry, desktop, security, captureLimits, limits);
        Thread t = new Thread(g::acceptLoop, "gateway-accept " + listener.describe());
        t.setDaemon(true);
        t.start();
        LOG.info("listening on {} for {}", listener.describe(), desktop.describe());
        return g;
    }

    /** The TCP port viewers connect to, or -1 on a Unix socket. */
    public int port() {
        return server.port();
    }

    /** Where viewers connect: {@code HOST:PORT} or {@code unix:PATH}. */
    public String address() {
        return server.describe();
    }

    public DeviceRegistry registry() {
        return registry;
    }

    public Desktop desktop() {
        return desktop;
    }

    /** Something that lives as long as the gateway (a QMP watcher): closed first when the gateway closes. */
    public void closeAlso(AutoCloseable resource) {
        alsoClosing.add(resource);
    }

    public int viewerCount() {
        return sessions.size();
    }

    /**
     * Accepts viewers. A failing accept (out of file descriptors: the connection stays queued,
     * so the next accept fails at once) waits before trying again, growing to a second, and is
     * logged once per interval with a count, not once per try.
     */
    private void acceptLoop() {
        long backoffMs = 0;
        long windowStart = 0;
        int failures = 0;
        while (!closed) {
            Incoming s;
            try {
                s = server.accept();
                backoffMs = 0;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                long now = System.nanoTime();
                if (failures == 0 || now - windowStart > ACCEPT_LOG_INTERVAL_NANOS) {
                    LOG.warn("accept failed: {}{}", e.getMessage(),
                            failures > 1 ? " (" + failures + " times in the last " + ACCEPT_LOG_INTERVAL_NANOS / 1_000_000_000 + " s)" : "");
                    windowStart = now;
                    failures = 1;
                } else {
                    failures++;
                }
                backoffMs = Math.min(1000, Math.max(10, backoffMs * 2));
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    return;
                }
                continue;
            }
            InetAddress from = s.from();
            String refusal = s.refusal();
            if (refusal == null && authenticates) {
                refusal = throttle.refusal(from);
            }
            if (refusal == null) {
                refusal = limits.admit(from, authenticates);
            }
            if (refusal != null) {
                LOG.warn("viewer {} refused: {}", s.name(), refusal);
                s.refuse(refusal);
                continue;
            }
            try {
                ViewerSession session = new ViewerSession(s.transport(), settings);
                if (authenticates) {
                    session.onHandshakeDone(failure -> {
                        limits.authenticationDone(from);
                        if (failure == null) {
                            throttle.succeeded(from);
                        } else if (failure instanceof AuthenticationException) {
                            throttle.failed(from);
                        }
                    });
                }
                sessions.add(session);
                Thread t = new Thread(session, "viewer " + s.name());
                t.setDaemon(true);
                t.start();
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // Out of threads or memory: this viewer cannot be served, the others go on.
                LOG.warn("viewer {} not served: {}", s.name(), e.getMessage());
                limits.closed();
                if (authenticates) {
                    limits.authenticationDone(from);
                }
                s.close();
            }
        }
    }

    private void sessionClosed(ViewerSession session) {
        if (sessions.remove(session)) {
            limits.closed();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (AutoCloseable resource : alsoClosing) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resource, e.getMessage());
            }
        }
        server.close();
        // The devices go first, so that each viewer hears its captures end (and the devices
        // go) before its connection closes, instead of a bare end of stream.
        // The devices are not gone, the gateway is: viewers hear their captures end, not that
        // the devices were removed (a console tab would say "removed" of a device that is back
        // when the gateway is).
        for (ViewerSession s : sessions) {
            registry.unlisten(s);
        }
        registry.removeAll();
        for (ViewerSession s : sessions) {
            s.finish();
        }
        long deadline = System.nanoTime() + SHUTDOWN_FLUSH_NANOS;
        for (ViewerSession s : sessions) {
            s.awaitFinished(deadline);
        }
        for (ViewerSession s : sessions) {
            s.close("gateway shutting down");
        }
        desktop.close();
    }
}
