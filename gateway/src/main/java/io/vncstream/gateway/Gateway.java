package io.vncstream.gateway;

import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.session.Desktop;
import io.vncstream.gateway.session.SessionSettings;
import io.vncstream.gateway.session.ViewerSession;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.server.ServerSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens for viewers and gives each a {@link ViewerSession} on a thread of its own. The gateway
 * owns the desktop and the device registry it is started with: closing it removes the devices
 * (releasing a VM's serial socket) and closes the desktop.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    public static final long DEFAULT_MAX_BEHIND = 16L * 1024 * 1024;

    private final ServerSocket server;
    private final DeviceRegistry registry;
    private final Desktop desktop;
    private final SessionSettings settings;
    private final Set<ViewerSession> sessions = ConcurrentHashMap.newKeySet();
    private final java.util.List<AutoCloseable> alsoClosing = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private Gateway(ServerSocket server, DeviceRegistry registry, Desktop desktop, ServerSecurity security, long maxBehind) {
        this.server = server;
        this.registry = registry;
        this.desktop = desktop;
        this.settings = new SessionSettings(desktop, registry, security, maxBehind, sessions::remove);
    }

    /** Binds and starts accepting; port 0 picks a free one. */
    public static Gateway start(String host, int port, Desktop desktop, DeviceRegistry registry,
                                ServerSecurity security, long maxBehind) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        Gateway g = new Gateway(server, registry, desktop, security, maxBehind);
        Thread t = new Thread(g::acceptLoop, "gateway-accept :" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
        LOG.info("listening on {}:{} for {}", host, server.getLocalPort(), desktop.describe());
        return g;
    }

    public int port() {
        return server.getLocalPort();
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

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                ViewerSession session = new ViewerSession(Transport.of(s), settings);
                sessions.add(session);
                Thread t = new Thread(session, "viewer " + s.getRemoteSocketAddress());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed: {}", e.getMessage());
                }
            }
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
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (ViewerSession s : sessions) {
            s.close("gateway shutting down");
        }
        registry.removeAll();
        desktop.close();
    }
}
