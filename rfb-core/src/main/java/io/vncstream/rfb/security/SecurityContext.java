package io.vncstream.rfb.security;

import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.security.tls.ClientIdentity;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.rfb.security.tls.TlsStreams;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What a security type works with: the connection's current streams (which a TLS layer
 * replaces, so that the rest of the handshake and of RFB runs inside TLS), the server it talks
 * to, the user's settings, and the record of how the connection ended up protected.
 */
public final class SecurityContext {
    private Transport transport;
    private RfbInput in;
    private OutputStream out;
    private final String serverName;
    private final String host;
    private final int port;
    private final SecuritySettings settings;
    private final UserWait userWait;
    private ConnectionSecurity security;

    /**
     * @param transport  the connection, or null when only streams are at hand (then TLS cannot start)
     * @param serverName how the server is named to the user ("host::5901")
     * @param host       the host name or address certificates must name; null for a Unix socket
     * @param port       the TCP port, part of the key under which accepted certificates are kept
     */
    public SecurityContext(Transport transport, RfbInput in, OutputStream out, String serverName, String host,
                           int port, SecuritySettings settings, UserWait userWait) {
        this.transport = transport;
        this.in = in;
        this.out = out;
        this.serverName = serverName;
        this.host = host;
        this.port = port;
        this.settings = settings;
        this.userWait = userWait;
    }

    public RfbInput in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    /** The transport after security: TLS over the original one when a TLS type ran. */
    public Transport transport() {
        return transport;
    }

    public String serverName() {
        return serverName;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The key under which a server's accepted certificate is kept: "host:port", or the socket path. */
    public String serverKey() {
        String key = host == null ? serverName : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        return key.replace("%", "%25").replace(" ", "%20").replace("\n", "%0A");
    }

    public SecurityTypes types() {
        return settings.types();
    }

    public PasswordSource passwords() {
        return settings.passwords();
    }

    public CredentialsSource credentials() {
        return settings.credentials();
    }

    public String user() {
        return settings.user();
    }

    public TlsOptions tls() {
        return settings.tls();
    }

    public UserWait userWait() {
        return userWait;
    }

    /** Something that asks the user and may take as long as they take. */
    @FunctionalInterface
    public interface Ask<T> {
        T ask() throws IOException;
    }

    /** Asks the user with the handshake's deadline paused. */
    public <T> T askUser(Ask<T> ask) throws IOException {
        userWait.started();
        try {
            return ask.ask();
        } finally {
            userWait.ended();
        }
    }

    /**
     * Runs the TLS handshake over the current streams and continues over TLS. Bytes the reader
     * already buffered past the go-ahead (a server cannot send TLS before our ClientHello, but a
     * whole-buffer read may hold an alert) are TLS's, handed to it first.
     */
    public SSLSession startTls(SSLEngine engine) throws IOException {
        return startTls(engine, null);
    }

    /** As above, for an engine presenting {@code client}'s certificate (null: none, or anonymous TLS). */
    public SSLSession startTls(SSLEngine engine, ClientIdentity client) throws IOException {
        if (transport == null) {
            throw new IllegalStateException("TLS needs a transport, not only streams");
        }
        byte[] early = in.readBytes(in.buffered());
        TlsStreams tls = TlsStreams.handshake(transport.input(), transport.output(), engine, serverName, early,
                client);
        transport = transport.continueWith(tls.input(), tls.output(), tls, engine.getSession().getProtocol());
        in = RfbInput.of(transport.input());
        out = transport.output();
        return engine.getSession();
    }

    /** How the connection is protected; unencrypted until a TLS layer says otherwise. */
    public ConnectionSecurity security() {
        return security;
    }

    public void security(ConnectionSecurity security) {
        this.security = security;
    }
}
