package io.vncstream.rfb.server;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.security.VncAuth;
import io.vncstream.rfb.testing.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's VeNCrypt over a real loopback socket, against a client made of literal bytes and
 * the JDK's own TLS client (checking our certificate against the test CA and the host name).
 */
@Timeout(60)
class ServerVeNCryptTest {
    private static TestCertificates certificates;
    private static TestCertificates.Pair serverPair;
    private static ServerTls tls;
    private ServerSocket listener;
    private Socket client;

    @BeforeAll
    static void makeCertificates(@TempDir Path dir) throws Exception {
        certificates = TestCertificates.create(dir, "test CA");
        serverPair = certificates.server("server", "DNS:localhost,IP:127.0.0.1");
        tls = certificates.serverTls(serverPair);
    }

    @AfterEach
    void close() throws IOException {
        if (client != null) {
            client.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    /** Starts a server handshake on the next accepted connection; the future holds it when done. */
    private CompletableFuture<ServerHandshake> serve(ServerSecurity security) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CompletableFuture<ServerHandshake> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Transport transport = Transport.of(listener.accept());
                ServerHandshake h = new ServerHandshake(RfbInput.of(transport.input()), transport.output(), security,
                        ServerHandshake.DEFAULT_DEADLINE, transport);
                h.run();
                done.complete(h);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "test-server");
        t.setDaemon(true);
        t.start();
        client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        return done;
    }

    /** The client's side up to the TLS go-ahead; returns the sub-types offered. */
    private static int[] veNCryptUpTo(DataInputStream in, DataOutputStream out, int chosenSubType) throws IOException {
        assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        int count = in.readUnsignedByte();
        byte[] types = in.readNBytes(count);
        assertThat(types).contains((byte) 19);
        out.write(19);
        assertThat(in.readNBytes(2)).containsExactly(0, 2);
        out.write(new byte[]{0, 2});
        assertThat(in.readUnsignedByte()).as("version accepted").isZero();
        int[] subTypes = new int[in.readUnsignedByte()];
        for (int i = 0; i < subTypes.length; i++) {
            subTypes[i] = in.readInt();
        }
        out.writeInt(chosenSubType);
        return subTypes;
    }

