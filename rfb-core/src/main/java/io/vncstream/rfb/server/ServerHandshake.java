package io.vncstream.rfb.server;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.handshake.Reason;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.VncAuth;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The server's side of the handshake up to ClientInit: version (3.3, 3.7, 3.8), security
 * (None or VNC Authentication) and the client's shared flag. The caller then sends ServerInit.
 */
public final class ServerHandshake {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RfbInput in;
    private final OutputStream out;
    private final ServerSecurity security;
    private ProtocolVersion version;
    private boolean shared;
    private Admission admission = () -> null;

    /**
     * Asked once the client has authenticated, before it is told so: a reason refuses it then,
     * in the SecurityResult the client can show (a gateway whose upstream server refused it).
     */
    public interface Admission {
        /** Null to let the client in, else why not. */
        String refusal() throws IOException;
    }

    public ServerHandshake admission(Admission admission) {
        this.admission = admission;
        return this;
    }

    public ServerHandshake(RfbInput in, OutputStream out, ServerSecurity security) {
        this.in = in;
        this.out = out;
        this.security = security;
    }

    public void run() throws IOException {
        out.write(ProtocolVersion.V3_8.toBytes());
        out.flush();
        version = ProtocolVersion.read(in).acceptedByServer();
        int type = security.requiresPassword() ? SecurityType.VNC_AUTH : SecurityType.NONE;
        if (type == SecurityType.NONE) {
            // Nothing to authenticate: a refusal is the connection's, with no security types.
            admitBeforeSecurity();
        }
        if (version.atLeast(ProtocolVersion.V3_7)) {
            out.write(new byte[]{1, (byte) type});
            out.flush();
            int chosen = in.readU8();
            if (chosen != type) {
                fail("client chose security type " + chosen + ", which was not offered");
            }
        } else {
            out.write(new ByteArray(4).s32(type).toByteArray());
            out.flush();
        }
        if (type == SecurityType.VNC_AUTH) {
            checkPassword();
        } else if (version.atLeast(ProtocolVersion.V3_8)) {
            out.write(new byte[4]);
            out.flush();
        }
        shared = in.readU8() != 0;
    }

    public ProtocolVersion version() {
        return version;
    }

    /** The client's ClientInit shared flag. */
    public boolean shared() {
        return shared;
    }

    private void checkPassword() throws IOException {
        byte[] challenge = new byte[VncAuth.CHALLENGE_LENGTH];
        RANDOM.nextBytes(challenge);
        out.write(challenge);
        out.flush();
        byte[] response = in.readBytes(VncAuth.CHALLENGE_LENGTH);
        if (!MessageDigest.isEqual(response, VncAuth.response(challenge, security.password()))) {
            sendFailure("wrong password");
            throw new AuthenticationException("client sent a wrong password");
        }
        admit();
        out.write(new byte[4]);
        out.flush();
    }

    /** After the password: SecurityResult "failed" with the reason (3.8; earlier versions have no field for it). */
    private void admit() throws IOException {
        String refusal = admission.refusal();
        if (refusal != null) {
            sendFailure(refusal);
            throw new io.vncstream.rfb.handshake.ConnectionRefusedException(refusal);
        }
    }

    /** No security types (3.7 and later) or security type 0 (3.3), then the reason: how RFB refuses a connection. */
    private void admitBeforeSecurity() throws IOException {
        String refusal = admission.refusal();
        if (refusal != null) {
            ByteArray b = new ByteArray(64);
            if (version.atLeast(ProtocolVersion.V3_7)) {
                b.u8(0);
            } else {
                b.u32(0);
            }
            Reason.write(b, refusal);
            out.write(b.toByteArray());
            out.flush();
            throw new io.vncstream.rfb.handshake.ConnectionRefusedException(refusal);
        }
    }

    private void fail(String reason) throws IOException {
        sendFailure(reason);
        throw new RfbProtocolException(reason);
    }

    /** SecurityResult "failed", with the reason from 3.8 on (earlier versions have no field for it). */
    private void sendFailure(String reason) throws IOException {
        ByteArray result = new ByteArray(32).u32(1);
        if (version.atLeast(ProtocolVersion.V3_8)) {
            Reason.write(result, reason);
        }
        out.write(result.toByteArray());
        out.flush();
    }
}
