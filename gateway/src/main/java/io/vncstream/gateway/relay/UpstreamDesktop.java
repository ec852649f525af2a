package io.vncstream.gateway.relay;

import io.vncstream.gateway.session.Desktop;
import io.vncstream.gateway.session.DesktopConnection;
import io.vncstream.gateway.session.MessageSink;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.gateway.log.LogText;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.rfb.security.tls.CertificatePrompt;
import io.vncstream.rfb.security.tls.TlsOptions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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

    private final UpstreamDialer dialer;
    private final PasswordSource password;
    private final TlsOptions tls;
    private final Semaphore handshakes = new Semaphore(CONCURRENT_HANDSHAKES, true);
    /** The size a viewer admitted while the upstream is down is given when it has never been seen. */
    static final int PLACEHOLDER_WIDTH = 1024;
    static final int PLACEHOLDER_HEIGHT = 768;
    private volatile boolean admitWhenDown;
    /** The last ServerInit the upstream sent: the size a viewer admitted while it is down gets. */
    private volatile ServerInit lastInit;

    public UpstreamDesktop(ServerAddress address, PasswordSource password) {
        this(address, password, new TlsOptions().prompt(CertificatePrompt.REFUSE));
    }

    /** {@code tls}: how an upstream's certificate is trusted when it demands VeNCrypt. */
    public UpstreamDesktop(ServerAddress address, PasswordSource password, TlsOptions tls) {
        this(UpstreamDialer.of(address), password, tls);
    }

    /** An upstream reached through {@code dialer} for each connection (a libvirt domain's screen). */
    public UpstreamDesktop(UpstreamDialer dialer, PasswordSource password, TlsOptions tls) {
        this.dialer = dialer;
        this.password = password;
        this.tls = tls;
    }

    /**
     * Admit viewers while the upstream is down or refuses, with a placeholder desktop (the last
     * size seen) replaced once it is back, instead of refusing them with the reason. The stream
     * extension is negotiated only after ServerInit, so at admission the gateway cannot tell a
     * viewer that has consoles to keep from one that would sit before a picture: off by default.
     */
    public UpstreamDesktop admitWhenDown(boolean admit) {
        this.admitWhenDown = admit;
        return this;
    }

    /**
     * One connection and handshake now, at start-up, so that an upstream certificate the gateway
     * would refuse is an error before any viewer comes; an upstream that is down or refuses for
     * other reasons is only the caller's warning (it may be up when viewers come).
     */
    public void probe() throws IOException {
        connect(new MessageSink() {
            @Override
            public void send(byte[] message) {
            }

            @Override
            public void close(String reason) {
            }
        }).close();
    }

    /**
     * Always a shared session upstream, whatever the viewer asked: an exclusive one would make
     * the server drop the other viewers' connections (the gateway's own).
     */
    @Override
    public DesktopConnection open(MessageSink viewer, boolean shared) throws IOException {
        UpstreamSink sink = new UpstreamSink(viewer);
        UpstreamConnection first;
        try {
            first = connect(sink);
        } catch (IOException e) {
            if (!admitWhenDown) {
                throw e;
            }
            ServerInit last = lastInit;
            ServerInit placeholder = last == null
                    ? new ServerInit(PLACEHOLDER_WIDTH, PLACEHOLDER_HEIGHT, PixelFormat.TRUE_COLOUR_32, dialer.describe())
                    : new ServerInit(last.width(), last.height(), PixelFormat.TRUE_COLOUR_32, last.name());
            LOG.info("{}: admitted with a placeholder desktop until it is back", LogText.clean(e.getMessage()));
            return new ResumingConnection(this, viewer, placeholder, e.getMessage());
        }
        ResumingConnection c = new ResumingConnection(this, viewer, admitWhenDown, first);
        sink.bind(c, first);
        return c;
    }

    /** One upstream connection and handshake, waiting its turn among the others. */
    UpstreamConnection connect(MessageSink viewer) throws IOException {
        try {
            if (!handshakes.tryAcquire(TURN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(dialer.describe() + ": busy, " + CONCURRENT_HANDSHAKES
                        + " connections already being made for " + TURN_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to connect upstream");
        }
        try {
            return handshake(viewer);
        } finally {
            handshakes.release();
        }
    }

    private UpstreamConnection handshake(MessageSink viewer) throws IOException {
        UpstreamDialer.Dialed d;
        try {
            d = dialer.dial();
        } catch (IOException e) {
            throw failed(e);
        }
        Transport t = d.transport();
        try {
            t.setReadTimeout(Duration.ofSeconds(30));
            ClientConfig config = new ClientConfig().shared(true).password(d.password() != null ? d.password() : password).tls(tls);
            ClientHandshake handshake = new ClientHandshake(t, config, d.name(), d.host(), d.port());
            var init = handshake.run();
            t.setReadTimeout(Duration.ZERO);
            LOG.info("upstream {}: {}", d.name(), handshake.security().summary());
            lastInit = init;
            // After VeNCrypt, the TLS connection over t.
            return new UpstreamConnection(handshake.transport(), handshake.input(), init, viewer);
        } catch (IOException | RuntimeException e) {
            t.close();
            throw failed(e);
        }
    }

    /** Names the upstream: the viewer's disconnection is logged with this reason. */
    private IOException failed(Exception e) {
        return new IOException(dialer.describe() + ": " + e.getMessage(), e);
    }

    @Override
    public String describe() {
        return dialer.describe();
    }
}