    private SSLSocket startTls() throws IOException {
        SSLSocket s = (SSLSocket) certificates.clientContext().getSocketFactory()
                .createSocket(client, "localhost", client.getPort(), false);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    @Test
    void x509VncRunsTheVncChallengeAndEverythingAfterInsideTls() throws Exception {
        char[] password = "secret".toCharArray();
        CompletableFuture<ServerHandshake> server = serve(ServerSecurity.vncAuth(password).withTls(tls, false));
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        assertThat(veNCryptUpTo(in, out, 261)).containsExactly(261);
        assertThat(in.readUnsignedByte()).as("TLS go-ahead").isEqualTo(1);
        SSLSocket tlsSocket = startTls();
        assertThat(tlsSocket.getSession().getPeerCertificates()[0]).isEqualTo(serverPair.certificate());
        DataInputStream tin = new DataInputStream(tlsSocket.getInputStream());
        DataOutputStream tout = new DataOutputStream(tlsSocket.getOutputStream());
        byte[] challenge = tin.readNBytes(16);
        tout.write(VncAuth.response(challenge, password));
        assertThat(tin.readInt()).as("SecurityResult").isZero();
        tout.write(1);
        ServerHandshake h = server.get(10, TimeUnit.SECONDS);
        assertThat(h.shared()).isTrue();
        assertThat(h.version()).isEqualTo(ProtocolVersion.V3_8);
        assertThat(h.encryption()).startsWith("TLSv1.3 TLS_");
        exchangeBothWaysAtOnce(h, tin, tout);
    }

    /** 4 MiB each way at the same time: the reader and the writer of one TLS connection do not block each other. */
    private static void exchangeBothWaysAtOnce(ServerHandshake h, DataInputStream tin, DataOutputStream tout) throws Exception {
        byte[] down = new byte[4 << 20];
        byte[] up = new byte[4 << 20];
        new Random(1).nextBytes(down);
        new Random(2).nextBytes(up);
        CompletableFuture<Void> serverWrites = CompletableFuture.runAsync(() -> {
            try {
                h.output().write(down);
                h.output().flush();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        CompletableFuture<Void> clientWrites = CompletableFuture.runAsync(() -> {
            try {
                tout.write(up);
                tout.flush();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        CompletableFuture<byte[]> serverReads = CompletableFuture.supplyAsync(() -> {
            try {
                return h.input().readBytes(up.length);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        byte[] received = tin.readNBytes(down.length);
        serverWrites.get(20, TimeUnit.SECONDS);
        clientWrites.get(20, TimeUnit.SECONDS);
        assertThat(MessageDigest.isEqual(received, down)).as("server to client bytes").isTrue();
        assertThat(MessageDigest.isEqual(serverReads.get(20, TimeUnit.SECONDS), up)).as("client to server bytes").isTrue();
    }

    /** One X509None connection from {@code context} through to ClientInit; returns its TLS session. */
    private javax.net.ssl.SSLSession connectOnce(javax.net.ssl.SSLContext context) throws Exception {
        CompletableFuture<ServerHandshake> server = serve(ServerSecurity.NONE.withTls(tls, false));
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        veNCryptUpTo(in, out, 260);
        in.readUnsignedByte();
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(client, "localhost", client.getPort(), false);
        s.startHandshake();
        assertThat(new DataInputStream(s.getInputStream()).readInt()).isZero();
        s.getOutputStream().write(1);
        server.get(10, TimeUnit.SECONDS);
        javax.net.ssl.SSLSession session = s.getSession();
        s.close();
        client.close();
        listener.close();
        return session;
    }

    /**
     * No TLS 1.3 session ticket follows the handshake (TigerVNC's 1.12 viewer can miss the VNC
     * challenge read together with one, and hang): so a second connection cannot resume the first.
     */
    @Test
    void noSessionTicketIsIssuedSoNothingIsResumed() throws Exception {
        javax.net.ssl.SSLContext context = certificates.clientContext();
        javax.net.ssl.SSLSession first = connectOnce(context);
        javax.net.ssl.SSLSession second = connectOnce(context);
        assertThat(first.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(second.getCreationTime()).as("a new session, not the first resumed").isNotEqualTo(first.getCreationTime());
        // The JDK's client keeps one entry per handshake and one more per ticket received:
        // 4 here when the server sends tickets, 2 when it sends none.
        assertThat(java.util.Collections.list(context.getClientSessionContext().getIds())).as("cached sessions").hasSize(2);
    }

    @Test
    void x509NoneWithoutPasswordSucceedsRightAfterTls() throws Exception {
        CompletableFuture<ServerHandshake> server = serve(ServerSecurity.NONE.withTls(tls, false));
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        assertThat(veNCryptUpTo(in, out, 260)).containsExactly(260);
        assertThat(in.readUnsignedByte()).isEqualTo(1);
        SSLSocket tlsSocket = startTls();
        DataInputStream tin = new DataInputStream(tlsSocket.getInputStream());
        assertThat(tin.readInt()).as("SecurityResult").isZero();
        tlsSocket.getOutputStream().write(0);
        ServerHandshake h = server.get(10, TimeUnit.SECONDS);
        assertThat(h.shared()).isFalse();
        assertThat(h.encryption()).isNotNull();
    }

    @Test
    void aWrongPasswordIsRefusedInsideTlsWithItsReason() throws Exception {
        CompletableFuture<ServerHandshake> server = serve(ServerSecurity.vncAuth("secret".toCharArray()).withTls(tls, false));
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        veNCryptUpTo(in, out, 261);
        in.readUnsignedByte();
        SSLSocket tlsSocket = startTls();
        DataInputStream tin = new DataInputStream(tlsSocket.getInputStream());
        byte[] challenge = tin.readNBytes(16);
        tlsSocket.getOutputStream().write(VncAuth.response(challenge, "guess".toCharArray()));
        assertThat(tin.readInt()).as("SecurityResult").isEqualTo(1);
        assertThat(new String(tin.readNBytes(tin.readInt()), StandardCharsets.UTF_8)).isEqualTo("wrong password");
        assertThatThrownBy(() -> server.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AuthenticationException.class);
    }

    @Test
    void withUnencryptedAllowedVeNCryptComesFirstAndPlainVncAuthStillWorks() throws Exception {
        char[] password = "secret".toCharArray();
        CompletableFuture<ServerHandshake> server = serve(ServerSecurity.vncAuth(password).withTls(tls, true));
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        in.readNBytes(12);
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(in.readNBytes(3)).containsExactly(2, 19, 2);
        out.write(2);
        out.write(VncAuth.response(in.readNBytes(16), password));
        assertThat(in.readInt()).isZero();
        out.write(1);
        ServerHandshake h = server.get(10, TimeUnit.SECONDS);
        assertThat(h.encryption()).isNull();
        assertThat(h.shared()).isTrue();
    }

    @Test
    void tlsOnlyRefusesAPlainTypeTheClientPicksAnyway() throws Exception {
        CompletableFuture<ServerHandshake> server = serve(ServerSecurity.vncAuth("x".toCharArray()).withTls(tls, false));
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        in.readNBytes(12);
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(in.readNBytes(2)).containsExactly(1, 19);
        out.write(2);
        assertThat(in.readInt()).isEqualTo(1);
        assertThat(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8))
                .isEqualTo("client chose security type 2, which was not offered");
        assertThatThrownBy(() -> server.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(RfbProtocolException.class);
    }

    @Test
    void aClientThatFailsTheCertificateEndsTheServerHandshakeWithTheAlert() throws Exception {
        CompletableFuture<ServerHandshake> server = serve(ServerSecurity.NONE.withTls(tls, false));
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        veNCryptUpTo(in, out, 260);
        in.readUnsignedByte();
        // The JDK's default trust store does not know the test CA.
        SSLSocket s = (SSLSocket) javax.net.ssl.SSLContext.getDefault().getSocketFactory()
                .createSocket(client, "localhost", client.getPort(), false);
        assertThatThrownBy(s::startHandshake).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        assertThatThrownBy(() -> server.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(io.vncstream.rfb.security.tls.TlsException.class)
                .hasMessageStartingWith("TLS with the client failed: ").hasMessageContaining("certificate_unknown");
    }

    @Test
    void certificateFingerprintIsOpensslsSha256Form() throws Exception {
        String out = io.vncstream.rfb.testing.Processes.check(java.time.Duration.ofSeconds(30), java.util.Map.of(), null,
                "openssl", "x509", "-in", serverPair.cert().toString(), "-noout", "-fingerprint", "-sha256");
        // "sha256 Fingerprint=AB:CD:..." (OpenSSL 3) or "SHA256 Fingerprint=..." (1.1)
        String hex = out.trim().substring(out.indexOf('=') + 1);
        assertThat(tls.fingerprint()).isEqualTo("SHA256:" + hex.toUpperCase(java.util.Locale.ROOT));
        assertThat(Arrays.asList(tls.fingerprint().split(":"))).hasSize(33);
    }
}
