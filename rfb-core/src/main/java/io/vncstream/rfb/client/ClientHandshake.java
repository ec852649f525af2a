package io.vncstream.rfb.client;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.handshake.ConnectionRefusedException;
import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.handshake.Reason;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.VncAuth;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The client's side of the RFB handshake, from ProtocolVersion to ServerInit (RFC 6143 7.1-7.3). */
public final class ClientHandshake {
    /** The security types we can complete, in the order we prefer them. */
    private static final List<Integer> SUPPORTED = List.of(SecurityType.NONE, SecurityType.VNC_AUTH);

    private final RfbInput in;
    private final OutputStream out;
    private final ClientConfig config;
    private final String serverName;
    private ProtocolVersion version;

    public ClientHandshake(RfbInput in, OutputStream out, ClientConfig config, String serverName) {
        this.in = in;
        this.out = out;
        this.config = config;
        this.serverName = serverName;
    }

    public ProtocolVersion version() {
        return version;
    }

    public ServerInit run() throws IOException {
        version = ProtocolVersion.read(in).negotiatedByClient();
        out.write(version.toBytes());
        out.flush();
        int type = version.atLeast(ProtocolVersion.V3_7) ? chooseSecurityType() : readSecurityType33();
        if (type == SecurityType.VNC_AUTH) {
            authenticate();
        }
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
        if (!SUPPORTED.contains((int) type)) {
            throw new RfbProtocolException("the server requires security " + SecurityType.name((int) type)
                    + ", which vncstream does not support");
        }
        return (int) type;
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
        for (int type : SUPPORTED) {
            if (offered.contains(type)) {
                out.write(type);
                out.flush();
                return type;
            }
        }
        List<String> names = offered.stream().map(SecurityType::name).toList();
        throw new RfbProtocolException("the server offers only security types " + names
                + ", none of which vncstream supports (None, VNC Authentication)");
    }

    /** A refusal carries the server's reason, which is what the user needs to see. */
    private ConnectionRefusedException refused() throws IOException {
        String reason = Reason.read(in);
        return new ConnectionRefusedException("the server refused the connection: "
                + (reason.isEmpty() ? "no reason given" : reason));
    }

    private void authenticate() throws IOException {
        byte[] challenge = in.readBytes(VncAuth.CHALLENGE_LENGTH);
        char[] password = config.password().password(serverName);
        try {
            out.write(VncAuth.response(challenge, password));
            out.flush();
        } finally {
            Arrays.fill(password, '\0');
        }
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
