package io.vncstream.viewer.cli;

import io.vncstream.rfb.security.tls.Fingerprint;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vncstream snapshot} through VeNCrypt against Xvnc ({@code -SecurityTypes
 * X509Vnc,X509None,TLSVnc,TLSNone} with a test CA's certificate): each sub-type forced alone with
 * {@code --security-types} writes the server's framebuffer pixel for pixel; a wrong CA, a wrong
 * host name, an expired certificate and a changed one each fail with their own line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotTlsXvncTest {
    static final String PASSWORD = "tls-pass";

    Path dir;
    TestCertificates ca;
    TestCertificates.Pair good;
    XvncServer server;
    Path reference;
    Path passwordFile;
    String oldConfigDir;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("snapshot-tls");
        oldConfigDir = System.getProperty("vncstream.config.dir");
        System.setProperty("vncstream.config.dir", dir.resolve("config").toString());
        ca = TestCertificates.create(dir, "test CA");
        good = ca.server("server", "DNS:localhost,IP:127.0.0.1");
        server = XvncServer.builder().geometry(400, 300).vncAuth(PASSWORD)
                .securityTypes("X509Vnc,X509None,TLSVnc,TLSNone", good).start();
        server.background().flatArea(250, 200, 100, 60, 0x3366CC).waitUntilStable();
        reference = server.referencePng(dir.resolve("reference.png"));
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (oldConfigDir == null) {
            System.clearProperty("vncstream.config.dir");
        } else {
            System.setProperty("vncstream.config.dir", oldConfigDir);
        }
        Processes.deleteTree(dir);
    }

    Cli.Outcome snapshot(XvncServer on, Path out, String... options) {
        Cli.Outcome r = Cli.snapshot(on.address(), out, options);
        System.out.println("snapshot " + String.join(" ", options) + ": " + r);
        return r;
    }

    @ParameterizedTest(name = "--security-types {0}")
    @ValueSource(strings = {"X509Vnc", "X509None", "TLSVnc", "TLSNone", "x509vnc"})
    void eachSubTypeAloneEqualsTheServersFramebuffer(String type) throws Exception {
        Path png = dir.resolve(type + ".png");
        Cli.Outcome r = snapshot(server, png, "--security-types", type, "--x509-ca", ca.caCert().toString(),
                "--password-file", passwordFile.toString());
        assertThat(r.exitCode()).as("%s\n%s", r, server.logTail()).isZero();
        PixelDiff.assertMatches(reference, png, PixelDiff.EXACT, "--security-types " + type);
    }

    @Test
    void unencryptedOnlyAgainstThisServerSaysWhy() {
        Cli.Outcome r = snapshot(server, dir.resolve("x.png"), "--security-types", "VncAuth,None");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("vncstream snapshot: protocol error: the server offers only security"
                + " types [VeNCrypt], none of which the allowed security types (VncAuth,None) include");
    }

    @Test
    void anUnknownCertificateWithoutATerminalIsRefusedSayingHowToAcceptIt() throws Exception {
        String fp = fingerprint(good.cert());
        Cli.Outcome r = snapshot(server, dir.resolve("x.png"), "--security-types", "X509None");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("vncstream snapshot: the certificate of 127.0.0.1:" + server.port()
                + " is not trusted (not signed by a trusted certificate authority, " + fp + "): if it is the server's,"
                + " give --accept-certificate " + fp + ", or --x509-ca with the CA that signed it");

        Path png = dir.resolve("accepted.png");
        Cli.Outcome accepted = snapshot(server, png, "--security-types", "X509None", "--accept-certificate", fp);
        assertThat(accepted.exitCode()).as("%s", accepted).isZero();
        PixelDiff.assertMatches(reference, png, PixelDiff.EXACT, "--accept-certificate");
    }

    @Test
    void aWrongCaIsRefusedAsNotTrusted() throws Exception {
        TestCertificates other = TestCertificates.create(dir.resolve("other"), "other CA");
        Cli.Outcome r = snapshot(server, dir.resolve("x.png"), "--security-types", "X509None", "--x509-ca",
                other.caCert().toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("is not trusted (not signed by a trusted certificate authority, "
                + fingerprint(good.cert()) + ")");
    }

    @Test
    void aChangedCertificateIsRefusedNamingBothFingerprints() throws Exception {
        Path known = dir.resolve("config/known-certificates");
        Files.createDirectories(known.getParent());
        String before = fingerprint(ca.caCert());
        Files.writeString(known, "127.0.0.1:" + server.port() + " " + before + "\n");
        try {
            Cli.Outcome r = snapshot(server, dir.resolve("x.png"), "--security-types", "X509None");
            assertThat(r.errLines()).containsExactly("vncstream snapshot: the certificate of 127.0.0.1:" + server.port()
                    + " changed: accepted before " + before + ", now " + fingerprint(good.cert())
                    + " (if that is expected, remove its line from " + known + ")");
        } finally {
            Files.delete(known);
        }
    }

    @Test
    void aWrongHostNameAndAnExpiredCertificateEachHaveTheirOwnLine() throws Exception {
        TestCertificates.Pair elsewhere = ca.server("elsewhere", "DNS:vnc.example.org");
        TestCertificates.Pair expired = ca.server("expired", "DNS:localhost,IP:127.0.0.1", -1);
        try (XvncServer wrongName = XvncServer.builder().geometry(64, 48)
                .securityTypes("X509None", elsewhere).start();
             XvncServer old = XvncServer.builder().geometry(64, 48).securityTypes("X509None", expired).start()) {
            Cli.Outcome r = snapshot(wrongName, dir.resolve("x.png"), "--x509-ca", ca.caCert().toString());
            assertThat(r.errLines()).containsExactly("vncstream snapshot: the certificate of 127.0.0.1:"
                    + wrongName.port() + " is for DNS:vnc.example.org, not 127.0.0.1 (" + fingerprint(elsewhere.cert()) + ")");

            Cli.Outcome e = snapshot(old, dir.resolve("y.png"), "--x509-ca", ca.caCert().toString());
            assertThat(e.errLines()).containsExactly("vncstream snapshot: the certificate of 127.0.0.1:" + old.port()
                    + " expired on " + certificate(expired.cert()).getNotAfter().toInstant() + " ("
                    + fingerprint(expired.cert()) + ")");
        }
    }

    @Test
    void aBadSecurityTypeOrFingerprintIsOneLine() {
        Cli.Outcome r = snapshot(server, dir.resolve("x.png"), "--security-types", "X509Vnc,Kerberos");
        assertThat(r.errLines()).containsExactly("vncstream snapshot: unknown security type 'Kerberos' (expected"
                + " some of X509Vnc, X509None, X509Plain, TLSVnc, TLSNone, TLSPlain, VncAuth, None, Plain)");
        Cli.Outcome f = snapshot(server, dir.resolve("x.png"), "--accept-certificate", "SHA256:12:34");
        assertThat(f.errLines()).containsExactly("vncstream snapshot: not a SHA-256 fingerprint: 'SHA256:12:34'"
                + " (expected SHA256: and 32 bytes of hex, as the certificate prompt shows)");
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
