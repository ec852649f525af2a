package io.vncstream.gateway.demo;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.rfb.server.ServerSecurity;

import java.io.IOException;

/** The demo gateway run inside another program (the viewer's {@code --demo}), on a loopback port. */
public final class EmbeddedDemo implements AutoCloseable {
    public static final int BACKLOG_BYTES = 256 * 1024;

    private final DemoDesktop desktop = new DemoDesktop();
    private final DeviceRegistry registry = new DeviceRegistry();
    private final Gateway gateway;

    private EmbeddedDemo(int port) throws IOException {
        DemoDevices.install(registry, BACKLOG_BYTES);
        gateway = Gateway.start("127.0.0.1", port, desktop, registry, ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
    }

    /** Starts on {@code port}, or on a free one when it is 0. */
    public static EmbeddedDemo start(int port) throws IOException {
        return new EmbeddedDemo(port);
    }

    public int port() {
        return gateway.port();
    }

    public DemoScene scene() {
        return desktop.scene();
    }

    public DeviceRegistry registry() {
        return registry;
    }

    public int viewerCount() {
        return gateway.viewerCount();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
