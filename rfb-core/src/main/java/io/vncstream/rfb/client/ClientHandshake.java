package io.vncstream.rfb.client;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.handshake.ConnectionRefusedException;
import io.vncstream.rfb.handshake.HandshakeDeadline;
import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.handshake.Reason;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.security.ConnectionSecurity;
import io.vncstream.rfb.security.SecurityContext;
import io.vncstream.rfb.security.SecurityFactory;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.SecurityTypes;
import io.vncstream.rfb.security.UserWait;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's side of the RFB handshake, from ProtocolVersion to ServerInit (RFC 6143 7.1-7.3),
 * with the security types of {@link SecurityFactory}, VeNCrypt's TLS among them.
 * <p>
 * Over a {@link Transport} (what {@link RfbClient} and the gateway's upstream use), the whole
 * handshake has one deadline, {@link ClientConfig#connectTimeout()} (time spent asking the user
 * aside), and a TLS type continues the connection inside TLS: afterwards {@link #transport()} and
 * {@link #input()} are what the reader and writer must use. Over bare streams (protocol tests)
 * there is no deadline and the TLS types are left out of the allowed ones.
 */
public final class ClientHandshake {
    /** The top-level types we can complete. */
    private static final List<Integer> SUPPORTED = List.of(SecurityType.NONE, SecurityType.VNC_AUTH, SecurityType.VENCRYPT);

    private Transport transport;
    private RfbInput in;
    private OutputStream out;
    private final ClientConfig config;
    private final String serverName;
    private final String host;
    private final int port;
    private final SecurityFactory factory;
    private ProtocolVersion version;
    private ConnectionSecurity security;

    /** Over bare streams: no deadline, no TLS types (for parsers and protocol tests). */
    public ClientHandshake(RfbInput in, OutputStream out, ClientConfig config, String serverName) {
        this(null, in, out, config, serverName, null, 0);
    }

    /** Over a connection to {@code address}; its host is what a TLS certificate must name. */
    public ClientHandshake(Transport transport, ClientConfig config, ServerAddress address) {
        this(transport, RfbInput.of(transport.input(), RfbInput.SERVER_STREAM_BUFFER_SIZE), transport.output(), config,
                address.toString(),
                address.isUnix() ? null : address.host(), address.isUnix() ? 0 : address.port());
    }

    /**
     * Over a connection named {@code serverName} for the user; {@code host} and {@code port} are
     * what a TLS certificate must name and where an accepted one is kept (host null: a Unix socket).
     */
    public ClientHandshake(Transport transport, ClientConfig config, String serverName, String host, int port) {
        this(transport, RfbInput.of(transport.input(), RfbInput.SERVER_STREAM_BUFFER_SIZE), transport.output(), config,
                serverName, host, port);
    }

    private ClientHandshake(Transport transport, RfbInput in, OutputStream out, ClientConfig config, String serverName,
                            String host, int port) {
        this.transport = transport;
        this.in = in;
        this.out = out;
        this.config = config;
        this.serverName = serverName;
        this.host = host;
        this.port = port;
        this.factory = new SecurityFactory(config.clock());
    }

    public ProtocolVersion version() {
        return version;
    }

    /** The connection after the handshake: TLS over the original one when a TLS type was chosen. */
    public Transport transport() {
        return transport;
    }

    /** Where the server's messages after ServerInit are read (holding any bytes already buffered). */
    public RfbInput input() {
        return in;
    }

    /** How the connection is protected (after {@link #run}). */
    public ConnectionSecurity security() {
        return security;
    }

    public ServerInit run() throws IOException {
        if (transport == null) {
            return handshake(UserWait.NONE);
        }
        HandshakeDeadline deadline = new HandshakeDeadline(config.connectTimeout(), transport::close);
        try {
            return handshake(deadline);
        } catch (IOException e) {
            if (deadline.expired()) {
                SocketTimeoutException timeout = new SocketTimeoutException(timeoutMessage());
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            deadline.close();
        }
    }

    String timeoutMessage() {
        return "the server did not complete the handshake within " + config.connectTimeout().toSeconds() + " s";
    }

    private ServerInit handshake(UserWait userWait) throws IOException {
        version = ProtocolVersion.read(in).negotiatedByClient();
        out.write(version.toBytes());
        out.flush();
        int type = version.atLeast(ProtocolVersion.V3_7) ? chooseSecurityType() : readSecurityType33();
        SecurityContext context = new SecurityContext(transport, in, out, serverName, host, port, config.security(),
                userWait);
        context.security(ConnectionSecurity.unencrypted(type));
        factory.create(type).run(context);
        transport = context.transport();
        in = context.in();
        out = context.out();
        security = context.security();
        if (type != SecurityType.NONE || version.atLeast(ProtocolVersion.V3_8)) {
            readSecurityResult();
        }
        out.write(config.shared() ? 1 : 0);
        out.flush();
        return ServerInit.read(in);
    }

    private int readSecurityType33() throws IOException {
        long type = in.readU32();
        if (type == SecurityType.INVALID) {
            throw refused();
        }
        if (!SUPPORTED.contains((int) type) || type == SecurityType.VENCRYPT) {
            throw new RfbProtocolException("the server requires security " + SecurityType.name((int) type)
                    + ", which vncstream does not support");
        }
        if (!types().allows((int) type)) {
            throw new RfbProtocolException("the server requires security " + SecurityType.configName((int) type)
                    + ", which the allowed security types (" + types() + ") exclude");
        }
        return (int) type;
    }

    /** Over bare streams TLS cannot start, so only the allowed types without it are offered to choose from. */
    private SecurityTypes types() throws RfbProtocolException {
        SecurityTypes allowed = config.security().types();
        if (transport != null) {
            return allowed;
        }
        SecurityTypes withoutTls = allowed.withoutTls();
        if (withoutTls == null) {
            throw new RfbProtocolException("the allowed security types (" + allowed + ") all need TLS, which this"
                    + " connection (bare streams, no transport) cannot carry");
        }
        return withoutTls;
    }

    private int chooseSecurityType() throws IOException {
        int count = in.readU8();
        if (count == 0) {
            throw refused();
        }
        if (count > Limits.MAX_SECURITY_TYPES) {
            throw new RfbProtocolException("security types: the server offers " + count
                    + ", more than the limit of " + Limits.MAX_SECURITY_TYPES);
        }
        List<Integer> offered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offered.add(in.readU8());
        }
        for (int preferred : types().order()) {
            int type = SecurityType.isVeNCryptSubType(preferred) ? SecurityType.VENCRYPT : preferred;
            if (offered.contains(type)) {
                out.write(type);
                out.flush();
                return type;
            }
        }
        List<String> names = offered.stream().map(SecurityType::name).toList();
        if (offered.stream().anyMatch(SUPPORTED::contains)) {
            throw new RfbProtocolException("the server offers only security types " + names
                    + ", none of which the allowed security types (" + types() + ") include");
        }
        throw new RfbProtocolException("the server offers only security types " + names
                + ", none of which vncstream supports (None, VNC Authentication, VeNCrypt)");
    }

    /** A refusal carries the server's reason, which is what the user needs to see. */
    private ConnectionRefusedException refused() throws IOException {
        String reason = Reason.read(in);
        return new ConnectionRefusedException("the server refused the connection: "
                + (reason.isEmpty() ? "no reason given" : reason));
    }

    private void readSecurityResult() throws IOException {
        long result = in.readU32();
        if (result == 0) {
            return;
        }
        String reason = version.atLeast(ProtocolVersion.V3_8) ? Reason.read(in) : "wrong password";
        if (reason.isEmpty()) {
            reason = "no reason given";
        }
        throw new AuthenticationException(Reason.after("authentication failed", reason));
    }
}
