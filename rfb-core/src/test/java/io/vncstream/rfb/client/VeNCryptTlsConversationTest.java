package io.vncstream.rfb.client;

import io.vncstream.rfb.security.ConnectionSecurity;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.SecurityTypes;
import io.vncstream.rfb.security.tls.TlsEngines;
import io.vncstream.rfb.security.tls.TlsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import static io.vncstream.rfb.client.ClientHandshakeTest.CHALLENGE;
import static io.vncstream.rfb.client.ClientHandshakeTest.OK;
import static io.vncstream.rfb.client.ClientHandshakeTest.SECRET_RESPONSE;
import static io.vncstream.rfb.client.ClientHandshakeTest.V38;
import static io.vncstream.rfb.client.LoopbackServer.read;
import static io.vncstream.rfb.client.LoopbackServer.trickle;
import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLSVnc against a scripted server on a loopback socket: the negotiation in literal bytes, one
 * byte per write; then the JDK's own TLS server (anonymous Diffie-Hellman, TLS 1.2) over the same
 * socket; VNC Authentication, SecurityResult, ClientInit and ServerInit inside TLS, the server
 * again writing one byte per TLS record; and a first message after ServerInit, read by the
 * client's reader thread inside TLS.
 */
class VeNCryptTlsConversationTest {
    @BeforeAll
    static void anonymousSuitesForTheServerToo() {
        TlsEngines.allowAnonymousSuites();
    }

    static SSLSocket anonymousServer(Socket raw) throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(null, null, null);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, null, raw.getPort(), false);
        tls.setUseClientMode(false);
        tls.setEnabledProtocols(new String[] {"TLSv1.2"});
        tls.setEnabledCipherSuites(new String[] {"TLS_DH_anon_WITH_AES_128_GCM_SHA256"});
        return tls;
    }

    @Test
    void tlsVncRunsTheRestOfRfbInsideTls() throws Exception {
        try (LoopbackServer server = new LoopbackServer(s -> {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            trickle(out, V38);
            assertThat(read(in, 12)).isEqualTo(V38);
            trickle(out, hex("01 13"));
            assertThat(read(in, 1)).as("VeNCrypt chosen").isEqualTo(hex("13"));
            trickle(out, hex("00 02"));
            assertThat(read(in, 2)).as("version 0.2").isEqualTo(hex("00 02"));
            trickle(out, hex("00 | 02 | 00 00 01 01 | 00 00 01 02"));
            assertThat(read(in, 4)).as("TLSVnc chosen").isEqualTo(hex("00 00 01 02"));
            trickle(out, hex("01"));
            try (SSLSocket tls = anonymousServer(s)) {
                tls.startHandshake();
                InputStream tin = tls.getInputStream();
                OutputStream tout = tls.getOutputStream();
                trickle(tout, CHALLENGE);
                assertThat(read(tin, 16)).isEqualTo(SECRET_RESPONSE);
                trickle(tout, OK);
                assertThat(read(tin, 1)).as("ClientInit, shared").isEqualTo(hex("01"));
                trickle(tout, ScriptedServer.SERVER_INIT);
                // A Bell, then the client's first messages arrive inside TLS too.
                trickle(tout, hex("02"));
                assertThat(read(tin, 4)).as("SetPixelFormat or SetEncodings header")
                        .satisfies(b -> assertThat(b[0]).isIn((byte) 0, (byte) 2));
            }
        })) {
            java.util.concurrent.CountDownLatch bell = new java.util.concurrent.CountDownLatch(1);
            ClientConfig config = new ClientConfig().securityTypes(SecurityTypes.parse("TLSVnc"))
                    .password(name -> "secret".toCharArray()).streams(false);
            try (RfbClient client = RfbClient.connect(server.address(), config, new RfbClientHandler() {
                @Override
                public void bell() {
                    bell.countDown();
                }
            })) {
                assertThat(client.serverInit().name()).isEqualTo("test");
                ConnectionSecurity security = client.security();
                assertThat(security.type()).isEqualTo(SecurityType.TLS_VNC);
                assertThat(security.protocol()).isEqualTo("TLSv1.2");
                assertThat(security.cipherSuite()).isEqualTo("TLS_DH_anon_WITH_AES_128_GCM_SHA256");
                assertThat(security.summary()).isEqualTo("TLSVnc, TLSv1.2, TLS_DH_anon_WITH_AES_128_GCM_SHA256,"
                        + " encrypted, server not verified");
                client.start();
                assertThat(bell.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("bell read inside TLS").isTrue();
                server.finish();
            }
        }
    }

    @Test
    void aServerThatRefusesToStartTlsIsSaid() throws Exception {
        try (LoopbackServer server = new LoopbackServer(s -> {
            trickle(s.getOutputStream(), concat(V38, hex("01 13 | 00 02 | 00 | 01 00 00 01 01 | 00")));
            read(s.getInputStream(), 12 + 1 + 2 + 4);
        })) {
            ClientConfig config = new ClientConfig().securityTypes(SecurityTypes.parse("TLSNone"));
            assertThatThrownBy(() -> RfbClient.connect(server.address(), config, new RfbClientHandler() { }))
                    .hasMessage("VeNCrypt: the server refused to start TLS (it answered 0, not 1)");
            server.finish();
        }
    }

    @Test
    void aServerThatSpeaksNoTlsAfterItsGoAheadIsATlsFailureInOneLine() throws Exception {
        try (LoopbackServer server = new LoopbackServer(s -> {
            trickle(s.getOutputStream(), concat(V38, hex("01 13 | 00 02 | 00 | 01 00 00 01 01 | 01")));
            read(s.getInputStream(), 12 + 1 + 2 + 4 + 5); // up to the ClientHello's record header
            s.getOutputStream().write("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes());
            s.getOutputStream().flush();
            Thread.sleep(500);
        })) {
            ClientConfig config = new ClientConfig().securityTypes(SecurityTypes.parse("TLSNone"))
                    .connectTimeout(Duration.ofSeconds(5));
            assertThatThrownBy(() -> RfbClient.connect(server.address(), config, new RfbClientHandler() { }))
                    .isInstanceOf(TlsException.class)
                    .hasMessageStartingWith("TLS with 127.0.0.1::" + server.port() + " failed: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            server.finish();
        }
    }

    @Test
    void theAnonymousEngineOffersOnlyAnonymousSuites() throws Exception {
        List<String> suites = List.of(TlsEngines.anonymous().getEnabledCipherSuites());
        assertThat(suites).isNotEmpty().allMatch(name -> name.contains("_anon_"));
        SSLContext plain = SSLContext.getInstance("TLS");
        plain.init(null, null, null);
        assertThat(plain.createSSLEngine().getEnabledCipherSuites()).as("no other engine gets them")
                .noneMatch(name -> name.contains("_anon_"));
    }
}
