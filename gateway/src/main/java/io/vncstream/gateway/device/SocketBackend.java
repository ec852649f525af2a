package io.vncstream.gateway.device;

import io.vncstream.rfb.io.Transport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** A QEMU {@code -chardev socket,server=on}: the gateway connects as the client (Unix or TCP). */
public final class SocketBackend implements DeviceBackend {
    private final Path unixPath;
    private final String host;
    private final int port;

    private SocketBackend(Path unixPath, String host, int port) {
        this.unixPath = unixPath;
        this.host = host;
        this.port = port;
    }

    public static SocketBackend unix(Path path) {
        return new SocketBackend(path, null, 0);
    }

    public static SocketBackend tcp(String host, int port) {
        return new SocketBackend(null, host, port);
    }

    @Override
    public DeviceConnection open() throws IOException {
        Transport t = unixPath != null ? Transport.unix(unixPath) : Transport.tcp(host, port, Duration.ofSeconds(5));
        return new StreamConnection(t.input(), t.output(), t);
    }

    @Override
    public String describe() {
        return unixPath != null ? "unix:" + unixPath : "tcp:" + host + ":" + port;
    }
}
