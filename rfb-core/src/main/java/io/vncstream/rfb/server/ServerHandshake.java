package io.vncstream.rfb.server;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.handshake.HandshakeDeadline;
import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.handshake.Reason;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.VncAuth;
import io.vncstream.rfb.security.tls.TlsStreams;

import javax.net.ssl.SSLSession;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The server's side of the handshake up to ClientInit: version (3.3, 3.7, 3.8), security (None,
 * VNC Authentication, or VeNCrypt's X509None / X509Vnc, whose TLS then carries everything after
 * it) and the client's shared flag. The caller then sends ServerInit on {@link #output()} and
 * reads the client's messages from {@link #input()}, which are the TLS streams after VeNCrypt.
 * <p>
 * With a deadline, the whole handshake must end within it, or the connection is closed: a
 * read timeout alone restarts with every byte a dripping peer sends.
 */
public final class ServerHandshake {
    /** What the gateway allows a viewer for its whole handshake, password typing included. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RfbInput in;
    private OutputStream out;
    private final ServerSecurity security;
    private final Duration deadline;
    private final AutoCloseable connection;
    private ProtocolVersion version;
    private boolean shared;
    private String encryption;
    /** Set once the admission has been asked: it opens the desktop, which must happen once. */
    private boolean admitted;
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

    /** Without a deadline: for input that ends by itself (tests, fuzzing). */
    public ServerHandshake(RfbInput in, OutputStream out, ServerSecurity security) {
        this(in, out, security, null, null);
    }

    /** {@code connection} is closed if the handshake has not ended within {@code deadline}. */
    public ServerHandshake(RfbInput in, OutputStream out, ServerSecurity security,
                           Duration deadline, AutoCloseable connection) {
        this.in = in;
        this.out = out;
        this.security = security;
        this.deadline = deadline;
        this.connection = connection;
    }

    public void run() throws IOException {
        if (deadline == null) {
            negotiate();
            return;
        }
        HandshakeDeadline d = HandshakeDeadline.closing(deadline, connection);
        try {
            negotiate();
        } catch (IOException | RuntimeException e) {
            if (d.expired()) {
                throw timeout(d);
            }
            throw e;
        } finally {
            d.close();
        }
        if (d.expired()) {
            // It passed just as the handshake ended, and so closed the connection.
            throw timeout(d);
        }
    }

    private static SocketTimeoutException timeout(HandshakeDeadline d) {
        return new SocketTimeoutException("handshake not completed within " + d.describeLimit());
    }

    private void negotiate() throws IOException {
        out.write(ProtocolVersion.V3_8.toBytes());
        out.flush();
        version = ProtocolVersion.read(in).acceptedByServer();
        int plain = security.requiresPassword() ? SecurityType.VNC_AUTH : SecurityType.NONE;
        int type;
        if (plain == SecurityType.NONE && !security.offersTls()) {
            // Nothing to authenticate: a refusal is the connection's, with no security types.
            admitBeforeSecurity();
        }
        if (version.atLeast(ProtocolVersion.V3_7)) {
            type = chooseType(plain);
        } else if (security.unencryptedAllowed()) {
            // 3.3: the server decides, and 3.3 knows nothing of VeNCrypt.
            out.write(new ByteArray(4).s32(plain).toByteArray());
            out.flush();
            type = plain;
        } else {
            refuse("this server accepts only encrypted connections, which need RFB 3.7 or later");
            return;
        }
        if (type == SecurityType.VENCRYPT) {
            TlsStreams tls = VeNCryptServer.negotiate(in, out, security);
            in = RfbInput.of(tls.input());
            out = tls.output();
            SSLSession session = tls.engine().getSession();
            encryption = session.getProtocol() + " " + session.getCipherSuite();
            if (security.requiresPassword()) {
                checkPassword();
            } else {
                succeed();
            }
        } else if (type == SecurityType.VNC_AUTH) {
            checkPassword();
        } else if (version.atLeast(ProtocolVersion.V3_8)) {
            succeed();
        }
        if (!admitted) {
            // None before 3.8 has no SecurityResult to carry a refusal: closing is all there is.
            admitted = true;
            String refusal = admission.refusal();
            if (refusal != null) {
                throw new io.vncstream.rfb.handshake.ConnectionRefusedException(refusal);
            }
        }
        shared = in.readU8() != 0;
    }

    /** 3.7 and 3.8: the list of types (VeNCrypt first, as TigerVNC orders it) and the client's pick. */
    private int chooseType(int plain) throws IOException {
        ByteArray list = new ByteArray(4);
        if (security.offersTls()) {
            list.u8(SecurityType.VENCRYPT);
        }
        if (security.unencryptedAllowed()) {
            list.u8(plain);
        }
        byte[] types = list.toByteArray();
        out.write(types.length);
        out.write(types);
        out.flush();
        int chosen = in.readU8();
        for (byte t : types) {
            if ((t & 0xFF) == chosen) {
                return chosen;
            }
        }
        fail("client chose security type " + chosen + ", which was not offered");
        return -1;
    }

    public ProtocolVersion version() {
        return version;
    }

    /** The client's ClientInit shared flag. */
    public boolean shared() {
        return shared;
    }

    /** Where to read the client's messages from: the TLS stream after VeNCrypt, else the one given. */
    public RfbInput input() {
        return in;
    }

    /** Where to write ServerInit and everything after it. */
    public OutputStream output() {
        return out;
    }

    /** "TLSv1.3 TLS_AES_256_GCM_SHA384" after VeNCrypt, else null: the connection is unencrypted. */
    public String encryption() {
        return encryption;
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
        succeed();
    }

    private void succeed() throws IOException {
        admit();
        out.write(new byte[4]);
        out.flush();
    }

    /** After the password: SecurityResult "failed" with the reason (3.8; earlier versions have no field for it). */
    private void admit() throws IOException {
        if (admitted) {
            return;
        }
        admitted = true;
        String refusal = admission.refusal();
        if (refusal != null) {
            sendFailure(refusal);
            throw new io.vncstream.rfb.handshake.ConnectionRefusedException(refusal);
        }
    }

    /** No security types (3.7 and later) or security type 0 (3.3), then the reason: how RFB refuses a connection. */
    private void admitBeforeSecurity() throws IOException {
        admitted = true;
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

    /** 3.3's refusal: security type 0 and a reason. */
    private void refuse(String reason) throws IOException {
        ByteArray refusal = new ByteArray(64).u32(0);
        Reason.write(refusal, reason);
        out.write(refusal.toByteArray());
        out.flush();
        throw new RfbProtocolException("refused an RFB " + version + " client: " + reason);
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
