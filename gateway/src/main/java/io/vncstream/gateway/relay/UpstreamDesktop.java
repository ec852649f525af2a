package io.vncstream.gateway.relay;

import io.vncstream.gateway.session.Desktop;
import io.vncstream.gateway.session.DesktopConnection;
import io.vncstream.gateway.session.MessageSink;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.rfb.security.tls.CertificatePrompt;
import io.vncstream.rfb.security.tls.TlsOptions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A real VNC server (QEMU's {@code -vnc}, Xvnc) behind the gateway: each viewer gets its own upstream connection. */
public final class UpstreamDesktop implements Desktop {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamDesktop.class);
    /**
     * Upstream handshakes under way at once. TigerVNC refuses a sixth concurrent unauthenticated
     * connection from one address, and every viewer's upstream connection comes from the
     * gateway's: a burst of viewers waits its turn here instead.
     */
    static final int CONCURRENT_HANDSHAKES = 4;
    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(30);

    private final ServerAddress address;
    private final PasswordSource password;
    private final TlsOptions tls;
    private final Semaphore handshakes = new Semaphore(CONCURRENT_HANDSHAKES, true);

    public UpstreamDesktop(ServerAddress address, PasswordSource password) {
        this(address, password, new TlsOptions().prompt(CertificatePrompt.REFUSE));
    }

    /** {@code tls}: how an upstream's certificate is trusted when it demands VeNCrypt. */
    public UpstreamDesktop(ServerAddress address, PasswordSource password, TlsOptions tls) {
        this.address = address;
        this.password = password;
        this.tls = tls;
    }

    /**
     * One connection and handshake now, at start-up, so that an upstream certificate the gateway
     * would refuse is an error before any viewer comes; an upstream that is down or refuses for
     * other reasons is only the caller's warning (it may be up when viewers come).
     */
    public void probe() throws IOException {
        open(new MessageSink() {
            @Override
            public void send(byte[] message) {
            }

            @Override
            public void close(String reason) {
            }
        }, true).close();
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
            ClientConfig config = new ClientConfig().shared(true).password(password).tls(tls);
            ClientHandshake handshake = new ClientHandshake(t, config, address);
            var init = handshake.run();
            t.setReadTimeout(Duration.ZERO);
            LOG.info("upstream {}: {}", address, handshake.security().summary());
            // After VeNCrypt, the TLS connection over t.
            return new UpstreamConnection(handshake.transport(), handshake.input(), init, viewer);
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
