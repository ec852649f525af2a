package io.vncstream.gateway.relay;

import io.vncstream.gateway.session.Desktop;
import io.vncstream.gateway.session.DesktopConnection;
import io.vncstream.gateway.session.MessageSink;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.security.PasswordSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A real VNC server (QEMU's {@code -vnc}, Xvnc) behind the gateway: each viewer gets its own upstream connection. */
public final class UpstreamDesktop implements Desktop {
    /**
     * Upstream handshakes under way at once. TigerVNC refuses a sixth concurrent unauthenticated
     * connection from one address, and every viewer's upstream connection comes from the
     * gateway's: a burst of viewers waits its turn here instead.
     */
    static final int CONCURRENT_HANDSHAKES = 4;
    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(30);

    private final ServerAddress address;
    private final PasswordSource password;
    private final Semaphore handshakes = new Semaphore(CONCURRENT_HANDSHAKES, true);

    public UpstreamDesktop(ServerAddress address, PasswordSource password) {
        this.address = address;
        this.password = password;
    }

    /**
     * Always a shared session upstream, whatever the viewer asked: an exclusive one would make
     * the server drop the other viewers' connections (the gateway's own).
     */
    @Override
    public DesktopConnection open(MessageSink viewer, boolean shared) throws IOException {
        try {
            if (!handshakes.tryAcquire(TURN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("upstream " + address + ": busy, " + CONCURRENT_HANDSHAKES
                        + " connections already being made for " + TURN_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to connect upstream");
        }
        try {
            return connect(viewer);
        } finally {
            handshakes.release();
        }
    }

    private DesktopConnection connect(MessageSink viewer) throws IOException {
        Transport t;
        try {
            t = address.isUnix()
                    ? Transport.unix(Path.of(address.unixPath()))
                    : Transport.tcp(address.host(), address.port(), Duration.ofSeconds(10));
        } catch (IOException e) {
            throw failed(e);
        }
        try {
            t.setReadTimeout(Duration.ofSeconds(30));
            RfbInput in = RfbInput.of(t.input());
            ClientConfig config = new ClientConfig().shared(true).password(password);
            ClientHandshake handshake = new ClientHandshake(in, t.output(), config, address.toString());
            var init = handshake.run();
            t.setReadTimeout(Duration.ZERO);
            return new UpstreamConnection(t, in, init, viewer);
        } catch (IOException | RuntimeException e) {
            t.close();
            throw failed(e);
        }
    }

    /** Names the upstream: the viewer's disconnection is logged with this reason. */
    private IOException failed(Exception e) {
        return new IOException("upstream " + address + ": " + e.getMessage(), e);
    }

    @Override
    public String describe() {
        return "upstream " + address;
    }
}
