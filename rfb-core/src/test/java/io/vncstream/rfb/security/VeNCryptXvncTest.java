package io.vncstream.rfb.security;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.security.ConnectionSecurity.Verification;
import io.vncstream.rfb.security.tls.CertificatePrompt;
import io.vncstream.rfb.security.tls.Fingerprint;
import io.vncstream.rfb.security.tls.KnownCertificates;
import io.vncstream.rfb.security.tls.TlsException;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * VeNCrypt against TigerVNC's Xvnc offering X509Vnc, X509None, TLSVnc and TLSNone with a
 * certificate from a test CA (names localhost and 127.0.0.1): each sub-type forced alone gives
 * the server's own framebuffer pixel for pixel, inside TLS; each way a certificate can be wrong
 * fails with its own message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VeNCryptXvncTest {
    static final String PASSWORD = "tls-pass";

    XvncServer server;
    Path dir;
    TestCertificates ca;
    TestCertificates.Pair serverCert;
    BufferedImage reference;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("vencrypt-xvnc");
        ca = TestCertificates.create(dir, "test CA");
        serverCert = ca.server("server", "DNS:localhost,IP:127.0.0.1");
        server = XvncServer.builder().geometry(320, 240).vncAuth(PASSWORD)
                .securityTypes("X509Vnc,X509None,TLSVnc,TLSNone", serverCert).start();
        server.background().flatArea(200, 150, 100, 60, 0x3366CC).waitUntilStable();
        reference = PixelDiff.read(server.referencePng(dir.resolve("reference.png")));
        assertThat(PixelDiff.distinctColours(reference)).isGreaterThan(1000);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        Processes.deleteTree(dir);
    }

    ClientConfig config(String types) throws IOException {
        return new ClientConfig().securityTypes(SecurityTypes.parse(types)).password(s -> PASSWORD.toCharArray())
                .tls(new TlsOptions().caFile(ca.caCert())).streams(false);
    }

    /** Connects, takes one complete frame, returns it with how the connection was protected. */
    record Snapshot(BufferedImage picture, ConnectionSecurity security) {
    }

    Snapshot snapshot(ClientConfig config) throws Exception {
        FirstFullUpdate frame = new FirstFullUpdate(new RfbClientHandler() { });
        try (RfbClient client = RfbClient.connect(ServerAddress.parse(server.address()), config, frame)) {
            frame.watch(client.framebuffer());
            client.start();
            FirstFullUpdate.Frame f = frame.await(Duration.ofSeconds(20));
            BufferedImage got = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
            got.setRGB(0, 0, f.width(), f.height(), f.argb(), 0, f.width());
            return new Snapshot(got, client.security());
        }
    }

    @ParameterizedTest(name = "{0} alone")
    @ValueSource(strings = {"X509Vnc", "X509None", "TLSVnc", "TLSNone"})
    void eachSubTypeGivesTheServersFramebufferInsideTls(String type) throws Exception {
        Snapshot s = snapshot(config(type));
        PixelDiff.assertMatches(reference, s.picture(), PixelDiff.EXACT, type);
        ConnectionSecurity security = s.security();
        assertThat(SecurityType.configName(security.type())).isEqualTo(type);
        assertThat(security.encrypted()).isTrue();
        assertThat(security.protocol()).startsWith("TLSv1.");
        if (type.startsWith("X509")) {
            assertThat(security.verification()).isEqualTo(Verification.CA);
            assertThat(security.fingerprint()).isEqualTo(fingerprint(serverCert.cert()));
        } else {
            assertThat(security.verification()).isEqualTo(Verification.NOT_VERIFIED);
            assertThat(security.protocol()).isEqualTo("TLSv1.2");
            assertThat(security.cipherSuite()).contains("DH_anon");
            assertThat(security.summary()).endsWith("encrypted, server not verified");
        }
    }

    @Test
    void theDefaultOrderPrefersX509() throws Exception {
        ClientConfig config = new ClientConfig().password(s -> PASSWORD.toCharArray())
                .tls(new TlsOptions().caFile(ca.caCert())).streams(false);
        Snapshot s = snapshot(config);
        assertThat(s.security().type()).isEqualTo(SecurityType.X509_NONE);
        assertThat(s.security().serverVerified()).isTrue();
    }

    @Nested
    class Certificates {
        @Test
        void aWrongCaIsPutToTheUserAndRefusedWhenNobodyAccepts() throws Exception {
            TestCertificates other = TestCertificates.create(dir.resolve("other"), "other CA");
            List<String> asked = new ArrayList<>();
            ClientConfig config = config("X509None").tls(new TlsOptions().caFile(other.caCert()).prompt(c -> {
                asked.add(c.summary());
                return CertificatePrompt.Decision.CANCEL;
            }));
            assertThatThrownBy(() -> snapshot(config)).isInstanceOf(TlsException.class)
                    .hasMessage("the certificate of 127.0.0.1:" + server.port() + " (not signed by a trusted"
                            + " certificate authority, " + fingerprint(serverCert.cert()) + ") was not accepted");
            assertThat(asked).hasSize(1);
            assertThat(asked.get(0)).contains("issuer CN=test CA", "DNS:localhost", "IP:127.0.0.1");
        }

        @Test
        void aWrongHostNameIsRefusedByName() throws Exception {
            Transport t = Transport.tcp("127.0.0.1", server.port(), Duration.ofSeconds(5));
            assertThatThrownBy(() -> RfbClient.connect(t, "vnc.example.org::" + server.port(), "vnc.example.org",
                    server.port(), config("X509None"), new RfbClientHandler() { }).close())
                    .isInstanceOf(TlsException.class)
                    .hasMessage("the certificate of vnc.example.org:" + server.port()
                            + " is for DNS:localhost, IP:127.0.0.1, not vnc.example.org (" + fingerprint(serverCert.cert()) + ")");
        }

        @Test
        void anExpiredCertificateIsRefusedAsExpired() throws Exception {
            X509Certificate cert = certificate(serverCert.cert());
            Instant later = cert.getNotAfter().toInstant().plusSeconds(3600);
            ClientConfig config = config("X509None").clock(Clock.fixed(later, ZoneOffset.UTC));
            assertThatThrownBy(() -> snapshot(config)).isInstanceOf(TlsException.class)
                    .hasMessage("the certificate of 127.0.0.1:" + server.port() + " expired on "
                            + cert.getNotAfter().toInstant() + " (" + fingerprint(serverCert.cert()) + ")");
        }

        @Test
        void aCertificateNotYetValidIsRefusedAsSuch() throws Exception {
            X509Certificate cert = certificate(serverCert.cert());
            Instant earlier = cert.getNotBefore().toInstant().minusSeconds(86400);
            ClientConfig config = config("X509None").clock(Clock.fixed(earlier, ZoneOffset.UTC));
            assertThatThrownBy(() -> snapshot(config)).isInstanceOf(TlsException.class)
                    .hasMessageStartingWith("the certificate of 127.0.0.1:" + server.port() + " is not valid before "
                            + cert.getNotBefore().toInstant());
        }

        @Test
        void acceptedAlwaysIsKeptAndNotAskedAgainAndAChangeIsRefusedNamingBoth() throws Exception {
            KnownCertificates known = KnownCertificates.inFile(dir.resolve("config/known-certificates"));
            List<String> asked = new ArrayList<>();
            TlsOptions tofu = new TlsOptions().systemCas(false).known(known).prompt(c -> {
                asked.add(c.fingerprint());
                return CertificatePrompt.Decision.ACCEPT_ALWAYS;
            });
            Snapshot first = snapshot(config("X509None").tls(tofu));
            assertThat(first.security().verification()).isEqualTo(Verification.ACCEPTED);
            Snapshot second = snapshot(config("X509None").tls(tofu));
            assertThat(second.security().verification()).isEqualTo(Verification.KNOWN);
            assertThat(asked).containsExactly(fingerprint(serverCert.cert()));
            assertThat(Files.getPosixFilePermissions(known.file())).extracting(Object::toString)
                    .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

            String before = fingerprint(ca.caCert());
            known.remember("127.0.0.1:" + server.port(), before);
            assertThatThrownBy(() -> snapshot(config("X509None").tls(tofu))).isInstanceOf(TlsException.class)
                    .hasMessage("the certificate of 127.0.0.1:" + server.port() + " changed: accepted before " + before
                            + ", now " + fingerprint(serverCert.cert()) + " (if that is expected, remove its line from "
                            + known.file() + ")");
            assertThat(asked).hasSize(1);
        }

        @Test
        void aFingerprintGivenInAdvanceIsTrustedWithoutAsking() throws Exception {
            TlsOptions pinned = new TlsOptions().systemCas(false)
                    .acceptFingerprint(fingerprint(serverCert.cert()).toLowerCase().replace("sha256:", ""));
            Snapshot s = snapshot(config("X509Vnc").tls(pinned));
            assertThat(s.security().verification()).isEqualTo(Verification.PINNED);
            PixelDiff.assertMatches(reference, s.picture(), PixelDiff.EXACT, "pinned X509Vnc");
        }
    }

    @Test
    void onlyUnencryptedAllowedAgainstAnEncryptedOnlyServerSaysSo() {
        assertThatThrownBy(() -> snapshot(config("VncAuth,None")))
                .hasMessage("the server offers only security types [VeNCrypt], none of which the allowed security"
                        + " types (VncAuth,None) include");
    }

    @Test
    void aWrongPasswordInsideTlsIsTheServersReason() throws Exception {
        ClientConfig config = config("TLSVnc").password(s -> "wrong".toCharArray());
        assertThatThrownBy(() -> snapshot(config)).isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("authentication failed: ");
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static String fingerprint(Path pem) throws Exception {
        return Fingerprint.of(certificate(pem));
    }
}
