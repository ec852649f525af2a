package io.vncstream.rfb.security.tls;

import io.vncstream.rfb.security.UserWait;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The words for a TLS server that refuses us over our client certificate by a TLS alert (the
 * JDK's own TLS server with {@code needClientAuth}, as a Java VNC server would), under TLS 1.3,
 * where the alert comes at the first read after the handshake, and 1.2, where it ends the
 * handshake. QEMU closes without an alert instead; {@code ClientCertificateQemuTest} has that.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCertificateAlertsTest {
    Path dir;
    TestCertificates ca;
    SSLContext server;

    @BeforeAll
    void certificates() throws Exception {
        dir = Files.createTempDirectory("client-cert-alerts");
        ca = TestCertificates.create(dir, "alerts CA");
        TestCertificates.Pair pair = ca.server("server", "IP:127.0.0.1");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", TestCertificates.privateKey(pair.key()), "k".toCharArray(),
                new X509Certificate[] {pair.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "k".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.caCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    }

    @AfterAll
    void clean() {
        Processes.deleteTree(dir);
    }

    /** One connection to a server that wants a client certificate from the CA; what reading its first byte throws. */
    Throwable firstRead(String protocol, TlsOptions options) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            listener.setEnabledProtocols(new String[] {protocol});
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.startHandshake();
                    s.getOutputStream().write("RFB".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                } catch (IOException refused) {
                    // the server's side of the refusal
                }
            });
            int port = listener.getLocalPort();
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), port)) {
                String key = "127.0.0.1:" + port;
                CertificateCheck check = new CertificateCheck(options.caFile(ca.caCert()), key, "127.0.0.1",
                        UserWait.NONE, Clock.systemUTC());
                ClientIdentity client = new ClientIdentity(options.clientAdvice("looked in /nowhere"));
                SSLEngine engine = TlsEngines.x509("127.0.0.1", port, check, client);
                engine.setEnabledProtocols(new String[] {protocol});
                try {
                    TlsStreams tls = TlsStreams.handshake(raw.getInputStream(), raw.getOutputStream(), engine,
                            "127.0.0.1::" + port, new byte[0], client);
                    int b = tls.input().read();
                    return new AssertionError("the server let us in and sent " + b);
                } catch (IOException e) {
                    return e;
                }
            } finally {
                served.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void withoutACertificateTheServerWantsOne(String protocol) throws Exception {
        Throwable t = firstRead(protocol, new TlsOptions().systemCas(false));
        assertThat(t).isInstanceOf(TlsException.class)
                .hasMessageStartingWith("TLS with 127.0.0.1::")
                .hasMessageContaining(" failed: the server wants a client certificate and none was given (TLS alert ")
                .hasMessageEndingWith("): looked in /nowhere");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aCertificateOfAnotherCaIsRefusedByName(String protocol) throws Exception {
        TestCertificates other = TestCertificates.create(dir.resolve("other-" + protocol), "other CA");
        TestCertificates.Pair stranger = other.client("stranger", "stranger");
        TlsOptions options = new TlsOptions().systemCas(false).clientCertificate(
                TestCertificates.privateKey(stranger.key()), List.of(stranger.certificate()));
        Throwable t = firstRead(protocol, options);
        assertThat(t).isInstanceOf(TlsException.class)
                .hasMessageContaining(" failed: the server refused our client certificate CN=stranger (TLS alert ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aCertificateOfTheServersCaIsLetIn(String protocol) throws Exception {
        TestCertificates.Pair client = ca.client("client-" + protocol, "welcome");
        TlsOptions options = new TlsOptions().systemCas(false).clientCertificate(
                TestCertificates.privateKey(client.key()), List.of(client.certificate()));
        assertThat(firstRead(protocol, options)).isInstanceOf(AssertionError.class)
                .hasMessage("the server let us in and sent 82");
    }
}
